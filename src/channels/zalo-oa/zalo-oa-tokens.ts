import type { Logger } from "../../core/logger";
import type { ZaloOAuthTokens } from "../../sdk/zalo";
import type { TokenCipher } from "./token-cipher";

/** A stored token pair, still encrypted. */
export interface StoredZaloOaToken {
  accessTokenEnc: string;
  refreshTokenEnc: string;
  expiresAt: Date;
  /** While set and in the future, one process is calling the refresh endpoint. */
  refreshingUntil: Date | null;
}

/** Storage of the OA token pair. Implemented with Prisma in src/db; tests may use the same on a fresh DB. */
export interface ZaloOaTokenRepository {
  get(id: string): Promise<StoredZaloOaToken | null>;
  /** Writes the pair unless a row exists (first-run seeding from the environment). */
  insertIfAbsent(
    id: string,
    pair: { accessTokenEnc: string; refreshTokenEnc: string; expiresAt: Date },
  ): Promise<void>;
  /** Takes the refresh lease when it is free or expired; true for exactly one concurrent caller. */
  tryLease(id: string, now: Date, until: Date): Promise<boolean>;
  /** Stores a new pair (creating the row if needed) and frees the lease. */
  save(id: string, pair: { accessTokenEnc: string; refreshTokenEnc: string; expiresAt: Date }): Promise<void>;
  releaseLease(id: string): Promise<void>;
}

/** The refresh call of the SDK's OAuth client. */
export interface ZaloOaRefresher {
  refreshAccessToken(refreshToken: string): Promise<ZaloOAuthTokens>;
}

/** No token pair is stored and none was given in the environment: the OA admin has to authorise the app. */
export class ZaloOaNotAuthorizedError extends Error {
  override readonly name = "ZaloOaNotAuthorizedError";
  constructor() {
    super(
      "Zalo OA has no token: run npm run zalo:oa:authorize -- <code> or set ZALO_OA_ACCESS_TOKEN/ZALO_OA_REFRESH_TOKEN",
    );
  }
}

export interface ZaloOaTokensOptions {
  /** Row id; one OA per deployment today. */
  id?: string;
  /** Refresh this long before expiry (zalo.md §1.6: "refresh proactively, e.g. < 1–2 h left"). */
  refreshMarginMs?: number;
  /** How long a refresh may hold the lease before others assume its process died. */
  leaseMs?: number;
  /** How often a process waiting for someone else's refresh looks again. */
  pollMs?: number;
  /** A pair to store when the table has none (ZALO_OA_ACCESS_TOKEN / ZALO_OA_REFRESH_TOKEN). */
  seed?: { accessToken: string; refreshToken: string };
  now?: () => number;
}

/**
 * Owns the OA access token. Refresh tokens are single-use and each refresh kills the previous access token
 * (zalo.md §1.6), so a refresh must happen once, and its result must be stored before anyone uses it:
 * - in one process, concurrent callers share one refresh promise;
 * - across processes, a lease row update decides who calls the endpoint; the others wait and re-read;
 * - the winner re-reads the row under the lease and skips the call when someone already refreshed.
 */
export class ZaloOaTokens {
  private readonly id: string;
  private readonly marginMs: number;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private readonly now: () => number;
  private inflight: Promise<void> | undefined;

  constructor(
    private readonly repo: ZaloOaTokenRepository,
    private readonly cipher: TokenCipher,
    private readonly oauth: ZaloOaRefresher,
    private readonly logger: Logger,
    private readonly options: ZaloOaTokensOptions = {},
  ) {
    this.id = options.id ?? "default";
    this.marginMs = options.refreshMarginMs ?? 60 * 60 * 1000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.pollMs = options.pollMs ?? 100;
    this.now = options.now ?? Date.now;
  }

  /** The current access token, refreshed first when it expires within the margin. */
  async accessToken(): Promise<string> {
    let row = await this.read();
    if (row.expiresAt.getTime() - this.now() < this.marginMs) {
      await this.refresh((r) => r.expiresAt.getTime() - this.now() < this.marginMs);
      row = await this.read();
    }
    return this.cipher.decrypt(row.accessTokenEnc, this.context("access"));
  }

