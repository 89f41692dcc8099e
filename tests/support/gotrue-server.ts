import { createHash, randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import argon2 from "argon2";
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, type JWK } from "jose";
import { signWebhook } from "../../lib/auth/webhook-signature";

/**
 * A local Supabase Auth (GoTrue) contract server speaking its 2024-01-01 API for every call the Supabase adapter
 * makes. Users live where Supabase keeps them, in the app database's `auth.users` (so RLS and our foreign keys see
 * them); sessions, refresh tokens and one-time tokens live in memory. Access tokens are ES256 JWTs with a `kid`,
 * published at /auth/v1/.well-known/jwks.json, which is what `auth.getClaims()` verifies locally. Emails go to a
 * Send Email Hook (standard-webhooks signature) when one is configured, otherwise they are captured in `mails`.
 */

export const GOTRUE_ANON_KEY = "sb_publishable_contract_0123456789";
export const GOTRUE_SERVICE_ROLE_KEY = "sb_secret_contract_0123456789";

export interface GoTrueDatabase {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface GoTrueOptions {
  db: GoTrueDatabase;
  port?: number;
  /** Send Email Hook: where GoTrue posts emails instead of sending them, and its `v1,whsec_…` secret. */
  hook?: { url: string; secret: string };
  siteUrl?: string;
  accessTokenSeconds?: number;
}

export interface CapturedMail {
  to: string;
  type: string;
  tokenHash: string;
  /** GoTrue's own link (/verify, then a redirect to redirect_to with a PKCE code). */
  link: string;
}

interface UserRow {
  id: string;
  email: string;
  encrypted_password: string | null;
  email_confirmed_at: string | Date | null;
  raw_app_meta_data: Record<string, unknown> | string;
  raw_user_meta_data: Record<string, unknown> | string;
  last_sign_in_at: string | Date | null;
  created_at: string | Date;
  updated_at: string | Date;
}

interface OneTimeToken {
  userId: string;
  type: string;
  expiresAt: number;
  redirectTo: string | null;
  codeChallenge: string | null;
}

type Json = Record<string, unknown>;

const ARGON = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const USER_COLUMNS = "id, email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data, last_sign_in_at, created_at, updated_at";
const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
const meta = (v: Record<string, unknown> | string): Json => (typeof v === "string" ? (JSON.parse(v) as Json) : v);
const b64url = (buf: Buffer) => buf.toString("base64url");
const sha256url = (s: string) => b64url(createHash("sha256").update(s).digest());

export async function startGoTrueServer(options: GoTrueOptions) {
  const { db } = options;
  const ttl = options.accessTokenSeconds ?? 3600;
  const { publicKey, privateKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig", key_ops: ["verify"] };
  let baseUrl = "";

  const requests: { method: string; path: string; body: Json }[] = [];
  const mails: CapturedMail[] = [];
  /** Live sessions with how each was authenticated (its `amr`, which a refresh keeps). */
  const sessions = new Map<string, { userId: string; method: string; at: number }>();
  const refreshTokens = new Map<string, { sessionId: string; revoked: boolean }>();
  const otps = new Map<string, OneTimeToken>();
  const authCodes = new Map<string, { userId: string; codeChallenge: string; type: string }>();

  const findUser = async (where: "id" | "email", value: string) =>
    (await db.query<UserRow>(`select ${USER_COLUMNS} from auth.users where ${where === "id" ? "id = $1::uuid" : "lower(email) = lower($1)"}`, [value]))[0];

  const userBody = (u: UserRow, identities = true): Json => ({
    id: u.id,
    aud: "authenticated",
    role: "authenticated",
    email: u.email,
    email_confirmed_at: iso(u.email_confirmed_at),
    confirmed_at: iso(u.email_confirmed_at),
    phone: "",
    last_sign_in_at: iso(u.last_sign_in_at),
    app_metadata: { provider: "email", providers: ["email"], ...meta(u.raw_app_meta_data) },
    user_metadata: meta(u.raw_user_meta_data),
    identities: identities
      ? [{ identity_id: u.id, id: u.id, user_id: u.id, provider: "email", identity_data: { email: u.email, sub: u.id, email_verified: Boolean(u.email_confirmed_at) } }]
      : [],
    created_at: iso(u.created_at),
    updated_at: iso(u.updated_at),
    is_anonymous: false,
  });

  async function issueSession(user: UserRow, sessionId: string = randomUUID(), how = "password") {
    const now = Math.floor(Date.now() / 1000);
    const session = sessions.get(sessionId) ?? { userId: user.id, method: how, at: now };
    sessions.set(sessionId, session);
    const accessToken = await new SignJWT({
      email: user.email,
      phone: "",
      app_metadata: { provider: "email", providers: ["email"], ...meta(user.raw_app_meta_data) },
      user_metadata: meta(user.raw_user_meta_data),
      role: "authenticated",
      aal: "aal1",
      amr: [{ method: session.method, timestamp: session.at }],
      session_id: sessionId,
      is_anonymous: false,
    })
      .setProtectedHeader({ alg: "ES256", kid, typ: "JWT" })
      .setSubject(user.id)
      .setAudience("authenticated")
      .setIssuer(`${baseUrl}/auth/v1`)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .sign(privateKey);
    const refreshToken = b64url(randomBytes(12));
    refreshTokens.set(refreshToken, { sessionId, revoked: false });
    return { access_token: accessToken, token_type: "bearer", expires_in: ttl, expires_at: now + ttl, refresh_token: refreshToken, user: userBody(user) };
  }

  /** The session behind a bearer access token, or null (bad signature, expired, or the session was logged out). */
  async function bearer(req: http.IncomingMessage): Promise<{ user: UserRow; sessionId: string } | null> {
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    try {
      const { payload } = await jwtVerify(token, publicKey, { audience: "authenticated" });
      const sessionId = String(payload.session_id);
      if (!sessions.has(sessionId)) return null;
      const user = await findUser("id", String(payload.sub));
      return user ? { user, sessionId } : null;
    } catch {
      return null;
    }
  }

  async function sendMail(user: UserRow, type: string, redirectTo: string | null, codeChallenge: string | null) {
    const token = String(Math.floor(100000 + Math.random() * 900000));
    const tokenHash = createHash("sha224").update(`${user.email}${token}`).digest("hex");
    otps.set(tokenHash, { userId: user.id, type, expiresAt: Date.now() + 3600_000, redirectTo, codeChallenge });
    const link = `${baseUrl}/auth/v1/verify?token=${tokenHash}&type=${type}${redirectTo ? `&redirect_to=${encodeURIComponent(redirectTo)}` : ""}`;
    if (!options.hook) {
      mails.push({ to: user.email, type, tokenHash, link });
      return null;
    }
    const body = JSON.stringify({
      user: userBody(user),
      email_data: { token, token_hash: tokenHash, redirect_to: redirectTo ?? options.siteUrl ?? "", email_action_type: type, site_url: options.siteUrl ?? "", token_new: "", token_hash_new: "" },
    });
    const id = `msg_${randomUUID()}`;
    const timestamp = Math.floor(Date.now() / 1000);
    const answer = await fetch(options.hook.url, {
      method: "POST",
      headers: { "content-type": "application/json", "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signWebhook(options.hook.secret, id, timestamp, body) },
      body,
    }).catch((error: Error) => ({ ok: false, status: 0, text: async () => error.message }));
    if (!answer.ok) return `Error sending ${type} email: hook answered ${answer.status} ${await answer.text()}`;
    return null;
  }

  const takeOtp = (tokenHash: string, types: string[]) => {
    const otp = otps.get(tokenHash);
    if (!otp || otp.expiresAt < Date.now() || !types.includes(otp.type)) return null;
    otps.delete(tokenHash);
    return otp;
  };

  const confirm = (userId: string) =>
    db.query("update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()), updated_at = now() where id = $1::uuid", [userId]);

  async function createUser(email: string, password: string | null, data: Json, confirmed: boolean): Promise<UserRow> {
    const hash = password ? await argon2.hash(password, ARGON) : null;
    const [row] = await db.query<UserRow>(
      `insert into auth.users (email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
       values ($1, $2, ${confirmed ? "now()" : "null"}, $3::jsonb, $4::jsonb) returning ${USER_COLUMNS}`,
      [email.toLowerCase(), hash, JSON.stringify({ provider: "email", providers: ["email"] }), JSON.stringify(data ?? {})],
    );
    return row!;
  }

  const OTP_TYPES: Record<string, string[]> = {
    signup: ["signup"],
    email: ["signup", "magiclink", "email"],
    magiclink: ["magiclink"],
    recovery: ["recovery"],
    invite: ["invite"],
  };

  async function route(req: http.IncomingMessage, url: URL, body: Json): Promise<{ status: number; body?: unknown; headers?: Record<string, string> }> {
    const path = url.pathname.replace(/^\/auth\/v1/, "");
    const method = req.method ?? "GET";
    const apikey = req.headers.apikey;
    const isService = req.headers.authorization === `Bearer ${GOTRUE_SERVICE_ROLE_KEY}`;
    if (path !== "/.well-known/jwks.json" && path !== "/verify" && apikey !== GOTRUE_ANON_KEY && apikey !== GOTRUE_SERVICE_ROLE_KEY) {
      return { status: 401, body: { code: "no_api_key", message: "No API key found in request" } };
    }
    const fail = (status: number, code: string, msg: string) => ({ status, body: { code, error_code: code, msg } });
    const redirectTo = url.searchParams.get("redirect_to");
    const challenge = typeof body.code_challenge === "string" ? body.code_challenge : null;

    if (method === "GET" && path === "/.well-known/jwks.json") return { status: 200, body: { keys: [jwk] } };
    if (method === "GET" && path === "/health") return { status: 200, body: { version: "contract", name: "GoTrue" } };

    if (path.startsWith("/admin/") || path === "/invite") {
      if (!isService) return fail(403, "not_admin", "User not allowed");
      if (method === "POST" && path === "/invite") {
        const email = String(body.email ?? "");
        if (await findUser("email", email)) return fail(422, "email_exists", "A user with this email address has already been registered");
        const user = await createUser(email, null, (body.data as Json) ?? {}, false);
        const error = await sendMail(user, "invite", redirectTo, null);
        return error ? fail(500, "unexpected_failure", error) : { status: 200, body: userBody(user) };
      }
      if (method === "POST" && path === "/admin/generate_link") {
        const type = String(body.type);
        const email = String(body.email ?? "");
        let user = await findUser("email", email);
        if (type === "invite" || type === "signup") {
          if (user) return fail(422, "email_exists", "A user with this email address has already been registered");
          user = await createUser(email, typeof body.password === "string" ? body.password : null, (body.data as Json) ?? {}, false);
        } else if (!user) return fail(404, "user_not_found", "User not found");
        const token = String(Math.floor(100000 + Math.random() * 900000));
        const hashed = createHash("sha224").update(`${user.email}${token}`).digest("hex");
        otps.set(hashed, { userId: user.id, type, expiresAt: Date.now() + 3600_000, redirectTo: (body.redirect_to as string) ?? null, codeChallenge: null });
        return {
          status: 200,
          body: { ...userBody(user), action_link: `${baseUrl}/auth/v1/verify?token=${hashed}&type=${type}`, email_otp: token, hashed_token: hashed, redirect_to: body.redirect_to ?? options.siteUrl ?? "", verification_type: type },
        };
      }
      if (method === "POST" && path === "/admin/users") {
        const email = String(body.email ?? "");
        if (await findUser("email", email)) return fail(422, "email_exists", "A user with this email address has already been registered");
        const user = await createUser(email, typeof body.password === "string" ? body.password : null, (body.user_metadata as Json) ?? {}, body.email_confirm === true);
        return { status: 200, body: userBody(user) };
      }
      const one = /^\/admin\/users\/([0-9a-f-]{36})$/.exec(path);
      if (one) {
        const user = await findUser("id", one[1]!);
        if (!user) return fail(404, "user_not_found", "User not found");
        if (method === "GET") return { status: 200, body: userBody(user) };
        if (method === "DELETE") {
          for (const [id, s] of sessions) if (s.userId === user.id) sessions.delete(id);
          await db.query("delete from auth.users where id = $1::uuid", [user.id]);
          return { status: 200, body: userBody(user) };
        }
      }
      return fail(404, "not_found", `No admin route ${method} ${path}`);
    }

    if (method === "POST" && path === "/signup") {
      const email = String(body.email ?? "").toLowerCase();
      if (typeof body.password !== "string" || body.password.length < 6) return fail(422, "weak_password", "Password should be at least 6 characters.");
      const existing = await findUser("email", email);
      if (existing?.email_confirmed_at) {
        // GoTrue hides which emails have accounts: a confirmed one answers with an obfuscated user and no identities.
        return { status: 200, body: { ...userBody(existing, false), id: randomUUID() } };
      }
      const user = existing ?? (await createUser(email, body.password, (body.data as Json) ?? {}, false));
      const error = await sendMail(user, "signup", redirectTo, challenge);
      return error ? fail(500, "unexpected_failure", error) : { status: 200, body: userBody(user) };
    }

    if (method === "POST" && path === "/resend") {
      const user = await findUser("email", String(body.email ?? ""));
      if (user && !user.email_confirmed_at && body.type === "signup") {
        const error = await sendMail(user, "signup", redirectTo, challenge);
        if (error) return fail(500, "unexpected_failure", error);
      }
      return { status: 200, body: {} };
    }

    // Both answer alike whether or not the account exists.
    const linkEmail = { "/recover": "recovery", "/otp": "magiclink" }[path];
    if (method === "POST" && linkEmail) {
      const user = await findUser("email", String(body.email ?? ""));
      const error = user ? await sendMail(user, linkEmail, redirectTo, challenge) : null;
      return error ? fail(500, "unexpected_failure", error) : { status: 200, body: {} };
    }

    if (path === "/verify") {
      if (method === "POST") {
        const otp = takeOtp(String(body.token_hash ?? ""), OTP_TYPES[String(body.type)] ?? []);
        if (!otp) return fail(403, "otp_expired", "Email link is invalid or has expired");
        if (otp.type !== "recovery") await confirm(otp.userId);
        const user = (await findUser("id", otp.userId))!;
        return { status: 200, body: await issueSession(user, randomUUID(), otp.type === "recovery" ? "recovery" : "otp") };
      }
      if (method === "GET") {
        // The link in GoTrue's own emails: redeems the token and sends the browser to redirect_to with a PKCE code.
        const otp = takeOtp(url.searchParams.get("token") ?? "", OTP_TYPES[url.searchParams.get("type") ?? ""] ?? []);
        const target = new URL(url.searchParams.get("redirect_to") ?? otp?.redirectTo ?? options.siteUrl ?? "http://localhost");
        if (!otp) {
          target.searchParams.set("error", "access_denied");
          target.searchParams.set("error_code", "otp_expired");
          return { status: 303, headers: { location: target.toString() } };
        }
        if (otp.type !== "recovery") await confirm(otp.userId);
        if (!otp.codeChallenge) return fail(400, "flow_state_not_found", "Implicit flow is not offered by this server");
        const code = randomUUID();
        authCodes.set(code, { userId: otp.userId, codeChallenge: otp.codeChallenge, type: otp.type });
        target.searchParams.set("code", code);
        return { status: 303, headers: { location: target.toString() } };
      }
    }

    if (method === "POST" && path === "/token") {
      const grant = url.searchParams.get("grant_type");
      if (grant === "password") {
        const user = await findUser("email", String(body.email ?? ""));
        const valid = user?.encrypted_password ? await argon2.verify(user.encrypted_password, String(body.password ?? "")).catch(() => false) : false;
        if (!user || !valid) return fail(400, "invalid_credentials", "Invalid login credentials");
        if (!user.email_confirmed_at) return fail(400, "email_not_confirmed", "Email not confirmed");
        await db.query("update auth.users set last_sign_in_at = now() where id = $1::uuid", [user.id]);
        return { status: 200, body: await issueSession(user) };
      }
      if (grant === "refresh_token") {
        const entry = refreshTokens.get(String(body.refresh_token ?? ""));
        if (!entry || entry.revoked || !sessions.has(entry.sessionId)) return fail(400, "refresh_token_not_found", "Invalid Refresh Token: Refresh Token Not Found");
        entry.revoked = true;
        const user = await findUser("id", sessions.get(entry.sessionId)!.userId);
        if (!user) return fail(400, "user_not_found", "User not found");
        return { status: 200, body: await issueSession(user, entry.sessionId) };
      }
      if (grant === "pkce") {
        const flow = authCodes.get(String(body.auth_code ?? ""));
        if (!flow || sha256url(String(body.code_verifier ?? "")) !== flow.codeChallenge) return fail(404, "flow_state_not_found", "invalid flow state, no valid flow state found");
        authCodes.delete(String(body.auth_code));
        const user = (await findUser("id", flow.userId))!;
        return { status: 200, body: await issueSession(user, randomUUID(), flow.type === "recovery" ? "recovery" : "otp") };
      }
      return fail(400, "validation_failed", `Unsupported grant_type ${grant}`);
    }

    if (path === "/user" || path === "/logout") {
      const who = await bearer(req);
      if (!who) return fail(401, "session_not_found", "Session from session_id claim in JWT does not exist");
      if (path === "/user" && method === "GET") return { status: 200, body: userBody(who.user) };
      if (path === "/user" && method === "PUT") {
        if (typeof body.password === "string") {
          if (body.password.length < 6) return fail(422, "weak_password", "Password should be at least 6 characters.");
          await db.query("update auth.users set encrypted_password = $2, updated_at = now() where id = $1::uuid", [who.user.id, await argon2.hash(body.password, ARGON)]);
        }
        if (body.data && typeof body.data === "object") {
          await db.query("update auth.users set raw_user_meta_data = raw_user_meta_data || $2::jsonb, updated_at = now() where id = $1::uuid", [who.user.id, JSON.stringify(body.data)]);
        }
        return { status: 200, body: userBody((await findUser("id", who.user.id))!) };
      }
      if (path === "/logout" && method === "POST") {
        const scope = url.searchParams.get("scope") ?? "global";
        for (const [id, s] of sessions) {
          if (s.userId !== who.user.id) continue;
          if (scope === "local" && id !== who.sessionId) continue;
          if (scope === "others" && id === who.sessionId) continue;
          sessions.delete(id);
        }
        return { status: 204 };
      }
    }
    return fail(404, "not_found", `No route ${method} ${path}`);
  }

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://gotrue");
      let body: Json = {};
      try {
        body = raw ? (JSON.parse(raw) as Json) : {};
      } catch {
        res.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify({ code: "bad_json", msg: "Could not parse request body as JSON" }));
        return;
      }
      requests.push({ method: req.method ?? "", path: url.pathname + url.search, body });
      route(req, url, body).then(
        (answer) => {
          const headers = { "X-Supabase-Api-Version": "2024-01-01", ...(answer.body === undefined ? {} : { "Content-Type": "application/json" }), ...answer.headers };
          res.writeHead(answer.status, headers).end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
        },
        (error: Error) => {
          res.writeHead(500, { "Content-Type": "application/json" }).end(JSON.stringify({ code: "unexpected_failure", msg: error.message }));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;
  return {
    url: baseUrl,
    requests,
    mails,
    /** Confirms an address the way an opened confirmation link would. */
    confirm: async (email: string) => {
      const user = await findUser("email", email);
      if (user) await confirm(user.id);
    },
    liveSessions: (userId: string) => [...sessions].filter(([, s]) => s.userId === userId).map(([id]) => id),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type GoTrueServer = Awaited<ReturnType<typeof startGoTrueServer>>;
