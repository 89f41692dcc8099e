"use server";

import { and, asc, inArray, isNull, ne, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { defineAction } from "@/lib/actions/safe-action";
import { partners, profiles, stages } from "@/lib/db/schema";
import { recalculateAfterChange } from "@/lib/opportunities/after-change";
import { columnsOf } from "./columns";
import { insertOpportunityRows } from "./create";
import { validateOpportunityImport, type ImportIssue } from "./csv";

const importSchema = z.strictObject({
  csv: z.string().max(5_000_000, { error: "The file is larger than 5 MB" }),
  mode: z.enum(["preview", "valid-only", "all-or-nothing"]),
});

export interface ImportOutcome {
  totalRows: number;
  validRows: number;
  imported: number;
  errors: ImportIssue[];
}

/**
 * Validates a CSV of opportunities line by line. `preview` writes nothing; `valid-only` imports the
 * valid rows; `all-or-nothing` imports only when every row is valid. Writes are one transaction.
 */
export const importOpportunitiesAction = defineAction({
  roles: ["vp", "sales_manager", "partnership_manager"],
  schema: importSchema,
  handler: async ({ csv, mode }, { tx, user }): Promise<ImportOutcome> => {
    const [stageRows, ownerRows, partnerRows] = await Promise.all([
      tx.select({ id: stages.id, key: stages.key, name: stages.name, requiredFields: stages.requiredFields, closed: sql<boolean>`${stages.isWon} or ${stages.isLost}` }).from(stages).orderBy(asc(stages.position)),
      tx.select({ id: profiles.id, email: profiles.email }).from(profiles).where(and(ne(profiles.role, "partner"), isNull(profiles.deactivatedAt), inArray(profiles.role, ["vp", "sales_manager", "partnership_manager"]))),
      tx.select({ id: partners.id, name: partners.name, kind: partners.kind }).from(partners),
    ]);
    const report = validateOpportunityImport(csv, {
      stages: stageRows,
      owners: ownerRows,
      isvPartners: partnerRows.filter((p) => p.kind !== "program"),
      programPartners: partnerRows.filter((p) => p.kind !== "isv"),
    });
    const errors = [...report.errors];
    let valid = report.valid;
    if (user.role !== "vp") {
      const foreign = valid.filter((v) => v.input.ownerId !== user.id);
      for (const row of foreign) errors.push({ line: row.line, field: "owner_email", message: "You can import only opportunities you own" });
      valid = valid.filter((v) => v.input.ownerId === user.id);
    }
    errors.sort((a, b) => a.line - b.line);
    const outcome: ImportOutcome = { totalRows: report.totalRows, validRows: valid.length, imported: 0, errors };
    if (mode === "preview" || valid.length === 0 || (mode === "all-or-nothing" && errors.length > 0)) return outcome;

    const inserted = await insertOpportunityRows(
      tx,
      valid.map((v, i) => ({ ...columnsOf(v.input), stageId: v.stageId, position: String(1_000_000 + i), createdBy: user.id })),
    );
    // Imported cards go to the bottom of their columns.
    await tx.execute(sql`update public.opportunities o set position = p.max_pos + 1024 * o.position / 1000000
      from (select stage_id, coalesce(max(position) filter (where position < 1000000), 0) as max_pos from public.opportunities group by stage_id) p
      where o.stage_id = p.stage_id and o.id in ${sql`(${sql.join(inserted.map((i) => sql`${i.id}`), sql`, `)})`}`);
    await recalculateAfterChange(tx, inserted.map((o) => o.id));
    revalidatePath("/pipeline");
    return { ...outcome, imported: inserted.length };
  },
});
