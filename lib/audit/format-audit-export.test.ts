import { describe, expect, it } from "vitest";
import type { AuditRecord } from "@/lib/contract/audit-record";
import { csvField, csvHeader, toCsvRow, toJsonLine } from "./format-audit-export";

const record: AuditRecord = {
  batchId: "00000000-0000-4000-8000-000000000001",
  at: "2026-01-31T12:00:00.000Z",
  org: "acme",
  actor: { login: "mona", id: 1001 },
  action: "deny",
  actedAs: "owner",
  targetId: 1000001,
  token: { id: 1005000001, name: "=HYPERLINK(\"http://evil\",\"click\")", ownerLogin: "hubot" },
  reason: "Too broad, see:\r\nthe policy, section 2",
  outcome: "failed",
  status: 422,
  code: "validation_failed",
  message: "Request 1000001 has already been denied.",
  outcomeAt: "2026-01-31T12:00:01.000Z",
};

describe("csvField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["=1+2", "'=1+2"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTAB", "'\tTAB"],
    ["\r=1", "\"'\r=1\""],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ["a=1", "a=1"],
    ["", ""],
  ])("writes %j as %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("writes numbers as they are and nothing for no value", () => {
    expect(csvField(422)).toBe("422");
    expect(csvField(null)).toBe("");
  });
});

describe("an exported record", () => {
  it("is one CSV row under the header, each text field guarded and quoted as needed", () => {
    expect(csvHeader()).toBe("time,batch,org,actor,actor_id,action,target_id,token_id,token_name,token_owner,reason,outcome,status,code,message,outcome_time,acted_as\r\n");
    expect(toCsvRow(record)).toBe(
      `2026-01-31T12:00:00.000Z,00000000-0000-4000-8000-000000000001,acme,mona,1001,deny,1000001,1005000001,"'=HYPERLINK(""http://evil"",""click"")",hubot,"Too broad, see:\r\nthe policy, section 2",failed,422,validation_failed,Request 1000001 has already been denied.,2026-01-31T12:00:01.000Z,owner\r\n`,
    );
  });

  it("leaves the token's fields empty when GitHub could not confirm the token", () => {
    expect(toCsvRow({ ...record, token: null, status: null, code: null, message: null, outcome: "accepted" })).toContain(",1000001,,,,");
  });

  it("is one JSON line holding the record as the API returns it", () => {
    const line = toJsonLine(record);
    expect(line.endsWith("\n")).toBe(true);
    expect(line.slice(0, -1)).not.toContain("\n");
    expect(JSON.parse(line)).toEqual(record);
  });
});
