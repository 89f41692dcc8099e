import type { Fuzzer, Identity, Sent } from "./client";
import { badValues, BAD_JSON_BODIES, NUL, withAll } from "./inputs";
import type { ActionTarget } from "./targets";

/** React's reply encoding escapes strings that start with "$"; none of ours do except by accident. */
function encodeArgs(args: unknown[]): string {
  return JSON.stringify(args, (_key, value: unknown) => (typeof value === "string" && value.startsWith("$") ? `$${value}` : value));
}

function headersFor(fuzzer: Fuzzer, action: ActionTarget, contentType?: string): Record<string, string> {
  const headers: Record<string, string> = { "next-action": action.id, origin: fuzzer.baseUrl, accept: "text/x-component" };
  if (contentType) headers["content-type"] = contentType;
  return headers;
}

function callJson(fuzzer: Fuzzer, action: ActionTarget, identity: Identity, label: string, body: string): Promise<Sent> {
  return fuzzer.send(`${action.name} ${label}`, action.pagePath, {
    method: "POST",
    identity,
    headers: headersFor(fuzzer, action, "text/plain;charset=UTF-8"),
    body,
  });
}

/** The argument as a FormData, the way a form submission through React encodes it ("$K1" and "_1_" fields). */
function callForm(fuzzer: Fuzzer, action: ActionTarget, identity: Identity, label: string, fields: Record<string, string>): Promise<Sent> {
  const form = new FormData();
  form.append("0", '["$K1"]');
  for (const [key, value] of Object.entries(fields)) form.append(`_1_${key}`, value);
  return fuzzer.send(`${action.name} ${label}`, action.pagePath, { method: "POST", identity, headers: headersFor(fuzzer, action), body: form });
}

function malformedRoot(): FormData {
  const form = new FormData();
  form.append("0", '["$K1", ');
  return form;
}

/** Field names the action's schema asks for, read from its own 422 answer to an empty object. */
function fieldsOf(probe: Sent): string[] {
  const errors = probe.result?.fieldErrors ?? {};
  return Object.keys(errors)
    .filter((k) => k !== "_form")
    .map((k) => k.split(".")[0]!);
}

const denied = (sent: Sent) => sent.result !== null && !sent.result.ok && (sent.result.status === 401 || sent.result.status === 403);

/**
 * Each action, as each identity: an empty-object probe names the fields; a caller the action refuses gets a few
 * malformed bodies, a caller it admits gets every bad value in every field, as JSON and as a form.
 */
export async function fuzzActions(fuzzer: Fuzzer, actions: ActionTarget[], identities: Identity[], foreignIds: string[]) {
  for (const action of actions) {
    for (const identity of identities) {
      const probe = await callJson(fuzzer, action, identity, "probe {}", encodeArgs([{}]));
      await callJson(fuzzer, action, identity, BAD_JSON_BODIES[0]!.name, BAD_JSON_BODIES[0]!.body);
      await callForm(fuzzer, action, identity, "form with NUL", { id: NUL, name: NUL });
      await fuzzer.send(`${action.name} malformed multipart root`, action.pagePath, { method: "POST", identity, headers: headersFor(fuzzer, action), body: malformedRoot() });
      if (denied(probe) || probe.status === 404) continue;
      const fields = fieldsOf(probe);
      const names = fields.length ? [...new Set(fields)] : ["id", "name", "q"];
      await callJson(fuzzer, action, identity, "string argument", encodeArgs(["just a string"]));
      await callJson(fuzzer, action, identity, "null argument", encodeArgs([null]));
      await callJson(fuzzer, action, identity, "array argument", encodeArgs([[1, 2, 3]]));
      const values = badValues(identity.role === "partner" ? foreignIds : []);
      for (const bad of values) {
        // One megabyte in one field is the size test; in every field it would only test the body limit.
        const input = bad.name === "1 MB string" ? withAll(names.slice(0, 1), bad.value) : withAll(names, bad.value);
        await callJson(fuzzer, action, identity, bad.name, encodeArgs([input]));
      }
      await callForm(fuzzer, action, identity, "form fields with NUL", Object.fromEntries(names.map((n) => [n, NUL])));
    }
  }
}
