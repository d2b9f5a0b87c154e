import { RequestError } from "@octokit/request-error";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/contract/api-error";
import type { Page } from "@/lib/contract/pat-rows";
import { beginShutdown } from "@/lib/lifecycle/shutdown";
import { MAX_RECHECK_PAGES, scanForIds, sendInChunks, type ChunkedWrite } from "./send-in-chunks";

const range = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);

function githubAnswer(status: number, message: string, headers: Record<string, string> = {}) {
  return new RequestError(message, status, {
    request: { method: "POST", url: "https://api.github.test/orgs/acme/personal-access-tokens", headers: {} },
    response: { status, url: "", headers, data: { message, documentation_url: "https://docs.github.com" } },
  });
}

/** A write whose bulk calls fail as `failures` says (by call number, 1-based). */
function recordingWrite(failures: Record<number, Error> = {}, listed: ChunkedWrite["findListed"] = async () => ({ listed: new Set(), complete: true })) {
  const bulkCalls: number[][] = [];
  const singleCalls: number[] = [];
  const write: ChunkedWrite = {
    sendOne: vi.fn(async (id: number) => {
      singleCalls.push(id);
      const failure = failures[singleCalls.length];
      if (failure) throw failure;
    }),
    sendMany: vi.fn(async (ids: number[]) => {
      bulkCalls.push(ids);
      const failure = failures[bulkCalls.length];
      if (failure) throw failure;
    }),
    findListed: vi.fn(listed),
    listedAs: "pending",
    context: { org: "acme", permission: { name: "Personal access token requests", access: "write" } },
  };
  return { write, bulkCalls, singleCalls };
}

