import { readFileSync } from "node:fs";
import { readFile, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import path from "node:path";

/** The file that says which process has a data folder open. */
export const LOCK_FILE = "grantdesk.pid";

/** Another live process on this machine has the folder open. */
export class DataDirInUseError extends Error {
  override name = "DataDirInUseError";
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`${dataDir} is in use by another Grantdesk process (pid ${pid})`);
  }
}

interface LockContent {
  pid: number;
  host: string;
}

/**
 * Takes the embedded database's folder for this process. PGlite is single-process and does not
 * stop a second opener itself: two processes on one folder (a dev server left running beside
 * `npm start`) silently lose each other's writes. The lock is a file naming the owner's pid; one
 * left by a process that no longer runs (killed, crashed, a container restarted) is taken over,
 * so a `kill -9` never locks anyone out. Returns the release function.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCK_FILE);
  const mine: LockContent = { pid: process.pid, host: hostname() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // `wx`: created only if absent, atomically, so two processes starting together cannot both win.
      await writeFile(file, JSON.stringify(mine), { flag: "wx" });
      return async () => {
        const current = await readLock(file);
        if (current?.pid === mine.pid && current.host === mine.host) await unlink(file).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = await readLock(file);
    if (holder && holder.host === mine.host && holder.pid !== process.pid && isRunning(holder.pid)) {
      throw new DataDirInUseError(dataDir, holder.pid);
    }
    // Stale: its process is gone (or it is unreadable, or from another machine's mount of a folder
    // that machine no longer uses — PGlite folders are not meant to be shared between machines).
    await unlink(file).catch(() => undefined);
  }
  throw new Error(`could not lock ${dataDir}: another process keeps taking it`);
}

async function readLock(file: string): Promise<LockContent | null> {
  try {
    const content = JSON.parse(await readFile(file, "utf8")) as Partial<LockContent>;
    return typeof content.pid === "number" && typeof content.host === "string" ? { pid: content.pid, host: content.host } : null;
  } catch {
    return null;
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A killed process whose parent has not reaped it yet still answers, as a zombie (Linux).
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}
