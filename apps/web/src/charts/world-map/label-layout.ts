/** A label to place next to a point, most important first. */
export interface LabelCandidate {
  id: string;
  text: string;
  x: number;
  y: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A placed label: its anchor point for SVG text (baseline at `y`) and the box it takes. */
export interface PlacedLabel {
  id: string;
  text: string;
  x: number;
  y: number;
  anchor: "start" | "end" | "middle";
  box: Box;
}

/** The width of a text at a font size, a little wider than most sans-serif faces draw it. */
export const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.62;

export const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/**
 * Places labels greedily in order: right of the point, then left, above, below; a label that fits nowhere inside
 * the bounds without overlapping one already placed (or a `reserved` box) is left out, never drawn on top.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  bounds: { width: number; height: number },
  { fontSize = 11, limit = Infinity, reserved = [] as Box[] } = {},
): PlacedLabel[] {
  const placed: PlacedLabel[] = [];
  const taken = [...reserved];
  const gap = 5;
  for (const c of candidates) {
    if (placed.length >= limit) break;
    const w = textWidth(c.text, fontSize);
    const h = fontSize + 2;
    const options: { anchor: PlacedLabel["anchor"]; x: number; y: number; box: Box }[] = [
      {
        anchor: "start",
        x: c.x + gap,
        y: c.y + h / 2 - 2,
        box: { x0: c.x + gap, y0: c.y - h / 2, x1: c.x + gap + w, y1: c.y + h / 2 },
      },
      {
        anchor: "end",
        x: c.x - gap,
        y: c.y + h / 2 - 2,
        box: { x0: c.x - gap - w, y0: c.y - h / 2, x1: c.x - gap, y1: c.y + h / 2 },
      },
      {
        anchor: "middle",
        x: c.x,
        y: c.y - gap - 2,
        box: { x0: c.x - w / 2, y0: c.y - gap - h, x1: c.x + w / 2, y1: c.y - gap },
      },
      {
        anchor: "middle",
        x: c.x,
        y: c.y + gap + h - 2,
        box: { x0: c.x - w / 2, y0: c.y + gap, x1: c.x + w / 2, y1: c.y + gap + h },
      },
    ];
    const round = (n: number) => Math.round(n * 10) / 10;
    for (const o of options)
      o.box = { x0: round(o.box.x0), y0: round(o.box.y0), x1: round(o.box.x1), y1: round(o.box.y1) };
    const fits = options.find(
      (o) =>
        o.box.x0 >= 0 &&
        o.box.y0 >= 0 &&
        o.box.x1 <= bounds.width &&
        o.box.y1 <= bounds.height &&
        !taken.some((t) => overlaps(t, o.box)),
    );
    if (!fits) continue;
    placed.push({ id: c.id, text: c.text, x: round(fits.x), y: round(fits.y), anchor: fits.anchor, box: fits.box });
    taken.push(fits.box);
  }
  return placed;
}
