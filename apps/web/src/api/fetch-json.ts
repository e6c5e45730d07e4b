import type { ApiError } from "@chipflow/core";

/** An error answer of the API: its message, and its code (`UNITS_MIXED_CATEGORIES`, say) for views that offer a way out. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** GETs JSON from the API; an error response becomes an `ApiRequestError` carrying the API's message and code. */
export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ApiError | null;
    throw new ApiRequestError(
      body?.error.message ?? `${response.status} ${response.statusText}`,
      body?.error.code ?? "HTTP_" + response.status,
    );
  }
  return (await response.json()) as T;
}

/** A query string from a flat object, skipping empty values; arrays are comma-joined. */
export function toSearch(params: Record<string, string | number | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) continue;
    search.set(key, Array.isArray(value) ? value.join(",") : String(value));
  }
  const s = search.toString();
  return s ? `?${s}` : "";
}
