import type { ChannelId } from "../../src/core/messages";
import { MEDIA_TTL_MS } from "../../src/core/renderer";
import { PrismaMediaStore } from "../../src/db/prisma-media-store";
import { SqlOutboxStore } from "../../src/db/sql-outbox-store";
import { renderQrPng } from "../../src/features/venues/render/qr-png";
import type { RunningServer } from "../../src/server";

/**
 * Queues a generated venue QR image (or a PDF document) for one recipient, the way a feature's reply would
 * reach the outbox, and wakes the dispatcher. Returns the bytes and media id for assertions.
 */
export async function queueMedia(
  server: RunningServer,
  to: { channel: ChannelId; externalId: string },
  kind: "image" | "document",
): Promise<{ mediaId: string; data: Buffer }> {
  const { db } = server.database;
  const data =
    kind === "image"
      ? await renderQrPng("https://binhson.example.vn/c/ABCD2345EF", { size: 256 })
      : Buffer.from("%PDF-1.4\n% poster\n");
  const filename = kind === "image" ? "ma-qr.png" : "poster.pdf";
  const contentType = kind === "image" ? "image/png" : "application/pdf";
  const mediaId = await new PrismaMediaStore(db).put({ data, filename, contentType, ttlMs: MEDIA_TTL_MS });
  await new SqlOutboxStore(db, server.database.sql).enqueue([
    {
      ...to,
      contactId: null,
      message: { kind, mediaId, filename, contentType, caption: "Mã QR của quán" },
    },
  ]);
  server.dispatcher.notify();
  return { mediaId, data };
}
