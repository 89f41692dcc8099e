/** Column helpers every domain's tables share: timestamps with time zone and money in minor units. */
import { bigint, timestamp } from "drizzle-orm/pg-core";

export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
export const money = (name: string) => bigint(name, { mode: "number" });
