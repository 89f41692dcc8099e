import {
  FILE_FIELD,
  IGNORED_IMPORT_COLUMNS,
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  REQUIRED_IMPORT_COLUMNS,
  isIgnoredColumn,
  isImportColumn,
  normalizeHeader,
  rowValidator,
  type HeaderInfo,
  type ImportColumn,
  type ImportIssue,
  type ImportLookups,
  type ImportReport,
} from "@/lib/opportunities/csv-import";
import { CsvFormatError, parseCsv } from "@/lib/csv/parse";

// Kept here for the export and import code that names it with the other CSV helpers.
export { minorToAmount } from "@/lib/money";
export {
  CsvFormatError,
  escapeCsvCell,
  parseCsv,
  toCsv,
  type CsvRow,
  type ParsedCsv,
} from "@/lib/csv/parse";
export {
  FILE_FIELD,
  IGNORED_IMPORT_COLUMNS,
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  REQUIRED_IMPORT_COLUMNS,
  ROW_FIELD,
  type ImportColumn,
  type ImportIssue,
  type ImportLookups,
  type ImportReport,
} from "@/lib/opportunities/csv-import";

type ExportColumn = (typeof IMPORT_COLUMNS)[number] | (typeof IGNORED_IMPORT_COLUMNS)[number];

/**
 * Every import column plus read-only context. The import accepts and ignores
 * id, owner_name, stage_name, probability, actual_close_date and created_at,
 * so an export can be edited and re-imported as is. `stage` holds the stage key
 * and `value` the amount in major units (see `minorToAmount`).
 */
export const OPPORTUNITY_EXPORT_COLUMNS = [
  "id",
  "customer_name",
  "title",
  "value",
  "currency",
  "stage",
  "stage_name",
  "probability",
  "owner_email",
  "owner_name",
  "isv_partner",
  "referring_partner",
  "domain",
  "expected_close_date",
  "actual_close_date",
  "contact_name",
  "contact_email",
  "technical_contact_name",
  "technical_contact_email",
  "notes",
  "created_at",
] as const satisfies readonly ExportColumn[];

function readHeader(header: string[]): HeaderInfo {
  const columns: HeaderInfo["columns"] = new Map();
  const seen = new Set<string>();
  const errors: ImportIssue[] = [];
  header.forEach((raw, index) => {
    const label = raw.trim();
    const key = normalizeHeader(raw);
    // Spreadsheets often append unnamed empty columns; there is nothing to map them to.
    if (key === "") return;
    if (seen.has(key)) {
      errors.push({ line: 1, field: label, message: `Column "${label}" appears more than once` });
      return;
    }
    seen.add(key);
    if (isImportColumn(key)) columns.set(key, { index, label });
    else if (!isIgnoredColumn(key)) {
      const message = `Unknown column "${label}": use ${IMPORT_COLUMNS.join(", ")}`;
      errors.push({ line: 1, field: label, message });
    }
  });
  const missing = new Set<ImportColumn>(REQUIRED_IMPORT_COLUMNS.filter((c) => !columns.has(c)));
  for (const column of missing) {
    errors.push({ line: 1, field: column, message: `Missing required column ${column}` });
  }
  return { columns, missing, errors };
}

/**
 * Checks a whole CSV file against the lookups without touching the database.
 * Content problems become `errors` (never exceptions); `valid` holds the rows
 * that can be inserted as they are.
 */
export function validateOpportunityImport(text: string, lookups: ImportLookups): ImportReport {
  const fileError = (line: number, message: string): ImportReport => ({
    totalRows: 0,
    valid: [],
    errors: [{ line, field: FILE_FIELD, message }],
  });
  let parsed;
  try {
    parsed = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvFormatError) return fileError(error.line, error.message);
    throw error;
  }
  if (parsed.header.every((h) => h.trim() === "")) {
    return fileError(1, "The file is empty: the first line must name the columns");
  }

  const header = readHeader(parsed.header);
  const rows = parsed.rows.filter((row) => row.cells.some((c) => c.trim() !== ""));
  const report: ImportReport = { totalRows: rows.length, valid: [], errors: [...header.errors] };
  if (rows.length > MAX_IMPORT_ROWS) {
    const [found, max] = [rows.length, MAX_IMPORT_ROWS].map((n) => n.toLocaleString("en-US"));
    report.errors.push({
      line: 1,
      field: FILE_FIELD,
      message: `The file has ${found} rows; import at most ${max} at a time`,
    });
    return report;
  }
  const validate = rowValidator(header, parsed.header.length, lookups);
  for (const row of rows) validate(row, report);
  return report;
}
