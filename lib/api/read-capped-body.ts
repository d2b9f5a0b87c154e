import { ApiError } from "@/lib/contract/api-error";

/**
 * A request's body exactly as it came, read at most `maxBytes` of it: a declared Content-Length
 * over the cap is refused before reading, and a body sent without one (chunked) or lying about
 * its length is counted while it streams and dropped as soon as it passes the cap — never
 * buffered whole first. Either way the answer is 413 `payload_too_large`, with `tooLargeMessage`.
 */
export async function readCappedBytes(req: Request, maxBytes: number, tooLargeMessage = `The body is larger than ${maxBytes / 1024} KiB.`): Promise<Buffer> {
  const tooLarge = () => new ApiError("payload_too_large", tooLargeMessage);
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge();
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The capped body as text. One that is not UTF-8 is read with replacement characters, then refused as JSON or text by its reader. */
export async function readCappedBody(req: Request, maxBytes: number): Promise<string> {
  return (await readCappedBytes(req, maxBytes)).toString("utf8");
}
