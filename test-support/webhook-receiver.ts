// Route tests: an HTTP server on a random loopback port standing in for Grantdesk's public URL, so
// fake-github delivers its signed webhooks for real (its own queue, headers, signatures,
// redeliveries). Each delivery is kept as it arrived, and — while `forward` is on — handed to the
// route handler the way Next would, its answer sent back to fake-github.

import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

export interface ArrivedDelivery {
  headers: Record<string, string>;
  body: Buffer;
  status: number;
  answer: unknown;
}

type Handler = (req: NextRequest) => Promise<Response>;

const APP_URL = "http://grantdesk.test";

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : [[name, Array.isArray(value) ? value.join(", ") : value]])));
}

export async function startWebhookReceiver(handler: Handler) {
  const arrived: ArrivedDelivery[] = [];
  const state = { forward: true };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const headers = flatHeaders(req.headers);
      void (async () => {
        let status = 204;
        let answer: unknown = null;
        if (state.forward) {
          const response = await handler(new NextRequest(`${APP_URL}${req.url}`, { method: req.method, headers, body }));
          status = response.status;
          answer = await response.json();
        }
        arrived.push({ headers, body, status, answer });
        res.writeHead(status, { "content-type": "application/json" }).end(answer === null ? undefined : JSON.stringify(answer));
      })().catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/github/webhooks`,
    arrived,
    /** Off: deliveries are only kept (answered 204), not handed to Grantdesk — to replay them altered. */
    setForward: (forward: boolean) => {
      state.forward = forward;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** A delivery sent to the handler directly (to replay one altered), as fake-github would send it. */
export function deliveryRequest(headers: Record<string, string>, body: string | Buffer): NextRequest {
  return new NextRequest(`${APP_URL}/api/github/webhooks`, { method: "POST", headers, body: typeof body === "string" ? body : new Uint8Array(body) });
}
