import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { sql } from "drizzle-orm";
import { jwtVerify } from "jose";
import { WebSocketServer, type WebSocket } from "ws";
import type { Connection } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";

/**
 * A local stand-in for Supabase Realtime: the Phoenix channels protocol over WebSocket at
 * `/realtime/v1/websocket` (serializer 1.0.0 objects and 2.0.0 arrays), just enough for
 * `@supabase/realtime-js` private broadcast channels:
 * - `phx_join` with `config.private` and `access_token`: the token is verified with the project's JWT
 *   secret, then the join is authorised the way Supabase does it — a probe row in realtime.messages is
 *   read back as the token's user with `realtime.topic` set, so the RLS policy of the migration
 *   (private.realtime_may_join) decides. `phx_reply` ok or error.
 * - `access_token` replaces a channel's token (verified again), `phx_leave`, `heartbeat`.
 * - broadcasts written by the triggers (`realtime.send`, emulated by {@link installRealtimeSchema})
 *   are relayed to the sockets joined to their topic as `broadcast` events.
 */

/**
 * The part of Supabase's realtime schema the migration uses: realtime.messages (RLS on), realtime.topic()
 * and realtime.send(), which here also NOTIFYs the test server (Supabase relays through replication).
 * Then applies the realtime migration again, so its Supabase-only half runs as it does on Supabase.
 */
export async function installRealtimeSchema(conn: Connection): Promise<void> {
  await conn.execScript(`
    create schema if not exists realtime;
    create table if not exists realtime.messages (
      id bigint generated always as identity primary key,
      topic text not null,
      extension text not null,
      payload jsonb,
      event text,
      private boolean default false,
      inserted_at timestamptz not null default now()
    );
    grant usage on schema realtime to anon, authenticated, service_role;
    grant select on realtime.messages to authenticated;
    create or replace function realtime.topic() returns text language sql stable
      as $$ select nullif(current_setting('realtime.topic', true), '') $$;
    grant execute on function realtime.topic() to anon, authenticated;
    create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true) returns void
    language plpgsql as $$
    begin
      insert into realtime.messages (payload, event, topic, private, extension) values (payload, event, topic, private, 'broadcast');
      perform pg_notify('realtime_test_send', json_build_object('topic', topic, 'event', event, 'payload', payload, 'private', private)::text);
    end
    $$;
  `);
  const file = (await fs.readdir(path.join(process.cwd(), "supabase", "migrations"))).find((f) => f.endsWith("_realtime_broadcast.sql"));
  if (!file) throw new Error("the realtime migration is missing");
  await conn.execScript(await fs.readFile(path.join(process.cwd(), "supabase", "migrations", file), "utf8"));
}

interface Message {
  join_ref: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: Record<string, unknown>;
}

interface Member {
  socket: WebSocket;
  vsn: string;
  joinRef: string | null;
  /** The channel topic without realtime-js's `realtime:` prefix. */
  topic: string;
  claims: Record<string, unknown>;
}

export interface RealtimeJoin {
  topic: string;
  userId: string | null;
  ok: boolean;
  reason?: string;
}

export interface RealtimeTestServer {
  url: string;
  /** Every join asked for, in order, with the answer. */
  joins: RealtimeJoin[];
  /** Broadcasts relayed (topic, event, payload). */
  relayed: { topic: string; event: string; payload: unknown }[];
  close(): Promise<void>;
}

class Refused extends Error {}

