import type { StoredZaloOaToken, ZaloOaTokenRepository } from "../channels/zalo-oa/zalo-oa-tokens";
import type { Db } from "./database";

/** Prisma implementation of {@link ZaloOaTokenRepository}. */
export class PrismaZaloOaTokenRepository implements ZaloOaTokenRepository {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<StoredZaloOaToken | null> {
    const row = await this.db.zaloOaToken.findUnique({ where: { id } });
    return row
      ? {
          accessTokenEnc: row.accessTokenEnc,
          refreshTokenEnc: row.refreshTokenEnc,
          expiresAt: row.expiresAt,
          refreshingUntil: row.refreshingUntil,
        }
      : null;
  }

  async insertIfAbsent(
    id: string,
    pair: { accessTokenEnc: string; refreshTokenEnc: string; expiresAt: Date },
  ): Promise<void> {
    // createMany + skipDuplicates is not available on SQLite; two processes seeding at once both land on
    // the primary key, and the loser's unique violation just means "already there".
    try {
      await this.db.zaloOaToken.create({ data: { id, ...pair } });
    } catch (error) {
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }

  async tryLease(id: string, now: Date, until: Date): Promise<boolean> {
    // One conditional UPDATE: atomic on both SQLite and PostgreSQL, so exactly one process wins.
    const { count } = await this.db.zaloOaToken.updateMany({
      where: { id, OR: [{ refreshingUntil: null }, { refreshingUntil: { lt: now } }] },
      data: { refreshingUntil: until },
    });
    return count === 1;
  }

  async save(
    id: string,
    pair: { accessTokenEnc: string; refreshTokenEnc: string; expiresAt: Date },
  ): Promise<void> {
    await this.db.zaloOaToken.upsert({
      where: { id },
      create: { id, ...pair },
      update: { ...pair, refreshingUntil: null },
    });
  }

  async releaseLease(id: string): Promise<void> {
    await this.db.zaloOaToken.updateMany({ where: { id }, data: { refreshingUntil: null } });
  }
}
