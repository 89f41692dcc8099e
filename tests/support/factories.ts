import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Connection, Tx } from "@/lib/db/connection";
import * as s from "@/lib/db/schema";
import { withSystem, type SessionClaims } from "@/lib/db/session";
import type { AppRole } from "@/lib/domain/enums";

const uniq = () => randomBytes(4).toString("hex");

export interface TestUser {
  id: string;
  email: string;
  role: AppRole;
  claims: SessionClaims;
}

export function claimsOf(user: { id: string; email: string; role: AppRole }): SessionClaims {
  return { sub: user.id, email: user.email, role: "authenticated", aud: "authenticated", app_metadata: { role: user.role, provider: "email" } };
}

const system = <T>(conn: Connection, fn: (tx: Tx) => Promise<T>) => withSystem("test.factory", fn, conn);

export async function createUser(
  conn: Connection,
  overrides: { role?: AppRole; partnerId?: string; email?: string; displayName?: string; passwordHash?: string; confirmed?: boolean } = {},
): Promise<TestUser> {
  const role = overrides.role ?? "sales_manager";
  const id = randomUUID();
  const sessionId = randomUUID();
  const email = overrides.email ?? `${role}-${uniq()}@test.partneros.dev`;
  await system(conn, async (tx) => {
    await tx.execute(sql`insert into auth.users (id, email, encrypted_password, email_confirmed_at)
      values (${id}, ${email}, ${overrides.passwordHash ?? null}, ${overrides.confirmed === false ? null : new Date().toISOString()})`);
    await tx.insert(s.profiles).values({
      id,
      email,
      displayName: overrides.displayName ?? `Test ${role}`,
      role,
      partnerId: role === "partner" ? overrides.partnerId : null,
      partnerMemberRole: role === "partner" ? "admin" : null,
    });
    // A live server-side session, so tokens signed from these claims pass the per-request session check.
    await tx.execute(sql`insert into private.sessions (id, user_id, expires_at) values (${sessionId}, ${id}, now() + interval '1 day')`);
  });
  return { id, email, role, claims: { ...claimsOf({ id, email, role }), session_id: sessionId } };
}

export async function createTier(conn: Connection, overrides: Partial<typeof s.tiers.$inferInsert> = {}) {
  const key = `t_${uniq()}`;
  const [row] = await system(conn, (tx) =>
    tx
      .insert(s.tiers)
      .values({ key, name: key, rank: Math.floor(Math.random() * 1e6) + 10, commissionRate: "20", payoutCadence: "monthly", ...overrides })
      .returning(),
  );
  return row!;
}

export async function createPartner(conn: Connection, overrides: Partial<typeof s.partners.$inferInsert> = {}) {
  const name = overrides.name ?? `Partner ${uniq()}`;
  const [row] = await system(conn, (tx) =>
    tx
      .insert(s.partners)
      .values({ name, slug: `p-${uniq()}`, kind: "program", status: "active", ...overrides })
      .returning(),
  );
  return row!;
}

export async function createStage(conn: Connection, overrides: Partial<typeof s.stages.$inferInsert> = {}) {
  const key = `s_${uniq()}`;
  const [row] = await system(conn, (tx) => tx.insert(s.stages).values({ key, name: key, position: 0, probability: 10, ...overrides }).returning());
  return row!;
}

export async function createOpportunity(conn: Connection, values: { ownerId: string; stageId: string } & Partial<typeof s.opportunities.$inferInsert>) {
  const [row] = await system(conn, (tx) =>
    tx.insert(s.opportunities).values({ customerName: `Customer ${uniq()}`, valueMinor: 5_000_000, currency: "USD", ...values }).returning(),
  );
  return row!;
}

export async function createAgreement(conn: Connection, values: { partnerId: string } & Partial<typeof s.agreements.$inferInsert>) {
  return system(conn, async (tx) => {
    const [agreement] = await tx.insert(s.agreements).values({ direction: "payable", model: "referral", name: `Agreement ${uniq()}`, status: "active", ...values }).returning();
    const [version] = await tx
      .insert(s.agreementVersions)
      .values({ agreementId: agreement!.id, version: 1, effectiveFrom: "2026-01-01", rate: "15" })
      .returning();
    return { agreement: agreement!, version: version! };
  });
}

export async function createNotification(conn: Connection, userId: string) {
  const [row] = await system(conn, (tx) => tx.insert(s.notifications).values({ userId, kind: "test", title: "Hello" }).returning());
  return row!;
}

export async function createInvitation(conn: Connection, invitedBy: string) {
  const [row] = await system(conn, (tx) =>
    tx
      .insert(s.invitations)
      .values({ email: `invitee-${uniq()}@test.partneros.dev`, role: "finance", tokenHash: uniq() + uniq(), invitedBy, expiresAt: new Date(Date.now() + 86_400_000) })
      .returning(),
  );
  return row!;
}

export async function createContact(conn: Connection, partnerId: string) {
  const [row] = await system(conn, (tx) => tx.insert(s.partnerContacts).values({ partnerId, name: `Contact ${uniq()}` }).returning());
  return row!;
}

export async function createInteraction(conn: Connection, partnerId: string, authorId: string) {
  const [row] = await system(conn, (tx) => tx.insert(s.partnerInteractions).values({ partnerId, authorId, kind: "call", summary: "Quarterly sync" }).returning());
  return row!;
}

export async function createOutboxEmail(conn: Connection) {
  const [row] = await system(conn, (tx) =>
    tx.insert(s.emailOutbox).values({ toEmail: "x@test.partneros.dev", template: "t", subject: "S", textBody: "T", htmlBody: "<p>T</p>", idempotencyKey: uniq() }).returning(),
  );
  return row!;
}

export async function createJobRun(conn: Connection) {
  const [row] = await system(conn, (tx) => tx.insert(s.jobRuns).values({ job: "test" }).returning());
  return row!;
}