export async function startRealtimeServer(options: { conn: Connection; jwtSecret: string; apiKey: string; port?: number }): Promise<RealtimeTestServer> {
  const { conn } = options;
  const secret = new TextEncoder().encode(options.jwtSecret);
  const members = new Set<Member>();
  const joins: RealtimeJoin[] = [];
  const relayed: RealtimeTestServer["relayed"] = [];

  const encode = (vsn: string, m: Message) =>
    vsn === "1.0.0" ? JSON.stringify(m) : JSON.stringify([m.join_ref, m.ref, m.topic, m.event, m.payload]);
  const decode = (vsn: string, raw: string): Message | null => {
    try {
      const value: unknown = JSON.parse(raw);
      if (vsn !== "1.0.0" && Array.isArray(value)) {
        const [join_ref, ref, topic, event, payload] = value as [string | null, string | null, string, string, Record<string, unknown>];
        return { join_ref, ref, topic, event, payload: payload ?? {} };
      }
      return value as Message;
    } catch {
      return null;
    }
  };
  const reply = (socket: WebSocket, vsn: string, m: Message, status: "ok" | "error", response: Record<string, unknown> = {}) =>
    socket.send(encode(vsn, { join_ref: m.join_ref, ref: m.ref, topic: m.topic, event: "phx_reply", payload: { status, response } }));

  const verify = async (token: unknown) => {
    if (typeof token !== "string" || !token) throw new Refused("Unauthorized: a private channel needs an access token");
    try {
      return (await jwtVerify(token, secret, { algorithms: ["HS256"] })).payload as Record<string, unknown>;
    } catch (error) {
      throw new Refused(`Unauthorized: invalid access token (${(error as Error).message})`);
    }
  };

  /** Supabase's read check: a probe message of the topic, read back as the user with realtime.topic set, then rolled back. */
  const mayRead = async (topic: string, claims: Record<string, unknown>) => {
    let ok = false;
    await conn.db
      .transaction(async (tx) => {
        const [probe] = await rows<{ id: string }>(
          tx,
          sql`insert into realtime.messages (topic, extension, private, event, payload) values (${topic}, 'broadcast', true, 'probe', '{}') returning id`,
        );
        await tx.execute(sql`set local role authenticated`);
        await tx.execute(sql`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`);
        await tx.execute(sql`select set_config('realtime.topic', ${topic}, true)`);
        ok = (await rows(tx, sql`select id from realtime.messages where id = ${probe!.id}`)).length > 0;
        throw new Refused("rollback");
      })
      .catch((error: unknown) => {
        if (!(error instanceof Refused)) throw error;
      });
    return ok;
  };

  const stopListening = await conn.listen("realtime_test_send", (raw) => {
    let message: { topic: string; event: string; payload: unknown; private: boolean };
    try {
      message = JSON.parse(raw) as typeof message;
    } catch {
      return;
    }
    relayed.push({ topic: message.topic, event: message.event, payload: message.payload });
    for (const m of members) {
      if (m.topic !== message.topic) continue;
      m.socket.send(
        encode(m.vsn, {
          join_ref: m.joinRef,
          ref: null,
          topic: `realtime:${m.topic}`,
          event: "broadcast",
          payload: { type: "broadcast", event: message.event, payload: message.payload },
        }),
      );
    }
  });

  const server = http.createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({ noServer: true });
  server.on("upgrade", (req, socket, head) => {
    const url = new URL(req.url ?? "/", "http://realtime");
    if (url.pathname !== "/realtime/v1/websocket" || url.searchParams.get("apikey") !== options.apiKey) {
      socket.end("HTTP/1.1 401 Unauthorized\r\n\r\n");
      return;
    }
    const vsn = url.searchParams.get("vsn") ?? "1.0.0";
    wss.handleUpgrade(req, socket, head, (ws) => {
      ws.on("message", (data) => void handle(ws, vsn, data.toString()));
      ws.on("close", () => {
        for (const m of members) if (m.socket === ws) members.delete(m);
      });
    });
  });

  const handle = async (socket: WebSocket, vsn: string, raw: string) => {
    const m = decode(vsn, raw);
    if (!m) return;
    const topic = m.topic.replace(/^realtime:/, "");
    if (m.topic === "phoenix" && m.event === "heartbeat") return reply(socket, vsn, m, "ok");
    if (m.event === "phx_join") {
      const config = (m.payload.config ?? {}) as { private?: boolean };
      let claims: Record<string, unknown> | null = null;
      try {
        if (config.private !== true) throw new Refused("This server only serves private channels");
        claims = await verify(m.payload.access_token);
        if (!(await mayRead(topic, claims))) throw new Refused(`Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`);
        for (const old of members) if (old.socket === socket && old.topic === topic) members.delete(old);
        members.add({ socket, vsn, joinRef: m.join_ref ?? m.ref, topic, claims });
        joins.push({ topic, userId: typeof claims.sub === "string" ? claims.sub : null, ok: true });
        return reply(socket, vsn, m, "ok", { postgres_changes: [] });
      } catch (error) {
        if (!(error instanceof Refused)) throw error;
        joins.push({ topic, userId: typeof claims?.sub === "string" ? claims.sub : null, ok: false, reason: error.message });
        return reply(socket, vsn, m, "error", { reason: error.message });
      }
    }
    if (m.event === "access_token") {
      for (const member of members) {
        if (member.socket !== socket || member.topic !== topic) continue;
        try {
          member.claims = await verify(m.payload.access_token);
        } catch {
          members.delete(member);
        }
      }
      return;
    }
    if (m.event === "phx_leave") {
      for (const member of members) if (member.socket === socket && member.topic === topic) members.delete(member);
      return reply(socket, vsn, m, "ok");
    }
    if (m.ref) return reply(socket, vsn, m, "ok");
  };

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    joins,
    relayed,
    async close() {
      await stopListening();
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
