import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/*
 * Layering (README "Map of the code"): the rules are lint errors so `npm test` fails on a violation.
 * Components render data handed to them and call lib functions; they never reach the database layer.
 */
const noDbInComponents = {
  group: ["@/lib/db", "@/lib/db/**", "**/lib/db", "**/lib/db/**", "drizzle-orm", "drizzle-orm/**", "postgres", "@electric-sql/**"],
  message: "Components never import the database layer: call a function in lib/<domain>/queries.ts (or an action) and pass the data as props.",
};

// The commission engine is pure math: no I/O, no framework, no session. Persistence lives in lib/commission-records/.
const engineIsPure = [
  {
    group: ["@/lib/db", "@/lib/db/**", "@/lib/auth/**", "@/lib/commission-records/**", "**/lib/db/**", "**/commission-records/**"],
    message: "lib/commissions is the pure engine: database, auth and persistence code belong in lib/commission-records/.",
  },
  {
    group: ["next", "next/**", "server-only", "drizzle-orm", "drizzle-orm/**", "postgres", "@electric-sql/**", "node:*"],
    message: "lib/commissions is the pure engine: no framework, database driver or Node I/O imports.",
  },
  {
    // Only pure helpers outside the folder; add one here only if it imports nothing with I/O itself.
    regex: "^(@/lib/(?!(money|csv/parse|commissions/[\\w-]+)$)|\\.\\./)",
    message: "lib/commissions may import only its own files and the listed pure helpers (lib/money, lib/csv/parse).",
  },
];

// Routes stay thin: queries live in lib/<domain>/queries.ts.
const noInlineQueriesInRoutes = {
  group: ["drizzle-orm", "drizzle-orm/**", "@/lib/db/schema", "@/lib/db/schema/**", "@/lib/db/rows"],
  message: "app/ holds routes only: put the query in lib/<domain>/queries.ts and call it with the session's transaction.",
};

const layering = [
  { files: ["components/**/*.{ts,tsx}"], rules: { "no-restricted-imports": ["error", { patterns: [noDbInComponents] }] } },
  { files: ["lib/commissions/**/*.ts"], rules: { "no-restricted-imports": ["error", { patterns: engineIsPure }] } },
  {
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noInlineQueriesInRoutes] }] },
  },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...layering,
];

export default config;
