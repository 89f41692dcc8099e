import { randomUUID } from "node:crypto";

/** The bad values every field is tried with: stored-text breakers, sizes, signs, magnitudes, types and ids. */
export const NUL = "fuzz\u0000text";
export const LONE_SURROGATE = "fuzz\uD800text";
export const MEGABYTE = "x".repeat(1 << 20);
export const UNKNOWN_UUID = randomUUID();

export interface BadValue {
  name: string;
  value: unknown;
}

export function badValues(foreignIds: readonly string[]): BadValue[] {
  return [
    { name: "nul", value: NUL },
    { name: "lone surrogate", value: LONE_SURROGATE },
    { name: "1 MB string", value: MEGABYTE },
    { name: "negative amount", value: -100 },
    { name: "negative amount text", value: "-100.50" },
    { name: "huge amount", value: "99999999999999999999999999" },
    { name: "huge number", value: 1e308 },
    { name: "wrong type (boolean)", value: true },
    { name: "wrong type (object)", value: { nested: NUL } },
    { name: "unknown uuid", value: UNKNOWN_UUID },
    ...foreignIds.slice(0, 2).map((id) => ({ name: "foreign uuid", value: id })),
  ];
}

/** Whole bodies that are not what any endpoint expects. */
export const BAD_JSON_BODIES: { name: string; body: string }[] = [
  { name: "malformed json", body: '{"a": ' },
  { name: "json string", body: '"just a string"' },
  { name: "json array", body: "[1, 2, 3]" },
  { name: "json null", body: "null" },
];

/** Dynamic segment values: malformed percent-encoding, NUL, an encoded lone surrogate, unknown and foreign ids. */
export const BAD_SEGMENTS = ["%E0%A4%A", "%zz", "%", "%00", "%ED%A0%80", UNKNOWN_UUID];

/** A query string every page and GET handler receives. */
export const BAD_QUERY = "?q=%00&status=%ED%A0%80&page=-1&min=-5&max=99999999999999999999&view=%zz&from=2026-13-45&tables=%00";

/** The other view-state names pages read, each with a NUL, an encoded lone surrogate or a malformed value. */
export const BAD_QUERY_2 =
  "?tab=%00&partner=%00&period=%ED%A0%80&direction=%00&currency=%00&week=2026-99-99&scope=%00&role=%00&priority=%00&next=%00&holding=%00&category=%00&search=%00&to=%00&type=%00&version=-1&tier=%00&team=%00&skill=%00&phase=%00&compare=%00&email=%00&token=%00&step=%00&format=%00";

/** One object with every discovered field set to the same value. */
export function withAll(fields: readonly string[], value: unknown): Record<string, unknown> {
  return Object.fromEntries(fields.map((f) => [f, value]));
}
