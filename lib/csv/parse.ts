export class CsvFormatError extends Error {
  readonly line: number;

  constructor(message: string, line: number) {
    super(message);
    this.name = "CsvFormatError";
    this.line = line;
  }
}

export interface CsvRow {
  /** 1-based physical line where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  header: string[];
  rows: CsvRow[];
}

/**
 * RFC 4180 parser. Lone CR is also accepted as a line break because older
 * spreadsheet exports still produce it. Blank lines in the middle are kept
 * (as a single empty cell) so callers decide whether to skip them.
 */
export function parseCsv(text: string): ParsedCsv {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRow[] = [];
  let cells: string[] = [];
  let field = "";
  let atFieldStart = true;
  let line = 1;
  let recordLine = 1;
  let i = 0;

  // Length of the line break at `at` (0 if none), so CRLF counts as one physical line.
  const breakAt = (at: number) =>
    src[at] === "\r" ? (src[at + 1] === "\n" ? 2 : 1) : src[at] === "\n" ? 1 : 0;

  while (i < src.length) {
    const ch = src[i];
    if (atFieldStart && ch === '"') {
      const quoteLine = line;
      let start = ++i;
      for (;;) {
        if (i >= src.length)
          throw new CsvFormatError(
            `The quoted field starting on line ${quoteLine} is never closed`,
            quoteLine,
          );
        if (src[i] === '"') {
          field += src.slice(start, i);
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            start = i;
            continue;
          }
          i++;
          break;
        }
        const width = breakAt(i);
        if (width > 0) {
          line++;
          i += width;
        } else {
          i++;
        }
      }
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (ch === ",") {
      cells.push(field);
      field = "";
      atFieldStart = true;
      i++;
      continue;
    }
    const width = breakAt(i);
    if (width > 0) {
      cells.push(field);
      records.push({ line: recordLine, cells });
      cells = [];
      field = "";
      atFieldStart = true;
      i += width;
      line++;
      recordLine = line;
      continue;
    }
    field += ch;
    i++;
  }
  // A final line break does not start another (empty) record.
  if (!atFieldStart || cells.length > 0) {
    cells.push(field);
    records.push({ line: recordLine, cells });
  }

  const [first, ...rows] = records;
  return { header: first?.cells ?? [], rows };
}

// Spreadsheets evaluate cells starting with these as formulas (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCsvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text =
    typeof value === "number"
      ? Number.isFinite(value)
        ? String(value)
        : ""
      : FORMULA_START.test(value)
        ? `'${value}`
        : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 output with CRLF line endings; string cells that look like formulas get a leading `'`. */
export function toCsv(
  columns: readonly string[],
  rows: readonly (readonly (string | number | null | undefined)[])[],
): string {
  return [columns, ...rows]
    .map((cells, index) => {
      if (cells.length !== columns.length)
        throw new RangeError(`Row ${index} has ${cells.length} cells, expected ${columns.length}`);
      return cells.map(escapeCsvCell).join(",") + "\r\n";
    })
    .join("");
}
