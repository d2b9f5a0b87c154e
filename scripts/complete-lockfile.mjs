// Adds package-lock.json entries for the other platforms' optional binaries (next's swc,
// tailwind's oxide, …) when the lock lacks them. A registry mirror that serves only this
// platform's binaries makes `npm install` leave them out, and `npm ci` then refuses the lock
// as "out of sync" everywhere. Each added entry names only the version its parent asks for;
// npm ci skips it on other platforms and fetches it where it belongs. Idempotent.
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const packages = lock.packages;
const added = [];

for (const [path, entry] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = path ? `${path}/node_modules/${name}` : `node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (packages[nested] || packages[hoisted]) continue;
    packages[hoisted] = { version: spec.replace(/^[\^~=]/, ""), ...(entry.dev ? { dev: true } : {}), optional: true };
    added.push(name);
  }
}

if (added.length > 0) {
  const root = ([path]) => (path === "" ? "" : path);
  lock.packages = Object.fromEntries(Object.entries(packages).sort((a, b) => root(a).localeCompare(root(b))));
  writeFileSync(file, JSON.stringify(lock, null, 2) + "\n");
}
console.log(`complete-lockfile: ${added.length} optional platform package(s) added${added.length ? `: ${added.join(", ")}` : ""}`);
