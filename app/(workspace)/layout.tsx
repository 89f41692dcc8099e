import { AppShell } from "@/components/shell/app-shell";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

export default async function WorkspaceLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser(STAFF_ROLES);
  return <AppShell user={user}>{children}</AppShell>;
}
