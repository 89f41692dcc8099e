import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CompanyPitch } from "@/lib/referrals/pitch";
import { BrandMark } from "./landing-view";

/** Says that a referral link is not active yet (its partner is still in review) and where to go instead. */
export function LinkNotActiveView({ pitch }: { pitch: CompanyPitch }) {
  return (
    <div className="flex min-h-dvh flex-col bg-muted/40">
      <header className="flex items-center px-6 py-4">
        <BrandMark pitch={pitch} />
      </header>
      <main className="mx-auto grid w-full max-w-xl flex-1 items-start px-4 pt-10 pb-16">
        <Card>
          <CardHeader>
            <CardTitle>
              <h1>This link is not active yet</h1>
            </CardTitle>
            <CardDescription>
              The partner who shared it has not been approved for the {pitch.companyName} partner program yet, so
              the link does not lead anywhere for now.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-3 text-sm">
            <p>You can still reach us directly: tell us a little about your team and we will get back to you.</p>
            <div className="flex flex-wrap gap-2">
              <Button asChild>
                <Link href="/welcome">Talk to us</Link>
              </Button>
              <Button asChild variant="outline">
                <Link href="/program">About the partner program</Link>
              </Button>
            </div>
          </CardContent>
        </Card>
      </main>
    </div>
  );
}
