import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const SECTION_START = "<!-- bench:start (written by npm run bench) -->";
export const SECTION_END = "<!-- bench:end -->";

/** The markers of the section `npm run bench -- --engine postgres` writes: SQLite and PostgreSQL side by side. */
export const POSTGRES_SECTION = {
  start: "<!-- bench:postgres:start (written by npm run bench -- --engine postgres) -->",
  end: "<!-- bench:postgres:end -->",
};

/**
 * Replaces the text between the markers of `file` (the bench markers unless told), keeping everything else (other
 * sections) as it is; a file without them gets the section at its end, a missing file the preamble first.
 */
export function writeSection(
  file: string,
  body: string,
  preamble: string,
  markers = { start: SECTION_START, end: SECTION_END },
): void {
  const block = `${markers.start}\n${body}\n${markers.end}`;
  const old = existsSync(file) ? readFileSync(file, "utf8") : "";
  const start = old.indexOf(markers.start);
  const end = old.indexOf(markers.end);
  const text =
    start >= 0 && end > start
      ? old.slice(0, start) + block + old.slice(end + markers.end.length)
      : old
        ? `${old.trimEnd()}\n\n${block}\n`
        : `${preamble}\n\n${block}\n`;
  writeFileSync(file, text);
}
