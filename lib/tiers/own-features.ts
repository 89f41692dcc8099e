import "server-only";
import type { CurrentUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { getEntitlements } from "./features";
import { unlockedKeys } from "./unlocks";

/** The tier features the signed-in partner holds (for the navigation), read through its own session. */
export async function listOwnFeatureKeys(user: CurrentUser): Promise<string[]> {
  const { features, ladder, rank } = await withSession({ claims: user.claims }, (tx) => getEntitlements(tx));
  return unlockedKeys(features, ladder, rank);
}
