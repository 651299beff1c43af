import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaTicketStore } from "../../src/db/prisma-ticket-store";
import { startTestServer, type TestServer } from "../helpers/test-server";

const DAY = 24 * 60 * 60 * 1000;

describe("tickets are personal data: kept TICKET_RETENTION_DAYS after closing, erased with the person", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ TICKET_RETENTION_DAYS: "30" });
  });
  afterAll(() => server.stop());

  const open = (store: PrismaTicketStore, id: string, contactId: string, now: Date) =>
    store.open({
      id,
      contactId,
      channel: "webchat",
      externalId: `s-${contactId}`,
      language: "vi",
      communeCode: "21040",
      question: "Cho hỏi lịch tiêm ở đâu",
      transcript: ["hỏi trước đó"],
      now,
    });

  it("a closed ticket goes 30 days after closing with its messages; an open one stays however old", async () => {
    const store = new PrismaTicketStore(server.database.db);
    const now = new Date();
    await open(store, "t-closed", "c-1", now);
    await open(store, "t-open", "c-2", now);
    await store.close("t-closed", "citizen", now);
    await store.recordMiss("c-3", "một câu hỏi", now);

    expect((await server.purge(new Date(now.getTime() + 29 * DAY))).messages.tickets).toBe(0);
    expect(await server.database.db.handoverMiss.count()).toBe(0);
    expect((await server.purge(new Date(now.getTime() + 31 * DAY))).messages.tickets).toBe(1);
    expect(await server.database.db.ticket.findMany({ select: { id: true } })).toEqual([{ id: "t-open" }]);
    expect(await server.database.db.ticketMessage.count({ where: { ticketId: "t-closed" } })).toBe(0);
    expect((await server.purge(new Date(now.getTime() + 400 * DAY))).messages.tickets).toBe(0);
  });

  it("eraseContact removes a person's tickets, their messages and their unanswered questions, nobody else's", async () => {
    const store = new PrismaTicketStore(server.database.db);
    const now = new Date();
    await open(store, "t-erase-1", "c-erase", now);
    await open(store, "t-erase-2", "c-erase", now);
    await store.recordMiss("c-erase", "câu hỏi", now);
    const before = await server.database.db.ticket.count();
    // Two tickets, two messages each (the transcript line and the question), one miss.
    expect(await store.eraseContact("c-erase")).toBe(7);
    expect(await server.database.db.ticket.count()).toBe(before - 2);
    expect(await store.eraseContact("c-erase")).toBe(0);
  });
});
