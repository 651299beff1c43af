import { describe, expect, it } from "vitest";
import { percentile, ticketFigures } from "../../../src/features/handover/ticket-figures";
import type { TicketRecord } from "../../../src/features/handover/ticket-store";

const now = new Date("2026-12-02T03:00:00Z");
const minutes = (n: number) => new Date(now.getTime() - n * 60_000);
const ticket = (fields: Partial<TicketRecord>): TicketRecord => ({
  id: "t",
  contactId: "c",
  channel: "webchat",
  externalId: "s",
  language: "vi",
  communeCode: "21040",
  status: "open",
  question: "?",
  assigneeId: null,
  firstAnsweredAt: null,
  lastCitizenAt: now,
  closedAt: null,
  rating: null,
  ratingComment: null,
  remindedOfficersAt: null,
  remindedAdminsAt: null,
  createdAt: now,
  ...fields,
});

describe("the inbox's figures", () => {
  it("time to first answer: median and 90th percentile over answered tickets only", () => {
    const answeredAfter = [5, 10, 20, 30, 40, 50, 60, 70, 80, 600];
    const tickets = answeredAfter.map((m) =>
      ticket({ createdAt: minutes(1000), firstAnsweredAt: minutes(1000 - m) }),
    );
    tickets.push(ticket({ createdAt: minutes(2000) }));
    const figures = ticketFigures(tickets, now);
    expect(figures.firstAnswerMedianMinutes).toBe(40);
    expect(figures.firstAnswerP90Minutes).toBe(80);
    expect(figures.unansweredOverDay).toBe(1);
  });

  it("counts per commune, ratings, and nothing answered gives no median", () => {
    const figures = ticketFigures(
      [ticket({ rating: "up", status: "closed" }), ticket({ communeCode: null, rating: "down" }), ticket({})],
      now,
    );
    expect([...figures.perCommune]).toEqual([
      ["21040", 2],
      [null, 1],
    ]);
    expect(figures.ratings).toEqual({ up: 1, down: 1 });
    expect(figures.firstAnswerMedianMinutes).toBeNull();
    expect(percentile([], 0.5)).toBeNull();
  });
});
