import { describe, expect, it } from "vitest";
import { oncePerTurn } from "../src/lib/once-per-turn.js";
import { nextTurn } from "./test-store.js";

describe("oncePerTurn", () => {
  it("reads once per turn of the event loop, and again in the next", async () => {
    let reads = 0;
    const current = oncePerTurn(() => ++reads);
    expect([current(), current(), current()]).toEqual([1, 1, 1]);
    await Promise.resolve(); // a microtask is still the same turn
    expect(current()).toBe(1);
    await nextTurn();
    expect([current(), current()]).toEqual([2, 2]);
    expect(reads).toBe(2);
  });

  it("reads again after a read that threw", () => {
    let fail = true;
    const current = oncePerTurn(() => {
      if (fail) throw new Error("not yet");
      return "ok";
    });
    expect(() => current()).toThrow("not yet");
    fail = false;
    expect(current()).toBe("ok");
  });
});
