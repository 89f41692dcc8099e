import path from "node:path";
import { openConnection, type Connection } from "../lib/db/connection";
import { migrate } from "../lib/db/migrate";
import { DEMO_LOGINS, DEMO_PASSWORD, seedDemo } from "../lib/seed/demo";

export function connectFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<Connection> {
  return openConnection(
    env.DATABASE_URL
      ? { url: env.DATABASE_URL, maxConnections: 4 }
      : { dataDir: env.PGLITE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite") },
  );
}

/** Migrates, seeds the demo company when the database is empty, and closes (PGlite allows one process at a time). */
export async function prepareDatabase(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const conn = await connectFromEnv(env);
  try {
    const applied = await migrate(conn);
    if (applied.length) console.log(`[db] applied ${applied.length} migration(s) on ${conn.engine}`);
    const result = await seedDemo(conn);
    if (!("skipped" in result && result.skipped)) console.log("[db] seeded the demo company");
  } finally {
    await conn.close();
  }
}

export function printDemoLogins(appUrl: string): void {
  const width = Math.max(...DEMO_LOGINS.map((l) => l.email.length));
  console.log(`\n  PartnerOS is starting at ${appUrl}\n\n  Demo logins (password for all: ${DEMO_PASSWORD})`);
  for (const login of DEMO_LOGINS) console.log(`    ${login.email.padEnd(width)}  ${login.role}`);
  console.log("");
}
