import type { sql } from "drizzle-orm";
import type { Tx } from "./connection";

/** Rows of a raw query, whichever driver ran it. */
export async function rows<T>(tx: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
