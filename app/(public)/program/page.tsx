import type { Metadata } from "next";
import Link from "next/link";
import { ApplicationForm } from "@/components/program/application-form";
import { ProgramTiers } from "@/components/program/program-tiers";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { withAnon } from "@/lib/db/session";
import { getProgramOverview } from "@/lib/program/queries";

export const metadata: Metadata = { title: "Partner program" };
export const dynamic = "force-dynamic";

/** The public partner program page: the offer read from the tiers and settings, and the application form. No sign-in. */
export default async function ProgramPage() {
  const program = await withAnon((tx) => getProgramOverview(tx));
  const company = program?.companyName ?? "PartnerOS";
  return (
    <div className="flex min-h-dvh flex-col bg-muted/40">
      <header className="flex items-center justify-between gap-4 px-4 py-4 sm:px-6">
        <span className="flex items-center gap-2 font-semibold tracking-tight">
          <span
            aria-hidden
            className="grid size-8 place-items-center rounded-lg bg-primary text-primary-foreground"
          >
            {company.slice(0, 1).toUpperCase()}
          </span>
          {company} partner program
        </span>
        <Link
          href="/login"
          className="rounded-md text-sm text-muted-foreground underline-offset-4 hover:underline focus-visible:outline-2"
        >
          Partner sign-in
        </Link>
      </header>
      <main className="mx-auto grid w-full max-w-6xl gap-10 px-4 pt-6 pb-16 sm:px-6 md:pt-12">
        <section aria-labelledby="program-title" className="grid max-w-3xl gap-3">
          <h1 id="program-title" className="text-3xl font-semibold tracking-tight text-balance sm:text-4xl">
            {program?.headline ?? `Grow with ${company}: refer customers, earn recurring commission`}
          </h1>
          <p className="whitespace-pre-line text-muted-foreground text-pretty">
            {program?.description ??
              "Recommend the tools your clients need, register the deals you bring, and earn commission on every customer that signs. Track clicks, referrals and payouts in your own partner portal."}
          </p>
          {program ? (
            <p className="text-sm text-muted-foreground">
              Referrals are attributed to you for {program.attributionWindowDays} days after a prospect first
              follows your link. You move up a tier automatically as your referred revenue grows.
            </p>
          ) : null}
        </section>
        <section aria-labelledby="tiers-title" className="grid gap-4">
          <h2 id="tiers-title" className="text-xl font-semibold">
            Tiers, rates and payouts
          </h2>
          <ProgramTiers tiers={program?.tiers ?? []} currency={program?.currency ?? "USD"} />
        </section>
        <section aria-labelledby="apply-title" id="apply">
          <Card className="mx-auto max-w-3xl">
            <CardHeader>
              <CardTitle>
                <h2 id="apply-title">Apply to become a partner</h2>
              </CardTitle>
              <CardDescription>It takes three minutes. We reply by email.</CardDescription>
            </CardHeader>
            <CardContent>
              <ApplicationForm />
            </CardContent>
          </Card>
        </section>
      </main>
    </div>
  );
}
