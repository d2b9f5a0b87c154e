// Generators (fast-check) of what an attacker or a careless client sends Grantdesk: path
// segments, query strings, JSON and raw bodies, headers and cookies, mostly malformed and now and
// then valid. Shared by the in-process fuzz suite (app/api/fuzz.route.test.ts) and the one over
// HTTP (e2e/fuzz.spec.ts). Ids in bodies stay below 1,000,000, where fake-github's seeded worlds
// have no request or grant, so even a valid-looking write names nothing that exists.
import fc from "fast-check";

/** Strings that have broken parsers before: empty, control and bidi characters, encodings, prototype keys, huge. */
const NASTY = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\r\n",
  "\n",
  "\t",
  "\u001b[2J",
  "\u007f",
  "\u0085",
  "\u202e",
  "\u2066x\u2069",
  "\u200f",
  "\ud800",
  "\udfff",
  "\ufeff",
  "%",
  "%00",
  "%E0%A4%A",
  "%ZZ",
  "../",
  "..%2F..%2F",
  "//evil.example",
  "http://evil.example/",
  "javascript:alert(1)",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "<script>alert(1)</script>",
  "'; drop table audit_batches; --",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "9007199254740993",
  "00000000-0000-4000-8000-000000000000",
  "ß",
  "İ",
  "🎉",
  "\u00a0",
  "acme",
  "ACME",
  "globex",
  "initech",
  "mona",
  "x".repeat(5_000),
];

const utf16Unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Any string a client might send: the nasty ones, random ASCII, random code units (lone surrogates included), real text. */
export const anyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: utf16Unit, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
);

/** An org segment: mostly orgs that exist (owned, not owned, not installed), else anything. */
export const orgSegment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("acme", "acme", "acme", "globex", "initech", "Acme", "no-such-org") },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9-]{0,38}$/) },
  { weight: 2, arbitrary: anyString },
);

/** A request's or token's id segment. */
export const idSegment = fc.oneof(
  fc.integer({ min: 1, max: 999_999 }).map(String),
  fc.constantFrom("0", "-1", "1.5", "1e3", "9007199254740993", "99999999999999999999", "0x10", " 1", "1 "),
  anyString,
);

/** A job's id segment. */
export const jobIdSegment = fc.oneof(fc.uuid().map(String), fc.constantFrom("00000000-0000-0000-0000-000000000000"), anyString);

/** Parameter names the routes know, the ones that pollute prototypes, and anything else. */
const QUERY_KEYS = [
  "page", "per_page", "owner", "repository", "permission", "last_used_before", "last_used_after", "signal", "unused_days", "q",
  "state", "sort", "direction", "actor", "action", "outcome", "from", "to", "batch", "target", "format",
  "callbackUrl", "error", "csrfToken", "code", "state",
  "__proto__", "constructor", "__proto__[polluted]", "owner[]", "page[]",
];

const queryValue = fc.oneof(
  { weight: 2, arbitrary: anyString },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 200_000 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom("1", "30", "100", "asc", "desc", "csv", "jsonl", "expired", "issues_write", "2025-01-31", "mona,hubot", "approve", "accepted") },
);

/** A query string, with its `?`: known and unknown keys, repeated ones, or raw bytes that are not one. */
export const queryString = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  {
    weight: 5,
    arbitrary: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), anyString), queryValue), { maxLength: 5 }).map((pairs) => {
      const search = pairs.map(([key, value]) => `${safeEncode(key)}=${safeEncode(value)}`).join("&");
      return search ? `?${search}` : "";
    }),
  },
  { weight: 1, arbitrary: fc.constantFrom("?%", "?a=%E0%A4%A", "?&&=&", "?=", "?page=1&page=2", "?__proto__[x]=1", "?%00=%00", "?a=%ZZ", `?q=${"%41".repeat(3_000)}`) },
);

/** encodeURIComponent, which throws on a lone surrogate: such a value goes as is, raw. */
export function safeEncode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[^A-Za-z0-9]/g, "_");
  }
}

const id = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 999_999 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1.5, 2 ** 53, 1e308, -0) },
  { weight: 1, arbitrary: anyString },
);

const bodyValue: fc.Arbitrary<unknown> = fc.oneof(
  anyString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(id, { maxLength: 5 }),
  fc.dictionary(anyString, anyString, { maxKeys: 3 }),
);

const validIds = fc.array(fc.integer({ min: 1, max: 999_999 }), { minLength: 1, maxLength: 12 });
const text = fc.oneof(anyString, fc.string({ maxLength: 200 }), fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom("\u0000", "\r", "\u001b", "\u0085", "\u202e", "\u2067", "\ud800", "\u200f", "\n", "\t")).map(([prefix, odd]) => `${prefix}${odd}`));

/** The write routes' own bodies, field for field, their text fields anything: these reach the handlers. */
const routeShapedBody = fc.oneof(
  fc.record({ ids: validIds, action: fc.constantFrom("approve", "deny"), reason: text }, { requiredKeys: ["ids", "action"] }),
  fc.record({ ids: validIds, note: text }, { requiredKeys: ["ids"] }),
  fc.record({ action: fc.constantFrom("approve", "deny", "revoke"), ids: validIds, reason: text }, { requiredKeys: ["action", "ids"] }),
  fc.record({ action: fc.constantFrom("approve", "deny", "revoke"), filters: fc.oneof(queryString.map((query) => query.slice(1)), text) }),
  fc.record({ reason: text, confirm: fc.oneof(fc.constantFrom("acme", "ACME"), text) }, { requiredKeys: [] }),
);

