import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CompanyPitch } from "@/lib/referrals/pitch";
import { TalkToUsForm } from "./talk-to-us-form";

/** The company's initial in its brand colour beside its name: the header of the public landing pages. */
export function BrandMark({ pitch }: { pitch: CompanyPitch }) {
  return (
    <span className="flex items-center gap-2 font-semibold tracking-tight">
      <span
        aria-hidden
        className="grid size-8 place-items-center rounded-lg text-white"
        style={{ backgroundColor: pitch.brandColor }}
      >
        {pitch.companyName.slice(0, 1).toUpperCase()}
      </span>
      {pitch.companyName}
    </span>
  );
}

/** A built-in landing page: the company's pitch beside the "talk to us" form. */
export function LandingView({
  pitch,
  headline,
  description,
}: {
  pitch: CompanyPitch;
  headline?: string;
  description?: string;
}) {
  return (
    <div className="flex min-h-dvh flex-col bg-muted/40">
      <header className="flex items-center justify-between px-6 py-4">
        <BrandMark pitch={pitch} />
        <Link href="/login" className="text-sm text-muted-foreground underline-offset-4 hover:underline">
          Partner sign-in
        </Link>
      </header>
      <main className="mx-auto grid w-full max-w-5xl flex-1 items-start gap-8 px-4 pt-6 pb-16 md:grid-cols-[1fr_1.1fr] md:pt-16">
        <section aria-labelledby="pitch" className="grid gap-4">
          <h1 id="pitch" className="text-3xl font-semibold tracking-tight text-balance">
            {headline ?? pitch.headline}
          </h1>
          <p className="text-pretty text-muted-foreground">{description ?? pitch.description}</p>
        </section>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>Talk to us</h2>
            </CardTitle>
            <CardDescription>Tell us a little about your team and we will get back to you.</CardDescription>
          </CardHeader>
          <CardContent>
            <TalkToUsForm />
          </CardContent>
        </Card>
      </main>
    </div>
  );
}