describe("sendInChunks", () => {
  it("sends 250 ids as bulk calls of 100, 100 and 50, in order, and reports all 250", async () => {
    const { write, bulkCalls, singleCalls } = recordingWrite();
    const ids = range(1, 250);
    const result = await sendInChunks(ids, write);
    expect(bulkCalls.map((chunk) => chunk.length)).toEqual([100, 100, 50]);
    expect(bulkCalls.flat()).toEqual(ids);
    expect(singleCalls).toEqual([]);
    expect(result.results.map((outcome) => outcome.id)).toEqual(ids);
    expect(result).toMatchObject({ accepted: 250, failed: 0 });
    expect(result.results.every((outcome) => outcome.ok)).toBe(true);
  });

  it("removes duplicates before sending, keeping the first-seen order", async () => {
    const { write, bulkCalls } = recordingWrite();
    const result = await sendInChunks([5, 5, 6, 7, 6, 5], write);
    expect(bulkCalls).toEqual([[5, 6, 7]]);
    expect(result.results.map((outcome) => outcome.id)).toEqual([5, 6, 7]);
    expect(result.accepted + result.failed).toBe(3);
  });

  it("uses the single endpoint for one distinct id", async () => {
    const { write, bulkCalls, singleCalls } = recordingWrite();
    const result = await sendInChunks([9, 9], write);
    expect(singleCalls).toEqual([9]);
    expect(bulkCalls).toEqual([]);
    expect(result).toEqual({ results: [{ id: 9, ok: true }], accepted: 1, skipped: 0, failed: 0 });
  });

  it("fails only the chunk GitHub refused (422) and still sends the others", async () => {
    const { write, bulkCalls } = recordingWrite({ 2: githubAnswer(422, "Validation Failed") });
    const result = await sendInChunks(range(1, 250), write);
    expect(bulkCalls).toHaveLength(3);
    expect(result).toMatchObject({ accepted: 150, failed: 100 });
    const failed = result.results.filter((outcome) => !outcome.ok);
    expect(failed.map((outcome) => outcome.id)).toEqual(range(101, 100));
    expect(failed[0]).toMatchObject({ status: 422, code: "validation_failed" });
    expect(failed[0]!.error).toContain("Validation Failed");
    expect(write.findListed).not.toHaveBeenCalled();
  });

  it("stops after a failure that holds for the whole org, reporting the rest as not sent", async () => {
    const { write, bulkCalls } = recordingWrite({ 1: githubAnswer(403, "Resource not accessible by integration") });
    const result = await sendInChunks(range(1, 250), write);
    expect(bulkCalls).toHaveLength(1);
    expect(result).toMatchObject({ accepted: 0, failed: 250 });
    expect(result.results[0]).toMatchObject({ status: 403, code: "missing_permission" });
    expect(result.results[0]!.error).toContain('"Personal access token requests" (write)');
    expect(result.results[100]).toMatchObject({ code: "missing_permission" });
    expect(result.results[100]!.status).toBeUndefined();
    expect(result.results[100]!.error).toMatch(/^Not sent: /);
  });

  it("stops on a rate limit the client gave up waiting for, with when to retry", async () => {
    const { write, bulkCalls } = recordingWrite({
      2: githubAnswer(403, "You have exceeded a secondary rate limit", { "retry-after": "120" }),
    });
    const result = await sendInChunks(range(1, 300), write);
    expect(bulkCalls).toHaveLength(2);
    expect(result.accepted).toBe(100);
    expect(result.results[100]).toMatchObject({ code: "rate_limited", status: 403 });
    expect(result.results[250]!.error).toMatch(/^Not sent: .*120 s/);
  });

  describe("on an unclear answer (5xx, timeout)", () => {
    it("never resends, and reports ids still listed as not applied with GitHub's status", async () => {
      const { write, bulkCalls } = recordingWrite({ 2: githubAnswer(502, "Bad Gateway") }, async (ids) => ({
        listed: new Set(ids),
        complete: true,
      }));
      const result = await sendInChunks(range(1, 250), write);
      expect(bulkCalls.map((chunk) => chunk[0])).toEqual([1, 101, 201]);
      expect(write.findListed).toHaveBeenCalledWith(range(101, 100));
      expect(result).toMatchObject({ accepted: 150, failed: 100 });
      expect(result.results[100]).toMatchObject({ id: 101, ok: false, status: 502, code: "not_applied" });
      expect(result.results[100]!.error).toContain("not resent");
    });

    it("reports ids the re-read no longer lists as accepted, marked inferred", async () => {
      const { write } = recordingWrite({ 1: githubAnswer(500, "") }, async () => ({ listed: new Set([3]), complete: true }));
      const result = await sendInChunks([1, 2, 3], write);
      expect(result.results).toEqual([
        { id: 1, ok: true, inferred: true },
        { id: 2, ok: true, inferred: true },
        expect.objectContaining({ id: 3, ok: false, code: "not_applied" }),
      ]);
    });

    it("says the outcome is unknown when the re-read fails or cannot see the whole list", async () => {
      const failing = recordingWrite({ 1: githubAnswer(504, "") }, async () => {
        throw githubAnswer(502, "");
      });
      const unknown = await sendInChunks([1, 2], failing.write);
      expect(unknown.results.map((outcome) => outcome.code)).toEqual(["outcome_unknown", "outcome_unknown"]);
      expect(unknown.results[0]!.error).toContain("did not resend");

      const partial = recordingWrite({ 1: githubAnswer(500, "") }, async () => ({ listed: new Set([2]), complete: false }));
      const mixed = await sendInChunks([1, 2], partial.write);
      expect(mixed.results.map((outcome) => outcome.code)).toEqual(["outcome_unknown", "not_applied"]);
    });

    it("treats a timeout like a 5xx (no status: GitHub never answered)", async () => {
      const timeout = new RequestError("The operation was aborted due to timeout", 500, {
        request: { method: "POST", url: "https://api.github.test/x", headers: {} },
        cause: new DOMException("The operation was aborted due to timeout", "TimeoutError"),
      });
      const { write, singleCalls } = recordingWrite({ 1: timeout }, async (ids) => ({ listed: new Set(ids), complete: true }));
      const result = await sendInChunks([4], write);
      expect(singleCalls).toEqual([4]);
      expect(result.results[0]).toMatchObject({ ok: false, code: "not_applied" });
      expect(result.results[0]!.status).toBeUndefined();
      expect(result.results[0]!.error).toContain("did not answer");
    });

    it("stops after GitHub fails twice in a row", async () => {
      const { write, bulkCalls } = recordingWrite({ 1: githubAnswer(502, ""), 2: githubAnswer(503, "") }, async (ids) => ({
        listed: new Set(ids),
        complete: true,
      }));
      const result = await sendInChunks(range(1, 300), write);
      expect(bulkCalls).toHaveLength(2);
      expect(result.failed).toBe(300);
      expect(result.results[250]).toMatchObject({ code: "github_unavailable" });
      expect(result.results[250]!.error).toMatch(/^Not sent: /);
    });
  });
});

