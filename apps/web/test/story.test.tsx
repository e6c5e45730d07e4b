import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { layoutTimeSeries } from "../src/charts/time-series/layout.js";
import { toDay, type EventMark, type LinePoint, type LineSeries } from "../src/charts/time-series/state.js";
import { TimeSeriesChart } from "../src/charts/time-series/TimeSeriesChart.js";
import {
  H20_MILESTONES,
  NVIDIA_CHINA_VIEW,
  SHARE_VIEW,
  isDefaultView,
  pickH20Milestones,
  shareGaps,
  shareGapsNote,
} from "../src/pages/overview/story.js";
import { DEFAULT_VIEW } from "../src/view/view-state.js";

const point = (start: string, end: string, value: number): LinePoint => ({
  start: toDay(start),
  end: toDay(end),
  label: start,
  value,
  shown: value,
  intervals: 1,
  low: null,
  high: null,
  coarser: false,
  estimateKind: "reported",
  granularity: "quarter",
  basis: null,
  sourceIds: [1],
  alternatives: [],
});

const line = (key: string, label: string, figures: number): LineSeries => ({
  key,
  label,
  interval: "quarter",
  points: Array.from({ length: figures }, (_, i) =>
    point(
      `${2021 + Math.floor(i / 4)}-${String(1 + (i % 4) * 3).padStart(2, "0")}-01`,
      `${2021 + Math.floor(i / 4)}-${String(3 + (i % 4) * 3).padStart(2, "0")}-28`,
      20 + i,
    ),
  ),
});

const event = (id: number, date: string, label: string | null, rank: number | null = null): EventMark => ({
  id,
  date: toDay(date),
  dateLabel: date,
  dateKind: "occurred",
  rank,
  label,
  title: `Event ${id}`,
  description: "",
  jurisdiction: "USA",
  sourceId: 100 + id,
});

describe("the share chart's gaps", () => {
  it("names the makers absent from the response as missing, and those with few figures with their count", () => {
    const lines = [
      line("asml", "ASML", 15),
      line("tokyo-electron", "Tokyo Electron", 15),
      line("applied-materials", "Applied Materials", 24),
      line("lam-research", "Lam Research", 13),
      line("nvidia", "NVIDIA", 3),
      line("kla", "KLA", 3),
    ];
    expect(shareGaps(lines)).toEqual({
      missing: ["AMD"],
      few: [
        { label: "NVIDIA", figures: 3 },
        { label: "KLA", figures: 3 },
      ],
    });
    expect(shareGapsNote(lines)).toBe("No share figures for AMD; only a few each for NVIDIA (3) and KLA (3).");
  });

  it("says nothing when every maker has more than a few figures, and names all seven when none has any", () => {
    const all = SHARE_VIEW.filters.vendor.map((id) => line(id, id, 8));
    expect(shareGapsNote(all)).toBeNull();
    expect(shareGapsNote([])).toBe(
      "No share figures for NVIDIA, AMD, ASML, Tokyo Electron, Applied Materials, Lam Research and KLA.",
    );
  });
});

describe("the H20 milestones", () => {
  const events = [
    event(1, "2022-10-07", "Oct 2022 rules", 1),
    event(73, "2025-08-11", "15% revenue deal", 5),
    event(30, "2023-11", "H20 launched", 12),
    event(60, "2025-04-09", "H20 licence required", 3),
    event(65, "2025-05-28", "$4.5B H20 charge", 13),
    event(72, "2025-08-08", "H20 licences issued", 14),
    event(80, "2025-07-31", null),
  ];

  it("picks the H20's events by their labels, in date order, and leaves out every other event", () => {
    const { marks, missing } = pickH20Milestones(events);
    expect(marks.map((m) => m.id)).toEqual([30, 60, 65, 72, 73]);
    expect(missing).toEqual([]);
    expect(marks.length).toBe(H20_MILESTONES.length);
  });

  it("names a milestone the events do not hold", () => {
    const { marks, missing } = pickH20Milestones(events.filter((e) => e.label !== "15% revenue deal"));
    expect(marks.map((m) => m.id)).toEqual([30, 60, 65, 72]);
    expect(missing).toEqual(["the 15% revenue arrangement (August 2025)"]);
  });

  it("draws milestones just past the last figure: the time axis reaches them, each with its label", () => {
    const lines = [line("CHN", "China", 8)];
    const { marks } = pickH20Milestones(events);
    const bounds = { width: 900, height: 300, margin: { top: 16, right: 16, bottom: 32, left: 64 } };
    // Without reaching them, the milestones past the data's span are left out.
    expect(layoutTimeSeries(lines, bounds, { mark: "line", events: marks }).events.length).toBeLessThan(marks.length);
    const extendTo = marks.map((m) => m.date);
    const layout = layoutTimeSeries(lines, bounds, { mark: "line", events: marks, extendTo });
    expect(layout.events.length).toBe(marks.length);
    expect(layout.events.filter((e) => e.labelAt !== null).length).toBeGreaterThanOrEqual(3);
    const svg = renderToStaticMarkup(
      <TimeSeriesChart lines={lines} unit="USD" title="t" bounds={bounds} events={marks} extendTo={extendTo} />,
    );
    expect(svg).toContain(">H20 licence required</text>");
  });
});

describe("when the story shows", () => {
  it("shows on the default view only, and its own views are not the default", () => {
    expect(isDefaultView(DEFAULT_VIEW)).toBe(true);
    expect(isDefaultView({ ...DEFAULT_VIEW, interval: "quarter" })).toBe(false);
    expect(isDefaultView({ ...DEFAULT_VIEW, events: false })).toBe(false);
    expect(isDefaultView(SHARE_VIEW)).toBe(false);
    expect(isDefaultView(NVIDIA_CHINA_VIEW)).toBe(false);
  });
});
