import { describe, expect, it } from "vitest";
import type { ContactAddress, TicketStore } from "../../src/features/handover/ticket-store";
import { freshWorld, type Opened } from "./fresh-world";

/** A ticket store and a way to put a contact where it can be found (the contacts table is not the port's). */
export interface TicketWorld {
  store: TicketStore;
  addContact(id: string, address: ContactAddress): Promise<void>;
}

const T0 = new Date("2026-03-02T02:00:00Z");
const later = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

/** What every {@link TicketStore} promises the handover, fake and Prisma alike. */
export function ticketStoreContract(subject: string, open: () => Promise<Opened<TicketWorld>>): void {
  describe(`${subject} keeps tickets between people and officers`, () => {
    const world = freshWorld(open);
    const store = () => world().store;
    const ticket = (id: string, contactId: string, communeCode: string | null, at = T0) =>
      store().open({
        id,
        contactId,
        channel: "webchat",
        externalId: `ext-${contactId}`,
        language: "vi",
        communeCode,
        question: "Bao giờ có lịch tiêm nhắc lại?",
        transcript: ["tiem mui 3 o dau"],
        now: at,
      });

    it("a new ticket is open, unassigned, with the earlier questions before the question", async () => {
      const opened = await ticket("t-1", "c-1", "21040");
      expect(opened).toMatchObject({
        status: "open",
        assigneeId: null,
        firstAnsweredAt: null,
        createdAt: T0,
      });
      expect((await store().messages("t-1")).map((m) => [m.author, m.text])).toEqual([
        ["transcript", "tiem mui 3 o dau"],
        ["citizen", "Bao giờ có lịch tiêm nhắc lại?"],
      ]);
      expect((await store().findActive("c-1"))?.id).toBe("t-1");
      expect(await store().findActive("c-2")).toBeNull();
    });

    it("of two officers taking the same ticket, one wins; a closed ticket cannot be taken", async () => {
      await ticket("t-1", "c-1", "21040");
      expect(await store().assign("t-1", "o-1", null)).toBe(true);
      expect(await store().assign("t-1", "o-2", null)).toBe(false);
      expect((await store().get("t-1"))?.assigneeId).toBe("o-1");
      expect(await store().close("t-1", "citizen", later(5))).toBe(true);
      expect(await store().close("t-1", "citizen", later(6))).toBe(false);
      expect(await store().assign("t-1", null, "o-1")).toBe(false);
    });

    it("the first answer sets the first-answer time once; the person writing again reopens it; closed takes nothing", async () => {
      await ticket("t-1", "c-1", "21040");
      expect(await store().recordAnswer("t-1", "o-1", "Thứ Hai tới.", later(10))).toBe(true);
      expect(await store().recordAnswer("t-1", "o-1", "Ở trạm y tế xã.", later(20))).toBe(true);
      expect(await store().get("t-1")).toMatchObject({ status: "waiting", firstAnsweredAt: later(10) });
      expect(await store().appendCitizen("t-1", "Dạ em cảm ơn", later(30))).toBe(true);
      expect(await store().get("t-1")).toMatchObject({ status: "open", lastCitizenAt: later(30) });
      await store().close("t-1", "o-1", later(40));
      expect(await store().appendCitizen("t-1", "còn nữa", later(50))).toBe(false);
      expect(await store().recordAnswer("t-1", "o-1", "muộn", later(50))).toBe(false);
      expect((await store().messages("t-1")).map((m) => m.author)).toEqual([
        "transcript",
        "citizen",
        "officer",
        "officer",
        "citizen",
      ]);
      expect((await store().findLatest("c-1"))?.status).toBe("closed");
      expect(await store().findActive("c-1")).toBeNull();
    });

    it("a rating is kept only on a closed ticket", async () => {
      await ticket("t-1", "c-1", "21040");
      await store().rate("t-1", "up", null);
      expect((await store().get("t-1"))?.rating).toBeNull();
      await store().close("t-1", "citizen", later(1));
      await store().rate("t-1", "down", null);
      await store().rate("t-1", null, "Trả lời chậm");
      expect(await store().get("t-1")).toMatchObject({ rating: "down", ratingComment: "Trả lời chậm" });
    });

    it("lists only the communes in scope, newest first, by status and age", async () => {
      await ticket("t-bs", "c-1", "21040", T0);
      await ticket("t-vt", "c-2", "21061", later(1));
      await ticket("t-none", "c-3", null, later(2));
      const ids = async (filter: Parameters<TicketStore["list"]>[0]) =>
        (await store().list(filter)).map((t) => t.id);
      expect(await ids({ scope: null })).toEqual(["t-none", "t-vt", "t-bs"]);
      expect(await ids({ scope: ["21040"] })).toEqual(["t-bs"]);
      // A filter cannot widen a scope: another commune asked for by a scoped viewer gives nothing.
      expect(await ids({ scope: ["21040"], communes: ["21061"] })).toEqual([]);
      expect(await ids({ scope: null, createdBefore: later(1) })).toEqual(["t-bs"]);
      await store().close("t-vt", "o-1", later(3));
      expect(await ids({ scope: null, status: "closed" })).toEqual(["t-vt"]);
    });

    it("an unanswered ticket is reminded once per level", async () => {
      await ticket("t-1", "c-1", "21040");
      expect((await store().unansweredBefore(later(30), "officers")).map((t) => t.id)).toEqual(["t-1"]);
      expect(await store().markReminded("t-1", "officers", later(30))).toBe(true);
      expect(await store().markReminded("t-1", "officers", later(31))).toBe(false);
      expect(await store().unansweredBefore(later(60), "officers")).toEqual([]);
      expect((await store().unansweredBefore(later(60), "admins")).map((t) => t.id)).toEqual(["t-1"]);
    });

    it("finds where a contact is reached, and nothing for a contact it does not know", async () => {
      await world().addContact("c-1", {
        channel: "zalo-oa",
        externalId: "7700",
        language: "en",
        lastInboundAt: T0,
      });
      expect(await store().contactAddress("c-1")).toEqual({
        channel: "zalo-oa",
        externalId: "7700",
        language: "en",
        lastInboundAt: T0,
      });
      expect(await store().contactAddress("nobody")).toBeNull();
    });

    it("misses are kept per person and cleared; purge drops old closed tickets and old misses only", async () => {
      await store().recordMiss("c-1", "tiem mui 3 o dau", T0);
      await store().recordMiss("c-1", "xet nghiem o dau", later(10));
      expect(await store().missesSince("c-1", later(5))).toEqual(["xet nghiem o dau"]);
      await ticket("t-old", "c-1", "21040");
      await ticket("t-open", "c-2", "21040");
      await store().close("t-old", "citizen", later(1));
      expect(await store().purge(later(2), later(5))).toBe(1);
      expect(await store().get("t-old")).toBeNull();
      expect(await store().messages("t-old")).toEqual([]);
      expect((await store().get("t-open"))?.status).toBe("open");
      expect(await store().missesSince("c-1", T0)).toEqual(["xet nghiem o dau"]);
      await store().clearMisses("c-1");
      expect(await store().missesSince("c-1", T0)).toEqual([]);
    });

    it("a miss written again by the same turn (its process died before committing) is kept once", async () => {
      await store().recordMiss("c-1", "tiem mui 3 o dau", T0, "update-7:miss");
      await store().recordMiss("c-1", "tiem mui 3 o dau", T0, "update-7:miss");
      await store().recordMiss("c-1", "tiem mui 3 o dau", later(1));
      expect(await store().missesSince("c-1", T0)).toEqual(["tiem mui 3 o dau", "tiem mui 3 o dau"]);
    });

    it("a person's latest ticket comes back whole, dates as they were", async () => {
      await ticket("t-1", "c-1", "21040", T0);
      await ticket("t-2", "c-1", null, later(30));
      await store().assign("t-2", "o-1", null);
      await store().close("t-2", "o-1", later(45));
      const latest = await store().findLatest("c-1");
      expect(latest).toMatchObject({
        id: "t-2",
        contactId: "c-1",
        channel: "webchat",
        externalId: "ext-c-1",
        language: "vi",
        communeCode: null,
        status: "closed",
        assigneeId: "o-1",
        lastCitizenAt: later(30),
        closedAt: later(45),
        rating: null,
        createdAt: later(30),
      });
      expect(await store().findLatest("nobody")).toBeNull();
    });

    it("erasing a contact removes their tickets, messages and misses and counts them; others stay", async () => {
      await ticket("t-1", "c-1", "21040");
      await store().recordMiss("c-1", "tiem mui 3 o dau", T0);
      await ticket("t-2", "c-2", "21040");
      expect(await store().countContact("c-1")).toBe(2);
      // One ticket with two messages, and one miss.
      expect(await store().eraseContact("c-1")).toBe(4);
      expect(await store().eraseContact("c-1")).toBe(0);
      expect(await store().countContact("c-1")).toBe(0);
      expect(await store().get("t-1")).toBeNull();
      expect((await store().get("t-2"))?.contactId).toBe("c-2");
    });
  });
}