describe("scanForIds", () => {
  const pageOf = (ids: number[], hasNextPage: boolean): Page<{ id: number }> => ({
    items: ids.map((id) => ({ id })),
    page: 1,
    perPage: 100,
    hasNextPage,
    lastPage: null,
  });

  it("stops as soon as every id is found", async () => {
    const listPage = vi.fn(async (page: number) => pageOf(page === 1 ? [1, 2] : [3, 4], true));
    expect(await scanForIds([2, 3], listPage)).toEqual({ listed: new Set([2, 3]), complete: true });
    expect(listPage).toHaveBeenCalledTimes(2);
  });

  it("is complete at the end of the list, and not when it gives up early", async () => {
    expect(await scanForIds([1, 9], async () => pageOf([1], false))).toEqual({ listed: new Set([1]), complete: true });
    const endless = vi.fn(async () => pageOf([1], true));
    expect(await scanForIds([1, 9], endless)).toEqual({ listed: new Set([1]), complete: false });
    expect(endless).toHaveBeenCalledTimes(MAX_RECHECK_PAGES);
  });
});

describe("sendInChunks, when the acting owner must sign in again", () => {
  const reauth = () => new ApiError("reauth_required", "GitHub no longer accepts Grantdesk's access on behalf of mona.");

  it("refuses the whole call when nothing was sent yet, so the owner is asked at once", async () => {
    const { write, bulkCalls } = recordingWrite({ 1: reauth() });
    await expect(sendInChunks(range(1, 250), write)).rejects.toMatchObject({ code: "reauth_required" });
    expect(bulkCalls).toHaveLength(1);
  });

  it("after chunks went through, reports the rest as not sent, keeping what GitHub accepted", async () => {
    const { write, bulkCalls } = recordingWrite({ 2: reauth() });
    const result = await sendInChunks(range(1, 250), write);
    expect(bulkCalls).toHaveLength(2);
    expect(result).toMatchObject({ accepted: 100, failed: 150 });
    expect(result.results[100]).toMatchObject({ ok: false, code: "reauth_required", error: expect.stringMatching(/^GitHub no longer accepts/) });
    expect(result.results[249]).toMatchObject({ ok: false, code: "reauth_required", error: expect.stringMatching(/^Not sent: /) });
  });
});

// Last: the shutdown flag is process-wide and never cleared.
describe("sendInChunks, once the server is shutting down", () => {
  it("finishes the chunk in flight and reports the rest as not sent", async () => {
    const { write, bulkCalls } = recordingWrite();
    write.sendMany = vi.fn(async (ids: number[]) => {
      bulkCalls.push(ids);
      if (bulkCalls.length === 1) beginShutdown();
    });
    const result = await sendInChunks(range(1, 250), write);
    expect(bulkCalls).toHaveLength(1);
    expect(result).toMatchObject({ accepted: 100, failed: 150 });
    expect(result.results.slice(100).every((outcome) => outcome.code === "shutting_down" && outcome.error?.startsWith("Not sent: Grantdesk was stopping"))).toBe(true);
  });
});
