import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { orgParams } from "@/lib/api/input-schemas";
import { sendDigestNow } from "@/lib/notifications/notifications-service";

// POST /api/orgs/{org}/notifications/digest — "Send digest now": the daily digest of this moment, to every channel switched on
export const POST = apiRoute({ params: orgParams, body: z.strictObject({}) }, ({ params }) => sendDigestNow(params.org));
