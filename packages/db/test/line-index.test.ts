import { describe, expect, it } from "vitest";
import { LineIndex } from "../src/import/line-index.js";

describe("LineIndex", () => {
  it("gives back the line of every written row from a few change points", () => {
    const index = new LineIndex();
    const lines = [2, 3, 4, 7, 8, 9, 12, 13]; // a three-line quoted row, then a rejected row between
    lines.forEach((line, ordinal) => index.record(ordinal, line));
    expect(lines.map((_, ordinal) => index.lineOf(ordinal))).toEqual(lines);
  });
});
