import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Secrets for a local installation: generated once into .data/local-secrets.json when the environment
 * does not provide them, so `npm run dev` works on a fresh clone and sessions survive restarts.
 */
export function ensureLocalEnv(): NodeJS.ProcessEnv {
  const dataDir = path.join(process.cwd(), ".data");
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "local-secrets.json");
  let stored: Record<string, string> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>;
  const wanted = { SESSION_SECRET: 48, CRON_SECRET: 32, DATA_ENCRYPTION_KEY: 32 };
  let changed = false;
  for (const [key, bytes] of Object.entries(wanted)) {
    if (!process.env[key] && !stored[key]) {
      stored[key] = randomBytes(bytes).toString("base64url");
      changed = true;
    }
  }
  if (changed) fs.writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(stored)) env[key] ??= value;
  return env;
}
