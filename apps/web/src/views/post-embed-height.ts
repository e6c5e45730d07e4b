import type { ChartId } from "./embedded-chart.js";

/** The message an embed posts to the page that frames it: the height of its content, in CSS pixels. */
export interface EmbedResizeMessage {
  type: "chipflow:resize";
  height: number;
  chart: ChartId;
}

/** What of the window the embed needs: its parent, its document's root, and a way to watch the root's size. */
export interface EmbedWindow {
  parent: { postMessage: (message: EmbedResizeMessage, targetOrigin: string) => void };
  document: { documentElement: Element };
  ResizeObserver: typeof ResizeObserver;
}

/**
 * Tells the page that frames this embed how tall its content is, at once and whenever that changes (a table shown,
 * a narrower frame), so that the page can size the iframe to it: the embed snippet's script does. The height is not
 * secret, so any page may read it ("*"). Does nothing outside a frame; returns a function that stops watching.
 */
export function postEmbedHeight(chart: ChartId, win: EmbedWindow = window): () => void {
  if ((win.parent as unknown) === win) return () => {};
  const root = win.document.documentElement;
  let last = -1;
  const post = () => {
    // The root's own box: unlike its scroll height, it shrinks when the content does.
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    win.parent.postMessage({ type: "chipflow:resize", height, chart }, "*");
  };
  post();
  const observer = new win.ResizeObserver(post);
  observer.observe(root);
  return () => observer.disconnect();
}
