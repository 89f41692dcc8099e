import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Training" };

export default async function Page() {
  await requireUser(["partner"]);
  return (
    <div className="grid gap-6">
      <PageHeader title="Training" description="Courses and certifications." />
      <ComingSoon
        feature="Training"
        bullets={[
          "Courses by tier, with progress",
          "Certifications that unlock program benefits",
        ]}
      />
    </div>
  );
}
