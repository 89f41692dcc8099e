import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

interface StubUser {
  id: string;
  email: string;
  password: string;
  confirmed: boolean;
}

/** A local stand-in for Supabase Auth (GoTrue) speaking its 2024-01-01 API: just enough for the adapter's calls. */
export async function startGoTrueServer(onUserCreated: (user: { id: string; email: string }) => Promise<void>) {
  const users = new Map<string, StubUser>();
  const requests: { method: string; path: string; body: Record<string, unknown> }[] = [];
  const sessions = new Map<string, string>();

  const json = (res: http.ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { "Content-Type": "application/json", "X-Supabase-Api-Version": "2024-01-01" }).end(JSON.stringify(body));
  const userBody = (u: StubUser, identities = true) => ({
    id: u.id,
    aud: "authenticated",
    role: "authenticated",
    email: u.email,
    email_confirmed_at: u.confirmed ? new Date().toISOString() : null,
    app_metadata: { provider: "email" },
    user_metadata: {},
    identities: identities ? [{ id: u.id, user_id: u.id, provider: "email", identity_data: { email: u.email } }] : [],
    created_at: new Date().toISOString(),
  });
  const sessionFor = (u: StubUser) => {
    const now = Math.floor(Date.now() / 1000);
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const token = `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ sub: u.id, email: u.email, role: "authenticated", aud: "authenticated", exp: now + 3600, iat: now, session_id: randomUUID() })}.sig`;
    sessions.set(token, u.email);
    return { access_token: token, refresh_token: randomUUID(), token_type: "bearer", expires_in: 3600, expires_at: now + 3600, user: userBody(u) };
  };

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", async () => {
      const url = new URL(req.url ?? "/", "http://stub");
      const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
      requests.push({ method: req.method ?? "", path: url.pathname + url.search, body });
      const route = `${req.method} ${url.pathname}`;
      if (route === "POST /auth/v1/signup") {
        const email = String(body.email).toLowerCase();
        const existing = users.get(email);
        if (existing) return json(res, 200, userBody(existing, false));
        const user = { id: randomUUID(), email, password: String(body.password), confirmed: false };
        users.set(email, user);
        await onUserCreated(user);
        return json(res, 200, userBody(user));
      }
      if (route === "POST /auth/v1/token" && url.searchParams.get("grant_type") === "password") {
        const user = users.get(String(body.email).toLowerCase());
        if (!user || user.password !== body.password) return json(res, 400, { code: "invalid_credentials", msg: "Invalid login credentials" });
        if (!user.confirmed) return json(res, 400, { code: "email_not_confirmed", msg: "Email not confirmed" });
        return json(res, 200, sessionFor(user));
      }
      if (route === "POST /auth/v1/recover") return json(res, 200, {});
      if (route === "PUT /auth/v1/user") {
        const email = sessions.get((req.headers.authorization ?? "").replace(/^Bearer /, ""));
        const user = email ? users.get(email) : undefined;
        if (!user) return json(res, 401, { code: "no_authorization", msg: "This endpoint requires a valid Bearer token" });
        if (typeof body.password === "string") user.password = body.password;
        return json(res, 200, userBody(user));
      }
      if (route === "POST /auth/v1/logout") return res.writeHead(204).end();
      return json(res, 404, { code: "not_found", msg: `No stub for ${route}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    confirm: (email: string) => {
      users.get(email)!.confirmed = true;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
