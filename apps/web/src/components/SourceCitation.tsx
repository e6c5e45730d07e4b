import type { Source } from "@chipflow/core";

/** "Publisher, <title linked> (date)": how a source is cited wherever a figure is explained. */
export function SourceCitation({ source }: { source: Source }) {
  return (
    <>
      {source.publisher},{" "}
      <a href={source.url} target="_blank" rel="noreferrer">
        {source.title}
      </a>{" "}
      ({source.publishedOn})
    </>
  );
}
