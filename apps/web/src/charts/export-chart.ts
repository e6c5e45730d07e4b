import type { Source } from "@chipflow/core";

export interface ChartCaption {
  title: string;
  units: string;
  sources: Source[];
  /** The chipflow URL of the view, written under the source line so that a picture leads back to its data. */
  url?: string;
}

const escape = (s: string) =>
  s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * "Sources: NVIDIA, 10-K (2026-02-25); …", each publication once (one filing is cited at many places), cut to fit
 * one line of a picture.
 */
export function toSourceText(sources: Source[], maxLength = 160): string {
  if (sources.length === 0) return "Source: chipflow";
  const names = [...new Set(sources.map((s) => `${s.publisher} (${s.publishedOn})`))];
  const text = `Source${names.length > 1 ? "s" : ""}: ${names.join("; ")}`;
  return text.length > maxLength ? `${text.slice(0, maxLength - 1)}… (full list at chipflow)` : text;
}

/** The view's URL on one line: squeezed to the picture's width when longer (about 6 px a character at 11 px). */
function toUrlText(url: string, width: number, y: number) {
  const fit = url.length * 6 > width - 24 ? ` textLength="${width - 24}" lengthAdjust="spacingAndGlyphs"` : "";
  return `<text x="12" y="${y}" font-size="11" fill="#5b6474"${fit}>${escape(url)}</text>`;
}

/**
 * A standalone SVG file of a drawn chart: the chart's own markup framed by its title, units, source line and URL,
 * with colours fixed so that it reads the same outside the page.
 */
export function toStandaloneSvg(chartMarkup: string, size: { width: number; height: number }, caption: ChartCaption) {
  const top = 48;
  const bottom = caption.url ? 44 : 28;
  const width = size.width;
  const height = size.height + top + bottom;
  const inner = chartMarkup.replace(/^<svg/, `<svg x="0" y="${top}"`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    ` font-family="system-ui, sans-serif" color="#1d2433" style="color:#1d2433">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="12" y="22" font-size="16" font-weight="600" fill="#1d2433">${escape(caption.title)}</text>`,
    `<text x="12" y="40" font-size="12" fill="#5b6474">${escape(caption.units)}</text>`,
    inner,
    `<text x="12" y="${height - bottom + 18}" font-size="11" fill="#5b6474">${escape(toSourceText(caption.sources))}</text>`,
    caption.url ? toUrlText(caption.url, width, height - 10) : "",
    `</svg>`,
  ].join("");
}

/** Serialises the SVG element and wraps it with its caption. */
export function serializeChart(svg: SVGSVGElement, caption: ChartCaption): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const markup = new XMLSerializer().serializeToString(clone);
  const width = Number(svg.getAttribute("width")) || svg.viewBox.baseVal.width;
  const height = Number(svg.getAttribute("height")) || svg.viewBox.baseVal.height;
  return toStandaloneSvg(markup, { width, height }, caption);
}

function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function downloadSvg(svg: SVGSVGElement, caption: ChartCaption, filename: string) {
  save(new Blob([serializeChart(svg, caption)], { type: "image/svg+xml" }), `${filename}.svg`);
}

/** Draws the captioned SVG on a canvas at twice its size and saves it as PNG. */
export async function downloadPng(svg: SVGSVGElement, caption: ChartCaption, filename: string) {
  const markup = serializeChart(svg, caption);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml" }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width * 2;
    canvas.height = image.height * 2;
    const context = canvas.getContext("2d")!;
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (blob) save(blob, `${filename}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
