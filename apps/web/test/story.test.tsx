import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { formatTick } from "../src/charts/format.js";
import { axisLabelBoxes, eventLabelBox, overlaps } from "../src/charts/time-series/label-layout.js";
import { layoutTimeSeries } from "../src/charts/time-series/layout.js";
import { toDay, type EventMark, type LineSeries } from "../src/charts/time-series/state.js";
import { linePoint } from "./fixtures.js";
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
import { storyBounds } from "../src/pages/overview/story-bounds.js";
import { DEFAULT_VIEW } from "../src/view/view-state.js";

const point = (start: string, end: string, value: number) => linePoint(start, end, value);

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
  topic: null,
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

const events = [
  event(1, "2022-10-07", "Oct 2022 rules", 1),
  event(73, "2025-08-11", "15% revenue deal", 5),
  event(30, "2024-01-08", "H20 ramp", 12),
  event(60, "2025-04-09", "H20 licence required", 3),
  event(65, "2025-05-28", "$4.5B H20 charge", 13),
  event(72, "2025-08-08", "H20 licences issued", 14),
  event(80, "2025-07-31", null),
];

describe("the H20 milestones", () => {
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

describe("the H20 milestones' labels", () => {
  // NVIDIA's China revenue as the seed has it: fiscal years and halves from FY2023, two fiscal quarters.
  const nvidia: LineSeries[] = [
    {
      key: "CHN",
      label: "China",
      interval: "quarter",
      points: [
        { ...point("2022-01-31", "2023-01-29", 5.785e9), coarser: true, intervals: 4, shown: 5.785e9 / 4 },
        { ...point("2023-01-30", "2024-01-28", 10.306e9), coarser: true, intervals: 4, shown: 10.306e9 / 4 },
        { ...point("2024-01-29", "2025-01-26", 17.108e9), coarser: true, intervals: 4, shown: 17.108e9 / 4 },
        point("2024-04-29", "2024-07-28", 3.667e9),
        point("2025-04-28", "2025-07-27", 2.769e9),
      ],
    },
  ];
  const { marks } = pickH20Milestones(events);
  const extendTo = marks.map((m) => m.date);
  // The widths of the story card's chart in a 375 px and a 1440 px wide window.
  const widths = { "375 px": 335, "1440 px": 648 };

  for (const [viewport, width] of Object.entries(widths)) {
    it(`labels all five milestones at ${viewport}, no two labels overlapping and each inside the plot`, () => {
      const bounds = storyBounds(width, false);
      const options = { mark: "line", events: marks, extendTo, labelEveryEvent: true, axisTitle: "USD" } as const;
      const layout = layoutTimeSeries(nvidia, bounds, options);
      expect(layout.events.map((e) => e.labelAt !== null)).toEqual([true, true, true, true, true]);
      // In the chart's coordinates, with the axis title and tick labels, all inside the chart's width.
      const { left } = bounds.margin;
      const boxes = [
        ...layout.events.map((e) => {
          const b = eventLabelBox(e)!;
          return { x0: b.x0 + left, x1: b.x1 + left, y0: b.y0 + layout.plotTop, y1: b.y1 + layout.plotTop };
        }),
        ...axisLabelBoxes(layout, bounds, (v) => formatTick(v, "USD")).map((a) => a.box),
      ];
      for (const [i, a] of boxes.entries()) {
        expect(a.x0).toBeGreaterThanOrEqual(0);
        expect(a.x1).toBeLessThanOrEqual(bounds.width);
        expect(a.y0).toBeGreaterThanOrEqual(0);
        for (const b of boxes.slice(i + 1)) expect(overlaps(a, b), JSON.stringify([a, b])).toBe(false);
      }
      // Above the plot, so that no label is written over the data.
      for (const e of layout.events) expect(eventLabelBox(e)!.y1).toBeLessThanOrEqual(0);
      const svg = renderToStaticMarkup(
        <TimeSeriesChart
          lines={nvidia}
          unit="USD"
          title="t"
          bounds={bounds}
          events={marks}
          extendTo={extendTo}
          labelEveryEvent
        />,
      );
      for (const m of H20_MILESTONES) expect(svg).toContain(`>${m.label}</text>`);
    });
  }

  it("draws the milestones at 375 px as SVG (test/output/time-series-milestones.svg)", async () => {
    const svg = renderToStaticMarkup(
      <TimeSeriesChart
        lines={nvidia}
        unit="USD"
        title="NVIDIA revenue from China, by quarter"
        bounds={storyBounds(widths["375 px"], false)}
        axisTitle="USD"
        events={marks}
        extendTo={extendTo}
        labelEveryEvent
      />,
    );
    await expect(svg).toMatchFileSnapshot("./output/time-series-milestones.svg");
  });

  it("keeps to three rows inside the plot, leaving a label out, unless every event is to be labelled", () => {
    const layout = layoutTimeSeries(nvidia, storyBounds(648, false), { mark: "line", events: marks, extendTo });
    const rows = new Set(layout.events.flatMap((e) => (e.labelAt ? [e.labelAt.y] : [])));
    expect([...rows].every((y) => y > 0)).toBe(true);
    expect(rows.size).toBeLessThanOrEqual(3);
    expect(layout.events.filter((e) => e.labelAt === null).length).toBeGreaterThan(0);
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
