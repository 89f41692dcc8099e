"use server";

import { z } from "zod";
import { actionInput, defineAction } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { storage } from "@/lib/storage/storage";
import { MAX_ATTACHMENT_BYTES } from "@/lib/storage/validate";
import { deleteAttachment, uploadAttachment } from "./attachments";
import { deleteAttachmentSchema } from "./schemas";
import { assertCurrentWeek } from "./guards";
import { isMonday } from "./week";

const uploadSchema = z.strictObject({
  weekStart: z.string().refine(isMonday, { error: "A week starts on a Monday" }),
  fileName: z.string().max(500),
  bytes: z.instanceof(Uint8Array),
});

const upload = defineAction({
  roles: STAFF_ROLES,
  schema: uploadSchema,
  handler: async (input, { tx, user }) => {
    assertCurrentWeek(input.weekStart, new Date());
    return uploadAttachment(tx, user.id, input, storage());
  },
});

/** Multipart upload: `weekStart` and `file`. Oversized files are refused before their bytes are read. */
export async function uploadAttachmentAction(form: FormData) {
  if (!(form instanceof FormData))
    return { ok: false as const, status: 400, error: "Send the file as a form upload", fieldErrors: { file: ["Choose a file"] } };
  const unsafe = actionInput(form);
  if (!unsafe.ok) return unsafe.failure;
  const file = form.get("file");
  if (!(file instanceof File))
    return {
      ok: false as const,
      status: 422,
      error: "Choose a file",
      fieldErrors: { file: ["Choose a file"] },
    };
  if (file.size > MAX_ATTACHMENT_BYTES) {
    const error = `The file is ${(file.size / 1048576).toFixed(1)} MB; attachments can be at most 10 MB`;
    return { ok: false as const, status: 422, error, fieldErrors: { file: [error] } };
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return upload({ weekStart: String(form.get("weekStart") ?? ""), fileName: file.name, bytes });
}

export const deleteAttachmentAction = defineAction({
  roles: STAFF_ROLES,
  schema: deleteAttachmentSchema,
  handler: async ({ id }, { tx, user }) => {
    await deleteAttachment(tx, user.id, id, storage());
    return { id };
  },
});
