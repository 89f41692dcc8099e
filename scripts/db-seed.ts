import { seedDemo } from "../lib/seed/demo";
import { seedScale } from "../lib/seed/scale";
import { migrate } from "../lib/db/migrate";
import { connectFromEnv } from "./prepare-db";

if (process.argv.includes("--sql")) {
  await import("./export-seed-sql");
  process.exit(0);
}
const scale = process.argv.includes("--scale");
const conn = await connectFromEnv();
try {
  await migrate(conn);
  const started = Date.now();
  const summary = scale ? await seedScale(conn) : await seedDemo(conn);
  console.log(JSON.stringify(summary, (k, v) => (k === "logins" ? undefined : v), 2));
  console.log(`[db] ${scale ? "scale" : "demo"} seed finished on ${conn.engine} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await conn.close();
}
