import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp } from "./build-test-app.js";

let app: Awaited<ReturnType<typeof buildTestApp>>;
beforeAll(async () => (app = await buildTestApp()));
afterAll(() => app.close());

async function workbook(url: string) {
  const res = await app.inject(url);
  expect(res.statusCode).toBe(200);
  expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="chipflow-.*\.xlsx"$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return book;
}

describe("each view as an Excel workbook", () => {
  it.each(["series", "breakdown", "flows"])(
    "answers /%s.xlsx with a data sheet and a sources sheet, headers frozen",
    async (view) => {
      const book = await workbook(`/api/v1/${view}.xlsx?metric=revenue_usd`);
      expect(book.worksheets.map((s) => s.name)).toEqual(["data", "sources"]);
      for (const sheet of book.worksheets) expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    },
  );

  it("holds the same figures as the JSON, numbers as numbers and dates as dates, with their sources", async () => {
    const query = "metric=revenue_usd&groupBy=destination";
    const json = (await app.inject(`/api/v1/breakdown?${query}`)).json<{
      rows: { key: string; value: number | null }[];
      sources: { id: number }[];
    }>();
    const book = await workbook(`/api/v1/breakdown.xlsx?${query}`);
    const data = book.getWorksheet("data")!;
    const header = (data.getRow(1).values as unknown[]).slice(1) as string[];
    const cell = (row: number, column: string) => data.getRow(row).getCell(header.indexOf(column) + 1);
    expect(data.rowCount - 1).toBe(json.rows.length);
    json.rows.forEach((r, i) => {
      expect(cell(i + 2, "key").value).toBe(r.key);
      expect(cell(i + 2, "value").value).toBe(r.value);
      expect(cell(i + 2, "period_start").value).toBeInstanceOf(Date);
    });
    const sources = book.getWorksheet("sources")!;
    expect(sources.rowCount - 1).toBe(json.sources.length);
  });
});
