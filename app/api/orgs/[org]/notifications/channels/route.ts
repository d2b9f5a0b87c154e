import { apiRoute } from "@/lib/api/api-route";
import { orgParams } from "@/lib/api/input-schemas";
import { addChannel } from "@/lib/notifications/notifications-service";
import { channelCreateSchema } from "@/lib/notifications/settings-input";

// POST /api/orgs/{org}/notifications/channels — add a Slack webhook or an email channel (its secret is sealed and never answered)
export const POST = apiRoute({ params: orgParams, body: channelCreateSchema }, ({ params, body, user }) => addChannel(params.org, body, user));
