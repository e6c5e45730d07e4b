import { describe, expect, it } from "vitest";
import { postEmbedHeight, type EmbedResizeMessage, type EmbedWindow } from "../src/views/post-embed-height.js";

/** A framed window whose content is `height` px tall; `resize(h)` changes it and tells the observers, as a browser does. */
function framedWindow(height: number) {
  const posted: { message: EmbedResizeMessage; targetOrigin: string }[] = [];
  const observers = new Set<() => void>();
  let current = height;
  const win: EmbedWindow = {
    parent: { postMessage: (message, targetOrigin) => posted.push({ message, targetOrigin }) },
    document: { documentElement: { getBoundingClientRect: () => ({ height: current }) } as Element },
    ResizeObserver: class {
      constructor(private readonly callback: () => void) {}
      observe() {
        observers.add(this.callback);
      }
      disconnect() {
        observers.delete(this.callback);
      }
    } as unknown as typeof ResizeObserver,
  };
  const resize = (h: number) => {
    current = h;
    for (const o of observers) o();
  };
  return { win, posted, resize };
}

describe("an embed's height", () => {
  it("is posted to the framing page at once, rounded up, and again each time it changes", () => {
    const { win, posted, resize } = framedWindow(512.3);
    const stop = postEmbedHeight("series", win);
    expect(posted).toEqual([{ message: { type: "chipflow:resize", height: 513, chart: "series" }, targetOrigin: "*" }]);
    resize(900);
    resize(900); // the same height again: nothing new to say
    resize(480);
    expect(posted.map((p) => p.message.height)).toEqual([513, 900, 480]);
    stop();
    resize(700);
    expect(posted).toHaveLength(3);
  });

  it("is not posted outside a frame", () => {
    const { win, posted } = framedWindow(400);
    const alone = { ...win, parent: undefined as unknown as EmbedWindow["parent"] };
    alone.parent = alone as unknown as EmbedWindow["parent"];
    postEmbedHeight("map", alone);
    expect(posted).toEqual([]);
  });
});
