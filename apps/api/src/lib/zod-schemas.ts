import type { FastifySchemaCompiler } from "fastify";
import { z } from "zod";

/** The JSON Schema of a zod schema, as OpenAPI and the response serialiser read it. */
export function toJsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _ignored, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return json;
}

/** A client error whose message names what was wrong and what to send instead. */
export class BadRequestError extends Error {
  readonly statusCode = 400;
  readonly code = "BAD_REQUEST";
}

/** Validates requests with the route's zod schema; the first issues become one readable 400 message. */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const message = result.error.issues
      .slice(0, 5)
      .map((issue) => {
        const where = issue.path.length
          ? `${httpPart === "querystring" ? "parameter " : ""}${issue.path.join(".")}`
          : httpPart;
        return `${where}: ${issue.message}`;
      })
      .join("; ");
    return { error: new BadRequestError(message) };
  };

export function isZod(value: unknown): value is z.ZodType {
  return value instanceof z.ZodType;
}
