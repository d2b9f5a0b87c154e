import { z } from "zod";
import { apiRoute } from "@/lib/api/api-route";
import { orgChannelParams } from "@/lib/api/input-schemas";
import { changeChannel, removeChannel } from "@/lib/notifications/notifications-service";
import { channelUpdateSchema } from "@/lib/notifications/settings-input";

// PATCH /api/orgs/{org}/notifications/channels/{id} — rename, switch on or off, or change where it sends (a secret left out is kept)
export const PATCH = apiRoute({ params: orgChannelParams, body: channelUpdateSchema }, ({ params, body, user }) => changeChannel(params.org, params.id, body, user));

// DELETE /api/orgs/{org}/notifications/channels/{id} — remove the channel (its records stay)
export const DELETE = apiRoute({ params: orgChannelParams, body: z.strictObject({}) }, ({ params }) => removeChannel(params.org, params.id));
