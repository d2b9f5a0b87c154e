import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "@/lib/db/open-database";
import { githubAppCredentials } from "@/lib/db/schema";
import { createSecretBox, SecretBoxError } from "@/lib/security/secret-box";
import { readStoredApp, writeStoredApp } from "./stored-app";

const app = {
  appId: 900001,
  slug: "grantdesk-acme",
  name: "Grantdesk acme",
  ownerLogin: "acme",
  htmlUrl: "https://github.com/apps/grantdesk-acme",
  clientId: "Iv1.abc",
  privateKey: "-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n",
  clientSecret: "client-secret-value",
  webhookSecret: "webhook-secret-value",
};
const box = createSecretBox("k".repeat(32));
let opened: OpenDatabase;

beforeAll(async () => {
  opened = await openDatabase({ dataDir: "memory://" });
});
afterAll(() => opened?.close());

describe("the stored GitHub App", () => {
  it("is none at first, then what was written, its secrets sealed in one column", async () => {
    expect(await readStoredApp(opened.db, box)).toBeNull();
    await writeStoredApp(opened.db, box, app);
    expect(await readStoredApp(opened.db, box)).toEqual({ ...app, createdAt: expect.any(Date) });
    const [row] = await opened.db.select().from(githubAppCredentials);
    for (const secret of [app.privateKey, app.clientSecret, app.webhookSecret, "PRIVATE KEY"]) expect(JSON.stringify(row)).not.toContain(secret);
  });

  it("is replaced, never doubled, when setup runs again", async () => {
    await writeStoredApp(opened.db, box, { ...app, appId: 900002, slug: "grantdesk-acme-2", webhookSecret: null });
    expect(await opened.db.$count(githubAppCredentials)).toBe(1);
    expect(await readStoredApp(opened.db, box)).toMatchObject({ appId: 900002, webhookSecret: null });
  });

  it("does not open under another AUTH_SECRET, nor when its secrets were moved to another app id", async () => {
    await expect(readStoredApp(opened.db, createSecretBox("m".repeat(32)))).rejects.toThrow(SecretBoxError);
    await opened.db.update(githubAppCredentials).set({ appId: 900003 });
    await expect(readStoredApp(opened.db, box)).rejects.toThrow(SecretBoxError);
  });
});
