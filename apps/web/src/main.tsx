import { prefetchFirstScreen } from "./first-screen.js";
import { queryClient } from "./query-client.js";
import "./styles.css";

// The first screen's data is asked for before React and the charts, the bulk of the script, are loaded and run: the
// data and the script then arrive together. index.html preloads the app's chunk, so both load at once.
prefetchFirstScreen(queryClient, window.location);
void import("./mount.js").then(({ mount }) => mount(document.getElementById("root")!));
