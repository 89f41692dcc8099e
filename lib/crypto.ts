import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { serverEnv } from "./env";

/**
 * Field encryption for data people must never see back in full (bank account numbers, tax ids):
 * AES-256-GCM with a random 96-bit IV, stored as `v1.<iv>.<tag>.<ciphertext>` (base64url). The key is
 * DATA_ENCRYPTION_KEY (32 bytes, base64/base64url) or, when unset, derived from SESSION_SECRET with HKDF.
 * Keyed hashes (HMAC-SHA256) pseudonymise values that are only compared, never read (IP addresses).
 */
function keyFor(label: string): Buffer {
  const configured = process.env.DATA_ENCRYPTION_KEY;
  if (configured) {
    const raw = Buffer.from(configured, "base64url");
    if (raw.length !== 32) throw new Error("DATA_ENCRYPTION_KEY must be 32 bytes, base64url-encoded");
    return Buffer.from(hkdfSync("sha256", raw, Buffer.alloc(0), label, 32));
  }
  return Buffer.from(hkdfSync("sha256", serverEnv().SESSION_SECRET, Buffer.alloc(0), label, 32));
}

export function encryptField(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor("partneros/fields/v1"), iv);
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export function decryptField(stored: string): string {
  const [version, iv, tag, body] = stored.split(".");
  if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Unrecognised encrypted field");
  const decipher = createDecipheriv("aes-256-gcm", keyFor("partneros/fields/v1"), Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** A stable pseudonym of a value (an IP address, a visitor): equal inputs give equal hashes, nothing gives the input back. */
export function keyedHash(value: string, purpose: string): string {
  return createHmac("sha256", keyFor(`partneros/hash/${purpose}`)).update(value).digest("base64url").slice(0, 32);
}

/** The last `n` letters or digits of a value, for display ("•••• 1234"). */
export function lastDigits(value: string, n = 4): string {
  return value.replace(/[^0-9A-Za-z]/g, "").toUpperCase().slice(-n);
}
