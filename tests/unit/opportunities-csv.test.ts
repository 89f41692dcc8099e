import { describe, expect, test } from "vitest";
import {
  CsvFormatError,
  FILE_FIELD,
  IGNORED_IMPORT_COLUMNS,
  IMPORT_COLUMNS,
  OPPORTUNITY_EXPORT_COLUMNS,
  ROW_FIELD,
  minorToAmount,
  parseCsv,
  toCsv,
  validateOpportunityImport,
  type ImportLookups,
} from "@/lib/opportunities/csv";

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

const lookups: ImportLookups = {
  stages: [
    { id: uuid(1), key: "lead", name: "Lead", requiredFields: [] },
    { id: uuid(2), key: "poc", name: "POC", requiredFields: ["technical_contact_name"] },
    { id: uuid(3), key: "closed_won", name: "Closed won", requiredFields: [] },
  ],
  owners: [{ id: uuid(10), email: "dana@stratus.example" }],
  isvPartners: [{ id: uuid(20), name: "Veeam" }],
  programPartners: [{ id: uuid(30), name: "BigData Boutique" }],
};

const HEADER = "customer_name,value,currency,stage,owner_email";
const OWNER = "dana@stratus.example";
const OK_ROW = `Acme,125000,USD,lead,${OWNER}`;
const csv = (...lines: string[]) => lines.join("\n") + "\n";
const errorsOf = (text: string) =>
  validateOpportunityImport(text, lookups).errors.map(({ line, field }) => `${line}:${field}`);

// Rows as "line:cell|cell" so each case fits on one line.
const flat = (rows: { line: number; cells: string[] }[]) => rows.map((r) => `${r.line}:${r.cells.join("|")}`);

