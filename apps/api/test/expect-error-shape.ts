import { expect } from "vitest";

/** Asserts the one error shape, `{ error: { status, code, message } }`, with nothing else in the body. */
export function expectErrorShape(
  res: { statusCode: number; body: string; headers: Record<string, unknown> },
  status: number,
) {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers["content-type"])).toMatch(/^application\/json/);
  expect(JSON.parse(res.body)).toEqual({
    error: { status, code: expect.stringMatching(/^[A-Z][A-Z0-9_]*$/), message: expect.any(String) },
  });
}
