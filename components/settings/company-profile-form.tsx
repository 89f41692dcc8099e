"use client";

import Image from "next/image";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { LOGO_MAX_BYTES, LOGO_TYPES, logoDataUrl, logoUploadSchema } from "@/lib/settings/company-schemas";
import type { CompanyProfile } from "@/lib/settings/company-queries";
import { updateCompanyProfileAction } from "@/lib/settings/update-company-profile";
import { useActionForm } from "./use-action-form";

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

export function CompanyProfileForm({ profile }: { profile: CompanyProfile }) {
  const form = useActionForm(updateCompanyProfileAction, "Company profile saved");
  const [readingLogo, setReadingLogo] = useState(false);
  const busy = form.pending || readingLogo;
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      aria-label="Company profile"
      aria-busy={busy}
      className="grid max-w-2xl gap-6"
    >
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 font-medium">Company</legend>
        <FormField id="company-name" label="Company name" error={form.errors.companyName}>
          <Input
            name="companyName"
            defaultValue={profile.companyName}
            required
            maxLength={200}
            autoComplete="organization"
          />
        </FormField>
        <FormField
          id="company-legal-name"
          label="Legal name"
          description="As it appears on contracts."
          error={form.errors.legalName}
        >
          <Input name="legalName" defaultValue={profile.legalName ?? ""} maxLength={200} />
        </FormField>
        <FormField id="company-address" label="Address" error={form.errors.address} className="sm:col-span-2">
          <Textarea name="address" rows={3} defaultValue={profile.address ?? ""} maxLength={1000} />
        </FormField>
        <FormField
          id="company-website"
          label="Website"
          description="Starts with https://"
          error={form.errors.website}
        >
          <Input
            name="website"
            type="url"
            inputMode="url"
            defaultValue={profile.website ?? ""}
            placeholder="https://example.com"
          />
        </FormField>
        <FormField id="company-contact-email" label="Contact email" error={form.errors.contactEmail}>
          <Input
            name="contactEmail"
            type="email"
            defaultValue={profile.contactEmail ?? ""}
            autoComplete="email"
          />
        </FormField>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 font-medium">Signatory</legend>
        <FormField id="company-signatory-name" label="Signatory name" error={form.errors.signatoryName}>
          <Input name="signatoryName" defaultValue={profile.signatoryName ?? ""} maxLength={200} />
        </FormField>
        <FormField id="company-signatory-title" label="Signatory title" error={form.errors.signatoryTitle}>
          <Input name="signatoryTitle" defaultValue={profile.signatoryTitle ?? ""} maxLength={200} />
        </FormField>
      </fieldset>
      <fieldset className="grid gap-4">
        <legend className="mb-1 font-medium">Branding</legend>
        <BrandColorField initial={profile.brandColor} error={form.errors.brandColor} />
        <LogoField
          initial={profile.logo ? logoDataUrl(profile.logo) : null}
          error={form.errors.logo}
          onReading={setReadingLogo}
        />
      </fieldset>
      <div>
        <Button type="submit" disabled={busy}>
          {form.pending ? <Spinner size="sm" label="Saving" /> : null}
          Save company profile
        </Button>
      </div>
    </form>
  );
}

function BrandColorField({ initial, error }: { initial: string; error?: string[] }) {
  const [color, setColor] = useState(initial);
  // The picker only takes #rrggbb, so it keeps the last valid colour while the text is being typed.
  const [picker, setPicker] = useState(initial);
  function update(next: string) {
    setColor(next);
    if (HEX_COLOR.test(next)) setPicker(next.toLowerCase());
  }
  return (
    <div className="flex items-end gap-2">
      <Input
        type="color"
        aria-label="Pick the brand colour"
        value={picker}
        onChange={(e) => update(e.target.value)}
        className="h-9 w-14 shrink-0 p-1"
      />
      <FormField
        id="company-brand-color"
        label="Brand colour"
        description="A hex code, like #4f46e5."
        error={error}
        className="w-full max-w-48"
      >
        <Input
          name="brandColor"
          value={color}
          onChange={(e) => update(e.target.value)}
          required
          maxLength={7}
          spellCheck={false}
          className="font-mono"
        />
      </FormField>
    </div>
  );
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read"));
    reader.readAsDataURL(file);
  });
}