  /**
   * Keeps the grant alive when nothing is sent: a refresh token unused for ~3 months dies with no way back
   * but a new authorisation (zalo.md §0.7). Run hourly; refreshes once the access token (25 h) has less than
   * `keepAliveMs` left, i.e. about once a day, before it expires. Returns the expiry after the call.
   */
  async keepAlive(keepAliveMs = 3 * 60 * 60 * 1000): Promise<Date> {
    const due = (r: StoredZaloOaToken) => r.expiresAt.getTime() - this.now() < keepAliveMs;
    if (due(await this.read())) await this.refresh(due);
    return (await this.read()).expiresAt;
  }

  /** The stored grant, or `undefined` when the OA was never authorised (for `npm run zalo:oa:status`). */
  async stored(): Promise<{ expiresAt: Date } | undefined> {
    try {
      return { expiresAt: (await this.read()).expiresAt };
    } catch (error) {
      if (error instanceof ZaloOaNotAuthorizedError) return undefined;
      throw error;
    }
  }

  /**
   * Zalo rejected `token` (-216/-220). Refreshes unless the stored token already differs — then another
   * request or process refreshed meanwhile, and the caller simply retries with the new one.
   */
  async refreshRejected(token: string): Promise<void> {
    await this.refresh((r) => this.cipher.decrypt(r.accessTokenEnc, this.context("access")) === token);
  }

  /** Stores a pair obtained outside the refresh flow (the first authorisation code exchange). */
  async store(pair: ZaloOAuthTokens): Promise<void> {
    await this.repo.save(this.id, this.encrypt(pair));
  }

  private refresh(stillNeeded: (row: StoredZaloOaToken) => boolean): Promise<void> {
    this.inflight ??= this.refreshUnderLease(stillNeeded).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async refreshUnderLease(stillNeeded: (row: StoredZaloOaToken) => boolean): Promise<void> {
    // A few rounds: a crashed holder's lease expires, then we try again ourselves.
    for (let round = 0; round < 3; round++) {
      const now = this.now();
      if (await this.repo.tryLease(this.id, new Date(now), new Date(now + this.leaseMs))) {
        try {
          const row = await this.read();
          if (!stillNeeded(row)) return;
          const next = await this.oauth.refreshAccessToken(
            this.cipher.decrypt(row.refreshTokenEnc, this.context("refresh")),
          );
          // From here the old refresh token is dead: store the new pair before anything uses it.
          await this.repo.save(this.id, this.encrypt(next)).catch((error: unknown) => {
            this.logger.error(
              { err: error },
              "zalo oa: refreshed token pair could not be stored; re-authorise the OA",
            );
            throw error;
          });
          this.logger.info({ expiresAt: new Date(next.expiresAt).toISOString() }, "zalo oa token refreshed");
          return;
        } catch (error) {
          await this.repo.releaseLease(this.id).catch(() => undefined);
          throw error;
        }
      }
      const row = await this.waitForLease();
      if (!stillNeeded(row)) return;
    }
    throw new Error("zalo oa token refresh did not complete");
  }

  /** Waits while another process holds the lease, then returns the row as it left it. */
  private async waitForLease(): Promise<StoredZaloOaToken> {
    const deadline = this.now() + this.leaseMs + this.pollMs;
    for (;;) {
      const row = await this.read();
      const until = row.refreshingUntil?.getTime() ?? 0;
      if (until <= this.now() || this.now() > deadline) return row;
      await new Promise((r) => setTimeout(r, this.pollMs));
    }
  }

  private async read(): Promise<StoredZaloOaToken> {
    let row = await this.repo.get(this.id);
    if (!row && this.options.seed) {
      // The age of a pasted access token is unknown: mark it due, so the first use refreshes it and we learn
      // the real expiry (the environment's refresh token is then spent; the database holds the live pair).
      await this.repo.insertIfAbsent(this.id, this.encrypt({ ...this.options.seed, expiresAt: this.now() }));
      row = await this.repo.get(this.id);
    }
    if (!row) throw new ZaloOaNotAuthorizedError();
    return row;
  }

  private encrypt(pair: ZaloOAuthTokens): {
    accessTokenEnc: string;
    refreshTokenEnc: string;
    expiresAt: Date;
  } {
    return {
      accessTokenEnc: this.cipher.encrypt(pair.accessToken, this.context("access")),
      refreshTokenEnc: this.cipher.encrypt(pair.refreshToken, this.context("refresh")),
      expiresAt: new Date(pair.expiresAt),
    };
  }

  private context(column: "access" | "refresh"): string {
    return `zalo-oa-token:${this.id}:${column}`;
  }
}
