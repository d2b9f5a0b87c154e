import type { NextRequest } from "next/server";
import { errorResponse } from "@/lib/api/error-response";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";

// POST /api/github/webhooks — the GitHub App's webhook deliveries. No session: the delivery's signature (GITHUB_WEBHOOK_SECRET) is its credential
export async function POST(req: NextRequest): Promise<Response> {
  try {
    return await receiveWebhook(req);
  } catch (error) {
    return errorResponse(error, "POST /api/github/webhooks");
  }
}
