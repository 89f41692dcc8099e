// GET|POST /api/cron/:job — runs one scheduled job; callable by Vercel Cron, pg_cron or any scheduler holding CRON_SECRET.
import { timingSafeEqual } from "node:crypto";
import { NextResponse } from "next/server";
import { problem } from "@/lib/http/problem";
import { isJobName, runJob } from "@/lib/jobs/registry";

export const dynamic = "force-dynamic";

function authorized(request: Request): boolean {
  const secret = process.env.CRON_SECRET;
  if (!secret) return false;
  const given = Buffer.from(request.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function handle(request: Request, { params }: { params: Promise<{ job: string }> }) {
  if (!authorized(request)) return problem(401, "A valid CRON_SECRET bearer token is required");
  const { job } = await params;
  if (!isJobName(job)) return problem(404, "No such job", { detail: `Unknown job "${job}".` });
  const result = await runJob(job);
  return NextResponse.json({ job, ...result }, { status: result.status === "succeeded" ? 200 : 500 });
}

export const GET = handle;
export const POST = handle;
