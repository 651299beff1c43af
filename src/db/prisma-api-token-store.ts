import type { ApiTokenRecord, ApiTokenStore } from "../features/officers/api-tokens";
import type { OfficerRecord } from "../features/officers/officer-store";
import type { Db } from "./database";
import { toOfficer } from "./prisma-officer-store";

const RECORD = {
  id: true,
  officerId: true,
  createdBy: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/** Prisma implementation of {@link ApiTokenStore}. */
export class PrismaApiTokenStore implements ApiTokenStore {
  constructor(private readonly db: Db) {}

  async create(input: {
    id: string;
    tokenHash: string;
    officerId: string;
    createdBy: string;
  }): Promise<void> {
    await this.db.officerApiToken.create({ data: input });
  }

  async findUsable(tokenHash: string): Promise<{ token: ApiTokenRecord; officer: OfficerRecord } | null> {
    const token = await this.db.officerApiToken.findUnique({ where: { tokenHash }, select: RECORD });
    if (!token || token.revokedAt) return null;
    const officer = await this.db.officer.findFirst({ where: { id: token.officerId, revokedAt: null } });
    return officer ? { token, officer: toOfficer(officer) } : null;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.db.officerApiToken.update({ where: { id }, data: { lastUsedAt: at } });
  }

  list(officerId?: string): Promise<ApiTokenRecord[]> {
    return this.db.officerApiToken.findMany({
      where: officerId ? { officerId } : {},
      select: RECORD,
      orderBy: { createdAt: "desc" },
      take: 200,
    });
  }

  findById(id: string): Promise<ApiTokenRecord | null> {
    return this.db.officerApiToken.findUnique({ where: { id }, select: RECORD });
  }

  async revoke(id: string, at: Date): Promise<boolean> {
    const { count } = await this.db.officerApiToken.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: at },
    });
    return count === 1;
  }
}
