// GET|POST /api/auth/* — next-auth's sign-in, callback, session and sign-out endpoints.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

async function handler(req: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  // Options are built per call (memoised) so `next build` never needs the secrets.
  return NextAuth(req as never, context as never, authOptions());
}

export { handler as GET, handler as POST };
