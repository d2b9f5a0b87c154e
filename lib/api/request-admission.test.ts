import { createServer, type Server } from "node:http";
import { connect, type AddressInfo, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/contract/api-error";
import { createRequestAdmission } from "./request-admission";

/** Turns run by hand: `endOfTurn` only collects what is to run at the end of the current turn. */
function manualTurns() {
  let pending: (() => void)[] = [];
  return {
    endOfTurn: (task: () => void) => void pending.push(task),
    /** Ends the current turn, then lets the calls it started run. */
    async endTurn() {
      const tasks = pending;
      pending = [];
      for (const task of tasks) task();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
}

async function refusal(promise: Promise<void>) {
  try {
    await promise;
    return "admitted";
  } catch (error) {
    return error instanceof ApiError ? { code: error.code, status: error.status, retryAfter: error.retryAfter } : error;
  }
}

describe("request admission", () => {
  it("starts at most `perTurn` calls a turn, the others in later turns in the order they came", async () => {
    const turns = manualTurns();
    const admission = createRequestAdmission({ perTurn: 2, endOfTurn: turns.endOfTurn });
    const started: number[] = [];
    const calls = [1, 2, 3, 4, 5].map((call) => admission.admit().then(() => started.push(call)));

    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(started).toEqual([1, 2]);
    expect(admission.waiting()).toBe(3);
    await turns.endTurn();
    expect(started).toEqual([1, 2, 3, 4]);
    await turns.endTurn();
    expect(started).toEqual([1, 2, 3, 4, 5]);
    await Promise.all(calls);
    // A fresh turn with nobody waiting: a call starts at once.
    await turns.endTurn();
    let now = false;
    void admission.admit().then(() => (now = true));
    await Promise.resolve();
    expect(now).toBe(true);
  });

  it("refuses a call at once with 503 overloaded and Retry-After when the line is full", async () => {
    const turns = manualTurns();
    const admission = createRequestAdmission({ perTurn: 1, maxWaiting: 2, endOfTurn: turns.endOfTurn });
    await admission.admit();
    const waiting = [admission.admit(), admission.admit()];
    expect(await refusal(admission.admit())).toEqual({ code: "overloaded", status: 503, retryAfter: 5 });
    expect(admission.waiting()).toBe(2);
    await turns.endTurn();
    await turns.endTurn();
    expect(await Promise.all(waiting.map(refusal))).toEqual(["admitted", "admitted"]);
  });

  it("refuses a call that waited longer than `maxWaitMs` instead of starting it late, without using up the turn", async () => {
    const turns = manualTurns();
    let now = 0;
    const admission = createRequestAdmission({ perTurn: 1, maxWaitMs: 10_000, endOfTurn: turns.endOfTurn, clock: () => now });
    await admission.admit();
    const stale = refusal(admission.admit());
    now = 5_000;
    const fresh = refusal(admission.admit());
    now = 10_001;
    await turns.endTurn();
    expect(await stale).toEqual({ code: "overloaded", status: 503, retryAfter: 5 });
    expect(await fresh).toBe("admitted");
    expect(admission.waiting()).toBe(0);
  });
});

// The reason for it all: Node accepts one new connection per turn of its event loop. Calls that
// each block the thread (as the embedded database's queries do) make a turn as long as all of
// them together unless they start a few per turn; then new connections are accepted meanwhile.
describe("request admission on a busy HTTP server", () => {
  const BUSY_MS = 15;
  const servers: Server[] = [];
  const sockets: Socket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function busyServer(admit: () => Promise<void>) {
    let accepted = 0;
    const server = createServer(async (_req, res) => {
      await admit();
      const until = performance.now() + BUSY_MS;
      while (performance.now() < until) {
        // the thread is busy, as in a database query
      }
      res.end("ok");
    });
    server.on("connection", () => (accepted += 1));
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { port: (server.address() as AddressInfo).port, accepted: () => accepted };
  }

  /** A keep-alive client that asks again as soon as it is answered. */
  function closedLoopClient(port: number) {
    const socket = connect(port, "127.0.0.1");
    sockets.push(socket);
    const ask = () => socket.write("GET / HTTP/1.1\r\nHost: grantdesk.test\r\n\r\n");
    socket.on("data", ask);
    socket.on("error", () => undefined);
    ask();
  }

  async function secondsToAcceptAll(admit: () => Promise<void>, busyClients: number, newClients: number): Promise<number> {
    const server = await busyServer(admit);
    for (let client = 0; client < busyClients; client++) closedLoopClient(server.port);
    while (server.accepted() < busyClients) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = performance.now();
    for (let client = 0; client < newClients; client++) closedLoopClient(server.port);
    while (server.accepted() < busyClients + newClients && performance.now() - started < 20_000) await new Promise((resolve) => setTimeout(resolve, 5));
    return (performance.now() - started) / 1000;
  }

  it("keeps accepting new connections while 30 clients keep it busy", async () => {
    const admission = createRequestAdmission({ perTurn: 2 });
    // 30 calls of 15 ms in one turn would make each turn ~0.45 s: 30 new connections would take ~14 s.
    expect(await secondsToAcceptAll(() => admission.admit(), 30, 30)).toBeLessThan(4);
  }, 30_000);
});
