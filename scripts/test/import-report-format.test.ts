import type { ImportReport } from "@chipflow/db";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../src/report/format-report-html.js";
import { escapeMarkdown, formatReportMarkdown } from "../src/report/format-report-markdown.js";
import { toOutcome, toPeriodLabel, toReportDocument } from "../src/report/report-document.js";
import { toReportFormat } from "../src/report/write-import-report.js";

/** A report of a chipflow CSV with one combination over the table's limit. */
const report: ImportReport = {
  file: "estimates.csv",
  format: "chipflow-csv",
  encoding: "utf-8",
  datasetId: "estimates",
  dryRun: true,
  skipInvalid: false,
  committed: false,
  rows: 3,
  facts: 3,
  inserted: 3,
  updated: 0,
  rejected: 0,
  groupedBy: "flow",
  groups: [
    {
      by: "TWN → CHN",
      year: "2024",
      product: "Examplechip XA-1",
      rows: 2,
      skipped: 0,
      valueUsd: 1.4,
      importsUsd: 0,
      exportsUsd: 0,
    },
  ],
  ungrouped: { rows: 1, skipped: 0, valueUsd: 2.2, importsUsd: 0, exportsUsd: 0 },
  leftOut: [],
  unmapped: [],
  unlistedCodes: 0,
  mirrors: { checked: true, tolerance: 0.1, compared: 0, conflictCount: 0, conflicts: [] },
};

describe("import report rendering", () => {
  it("picks Markdown or HTML by the file's extension, and nothing else", () => {
    expect(["r.md", "R.MD", "r.markdown", "r.html", "r.htm", "r.txt", "r", "r.md.gz"].map(toReportFormat)).toEqual([
      "markdown",
      "markdown",
      "markdown",
      "html",
      "html",
      undefined,
      undefined,
      undefined,
    ]);
  });

  it("escapes markup in Markdown without touching plain codes, names and numbers", () => {
    expect(escapeMarkdown("HS 8542.31 revenue_usd 1,000 USA → CHN")).toBe("HS 8542.31 revenue_usd 1,000 USA → CHN");
    expect(escapeMarkdown("a|b *c* [d](e) <f> `g` _h_ \\ &amp;")).toBe(
      "a\\|b \\*c\\* \\[d\\](e) \\<f\\> \\`g\\` \\_h\\_ \\\\ \\&amp;",
    );
    expect(escapeMarkdown("two\r\nlines")).toBe("two lines");
  });

  it("escapes every character HTML gives a meaning to", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("names a period by its year or month where it is one", () => {
    expect(toPeriodLabel("2023-01-01", "2023-12-31")).toBe("2023");
    expect(toPeriodLabel("2024-02-01", "2024-02-29")).toBe("2024-02");
    expect(toPeriodLabel("2024-01-01", "2024-03-31")).toBe("2024-01-01 … 2024-03-31");
  });

  it("says what became of the import", () => {
    expect(toOutcome(report)).toBe("dry run: nothing was written; the import would write 3 new facts, 0 already held");
    expect(toOutcome({ ...report, dryRun: false, committed: true })).toBe("imported: 3 new facts, 0 already held");
    expect(toOutcome({ ...report, rejected: 2 })).toBe(
      "dry run: refused: 2 rows fail the checks, so nothing would be written (fix them, or pass --skip-invalid to import the others)",
    );
    expect(toOutcome({ ...report, rejected: 2, skipInvalid: true })).toMatch(/^dry run: nothing was written/);
  });

  it("counts a chipflow file by origin → destination, with the rows past the table's limit on a line of their own", () => {
    const markdown = formatReportMarkdown(toReportDocument(report));
    expect(markdown).toContain("## Rows by origin → destination, year and product");
    expect(markdown).toContain(
      [
        "| origin → destination | year | product | rows | skipped | value (USD) |",
        "| --- | --- | --- | ---: | ---: | ---: |",
        "| TWN → CHN | 2024 | Examplechip XA-1 | 2 | 0 | 1 |",
        "| (further combinations) |  |  | 1 | 0 | 2 |",
        "| total |  |  | 3 | 0 | 4 |",
      ].join("\n"),
    );
    expect(markdown).toContain("Not checked: mirror flows are compared for UN Comtrade files only.");
  });
});
