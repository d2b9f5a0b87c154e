// App private keys in the format GitHub hands out: RSA 2048, PKCS#1 PEM.

import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";

/** A new RSA key as PKCS#1 PEM: the format of the .pem file GitHub hands out for an app. */
export async function generateAppPrivateKey(): Promise<string> {
  const { privateKey } = await promisify(generateKeyPair)("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
  return privateKey;
}
