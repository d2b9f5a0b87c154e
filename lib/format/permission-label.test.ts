import { describe, expect, it } from "vitest";
import { permissionLabel } from "./permission-label";

describe("permissionLabel", () => {
  it("words a permission as GitHub's settings pages do", () => {
    expect(permissionLabel("pull_requests")).toBe("Pull requests");
    expect(permissionLabel("organization_self_hosted_runners")).toBe("Organization self hosted runners");
  });
});
