// Memory and CPU of the dashboard's server process, and the bench's own child processes, read
// from /proc (Linux).
import { readdirSync, readFileSync } from "node:fs";

// USER_HZ: the unit of /proc/<pid>/stat's CPU times; 100 on every Linux the bench runs on.
const CLOCK_TICKS_PER_SECOND = 100;

/** The fields of /proc/<pid>/stat after the command: state(0) ppid(1) pgrp(2) … utime(11) stime(12). */
function statFields(pid: number | string): string[] {
  // The command name may hold spaces and parentheses: the fields after the last ")" are fixed.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (Number(statFields(entry)[1]) === pid) children.push(Number(entry));
    } catch {
      // the process ended while being looked at
    }
  }
  return children;
}

/**
 * Ends what this process started and still runs — after an interruption that came before the
 * stack could be handed back (the dashboard runs in its own process group: a terminal's Ctrl-C
 * does not reach it).
 */
export function stopChildProcesses(): void {
  for (const pid of childrenOf(process.pid)) {
    try {
      const leadsItsGroup = Number(statFields(pid)[2]) === pid;
      process.kill(leadsItsGroup ? -pid : pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

/**
 * The `next-server` process under `next start`'s launcher (npx → sh → next-server): it, not the
 * launcher, holds the app, its heap and its caches.
 */
export function findNextServerPid(rootPid: number): number {
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    const command = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (command.startsWith("next-server")) return pid;
    queue.push(...childrenOf(pid));
  }
  throw new Error(`no next-server process under pid ${rootPid}`);
}

export function readRssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
  if (kib === undefined) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kib) * 1024;
}

/** User + system CPU time the process has used so far, in ms. */
export function readCpuMs(pid: number): number {
  const fields = statFields(pid);
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}
