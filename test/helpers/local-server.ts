import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";

/** A stand-in API listening on a free loopback port. */
export interface LocalServer {
  url: string;
  close(): Promise<void>;
}

/** Starts `app` on 127.0.0.1 and a free port (only loopback traffic in tests). */
export async function listenLocal(app: Express): Promise<LocalServer> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Polls until `predicate` holds (bots answer asynchronously); `describe` says what was seen on timeout. */
export async function waitUntil(
  predicate: () => boolean,
  timeoutMs: number,
  describe: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out; ${describe()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
