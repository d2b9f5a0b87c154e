import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Secrets Grantdesk keeps at rest — the GitHub App's credentials from /setup, owners' user access
// and refresh tokens, and (issue 15) Slack URLs and SMTP passwords — are sealed with AES-256-GCM
// under a key derived from AUTH_SECRET (HKDF-SHA256), so a copy of the database alone reveals none
// of them. Each sealed value is bound to what it is (its `context`, e.g. "owner-token:1001"):
// GCM authenticates the context too, so a value copied into another row or column does not open.

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
// HKDF's salt and info: fixed, so every instance with the same AUTH_SECRET derives the same key;
// the info names this use, so the session cookies (next-auth derives its own key) never share it.
const SALT = Buffer.from("grantdesk");
const INFO = Buffer.from("grantdesk secret-box v1 (AES-256-GCM)");

export interface SecretBox {
  /** `v1.<iv>.<ciphertext+tag>` (base64url): safe to store as text. */
  seal(plaintext: string, context: string): string;
  /** The plaintext; throws SecretBoxError when the value was altered, sealed for another context or under another secret. */
  open(sealed: string, context: string): string;
}

export class SecretBoxError extends Error {
  override name = "SecretBoxError";
}

export function createSecretBox(secret: string): SecretBox {
  if (secret.length < 32) throw new SecretBoxError("the secret must be at least 32 characters");
  const key = Buffer.from(hkdfSync("sha256", secret, SALT, INFO, 32));

  return {
    seal(plaintext, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${iv.toString("base64url")}.${body.toString("base64url")}`;
    },
    open(sealed, context) {
      const [version, ivText, bodyText, ...rest] = sealed.split(".");
      if (version !== VERSION || !ivText || !bodyText || rest.length > 0) throw new SecretBoxError("not a sealed value");
      const iv = Buffer.from(ivText, "base64url");
      const body = Buffer.from(bodyText, "base64url");
      if (iv.length !== IV_BYTES || body.length < TAG_BYTES) throw new SecretBoxError("not a sealed value");
      try {
        const decipher = createDecipheriv("aes-256-gcm", key, iv);
        decipher.setAAD(Buffer.from(context));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        return Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]).toString("utf8");
      } catch {
        // One message for every cause: which check failed is of no use to anyone but an attacker.
        throw new SecretBoxError("the value does not open with this AUTH_SECRET and context");
      }
    },
  };
}

const boxes = new Map<string, SecretBox>();

/** The box for this secret (in the app: `secretBox(env().authSecret)`), its key derived once. */
export function secretBox(secret: string): SecretBox {
  let box = boxes.get(secret);
  if (!box) {
    box = createSecretBox(secret);
    boxes.set(secret, box);
  }
  return box;
}
