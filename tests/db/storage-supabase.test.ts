import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSupabaseStorage } from "@/lib/storage/supabase";
import { startStorageServer } from "../support/storage-server";

// The Supabase Storage adapter through the real storage-js client, against the local Storage contract server.

const SERVICE_KEY = "sb_secret_storage_contract_0123456789";
let server: Awaited<ReturnType<typeof startStorageServer>>;

beforeAll(async () => {
  server = await startStorageServer({ serviceRoleKey: SERVICE_KEY });
});
afterAll(async () => {
  await server?.close();
});

const port = (overrides: Partial<Parameters<typeof createSupabaseStorage>[0]> = {}) =>
  createSupabaseStorage({ url: server.url, serviceRoleKey: SERVICE_KEY, bucket: "status-attachments", ...overrides });
const PDF = new TextEncoder().encode("%PDF-1.7\nstatus report\n");

describe("Supabase Storage adapter against a local Storage server", () => {
  test("put stores the bytes with their content type, never overwriting; get reads them back; delete removes them", async () => {
    const storage = port();
    expect(storage.name).toBe("supabase");
    await storage.put("status/2026-w49/report.pdf", PDF, "application/pdf");
    const upload = server.requests.at(-1)!;
    expect(upload).toMatchObject({ method: "POST", path: "/storage/v1/object/status-attachments/status/2026-w49/report.pdf", contentType: "application/pdf", upsert: "false" });
    expect(server.objects("status-attachments").get("status/2026-w49/report.pdf")?.bytes.toString()).toBe("%PDF-1.7\nstatus report\n");
    expect(await storage.get("status/2026-w49/report.pdf")).toEqual(PDF);

    await expect(storage.put("status/2026-w49/report.pdf", PDF, "application/pdf")).rejects.toThrow(/Storage upload failed: .*already exists/);

    await storage.delete("status/2026-w49/report.pdf");
    expect(server.requests.at(-1)).toMatchObject({ method: "DELETE", path: "/storage/v1/object/status-attachments" });
    expect(await storage.get("status/2026-w49/report.pdf")).toBeNull();
  });

  test("a missing object reads as null; unsafe keys are refused before any request", async () => {
    const storage = port();
    expect(await storage.get("status/none.pdf")).toBeNull();
    const before = server.requests.length;
    await expect(storage.put("../outside.pdf", PDF, "application/pdf")).rejects.toThrow(/Unsafe storage key/);
    await expect(storage.get("a/../../b")).rejects.toThrow(/Unsafe storage key/);
    await expect(storage.delete("/etc/passwd")).rejects.toThrow(/Unsafe storage key/);
    expect(server.requests.length).toBe(before);
  });

  test("a wrong key, a missing bucket and an outage are errors, not silent successes", async () => {
    await expect(port({ serviceRoleKey: "sb_secret_wrong" }).put("status/a.pdf", PDF, "application/pdf")).rejects.toThrow(/Storage upload failed/);
    await expect(port({ bucket: "no-such-bucket" }).put("status/a.pdf", PDF, "application/pdf")).rejects.toThrow(/Storage upload failed: Bucket not found/);
    server.failNextWith(503);
    await expect(port().delete("status/a.pdf")).rejects.toThrow(/Storage delete failed/);
    expect(server.objects("status-attachments").has("status/a.pdf")).toBe(false);
  });
});
