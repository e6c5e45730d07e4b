import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortedIds } from "../src/queries/sorted-ids.js";

const expected = (ids: number[]) => [...new Set(ids)].sort((a, b) => a - b);
const ids = fc.array(fc.integer({ min: 1, max: 60 }), { maxLength: 40 });

describe("sortedIds", () => {
  it("gives each id once, in ascending order, from short and long lists alike", () => {
    fc.assert(
      fc.property(ids, (list) => {
        const copy = [...list];
        expect(sortedIds(list)).toEqual(expected(list));
        expect(list).toEqual(copy); // the caller's list is left as it was
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it("takes a set or any iterable", () => {
    fc.assert(
      fc.property(ids, (list) => {
        expect(sortedIds(new Set(list))).toEqual(expected(list));
        expect(sortedIds(list.values())).toEqual(expected(list));
      }),
      { numRuns: 200, seed: 8 },
    );
  });
});
