/**
 * Periods. A fact covers the calendar days from `periodStart` to `periodEnd` (inclusive, ISO dates).
 * Fiscal periods are stored by their calendar dates; their name (for example "Q3 FY2026") is a label.
 */
export const GRANULARITIES = ["day", "month", "quarter", "half", "year", "span"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** The intervals a series can be bucketed by. */
export const INTERVALS = ["month", "quarter", "year"] as const;
export type Interval = (typeof INTERVALS)[number];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** True for YYYY, YYYY-MM or YYYY-MM-DD: source and event dates are known to different precision. */
export function isPartialDate(value: string): boolean {
  if (!PARTIAL_DATE.test(value)) return false;
  if (value.length === 10) return isIsoDate(value);
  if (value.length === 7) return isIsoDate(`${value}-01`);
  return true;
}

/** Days from `start` to `end`, both included. */
export function daysInclusive(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * The granularity of a period from its length. Fiscal quarters of 13 or 14 weeks count as quarters,
 * 52- or 53-week fiscal years as years; anything irregular is a `span`.
 */
export function inferGranularity(start: string, end: string): Granularity {
  const days = daysInclusive(start, end);
  if (days === 1) return "day";
  if (days >= 28 && days <= 31) return "month";
  if (days >= 84 && days <= 98) return "quarter";
  if (days >= 175 && days <= 189) return "half";
  if (days >= 357 && days <= 371) return "year";
  return "span";
}

/** Rank of a granularity, finest first; `span` is the coarsest. */
export const GRANULARITY_RANK: Record<Granularity, number> = {
  day: 0,
  month: 1,
  quarter: 2,
  half: 3,
  year: 4,
  span: 5,
};

/** The first day of the bucket of `interval` that holds `date`. */
export function toBucketStart(date: string, interval: Interval): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (interval === "year") return `${year}-01-01`;
  if (interval === "month") return `${year}-${date.slice(5, 7)}-01`;
  const q = Math.floor((month - 1) / 3) * 3 + 1;
  return `${year}-${String(q).padStart(2, "0")}-01`;
}

/** The last day of the bucket of `interval` that starts on `bucketStart`. */
export function toBucketEnd(bucketStart: string, interval: Interval): string {
  const y = Number(bucketStart.slice(0, 4));
  const m = Number(bucketStart.slice(5, 7));
  const months = interval === "year" ? 12 : interval === "quarter" ? 3 : 1;
  const end = new Date(Date.UTC(y, m - 1 + months, 0));
  return end.toISOString().slice(0, 10);
}

/** A short label for a bucket: "2024", "2024 Q3", "2024-07". */
export function toBucketLabel(bucketStart: string, interval: Interval): string {
  const year = bucketStart.slice(0, 4);
  if (interval === "year") return year;
  if (interval === "month") return bucketStart.slice(0, 7);
  return `${year} Q${Math.floor((Number(bucketStart.slice(5, 7)) - 1) / 3) + 1}`;
}

/**
 * The bucket a fact belongs to: the bucket holding the period's middle day. A fact longer than one bucket
 * is never split: callers mark it as coarser than the interval (see `isCoarserThan`).
 */
export function toFactBucket(start: string, end: string, interval: Interval): string {
  const mid = new Date((Date.parse(`${start}T00:00:00Z`) + Date.parse(`${end}T00:00:00Z`)) / 2);
  return toBucketStart(mid.toISOString().slice(0, 10), interval);
}

const INTERVAL_MAX_DAYS: Record<Interval, number> = { month: 31, quarter: 98, year: 371 };

/** True when a period is longer than one bucket of `interval`, so it must be shown over its whole span. */
export function isCoarserThan(start: string, end: string, interval: Interval): boolean {
  return daysInclusive(start, end) > INTERVAL_MAX_DAYS[interval];
}

/** The average length of an interval in days, to say how many intervals a longer figure covers. */
const INTERVAL_MEAN_DAYS: Record<Interval, number> = { month: 365.25 / 12, quarter: 365.25 / 4, year: 365.25 };

/** How many intervals a period spans, at least one: a fiscal year is 4 quarters or 12 months, a half 2 quarters. */
export function intervalsIn(start: string, end: string, interval: Interval): number {
  return Math.max(1, Math.round(daysInclusive(start, end) / INTERVAL_MEAN_DAYS[interval]));
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const PARTS: Partial<Record<Granularity, { name: string; of: Partial<Record<Interval, number>> }>> = {
  month: { name: "months", of: { quarter: 3, year: 12 } },
  quarter: { name: "quarters", of: { year: 4 } },
};

/**
 * What part of a bucket its figures cover, when they do not cover all of it: a year of seven monthly figures is
 * "Jan–Jul", one with a hole "Jan–Jul, 6 of 12 months"; three fiscal quarters of a year "3 of 4 quarters". Null for
 * a whole bucket, or figures as long as the bucket.
 */
export function toCoverage(
  interval: Interval,
  granularity: Granularity,
  start: string,
  end: string,
  periods: number,
): string | null {
  const part = PARTS[granularity];
  const whole = part?.of[interval];
  if (!part || !whole || periods >= whole) return null;
  const [m0, m1] = [Number(start.slice(5, 7)), Number(end.slice(5, 7))];
  const calendarMonths = granularity === "month" && start.slice(0, 4) === end.slice(0, 4);
  const span = !calendarMonths ? "" : m0 === m1 ? MONTHS[m0 - 1]! : `${MONTHS[m0 - 1]}–${MONTHS[m1 - 1]}`;
  const count = `${periods} of ${whole} ${part.name}`;
  return !span ? count : m1 - m0 + 1 === periods ? span : `${span}, ${count}`;
}
