import { describe, expect, it } from "vitest";
import { TurnAlreadyCommitted, type TurnCommit } from "../../src/core/ports";
import { SqlConversationStore } from "../../src/db/sql-conversation-store";
import { SqlInboxStore } from "../../src/db/sql-inbox-store";
import { useFreshDatabase } from "../helpers/fresh-database";

// Several processes on one PostgreSQL database may both run a turn for the same update (a sweep racing
// the process that stored it); only one of them may answer. Runs on SQLite, and on PostgreSQL in CI.
describe("a turn commits once per update", () => {
  const db = useFreshDatabase();

  it("the second commit of the same update stores nothing and says so", async () => {
    const inbox = new SqlInboxStore(db().sql);
    const store = new SqlConversationStore(db().sql);
    const { id } = await inbox.append({
      channel: "telegram",
      updateKey: "777",
      conversationKey: "telegram:42",
      payload: "{}",
    });
    const contact = await store.upsertContact({ channel: "telegram", externalId: "42", language: "vi" });
    const turn = (text: string, step: string): TurnCommit => ({
      inboxId: id,
      contact,
      dialog: { flow: "venue", step, data: {}, updatedAt: new Date() },
      outbox: [
        { channel: "telegram", externalId: "42", contactId: contact.id, message: { kind: "text", text } },
      ],
    });

    await store.commitTurn(turn("first", "name"));
    await expect(store.commitTurn(turn("second", "address"))).rejects.toBeInstanceOf(TurnAlreadyCommitted);

    const sent = await db().db.outboxMessage.findMany({ where: { externalId: "42" } });
    expect(sent.map((m) => JSON.parse(m.body).text)).toEqual(["first"]);
    expect((await store.getDialog(contact.id))?.step).toBe("name");
    expect(await inbox.status(id)).toBe("done");
  });
});
