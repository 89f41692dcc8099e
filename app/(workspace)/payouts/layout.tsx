import { requireUser } from "@/lib/auth/session";

/** The role check sits here, outside this segment's loading boundary, so a wrong role gets HTTP 403 before the response streams. */
export default async function PayoutsLayout({ children }: { children: React.ReactNode }) {
  await requireUser(["vp", "finance"]);
  return children;
}
