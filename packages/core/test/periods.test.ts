import { describe, expect, it } from "vitest";
import {
  inferGranularity,
  isCoarserThan,
  isPartialDate,
  toBucketEnd,
  toBucketLabel,
  toFactBucket,
} from "../src/periods.js";

describe("periods", () => {
  it("infers granularity from the length of a period, fiscal quarters and years included", () => {
    expect(inferGranularity("2024-01-01", "2024-12-31")).toBe("year");
    expect(inferGranularity("2025-01-27", "2025-04-27")).toBe("quarter"); // NVIDIA Q1 FY2026
    expect(inferGranularity("2024-01-29", "2025-01-26")).toBe("year"); // NVIDIA FY2025, 52 weeks
    expect(inferGranularity("2025-07-01", "2025-07-31")).toBe("month");
    expect(inferGranularity("2025-08-11", "2025-08-11")).toBe("day");
    expect(inferGranularity("2024-01-01", "2024-06-30")).toBe("half");
    expect(inferGranularity("2024-04-01", "2024-12-31")).toBe("span");
  });

  it("puts a fiscal quarter in the calendar quarter holding its middle day", () => {
    expect(toFactBucket("2025-01-27", "2025-04-27", "quarter")).toBe("2025-01-01");
    expect(toFactBucket("2025-04-28", "2025-07-27", "quarter")).toBe("2025-04-01");
    expect(toBucketEnd("2025-04-01", "quarter")).toBe("2025-06-30");
    expect(toBucketLabel("2025-04-01", "quarter")).toBe("2025 Q2");
    expect(toBucketLabel("2025-04-01", "month")).toBe("2025-04");
  });

  it("marks a yearly figure as coarser than a quarter, never the other way round", () => {
    expect(isCoarserThan("2024-01-01", "2024-12-31", "quarter")).toBe(true);
    expect(isCoarserThan("2024-01-01", "2024-12-31", "year")).toBe(false);
    expect(isCoarserThan("2025-01-27", "2025-04-27", "quarter")).toBe(false);
  });

  it("accepts source dates known to the year, month or day, and only real dates", () => {
    expect(["2024", "2024-10", "2024-10-01"].every(isPartialDate)).toBe(true);
    expect(["2024-13", "2024-02-30", "24", "2024/10/01", ""].some(isPartialDate)).toBe(false);
  });
});
