import { createHash, randomBytes } from "node:crypto";

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Only the hash of a one-time token is stored, so a database leak yields no usable links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
