import { ClipboardList } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import type { CurrentUser } from "@/lib/auth/session";
import { getOnboardingStateForUser } from "@/lib/onboarding/queries";

/** Points partner users whose organisation has not finished onboarding to the wizard; renders nothing otherwise. */
export async function OnboardingBanner({ user }: { user: CurrentUser }) {
  if (!user.partnerId) return null;
  const state = await getOnboardingStateForUser({ ...user, partnerId: user.partnerId });
  const pendingDocs = state.documents.filter((d) => !d.acceptedAt).length;
  if (state.partner.onboardedAt && pendingDocs === 0) return null;
  const left = Object.values(state.steps).filter((done) => !done).length;
  const text = state.partner.onboardedAt
    ? `A new version of ${pendingDocs === 1 ? "a program document was" : "program documents were"} published. Review and accept to stay in good standing.`
    : `Finish setting up ${state.partner.name}: ${left} of 4 steps left before you can earn commissions.`;
  return (
    <section
      aria-label="Onboarding"
      data-testid="onboarding-banner"
      className="flex flex-col gap-3 rounded-lg border border-primary/30 bg-primary/5 p-4 sm:flex-row sm:items-center sm:justify-between"
    >
      <p className="flex items-start gap-2 text-sm">
        <ClipboardList aria-hidden className="mt-0.5 size-4 shrink-0 text-primary" />
        {text}
      </p>
      <Button asChild size="sm">
        <Link href={state.partner.onboardedAt ? "/portal/onboarding?step=documents" : "/portal/onboarding"}>
          {state.partner.onboardedAt ? "Review documents" : "Continue onboarding"}
        </Link>
      </Button>
    </section>
  );
}
