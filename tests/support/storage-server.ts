import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local Supabase Storage contract server for the calls `lib/storage/supabase.ts` makes through storage-js:
 * upload (POST /storage/v1/object/<bucket>/<key>, x-upsert), download (GET, the same path) and remove
 * (DELETE /storage/v1/object/<bucket> with {prefixes}). Only the service role key is accepted, buckets must
 * exist, and errors have Storage's shape ({ statusCode, error, message }).
 */
export async function startStorageServer(options: { serviceRoleKey: string; buckets?: string[]; port?: number }) {
  const buckets = new Map<string, Map<string, { bytes: Buffer; contentType: string; cacheControl: string | null }>>(
    (options.buckets ?? ["status-attachments"]).map((b) => [b, new Map()]),
  );
  const requests: { method: string; path: string; contentType: string | null; upsert: string | null }[] = [];
  let failNext: number | null = null;

  const json = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  const storageError = (res: http.ServerResponse, status: number, error: string, message: string) =>
    json(res, status, { statusCode: String(status), error, message });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://storage");
      requests.push({ method: req.method ?? "", path: url.pathname, contentType: req.headers["content-type"] ?? null, upsert: (req.headers["x-upsert"] as string) ?? null });
      if (req.headers.authorization !== `Bearer ${options.serviceRoleKey}` || req.headers.apikey !== options.serviceRoleKey) {
        return storageError(res, 403, "Unauthorized", "invalid signature");
      }
      if (failNext !== null) {
        const status = failNext;
        failNext = null;
        return storageError(res, status, "InternalError", "Storage is unavailable");
      }
      const match = /^\/storage\/v1\/object\/([^/]+)(?:\/(.+))?$/.exec(url.pathname);
      const bucket = match ? buckets.get(match[1]!) : undefined;
      if (!match || !bucket) return storageError(res, 404, "Bucket not found", "Bucket not found");
      const key = match[2] ? decodeURIComponent(match[2]) : null;
      const body = Buffer.concat(chunks);
      if (req.method === "POST" && key) {
        if (bucket.has(key) && req.headers["x-upsert"] !== "true") return storageError(res, 409, "Duplicate", "The resource already exists");
        bucket.set(key, { bytes: body, contentType: req.headers["content-type"] ?? "application/octet-stream", cacheControl: (req.headers["cache-control"] as string) ?? null });
        return json(res, 200, { Key: `${match[1]}/${key}`, Id: crypto.randomUUID() });
      }
      if (req.method === "GET" && key) {
        const object = bucket.get(key);
        if (!object) return storageError(res, 400, "not_found", "Object not found");
        return res.writeHead(200, { "content-type": object.contentType, "content-length": object.bytes.length }).end(object.bytes);
      }
      if (req.method === "DELETE" && !key) {
        const { prefixes } = JSON.parse(body.toString() || "{}") as { prefixes?: string[] };
        const removed = (prefixes ?? []).filter((p) => bucket.delete(p)).map((name) => ({ name, bucket_id: match[1] }));
        return json(res, 200, removed);
      }
      return storageError(res, 405, "Method not allowed", `${req.method} ${url.pathname}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    objects: (bucket: string) => buckets.get(bucket)!,
    /** The next request answers with this status (an outage), whatever it asks. */
    failNextWith: (status: number) => void (failNext = status),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
