import type { EventMark, LineSeries } from "../../charts/time-series/state.js";
import { DEFAULT_VIEW, noFilters, toViewSearch, type ViewState } from "../../view/view-state.js";

/** The seven makers whose share of revenue from China the story compares: the chip designers and the tool makers. */
export const STORY_VENDORS: readonly { id: string; label: string }[] = [
  { id: "nvidia", label: "NVIDIA" },
  { id: "amd", label: "AMD" },
  { id: "asml", label: "ASML" },
  { id: "tokyo-electron", label: "Tokyo Electron" },
  { id: "applied-materials", label: "Applied Materials" },
  { id: "lam-research", label: "Lam Research" },
  { id: "kla", label: "KLA" },
];

/** China's share of each of the seven's revenue, per quarter (per fiscal year where that is all a maker reports). */
export const SHARE_VIEW: ViewState = {
  ...DEFAULT_VIEW,
  metric: "revenue_share_pct",
  groupBy: "vendor",
  interval: "quarter",
  rankBy: "vendor",
  filters: { ...noFilters(), vendor: STORY_VENDORS.map((v) => v.id), destination: ["CHN"] },
};

/**
 * NVIDIA's revenue from China per fiscal quarter, on the billing-location basis: the basis NVIDIA reported by quarter
 * (the customer-headquarters basis of the dashboard's default view has mostly fiscal-year figures), from 2023: the
 * H20's years.
 */
export const NVIDIA_CHINA_VIEW: ViewState = {
  ...DEFAULT_VIEW,
  interval: "quarter",
  from: "2023-01-01",
  filters: { ...noFilters(), vendor: ["nvidia"], destination: ["CHN"], dataset: ["nvidia-geo-billing"] },
};

/** Whether the dashboard shows its default view: the one view that opens with the story. */
export const isDefaultView = (view: ViewState) => toViewSearch(view) === toViewSearch(DEFAULT_VIEW);

/** A maker with this many share figures or fewer has "few": its line says little on its own. */
export const FEW_FIGURES = 3;

/**
 * What the share chart cannot show, from the lines the API returned: the makers with no figure at all, and those with
 * only a few (both empty when
 * every maker has more than a few).
 */
export function shareGaps(lines: LineSeries[]): { missing: string[]; few: { label: string; figures: number }[] } {
  const count = new Map(lines.map((l) => [l.key, l.points.length]));
  return {
    missing: STORY_VENDORS.filter((v) => !count.get(v.id)).map((v) => v.label),
    few: STORY_VENDORS.filter((v) => (count.get(v.id) ?? 0) > 0 && count.get(v.id)! <= FEW_FIGURES).map((v) => ({
      label: v.label,
      figures: count.get(v.id)!,
    })),
  };
}

const list = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)!}`;

/** The share chart's gaps in words ("No figures for AMD. Only a few for KLA (3) and NVIDIA (3)."), or null. */
export function shareGapsNote(lines: LineSeries[]): string | null {
  const { missing, few } = shareGaps(lines);
  const parts = [
    missing.length > 0 ? `No share figures for ${list(missing)}` : "",
    few.length > 0
      ? `only ${few.length === 1 ? "a few" : "a few each"} for ${list(few.map((f) => `${f.label} (${f.figures})`))}`
      : "",
  ].filter(Boolean);
  if (parts.length === 0) return null;
  const text = parts.join("; ");
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** The H20's milestones, each named by the short label of its event. */
export const H20_MILESTONES: readonly { label: string; name: string }[] = [
  { label: "H20 ramp", name: "the reported H20 production ramp (January 2024)" },
  { label: "H20 licence required", name: "the licence requirement (April 2025)" },
  { label: "$4.5B H20 charge", name: "the $4.5B H20 charge (May 2025)" },
  { label: "H20 licences issued", name: "the resumption of licences (August 2025)" },
  { label: "15% revenue deal", name: "the 15% revenue arrangement (August 2025)" },
];

/** The H20 milestones among the events, in date order, and the names of those the events do not hold. */
export function pickH20Milestones(events: EventMark[]): { marks: EventMark[]; missing: string[] } {
  const found = H20_MILESTONES.map((m) => ({ m, event: events.find((e) => e.label === m.label) }));
  return {
    marks: found.flatMap((f) => (f.event ? [f.event] : [])).sort((a, b) => a.date.getTime() - b.date.getTime()),
    missing: found.filter((f) => !f.event).map((f) => f.m.name),
  };
}
