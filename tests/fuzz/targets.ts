import fs from "node:fs";
import path from "node:path";

export interface ActionTarget {
  id: string;
  name: string;
  /** A page the action is bound to: actions are called by POSTing to a page with `Next-Action: <id>`. */
  pagePath: string;
}

export interface RouteTarget {
  path: string;
  methods: string[];
  dynamic: boolean;
  group: string;
}

const METHODS = /export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|OPTIONS)\b/g;

/** "app/(portal)/portal/earnings/page" → "/portal/earnings"; dynamic segments stay as "[id]". */
function urlOf(entry: string): string {
  const parts = entry.replace(/^app\//, "").replace(/^\//, "").split("/").slice(0, -1);
  return "/" + parts.filter((p) => !/^\(.*\)$/.test(p)).join("/");
}

function groupOf(entry: string): string {
  return /\((\w+)\)/.exec(entry)?.[1] ?? "root";
}

/** Every server action of the build, from its server-reference manifest. */
export function actionTargets(dir = ".next"): ActionTarget[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const pages = Object.keys(entry.workers).map(urlOf);
    const pagePath = pages.find((p) => !p.includes("[")) ?? pages[0] ?? "/";
    return { id, name: `${entry.filename ?? "?"}#${entry.exportedName ?? "?"}`, pagePath };
  });
}

/** Pages and route handlers of the build, from its app-paths manifest; methods are read from the route's source. */
export function routeTargets(dir = ".next"): { pages: RouteTarget[]; handlers: RouteTarget[] } {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, "server/app-paths-manifest.json"), "utf8")) as Record<string, string>;
  const pages: RouteTarget[] = [];
  const handlers: RouteTarget[] = [];
  for (const entry of Object.keys(manifest)) {
    if (entry.startsWith("/_")) continue;
    const url = urlOf(entry);
    const target = { path: url === "" ? "/" : url, methods: ["GET"], dynamic: url.includes("["), group: groupOf(entry) };
    if (entry.endsWith("/page")) {
      pages.push(target);
      continue;
    }
    const source = path.join("app", `${entry.replace(/\/route$/, "")}`, "route.ts");
    if (!fs.existsSync(source)) continue; // generated (icon.svg)
    target.methods = [...fs.readFileSync(source, "utf8").matchAll(METHODS)].map((m) => m[1]!);
    if (target.methods.length) handlers.push(target);
  }
  return { pages, handlers };
}

/** Fills dynamic segments ("[id]") with one value. */
export function fill(pathname: string, segment: string): string {
  return pathname.replace(/\[[^\]]+\]/g, segment);
}
