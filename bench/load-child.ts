// Runs one autocannon load in its own process, so the load generator neither shares an event loop
// with fake-github (which runs inside the bench's process) nor slows it down. Receives the load
// from the parent (bench/load.ts), records every response time, answers them and exits.
import autocannon from "autocannon";
import type { LoadOptions, LoadSlice } from "./load";

function run(options: LoadOptions): Promise<LoadSlice> {
  const latenciesMs: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        // autocannon validates a key even when it is undefined: give exactly one of the two.
        ...(options.amount === undefined ? { duration: options.durationSeconds } : { amount: options.amount }),
        timeout: 10,
        requests: options.paths.map((path) => ({ method: "GET", path, headers: options.headers })),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({ latenciesMs, errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, durationSeconds: result.duration });
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
