import { useCallback, useEffect, useState } from "react";
import { DEFAULT_VIEW, parseViewState, toViewSearch, type ViewState } from "./view-state.js";

/**
 * The view, read from and written to the URL: each change pushes a history entry, so back and forward step
 * through views, and a copied link opens the same view.
 */
export function useViewState(
  base: ViewState = DEFAULT_VIEW,
): [ViewState, (next: ViewState, options?: { replace?: boolean }) => void] {
  const [view, setView] = useState(() => parseViewState(window.location.search, base));

  useEffect(() => {
    // Write the whole view into the URL once, so even the first link is complete.
    const search = toViewSearch(view);
    if (window.location.search !== search) window.history.replaceState(null, "", search);
    const onPop = () => setView(parseViewState(window.location.search, base));
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, [base]);

  // `replace`: a step of a playing timeline, which should not leave one history entry per year.
  const update = useCallback((next: ViewState, options?: { replace?: boolean }) => {
    const search = toViewSearch(next);
    if (window.location.search !== search)
      window.history[options?.replace ? "replaceState" : "pushState"](null, "", search);
    setView(next);
  }, []);

  return [view, update];
}
