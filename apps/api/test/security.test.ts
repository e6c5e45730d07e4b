import type { FastifyInstance } from "fastify";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {} from "../src/plugins/database.js";
import helmet from "helmet";
import { createServer, type OutgoingHttpHeaders } from "node:http";
import { DASHBOARD_OPTIONS, EMBED_OPTIONS } from "../src/plugins/security.js";
import { expectErrorShape } from "./expect-error-shape.js";
import { buildTestApp } from "./build-test-app.js";

/** A built-web folder with a secret file next to it, outside the folder, that no URL may reach. */
const BIG_SCRIPT = "console.log('chipflow');\n".repeat(200);

function createWebRoot() {
  const parent = mkdtempSync(join(tmpdir(), "chipflow-web-"));
  const webRoot = join(parent, "dist");
  mkdirSync(join(webRoot, "assets"), { recursive: true });
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>chipflow</title>");
  writeFileSync(join(webRoot, "assets", "app.js"), "console.log('app')");
  // A built script as the web build leaves it: with its brotli and gzip copies beside it.
  writeFileSync(join(webRoot, "assets", "big.js"), BIG_SCRIPT);
  writeFileSync(join(webRoot, "assets", "big.js.br"), brotliCompressSync(BIG_SCRIPT));
  writeFileSync(join(webRoot, "assets", "big.js.gz"), gzipSync(BIG_SCRIPT));
  writeFileSync(join(parent, "secret.txt"), "TOP-SECRET-OUTSIDE-WEB-ROOT");
  writeFileSync(join(parent, "package.json"), '{"name":"TOP-SECRET-OUTSIDE-WEB-ROOT"}');
  return webRoot;
}

/** A raw HTTP GET that sends the path byte for byte (fetch and URL would normalise the dots away). */
function rawGet(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

let app: FastifyInstance;
let base: string;
beforeAll(async () => {
  app = await buildTestApp({ webRoot: createWebRoot(), rateLimit: false });
  app.post("/api/test-echo", async (request) => ({ size: JSON.stringify(request.body).length }));
  base = await app.listen({ port: 0, host: "127.0.0.1" });
});
afterAll(() => app.close());

describe("the database handle", () => {
  it("is opened read-only: a write through app.db throws and changes nothing", () => {
    expect(app.db.readonly).toBe(true);
    const countFacts = () => app.db.prepare("SELECT count(*) FROM facts").pluck().get() as number;
    const before = countFacts();
    expect(before).toBeGreaterThan(0);
    expect(() => app.db.prepare("INSERT INTO vendors (slug, name) VALUES ('evil', 'Evil')").run()).toThrow(
      /readonly|read-only|query_only/i,
    );
    expect(() => app.db.exec("DROP TABLE facts")).toThrow(/readonly|read-only|query_only/i);
    expect(() => app.db.prepare("DELETE FROM facts").run()).toThrow(/readonly|read-only|query_only/i);
    expect(countFacts()).toBe(before);
  });
});

describe("static serving", () => {
  const attempts = [
    "/../secret.txt",
    "/../package.json",
    "/%2e%2e/secret.txt",
    "/%2E%2E/package.json",
    "/%2e%2e%2fsecret.txt",
    "/..%2fsecret.txt",
    "/..%2Fpackage.json",
    "/assets/../../secret.txt",
    "/assets/%2e%2e/%2e%2e/secret.txt",
    "/assets/..%2f..%2fsecret.txt",
    "/..%5csecret.txt",
    "/assets\\..\\..\\secret.txt",
    "/%252e%252e/secret.txt",
    "/....//secret.txt",
    "/.%2e/.%2e/secret.txt",
    "/%c0%ae%c0%ae/secret.txt",
    "/assets/app.js%00/../../secret.txt",
    "//../secret.txt",
    "/./../secret.txt",
    "/embed/../../secret.txt",
    "/embed/%2e%2e/%2e%2e/secret.txt",
    "/embed/..%2f..%2fsecret.txt",
  ];
  it.each(attempts)("cannot leave the web folder: GET %s", async (path) => {
    const res = await rawGet(base, path);
    expect(res.status).toBeLessThan(500);
    expect(res.body).not.toContain("TOP-SECRET-OUTSIDE-WEB-ROOT");
  });

  it("still serves the files inside it, and the dashboard for client-side routes", async () => {
    expect((await rawGet(base, "/assets/app.js")).body).toBe("console.log('app')");
    expect((await rawGet(base, "/flows/nvidia")).body).toContain("<title>chipflow</title>");
  });

  it("lets browsers keep hashed assets for good, and checks the page that names them every time", async () => {
    const asset = await app.inject({ method: "GET", url: "/assets/app.js" });
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const page = await app.inject({ method: "GET", url: "/" });
    expect(page.headers["cache-control"]).toBe("no-cache");
  });

  it.each([
    ["br, gzip", "br", brotliDecompressSync],
    ["gzip", "gzip", gunzipSync],
    ["identity", undefined, (bytes: Buffer) => bytes],
  ] as const)(
    "sends a built file compressed as the browser accepts it (Accept-Encoding: %s), the same bytes once unpacked",
    async (accepts, encoding, unpack) => {
      const res = await app.inject({ url: "/assets/big.js", headers: { "accept-encoding": accepts } });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-encoding"]).toBe(encoding);
      expect(String(res.headers.vary).toLowerCase()).toContain("accept-encoding");
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(unpack(res.rawPayload).toString()).toBe(BIG_SCRIPT);
    },
  );

  it.each(["/API/v1/x", "/%41PI/v1/x", "/nonexistent.js", "/assets/old-1234.css"])(
    "answers %s with a 404, not the dashboard: an API path however spelled, or a missing file",
    async (path) => {
      const res = await rawGet(base, path);
      expect(res.status).toBe(404);
      expect(res.body).not.toContain("<title>chipflow</title>");
    },
  );
});

describe("security headers", () => {
  it.each(["/", "/api/v1/dimensions", "/api/v1/nothing"])(
    "are set on %s, with a Content-Security-Policy",
    async (url) => {
      const res = await app.inject({ method: "GET", url });
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["x-frame-options"]).toBe("DENY");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["x-powered-by"]).toBeUndefined();
    },
  );
});

