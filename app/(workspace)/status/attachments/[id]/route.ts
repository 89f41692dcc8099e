// GET /status/attachments/:id — downloads a status attachment; RLS lets only its owner and the VP read it.
import { getCurrentUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { problem } from "@/lib/http/problem";
import { readAttachment } from "@/lib/status/attachments";
import { storage } from "@/lib/storage/storage";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.role === "partner")
    return problem(user ? 403 : 401, user ? "Forbidden" : "Sign in to download attachments");
  const { id } = await params;
  if (!UUID.test(id)) return problem(404, "Attachment not found");
  const file = await withSession({ claims: user.claims }, (tx) => readAttachment(tx, id, storage()));
  if (!file) return problem(404, "Attachment not found");
  const safeName = file.fileName.replace(/["\\\r\n]/g, "_");
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${safeName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
