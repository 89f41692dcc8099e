import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import type { StripeRequest } from "./stripe-connect-server";

export const STRIPE_TEST_KEY = "sk_test_local";

interface Saved {
  params: string;
  status: number;
  body: unknown;
}

interface Failure {
  status: number;
  code: string;
  message: string;
  /** Whether Stripe would store this answer under the idempotency key (a request that began executing). */
  saved: boolean;
}

export interface TransferRequestSeen extends StripeRequest {
  idempotencyKey: string | null;
}

const transferObject = (id: string, body: URLSearchParams) => {
  const metadata: Record<string, string> = {};
  for (const [k, v] of body.entries()) {
    const m = /^metadata\[(.+)\]$/.exec(k);
    if (m) metadata[m[1]!] = v;
  }
  return {
    id,
    object: "transfer",
    amount: Number(body.get("amount")),
    currency: body.get("currency"),
    destination: body.get("destination"),
    transfer_group: body.get("transfer_group"),
    metadata,
    reversed: false,
    amount_reversed: 0,
    created: Math.floor(Date.now() / 1000),
    livemode: false,
  };
};

/**
 * A local Stripe contract server for transfers: records requests, honours idempotency keys as Stripe does
 * (same key and parameters → the first answer; same key, other parameters → 400), fails on demand, and
 * signs webhook events with Stripe's own test header.
 */
export async function startStripeServer(
  options: { port?: number; webhook?: { url: string; secret: string } } = {},
) {
  const requests: TransferRequestSeen[] = [];
  const transfers: ReturnType<typeof transferObject>[] = [];
  const saved = new Map<string, Saved>();
  const failures: Failure[] = [];
  const listeners: ((req: TransferRequestSeen) => void)[] = [];
  let seq = 0;

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
    req.on("end", () => {
      const body = new URLSearchParams(raw);
      const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const seen = { method: req.method ?? "", path: req.url ?? "", body, idempotencyKey };
      const json = (status: number, payload: unknown) =>
        res
          .writeHead(status, { "Content-Type": "application/json", "Request-Id": `req_${++seq}` })
          .end(JSON.stringify(payload));
      if (req.url?.startsWith("/__control/")) {
        void control(req.method ?? "", req.url, raw).then(([status, payload]) => json(status, payload));
        return;
      }
      if (req.headers.authorization !== `Bearer ${STRIPE_TEST_KEY}`)
        return json(401, { error: { type: "invalid_request_error", message: "Invalid API Key" } });
      if (!(req.method === "POST" && req.url === "/v1/transfers"))
        return json(404, {
          error: { type: "invalid_request_error", message: `No route ${req.method} ${req.url}` },
        });
      requests.push(seen);
      for (const listener of listeners) listener(seen);
      const params = [...body.entries()]
        .map(([k, v]) => `${k}=${v}`)
        .sort()
        .join("&");
      const previous = idempotencyKey ? saved.get(idempotencyKey) : undefined;
      if (previous) {
        if (previous.params !== params) {
          return json(400, {
            error: {
              type: "idempotency_error",
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          });
        }
        return json(previous.status, previous.body);
      }
      const failure = failures.shift();
      let status = 200;
      let payload: unknown;
      if (failure) {
        status = failure.status;
        payload = { error: { type: "invalid_request_error", code: failure.code, message: failure.message } };
        if (!failure.saved) return json(status, payload);
      } else {
        const transfer = transferObject(`tr_local${randomBytes(6).toString("hex")}`, body);
        transfers.push(transfer);
        payload = transfer;
      }
      if (idempotencyKey) saved.set(idempotencyKey, { params, status, body: payload });
      return json(status, payload);
    });
  });
  const failNext = (times = 1, failure: Partial<Failure> = {}) => {
    for (let i = 0; i < times; i += 1) {
      failures.push({
        status: 402,
        code: "balance_insufficient",
        message: "Your balance is insufficient for this transfer",
        saved: false,
        ...failure,
      });
    }
  };

  /** Test control over HTTP for a browser test in another process: what was asked, failures, reversals. */
  async function control(method: string, url: string, raw: string): Promise<[number, unknown]> {
    const input = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (method === "GET" && url === "/__control/transfers") {
      return [
        200,
        {
          requests: requests.map((r) => ({
            idempotencyKey: r.idempotencyKey,
            destination: r.body.get("destination"),
            amount: Number(r.body.get("amount")),
          })),
          transfers,
        },
      ];
    }
    if (method === "POST" && url === "/__control/fail") {
      failNext(Number(input.times ?? 1));
      return [200, { queued: failures.length }];
    }
    if (method === "POST" && url === "/__control/reverse" && options.webhook) {
      const transfer = transfers.find((t) => t.id === input.transfer);
      if (!transfer) return [404, { error: "no such transfer" }];
      Object.assign(transfer, { reversed: true, amount_reversed: transfer.amount });
      const response = await sendWebhook(
        options.webhook.url,
        stripeEvent("transfer.reversed", transfer),
        options.webhook.secret,
      );
      return [200, { webhookStatus: response.status }];
    }
    return [404, { error: `no control route ${method} ${url}` }];
  }

  const port = await new Promise<number>((resolve) => {
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    transfers,
    /** The next `times` new transfer requests fail with this answer. */
    failNext,
    /** Called on each transfer request before it is answered; returns the unsubscribe function. */
    onTransferRequest(listener: (req: TransferRequestSeen) => void) {
      listeners.push(listener);
      return () => void listeners.splice(listeners.indexOf(listener), 1);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type StripeServer = Awaited<ReturnType<typeof startStripeServer>>;

export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
) {
  return {
    id: `evt_${randomBytes(8).toString("hex")}`,
    object: "event",
    api_version: "2025-10-29.clover",
    created: Math.floor(Date.now() / 1000),
    type,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object },
    ...overrides,
  };
}

/** The raw body and Stripe-Signature header Stripe would send; `timestamp` in seconds to forge a stale one. */
export function signEvent(event: unknown, secret: string, timestamp?: number) {
  const payload = JSON.stringify(event);
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
  return { payload, header };
}

/** Delivers a signed event to a webhook endpoint over HTTP, as Stripe does. */
export async function sendWebhook(
  url: string,
  event: unknown,
  secret: string,
  timestamp?: number,
): Promise<Response> {
  const { payload, header } = signEvent(event, secret, timestamp);
  return fetch(url, {
    method: "POST",
    body: payload,
    headers: { "Content-Type": "application/json; charset=utf-8", "Stripe-Signature": header },
  });
}
