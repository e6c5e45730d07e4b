import type { Category } from "@chipflow/core";

/** A trade category: the vendor-less product that stands for one HS code. */
export interface HsProduct {
  /** "HS 8542.31", "HS 8542" or "HS 85". */
  name: string;
  /** The code as written in HS nomenclature: "8542.31". */
  hsCode: string;
  category: Category;
}

/** Longest prefix first: the category of an HS code is that of the most specific entry that starts it. */
const CATEGORY_BY_PREFIX: readonly (readonly [string, Category])[] = [
  ["854232", "memory"], // memories
  ["8542", "integrated_circuits"], // .31 processors and controllers (GPUs, AI accelerators as chips), .33, .39, .90
  ["8486", "semiconductor_equipment"], // wafer, device and IC, flat-panel machines: lithography, etch, deposition
  ["903082", "inspection"], // instruments for measuring semiconductor wafers or devices
  ["903141", "inspection"], // instruments for inspecting wafers, devices or photomasks
  ["847150", "server"], // processing units
];

/** The product of an HS code of 2, 4 or 6 digits (stray spaces allowed), or undefined when it is not one. */
export function toHsProduct(cmdCode: string): HsProduct | undefined {
  const code = cmdCode.trim();
  if (!/^\d{2}(\d{2}){0,2}$/.test(code)) return undefined;
  const hsCode = code.length === 6 ? `${code.slice(0, 4)}.${code.slice(4)}` : code;
  const category = CATEGORY_BY_PREFIX.find(([prefix]) => code.startsWith(prefix))?.[1] ?? "other";
  return { name: `HS ${hsCode}`, hsCode, category };
}
