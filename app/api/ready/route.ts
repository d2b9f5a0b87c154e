import { syncAppCredentials } from "@/lib/app-credentials/app-credentials";
import { checkReadiness } from "@/lib/lifecycle/readiness";

// GET /api/ready — readiness for orchestrators: 200 while the database and GitHub answer, 503
// otherwise and once the server is stopping (SIGTERM), so no new traffic is routed here. Public;
// each check says only "ok" or "failed".
// Answered at request time, never prerendered at build.
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  await syncAppCredentials();
  const readiness = await checkReadiness();
  const status = readiness.shuttingDown ? "shutting_down" : readiness.ready ? "ready" : "not_ready";
  return Response.json(
    { status, checks: { database: readiness.database, github: readiness.github } },
    { status: readiness.ready ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
}
