import { describe, expect, test } from "vitest";
import { readAuthConfig } from "@/lib/auth/config";
import { signWebhook, verifyWebhook } from "@/lib/auth/webhook-signature";

const URL_ = "https://abc.supabase.co";
const HOOK = `v1,whsec_${Buffer.from("a hook secret of some length").toString("base64")}`;

describe("the auth provider is chosen once from configuration; a configuration that cannot work is refused", () => {
  test.each([
    [{}, "local"],
    [{ NEXT_PUBLIC_SUPABASE_URL: "" }, "local"],
    [{ NEXT_PUBLIC_SUPABASE_URL: URL_, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "pk", SUPABASE_SERVICE_ROLE_KEY: "sk" }, "supabase"],
    [{ NEXT_PUBLIC_SUPABASE_URL: URL_, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "pk", SUPABASE_SERVICE_ROLE_KEY: "sk", SUPABASE_AUTH_HOOK_SECRET: HOOK }, "supabase"],
  ])("%j → %s", (env, provider) => {
    expect(readAuthConfig(env as unknown as NodeJS.ProcessEnv).provider).toBe(provider);
  });

  test.each([
    [{ NEXT_PUBLIC_SUPABASE_URL: URL_, SUPABASE_SERVICE_ROLE_KEY: "sk" }, /NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY is not/],
    [{ NEXT_PUBLIC_SUPABASE_URL: URL_, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "pk" }, /SUPABASE_SERVICE_ROLE_KEY is not/],
    [{ SUPABASE_SERVICE_ROLE_KEY: "sk" }, /SUPABASE_SERVICE_ROLE_KEY is set but NEXT_PUBLIC_SUPABASE_URL is not/],
    [{ NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "pk", SUPABASE_AUTH_HOOK_SECRET: HOOK }, /are set but NEXT_PUBLIC_SUPABASE_URL is not/],
    [{ NEXT_PUBLIC_SUPABASE_URL: "abc.supabase.co", NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "pk", SUPABASE_SERVICE_ROLE_KEY: "sk" }, /http\(s\) URL/],
    [{ NEXT_PUBLIC_SUPABASE_URL: URL_, NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: "pk", SUPABASE_SERVICE_ROLE_KEY: "sk", SUPABASE_AUTH_HOOK_SECRET: "hunter2" }, /v1,whsec_/],
  ])("%j is refused", (env, message) => {
    expect(() => readAuthConfig(env as unknown as NodeJS.ProcessEnv)).toThrow(message);
  });
});

describe("Send Email Hook signatures (standard webhooks)", () => {
  const body = '{"user":{}}';
  const now = 1_800_000_000;
  const headers = (signature: string, ts = now) => new Headers({ "webhook-id": "msg_1", "webhook-timestamp": String(ts), "webhook-signature": signature });
  test.each([
    ["the right signature", signWebhook(HOOK, "msg_1", now, body), now, true],
    ["one of several signatures (key rotation)", `v1,bm90IGl0 ${signWebhook(HOOK, "msg_1", now, body)}`, now, true],
    ["another secret", signWebhook(`v1,whsec_${Buffer.from("another secret entirely").toString("base64")}`, "msg_1", now, body), now, false],
    ["a timestamp older than five minutes", signWebhook(HOOK, "msg_1", now - 301, body), now - 301, false],
    ["no signature", "", now, false],
  ])("%s", (_label, signature, ts, valid) => {
    expect(verifyWebhook(HOOK, headers(signature, ts), body, now)).toBe(valid);
  });
  test("a changed body", () => {
    expect(verifyWebhook(HOOK, headers(signWebhook(HOOK, "msg_1", now, body)), `${body} `, now)).toBe(false);
  });
});
