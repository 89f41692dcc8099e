import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address, like name@company.com" }).max(254));

export const passwordSchema = z
  .string({ error: "Enter a password" })
  .min(10, { error: "Use at least 10 characters" })
  .max(200, { error: "Use at most 200 characters" });

const nameSchema = (label: string) =>
  z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(1, { error: `Enter ${label}` })
    .max(120, { error: `Keep ${label} under 120 characters` });

export const signUpSchema = z.strictObject({
  displayName: nameSchema("your name"),
  companyName: nameSchema("your company name"),
  email: emailSchema,
  password: passwordSchema,
});

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: z.string({ error: "Enter your password" }).min(1, { error: "Enter your password" }).max(200),
});

export const requestResetSchema = z.strictObject({ email: emailSchema });

export const resetPasswordSchema = z.strictObject({
  /** Absent with Supabase Auth, where the reset link's session carries the proof instead. */
  token: z.string().min(20, { error: "This reset link is incomplete" }).max(200).optional(),
  password: passwordSchema,
});

export const changePasswordSchema = z
  .strictObject({
    currentPassword: z.string().min(1, { error: "Enter your current password" }).max(200),
    newPassword: passwordSchema,
  })
  .refine((v) => v.currentPassword !== v.newPassword, {
    error: "Choose a password different from the current one",
    path: ["newPassword"],
  });

export const acceptInviteSchema = z.strictObject({
  token: z.string().min(20, { error: "This invitation link is incomplete" }).max(200),
  displayName: nameSchema("your name"),
  password: passwordSchema,
});

export const resendVerificationSchema = z.strictObject({ email: emailSchema });

export type SignUpInput = z.infer<typeof signUpSchema>;
export type LoginInput = z.infer<typeof loginSchema>;
