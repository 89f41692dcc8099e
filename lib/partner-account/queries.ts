import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";

export interface Colleague {
  id: string;
  displayName: string;
  email: string;
  title: string | null;
  memberRole: "admin" | "member";
  active: boolean;
}

export interface MyPartnerProfile {
  displayName: string;
  email: string;
  title: string | null;
  phone: string | null;
  memberRole: "admin" | "member";
  emailPreferences: Record<string, boolean>;
}

export async function getMyPartnerProfileOrThrow(tx: Tx, userId: string): Promise<MyPartnerProfile> {
  const [row] = await rows<{
    display_name: string;
    email: string;
    title: string | null;
    phone: string | null;
    partner_member_role: "admin" | "member";
    email_preferences: Record<string, boolean>;
  }>(
    tx,
    sql`select display_name, email, title, phone, partner_member_role, email_preferences from public.profiles where id = ${userId}`,
  );
  if (!row) throw new Error("Profile not found");
  return {
    displayName: row.display_name,
    email: row.email,
    title: row.title,
    phone: row.phone,
    memberRole: row.partner_member_role,
    emailPreferences: row.email_preferences ?? {},
  };
}

/** People of the same organisation (RLS limits partners to their own). */
export async function listColleagues(tx: Tx, partnerId: string): Promise<Colleague[]> {
  const found = await rows<{
    id: string;
    display_name: string;
    email: string;
    title: string | null;
    partner_member_role: "admin" | "member";
    deactivated_at: unknown;
  }>(
    tx,
    sql`select id, display_name, email, title, partner_member_role, deactivated_at from public.profiles
        where partner_id = ${partnerId} order by lower(display_name)`,
  );
  return found.map((c) => ({
    id: c.id,
    displayName: c.display_name,
    email: c.email,
    title: c.title,
    memberRole: c.partner_member_role,
    active: !c.deactivated_at,
  }));
}

/**
 * Open invitations to the caller's organisation. Partners cannot read the invitations table, so a
 * security definer function answers, deriving the organisation from the signed-in admin itself.
 */
export async function listOpenColleagueInvitations(tx: Tx) {
  const found = await rows<{ id: string; email: string; partner_member_role: "admin" | "member"; expires_at: unknown }>(
    tx,
    sql`select id, email, partner_member_role, expires_at from private.partner_colleague_invitations()`,
  );
  return found.map((i) => ({
    id: i.id,
    email: i.email,
    memberRole: i.partner_member_role,
    expiresAt: new Date(String(i.expires_at)),
  }));
}
