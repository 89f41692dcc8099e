import http from "node:http";
import "next/dist/server/node-environment";
import next from "next";
import { withPeerAddress } from "./peer-address";
import { refuseUnworkableConfig } from "./startup-checks";

/**
 * The production server: Next's request handler behind a plain Node HTTP server, for one reason. Route
 * handlers never see the socket, and `next start` only fills X-Forwarded-For when the client left it out, so
 * rate limits could not tell a forged header from a real address. Here the socket peer is written into a
 * header of our own, replacing any copy the client sent (lib/http/problem.ts `clientAddress`).
 */
refuseUnworkableConfig();
const port = Number(process.env.PORT ?? "3000");
// Like `next start`: listen on every interface.
const app = next({ dev: false, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer(withPeerAddress((req, res) => handle(req, res)));
server.listen(port, () => console.log(`PartnerOS listening on port ${port}`));

const globalForClicks = globalThis as typeof globalThis & { __partnerosClickQueue?: { drain(): Promise<void> } };

/**
 * A graceful stop: no new connections, idle keep-alive sockets closed at once and live-update streams after a
 * moment (their clients reconnect to another instance). Every /r/ request already read gets its answer: it
 * waits for its click's commit (lib/referrals/click-queue.ts), which is drained before the process exits.
 */
async function stop() {
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeIdleConnections();
  const streams = setTimeout(() => server.closeAllConnections(), 2_000);
  streams.unref();
  // Let the app's own signal handlers run first.
  await new Promise((resolve) => setImmediate(resolve));
  await globalForClicks.__partnerosClickQueue?.drain().catch(() => undefined);
  await closed;
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void stop());
