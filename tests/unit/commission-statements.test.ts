import { describe, expect, test } from "vitest";
import { forecastCsv, statementCsv } from "@/lib/commissions/statement-csv";
import {
  bucketOf,
  convertTotals,
  differenceOf,
  summarizeForecast,
  summarizeStatement,
  type ForecastAggregate,
} from "@/lib/commissions/statement-math";
import {
  forecastMonths,
  parseCommissionParams,
  parsePeriod,
  periodChoices,
} from "@/lib/commissions/statement-periods";
import type { FxRate } from "@/lib/commissions/types";
import { parseCsv } from "@/lib/opportunities/csv";

const RATES: FxRate[] = [
  { date: "2026-09-30", from: "EUR", to: "USD", rate: "1.1000000000" },
  { date: "2027-01-04", from: "EUR", to: "USD", rate: "1.5" },
  { date: "2026-12-01", from: "USD", to: "JPY", rate: "150" },
];

describe("periods", () => {
  test.each([
    [
      "2026-Q4",
      { key: "2026-Q4", kind: "quarter", start: "2026-10-01", end: "2026-12-31", label: "Q4 2026" },
    ],
    [
      "2026-Q1",
      { key: "2026-Q1", kind: "quarter", start: "2026-01-01", end: "2026-03-31", label: "Q1 2026" },
    ],
    ["2026-11", { key: "2026-11", kind: "month", start: "2026-11-01", end: "2026-11-30", label: "Nov 2026" }],
    ["2024-02", { key: "2024-02", kind: "month", start: "2024-02-01", end: "2024-02-29", label: "Feb 2024" }],
  ])("%s", (key, expected) => {
    expect(parsePeriod(key, "2026-05-05")).toEqual(expected);
  });

  test.each([undefined, "", "2026-13", "2026-Q5", "1999-Q1", "2026-4", "Q4 2026"])(
    "%o falls back to the current quarter",
    (key) => {
      expect(parsePeriod(key, "2026-05-05").key).toBe("2026-Q2");
    },
  );

  test("the picker keeps a chosen period outside its range", () => {
    const choices = periodChoices("2026-05-05", parsePeriod("2019-Q3", "2026-05-05"));
    expect(choices.quarters[0]!.key).toBe("2026-Q4");
    expect(choices.quarters.map((p) => p.key)).toContain("2019-Q3");
    expect(choices.months[0]!.key).toBe("2026-08");
  });

  test("the forecast window is twelve months from the current one, across the year end", () => {
    const months = forecastMonths("2026-11-15");
    expect(months).toHaveLength(12);
    expect([months[0]!.start, months.at(-1)!.end]).toEqual(["2026-11-01", "2027-10-31"]);
  });

  test("URL parameters: malformed values fall back instead of failing", () => {
    expect(
      parseCommissionParams(
        { tab: "nope", partner: "x; drop table", direction: "both", period: ["2026-11", "2026-Q1"] },
        "2026-05-05",
      ),
    ).toMatchObject({
      tab: "statements",
      partner: undefined,
      direction: undefined,
      period: { key: "2026-11" },
    });
    const id = "0E0A0F1C-1111-4222-8333-444455556666";
    expect(
      parseCommissionParams({ tab: "receipts", partner: id, direction: "payable" }, "2026-05-05"),
    ).toMatchObject({
      tab: "receipts",
      partner: id.toLowerCase(),
      direction: "payable",
    });
  });
});

describe("conversion to USD", () => {
  test("each currency at its latest rate on or before the date; a missing rate is named and left out of the total", () => {
    const converted = convertTotals(
      { GBP: 5_000, EUR: 10_000, USD: 2_500, JPY: 15_000, CHF: 0 },
      "2026-12-31",
      RATES,
    );
    expect(converted.rows).toEqual([
      { currency: "USD", amountMinor: 2_500, convertedMinor: 2_500, rate: "1", rateDate: null },
      { currency: "EUR", amountMinor: 10_000, convertedMinor: 11_000, rate: "1.1", rateDate: "2026-09-30" },
      { currency: "GBP", amountMinor: 5_000, convertedMinor: null, rate: null, rateDate: null },
      { currency: "JPY", amountMinor: 15_000, convertedMinor: 10_000, rate: "1/150", rateDate: "2026-12-01" },
    ]);
    expect(converted).toMatchObject({ asOf: "2026-12-31", totalMinor: 23_500, missing: ["GBP"] });
  });

  test("a rate dated after the period end is not used; before any rate, nothing converts", () => {
    expect(convertTotals({ EUR: 10_000 }, "2027-01-31", RATES).totalMinor).toBe(15_000);
    expect(convertTotals({ EUR: 10_000 }, "2026-01-31", RATES)).toMatchObject({
      totalMinor: 0,
      missing: ["EUR"],
    });
  });

  test.each([
    [{ num: 1n, den: 2n }, 1],
    [{ num: -1n, den: 2n }, -1],
    [{ num: 3n, den: 4n }, 1],
  ])("an exact amount %o rounds once, half away from zero", (ratio, expected) => {
    expect(convertTotals({ USD: ratio }, "2026-12-31", RATES).rows[0]!.convertedMinor).toBe(expected);
  });
});

