/** Enablement: the features each tier unlocks, and the training hub. */
import { integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";
import { profiles, tiers } from "./organisation";

export const tierFeatures = pgTable("tier_features", {
  id: uuid("id").primaryKey().defaultRandom(),
  featureKey: text("feature_key").notNull().unique(),
  category: text("category").notNull(),
  label: text("label").notNull(),
  unlockTierId: uuid("unlock_tier_id")
    .notNull()
    .references(() => tiers.id),
  position: integer("position").notNull().default(0),
  updatedBy: uuid("updated_by").references(() => profiles.id),
  createdAt: ts("created_at").notNull().defaultNow(),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