/** Bodies with the routes' field names, wrong values and extra keys (a literal "__proto__" among them). */
const mangledBody = fc
  .tuple(
    fc.record(
      {
        ids: fc.oneof(fc.array(id, { minLength: 0, maxLength: 12 }), bodyValue),
        tokenIds: fc.array(id, { maxLength: 3 }),
        action: fc.oneof(fc.constantFrom("approve", "deny", "revoke"), bodyValue),
        reason: fc.oneof(anyString, bodyValue),
        note: fc.oneof(anyString, bodyValue),
        filters: fc.oneof(queryString.map((query) => query.slice(1)), bodyValue),
        confirm: fc.oneof(fc.constantFrom("acme", "ACME"), anyString),
        extra: bodyValue,
        constructor: bodyValue,
      },
      { requiredKeys: [] },
    ),
    fc.option(bodyValue, { nil: undefined }),
  )
  // A literal "__proto__" key (an object literal or an assignment would set the prototype instead).
  .map(([body, proto]) => {
    const json = JSON.stringify(body);
    return proto === undefined ? json : `{"__proto__":${JSON.stringify(proto)}${json === "{}" ? "}" : `,${json.slice(1)}`}`;
  });

/** One of the routes' own bodies, with any text in it. */
export const shapedBody = routeShapedBody.map((body) => bodyBytes(new TextEncoder().encode(JSON.stringify(body))));

/** A JSON body: one of the routes' own shapes with any text in it, or a mangled one. */
export const jsonBody = fc.oneof({ weight: 3, arbitrary: routeShapedBody.map((body) => JSON.stringify(body)) }, { weight: 2, arbitrary: mangledBody });

/** A body's bytes, shown shortened when fast-check reports a failing input. */
export interface BodyBytes {
  bytes: Uint8Array;
}

function bodyBytes(bytes: Uint8Array): BodyBytes {
  const preview = new TextDecoder().decode(bytes.slice(0, 120));
  return { bytes, [fc.toStringMethod]: () => `<${bytes.length} bytes: ${JSON.stringify(preview)}${bytes.length > 120 ? "…" : ""}>` } as BodyBytes;
}

/** A body: JSON shaped like the routes', any JSON, text that is not JSON, bytes that are not UTF-8, or too much. */
export const rawBody = fc.oneof(
  { weight: 6, arbitrary: jsonBody.map((text) => new TextEncoder().encode(text)) },
  { weight: 2, arbitrary: fc.json({ maxDepth: 3 }).map((text) => new TextEncoder().encode(text)) },
  { weight: 2, arbitrary: anyString.map((text) => new TextEncoder().encode(text)) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  { weight: 1, arbitrary: fc.constantFrom(70_000, 64 * 1024 + 1, 200_000).map((size) => new TextEncoder().encode(`{"ids":[1],"action":"deny","reason":"${"x".repeat(size)}"}`)) },
).map(bodyBytes);

export const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/x-www-form-urlencoded",
  "text/plain",
  "multipart/form-data; boundary=x",
  "application/jsonx",
  "",
);

/** Who sends the call, as its cookies: a signed-in owner or member, a session past its 8 hours, garbage, or nobody. */
export type CookieKind = "owner" | "member" | "other-owner" | "expired" | "tampered" | "garbage" | "none";
export const cookieKind = fc.constantFrom<CookieKind>("owner", "owner", "owner", "owner", "owner", "owner", "member", "other-owner", "expired", "tampered", "garbage", "none");

/** Extra cookies next-auth reads: a callback URL and a CSRF token, sensible or not. */
export const authCookies = fc.record(
  {
    callbackUrl: fc.oneof(fc.constantFrom("/", "/orgs/acme/requests", "http://evil.example/", "notaurl", "%"), anyString),
    csrf: fc.oneof(fc.constantFrom("abc|def", "|", ""), anyString),
  },
  { requiredKeys: [] },
);

export const originHeaders = fc.constantFrom<Record<string, string>>(
  { origin: "SELF", "sec-fetch-site": "same-origin" },
  { origin: "SELF", "sec-fetch-site": "same-origin" },
  { origin: "SELF" },
  { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
  { origin: "null" },
  { "sec-fetch-site": "none" },
  {},
);

/** Headers a browser or a proxy may add, with odd values. */
export const extraHeaders = fc.dictionary(
  fc.constantFrom("x-forwarded-host", "x-forwarded-proto", "x-forwarded-for", "purpose", "next-router-prefetch", "x-grantdesk-pathname", "accept", "content-length", "host", "rsc"),
  fc.oneof(fc.constantFrom("evil.example", "https", "1.2.3.4", "prefetch", "1", "/orgs/acme", "*/*", "0", "-1", "99999999", "abc"), fc.string({ maxLength: 20 })),
  { maxKeys: 3 },
);

/** A header value fetch accepts: visible ASCII and spaces only (anything else is refused by the client, not sent). */
export function isSendableHeaderValue(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value);
}
