import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

/**
 * The Content-Security-Policy the dashboard runs under. The Vite build loads its scripts and styles from its own
 * origin; React and D3 set inline `style` attributes (hence `'unsafe-inline'` for styles only, never scripts);
 * chart downloads draw SVG into an image through `data:` and `blob:` URLs. Swagger UI at /api/docs fits the same
 * policy.
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

/** Security headers on every response (helmet), with the policy above. */
export const securityPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: Object.fromEntries(Object.entries(CONTENT_SECURITY_POLICY).map(([k, v]) => [k, [...v]])),
      },
      // The dashboard loads nothing cross-origin, and nothing cross-origin should embed or read it.
      crossOriginEmbedderPolicy: false,
      crossOriginResourcePolicy: { policy: "same-origin" },
      referrerPolicy: { policy: "no-referrer" },
    });
  },
  { name: "security" },
);
