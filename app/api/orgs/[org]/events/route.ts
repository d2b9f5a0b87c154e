import { apiRoute } from "@/lib/api/api-route";
import { orgParams } from "@/lib/api/input-schemas";
import { orgEventStream } from "@/lib/events/org-event-stream";

// GET /api/orgs/{org}/events — live updates: a Server-Sent Events stream saying when the org's inventory, bulk jobs or webhook deliveries change
export const GET = apiRoute({ params: orgParams }, ({ params, req, user }) => orgEventStream({ org: params.org, userKey: String(user.id), signal: req.signal }));
