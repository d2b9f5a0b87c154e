import { apiRoute } from "@/lib/api/api-route";
import { listOwnedOrgs } from "@/lib/auth/org-access";

// GET /api/orgs — the organizations where the app is installed and the signed-in user is an owner
export const GET = apiRoute({}, ({ user }) => listOwnedOrgs(user));
