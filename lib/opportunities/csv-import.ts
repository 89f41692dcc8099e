import type { z } from "zod";
import type { CsvRow } from "@/lib/csv/parse";
import {
  DOMAINS,
  amountSchema,
  currencySchema,
  opportunityInputSchema,
  toMinor,
  type OpportunityInput,
} from "@/lib/opportunities/schemas";

export const IMPORT_COLUMNS = [
  "customer_name",
  "title",
  "value",
  "currency",
  "stage",
  "owner_email",
  "isv_partner",
  "referring_partner",
  "domain",
  "expected_close_date",
  "contact_name",
  "contact_email",
  "technical_contact_name",
  "technical_contact_email",
  "notes",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_IMPORT_COLUMNS = [
  "customer_name",
  "value",
  "currency",
  "stage",
  "owner_email",
] as const satisfies readonly ImportColumn[];

/** Export-only columns: accepted by import so an export can be re-imported, but their values are ignored. */
export const IGNORED_IMPORT_COLUMNS = [
  "id",
  "owner_name",
  "stage_name",
  "probability",
  "actual_close_date",
  "created_at",
] as const;

export const MAX_IMPORT_ROWS = 5000;
/** `field` of errors about the whole file (size, CSV syntax). */
export const FILE_FIELD = "file";
/** `field` of errors about a whole row (cell count, duplicates). */
export const ROW_FIELD = "row";

export interface ImportLookups {
  stages: { id: string; key: string; name: string; requiredFields: string[]; closed?: boolean }[];
  owners: { id: string; email: string }[];
  isvPartners: { id: string; name: string }[];
  programPartners: { id: string; name: string }[];
}

export interface ImportIssue {
  line: number;
  field: string;
  message: string;
}

export interface ImportReport {
  totalRows: number;
  valid: { line: number; stageId: string; input: OpportunityInput }[];
  errors: ImportIssue[];
}

const SCHEMA_FIELD_COLUMN: { [K in keyof z.input<typeof opportunityInputSchema>]-?: ImportColumn } = {
  customerName: "customer_name",
  title: "title",
  contactName: "contact_name",
  contactEmail: "contact_email",
  technicalContactName: "technical_contact_name",
  technicalContactEmail: "technical_contact_email",
  value: "value",
  currency: "currency",
  ownerId: "owner_email",
  isvPartnerId: "isv_partner",
  referringPartnerId: "referring_partner",
  domain: "domain",
  expectedCloseDate: "expected_close_date",
  notes: "notes",
};

const COLUMN_LABELS: Partial<Record<ImportColumn, string>> = {
  contact_name: "contact",
  technical_contact_name: "technical contact",
  isv_partner: "ISV partner",
};

export const normalizeHeader = (h: string) =>
  h
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "_");
const lower = (s: string) => s.trim().toLowerCase();
export const isImportColumn = (c: string): c is ImportColumn =>
  (IMPORT_COLUMNS as readonly string[]).includes(c);
export const isIgnoredColumn = (c: string) => (IGNORED_IMPORT_COLUMNS as readonly string[]).includes(c);

// Our own export prefixes formula-like cells with `'`; strip it so exports round-trip.
const unescapeFormula = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

// Domain labels ("Data/Backup", "Dev Platform", "FinOps") normalise to their keys, so no label table is needed here.
const domainKey = (v: string) =>
  v
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");

// The schema treats every comma as a thousands separator, so "1250,50" would silently become 125050.
const BAD_GROUPING = (v: string) =>
  v.includes(",") && !/^-?\d{1,3}(,\d{3})+(\.\d*)?$/.test(v.replace(/[\s_]/g, ""));

function amountKey(v: string): string {
  const compact = v.replace(/[,\s_]/g, "");
  const m = /^(\d+)(?:\.(\d*))?$/.exec(compact);
  if (!m?.[1]) return compact;
  const whole = m[1].replace(/^0+(?=\d)/, "");
  const fraction = (m[2] ?? "").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : whole;
}

function indexBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = lower(key(item));
    map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}

function columnForRequiredField(field: string): ImportColumn | undefined {
  const key = normalizeHeader(field);
  if (isImportColumn(key)) return key;
  const withoutId = key.replace(/_id$/, "");
  if (isImportColumn(withoutId)) return withoutId;
  if (key === "owner_id") return "owner_email";
  return undefined;
}

function withArticle(label: string) {
  return `${/^[aeiou]/i.test(label) ? "an" : "a"} ${label}`;
}

export interface HeaderInfo {
  columns: Map<ImportColumn, { index: number; label: string }>;
  missing: Set<ImportColumn>;
  errors: ImportIssue[];
}

type RowContext = ReturnType<typeof rowContext>;

function rowContext(header: HeaderInfo, width: number, lookups: ImportLookups) {
  return {
    header,
    width,
    lookups,
    stagesByKey: indexBy(lookups.stages, (s) => s.key),
    stagesByName: indexBy(lookups.stages, (s) => s.name),
    owners: indexBy(lookups.owners, (o) => o.email),
    isvPartners: indexBy(lookups.isvPartners, (p) => p.name),
    programPartners: indexBy(lookups.programPartners, (p) => p.name),
    firstLineByKey: new Map<string, number>(),
  };
}

/** Validates rows one by one; duplicates are detected across the calls of one validator. */
export function rowValidator(header: HeaderInfo, width: number, lookups: ImportLookups) {
  const ctx = rowContext(header, width, lookups);
  return (row: CsvRow, report: ImportReport) => validateRow(row, ctx, report);
}

