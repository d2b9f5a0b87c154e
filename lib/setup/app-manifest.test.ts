import { describe, expect, it } from "vitest";
import { APP_PERMISSIONS, buildAppManifest, defaultAppName, installAppUrl, manifestFormUrl } from "./app-manifest";

describe("the app manifest", () => {
  it("points every URL at APP_URL and asks for exactly the three organization permissions and the request event", () => {
    expect(buildAppManifest("https://grantdesk.example.com")).toEqual({
      name: "Grantdesk grantdesk.example.com",
      url: "https://grantdesk.example.com",
      description: expect.stringContaining("personal access token"),
      hook_attributes: { url: "https://grantdesk.example.com/api/github/webhooks", active: true },
      redirect_url: "https://grantdesk.example.com/api/setup/callback",
      callback_urls: ["https://grantdesk.example.com/api/auth/callback/github"],
      setup_url: "https://grantdesk.example.com/setup",
      public: false,
      default_permissions: {
        organization_personal_access_token_requests: "write",
        organization_personal_access_tokens: "write",
        members: "read",
      },
      default_events: ["personal_access_token_request"],
      request_oauth_on_install: false,
      setup_on_update: false,
    });
    expect(Object.keys(APP_PERMISSIONS)).toHaveLength(3);
  });

  it("keeps the default name within GitHub's 34 characters", () => {
    expect(defaultAppName("https://a-very-long-host-name.internal.example.com")).toHaveLength(34);
  });
});

describe("GitHub's pages", () => {
  it.each([
    ["https://github.com", "https://github.com/organizations/acme/settings/apps/new?state=s1", "https://github.com/apps/grantdesk-acme/installations/new"],
    ["https://octo.ghe.com", "https://octo.ghe.com/organizations/acme/settings/apps/new?state=s1", "https://octo.ghe.com/apps/grantdesk-acme/installations/new"],
  ])("on %s: the org's app-creation page with the state, and the install page", (githubUrl, create, install) => {
    expect(manifestFormUrl(githubUrl, { kind: "organization", org: "acme" }, "s1")).toBe(create);
    expect(installAppUrl(githubUrl, "grantdesk-acme")).toBe(install);
  });

  it("creates a personal account's app on /settings/apps/new", () => {
    expect(manifestFormUrl("https://github.com", { kind: "user" }, "a b")).toBe("https://github.com/settings/apps/new?state=a+b");
  });
});
