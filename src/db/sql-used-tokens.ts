import { createHash } from "node:crypto";
import type { UsedTokens } from "../http/checkin/used-tokens";
import type { Db } from "./database";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * {@link UsedTokens} in the `UsedFormToken` table. Only hashes: the phone is hashed together with the token,
 * so a row cannot be matched to a number without that very token. Expired rows are swept now and then by
 * the claims themselves.
 */
export class SqlUsedTokens implements UsedTokens {
  private claims = 0;

  constructor(
    private readonly db: Db,
    private readonly lifetimeMs: number,
  ) {}

  async claim(token: string, phone: string, now: number): Promise<boolean> {
    const tokenHash = sha256(token);
    const phoneHash = sha256(`${token}\u0000${phone}`);
    const at = new Date(now);
    const expiresAt = new Date(now + this.lifetimeMs);
    if (++this.claims % 100 === 0)
      await this.db.usedFormToken.deleteMany({ where: { expiresAt: { lte: at } } });
    const inserted = await this.db.usedFormToken
      .createMany({ data: [{ tokenHash, phoneHash, expiresAt }] })
      .then(
        (r) => r.count === 1,
        (error: unknown) => {
          if ((error as { code?: string }).code === "P2002") return false;
          throw error;
        },
      );
    if (inserted) return true;
    // Taken over only once expired, in one conditional update: of two processes racing, one wins.
    const renewed = await this.db.usedFormToken.updateMany({
      where: { tokenHash, expiresAt: { lte: at } },
      data: { phoneHash, expiresAt },
    });
    if (renewed.count === 1) return true;
    const seen = await this.db.usedFormToken.findUnique({ where: { tokenHash } });
    return seen?.phoneHash === phoneHash;
  }
}
