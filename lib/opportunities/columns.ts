import type { OpportunityInput } from "./schemas";

/** Validated input → opportunity columns (the form, the action and CSV import share it). */
export function columnsOf(input: OpportunityInput) {
  return {
    customerName: input.customerName,
    title: input.title ?? null,
    contactName: input.contactName ?? null,
    contactEmail: input.contactEmail ?? null,
    technicalContactName: input.technicalContactName ?? null,
    technicalContactEmail: input.technicalContactEmail ?? null,
    valueMinor: input.valueMinor,
    currency: input.currency,
    ownerId: input.ownerId,
    isvPartnerId: input.isvPartnerId ?? null,
    referringPartnerId: input.referringPartnerId ?? null,
    domain: input.domain ?? null,
    expectedCloseDate: input.expectedCloseDate ?? null,
    notes: input.notes ?? null,
  };
}
