/** A stable, URL-safe id from a display name: "Tokyo Electron" → "tokyo-electron". */
export function toSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\+/g, " plus ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Whether `id` may name a dataset: lowercase letters, digits and dashes, starting with a letter or digit. */
export const isDatasetId = (id: string) => /^[a-z0-9][a-z0-9-]*$/.test(id);
