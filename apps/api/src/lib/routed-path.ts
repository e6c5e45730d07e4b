import type { FastifyRequest } from "fastify";

/**
 * The path a request reaches, however it was spelled: the route the router matched (which decodes
 * percent-encoding), or for an unmatched request (or one only a wildcard caught) its path decoded, lower-cased,
 * with runs of slashes as one and any scheme and host of an absolute-form target dropped.
 */
export function routedPath(request: FastifyRequest): string {
  const matched = request.routeOptions.url;
  if (matched && !matched.includes("*")) return matched;
  const path = request.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").split("?")[0] ?? "";
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // a malformed escape stays as written
  }
  return decoded.toLowerCase().replace(/\/{2,}/g, "/");
}
