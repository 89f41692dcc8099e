import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Whether `.next` holds a production build of the sources as they are now. The build is stamped with a hash
 * of everything it is made from (the app's folders, the root configuration, the lockfile and the public
 * environment variables Next inlines), so a start after a pull or an edit builds again and any other start
 * reuses the build.
 */
const SOURCE_DIRS = ["app", "components", "lib", "content", "public", "supabase/migrations"];
const SOURCE_FILES = ["next.config.ts", "proxy.ts", "instrumentation.ts", "tsconfig.json", "postcss.config.mjs", "package-lock.json"];
const STAMP = path.join(".next", "partneros-build.json");

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

export function sourceHash(env: NodeJS.ProcessEnv = process.env): string {
  const hash = createHash("sha256");
  const files = [...SOURCE_DIRS.flatMap(filesUnder), ...SOURCE_FILES.filter((f) => fs.existsSync(f))].sort();
  for (const file of files) {
    hash.update(file).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  for (const key of Object.keys(env).filter((k) => k.startsWith("NEXT_PUBLIC_")).sort()) {
    hash.update(`${key}=${env[key]}\0`);
  }
  return hash.digest("hex");
}

export function buildIsCurrent(env: NodeJS.ProcessEnv = process.env): boolean {
  if (!fs.existsSync(path.join(".next", "BUILD_ID")) || !fs.existsSync(STAMP)) return false;
  try {
    const stamp = JSON.parse(fs.readFileSync(STAMP, "utf8")) as { hash?: string };
    return stamp.hash === sourceHash(env);
  } catch {
    return false;
  }
}

/**
 * Builds when the build is missing or older than the sources; answers whether a build is there now.
 * `typecheck: false` leaves the type check to `npm run typecheck` (the start and test paths, which either do
 * not need it or ran it already); `npm run build` keeps it.
 */
export function ensureCurrentBuild(env: NodeJS.ProcessEnv = process.env, { typecheck = false } = {}): boolean {
  if (buildIsCurrent(env)) return true;
  const hash = sourceHash(env);
  console.log("[build] building the app (once per change of its sources)…");
  const started = Date.now();
  const build = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...env, NODE_ENV: "production", ...(typecheck ? {} : { PARTNEROS_BUILD_SKIP_TYPECHECK: "1" }) },
  });
  if (build.status !== 0) return false;
  fs.writeFileSync(STAMP, JSON.stringify({ hash, builtAt: new Date().toISOString() }));
  console.log(`[build] ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return true;
}
