import type { FastifyInstance, onRequestHookHandler, RouteShorthandOptions } from "fastify";
import fp from "fastify-plugin";
import helmet, { type HelmetOptions } from "helmet";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * The Content-Security-Policy the dashboard runs under. The Vite build loads its scripts and styles from its own
 * origin; React and D3 set inline `style` attributes (hence `'unsafe-inline'` for styles only, never scripts);
 * chart downloads draw SVG into an image through `data:` and `blob:` URLs. Swagger UI at /api/docs fits the same
 * policy. No other site may frame the dashboard (clickjacking): only the embeds below may be framed.
 */
export const CONTENT_SECURITY_POLICY = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'self'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
  "script-src-attr": ["'none'"],
} as const;

/**
 * The policy of an embed (`/embed/<chart>`): one chart alone, made to be framed by any site. It has no filters or
 * forms to trick a visitor into using, and its links open the full view in a new tab, so framing it risks nothing
 * the dashboard would; everything else is as strict as the dashboard's.
 */
export const EMBED_CONTENT_SECURITY_POLICY = { ...CONTENT_SECURITY_POLICY, "frame-ancestors": ["*"] } as const;

const toDirectives = (policy: Record<string, readonly string[]>) =>
  Object.fromEntries(Object.entries(policy).map(([k, v]) => [k, [...v]]));

/** What helmet is asked for on every response, with the policy above. */
export const DASHBOARD_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: toDirectives(CONTENT_SECURITY_POLICY) },
  // For browsers that do not read frame-ancestors: no site, this one neither, may frame the dashboard.
  xFrameOptions: { action: "deny" },
  // The dashboard loads nothing cross-origin, and nothing cross-origin should embed or read it.
  crossOriginEmbedderPolicy: false,
  crossOriginResourcePolicy: { policy: "same-origin" },
  referrerPolicy: { policy: "no-referrer" },
};

/**
 * The headers helmet sets for `options`, worked out once by running its middleware on a response that only records
 * them: none of them depends on the request, so each response gets the same object rather than the middleware.
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  let done = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    done = !error;
  });
  if (!done) throw new Error("helmet did not finish at once: its headers cannot be worked out ahead");
  return headers;
}

/** What helmet is asked for on an embed: its own policy and no X-Frame-Options (which cannot allow every origin). */
export const EMBED_OPTIONS: HelmetOptions = {
  ...DASHBOARD_OPTIONS,
  contentSecurityPolicy: { useDefaults: false, directives: toDirectives(EMBED_CONTENT_SECURITY_POLICY) },
  xFrameOptions: false,
};

const DASHBOARD_HEADERS = securityHeaders(DASHBOARD_OPTIONS);
const EMBED_HEADERS = securityHeaders(EMBED_OPTIONS);

const embedHeaders: onRequestHookHandler = (_request, reply, done) => {
  void reply.removeHeader("x-frame-options").headers(EMBED_HEADERS);
  done();
};

/** Route options of the embeds: their headers replace the dashboard's (route hooks run after the app's). */
export const EMBED_SECURITY: RouteShorthandOptions = { onRequest: embedHeaders };

/** Security headers on every response (helmet's, with the policy above); routes may set their own (the embeds). */
export const securityPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook("onRequest", (_request, reply, done) => {
      void reply.headers(DASHBOARD_HEADERS);
      done();
    });
  },
  { name: "security" },
);
