import type { ConversationStore, InboxStore, OutboxStore } from "../core/ports";
import type { Database } from "./database";
import { SqlConversationStore } from "./sql-conversation-store";
import { SqlInboxStore } from "./sql-inbox-store";
import { SqlOutboxStore } from "./sql-outbox-store";

/**
 * The stores every message goes through, in plain SQL on either database: Prisma's per-query CPU cost
 * would otherwise bound how many updates a process can acknowledge and answer
 * (docs/adr/008-sqlite-hot-path.md).
 */
export function createMessageStores(database: Database): {
  conversations: ConversationStore;
  inbox: InboxStore;
  outbox: OutboxStore;
} {
  return {
    conversations: new SqlConversationStore(database.sql, { groupCommit: database.provider === "sqlite" }),
    inbox: new SqlInboxStore(database.sql),
    outbox: new SqlOutboxStore(database.db, database.sql),
  };
}
