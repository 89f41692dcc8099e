import type { Metadata } from "next";
import { PartyPopper } from "lucide-react";
import Link from "next/link";
import { CopyLink } from "@/components/onboarding/copy-link";
import { DocumentsStep } from "@/components/onboarding/documents-step";
import { OnboardingChecklist, STEPS, type StepKey } from "@/components/onboarding/onboarding-checklist";
import { PayoutStep } from "@/components/onboarding/payout-step";
import { ProfileStep } from "@/components/onboarding/profile-step";
import { TaxStep } from "@/components/onboarding/tax-step";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { serverEnv } from "@/lib/env";
import {
  getOnboardingStateOrThrow,
  isOnboardingComplete,
  type OnboardingState,
} from "@/lib/onboarding/queries";
import { isStripeConfigured } from "@/lib/onboarding/stripe-connect";

export const metadata: Metadata = { title: "Onboarding" };

const ORG_STEPS: StepKey[] = ["profile", "payout", "tax"];

function nextAfter(step: StepKey, steps: OnboardingState["steps"]): string {
  const order = STEPS.map((s) => s.key);
  const later = order.slice(order.indexOf(step) + 1).find((k) => !steps[k]);
  const earlier = order.find((k) => k !== step && !steps[k]);
  return later ?? earlier ?? "done";
}

function Finished({ state }: { state: OnboardingState }) {
  const url = state.defaultLinkCode ? `${serverEnv().APP_URL}/r/${state.defaultLinkCode}` : null;
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <PartyPopper aria-hidden className="size-5 text-primary" />
          <h2>You are all set</h2>
        </CardTitle>
        <CardDescription>
          {state.partner.name} is an active partner. Share your link: every click and referral shows up in
          your portal.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {url ? (
          <CopyLink url={url} />
        ) : (
          <p className="text-sm text-muted-foreground">
            Your referral link is being prepared. It will appear under Links.
          </p>
        )}
        <div className="flex flex-wrap gap-2">
          <Button asChild>
            <Link href="/portal">Go to your portal</Link>
          </Button>
          <Button asChild variant="outline">
            <Link href="/portal/links">Manage links</Link>
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}

function StepBody({ step, state, stripe }: { step: StepKey; state: OnboardingState; stripe: boolean }) {
  const next = nextAfter(step, state.steps);
  if (ORG_STEPS.includes(step) && state.profile.memberRole !== "admin") {
    return (
      <p className="text-sm text-muted-foreground">
        An admin of {state.partner.name} completes this step.{" "}
        {state.steps[step] ? "It is done." : "It is not done yet."}
      </p>
    );
  }
  // Document bodies are only needed by their own step; keep them out of the other forms' props.
  const slim = { ...state, documents: [] };
  if (step === "profile") return <ProfileStep state={slim} next={next} />;
  if (step === "payout") return <PayoutStep state={slim} next={next} stripe={stripe} />;
  if (step === "tax") return <TaxStep state={slim} next={next} />;
  return <DocumentsStep documents={state.documents} next={next} />;
}

export default async function OnboardingPage({ searchParams }: { searchParams: Promise<{ step?: string }> }) {
  const user = await requireUser(["partner"]);
  const state = await withSession({ claims: user.claims }, (tx) =>
    getOnboardingStateOrThrow(tx, user.id, user.partnerId!),
  );
  const requested = (await searchParams).step;
  const complete = isOnboardingComplete(state.steps);
  const step: StepKey | "done" =
    requested && STEPS.some((s) => s.key === requested)
      ? (requested as StepKey)
      : complete
        ? "done"
        : (STEPS.find((s) => !state.steps[s.key])?.key ?? "done");
  const meta = STEPS.find((s) => s.key === step);
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Get set up"
        description={`Four short steps before ${state.partner.name} starts earning. Your progress is saved as you go.`}
      />
      <div className="grid items-start gap-6 lg:grid-cols-[16rem_1fr]">
        <OnboardingChecklist steps={state.steps} current={step} />
        {step === "done" || !meta ? (
          complete ? (
            <Finished state={state} />
          ) : (
            <Card>
              <CardContent className="text-sm text-muted-foreground">Choose a step to continue.</CardContent>
            </Card>
          )
        ) : (
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>{meta.label}</h2>
              </CardTitle>
              <CardDescription>{meta.description}</CardDescription>
            </CardHeader>
            <CardContent>
              <StepBody step={meta.key} state={state} stripe={isStripeConfigured()} />
            </CardContent>
          </Card>
        )}
      </div>
    </div>
  );
}