function validateRow(row: CsvRow, ctx: RowContext, report: ImportReport) {
  const { header, lookups } = ctx;
  if (row.cells.length !== ctx.width) {
    const message = `Expected ${ctx.width} cells but found ${row.cells.length}; values containing commas must be in double quotes`;
    report.errors.push({ line: row.line, field: ROW_FIELD, message });
    return;
  }
  const cell = (column: ImportColumn) => {
    const at = header.columns.get(column);
    return at ? unescapeFormula((row.cells[at.index] ?? "").trim()).trim() : "";
  };
  const errors = new Map<string, string>();
  const fail = (field: string, message: string) => {
    if (!errors.has(field)) errors.set(field, message);
  };

  const stageText = cell("stage");
  const stage = (ctx.stagesByKey.get(lower(stageText)) ?? ctx.stagesByName.get(lower(stageText)))?.[0];
  if (!stageText) fail("stage", "Enter the stage");
  else if (!stage)
    fail("stage", `Unknown stage "${stageText}": use one of ${lookups.stages.map((s) => s.name).join(", ")}`);
  // A deal is won or lost by moving it (with the final value, close date or reason), never on import.
  if (stage?.closed) fail("stage", `${stage.name} is a closed stage; import the deal into an open stage and move it from there`);

  const ownerText = cell("owner_email");
  const owner = ctx.owners.get(lower(ownerText))?.[0];
  if (!ownerText) fail("owner_email", "Enter the owner's email");
  else if (!owner) fail("owner_email", `No user has the email ${ownerText}`);

  const partner = (column: ImportColumn, index: Map<string, { id: string }[]>, kind: string) => {
    const name = cell(column);
    if (!name) return null;
    const matches = index.get(lower(name)) ?? [];
    if (matches.length === 0) fail(column, `Unknown ${kind} "${name}"`);
    if (matches.length > 1) fail(column, `Several ${kind}s are named "${name}"; rename one first`);
    return matches.length === 1 ? (matches[0]?.id ?? null) : null;
  };
  const isvPartnerId = partner("isv_partner", ctx.isvPartners, "ISV partner");
  const referringPartnerId = partner("referring_partner", ctx.programPartners, "program partner");

  const domainText = cell("domain");
  const domain = domainText === "" ? "" : DOMAINS.find((d) => d === domainKey(domainText));
  if (domain === undefined)
    fail("domain", `Unknown domain "${domainText}": use one of ${DOMAINS.join(", ")}`);

  const value = cell("value");
  if (BAD_GROUPING(value))
    fail("value", "Use a dot for decimals and commas only between thousands, like 1,250.50");

  const input = {
    customerName: cell("customer_name"),
    title: cell("title"),
    contactName: cell("contact_name"),
    contactEmail: cell("contact_email"),
    technicalContactName: cell("technical_contact_name"),
    technicalContactEmail: cell("technical_contact_email"),
    value,
    currency: cell("currency"),
    ownerId: owner?.id ?? "",
    isvPartnerId,
    referringPartnerId,
    domain: domain ?? "",
    expectedCloseDate: cell("expected_close_date"),
    notes: cell("notes"),
  } satisfies z.input<typeof opportunityInputSchema>;
  const result = opportunityInputSchema.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const column = SCHEMA_FIELD_COLUMN[issue.path[0] as keyof typeof SCHEMA_FIELD_COLUMN] ?? ROW_FIELD;
      fail(column, issue.message);
    }
    // The schema converts to minor units only once every field is valid; check it here so it is reported now.
    if (!errors.has("value") && !errors.has("currency")) {
      const amount = amountSchema.safeParse(value);
      const currency = currencySchema.safeParse(input.currency);
      try {
        if (amount.success && currency.success) toMinor(amount.data, currency.data);
      } catch (error) {
        fail("value", error instanceof Error ? error.message : "Invalid value");
      }
    }
  }

  for (const required of stage?.requiredFields ?? []) {
    const column = columnForRequiredField(required);
    const stageName = stage?.name ?? stageText;
    if (!column)
      fail(
        "stage",
        `${stageName} needs ${required.replaceAll("_", " ")}, which cannot be imported; import into another stage`,
      );
    else if (cell(column) === "")
      fail(column, `${stageName} needs ${withArticle(COLUMN_LABELS[column] ?? column.replaceAll("_", " "))}`);
  }

  const key = [
    lower(cell("customer_name")),
    amountKey(value),
    input.currency.toUpperCase(),
    stage?.id ?? lower(stageText),
  ].join("\u0000");
  const firstLine = ctx.firstLineByKey.get(key);
  if (firstLine === undefined) ctx.firstLineByKey.set(key, row.line);
  else fail(ROW_FIELD, `Same customer, value, currency and stage as line ${firstLine}`);

  const order = (field: string) =>
    header.columns.get(field as ImportColumn)?.index ?? Number.MAX_SAFE_INTEGER;
  const reported = [...errors]
    // Required columns missing from the header are already reported once on line 1.
    .filter(([field]) => !header.missing.has(field as ImportColumn))
    .sort(([a], [b]) => order(a) - order(b));
  for (const [field, message] of reported) {
    report.errors.push({
      line: row.line,
      field: header.columns.get(field as ImportColumn)?.label ?? field,
      message,
    });
  }
  if (errors.size === 0 && result.success && stage)
    report.valid.push({ line: row.line, stageId: stage.id, input: result.data });
}
