/** Okabe–Ito: eight colours that stay distinct for the common forms of colour blindness. */
export const PALETTE = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#D55E00",
  "#CC79A7",
  "#56B4E9",
  "#F0E442",
  "#000000",
] as const;

export function colorAt(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
