// Runs one autocannon load in its own process, so the load generator neither shares an event loop
// with fake-github (which runs inside the bench's process) nor slows it down. Receives the load
// from the parent (bench/load.ts), records every response time, answers them and exits.
import autocannon from "autocannon";
import type { LoadOptions, LoadSlice } from "./load";

/** What autocannon's client exposes to `setupClient`, as far as this file uses it. */
interface LoadClient {
  setRequests(requests: { method: string; path: string; headers: Record<string, string> }[]): void;
  on(event: "response", listener: (statusCode: number, resBytes: number, responseTimeMs: number) => void): void;
  on(event: "timeout", listener: () => void): void;
  requestIterator: { currentRequest: { path: string }; currentRequestIndex: number; requests: { path: string }[] };
}

function run(options: LoadOptions): Promise<LoadSlice> {
  const latenciesMs: number[] = [];
  const byKind: Record<string, number[]> = {};
  // [seconds since start, response time (-1: none within the timeout), path] of the slow answers: when the load stalled, and on what.
  const slow: [number, number, string][] = [];
  const started = Date.now();
  let clients = 0;
  // Each connection its own headers (its own signed-in user), and its answers timed by kind of path.
  const setupClient = (client: LoadClient) => {
    const own = options.clientHeaders?.[clients++ % options.clientHeaders.length] ?? {};
    client.setRequests(options.paths.map((path) => ({ method: "GET", path, headers: { ...options.headers, ...own } })));
    if (options.kindOf) {
      client.on("response", (_status, _bytes, responseTimeMs) => {
        const path = client.requestIterator.currentRequest.path;
        (byKind[options.kindOf![path] ?? "other"] ??= []).push(responseTimeMs);
        if (responseTimeMs > 5_000) slow.push([Math.round((Date.now() - started) / 1000), Math.round(responseTimeMs), path]);
      });
      // autocannon reconnects and sends the next call before it reports the timeout: the call cut off is the one before.
      client.on("timeout", () => {
        const { requests, currentRequestIndex } = client.requestIterator;
        const cutOff = requests[(currentRequestIndex - 1 + requests.length) % requests.length]!.path;
        slow.push([Math.round((Date.now() - started) / 1000), -1, cutOff]);
      });
    }
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        // autocannon validates a key even when it is undefined: give exactly one of the two.
        ...(options.amount === undefined ? { duration: options.durationSeconds } : { amount: options.amount }),
        timeout: options.timeoutSeconds ?? 10,
        requests: options.paths.map((path) => ({ method: "GET", path, headers: options.headers })),
        ...(options.clientHeaders || options.kindOf ? { setupClient } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        const statuses = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [status, count]));
        resolve({ latenciesMs, byKind, slow, statuses, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, durationSeconds: result.duration });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTimeMs) => latenciesMs.push(responseTimeMs));
    // An amount-bound run on a slow server ends here instead (the caller sees how many answers came).
    if (options.stopAfterSeconds !== undefined) setTimeout(() => instance.stop(), options.stopAfterSeconds * 1000).unref();
  });
}

process.once("message", (options: LoadOptions) => {
  run(options).then(
    (slice) => process.send!({ slice }, () => process.exit(0)),
    (error: unknown) => process.send!({ error: String(error) }, () => process.exit(1)),
  );
});
// The parent going away (Ctrl-C, crash) ends the load too.
process.once("disconnect", () => process.exit(1));