/** The headers helmet's own middleware sets on a real response, given `options`. */
async function helmetHeaders(options: Parameters<typeof helmet>[0]): Promise<OutgoingHttpHeaders> {
  const middleware = helmet(options);
  const server = createServer((req, res) => middleware(req, res, () => res.end()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  try {
    const res = await fetch(`http://127.0.0.1:${port}/`);
    await res.arrayBuffer();
    const skip = new Set(["date", "connection", "keep-alive", "content-length", "transfer-encoding"]);
    return Object.fromEntries([...res.headers].filter(([name]) => !skip.has(name)));
  } finally {
    server.close();
  }
}

describe("security headers, worked out once", () => {
  it.each([
    ["/api/v1/dimensions", DASHBOARD_OPTIONS],
    ["/", DASHBOARD_OPTIONS],
    ["/embed/series", EMBED_OPTIONS],
  ] as const)("are on %s exactly as helmet's middleware sets them", async (url, options) => {
    const expected = await helmetHeaders(options);
    expect(Object.keys(expected).length).toBeGreaterThan(8);
    const res = await app.inject({ method: "GET", url });
    for (const [name, value] of Object.entries(expected)) expect([name, res.headers[name]]).toEqual([name, value]);
    if (!("x-frame-options" in expected)) expect(res.headers["x-frame-options"]).toBeUndefined();
  });
});

describe("framing", () => {
  const frameAncestors = (csp: unknown) => /frame-ancestors ([^;]*)/.exec(String(csp))?.[1];

  it.each(["/", "/views/h20-and-china", "/embed", "/EMBED/series", "/api/v1/dimensions", "/api/health"])(
    "is refused to every site, this one too, on %s",
    async (url) => {
      const res = await app.inject({ method: "GET", url });
      expect(frameAncestors(res.headers["content-security-policy"])).toBe("'none'");
      expect(res.headers["x-frame-options"]).toBe("DENY");
    },
  );

  it.each(["/embed/series", "/embed/map?metric=units&groupBy=destination&interval=year&product=nvidia-h20"])(
    "is allowed to any site on the embed %s, whose policy is otherwise the dashboard's",
    async (url) => {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain("<title>chipflow</title>");
      const csp = String(res.headers["content-security-policy"]);
      expect(frameAncestors(csp)).toBe("*");
      expect(res.headers["x-frame-options"]).toBeUndefined();
      const dashboard = String((await app.inject({ method: "GET", url: "/" })).headers["content-security-policy"]);
      expect(csp.replace(/frame-ancestors [^;]*/, "")).toBe(dashboard.replace(/frame-ancestors [^;]*/, ""));
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    },
  );

  it("answers a file name under /embed with a 404, not a page", async () => {
    for (const url of ["/embed/old-1234.js", "/embed/series.csv"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain("<title>chipflow</title>");
    }
  });
});

describe("methods", () => {
  it.each(["POST", "PUT", "DELETE", "PATCH"] as const)(
    "answers %s on a GET route with a 405 naming what to send",
    async (method) => {
      const res = await app.inject({ method, url: "/api/v1/series" });
      expectErrorShape(res, 405);
      expect(res.headers.allow).toBe("GET, HEAD");
      expect(res.json().error.message).toMatch(/send GET/);
      expect((await app.inject({ method, url: "/api/v1/nothing-here" })).statusCode).toBe(404);
    },
  );
});

describe("size limits", () => {
  it("answers a URL longer than 4096 characters with a 414 in the error shape", async () => {
    const res = await app.inject({ method: "GET", url: `/api/v1/series?metric=${"x".repeat(5000)}` });
    expectErrorShape(res, 414);
    expect(res.json().error.message).toMatch(/send at most 4096/);
  });

  it("answers a body over 16 KiB with a 413 in the error shape", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/test-echo",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ x: "y".repeat(20_000) }),
    });
    expectErrorShape(res, 413);
    const small = await app.inject({ method: "POST", url: "/api/test-echo", payload: { x: "y" } });
    expect(small.statusCode).toBe(200);
  });

  it("answers a path parameter over 200 characters, and a malformed URL, in the error shape", async () => {
    expectErrorShape(await app.inject({ method: "GET", url: "/api/v1/%zz" }), 400);
    const huge = await rawGet(base, `/api/v1/datasets/${"d".repeat(300)}`);
    expect(huge.status).toBeGreaterThanOrEqual(400);
    expect(huge.status).toBeLessThan(500);
    expect(JSON.parse(huge.body)).toMatchObject({ error: { status: huge.status } });
  });

  it("answers headers larger than Node accepts with a 431 in the error shape", async () => {
    const res = await rawGet(base, `/api/health?${"a=b&".repeat(5000)}`);
    expect(res.status).toBe(431);
    expect(JSON.parse(res.body)).toEqual({ error: { status: 431, code: "HTTP_431", message: expect.any(String) } });
  });

  it("caps the page size of every paged endpoint in the OpenAPI description", async () => {
    const spec = (await app.inject({ method: "GET", url: "/api/docs/json" })).json<OpenApi>();
    const paged = Object.entries(spec.paths).flatMap(([path, item]) =>
      (item.get?.parameters ?? [])
        .filter((p) => p.in === "query" && /^(limit|pageSize|page_size|perPage)$/.test(p.name))
        .map((p) => ({ path, name: p.name, maximum: p.schema?.maximum })),
    );
    for (const { path, name, maximum } of paged) {
      expect(maximum, `${path} ${name} has a maximum`).toBeTypeOf("number");
      const res = await app.inject({ method: "GET", url: `${path}?${name}=${maximum! + 1}` });
      if (path.includes("{")) continue;
      expectErrorShape(res, 400);
      expect(res.json().error.message).toContain(name);
    }
  });
});

describe("errors", () => {
  it("never show a stack trace or a file path, even when the database fails", async () => {
    const broken = await buildTestApp({ rateLimit: false });
    await broken.ready();
    broken.db.close();
    for (const url of ["/api/v1/dimensions", "/api/v1/series", "/api/v1/events", "/api/health"]) {
      const res = await broken.inject({ method: "GET", url });
      expect(res.statusCode).toBeGreaterThanOrEqual(500);
      expectErrorShape(res, res.statusCode);
      expect(res.body).not.toMatch(/\/tmp|\/work|node_modules|\.ts:|\.js:|\bat \w|sqlite/i);
    }
    await broken.close().catch(() => undefined);
  });
});

interface OpenApi {
  paths: Record<string, { get?: { parameters?: { name: string; in: string; schema?: { maximum?: number } }[] } }>;
}
