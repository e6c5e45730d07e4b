import { describe, expect, it } from "vitest";
import type {} from "../src/plugins/database.js";
import { buildTestApp } from "./build-test-app.js";
import { logSink } from "./log-sink.js";

describe("structured logs", () => {
  it("writes pino JSON lines that carry each request's id, echoed in x-request-id", async () => {
    const { lines, stream } = logSink();
    const app = await buildTestApp({ logger: { level: "info", stream } });
    const first = await app.inject("/api/v1/events");
    const second = await app.inject("/api/v1/events");
    const id = String(first.headers["x-request-id"]);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers["x-request-id"]).not.toBe(id);

    const mine = lines.filter((l) => l.reqId === id);
    expect(mine.map((l) => l.msg)).toEqual(["incoming request", "request completed"]);
    expect(mine[1]).toMatchObject({ level: 30, res: { statusCode: 200 }, responseTime: expect.any(Number) });
    // The second is answered from memory, written straight to the response: it is logged all the same.
    const repeat = lines.filter((l) => l.reqId === second.headers["x-request-id"]);
    expect(repeat.map((l) => l.msg)).toEqual(["incoming request", "request completed"]);
    expect(repeat[1]).toMatchObject({ res: { statusCode: 200 } });
    expect(JSON.stringify(lines)).not.toMatch(/authorization|cookie/i);
    await app.close();
  });

  it("keeps a caller's plain request id and replaces an unsafe one", async () => {
    const app = await buildTestApp();
    const plain = await app.inject({ url: "/api/health", headers: { "x-request-id": "proxy-42.a" } });
    expect(plain.headers["x-request-id"]).toBe("proxy-42.a");
    const unsafe = await app.inject({ url: "/api/health", headers: { "x-request-id": "a\nfake log line" } });
    expect(unsafe.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const long = await app.inject({ url: "/api/health", headers: { "x-request-id": "x".repeat(65) } });
    expect(long.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    await app.close();
  });

  it("logs a server error in full on the server, with the request id", async () => {
    const { lines, stream } = logSink();
    const app = await buildTestApp({ logger: { level: "info", stream } });
    await app.ready();
    app.db.close();
    const res = await app.inject("/api/v1/dimensions");
    expect(res.statusCode).toBe(500);
    const logged = lines.find((l) => l.reqId === res.headers["x-request-id"] && l.level === 50);
    expect(logged).toMatchObject({ msg: "request failed", err: { message: expect.stringMatching(/not open/) } });
    await app.close().catch(() => undefined);
  });
});
