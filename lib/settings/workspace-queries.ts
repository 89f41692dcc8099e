import "server-only";
import type { Tx } from "@/lib/db/connection";
import { workspaceSettings } from "@/lib/db/schema";

export type WorkspaceSettings = typeof workspaceSettings.$inferSelect;

/** The workspace's single settings row (undefined before the first seed), as the settings pages show it. */
export async function getWorkspaceSettings(tx: Tx): Promise<WorkspaceSettings | undefined> {
  const [settings] = await tx.select().from(workspaceSettings);
  return settings;
}

/** The workspace's reporting currency; USD until one is set. */
export async function getWorkspaceCurrency(tx: Tx): Promise<string> {
  const [settings] = await tx.select({ currency: workspaceSettings.currency }).from(workspaceSettings);
  return settings?.currency ?? "USD";
}
