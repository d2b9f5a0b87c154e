// Checking fake-github's answers against GitHub's own descriptions: REST responses against
// @octokit/openapi's dereferenced api.github.com description, webhook payloads against
// @octokit/openapi-webhooks. Used by the contract tests only.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv, { type ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";

type Json = Record<string, unknown>;
interface OpenApiResponse {
  content?: { "application/json"?: { schema: Json } };
  headers?: Record<string, { schema: Json }>;
}

const require = createRequire(import.meta.url);

export const spec = JSON.parse(readFileSync(require.resolve("@octokit/openapi/generated/api.github.com.deref.json"), "utf8")) as {
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
};

// The dereferenced description has no components section; take `basic-error` from a response
// documented with it.
export const basicError = spec.paths["/orgs/{org}/personal-access-tokens"]!.get!.responses["404"]!.content!["application/json"]!.schema;

/**
 * OpenAPI 3.0 → what Ajv takes: Ajv understands `nullable` beside a `type`, but GitHub's
 * description also puts it on `anyOf`/`oneOf` schemas without one; those become
 * `anyOf: [schema, { type: "null" }]`.
 */
function toAjvSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toAjvSchema);
  if (node === null || typeof node !== "object") return node;
  const copy: Json = {};
  for (const [key, value] of Object.entries(node)) copy[key] = toAjvSchema(value);
  if (copy.nullable === true && copy.type === undefined) {
    delete copy.nullable;
    return { anyOf: [copy, { type: "null" }] };
  }
  return copy;
}

// `strict: false` lets Ajv skip `example`, `discriminator` and the x-github extensions.
export const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map<Json, ValidateFunction>();
export function validator(schema: Json): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(toAjvSchema(schema) as Json);
    compiled.set(schema, validate);
  }
  return validate;
}

const LINK = /^<https?:\/\/[^>]+>; rel="(prev|next|last|first)"(, <https?:\/\/[^>]+>; rel="(prev|next|last|first)")*$/;

/**
 * Validates status, body and documented headers of `response` for `METHOD /template`; returns the
 * body. Statuses GitHub answers but does not document for an operation (401 on most, 404 on a few)
 * are checked against `basic-error`, the shape GitHub uses for them everywhere; a 304 (GitHub
 * answers any conditional GET with one) must have no body and carry the ETag. Every error body
 * must also carry `status` as a string and a docs.github.com `documentation_url`.
 */
export async function expectContract(response: Response, method: string, template: string, expectedStatus: number): Promise<unknown> {
  expect(response.status).toBe(expectedStatus);
  const operation = spec.paths[template]?.[method.toLowerCase()];
  expect(operation, `${method} ${template} is in GitHub's OpenAPI description`).toBeDefined();
  const text = await response.text();
  if (response.status === 304) {
    expect(method).toBe("GET");
    expect(text).toBe("");
    expect(response.headers.get("etag")).toMatch(/^W\/"[0-9a-f]{64}"$/);
    return null;
  }
  const documented = operation!.responses[String(response.status)];
  if (!documented) expect(response.status, `${method} ${template} answered an undocumented success`).toBeGreaterThanOrEqual(400);
  const schema = documented ? documented.content?.["application/json"]?.schema : basicError;
  if (!schema) {
    expect(text).toBe("");
    return null;
  }
  const body: unknown = JSON.parse(text);
  const validate = validator(schema);
  expect(validate(body), `${method} ${template} ${response.status}: ${ajv.errorsText(validate.errors)}`).toBe(true);
  for (const [name, header] of Object.entries(documented?.headers ?? {})) {
    const value = response.headers.get(name);
    if (value === null) continue;
    expect(validator(header.schema)(value)).toBe(true);
    if (name.toLowerCase() === "link") expect(value).toMatch(LINK);
  }
  if (response.status >= 400) {
    expect(body).toMatchObject({ status: String(response.status), documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\//) });
  }
  return body;
}

/** An error answer outside any operation (unknown path, API version): GitHub's `basic-error`. */
export async function expectBasicError(response: Response, expectedStatus: number): Promise<void> {
  expect(response.status).toBe(expectedStatus);
  const body: unknown = await response.json();
  const validate = validator(basicError);
  expect(validate(body), ajv.errorsText(validate.errors)).toBe(true);
  expect(body).toMatchObject({ status: String(expectedStatus), documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\//) });
}

// The webhook description is OpenAPI 3.1 (JSON Schema 2020-12) with $refs into its components.
const webhooksSpec = JSON.parse(readFileSync(require.resolve("@octokit/openapi-webhooks/generated/api.github.com.json"), "utf8")) as Json;
const ajv2020 = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv2020);
ajv2020.addSchema({ $id: "webhooks", components: webhooksSpec.components }, "webhooks");

/** Validates a delivered payload against its webhook schema, e.g. `webhook-installation-created`. */
export function expectWebhookPayload(schemaName: string, payload: unknown): void {
  const validate = ajv2020.getSchema(`webhooks#/components/schemas/${schemaName}`);
  expect(validate, `${schemaName} is in GitHub's webhook description`).toBeDefined();
  expect(validate!(payload), `${schemaName}: ${ajv2020.errorsText(validate!.errors)}`).toBe(true);
}
