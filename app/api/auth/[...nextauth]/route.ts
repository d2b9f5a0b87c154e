// GET|POST /api/auth/* — next-auth's sign-in, callback, session and sign-out endpoints.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { syncAppCredentials } from "@/lib/app-credentials/app-credentials";
import { authOptions } from "@/lib/auth/options";

async function handler(req: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  // Options are built per call (memoised) so `next build` never needs the secrets, and rebuilt
  // when the app's credentials change (an app set up at /setup while running).
  await syncAppCredentials();
  return NextAuth(req as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
