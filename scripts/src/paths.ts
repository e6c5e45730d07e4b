import { fileURLToPath } from "node:url";

/** The repository root, from scripts/dist/. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));
export const WEB_ROOT = fileURLToPath(new URL("../../apps/web/dist/", import.meta.url));
/** The database file: `CHIPFLOW_DB`, or data/chipflow.sqlite. */
export const DEFAULT_DB =
  process.env.CHIPFLOW_DB ?? fileURLToPath(new URL("../../data/chipflow.sqlite", import.meta.url));
