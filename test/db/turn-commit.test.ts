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

  describe("turns that finish together commit together (group commit, the embedded database)", () => {
    const setUp = async (people: string[]) => {
      const inbox = new SqlInboxStore(db().sql);
      const store = new SqlConversationStore(db().sql, { groupCommit: true });
      const turns: TurnCommit[] = [];
      for (const person of people) {
        const { id } = await inbox.append({
          channel: "telegram",
          updateKey: `group-${person}`,
          conversationKey: `telegram:${person}`,
          payload: "{}",
        });
        const contact = await store.upsertContact({
          channel: "telegram",
          externalId: person,
          language: "vi",
        });
        turns.push({
          inboxId: id,
          contact,
          dialog: { flow: "venue", step: "name", data: {}, updatedAt: new Date() },
          outbox: [
            {
              channel: "telegram",
              externalId: person,
              contactId: contact.id,
              message: { kind: "text", text: `hello ${person}` },
            },
          ],
        });
      }
      return { inbox, store, turns };
    };
    const answered = async (turns: TurnCommit[]) =>
      (
        await db().db.outboxMessage.findMany({
          where: { contactId: { in: turns.map((t) => t.contact.id) } },
          orderBy: { id: "asc" },
        })
      ).map((m) => JSON.parse(m.body).text);

    it("three people's turns all land, each answered once", async () => {
      const { inbox, store, turns } = await setUp(["501", "502", "503"]);
      await Promise.all(turns.map((t) => store.commitTurn(t)));
      expect(await answered(turns)).toEqual(["hello 501", "hello 502", "hello 503"]);
      for (const t of turns) expect(await inbox.status(t.inboxId)).toBe("done");
    });

    it("a turn whose update was answered elsewhere fails alone; its neighbours still commit", async () => {
      const { store, turns } = await setUp(["601", "602", "603"]);
      const [first, second, third] = turns as [TurnCommit, TurnCommit, TurnCommit];
      await store.commitTurn(second);
      const results = await Promise.allSettled(
        [first, { ...second, dialog: null }, third].map((t) => store.commitTurn(t)),
      );
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(TurnAlreadyCommitted);
      expect(await answered(turns)).toEqual(["hello 602", "hello 601", "hello 603"]);
      // The second run of 602's turn changed nothing: its dialog is still the first run's.
      expect((await store.getDialog(second.contact.id))?.step).toBe("name");
    });

    it("a turn that cannot be written fails alone: the others are committed one by one", async () => {
      const { store, turns } = await setUp(["701", "702"]);
      const [first, second] = turns as [TurnCommit, TurnCommit];
      // A contact that does not exist: its dialog row breaks the foreign key, and with it the shared transaction.
      const broken: TurnCommit = { ...second, contact: { ...second.contact, id: "no-such-contact" } };
      const results = await Promise.allSettled([first, broken].map((t) => store.commitTurn(t)));
      expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected"]);
      expect(await answered(turns)).toEqual(["hello 701"]);
    });
  });
});
