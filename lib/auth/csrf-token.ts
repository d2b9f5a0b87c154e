import "server-only";
import { cookies } from "next/headers";
import { env } from "@/lib/env";

/**
 * The CSRF token next-auth issued this browser (its cookie holds `token|hash`), for forms that
 * post to next-auth without JavaScript; null when the browser has none yet.
 */
export async function currentCsrfToken(): Promise<string | null> {
  const name = `${env().appUrl.startsWith("https://") ? "__Host-" : ""}next-auth.csrf-token`;
  const value = (await cookies()).get(name)?.value;
  const token = value?.split("|")[0];
  return token || null;
}
