import { describe, expect, it } from "vitest";
import type { ConversationEngine } from "../../src/core/conversation-engine";
import { InboxProcessor } from "../../src/core/inbox-processor";
import { silentLogger } from "../../src/core/logger";
import type { Inbound } from "../../src/core/messages";
import type { InboxRecord, InboxStore } from "../../src/core/ports";

/** An inbox in memory whose next append can be held, as a slow sync to disk would hold it. */
function memoryInbox() {
  const rows: (InboxRecord & { status: string; receivedAt: Date })[] = [];
  let hold: Promise<void> | undefined;
  const inbox: InboxStore = {
    async append(input) {
      await hold;
      const id = rows.length + 1;
      rows.push({ ...input, id, attempts: 0, status: "pending", receivedAt: new Date() });
      return { id, duplicate: false };
    },
    async pendingFor(key, limit) {
      return rows.filter((r) => r.conversationKey === key && r.status === "pending").slice(0, limit);
    },
    async pendingConversations(_limit, receivedBefore) {
      const waiting = rows.filter(
        (r) => r.status === "pending" && (!receivedBefore || r.receivedAt < receivedBefore),
      );
      return [...new Set(waiting.map((r) => r.conversationKey))];
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
    rows,
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

/** A processor whose turns run `turn` and mark the update done (one conversation at a time, as on SQLite). */
function processorWith(inbox: InboxStore, turn: (inboxId: number) => Promise<void>): InboxProcessor {
  const engine = {
    async handle(inboxId: number) {
      await turn(inboxId);
      await inbox.markDone(inboxId);
    },
  } as unknown as ConversationEngine;
  const parse = () => ({ event: { type: "text", text: "hi" } }) as unknown as Inbound;
  return new InboxProcessor(inbox, engine, { webchat: parse }, silentLogger, () => {}, 1);
}

describe("inbox processor", () => {
  it("stores and acknowledges an arriving webhook before it starts the next turn", async () => {
    const { inbox, holdAppends } = memoryInbox();
    const log: string[] = [];
    const processor = processorWith(inbox, async (inboxId) => {
      log.push(`turn ${inboxId}`);
    });
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

  it("the periodic sweep leaves a fresh update to the process that stored it, and retries its own failures", async () => {
    const { inbox, rows } = memoryInbox();
    const turns: number[] = [];
    let failNext = true;
    const processor = processorWith(inbox, async (inboxId) => {
      if (failNext) {
        failNext = false;
        throw new Error("database unreachable");
      }
      turns.push(inboxId);
    });
    // Another process stored this one a moment ago and is working on it.
    await inbox.append({ channel: "webchat", updateKey: "theirs", conversationKey: "b", payload: "{}" });
    const aMinuteAgo = new Date(Date.now() - 60_000);
    expect(await processor.sweep(aMinuteAgo)).toBe(0);

    // Ours fails once (storage down): the next sweep retries it although it is just as fresh.
    await processor.accept({ channel: "webchat", updateKey: "ours", conversationKey: "a", payload: "{}" });
    await ticks(10);
    expect(turns).toEqual([]);
    expect(await processor.sweep(aMinuteAgo)).toBe(1);
    expect(turns).toEqual([2]);

    // Left over for a minute (its process died), anyone's sweep takes it.
    const theirs = rows.find((r) => r.updateKey === "theirs");
    if (theirs) theirs.receivedAt = new Date(Date.now() - 120_000);
    expect(await processor.sweep(aMinuteAgo)).toBe(1);
    expect(turns).toEqual([2, 1]);
    await processor.stop();
  });
});
