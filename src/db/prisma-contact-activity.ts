import type { ChannelId } from "../core/messages";
import type { Db } from "./database";

/** When a contact last wrote (any inbound event), read right before a send that depends on it. */
export function contactActivity(db: Db): (channel: ChannelId, externalId: string) => Promise<Date | null> {
  return async (channel, externalId) =>
    (
      await db.contact.findUnique({
        where: { channel_externalId: { channel, externalId } },
        select: { lastInboundAt: true },
      })
    )?.lastInboundAt ?? null;
}
