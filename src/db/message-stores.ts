import type { ConversationStore, InboxStore, OutboxStore } from "../core/ports";
import type { Database } from "./database";
import { PrismaConversationStore } from "./prisma-conversation-store";
import { PrismaInboxStore } from "./prisma-inbox-store";
import { PrismaOutboxStore } from "./prisma-outbox-store";
import { SqliteConversationStore } from "./sqlite-conversation-store";
import { SqliteInboxStore } from "./sqlite-inbox-store";
import { SqliteOutboxStore } from "./sqlite-outbox-store";

/**
 * The stores every message goes through. On the embedded database they bypass Prisma, whose per-query
 * CPU cost would otherwise sit on the thread that acknowledges webhooks (docs/adr/008-sqlite-hot-path.md);
 * on PostgreSQL the work happens in the server, and Prisma stays.
 */
export function createMessageStores(database: Database): {
  conversations: ConversationStore;
  inbox: InboxStore;
  outbox: OutboxStore;
} {
  const { db, sqlite } = database;
  if (sqlite) {
    return {
      conversations: new SqliteConversationStore(sqlite),
      inbox: new SqliteInboxStore(sqlite),
      outbox: new SqliteOutboxStore(db, sqlite),
    };
  }
  return {
    conversations: new PrismaConversationStore(db),
    inbox: new PrismaInboxStore(db),
    outbox: new PrismaOutboxStore(db),
  };
}
