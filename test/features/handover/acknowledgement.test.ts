import { describe, expect, it } from "vitest";
import { acknowledges } from "../../../src/features/handover/acknowledgement";
import type { TicketMessageRecord } from "../../../src/features/handover/ticket-store";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 2, minute));
let id = 0;
const line = (author: TicketMessageRecord["author"], minute: number): TicketMessageRecord => ({
  id: ++id,
  author,
  officerId: author === "officer" ? "officer-1" : null,
  text: "…",
  createdAt: at(minute),
});

describe("which of a waiting person's messages are acknowledged", () => {
  it("the first after the opening question, not the burst that follows it", () => {
    const opened = [line("transcript", 0), line("citizen", 1)];
    expect(acknowledges(opened, at(2))).toBe(true);
    expect(acknowledges([...opened, line("citizen", 2)], at(3))).toBe(false);
    expect(acknowledges([...opened, line("citizen", 2), line("citizen", 3)], at(4))).toBe(false);
  });

  it("the first after each officer answer", () => {
    const answered = [line("citizen", 0), line("citizen", 1), line("officer", 5)];
    expect(acknowledges(answered, at(6))).toBe(true);
    expect(acknowledges([...answered, line("citizen", 6)], at(7))).toBe(false);
  });

  it("again after half an hour of silence, when the person may wonder whether anyone is there", () => {
    const waiting = [line("citizen", 0), line("citizen", 1)];
    expect(acknowledges(waiting, at(20))).toBe(false);
    expect(acknowledges(waiting, at(31))).toBe(true);
  });
});
