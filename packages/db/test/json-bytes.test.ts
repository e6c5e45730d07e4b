import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonBytes } from "../src/pool/json-bytes.js";

const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe("jsonBytes", () => {
  it("gives the UTF-8 bytes of JSON.stringify for any JSON value, at any depth", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer({ min: 0, max: 4 }), (value, depth) => {
        expect(jsonBytes(value, depth)).toEqual(utf8(value));
      }),
      { numRuns: 500, seed: 11 },
    );
  });

  it("leaves out what JSON.stringify leaves out, and keeps toJSON's say", () => {
    const value = {
      kept: [1, "Côte d’Ivoire", null],
      gone: undefined,
      fn: () => 1,
      when: new Date(Date.UTC(2024, 0, 2)),
      custom: { toJSON: () => "custom", hidden: 1 },
      nested: { a: undefined, b: { c: "’" } },
      empty: {},
    };
    expect(new TextDecoder().decode(jsonBytes(value))).toBe(JSON.stringify(value));
    expect(jsonBytes(value, 3)).toEqual(utf8(value));
  });
});
