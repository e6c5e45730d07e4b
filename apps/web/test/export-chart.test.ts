import { describe, expect, it } from "vitest";
import { toSourceText, toStandaloneSvg } from "../src/charts/export-chart.js";

const source = (id: number, publisher: string) => ({
  id,
  publisher,
  title: "Synthetic",
  url: "https://example.org",
  publishedOn: "2024",
  locator: null,
  type: null,
  notes: null,
});

describe("chart downloads", () => {
  it("frames the chart with its title, units and source line, escaping text", () => {
    const svg = toStandaloneSvg(
      '<svg viewBox="0 0 100 50"><circle r="2"/></svg>',
      { width: 100, height: 50 },
      { title: "H20 <units> & revenue", units: "Units per year", sources: [source(1, "Fixture")] },
    );
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="100" height="126"/);
    expect(svg).toContain("H20 &lt;units&gt; &amp; revenue");
    expect(svg).toContain("Units per year");
    expect(svg).toContain('<svg x="0" y="48" viewBox="0 0 100 50">');
    expect(svg).toContain("Source: Fixture (2024)");
  });

  it("writes the view's URL under the source line, squeezed to the picture's width when longer", () => {
    const caption = { title: "T", units: "U", sources: [source(1, "Fixture")] };
    const url = "https://chipflow.example/?metric=units&groupBy=product&interval=year#series";
    const svg = toStandaloneSvg('<svg viewBox="0 0 600 50"></svg>', { width: 600, height: 50 }, { ...caption, url });
    expect(svg).toMatch(/height="142"/);
    expect(svg).toContain('<text x="12" y="116" font-size="11" fill="#5b6474">Source: Fixture (2024)</text>');
    expect(svg).toContain(`<text x="12" y="132" font-size="11" fill="#5b6474">${url.replaceAll("&", "&amp;")}</text>`);
    const narrow = toStandaloneSvg("<svg></svg>", { width: 300, height: 50 }, { ...caption, url });
    expect(narrow).toContain('textLength="276" lengthAdjust="spacingAndGlyphs"');
  });

  it("names each publication once, however many places in it the figures come from", () => {
    expect(toSourceText([source(1, "NVIDIA"), source(2, "NVIDIA"), source(3, "Reuters")])).toBe(
      "Sources: NVIDIA (2024); Reuters (2024)",
    );
    expect(toSourceText([source(1, "NVIDIA"), source(2, "NVIDIA")])).toBe("Source: NVIDIA (2024)");
  });

  it("cuts a long source list to one line that says where the rest is", () => {
    const text = toSourceText(Array.from({ length: 30 }, (_, i) => source(i, `Publisher ${i}`)));
    expect(text.length).toBeLessThan(200);
    expect(text).toMatch(/^Sources: Publisher 0 \(2024\); /);
    expect(text).toMatch(/full list at chipflow\)$/);
  });
});
