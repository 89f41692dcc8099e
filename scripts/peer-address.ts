import type http from "node:http";
import { PEER_ADDRESS_HEADER } from "../lib/http/problem";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

/**
 * Wraps a request handler so it sees the TCP peer's address under PEER_ADDRESS_HEADER. Any value the client
 * sent under that name is replaced, never appended to, so it cannot be forged.
 */
export function withPeerAddress(handler: Handler): Handler {
  return (req, res) => {
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "unknown";
    return handler(req, res);
  };
}
