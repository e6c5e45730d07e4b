const FOCUSABLE = "a[href], button:not(:disabled), textarea:not(:disabled), input:not(:disabled), select, [tabindex]";

/**
 * Keeps Tab inside a modal: from its last control to its first, and Shift+Tab back. A modal `<dialog>` makes the
 * page behind it inert, but browsers still let Tab leave it for their own toolbar.
 */
export function trapFocus(event: { key: string; shiftKey: boolean; preventDefault(): void }, container: Element) {
  if (event.key !== "Tab") return;
  const focusable = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.tabIndex >= 0);
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  const active = container.ownerDocument.activeElement;
  if (event.shiftKey && (active === first || !container.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !container.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}
