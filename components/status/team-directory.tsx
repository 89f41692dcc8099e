import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { AppRole } from "@/lib/domain/enums";

interface Member {
  id: string;
  displayName: string;
  email: string;
  role: AppRole;
  title: string | null;
}

/** The people in the team with how to reach them. */
export function TeamDirectory({ members }: { members: Member[] }) {
  return (
    <section aria-labelledby="team-members" className="grid gap-3">
      <h2 id="team-members" className="text-lg font-semibold">
        People
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" aria-label="Team members">
        {members.map((member) => (
          <li key={member.id}>
            <Card>
              <CardHeader>
                <CardTitle>{member.displayName}</CardTitle>
                <CardDescription>{member.title ?? ROLE_LABELS[member.role]}</CardDescription>
              </CardHeader>
              <CardContent className="text-sm text-muted-foreground">
                {ROLE_LABELS[member.role]} ·{" "}
                <a className="underline-offset-4 hover:underline" href={`mailto:${member.email}`}>
                  {member.email}
                </a>
              </CardContent>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
