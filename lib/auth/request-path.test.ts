import { describe, expect, it } from "vitest";
import { PATHNAME_HEADER, signedPathHeaders, trustedPathname } from "./request-path";

const SECRET = "s".repeat(40);

describe("trustedPathname", () => {
  it("reads back the path the proxy signed", () => {
    expect(trustedPathname(new Headers(signedPathHeaders("/orgs/acme/requests", SECRET)), SECRET)).toBe("/orgs/acme/requests");
  });

  it("ignores a path the client set itself, or one signed with another secret, or altered", () => {
    expect(trustedPathname(new Headers({ [PATHNAME_HEADER]: "/orgs/%E0%A4%A" }), SECRET)).toBeNull();
    expect(trustedPathname(new Headers(signedPathHeaders("/orgs/acme", "o".repeat(40))), SECRET)).toBeNull();
    const headers = new Headers(signedPathHeaders("/orgs/acme", SECRET));
    headers.set(PATHNAME_HEADER, "/orgs/globex");
    expect(trustedPathname(headers, SECRET)).toBeNull();
    expect(trustedPathname(new Headers(), SECRET)).toBeNull();
  });
});
