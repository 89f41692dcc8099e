import Stripe from "stripe";
import type { Fuzzer, Identity } from "./client";
import { BAD_JSON_BODIES, BAD_QUERY, BAD_QUERY_2, BAD_SEGMENTS, LONE_SURROGATE, MEGABYTE, NUL, UNKNOWN_UUID } from "./inputs";
import { FUZZ_CRON_SECRET, FUZZ_WEBHOOK_SECRET } from "./server";
import { fill, type RouteTarget } from "./targets";

/** Identities that can reach a page group: others only meet the sign-in redirect, sent once. */
function viewersOf(group: string, identities: Identity[]): Identity[] {
  const anon = identities.filter((i) => !i.cookie);
  const wanted = group === "workspace" ? ["vp", "sales_manager", "finance"] : group === "portal" ? ["partner"] : ["partner", "vp"];
  return [...anon, ...identities.filter((i) => i.role && wanted.includes(i.role))];
}

/** Every page with hostile search params, and dynamic pages with malformed segments. */
export async function fuzzPages(fuzzer: Fuzzer, pages: RouteTarget[], identities: Identity[]) {
  for (const page of pages) {
    for (const identity of viewersOf(page.group, identities)) {
      const segments = page.dynamic ? BAD_SEGMENTS : [""];
      for (const segment of segments) {
        await fuzzer.send("page", fill(page.path, segment) + BAD_QUERY, { identity });
      }
      if (!page.dynamic) await fuzzer.send("page", page.path + BAD_QUERY_2, { identity });
    }
  }
}

const JSON_HEADERS = { "content-type": "application/json" };

function jsonBodies(): { name: string; body: string }[] {
  const fields = ["email", "password", "name", "token", "code", "customerName", "contactEmail", "message", "company", "newPassword", "currentPassword"];
  const all = (value: unknown) => JSON.stringify(Object.fromEntries(fields.map((f) => [f, value])));
  return [
    ...BAD_JSON_BODIES,
    { name: "empty object", body: "{}" },
    { name: "nul fields", body: all(NUL) },
    { name: "lone surrogate fields", body: all(LONE_SURROGATE) },
    { name: "1 MB field", body: JSON.stringify({ email: MEGABYTE, name: MEGABYTE.slice(0, 1000) }) },
    { name: "wrong types", body: all(12345) },
    { name: "negative/huge", body: JSON.stringify({ amount: -1, amountMinor: "99999999999999999999999", value: 1e308 }) },
    { name: "nul key", body: JSON.stringify({ [NUL]: "x" }) },
    { name: "deep nesting", body: "[".repeat(5000) + "]".repeat(5000) },
  ];
}

/** Every route handler and method, as each identity, with bad segments, bad queries and bad bodies. */
export async function fuzzHandlers(fuzzer: Fuzzer, handlers: RouteTarget[], identities: Identity[]) {
  for (const route of handlers) {
    // Ending the session would sign the identity out for the rest of the run; logout is tried anonymously.
    const who = route.path === "/api/auth/logout" ? identities.filter((i) => !i.cookie) : identities;
    const segments = route.dynamic ? [...BAD_SEGMENTS, "nightly-unknown-job"] : [""];
    for (const identity of who) {
      for (const method of route.methods) {
        for (const segment of segments) {
          const target = fill(route.path, segment);
          if (method === "GET" || method === "OPTIONS") {
            await fuzzer.send("handler", target + BAD_QUERY, { method, identity });
            await fuzzer.send("handler", `${target}?format=pdf&key=%E0%A4%A&id=${UNKNOWN_UUID}`, { method, identity });
            await fuzzer.send("handler", target + BAD_QUERY_2, { method, identity });
            continue;
          }
          const bodies = segment === "" || segment === UNKNOWN_UUID ? jsonBodies() : jsonBodies().slice(0, 1);
          for (const { name, body } of bodies) {
            await fuzzer.send(`handler ${name}`, target + (segment ? "" : "?q=%00"), { method, identity, headers: JSON_HEADERS, body });
          }
        }
      }
    }
  }
}

/** The cron endpoint with the right secret but unknown and malformed job names. */
export async function fuzzCron(fuzzer: Fuzzer, anon: Identity) {
  const headers = { authorization: `Bearer ${FUZZ_CRON_SECRET}` };
  for (const job of ["no-such-job", "%zz", "%00", "%ED%A0%80", "x".repeat(5000)]) {
    await fuzzer.send("cron with secret", `/api/cron/${job}`, { method: "POST", identity: anon, headers });
  }
}

/** Correctly signed Stripe events that are malformed, and a signature from the future. */
export async function fuzzStripe(fuzzer: Fuzzer, anon: Identity) {
  const now = Math.floor(Date.now() / 1000);
  const events: { name: string; payload: string; timestamp?: number }[] = [
    { name: "no id", payload: JSON.stringify({ type: "transfer.created", created: now, data: { object: { id: "tr_1" } } }) },
    { name: "no data", payload: JSON.stringify({ id: "evt_fuzz_nodata", type: "transfer.created", created: now }) },
    { name: "no type", payload: JSON.stringify({ id: "evt_fuzz_notype", created: now, data: { object: {} } }) },
    { name: "data not an object", payload: JSON.stringify({ id: "evt_fuzz_baddata", type: "payout.paid", created: now, data: "x" }) },
    { name: "nul in id", payload: JSON.stringify({ id: `evt_${NUL}`, type: "transfer.created", created: now, data: { object: { id: "tr_2" } } }) },
    { name: "created not a number", payload: JSON.stringify({ id: "evt_fuzz_created", type: "payout.paid", created: "soon", account: "acct_1", data: { object: { id: "po_1", created: "x" } } }) },
    { name: "array", payload: "[]" },
    {
      name: "future timestamp",
      payload: JSON.stringify({ id: "evt_fuzz_future", type: "account.updated", created: now, data: { object: { id: "acct_x" } } }),
      timestamp: now + 3600,
    },
  ];
  for (const event of events) {
    const signature = Stripe.webhooks.generateTestHeaderString({ payload: event.payload, secret: FUZZ_WEBHOOK_SECRET, timestamp: event.timestamp ?? now });
    await fuzzer.send(`stripe ${event.name}`, "/api/webhooks/stripe", {
      method: "POST",
      identity: anon,
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body: event.payload,
    });
  }
}
