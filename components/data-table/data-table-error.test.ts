import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/api-error";
import { describeFailure } from "./data-table-error";

describe("describeFailure", () => {
  it.each([
    [new ApiError(0, "network_error", ""), "Grantdesk could not be reached."],
    [new ApiError(401, "unauthorized", ""), "Your session has ended."],
    [new ApiError(403, "missing_permission", ""), "The GitHub App lacks a permission."],
    [new ApiError(403, "forbidden", ""), "Access denied."],
    [new ApiError(429, "rate_limited", ""), "GitHub is rate limiting Grantdesk."],
    [new ApiError(504, "github_timeout", ""), "GitHub did not answer."],
    [new ApiError(503, "audit_unavailable", ""), "Grantdesk's database is unavailable."],
    [new ApiError(500, "internal_error", ""), "Something went wrong in Grantdesk."],
    [new ApiError(422, "validation_failed", ""), "GitHub refused the request."],
    [new Error("boom"), "Something went wrong."],
  ])("names %o", (error, expected) => {
    expect(describeFailure(error)).toBe(expected);
  });
});
