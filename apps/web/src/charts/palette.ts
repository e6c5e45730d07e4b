/**
 * Okabe–Ito: eight colours that stay distinct for the common forms of colour blindness. Its black is swapped for
 * a mid grey so that the eighth series (often "other") reads on light and dark backgrounds alike.
 */
export const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#D55E00",
  "#CC79A7",
  "#56B4E9",
  "#F0E442",
  "#8C8C8C",
] as const;

export function colorAt(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
