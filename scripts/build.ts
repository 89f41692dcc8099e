import fs from "node:fs";
import path from "node:path";
import { ensureCurrentBuild } from "./build-state";

/** `npm run build`: a production build, stamped so `npm run dev`, `npm start` and the tests reuse it. `--if-stale` (the test
 * run, which type-checks first) skips a current one and the build's own type check. */
if (!process.argv.includes("--if-stale")) fs.rmSync(path.join(".next", "partneros-build.json"), { force: true });
process.exit(ensureCurrentBuild(process.env, { typecheck: !process.argv.includes("--if-stale") }) ? 0 : 1);
