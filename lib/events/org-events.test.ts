// Org events across instances: a NOTIFY from any connection reaches every instance's LISTEN (on
// PostgreSQL two opened databases stand for two instances; PGlite has one process), only after
// its transaction commits, and a dropped LISTEN connection comes back and says "resync". Then the
// Server-Sent Events stream built on it: ready first, events as data, heartbeats, the per-user cap,
// and a clean end when the browser goes away.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgEvent } from "@/lib/contract/org-events";
import { openDatabase, type OpenDatabase } from "@/lib/db/open-database";
import { createPostgresDatabase, POSTGRES_SKIPPED, TEST_DATABASE_URL } from "@/test-support/test-databases";
import { createOrgEventHub, type OrgEventHub } from "./org-event-hub";
import { MAX_STREAMS_PER_USER, orgEventStream } from "./org-event-stream";
import { publishOrgEvent } from "./publish-org-event";

const changed = (org: string): OrgEvent => ({ type: "inventory", org, lists: ["requests"], changed: true });

/** Waits until `heard` holds `count` events (or fails after a few seconds). */
async function waitFor(heard: OrgEvent[], count: number) {
  await expect.poll(() => heard.length, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(count);
}

describe("org events on PGlite", () => {
  let opened: OpenDatabase;
  let hub: OrgEventHub;

  beforeAll(async () => {
    opened = await openDatabase({ dataDir: "memory://" });
    hub = createOrgEventHub(opened.listen);
  });
  afterAll(async () => {
    await hub?.close();
    await opened?.close();
  });

  it("reach the org's listeners only, after their transaction commits, and never from one rolled back", async () => {
    const acme: OrgEvent[] = [];
    const globex: OrgEvent[] = [];
    const stopAcme = await hub.subscribe("ACME", (event) => acme.push(event));
    await hub.subscribe("globex", (event) => globex.push(event));

    await publishOrgEvent(opened.db, changed("acme"));
    await waitFor(acme, 1);
    await opened.db
      .transaction(async (tx) => {
        await publishOrgEvent(tx, { type: "job", org: "acme", jobId: "rolled-back" });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await opened.db.transaction(async (tx) => {
      await publishOrgEvent(tx, { type: "job", org: "acme", jobId: "committed" });
      expect(acme).toHaveLength(1);
    });
    await waitFor(acme, 2);
    expect(acme).toEqual([changed("acme"), { type: "job", org: "acme", jobId: "committed" }]);
    expect(globex).toEqual([]);

    stopAcme();
    await publishOrgEvent(opened.db, changed("acme"));
    await publishOrgEvent(opened.db, changed("globex"));
    await waitFor(globex, 1);
    expect(acme).toHaveLength(2);
  });

  it("ignore a NOTIFY on the channel that is not an org event", async () => {
    const heard: OrgEvent[] = [];
    await hub.subscribe("acme", (event) => heard.push(event));
    await opened.db.execute(sql`select pg_notify('grantdesk_events', '{"type":"inventory","org":"acme","lists":["nope"],"changed":true}')`);
    await opened.db.execute(sql`select pg_notify('grantdesk_events', 'not json')`);
    await publishOrgEvent(opened.db, { type: "webhook", org: "acme" });
    await waitFor(heard, 1);
    expect(heard).toEqual([{ type: "webhook", org: "acme" }]);
  });
});

describe.skipIf(!TEST_DATABASE_URL)(`org events on PostgreSQL, two instances${TEST_DATABASE_URL ? "" : ` (${POSTGRES_SKIPPED})`}`, () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let first: OpenDatabase;
  let second: OpenDatabase;
  let hub: OrgEventHub;

  beforeAll(async () => {
    database = await createPostgresDatabase();
    first = await openDatabase({ databaseUrl: database.url, dataDir: "unused" });
    second = await openDatabase({ databaseUrl: database.url, dataDir: "unused" });
    hub = createOrgEventHub(second.listen);
  });
  afterAll(async () => {
    await hub?.close();
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  it("a change on one instance reaches the other's listeners", async () => {
    const heard: OrgEvent[] = [];
    await hub.subscribe("acme", (event) => heard.push(event));
    await publishOrgEvent(first.db, changed("acme"));
    await waitFor(heard, 1);
    expect(heard).toEqual([changed("acme")]);
  });

  it("after its LISTEN connection drops, the instance listens again and tells its listeners to re-read", async () => {
    const heard: OrgEvent[] = [];
    await hub.subscribe("acme", (event) => heard.push(event));
    const killed = await first.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%'`);
    expect((killed as unknown as { rows: unknown[] }).rows).toHaveLength(1);
    await waitFor(heard, 1);
    expect(heard[0]).toEqual({ type: "resync", org: "acme" });

    await publishOrgEvent(first.db, changed("acme"));
    await waitFor(heard, 2);
    expect(heard[1]).toEqual(changed("acme"));
  });
});

describe("the event stream", () => {
  let opened: OpenDatabase;
  let hub: OrgEventHub;

  beforeAll(async () => {
    opened = await openDatabase({ dataDir: "memory://" });
    hub = createOrgEventHub(opened.listen);
  });
  afterAll(async () => {
    await hub?.close();
    await opened?.close();
  });

  const decoder = new TextDecoder();

  /** Reads the stream until `until` matches what arrived so far. */
  async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, until: (text: string) => boolean, text = ""): Promise<string> {
    while (!until(text)) {
      const { done, value } = await reader.read();
      if (done) return text;
      text += decoder.decode(value);
    }
    return text;
  }

  it("opens with `ready`, sends the org's events as data, keeps alive with comments, and ends cleanly when the browser goes away", async () => {
    const browser = new AbortController();
    const response = await orgEventStream({ org: "acme", userKey: "1001", signal: browser.signal, hub, heartbeatMs: 50 });
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store, no-transform");
    const reader = response.body!.getReader();
    let text = await readUntil(reader, (so) => so.includes("event: ready"));
    expect(text).toMatch(/^retry: \d+\nevent: ready\ndata: \{\}\n\n/);

    await publishOrgEvent(opened.db, changed("globex"));
    await publishOrgEvent(opened.db, changed("acme"));
    text = await readUntil(reader, (so) => so.includes("data: {\"type\""), text);
    expect(text).toContain(`data: ${JSON.stringify(changed("acme"))}\n\n`);
    expect(text).not.toContain("globex");
    text = await readUntil(reader, (so) => so.includes(": keep-alive\n\n"), text);

    expect(hub.openStreams("1001")).toBe(1);
    browser.abort();
    expect(await reader.read()).toEqual({ done: true, value: undefined });
    expect(hub.openStreams("1001")).toBe(0);
  });

  it("admits a few streams per user; more are refused with 429 until one closes", async () => {
    const browsers = Array.from({ length: MAX_STREAMS_PER_USER }, () => new AbortController());
    const responses = await Promise.all(browsers.map((browser) => orgEventStream({ org: "acme", userKey: "583231", signal: browser.signal, hub })));
    await expect(orgEventStream({ org: "acme", userKey: "583231", signal: new AbortController().signal, hub })).rejects.toMatchObject({ code: "rate_limited", status: 429 });
    // Another user is not affected.
    const other = new AbortController();
    await expect(orgEventStream({ org: "acme", userKey: "1001", signal: other.signal, hub })).resolves.toBeInstanceOf(Response);
    other.abort();

    await responses[0]!.body!.cancel();
    const again = new AbortController();
    await expect(orgEventStream({ org: "acme", userKey: "583231", signal: again.signal, hub })).resolves.toBeInstanceOf(Response);
    for (const browser of [...browsers, again]) browser.abort();
    expect(hub.openStreams("583231")).toBe(0);
  });

  it("ends after its lifetime, so the browser reconnects and is authorized again", async () => {
    const response = await orgEventStream({ org: "acme", userKey: "42", signal: new AbortController().signal, hub, lifetimeMs: 100 });
    const text = await readUntil(response.body!.getReader(), () => false);
    expect(text).toContain("event: ready");
    expect(hub.openStreams("42")).toBe(0);
  });
});
