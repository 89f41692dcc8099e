import { requireUser } from "@/lib/auth/session";

// The VP's settings check the role here, above their loading state, so a wrong role gets HTTP 403
// before anything streams (each page checks again).
export default async function VpSettingsLayout({ children }: { children: React.ReactNode }) {
  await requireUser(["vp"]);
  return children;
}