describe("parseCsv", () => {
  test.each([
    ["plain", "a,b\n1,2\n", ["a", "b"], ["2:1|2"]],
    ["quoted comma", 'a,b\n"x, y",2', ["a", "b"], ["2:x, y|2"]],
    ["escaped quote", 'a\n"say ""hi"""', ["a"], ['2:say "hi"']],
    [
      "embedded newline keeps the start line",
      'a,b\n"one\ntwo",x\n3,4',
      ["a", "b"],
      ["2:one\ntwo|x", "4:3|4"],
    ],
    ["CRLF", "a,b\r\n1,2\r\n3,4\r\n", ["a", "b"], ["2:1|2", "3:3|4"]],
    ["CRLF inside quotes", 'a\r\n"x\r\ny"\r\nz', ["a"], ["2:x\r\ny", "4:z"]],
    ["BOM", "\uFEFFa,b\n1,2", ["a", "b"], ["2:1|2"]],
    ["empty cells", "a,b,c\n,,\n", ["a", "b", "c"], ["2:||"]],
    ["blank line kept in the middle", "a\n\nb\n", ["a"], ["2:", "3:b"]],
    ["header only", "a,b\n", ["a", "b"], []],
    ["empty text", "", [], []],
  ])("%s", (_name, text, header, rows) => {
    const parsed = parseCsv(text);
    expect(parsed.header).toEqual(header);
    expect(flat(parsed.rows)).toEqual(rows);
  });

  test.each([
    ['a\n"never closed', 2],
    ['a,b\n1,2\n3,"open\nstill\nopen', 3],
  ])("unterminated quote in %j is reported on line %i", (text, line) => {
    const thrown = (() => {
      try {
        parseCsv(text);
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(CsvFormatError);
    expect(thrown).toMatchObject({ line });
  });
});

describe("toCsv", () => {
  test.each([
    ["=SUM(A1:A2)", "'=SUM(A1:A2)"],
    ["+1", "'+1"],
    ["-5", "'-5"],
    ["@cmd", "'@cmd"],
    ["\tx", "'\tx"],
    ["\rx", `"'\rx"`],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ["a, b", '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["plain", "plain"],
    [-5, "-5"],
    [1250.5, "1250.5"],
    [null, ""],
    [undefined, ""],
  ])("cell %j is written as %j", (value, expected) => {
    expect(toCsv(["c"], [[value]])).toBe(`c\r\n${expected}\r\n`);
  });

  test("rejects rows that do not match the columns", () => {
    expect(() => toCsv(["a", "b"], [["1"]])).toThrow(RangeError);
  });
});

describe("validateOpportunityImport", () => {
  test("a valid row is converted with looked-up ids", () => {
    const text = csv(
      "Customer Name,Title,Value,Currency,Stage,Owner Email,ISV_Partner,referring partner,domain,expected_close_date,technical_contact_name,contact_email",
      'Acme,Renewal,"1,250.50",usd,POC,DANA@stratus.example,veeam,BigData Boutique,Data/Backup,2026-12-31,Sam,Ops@Acme.example',
    );
    const report = validateOpportunityImport(text, lookups);
    expect(report.errors).toEqual([]);
    expect(report.totalRows).toBe(1);
    expect(report.valid).toHaveLength(1);
    expect(report.valid[0]).toMatchObject({
      line: 2,
      stageId: uuid(2),
      input: {
        customerName: "Acme",
        title: "Renewal",
        valueMinor: 125050,
        currency: "USD",
        ownerId: uuid(10),
        isvPartnerId: uuid(20),
        referringPartnerId: uuid(30),
        domain: "data_backup",
        expectedCloseDate: "2026-12-31",
        technicalContactName: "Sam",
        contactEmail: "ops@acme.example",
      },
    });
  });

  test("a file with only a header has no rows and no errors", () => {
    expect(validateOpportunityImport(HEADER + "\r\n", lookups)).toEqual({
      totalRows: 0,
      valid: [],
      errors: [],
    });
  });

  // Expected errors as "line:field".
  test.each([
    ["unknown column", csv(HEADER + ",region", OK_ROW + ",EMEA"), ["1:region"]],
    [
      "missing required columns",
      csv("Customer Name,value,currency", "Acme,1,USD"),
      ["1:stage", "1:owner_email"],
    ],
    ["duplicate column", csv(HEADER + ",Value", OK_ROW + ",2"), ["1:Value"]],
    ["unknown stage", csv(HEADER, `Acme,1,USD,negotiation,${OWNER}`), ["2:stage"]],
    ["unknown owner", csv(HEADER, "Acme,1,USD,lead,nobody@stratus.example"), ["2:owner_email"]],
    ["unknown ISV partner", csv(HEADER + ",isv_partner", OK_ROW + ",Nope"), ["2:isv_partner"]],
    [
      "referrer must be a program partner",
      csv(HEADER + ",referring_partner", OK_ROW + ",Veeam"),
      ["2:referring_partner"],
    ],
    ["unknown domain", csv(HEADER + ",domain", OK_ROW + ",Gardening"), ["2:domain"]],
    ["negative value", csv(HEADER, `Acme,-5,USD,lead,${OWNER}`), ["2:value"]],
    ["non-numeric value", csv(HEADER, `Acme,lots,USD,lead,${OWNER}`), ["2:value"]],
    ["decimal comma", csv(HEADER, `Acme,"1250,50",USD,lead,${OWNER}`), ["2:value"]],
    [
      "too many decimals + long title",
      csv(HEADER + ",title", `Acme,10.5,JPY,lead,${OWNER},${"x".repeat(201)}`),
      ["2:value", "2:title"],
    ],
    ["unknown currency", csv(HEADER, `Acme,1,XYZ,lead,${OWNER}`), ["2:currency"]],
    [
      "close date out of range",
      csv(HEADER + ",expected_close_date", OK_ROW + ",1900-01-01"),
      ["2:expected_close_date"],
    ],
    [
      "malformed close date",
      csv(HEADER + ",expected_close_date", OK_ROW + ",31/12/2026"),
      ["2:expected_close_date"],
    ],
    ["malformed email", csv(HEADER + ",contact_email", OK_ROW + ",not-an-email"), ["2:contact_email"]],
    ["empty customer", csv(HEADER, ` ,1,USD,lead,${OWNER}`), ["2:customer_name"]],
    [
      "stage required field",
      csv(HEADER + ",technical_contact_name", `Acme,1,USD,poc,${OWNER},`),
      ["2:technical_contact_name"],
    ],
    ["stage required field, no column", csv(HEADER, `Acme,1,USD,POC,${OWNER}`), ["2:technical_contact_name"]],
    ["too few cells", csv(HEADER, "Acme,1,USD,lead"), [`2:${ROW_FIELD}`]],
    ["unquoted comma", csv(HEADER, `Acme, Inc,1,USD,lead,${OWNER}`), [`2:${ROW_FIELD}`]],
    ["duplicate row", csv(HEADER, OK_ROW, `acme,"125,000.00",usd,Lead,${OWNER}`), [`3:${ROW_FIELD}`]],
    ["unterminated quote", csv(HEADER, OK_ROW, `"Acme,1,USD,lead,${OWNER}`), [`3:${FILE_FIELD}`]],
    ["empty file", "", [`1:${FILE_FIELD}`]],
  ])("%s", (_name, text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });

  test("fields are named as in the file's header", () => {
    const text = csv("Customer Name,Value,Currency,Stage,Owner Email", `Acme,-5,USD,lead,${OWNER}`);
    expect(errorsOf(text)).toEqual(["2:Value"]);
  });

  test("stage required fields have a clear message", () => {
    const [error] = validateOpportunityImport(csv(HEADER, `Acme,1,USD,poc,${OWNER}`), lookups).errors;
    expect(error?.message).toBe("POC needs a technical contact");
  });

  test("every problem on a line is reported", () => {
    const text = csv(HEADER + ",contact_email,expected_close_date", ",-5,XYZ,nope,who@x.io,bad,1900-01-01");
    const fields = "customer_name value currency stage owner_email contact_email expected_close_date";
    expect(errorsOf(text)).toEqual(fields.split(" ").map((field) => `2:${field}`));
  });

  test("a mixed file returns the valid rows and reports the bad ones", () => {
    const text = [
      HEADER + ",technical_contact_name",
      `Acme,100,USD,lead,${OWNER},`,
      `Bad Co,-5,USD,lead,${OWNER},`,
      "",
      '"Multi',
      `line Ltd",2000,EUR,Closed won,${OWNER},`,
      `Globex,300,USD,poc,${OWNER},`,
      `Initech,400,JPY,poc,${OWNER},Sam`,
      "",
    ].join("\r\n");
    const report = validateOpportunityImport(text, lookups);
    expect(report.totalRows).toBe(5);
    expect(report.valid.map((v) => [v.line, v.input.customerName, v.input.valueMinor])).toEqual([
      [2, "Acme", 10000],
      [5, "Multi\r\nline Ltd", 200000],
      [8, "Initech", 400],
    ]);
    expect(errorsOf(text)).toEqual(["3:value", "7:technical_contact_name"]);
  });

  test("header-level problems are reported once, not on every row", () => {
    const report = validateOpportunityImport(
      csv(HEADER.replace(",owner_email", ""), "A,1,USD,lead"),
      lookups,
    );
    const message = "Missing required column owner_email";
    expect(report).toEqual({ totalRows: 1, valid: [], errors: [{ line: 1, field: "owner_email", message }] });
  });

  test.each([
    [5000, []],
    [5001, [`1:${FILE_FIELD}`]],
  ])("%i rows → %j", (count, expected) => {
    const text = csv(HEADER, ...Array.from({ length: count }, (_, i) => `Customer ${i},1,USD,lead,${OWNER}`));
    expect(validateOpportunityImport(text, lookups).totalRows).toBe(count);
    expect(errorsOf(text)).toEqual(expected);
  });
});

describe("export → import round trip", () => {
  test("export columns are the import columns plus the ignored ones", () => {
    expect([...OPPORTUNITY_EXPORT_COLUMNS].sort()).toEqual(
      [...IMPORT_COLUMNS, ...IGNORED_IMPORT_COLUMNS].sort(),
    );
  });

  test.each([
    [125000, "USD", "1250.00"],
    [5, "USD", "0.05"],
    [1234, "JPY", "1234"],
    [1, "BHD", "0.001"],
  ])("minorToAmount(%i, %s) = %s", (minor, currency, text) =>
    expect(minorToAmount(minor, currency)).toBe(text),
  );

  test("an export parses back and re-imports to the same values", () => {
    const record: Record<(typeof OPPORTUNITY_EXPORT_COLUMNS)[number], string | number | null> = {
      id: uuid(99),
      customer_name: '=cmd|"/c calc"!A1, "Acme"',
      title: "-5% discount",
      value: minorToAmount(125050, "USD"),
      currency: "USD",
      stage: "poc",
      stage_name: "POC",
      probability: 50,
      owner_email: "dana@stratus.example",
      owner_name: "Dana Whitfield",
      isv_partner: "Veeam",
      referring_partner: null,
      domain: "finops",
      expected_close_date: "2026-12-31",
      actual_close_date: null,
      contact_name: "Jo",
      contact_email: "jo@acme.example",
      technical_contact_name: "Sam",
      technical_contact_email: null,
      notes: 'line one\nline two, with "quotes"',
      created_at: "2026-11-21T05:09:46.178Z",
    };
    const text = toCsv(OPPORTUNITY_EXPORT_COLUMNS, [OPPORTUNITY_EXPORT_COLUMNS.map((c) => record[c])]);
    expect(text).toContain(`"'=cmd|""/c calc""!A1, ""Acme"""`);

    const parsed = parseCsv(text);
    expect(parsed.header).toEqual([...OPPORTUNITY_EXPORT_COLUMNS]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]?.cells[OPPORTUNITY_EXPORT_COLUMNS.indexOf("notes")]).toBe(record.notes);

    const report = validateOpportunityImport(text, lookups);
    expect(report.errors).toEqual([]);
    expect(report.valid[0]).toMatchObject({
      line: 2,
      stageId: uuid(2),
      input: {
        customerName: record.customer_name,
        title: record.title,
        valueMinor: 125050,
        ownerId: uuid(10),
        isvPartnerId: uuid(20),
        referringPartnerId: null,
        domain: "finops",
        notes: record.notes,
      },
    });
  });
});
