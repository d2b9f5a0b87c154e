import "server-only";
import { env } from "@/lib/env";

/**
 * An absolute URL on Grantdesk, always from APP_URL: never from the request's Host or
 * X-Forwarded-* headers, which a client or a proxy chain may set to anything.
 */
export function appUrl(pathAndQuery: string): string {
  return `${env().appUrl}${pathAndQuery.startsWith("/") ? "" : "/"}${pathAndQuery}`;
}
