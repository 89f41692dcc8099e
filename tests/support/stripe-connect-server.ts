import http from "node:http";
import type { AddressInfo } from "node:net";

export interface StripeRequest {
  method: string;
  path: string;
  body: URLSearchParams;
}

/** A local stand-in for the two Stripe Connect endpoints onboarding uses: create an account, create an account link. */
export async function startStripeConnectServer() {
  const requests: StripeRequest[] = [];
  let accounts = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const body = new URLSearchParams(raw);
      requests.push({ method: req.method ?? "", path: req.url ?? "", body });
      const json = (status: number, payload: unknown) =>
        res.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(payload));
      if (req.headers.authorization !== "Bearer sk_test_local")
        return json(401, { error: { type: "invalid_request_error", message: "Invalid API Key" } });
      if (req.method === "POST" && req.url === "/v1/accounts") {
        accounts += 1;
        return json(200, {
          id: `acct_local${accounts}`,
          object: "account",
          type: body.get("type"),
          payouts_enabled: false,
        });
      }
      if (req.method === "POST" && req.url === "/v1/account_links") {
        return json(200, {
          object: "account_link",
          url: `https://connect.stripe.test/setup/${body.get("account")}`,
          expires_at: 0,
          created: 0,
        });
      }
      return json(404, {
        error: { type: "invalid_request_error", message: `No route ${req.method} ${req.url}` },
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
