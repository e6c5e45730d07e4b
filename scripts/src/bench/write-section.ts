import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const SECTION_START = "<!-- bench:start (written by npm run bench) -->";
export const SECTION_END = "<!-- bench:end -->";

/** Replaces the text between the bench markers of `file`, keeping everything else (other sections) as it is. */
export function writeSection(file: string, body: string, preamble: string): void {
  const block = `${SECTION_START}\n${body}\n${SECTION_END}`;
  const old = existsSync(file) ? readFileSync(file, "utf8") : "";
  const start = old.indexOf(SECTION_START);
  const end = old.indexOf(SECTION_END);
  const text =
    start >= 0 && end > start
      ? old.slice(0, start) + block + old.slice(end + SECTION_END.length)
      : old
        ? `${old.trimEnd()}\n\n${block}\n`
        : `${preamble}\n\n${block}\n`;
  writeFileSync(file, text);
}
