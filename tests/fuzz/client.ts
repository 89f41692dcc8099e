import type { Fingerprinter } from "./fingerprint";

export interface Identity {
  name: string;
  role: string | null;
  cookie: string | null;
  /** How to sign in again when a fuzzed request (sign out, sign out everywhere) ended the session. */
  login?: { email: string; password: string };
}

export interface ActionOutcome {
  ok: boolean;
  status?: number;
  fieldErrors?: Record<string, string[]>;
}

export interface Sent {
  status: number;
  text: string;
  result: ActionOutcome | null;
}

/** The ActionResult inside a server action's RSC response, when the action returned one. */
export function actionOutcome(text: string): ActionOutcome | null {
  for (const line of text.split("\n")) {
    const match = /^[0-9a-f]+:(\{.*\})$/.exec(line);
    if (!match) continue;
    try {
      const value = JSON.parse(match[1]!) as Record<string, unknown>;
      if (typeof value.ok === "boolean") return value as unknown as ActionOutcome;
    } catch {
      // another row of the payload
    }
  }
  return null;
}

const isClientError = (status: number | undefined) => status !== undefined && status >= 400 && status < 500;

/** Sends requests one at a time, counting 5xx and data changed by requests the app refused. */
export class Fuzzer {
  requests = 0;
  readonly serverErrors: string[] = [];
  readonly changedByRefused: string[] = [];
  readonly statuses = new Map<string, number>();
  /** Accepted requests after which the data differed: shows the fingerprint sees real writes. */
  changedByAccepted = 0;
  /** Times a signed-in identity found its session ended (by a fuzzed sign-out) and signed in again. */
  renewedSessions = 0;

  constructor(
    readonly baseUrl: string,
    private readonly fingerprint: Fingerprinter,
  ) {}

  async send(label: string, pathname: string, init: RequestInit & { identity: Identity }): Promise<Sent> {
    const { identity, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (identity.cookie) headers.set("cookie", identity.cookie);
    const before = await this.fingerprint.take();
    let status = 0;
    let text = "";
    try {
      const response = await fetch(this.baseUrl + pathname, { ...rest, headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
      status = response.status;
      // A stream that stays open (server-sent events) has answered once its headers arrived.
      if (response.headers.get("content-type")?.includes("text/event-stream")) await response.body?.cancel();
      else text = await response.text();
    } catch (error) {
      status = 599;
      text = String(error);
    }
    this.requests += 1;
    const result = rest.headers && new Headers(rest.headers).has("next-action") ? actionOutcome(text) : null;
    const bucket = result ? `action ${result.ok ? "ok" : (result.status ?? "?")}` : String(status);
    this.statuses.set(bucket, (this.statuses.get(bucket) ?? 0) + 1);
    const where = `${label} as ${identity.name}: ${rest.method ?? "GET"} ${pathname.slice(0, 120)}`;
    // A page that failed while streaming keeps its 200 and renders the error boundary with the error's numeric
    // digest (notFound() and redirect() digests start with NEXT_ and are answers, not failures).
    const failedInStream = status < 300 && /data-dgst="\d+"|\$RX\("[^"]*","\d+"|^[0-9a-f]+:E\{"digest":"\d+"/m.test(text);
    if (status >= 500 || failedInStream || (result && !result.ok && (result.status ?? 0) >= 500)) {
      this.serverErrors.push(`${where} → ${status}${result ? ` (result ${result.status})` : ""} ${text.slice(0, 200).replace(/\s+/g, " ")}`);
    }
    const refused = isClientError(status) || (result !== null && !result.ok && isClientError(result.status));
    const changed = (await this.fingerprint.take()) !== before;
    if (refused && changed) this.changedByRefused.push(`${where} → ${status}`);
    else if (changed) this.changedByAccepted += 1;
    if (identity.login && (status === 401 || result?.status === 401)) await this.renew(identity);
    return { status, text, result };
  }

  /** Signs the identity in again, outside any measured request, so later requests are not all 401. */
  private async renew(identity: Identity): Promise<void> {
    const fresh = await signIn(this.baseUrl, identity.name, identity.role ?? "", identity.login!.email, identity.login!.password);
    identity.cookie = fresh.cookie;
    this.renewedSessions += 1;
  }
}

/** Signs in through the login endpoint and keeps the session cookie. */
export async function signIn(baseUrl: string, name: string, role: string, email: string, password: string): Promise<Identity> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
  return { name, role, cookie, login: { email, password } };
}
