import { prepareDatabase } from "./prepare-db";

/** Migrates and seeds the database of `DATABASE_URL` (or the embedded one) when needed: the first step of `npm run dev`. */
await prepareDatabase(process.env);
