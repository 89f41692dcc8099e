import { z } from "zod";

// The same rule as the landing_pages_url_safe constraint: an app path made of segments (so never "//host",
// a protocol-relative off-host redirect), or an https URL on a named host: no userinfo, no backslash,
// no numeric host (the last label is letters), no fragment.
const APP_PATH = /^\/([A-Za-z0-9_-]+\/)*[A-Za-z0-9_-]*$/;
const HTTPS_URL =
  /^https:\/\/[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,63}(:[0-9]{1,5})?(\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*)?(\?[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*)?$/;

/** A landing page target: a path of this app ("/welcome") or an https URL. */
export const landingUrlSchema = z
  .string({ error: "Enter a path such as /welcome or an https:// address" })
  .trim()
  .min(1, { error: "Enter a path such as /welcome or an https:// address" })
  .max(500, { error: "Use at most 500 characters" })
  .refine((v) => APP_PATH.test(v) || HTTPS_URL.test(v), {
    error: "Use a path of this app (letters, digits, / _ -) or an https:// address on a named host",
  });

export const landingPageSchema = z.strictObject({
  name: z
    .string({ error: "Name the page" })
    .trim()
    .min(1, { error: "Name the page" })
    .max(120, { error: "Use at most 120 characters" }),
  url: landingUrlSchema,
});

export const landingPageIdSchema = z.strictObject({ id: z.uuid() });
export const landingPageActiveSchema = z.strictObject({ id: z.uuid(), active: z.boolean() });
