import { afterEach, describe, expect, test } from "vitest";
import { accountBackoffSeconds } from "@/lib/auth/rate-limit";
import { clientAddress, PEER_ADDRESS_HEADER } from "@/lib/http/problem";

const request = (headers: Record<string, string>) => new Request("http://localhost/", { headers });

afterEach(() => {
  delete process.env.TRUSTED_PROXY_HOPS;
});

describe("clientAddress", () => {
  test.each([
    // [TRUSTED_PROXY_HOPS, X-Forwarded-For, peer, expected]
    [undefined, "203.0.113.7", "192.0.2.1", "192.0.2.1"],
    ["0", "203.0.113.7, 10.0.0.1", "192.0.2.1", "192.0.2.1"],
    [undefined, "203.0.113.7", undefined, "unknown"],
    ["1", "203.0.113.7", "10.0.0.2", "203.0.113.7"],
    ["1", "6.6.6.6, 203.0.113.7", "10.0.0.2", "203.0.113.7"],
    ["2", "6.6.6.6, 203.0.113.7, 10.0.0.3", "10.0.0.2", "203.0.113.7"],
    // Fewer entries than proxies: the request skipped a proxy, so nothing in the header is trusted.
    ["2", "6.6.6.6", "10.0.0.2", "10.0.0.2"],
    ["1", "", "10.0.0.2", "10.0.0.2"],
    // A value that is not a whole number of hops is treated as no proxy.
    ["one", "6.6.6.6", "192.0.2.1", "192.0.2.1"],
    ["-1", "6.6.6.6", "192.0.2.1", "192.0.2.1"],
  ])("hops %s, X-Forwarded-For %j, peer %s -> %s", (hops, forwarded, peer, expected) => {
    if (hops !== undefined) process.env.TRUSTED_PROXY_HOPS = hops;
    const headers: Record<string, string> = {};
    if (forwarded) headers["x-forwarded-for"] = forwarded;
    if (peer) headers[PEER_ADDRESS_HEADER] = peer;
    expect(clientAddress(request(headers))).toBe(expected);
  });

  test("X-Real-IP, which any client can send, is never used", () => {
    expect(clientAddress(request({ "x-real-ip": "6.6.6.6" }))).toBe("unknown");
  });
});

describe("accountBackoffSeconds", () => {
  test.each([
    [0, 0],
    [9, 0],
    [10, 60],
    [11, 120],
    [12, 240],
    [14, 900],
    [40, 900],
  ])("after %i failures wait %i s", (failures, seconds) => {
    expect(accountBackoffSeconds(failures)).toBe(seconds);
  });
});

describe("the production server's peer address", () => {
  test("replaces a forged peer header with the socket address, which clientAddress then uses", async () => {
    const http = await import("node:http");
    const { withPeerAddress } = await import("../../scripts/peer-address");
    const server = http.createServer(
      withPeerAddress((req, res) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
        res.end(clientAddress(new Request("http://local/", { headers })));
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as { port: number };
      const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "7.7.7.7" } });
      expect(await response.text()).toBe("127.0.0.1");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
