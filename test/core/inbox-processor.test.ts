import { describe, expect, it } from "vitest";
import type { ConversationEngine } from "../../src/core/conversation-engine";
import { InboxProcessor } from "../../src/core/inbox-processor";
import { silentLogger } from "../../src/core/logger";
import type { Inbound } from "../../src/core/messages";
import type { InboxRecord, InboxStore } from "../../src/core/ports";

/** An inbox in memory whose next append can be held, as a slow sync to disk would hold it. */
function memoryInbox() {
  const rows: (InboxRecord & { status: string })[] = [];
  let hold: Promise<void> | undefined;
  const inbox: InboxStore = {
    async append(input) {
      await hold;
      const id = rows.length + 1;
      rows.push({ ...input, id, attempts: 0, status: "pending" });
      return { id, duplicate: false };
    },
    async pendingFor(key, limit) {
      return rows.filter((r) => r.conversationKey === key && r.status === "pending").slice(0, limit);
    },
    async pendingConversations() {
      return [...new Set(rows.filter((r) => r.status === "pending").map((r) => r.conversationKey))];
    },
    async markFailed() {},
    async markDone(id) {
      const row = rows.find((r) => r.id === id);
      if (row) row.status = "done";
    },
    async status(id) {
      return rows.find((r) => r.id === id)?.status ?? null;
    },
  };
  return {
    inbox,
    holdAppends() {
      let release!: () => void;
      hold = new Promise((r) => {
        release = r;
      });
      return () => {
        hold = undefined;
        release();
      };
    },
  };
}

const ticks = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
};

describe("inbox processor", () => {
  it("stores and acknowledges an arriving webhook before it starts the next turn", async () => {
    const { inbox, holdAppends } = memoryInbox();
    const log: string[] = [];
    const engine = {
      async handle(inboxId: number) {
        log.push(`turn ${inboxId}`);
        await inbox.markDone(inboxId);
      },
    } as unknown as ConversationEngine;
    const processor = new InboxProcessor(
      inbox,
      engine,
      { webchat: (record) => ({ payload: record.payload }) as unknown as Inbound },
      silentLogger,
      () => {},
      1,
    );
    const update = (n: number) => ({
      channel: "webchat" as const,
      updateKey: `u${n}`,
      conversationKey: `chat-${n}`,
      payload: "{}",
    });

    await processor.accept(update(1));
    // Another person's message arrives while the first one's turn waits for its turn on the event loop.
    const release = holdAppends();
    const second = processor.accept(update(2)).then(() => log.push("ack 2"));
    await ticks(10);
    expect(log).toEqual([]);

    release();
    await second;
    await ticks(10);
    expect(log).toEqual(["ack 2", "turn 1", "turn 2"]);
    await processor.stop();
  });
});
