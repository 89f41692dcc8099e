import { ensureCurrentBuild } from "./build-state";
import { ensureLocalEnv } from "./local-env";

/**
 * After `npm install`, the production build README command 1 serves, so the first `npm run dev` starts in
 * seconds. Skipped with PARTNEROS_SKIP_BUILD=1; a failed build does not fail the install (`npm run dev`
 * tries again and shows the error).
 */
if (process.env.PARTNEROS_SKIP_BUILD === "1") process.exit(0);
if (!ensureCurrentBuild(ensureLocalEnv())) console.warn("[build] the build failed; `npm run dev` will try again.");
