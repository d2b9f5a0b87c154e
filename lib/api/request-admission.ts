import { ApiError } from "@/lib/contract/api-error";

// Fair turns for API calls under load. Node accepts ONE new connection per turn of its event loop
// (libuv ≥ 1.45, so Node 20), and a turn runs every call that is ready: a call's database work
// runs synchronously on this thread (the embedded PGlite is WebAssembly; its queries chain
// through promises without yielding). With 200 clients at once a turn took 1–2 s (every waiting
// call's queries), so connections not yet accepted waited in the kernel's queue for 30 s and
// more, while the accepted ones kept being served. Starting only a few calls per turn keeps
// turns short: new connections are accepted within a few turns, and every call, old connection
// or new, waits its turn in one first-come line. A line too long, or a wait too long, is answered
// at once with 503 `overloaded` and when to try again, never left hanging.

export interface RequestAdmissionOptions {
  /** Calls started per turn of the event loop (default 2). */
  perTurn?: number;
  /** Calls allowed to wait; one more is refused at once (default 1,000). */
  maxWaiting?: number;
  /** A call still waiting after this long is refused (default 10 s). */
  maxWaitMs?: number;
  /** Runs `task` at the end of this turn (after I/O); by default setImmediate. */
  endOfTurn?: (task: () => void) => void;
  clock?: () => number;
}

interface Waiter {
  since: number;
  admit: () => void;
  refuse: (error: ApiError) => void;
}

const RETRY_AFTER_SECONDS = 5;

function overloaded(): ApiError {
  return new ApiError("overloaded", "Grantdesk is answering more calls than it can right now. Try again in a few seconds.", { retryAfter: RETRY_AFTER_SECONDS });
}

export interface RequestAdmission {
  /** Resolves when the call may start; rejects with ApiError `overloaded` (503) when it may not. */
  admit(): Promise<void>;
  /** Calls waiting for their turn. */
  waiting(): number;
}

export function createRequestAdmission(options: RequestAdmissionOptions = {}): RequestAdmission {
  const { perTurn = 2, maxWaiting = 1_000, maxWaitMs = 10_000 } = options;
  const endOfTurn = options.endOfTurn ?? ((task) => void setImmediate(task));
  const clock = options.clock ?? (() => performance.now());
  const line: Waiter[] = [];
  /** Calls started since the last end of turn. */
  let started = 0;
  let turnEnding = false;

  function start(): void {
    started += 1;
    // setImmediate from within an end of turn runs at the end of the next one: one reset per turn.
    if (!turnEnding) {
      turnEnding = true;
      endOfTurn(nextTurn);
    }
  }

  function nextTurn(): void {
    turnEnding = false;
    started = 0;
    const now = clock();
    while (line.length > 0 && started < perTurn) {
      const waiter = line.shift()!;
      if (now - waiter.since > maxWaitMs) {
        waiter.refuse(overloaded());
        continue;
      }
      start();
      waiter.admit();
    }
    // Still waiting (each start above scheduled the next end of turn), or a line of expired calls
    // refused: nothing left to schedule.
  }

  return {
    admit() {
      if (line.length === 0 && started < perTurn) {
        start();
        return Promise.resolve();
      }
      if (line.length >= maxWaiting) return Promise.reject(overloaded());
      return new Promise<void>((admit, refuse) => {
        line.push({ since: clock(), admit, refuse });
        if (!turnEnding) {
          turnEnding = true;
          endOfTurn(nextTurn);
        }
      });
    },
    waiting: () => line.length,
  };
}

// One line for the whole process: Next evaluates each route's modules on their own.
const holder = globalThis as typeof globalThis & { grantdeskRequestAdmission?: RequestAdmission };

/** Waits for this API call's turn (see createRequestAdmission); throws ApiError `overloaded` instead of a long wait. */
export function admitRequest(): Promise<void> {
  holder.grantdeskRequestAdmission ??= createRequestAdmission();
  return holder.grantdeskRequestAdmission.admit();
}
