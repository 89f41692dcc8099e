import type { Connection } from "@/lib/db/connection";
import type { SessionClaims } from "@/lib/db/session";
import type { AuthResult } from "./result";

export type AuthProvider = "local" | "supabase";

export interface CookieOptions {
  httpOnly?: boolean;
  sameSite?: "lax" | "strict" | "none" | boolean;
  secure?: boolean;
  path?: string;
  maxAge?: number;
  domain?: string;
  expires?: Date;
}

/** The request's cookies: next/headers in the app, the proxy's request and response, a plain map in tests. */
export interface CookieJar {
  get(name: string): string | undefined;
  getAll(): { name: string; value: string }[];
  set(name: string, value: string, options: CookieOptions): void;
}

/** One request as the auth port sees it. */
export interface AuthContext {
  conn: Connection;
  cookies: CookieJar;
  ip: string;
  userAgent: string | null;
  appUrl: string;
}

export interface SignUpInput {
  displayName: string;
  companyName: string;
  email: string;
  password: string;
}

/** Where a person who just got a session goes next. */
export interface Landing {
  home: string;
}

/**
 * The one authentication interface, chosen once at start from configuration (`lib/auth/auth.ts`). Route handlers,
 * pages, `session.ts` and the proxy call it and never know which provider holds the passwords. Both adapters keep
 * PartnerOS's own rules around it: profiles and roles in Postgres, the server-side session record every request
 * checks, the Postgres sign-in limits, invitations and the emails we send.
 */
export interface AuthPort {
  provider: AuthProvider;
  /** Partner self sign-up; a known email gets the same answer and a "sign in or reset" email. */
  signUp(input: SignUpInput, ctx: AuthContext): Promise<AuthResult<null>>;
  resendVerification(email: string, ctx: AuthContext): Promise<AuthResult<null>>;
  /** The token of the verification email's link; true when the address is now confirmed. */
  verifyEmail(token: string, ctx: AuthContext): Promise<boolean>;
  signIn(input: { email: string; password: string }, ctx: AuthContext): Promise<AuthResult<Landing>>;
  /** Clears the provider's session cookies (and its refresh tokens); our session records end before this. */
  signOut(scope: "this" | "everywhere", ctx: AuthContext): Promise<void>;
  requestReset(email: string, ctx: AuthContext): Promise<AuthResult<null>>;
  /** Whether the reset page can take a new password: a link token, or a recovery session the link opened. */
  canReset(token: string | undefined, cookies: CookieJar): Promise<boolean>;
  /** Sets the new password; the link proved the mailbox, so the person continues signed in (null: no access). */
  resetPassword(input: { token?: string; password: string }, ctx: AuthContext): Promise<AuthResult<Landing | null>>;
  changePassword(user: { id: string; email: string }, input: { currentPassword: string; newPassword: string }, ctx: AuthContext): Promise<AuthResult<null>>;
  /** Creates the invited account with the role the inviter chose, signs it in. */
  acceptInvite(input: { token: string; displayName: string; password: string }, ctx: AuthContext): Promise<AuthResult<Landing>>;
  /** Verified claims of the request's session cookie, or null. */
  claims(cookies: CookieJar): Promise<SessionClaims | null>;
  /** `/auth/callback`: a provider's email link or code exchange; answers where to go, or null when it failed. */
  callback(params: URLSearchParams, ctx: AuthContext): Promise<string | null>;
  /** Keeps the session cookies fresh on page requests (the proxy). Must not touch the database. */
  refreshSession(cookies: CookieJar): Promise<void>;
  /** A provider's request to send one of our emails (Supabase's Send Email Hook); the raw body and its headers. */
  emailHook(rawBody: string, headers: Headers, ctx: AuthContext): Promise<AuthResult<null>>;
}
