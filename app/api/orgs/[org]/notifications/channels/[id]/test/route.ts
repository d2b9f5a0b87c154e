import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { orgChannelParams } from "@/lib/api/input-schemas";
import { sendTestMessage } from "@/lib/notifications/notifications-service";

// POST /api/orgs/{org}/notifications/channels/{id}/test — send a test message now and answer what happened
export const POST = apiRoute({ params: orgChannelParams, body: z.strictObject({}) }, ({ params }) => sendTestMessage(params.org, params.id));
