import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TokenCipher } from "../../../src/channels/zalo-oa/token-cipher";
import { ZaloOaTokens } from "../../../src/channels/zalo-oa/zalo-oa-tokens";
import { silentLogger } from "../../../src/core/logger";
import { type Database, openDatabase } from "../../../src/db/database";
import { PrismaZaloOaTokenRepository } from "../../../src/db/prisma-zalo-oa-token-repository";
import type { ZaloOAuthTokens } from "../../../src/sdk/zalo";
import { freshDatabaseUrl } from "../../helpers/test-database";

/** A stand-in token endpoint that rotates like Zalo's: each refresh token works once. */
class RotatingRefresher {
  calls = 0;
  failNext = false;
  /** Zalo's clock: the new pair is valid 25 h from now. */
  clock = () => Date.now();
  private live = new Set(["ref-0"]);
  private serial = 0;

  async refreshAccessToken(refreshToken: string): Promise<ZaloOAuthTokens> {
    this.calls += 1;
    await new Promise((r) => setTimeout(r, 150));
    if (this.failNext || !this.live.delete(refreshToken)) {
      this.failNext = false;
      throw new Error("refresh token invalid");
    }
    this.serial += 1;
    this.live.add(`ref-${this.serial}`);
    return {
      accessToken: `acc-${this.serial}`,
      refreshToken: `ref-${this.serial}`,
      expiresAt: this.clock() + 90_000_000,
    };
  }
}

describe("Zalo OA tokens shared by several processes", () => {
  const cipher = new TokenCipher(Buffer.alloc(32, 3));
  let database: Database;
  let refresher: RotatingRefresher;
  /** Each instance has its own repository and in-process state, like a separate server process. */
  const aProcess = () =>
    new ZaloOaTokens(new PrismaZaloOaTokenRepository(database.db), cipher, refresher, silentLogger, {
      pollMs: 20,
    });

  beforeAll(async () => {
    database = openDatabase(await freshDatabaseUrl());
  });
  afterAll(async () => {
    await database.close();
  });
  beforeEach(async () => {
    refresher = new RotatingRefresher();
    await aProcess().store({ accessToken: "acc-0", refreshToken: "ref-0", expiresAt: Date.now() - 1 });
  });

  it("a due token is refreshed exactly once when two processes and two requests ask at the same time", async () => {
    const a = aProcess();
    const b = aProcess();
    const tokens = await Promise.all([a.accessToken(), b.accessToken(), a.accessToken(), b.accessToken()]);
    expect(refresher.calls).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(["acc-1"]));
  });

  it("a token rejected in two processes is refreshed once; a late rejection of the old token refreshes nothing", async () => {
    await aProcess().store({
      accessToken: "acc-0",
      refreshToken: "ref-0",
      expiresAt: Date.now() + 90_000_000,
    });
    const a = aProcess();
    const b = aProcess();
    await Promise.all([a.refreshRejected("acc-0"), b.refreshRejected("acc-0")]);
    expect(refresher.calls).toBe(1);
    await aProcess().refreshRejected("acc-0");
    expect(refresher.calls).toBe(1);
    expect(await a.accessToken()).toBe("acc-1");
  });

  it("a failed refresh frees the lease and keeps the stored pair, so the next attempt can succeed", async () => {
    refresher.failNext = true;
    await expect(aProcess().accessToken()).rejects.toThrow("refresh token invalid");
    const row = await database.db.zaloOaToken.findUnique({ where: { id: "default" } });
    expect(row?.refreshingUntil).toBeNull();
    expect(await aProcess().accessToken()).toBe("acc-1");
  });

  it("stores the pair encrypted, bound to its column", async () => {
    const row = await database.db.zaloOaToken.findUnique({ where: { id: "default" } });
    expect(row?.accessTokenEnc).not.toContain("acc-0");
    expect(row?.refreshTokenEnc).not.toContain("ref-0");
    expect(() => cipher.decrypt(row?.accessTokenEnc ?? "", "zalo-oa-token:default:refresh")).toThrow();
    expect(() =>
      new TokenCipher(Buffer.alloc(32, 4)).decrypt(row?.accessTokenEnc ?? "", "zalo-oa-token:default:access"),
    ).toThrow();
  });

  it("an idle OA keeps its grant: the hourly upkeep refreshes about once a day, before the token expires", async () => {
    let now = Date.now();
    refresher.clock = () => now;
    const tokens = new ZaloOaTokens(
      new PrismaZaloOaTokenRepository(database.db),
      cipher,
      refresher,
      silentLogger,
      {
        pollMs: 20,
        now: () => now,
      },
    );
    await tokens.store({ accessToken: "acc-0", refreshToken: "ref-0", expiresAt: now + 25 * 3_600_000 });
    // 25 hours of hourly checks with no message sent at all.
    const refreshedAt: number[] = [];
    for (let hour = 0; hour <= 25; hour++) {
      const before = refresher.calls;
      const expiresAt = await tokens.keepAlive();
      if (refresher.calls > before) refreshedAt.push(hour);
      expect(expiresAt.getTime()).toBeGreaterThan(now);
      now += 3_600_000;
    }
    // Refreshed once, 23 h in (less than 3 h left), never after expiry; the new token is the one in use.
    expect(refreshedAt).toEqual([23]);
    expect(await tokens.accessToken()).toBe("acc-1");
  });
});
