import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActiveSession } from "@/lib/auth/sessions";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A short device label from the user agent; the full string stays in the title for the curious. */
function deviceOf(userAgent: string | null): string {
  if (!userAgent) return "Unknown device";
  const browser = /Edg\//.test(userAgent) ? "Edge" : /Firefox\//.test(userAgent) ? "Firefox" : /Chrome\//.test(userAgent) ? "Chrome" : /Safari\//.test(userAgent) ? "Safari" : "Browser";
  const os = /Windows/.test(userAgent) ? "Windows" : /Mac OS X/.test(userAgent) ? "macOS" : /Android/.test(userAgent) ? "Android" : /iPhone|iPad/.test(userAgent) ? "iOS" : /Linux/.test(userAgent) ? "Linux" : null;
  return os ? `${browser} on ${os}` : browser;
}

/** The account's live sessions and the "sign out everywhere" control, for the staff settings and the portal profile. */
export function SessionsList({ sessions, currentId }: { sessions: ActiveSession[]; currentId: string | undefined }) {
  return (
    <div className="grid gap-4">
      <ul className="grid gap-2" aria-label="Active sessions">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-2 rounded-md border px-3 py-2 text-sm">
            <span title={s.userAgent ?? undefined}>
              {deviceOf(s.userAgent)}
              {s.id === currentId ? <span className="ml-2 text-xs font-medium text-primary">This device</span> : null}
            </span>
            <span className="text-muted-foreground">
              {s.ip ? `${s.ip} · ` : ""}signed in {when.format(s.createdAt)} UTC · last active {when.format(s.lastSeenAt)} UTC
            </span>
          </li>
        ))}
      </ul>
      <div>
        <SignOutEverywhereButton count={Math.max(1, sessions.length)} />
      </div>
    </div>
  );
}

/** The "Sessions" card of the staff settings and the portal profile. */
export function SessionsCard({ sessions, currentId }: { sessions: ActiveSession[]; currentId: string | undefined }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>Sessions</h2>
        </CardTitle>
        <CardDescription>Where your account is signed in. Changing your password also signs out every other device.</CardDescription>
      </CardHeader>
      <CardContent>
        <SessionsList sessions={sessions} currentId={currentId} />
      </CardContent>
    </Card>
  );
}
