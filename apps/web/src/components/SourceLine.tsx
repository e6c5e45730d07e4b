import type { Source } from "@chipflow/core";

/** "Source: NVIDIA, 10-K (2026-02-25)" with links, under every chart. */
export function SourceLine({ sources }: { sources: Source[] }) {
  if (sources.length === 0) return null;
  return (
    <p className="source-line">
      Source{sources.length > 1 ? "s" : ""}:{" "}
      {sources.map((s, i) => (
        <span key={s.id}>
          {i > 0 ? "; " : ""}
          <a href={s.url} target="_blank" rel="noreferrer">
            {s.publisher}, {s.title}
          </a>{" "}
          ({s.publishedOn})
        </span>
      ))}
    </p>
  );
}
