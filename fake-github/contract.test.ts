// Contract test: every endpoint's success and error answers validate against the response schemas
// of GitHub's own OpenAPI description (@octokit/openapi, dereferenced api.github.com). Statuses
// GitHub answers but does not document for an operation (401 on most, 404 on a few) are checked
// against `basic-error`, the shape GitHub uses for them everywhere. Every error body must also
// carry `status` as a string and a docs.github.com `documentation_url`.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGitHub, type FakeGitHub } from "./server";
import { api, appJwt, control, installationToken, signIn } from "./test-support";
import { ORGS, USERS } from "./world";

type Json = Record<string, unknown>;
interface OpenApiResponse {
  content?: { "application/json"?: { schema: Json } };
  headers?: Record<string, { schema: Json }>;
}

const spec = JSON.parse(
  readFileSync(createRequire(import.meta.url).resolve("@octokit/openapi/generated/api.github.com.deref.json"), "utf8"),
) as { paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>> };

// The dereferenced description has no components section; take `basic-error` from a response
// documented with it.
const basicError = spec.paths["/orgs/{org}/personal-access-tokens"]!.get!.responses["404"]!.content!["application/json"]!.schema;

// GitHub's description types the account of `GET /app/installations` as `allOf: [simple-user,
// enterprise]` — both at once, which no real account is (an org has no enterprise `slug`); every
// other installation schema, including `GET /orgs/{org}/installation`, says `anyOf`. Validate
// that one field the way the rest of the description does.
{
  const items = spec.paths["/app/installations"]!.get!.responses["200"]!.content!["application/json"]!.schema.items as { properties: Json };
  const account = items.properties.account as Json;
  if (!Array.isArray(account.allOf)) throw new Error("GET /app/installations' account is no longer allOf: drop this adjustment");
  account.anyOf = account.allOf;
  delete account.allOf;
}

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
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map<Json, ValidateFunction>();
function validator(schema: Json): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(toAjvSchema(schema) as Json);
    compiled.set(schema, validate);
  }
  return validate;
}

const LINK = /^<https?:\/\/[^>]+>; rel="(prev|next|last|first)"(, <https?:\/\/[^>]+>; rel="(prev|next|last|first)")*$/;

