"use client";

import { useRef } from "react";
import { useActionForm } from "@/components/settings/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { createCampaignLinkAction } from "@/lib/referrals/actions";

export function CampaignLinkForm({
  pages,
}: {
  pages: { id: string; name: string; url: string; isDefault: boolean }[];
}) {
  const ref = useRef<HTMLFormElement>(null);
  const form = useActionForm(createCampaignLinkAction, (d) => {
    ref.current?.reset();
    return `Link ${d.code} created`;
  });
  return (
    <form
      ref={ref}
      onSubmit={form.onSubmit}
      noValidate
      aria-label="New campaign link"
      className="grid items-start gap-3 sm:grid-cols-[1fr_1fr_auto]"
    >
      <FormField id="link-campaign" label="Campaign" error={form.errors.campaign}>
        <Input name="campaign" maxLength={120} placeholder="Spring webinar" />
      </FormField>
      <FormField id="link-landing" label="Landing page" error={form.errors.landingPageId}>
        <NativeSelect name="landingPageId" defaultValue={pages.find((p) => p.isDefault)?.id ?? pages[0]?.id}>
          {pages.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.url})
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <Button type="submit" disabled={form.pending || pages.length === 0} className="sm:mt-[1.375rem]">
        Create link
      </Button>
    </form>
  );
}
