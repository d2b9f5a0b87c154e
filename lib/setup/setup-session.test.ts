import { describe, expect, it } from "vitest";
import { setupAccess } from "./setup-access";
import { openSetupSession, sealSetupSession, stateMatches } from "./setup-session";

const SECRET = "s".repeat(32);

describe("the setup session cookie", () => {
  it("opens what was sealed until it expires, and nothing else", () => {
    const { name, value, options } = sealSetupSession({ operator: true, state: "abc" }, SECRET, "https://grantdesk.example", 1_000);
    expect(name).toBe("__Host-grantdesk-setup");
    expect(options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/", maxAge: 3_600 });
    expect(openSetupSession(value, SECRET, 2_000)).toEqual({ operator: true, state: "abc", expiresAt: 3_601_000 });
    expect(openSetupSession(value, SECRET, 3_601_000)).toBeNull();
    expect(openSetupSession(value, "t".repeat(32), 2_000)).toBeNull();
    expect(openSetupSession(`${value}x`, SECRET, 2_000)).toBeNull();
    expect(openSetupSession(undefined, SECRET)).toBeNull();
    expect(sealSetupSession({ operator: false, state: null }, SECRET, "http://127.0.0.1:3000").name).toBe("grantdesk-setup");
  });

  it("matches the state GitHub sent back only when it is the very same", () => {
    const session = { operator: false, state: "state-1", expiresAt: Infinity };
    expect(stateMatches(session, "state-1")).toBe(true);
    expect(stateMatches(session, "state-2")).toBe(false);
    expect(stateMatches(session, "state-11")).toBe(false);
    expect(stateMatches(session, null)).toBe(false);
    expect(stateMatches({ ...session, state: null }, "state-1")).toBe(false);
    expect(stateMatches(null, "state-1")).toBe(false);
  });
});

describe("setup access", () => {
  const operator = { operator: true, state: null, expiresAt: Infinity };
  it.each([
    ["none", null, "open"],
    ["none", operator, "open"],
    ["setup", null, "locked"],
    ["setup", operator, "operator"],
    ["unreadable", null, "locked"],
    ["unreadable", operator, "operator"],
    ["unknown", null, "unavailable"],
    ["environment", operator, "environment"],
  ] as const)("with credentials %s and session %o: %s", (status, session, access) => {
    expect(setupAccess(status, session)).toBe(access);
  });
});
