import { randomBytes } from "node:crypto";
import type { MediaStore } from "../core/ports";
import type { Db } from "./database";

/** Prisma implementation of {@link MediaStore}. Ids are 128-bit random, so URLs cannot be guessed. */
export class PrismaMediaStore implements MediaStore {
  constructor(private readonly db: Db) {}

  async put(input: { data: Buffer; filename: string; contentType: string; ttlMs: number }): Promise<string> {
    const id = randomBytes(16).toString("base64url");
    await this.db.media.create({
      data: {
        id,
        data: new Uint8Array(input.data),
        filename: input.filename,
        contentType: input.contentType,
        expiresAt: new Date(Date.now() + input.ttlMs),
      },
    });
    return id;
  }

  async get(id: string, now: Date): Promise<{ data: Buffer; filename: string; contentType: string } | null> {
    const row = await this.db.media.findUnique({ where: { id } });
    if (!row || row.expiresAt <= now) return null;
    return { data: Buffer.from(row.data), filename: row.filename, contentType: row.contentType };
  }

  async deleteExpired(now: Date): Promise<number> {
    const { count } = await this.db.media.deleteMany({ where: { expiresAt: { lte: now } } });
    return count;
  }
}
