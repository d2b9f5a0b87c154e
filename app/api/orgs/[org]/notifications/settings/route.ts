import { apiRoute } from "@/lib/api/api-route";
import { orgParams } from "@/lib/api/input-schemas";
import { getNotificationSettings, putNotificationSettings } from "@/lib/notifications/notifications-service";
import { settingsBodySchema } from "@/lib/notifications/settings-input";

// GET /api/orgs/{org}/notifications/settings — the org's triggers, digest and channels (secrets as hints only)
export const GET = apiRoute({ params: orgParams }, ({ params }) => getNotificationSettings(params.org));

// PUT /api/orgs/{org}/notifications/settings — switch triggers on or off, set their thresholds and the digest's hour
export const PUT = apiRoute({ params: orgParams, body: settingsBodySchema }, ({ params, body, user }) => putNotificationSettings(params.org, body.triggers, user));
