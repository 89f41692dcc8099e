import "server-only";
import { sql } from "drizzle-orm";
import type { Connection } from "@/lib/db/connection";
import { rows, withSystem } from "@/lib/db/session";
import { autoApproveApplication, sendApplicationReceipt } from "./approve";
import type { ExperienceLevel } from "./schemas";

/**
 * After a partner sign-up commits. The database turned the new organisation into a pending application
 * (a trigger on its admin's profile); this sends the applicant's receipt and applies the auto-approve
 * rule, exactly as for an application from the program page. Safe to repeat.
 */
export async function followUpSignupApplication(conn: Connection, email: string) {
  return withSystem(
    "portal.signup-application",
    async (tx) => {
      const [app] = await rows<{
        id: string;
        email: string;
        contact_name: string;
        company: string;
        experience: ExperienceLevel;
        website: string | null;
      }>(
        tx,
        sql`select id, email, contact_name, company, experience, website from public.partner_applications
            where lower(email) = lower(${email}) and source = 'signup' and status = 'pending'`,
      );
      if (!app) return "none" as const;
      await sendApplicationReceipt(tx, { id: app.id, email: app.email, contactName: app.contact_name, company: app.company });
      return autoApproveApplication(tx, app.id, app);
    },
    conn,
  );
}
