import { ApiError } from "@/lib/contract/api-error";

/**
 * A request's body as text, read at most `maxBytes` of it: a declared Content-Length over the cap
 * is refused before reading, and a body sent without one (chunked) is counted while it streams
 * and dropped as soon as it passes the cap — never buffered whole first. Either way the answer is
 * 413 `payload_too_large`.
 */
export async function readCappedBody(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) return "";
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
  // A body that is not UTF-8 is read with replacement characters, then refused as JSON or text by its reader.
  return Buffer.concat(chunks).toString("utf8");
}

function tooLarge(maxBytes: number) {
  return new ApiError("payload_too_large", `The body is larger than ${maxBytes / 1024} KiB.`);
}
