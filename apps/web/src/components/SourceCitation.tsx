import type { Source } from "@chipflow/core";

const TYPE_TITLES = {
  primary: "The issuer's or regulator's own document (filing, annual report, release, official notice or statistic)",
  secondary: "An article or aggregator reporting the figure; its note names the primary document where known",
} as const;

/** "primary" or "secondary": whose document a source is, as a badge with its meaning on hover. */
export function SourceTypeBadge({ type }: { type: Source["type"] }) {
  if (type === null) return null;
  return (
    <span className={`source-type source-type-${type}`} title={TYPE_TITLES[type]}>
      {type}
    </span>
  );
}

/**
 * "[primary] Publisher, <title linked> (date), where in it": how a source is cited wherever a figure is explained.
 * `locator` says where in the document the figure stands (a note, table or XBRL page).
 */
export function SourceCitation({ source }: { source: Source }) {
  return (
    <>
      <SourceTypeBadge type={source.type} /> {source.publisher},{" "}
      <a href={source.url} target="_blank" rel="noreferrer">
        {source.title}
      </a>{" "}
      <span className="date">({source.publishedOn})</span>
      {source.locator ? <span className="locator">, {source.locator}</span> : null}
    </>
  );
}
