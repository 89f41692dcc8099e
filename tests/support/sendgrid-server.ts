import http from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/** A local stand-in for the SendGrid v3 mail API: records requests, answers 202 like SendGrid, or fails on demand. */
export async function startSendGridServer() {
  const requests: RecordedRequest[] = [];
  let failures = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body });
      if (req.headers.authorization !== "Bearer SG.test-key") {
        res.writeHead(401, { "Content-Type": "application/json" }).end(JSON.stringify({ errors: [{ message: "The provided authorization grant is invalid" }] }));
        return;
      }
      if (failures > 0) {
        failures -= 1;
        res.writeHead(503, { "Content-Type": "application/json" }).end(JSON.stringify({ errors: [{ message: "Service unavailable" }] }));
        return;
      }
      res.writeHead(202, { "X-Message-Id": `msg-${requests.length}` }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    failNext(n: number) {
      failures = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
