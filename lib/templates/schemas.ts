import { z } from "zod";

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Unknown template").max(80);
const values = z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), z.string().max(10_000));

export const createFillSchema = z.strictObject({
  slug,
  partnerId: z.uuid("Choose a partner from the list").nullable(),
  title: z.string().trim().min(1, "Give the document a title").max(200, "Keep the title under 200 characters"),
  values,
});

export const updateFillSchema = z.strictObject({
  fillId: z.uuid(),
  title: z.string().trim().min(1, "Give the document a title").max(200, "Keep the title under 200 characters"),
  values,
});

export const createShareLinkSchema = z.strictObject({
  fillId: z.uuid(),
  expiresInDays: z.union([z.literal(0), z.literal(1), z.literal(7), z.literal(30), z.literal(90)]),
});

export const shareLinkIdSchema = z.strictObject({ linkId: z.uuid() });
