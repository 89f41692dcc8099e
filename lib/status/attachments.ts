import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { ActionError } from "@/lib/actions/safe-action";
import type { Tx } from "@/lib/db/connection";
import { statusAttachments } from "@/lib/db/schema";
import type { StoragePort } from "@/lib/storage/port";
import { checkUpload } from "@/lib/storage/validate";
import { ensureStatus } from "./save";

/**
 * Checks the file, records it and stores the bytes inside the caller's transaction: a failed upload rolls
 * the row back, so a row never points at a missing file.
 */
export async function uploadAttachment(
  tx: Tx,
  userId: string,
  input: { weekStart: string; fileName: string; bytes: Uint8Array },
  port: StoragePort,
): Promise<{ id: string; fileName: string; contentType: string; sizeBytes: number }> {
  const check = checkUpload(input.fileName, input.bytes);
  if (!check.ok) throw new ActionError(422, check.error, { file: [check.error] });
  const status = await ensureStatus(tx, userId, input.weekStart);
  const storageKey = `status/${userId}/${status.weekStart}/${randomUUID()}`;
  const [row] = await tx
    .insert(statusAttachments)
    .values({
      statusId: status.id,
      userId,
      fileName: check.fileName,
      contentType: check.contentType,
      sizeBytes: input.bytes.length,
      storageKey,
    })
    .returning({ id: statusAttachments.id });
  await port.put(storageKey, input.bytes, check.contentType);
  return {
    id: row!.id,
    fileName: check.fileName,
    contentType: check.contentType,
    sizeBytes: input.bytes.length,
  };
}

/** Removes the row (RLS: only the owner) and then the stored bytes. */
export async function deleteAttachment(tx: Tx, userId: string, id: string, port: StoragePort): Promise<void> {
  const [row] = await tx
    .delete(statusAttachments)
    .where(and(eq(statusAttachments.id, id), eq(statusAttachments.userId, userId)))
    .returning({ storageKey: statusAttachments.storageKey });
  if (!row) throw new ActionError(404, "That attachment was not found, or it is not yours");
  await port.delete(row.storageKey);
}

/** The file as the reader may see it (RLS: the owner or the VP), or null. */
export async function readAttachment(tx: Tx, id: string, port: StoragePort) {
  const [row] = await tx
    .select({
      fileName: statusAttachments.fileName,
      contentType: statusAttachments.contentType,
      storageKey: statusAttachments.storageKey,
    })
    .from(statusAttachments)
    .where(eq(statusAttachments.id, id));
  if (!row) return null;
  const bytes = await port.get(row.storageKey);
  return bytes ? { ...row, bytes } : null;
}
