// GET /api/health — liveness for orchestrators: the process is up and answering. Public; says nothing else.
// Answered at request time, never prerendered at build.
export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