/**
 * The file itself never goes to the server action (FormData files become their names there): the chosen
 * file travels as a data URL in a hidden field and the server checks its bytes again.
 */
function LogoField({
  initial,
  error,
  onReading,
}: {
  initial: string | null;
  error?: string[];
  onReading: (reading: boolean) => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<string | null>(null);
  const [removed, setRemoved] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const preview = upload ?? (removed ? null : initial);

  function reject(message: string) {
    setLocalError(message);
    setUpload(null);
    if (fileInput.current) fileInput.current.value = "";
  }

  async function choose(file: File | undefined) {
    if (!file) return;
    if (file.size > LOGO_MAX_BYTES) return reject("The logo must be 256 KB or smaller");
    onReading(true);
    try {
      const parsed = logoUploadSchema.safeParse(await readAsDataUrl(file));
      if (!parsed.success)
        return reject(parsed.error.issues[0]?.message ?? "Choose a PNG or JPEG image file");
      setLocalError(null);
      setRemoved(false);
      setUpload(logoDataUrl(parsed.data));
    } catch {
      reject("The file could not be read; choose it again");
    } finally {
      onReading(false);
    }
  }

  function remove() {
    setUpload(null);
    setRemoved(true);
    setLocalError(null);
    if (fileInput.current) {
      fileInput.current.value = "";
      fileInput.current.focus();
    }
  }

  return (
    <div className="grid gap-3">
      <input type="hidden" name="logo" value={upload ?? ""} />
      {removed && !upload ? <input type="hidden" name="removeLogo" value="on" /> : null}
      <FormField
        id="company-logo"
        label="Logo"
        description="PNG or JPEG, 256 KB at most. It appears on every exported page."
        error={localError ?? error}
      >
        <Input
          ref={fileInput}
          type="file"
          accept={LOGO_TYPES.join(",")}
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </FormField>
      <div className="flex flex-wrap items-center gap-3">
        {preview ? (
          <>
            <Image
              src={preview}
              alt={upload ? "New logo (saved when you save the profile)" : "Current logo"}
              width={160}
              height={64}
              unoptimized
              className="h-16 w-auto max-w-40 rounded-md border bg-white object-contain p-1"
            />
            <Button type="button" variant="outline" size="sm" onClick={remove}>
              Remove logo
            </Button>
          </>
        ) : (
          <p className="text-sm text-muted-foreground" aria-live="polite">
            {removed ? "The logo will be removed when you save." : "No logo yet."}
          </p>
        )}
      </div>
    </div>
  );
}

/** What the other staff roles see: the same profile, read-only. */
export function CompanyProfileView({ profile }: { profile: CompanyProfile }) {
  const rows: [string, React.ReactNode][] = [
    ["Company name", profile.companyName],
    ["Legal name", profile.legalName],
    ["Address", profile.address ? <span className="whitespace-pre-line">{profile.address}</span> : null],
    [
      "Website",
      profile.website ? (
        <a
          href={profile.website}
          target="_blank"
          rel="noopener noreferrer"
          className="break-all text-primary underline-offset-4 hover:underline"
        >
          {profile.website}
        </a>
      ) : null,
    ],
    ["Contact email", profile.contactEmail],
    ["Signatory", [profile.signatoryName, profile.signatoryTitle].filter(Boolean).join(", ") || null],
    [
      "Brand colour",
      <span key="color" className="inline-flex items-center gap-2 font-mono">
        <span
          aria-hidden="true"
          className="size-4 rounded-sm border"
          style={{ backgroundColor: profile.brandColor }}
        />
        {profile.brandColor}
      </span>,
    ],
    [
      "Logo",
      profile.logo ? (
        <Image
          src={logoDataUrl(profile.logo)}
          alt="Company logo"
          width={160}
          height={64}
          unoptimized
          className="h-16 w-auto max-w-40 rounded-md border bg-white object-contain p-1"
        />
      ) : null,
    ],
  ];
  return (
    <dl className="grid max-w-2xl gap-x-6 gap-y-3 text-sm sm:grid-cols-[12rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-medium text-muted-foreground">{label}</dt>
          <dd className="break-words">{value ?? <span className="text-muted-foreground">Not set</span>}</dd>
        </div>
      ))}
    </dl>
  );
}
