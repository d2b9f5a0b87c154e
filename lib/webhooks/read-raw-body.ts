import "server-only";
import { ApiError } from "@/lib/contract/api-error";

/**
 * The request's body exactly as it came (the signature covers these bytes), read up to `maxBytes`:
 * a declared length over it is refused before reading, and a body that grows past it (chunked,
 * or lying about its length) is cut off there — never held whole in memory.
 */
export async function readRawBody(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError("payload_too_large", `The delivery is larger than ${maxBytes / 1024 / 1024} MiB, Grantdesk's limit for a webhook; nothing was done.`);
}
