import type { Source } from "@chipflow/core";
import { SourceTypeBadge } from "./SourceCitation.js";

/**
 * "Source: NVIDIA, 10-K (2026-02-25)" with links, under every chart: one entry per document (the figures of one
 * table are cited at different places in it, but the line names the document once); long lists end with a count
 * that links to the full list (`moreHref`: the sources panel of the page, or of the dashboard from an embed).
 */
export function SourceLine({
  sources,
  max = 4,
  moreHref = "#sources-title",
}: {
  sources: Source[];
  max?: number;
  moreHref?: string;
}) {
  const documents = [...new Map(sources.map((s) => [`${s.publisher}\u0000${s.title}\u0000${s.url}`, s])).values()];
  if (documents.length === 0) return null;
  const shown = documents.slice(0, max);
  const more = documents.length - shown.length;
  return (
    <p className="source-line">
      Source{documents.length > 1 ? "s" : ""}:{" "}
      {shown.map((s, i) => (
        <span key={s.id}>
          {i > 0 ? "; " : ""}
          <SourceTypeBadge type={s.type} />{" "}
          <a href={s.url} target="_blank" rel="noreferrer">
            {s.publisher}, {s.title}
          </a>{" "}
          ({s.publishedOn})
        </span>
      ))}
      {more > 0 ? (
        <>
          {" "}
          and{" "}
          <a href={moreHref} target={moreHref.startsWith("#") ? undefined : "_blank"} rel="noreferrer">
            {more} more
          </a>
        </>
      ) : null}
    </p>
  );
}