describe("statement buckets", () => {
  test.each([
    ["receivable", "one_time", "forecast", null],
    ["receivable", "one_time", "earned", "expected"],
    ["receivable", "one_time", "paid", "expected"],
    ["receivable", "clawback", "earned", "expected"],
    ["payable", "one_time", "earned", "owed"],
    ["payable", "one_time", "approved", "owed"],
    ["payable", "one_time", "paid", "paid"],
    ["payable", "one_time", "clawed_back", "paid"],
    ["payable", "clawback", "earned", "clawback"],
    ["payable", "one_time", "forecast", null],
  ] as const)("%s %s %s → %s", (direction, kind, status, bucket) => {
    expect(bucketOf({ direction, kind, status })).toBe(bucket);
  });

  test("expected nets clawbacks; a vendor with receipts but no line still shows; differences per currency", () => {
    const base = { partnerId: "a", partnerName: "Acme", direction: "receivable" as const, kind: "one_time" };
    const { receivable, payable } = summarizeStatement(
      [
        { ...base, status: "earned", currency: "USD", amountMinor: 1_000 },
        { ...base, kind: "clawback", status: "earned", currency: "USD", amountMinor: -200 },
        { ...base, status: "paid", currency: "EUR", amountMinor: 500 },
      ],
      [
        { partnerId: "a", partnerName: "Acme", currency: "USD", amountMinor: 700 },
        { partnerId: "b", partnerName: "Beta", currency: "GBP", amountMinor: 50 },
      ],
    );
    expect(payable).toEqual([]);
    expect(receivable).toEqual([
      {
        partnerId: "a",
        partnerName: "Acme",
        expected: { USD: 800, EUR: 500 },
        received: { USD: 700 },
        difference: { USD: -100, EUR: -500 },
      },
      { partnerId: "b", partnerName: "Beta", expected: {}, received: { GBP: 50 }, difference: { GBP: 50 } },
    ]);
    expect(differenceOf({}, {})).toEqual({});
  });
});

describe("forecast", () => {
  test("weighted amounts add exactly and round once per month and currency", () => {
    const rows: ForecastAggregate[] = [
      { month: "2026-12", direction: "receivable", currency: "USD", amountMinor: 1, amountTimesPercent: 50n },
      { month: "2026-12", direction: "receivable", currency: "USD", amountMinor: 1, amountTimesPercent: 50n },
      {
        month: "2026-12",
        direction: "payable",
        currency: "EUR",
        amountMinor: 1_000,
        amountTimesPercent: 25_000n,
      },
    ];
    // Two lines of 1 cent at 50% are 1 cent together, not 2 (rounded per line).
    const summary = summarizeForecast(rows, "2026-11-20", RATES);
    const december = summary.months.find((m) => m.key === "2026-12")!;
    expect(summary.months).toHaveLength(12);
    expect(december.receivable.weighted.totalMinor).toBe(1);
    expect(december.receivable.amount.totalMinor).toBe(2);
    expect(december.payable.weighted).toMatchObject({ asOf: "2026-12-31", totalMinor: 275 });
    expect(summary.subtotals.payable).toEqual({ EUR: { amountMinor: 1_000, weightedMinor: 250 } });
  });

  test("overdue lines get their own bucket, first", () => {
    const rows: ForecastAggregate[] = [
      {
        month: "overdue",
        direction: "payable",
        currency: "USD",
        amountMinor: 100,
        amountTimesPercent: 1_000n,
      },
    ];
    const summary = summarizeForecast(rows, "2026-11-20", RATES);
    expect(summary.months[0]).toMatchObject({
      key: "overdue",
      payable: { weighted: { totalMinor: 10, asOf: "2026-11-20" } },
    });
  });
});

describe("CSV", () => {
  const line = {
    id: "l1",
    partnerName: "=cmd|' /C calc'!A0",
    direction: "receivable",
    customerName: "@SUM(1+1)",
    dealTitle: null,
    label: "Clawback, refund",
    kind: "clawback",
    status: "earned",
    dueDate: "2026-11-02",
    amountMinor: -12_345,
    currency: "GBP",
  };

  test("statement: formulas are neutralised, negative amounts stay numeric, unconvertible USD is blank", () => {
    const csv = parseCsv(
      statementCsv(
        [line, { ...line, id: "l2", currency: "EUR", amountMinor: 100 }],
        parsePeriod("2026-Q4", "2026-11-20"),
        RATES,
      ),
    );
    const cell = (row: number, name: string) => csv.rows[row]!.cells[csv.header.indexOf(name)];
    expect(cell(0, "partner")).toBe("'=cmd|' /C calc'!A0");
    expect(cell(0, "customer")).toBe("'@SUM(1+1)");
    expect(cell(0, "line")).toBe("Clawback, refund");
    expect(cell(0, "amount")).toBe("-123.45");
    expect(cell(0, "usd_amount")).toBe("");
    expect(cell(1, "usd_amount")).toBe("1.1");
    expect(cell(1, "usd_rate_date")).toBe("2026-09-30");
  });

  test("forecast: weighted per line, converted at the due month's last day", () => {
    const csv = parseCsv(
      forecastCsv(
        [
          {
            ...line,
            currency: "EUR",
            amountMinor: 10_000,
            probability: 25,
            stageName: "Demo",
            dueDate: "2027-01-10",
          },
        ],
        "2026-11-20",
        RATES,
      ),
    );
    const cell = (name: string) => csv.rows[0]!.cells[csv.header.indexOf(name)];
    expect([
      cell("amount"),
      cell("weighted_amount"),
      cell("usd_amount"),
      cell("usd_weighted_amount"),
      cell("usd_rate_date"),
    ]).toEqual(["100", "25", "150", "37.5", "2027-01-04"]);
  });
});
