import { z } from "zod";

export const LOGO_TYPES = ["image/png", "image/jpeg"] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
export const LOGO_MAX_BYTES = 256 * 1024;

const LOGO_LABELS: Record<LogoType, string> = { "image/png": "PNG", "image/jpeg": "JPEG" };
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
// Base64 of LOGO_MAX_BYTES, so an oversized upload is refused before it is decoded.
const LOGO_MAX_BASE64 = Math.ceil(LOGO_MAX_BYTES / 3) * 4;
const DATA_URL = /^data:([a-z0-9.+/-]+);base64,(.*)$/i;

/** The image type the bytes really are (by their signature), whatever the file name or claimed type says. */
export function sniffLogoType(bytes: Uint8Array): LogoType | null {
  const startsWith = (signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (startsWith(PNG_SIGNATURE)) return "image/png";
  if (startsWith(JPEG_SIGNATURE)) return "image/jpeg";
  return null;
}

function decodeBase64(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

export function logoDataUrl(logo: { base64: string; type: LogoType }): string {
  return `data:${logo.type};base64,${logo.base64}`;
}

/**
 * A logo as the data URL FileReader produces. Checked on the decoded bytes: the claimed type must be PNG
 * or JPEG, the signature must match it, and the file must be 256 KB at most.
 */
export const logoUploadSchema = z.string().transform((value, ctx) => {
  const fail = (message: string) => {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  const match = DATA_URL.exec(value);
  if (!match) return fail("Choose a PNG or JPEG image file");
  const claimed = match[1]!.toLowerCase();
  const base64 = match[2]!;
  if (!LOGO_TYPES.includes(claimed as LogoType)) return fail("The logo must be a PNG or JPEG image");
  if (base64.length > LOGO_MAX_BASE64) return fail("The logo must be 256 KB or smaller");
  if (!z.base64().safeParse(base64).success) return fail("The logo file could not be read; choose it again");
  const bytes = decodeBase64(base64);
  if (bytes.length === 0) return fail("The logo file is empty");
  if (bytes.length > LOGO_MAX_BYTES) return fail("The logo must be 256 KB or smaller");
  const actual = sniffLogoType(bytes);
  if (actual !== claimed) {
    return fail(
      `The file is named as a ${LOGO_LABELS[claimed as LogoType]} image but its contents are not one`,
    );
  }
  return { base64, type: actual };
});

// Exports link to it, so only https with a real domain name (no javascript:, http: or bare hosts).
function isHttpsAddress(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === "https:" && z.regexes.domain.test(url.hostname);
}

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} is too long (${max} characters at most)` })
    .optional()
    .transform((v) => (v ? v : null));

// Empty means "not set"; anything else must pass the format check.
const optionalFormatted = <T extends z.ZodType<string, string>>(schema: T) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : null))
    .pipe(schema.nullable());

export const companyProfileSchema = z.strictObject({
  companyName: z
    .string({ error: "Enter the company name" })
    .trim()
    .min(1, { error: "Enter the company name" })
    .max(200, { error: "Company name is too long (200 characters at most)" }),
  legalName: optionalText(200, "Legal name"),
  address: optionalText(1000, "Address"),
  website: optionalFormatted(
    z
      .string()
      .max(2000, { error: "Website is too long (2,000 characters at most)" })
      .refine(isHttpsAddress, {
        error: "Enter a secure web address that starts with https://, like https://example.com",
      }),
  ),
  contactEmail: optionalFormatted(
    z.email({ error: "Enter a valid email address, like partners@example.com" }).max(254, {
      error: "Contact email is too long (254 characters at most)",
    }),
  ),
  signatoryName: optionalText(200, "Signatory name"),
  signatoryTitle: optionalText(200, "Signatory title"),
  brandColor: z
    .string({ error: "Enter the brand colour" })
    .trim()
    .regex(/^#[0-9a-f]{6}$/i, { error: "Enter the brand colour as a hex code, like #4f46e5" })
    .transform((v) => v.toLowerCase()),
  // A new logo as a data URL; leave empty to keep the current one.
  logo: z
    .string()
    .optional()
    .transform((v) => v || undefined)
    .pipe(logoUploadSchema.optional()),
  removeLogo: z
    .enum(["on", "true"])
    .optional()
    .transform((v) => v !== undefined),
});

export type CompanyProfileInput = z.input<typeof companyProfileSchema>;
