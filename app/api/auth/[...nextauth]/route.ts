// GET|POST /api/auth/* — next-auth's sign-in, callback, session and sign-out endpoints, behind a check of their input.
import { nextAuthRoute } from "@/lib/auth/next-auth-route";

export { nextAuthRoute as GET, nextAuthRoute as POST };
