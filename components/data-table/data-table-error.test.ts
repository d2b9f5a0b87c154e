import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/contract/api-error";
import { describeFailure } from "./data-table-error";

describe("describeFailure", () => {
  it.each([
    [new ApiError("network_error", ""), "Grantdesk could not be reached."],
    [new ApiError("unauthorized", ""), "Your session has ended."],
    [new ApiError("missing_permission", ""), "The GitHub App lacks a permission."],
    [new ApiError("forbidden", ""), "Access denied."],
    [new ApiError("rate_limited", ""), "GitHub is rate limiting Grantdesk."],
    [new ApiError("github_timeout", ""), "GitHub did not answer."],
    [new ApiError("audit_unavailable", ""), "Grantdesk's database is unavailable."],
    [new ApiError("internal_error", ""), "Something went wrong in Grantdesk."],
    [new ApiError("validation_failed", ""), "GitHub refused the request."],
    [new Error("boom"), "Something went wrong."],
  ])("names %o", (error, expected) => {
    expect(describeFailure(error)).toBe(expected);
  });
});
