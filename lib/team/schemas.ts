import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { STAFF_ROLES } from "@/lib/auth/roles";

export const staffRoleSchema = z.enum(STAFF_ROLES, { error: "Choose a role" });

export const inviteUserSchema = z.strictObject({
  email: emailSchema,
  role: staffRoleSchema,
});

export const updateMemberSchema = z.strictObject({
  userId: z.uuid({ error: "Unknown person" }),
  role: staffRoleSchema.optional(),
  active: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
});

export const revokeInvitationSchema = z.strictObject({ invitationId: z.uuid({ error: "Unknown invitation" }) });
