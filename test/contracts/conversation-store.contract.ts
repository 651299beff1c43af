import { describe, expect, it } from "vitest";
import {
  type ContactRecord,
  type ConversationStore,
  TurnAlreadyCommitted,
  type TurnCommit,
} from "../../src/core/ports";
import { freshWorld, type Opened } from "./fresh-world";

/** A conversation store with what the inbox and the outbox around it hold. */
export interface ConversationWorld {
  store: ConversationStore;
  /** A webhook update stored and waiting for its turn; its id. */
  pendingUpdate(): Promise<number>;
  /** Texts queued for one recipient, oldest first. */
  queuedTexts(externalId: string): Promise<string[]>;
}

/** What every {@link ConversationStore} promises the engine, the fake as much as the SQL store. */
export function conversationStoreContract(
  subject: string,
  open: () => Promise<Opened<ConversationWorld>>,
): void {
  describe(`${subject} keeps who people are and where they are in a conversation`, () => {
    const world = freshWorld(open);
    const store = () => world().store;
    const person = () => store().upsertContact({ channel: "telegram", externalId: "42", language: "vi" });
    const turn = async (
      contact: ContactRecord,
      change: Partial<Omit<TurnCommit, "contact">> & { texts?: string[] } = {},
    ): Promise<TurnCommit> => ({
      inboxId: change.inboxId ?? (await world().pendingUpdate()),
      contact,
      dialog: change.dialog,
      outbox: (change.texts ?? []).map((text) => ({
        channel: contact.channel,
        externalId: contact.externalId,
        contactId: contact.id,
        message: { kind: "text", text },
      })),
    });

    it("someone new gets a contact with the defaults: language as hinted, not chosen, reachable, no choices", async () => {
      const created = await store().upsertContact({
        channel: "zalo-bot",
        externalId: "zl-9",
        displayName: "Trần Văn Nam",
        language: "en",
      });
      expect(created).toMatchObject({
        channel: "zalo-bot",
        externalId: "zl-9",
        displayName: "Trần Văn Nam",
        language: "en",
        languageSet: false,
        reachable: true,
        choices: [],
      });
      expect(created.id).toEqual(expect.any(String));
      const anonymous = await store().upsertContact({
        channel: "webchat",
        externalId: "w-1",
        language: "vi",
      });
      expect(anonymous.displayName).toBeNull();
      expect(anonymous.id).not.toBe(created.id);
    });

    it("someone known comes back as stored, whatever the new message hints", async () => {
      const first = await person();
      const again = await store().upsertContact({
        channel: "telegram",
        externalId: "42",
        displayName: "Nam mới",
        language: "en",
      });
      expect(again).toEqual(first);
    });

    it("the same id on another channel is another person", async () => {
      const telegram = await person();
      const zalo = await store().upsertContact({ channel: "zalo-oa", externalId: "42", language: "vi" });
      expect(zalo.id).not.toBe(telegram.id);
    });

    it("a turn stores the contact's language, name, reachability and offered choices", async () => {
      const contact = await person();
      const changed: ContactRecord = {
        ...contact,
        language: "en",
        languageSet: true,
        displayName: "Nam",
        reachable: false,
        choices: [
          { label: "Đăng ký địa điểm", payload: "venues:start" },
          { label: "Hỏi đáp PC-Covid", payload: "faq:topic:pc-covid" },
        ],
      };
      await store().commitTurn(await turn(changed));
      expect(await person()).toEqual(changed);
    });

    it("a new contact has no dialog; a turn starts one, keeps it, and ends it", async () => {
      const contact = await person();
      expect(await store().getDialog(contact.id)).toBeNull();
      const data = { name: "Quán phở Hạnh", phones: ["+84905123456"], nested: { page: 2, done: false } };
      const before = Date.now();
      await store().commitTurn(
        await turn(contact, { dialog: { flow: "venue", step: "address", data, updatedAt: new Date(0) } }),
      );
      const started = await store().getDialog(contact.id);
      expect(started).toMatchObject({ flow: "venue", step: "address", data });
      // The store stamps when the dialog last moved: the nudges find drafts left idle by that time.
      expect(started?.updatedAt.getTime()).toBeGreaterThanOrEqual(before - 1);

      await store().commitTurn(await turn(contact, { dialog: undefined }));
      expect((await store().getDialog(contact.id))?.step).toBe("address");

      await store().commitTurn(await turn(contact, { dialog: null }));
      expect(await store().getDialog(contact.id)).toBeNull();
    });

    it("a dialog read earlier does not change when the next turn moves it on", async () => {
      const contact = await person();
      await store().commitTurn(
        await turn(contact, {
          dialog: { flow: "venue", step: "name", data: { a: 1 }, updatedAt: new Date() },
        }),
      );
      const read = await store().getDialog(contact.id);
      await store().commitTurn(
        await turn(contact, {
          dialog: { flow: "venue", step: "phone", data: { a: 2 }, updatedAt: new Date() },
        }),
      );
      expect(read).toMatchObject({ step: "name", data: { a: 1 } });
    });

    it("a turn queues its replies in order", async () => {
      const contact = await person();
      await store().commitTurn(await turn(contact, { texts: ["Chào bạn!", "Bạn vui lòng chọn một mục:"] }));
      await store().commitTurn(await turn(contact, { texts: ["Cảm ơn bạn."] }));
      expect(await world().queuedTexts("42")).toEqual([
        "Chào bạn!",
        "Bạn vui lòng chọn một mục:",
        "Cảm ơn bạn.",
      ]);
    });

    it("the same update committed twice throws TurnAlreadyCommitted and stores nothing of the second", async () => {
      const contact = await person();
      const inboxId = await world().pendingUpdate();
      await store().commitTurn(
        await turn(contact, {
          inboxId,
          texts: ["first"],
          dialog: { flow: "venue", step: "name", data: {}, updatedAt: new Date() },
        }),
      );
      const second = store().commitTurn(
        await turn(
          { ...contact, language: "en", languageSet: true },
          {
            inboxId,
            texts: ["second"],
            dialog: { flow: "venue", step: "address", data: {}, updatedAt: new Date() },
          },
        ),
      );
      await expect(second).rejects.toBeInstanceOf(TurnAlreadyCommitted);
      await expect(second).rejects.toMatchObject({ inboxId });
      expect(await world().queuedTexts("42")).toEqual(["first"]);
      expect((await store().getDialog(contact.id))?.step).toBe("name");
      expect((await person()).language).toBe("vi");
    });
  });
}
