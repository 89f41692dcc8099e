import { z } from "zod";

const APP_PATH = /^\/[A-Za-z0-9/_-]*$/;

/** A landing page target: a path of this app ("/welcome") or an https URL. */
export const landingUrlSchema = z
  .string({ error: "Enter a path such as /welcome or an https:// address" })
  .trim()
  .min(1, { error: "Enter a path such as /welcome or an https:// address" })
  .max(500, { error: "Use at most 500 characters" })
  .refine(
    (v) => {
      if (v.startsWith("/")) return APP_PATH.test(v) && !v.startsWith("//");
      try {
        const url = new URL(v);
        return (
          url.protocol === "https:" &&
          !url.username &&
          !url.password &&
          /^https:\/\/[A-Za-z0-9.-]+(:[0-9]+)?(\/\S*)?$/.test(v)
        );
      } catch {
        return false;
      }
    },
    { error: "Use a path of this app (letters, digits, / _ -) or an https:// address" },
  );

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
