import fastifyHelmet, { type FastifyHelmetRouteOptions } from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

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

/** Route options of the embeds: their own policy and no X-Frame-Options (which cannot allow every origin). */
export const EMBED_SECURITY: FastifyHelmetRouteOptions = {
  helmet: {
    contentSecurityPolicy: { useDefaults: false, directives: toDirectives(EMBED_CONTENT_SECURITY_POLICY) },
    xFrameOptions: false,
  },
};

/** Security headers on every response (helmet), with the policy above; routes may set their own (the embeds). */
export const securityPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: { useDefaults: false, directives: toDirectives(CONTENT_SECURITY_POLICY) },
      // For browsers that do not read frame-ancestors: no site, this one neither, may frame the dashboard.
      xFrameOptions: { action: "deny" },
      // The dashboard loads nothing cross-origin, and nothing cross-origin should embed or read it.
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: { policy: "same-origin" },
      referrerPolicy: { policy: "no-referrer" },
    });
  },
  { name: "security" },
);
