import { describe, expect, it } from "vitest";
import { IdMarks } from "../src/queries/id-marks.js";

describe("IdMarks", () => {
  it("gives the ids added in ascending order, each once, whatever the order they came in", () => {
    const marks = new IdMarks();
    for (const id of [400, 3, 77, 3, 1000, 0, 77]) marks.add(id);
    expect(marks.sorted()).toEqual([0, 3, 77, 400, 1000]);
    expect(new IdMarks().sorted()).toEqual([]);
  });

  it("keeps ids too large to mark, in their place in the order", () => {
    const marks = new IdMarks();
    for (const id of [2 ** 40, 5, 2 ** 30, 5, 2 ** 40]) marks.add(id);
    expect(marks.sorted()).toEqual([5, 2 ** 30, 2 ** 40]);
  });
});
