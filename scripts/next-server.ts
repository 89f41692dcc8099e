import http from "node:http";
import next from "next";
import { withPeerAddress } from "./peer-address";

/**
 * The production server: Next's request handler behind a plain Node HTTP server, for one reason. Route
 * handlers never see the socket, and `next start` only fills X-Forwarded-For when the client left it out, so
 * rate limits could not tell a forged header from a real address. Here the socket peer is written into a
 * header of our own, replacing any copy the client sent (lib/http/problem.ts `clientAddress`).
 */
const port = Number(process.env.PORT ?? "3000");
// Like `next start`: listen on every interface.
const app = next({ dev: false, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer(withPeerAddress((req, res) => handle(req, res)));
server.listen(port, () => console.log(`PartnerOS listening on port ${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
