import { describe, expect, test } from "vitest";
import { COUNTRIES, countryName } from "@/lib/domain/countries";
import { bankPayoutSchema, isAbaRoutingNumber, profileStepSchema } from "@/lib/onboarding/schemas";

const bank = { accountHolder: "Northwind Advisory LLC", currency: "USD" };
const errorsOf = (input: unknown) => {
  const parsed = bankPayoutSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("country list", () => {
  test("holds every ISO code once, sorted by name", () => {
    expect(COUNTRIES.length).toBe(249);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(COUNTRIES.length);
    const names = COUNTRIES.map((c) => c.name);
    expect([...names].sort((a, b) => a.localeCompare(b, "en"))).toEqual(names);
    expect(countryName("DE")).toBe("Germany");
  });

  test.each([
    ["us", true],
    ["DE", true],
    ["XX", false],
    ["Germany", false],
  ])("country %s accepted: %s", (country, ok) => {
    const parsed = profileStepSchema.shape.country.safeParse(country);
    expect(parsed.success).toBe(ok);
  });
});

describe("bank details", () => {
  test.each([
    ["021000021", true],
    ["011000015", true],
    ["021000022", false],
    ["12345678", false],
    ["abcdefghi", false],
  ])("routing number %s valid: %s", (value, ok) => expect(isAbaRoutingNumber(value)).toBe(ok));

  test("a US account needs a valid routing number and a numeric account number", () => {
    expect(errorsOf({ ...bank, bankCountry: "US", accountNumber: "000123456789" })).toEqual({ routingNumber: "Enter the 9-digit routing number" });
    expect(errorsOf({ ...bank, bankCountry: "US", routingNumber: "021000022", accountNumber: "000123456789" }).routingNumber).toMatch(/not a valid routing number/);
    expect(errorsOf({ ...bank, bankCountry: "US", routingNumber: "021 000 021", accountNumber: "DE8937040044" }).accountNumber).toMatch(/4 to 17 digits/);
    const ok = bankPayoutSchema.parse({ ...bank, bankCountry: "US", routingNumber: "021-000-021", accountNumber: "0001 2345 6789" });
    expect(ok).toMatchObject({ routingNumber: "021000021", accountNumber: "000123456789" });
  });

  test("elsewhere an IBAN or account number, and no routing number", () => {
    expect(bankPayoutSchema.parse({ ...bank, bankCountry: "DE", accountNumber: "DE89 3704 0044 0532 0130 00" }).accountNumber).toBe("DE89370400440532013000");
    expect(errorsOf({ ...bank, bankCountry: "DE", routingNumber: "021000021", accountNumber: "DE89370400440532013000" }).routingNumber).toMatch(/US accounts only/);
    expect(errorsOf({ ...bank, bankCountry: "DE", accountNumber: "12345" }).accountNumber).toMatch(/6 to 34/);
  });
});
