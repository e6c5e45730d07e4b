import { describe, expect, it } from "vitest";
import { escapeBibtex, toBibtex, toCitationText, type CitationInput } from "../src/downloads/citation.js";

const source = (id: number, publisher: string, publishedOn: string) => ({
  id,
  publisher,
  title: "Synthetic",
  url: "https://example.org",
  publishedOn,
  locator: null,
  type: null,
  notes: null,
});

const input: CitationInput = {
  chart: "series",
  title: "Revenue share (%) by vendor, per quarter",
  viewUrl: "https://chipflow.example/?metric=revenue_share_pct&groupBy=vendor&interval=quarter#series",
  sources: [source(1, "ASML", "2025-01-29"), source(2, "Reuters", "2024-07-17")],
  dataVersion: "k3X_9aQ-2bTzY0wE",
  importedAt: "2026-03-01T09:30:00.000Z",
  retrievedOn: "2026-03-04",
};

describe("citations", () => {
  it("cite the chart as a data set with its version, the date of its data, its sources and the view's URL", () => {
    expect(toCitationText(input)).toBe(
      "chipflow (2026). “Revenue share (%) by vendor, per quarter” [data set]. Data version k3X_9aQ-2bTzY0wE, last " +
        "imported 2026-03-01. Sources: ASML (2025-01-29); Reuters (2024-07-17). Retrieved 2026-03-04 from " +
        "https://chipflow.example/?metric=revenue_share_pct&groupBy=vendor&interval=quarter#series",
    );
  });

  it("write BibTeX keyed by chart and version, special characters escaped and the URL verbatim", () => {
    expect(toBibtex(input)).toBe(
      [
        "@misc{chipflow-series-k3X_9aQ-2bTzY0wE,",
        "  author = {{chipflow}},",
        "  title = {{Revenue share (\\%) by vendor, per quarter}},",
        "  year = {2026},",
        "  note = {Data version k3X\\_9aQ-2bTzY0wE, last imported 2026-03-01. Sources: ASML (2025-01-29); Reuters (2024-07-17).},",
        "  url = {https://chipflow.example/?metric=revenue_share_pct&groupBy=vendor&interval=quarter#series},",
        "  urldate = {2026-03-04},",
        "}",
      ].join("\n"),
    );
    expect(escapeBibtex("R&D {50%} $1 #2 a_b ^ ~ \\")).toBe(
      "R\\&D \\{50\\%\\} \\$1 \\#2 a\\_b \\textasciicircum{} \\textasciitilde{} \\textbackslash{}",
    );
  });

  it("say what is not known yet rather than leave it out, and date by the day read when no import is known", () => {
    const unknown = { ...input, dataVersion: null, importedAt: null, sources: [] };
    expect(toCitationText(unknown)).toBe(
      "chipflow (2026). “Revenue share (%) by vendor, per quarter” [data set]. Data version unknown. Retrieved " +
        "2026-03-04 from https://chipflow.example/?metric=revenue_share_pct&groupBy=vendor&interval=quarter#series",
    );
    expect(toBibtex(unknown)).toMatch(/^@misc\{chipflow-series-2026,\n/);
  });
});
