import path from "node:path";
import { openConnection } from "../lib/db/connection";
import { migrate } from "../lib/db/migrate";

const conn = await openConnection(
  process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite") },
);
try {
  const applied = await migrate(conn);
  console.log(applied.length ? `Applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}` : `Database is up to date (${conn.engine}).`);
} finally {
  await conn.close();
}