/** Validates status, body and documented headers of `response` for `METHOD /template`; returns the body. */
async function expectContract(response: Response, method: string, template: string, expectedStatus: number): Promise<unknown> {
  expect(response.status).toBe(expectedStatus);
  const operation = spec.paths[template]?.[method.toLowerCase()];
  expect(operation, `${method} ${template} is in GitHub's OpenAPI description`).toBeDefined();
  const documented = operation!.responses[String(response.status)];
  if (!documented) expect(response.status, `${method} ${template} answered an undocumented success`).toBeGreaterThanOrEqual(400);
  const schema = documented ? documented.content?.["application/json"]?.schema : basicError;
  const text = await response.text();
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

let fake: FakeGitHub;
let acme: string;
let globex: string;

beforeAll(async () => {
  fake = await startFakeGitHub({ requests: 120, tokens: 400, applyDelayMs: 20 });
  acme = await installationToken(fake, ORGS.acme.installationId);
  globex = await installationToken(fake, ORGS.globex.installationId);
});
afterAll(() => fake.close());

const REQUESTS = "/orgs/{org}/personal-access-token-requests";
const TOKENS = "/orgs/{org}/personal-access-tokens";

describe.each([
  { name: "requests", template: REQUESTS, path: "personal-access-token-requests", idsField: "pat_request_ids", write: { action: "approve", reason: "Looks right" } },
  { name: "tokens", template: TOKENS, path: "personal-access-tokens", idsField: "pat_ids", write: { action: "revoke" } },
])("$name endpoints", ({ template, path, idsField, write }) => {
  it("lists with filters, a Link header and every field of the schema", async () => {
    const response = await api(fake, acme, `/orgs/acme/${path}?per_page=5&owner[]=mona&owner[]=hubot&direction=asc`);
    expect(response.headers.get("link")).toMatch(/rel="next"/);
    const body = (await expectContract(response, "GET", template, 200)) as Json[];
    expect(body).toHaveLength(5);
  });

  it("answers 422, 404 and 403 as documented", async () => {
    const owners = Array.from({ length: 11 }, (_, i) => `owner[]=user${i}`).join("&");
    await expectContract(await api(fake, acme, `/orgs/acme/${path}?${owners}`), "GET", template, 422);
    await expectContract(await api(fake, acme, `/orgs/no-such-org/${path}`), "GET", template, 404);
    await expectContract(await api(fake, globex, `/orgs/acme/${path}`), "GET", template, 403);
    await expectContract(await api(fake, acme, `/orgs/acme/${path}`, { method: "POST", body: { [idsField]: [], ...write } }), "POST", template, 422);
    await expectContract(await api(fake, acme, `/orgs/initech/${path}`, { method: "POST", body: { [idsField]: [1], ...write } }), "POST", template, 404);
    await expectContract(await api(fake, globex, `/orgs/acme/${path}`, { method: "POST", body: { [idsField]: [1], ...write } }), "POST", template, 403);
  });

  it("answers a bulk write with 202 and a single one with 204, then refuses a repeat with 422", async () => {
    const [first, second] = (await (await api(fake, acme, `/orgs/acme/${path}?per_page=2`)).json()) as { id: number }[];
    await expectContract(await api(fake, acme, `/orgs/acme/${path}`, { method: "POST", body: { [idsField]: [first!.id], ...write } }), "POST", template, 202);
    const one = `${template}/{${idsField === "pat_ids" ? "pat_id" : "pat_request_id"}}`;
    await expectContract(await api(fake, acme, `/orgs/acme/${path}/${second!.id}`, { method: "POST", body: write }), "POST", one, 204);
    await expectContract(await api(fake, acme, `/orgs/acme/${path}/${second!.id}`, { method: "POST", body: write }), "POST", one, 422);
    await expectContract(await api(fake, acme, `/orgs/acme/${path}/999999999`, { method: "POST", body: write }), "POST", one, 404);
  });

  it("lists a record's repositories as minimal-repository, and 404s an unknown record", async () => {
    // Oldest first: the writes above took the newest records, some maybe still being applied.
    const rows = (await (await api(fake, acme, `/orgs/acme/${path}?per_page=100&direction=asc`)).json()) as { id: number; repository_selection: string }[];
    const subset = rows.find((row) => row.repository_selection === "subset")!;
    const idName = idsField === "pat_ids" ? "pat_id" : "pat_request_id";
    const repositories = `${template}/{${idName}}/repositories`;
    const body = (await expectContract(await api(fake, acme, `/orgs/acme/${path}/${subset.id}/repositories`), "GET", repositories, 200)) as Json[];
    expect(body.length).toBeGreaterThan(0);
    await expectContract(await api(fake, acme, `/orgs/acme/${path}/999999999/repositories`), "GET", repositories, 404);
  });

  it("answers a server error in the documented shape", async () => {
    await control(fake, "faults", { faults: [{ path: `^/orgs/acme/${path}$`, status: 500, times: 1 }] });
    await expectContract(await api(fake, acme, `/orgs/acme/${path}`), "GET", template, 500);
    await control(fake, "faults", { faults: [] });
  });
});

describe("app endpoints", () => {
  it("lists installations and finds an org's installation", async () => {
    const jwt = await appJwt(fake);
    const list = (await expectContract(await api(fake, null, "/app/installations", { headers: { authorization: `Bearer ${jwt}` } }), "GET", "/app/installations", 200)) as Json[];
    expect(list.map((installation) => installation.id)).toEqual([101, 102]);
    await expectContract(await api(fake, null, "/orgs/acme/installation", { headers: { authorization: `Bearer ${jwt}` } }), "GET", "/orgs/{org}/installation", 200);
    await expectContract(await api(fake, null, "/orgs/initech/installation", { headers: { authorization: `Bearer ${jwt}` } }), "GET", "/orgs/{org}/installation", 404);
    await expectContract(await api(fake, acme, "/app/installations"), "GET", "/app/installations", 401);
  });

  it("creates installation tokens and refuses bad requests as documented", async () => {
    const template = "/app/installations/{installation_id}/access_tokens";
    const headers = { authorization: `Bearer ${await appJwt(fake)}` };
    await expectContract(await api(fake, null, "/app/installations/101/access_tokens", { method: "POST", headers }), "POST", template, 201);
    await expectContract(await api(fake, null, "/app/installations/999/access_tokens", { method: "POST", headers }), "POST", template, 404);
    await expectContract(
      await api(fake, null, "/app/installations/101/access_tokens", { method: "POST", headers, body: { permissions: { administration: "write" } } }),
      "POST", template, 422,
    );
    await expectContract(await api(fake, null, "/app/installations/101/access_tokens", { method: "POST" }), "POST", template, 401);
  });
});

describe("membership and user endpoints", () => {
  it("answers org-membership, 404 for non-members and 403 for another org's installation", async () => {
    const template = "/orgs/{org}/memberships/{username}";
    const body = (await expectContract(await api(fake, acme, "/orgs/acme/memberships/mona"), "GET", template, 200)) as Json;
    expect(body).toMatchObject({ role: "admin", state: "active" });
    await expectContract(await api(fake, acme, `/orgs/acme/memberships/${USERS.billLumbergh.login}`), "GET", template, 404);
    await expectContract(await api(fake, globex, "/orgs/acme/memberships/mona"), "GET", template, 403);
  });

  it("answers /user and /user/emails for a signed-in user, 401 without and 403 for an installation", async () => {
    const user = await signIn(fake, "octocat");
    const me = (await expectContract(await api(fake, user, "/user"), "GET", "/user", 200)) as Json;
    expect(me.login).toBe("octocat");
    await expectContract(await api(fake, user, "/user/emails"), "GET", "/user/emails", 200);
    await expectContract(await api(fake, null, "/user"), "GET", "/user", 401);
    await expectContract(await api(fake, acme, "/user"), "GET", "/user", 403);
    await expectContract(await api(fake, "ghu_not-a-token", "/user/emails"), "GET", "/user/emails", 401);
  });
});
