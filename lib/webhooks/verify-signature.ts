import "server-only";
import { Webhooks } from "@octokit/webhooks";

// `X-Hub-Signature-256` is `sha256=` and the HMAC-SHA256 of the raw body with the app's webhook
// secret; @octokit/webhooks checks it in constant time. One instance per secret (the process has one).

let verifier: { secret: string; webhooks: Webhooks } | undefined;

/** True only for a signature of exactly these bytes with `secret`. Bytes that are not UTF-8 cannot be GitHub's. */
export async function verifySignature(secret: string, body: Uint8Array, signature: string | null): Promise<boolean> {
  if (!signature || body.byteLength === 0) return false;
  let text: string;
  try {
    // fatal: bytes that do not decode would be re-encoded differently and could never match; ignoreBOM keeps them as sent.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return false;
  }
  if (verifier?.secret !== secret) verifier = { secret, webhooks: new Webhooks({ secret }) };
  try {
    return await verifier.webhooks.verify(text, signature);
  } catch {
    return false;
  }
}
