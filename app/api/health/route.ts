// GET /api/health — app and database status for load balancers and uptime checks.
import { NextResponse } from "next/server";
import { getConnection } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export async function GET() {
  const started = performance.now();
  try {
    const conn = await getConnection();
    const [row] = await conn.query<{ version: string }>(
      "select max(version) as version from supabase_migrations.schema_migrations",
    );
    return NextResponse.json(
      {
        status: "ok",
        app: { version: process.env.npm_package_version ?? "0.1.0" },
        database: { status: "ok", engine: conn.engine, schemaVersion: row?.version ?? null, latencyMs: Math.round((performance.now() - started) * 10) / 10 },
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return NextResponse.json(
      { status: "degraded", app: { version: process.env.npm_package_version ?? "0.1.0" }, database: { status: "unreachable", error: error instanceof Error ? error.message : String(error) } },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
