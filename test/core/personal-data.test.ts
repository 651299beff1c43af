import { describe, expect, it } from "vitest";
import { countAll, eraseAll, type PersonalDataHolder } from "../../src/core/personal-data";

const subject = { contactId: "c1", channel: "webchat" as const, externalId: "w1" };

/** A kind of data held in memory: `fail` makes the next erase throw before it deletes anything. */
function holder(name: string, rows: number) {
  let left = rows;
  let fail = false;
  const h: PersonalDataHolder & { failNext(): void; left(): number } = {
    name,
    count: async () => left,
    erase: async () => {
      if (fail) {
        fail = false;
        throw new Error(`${name} store unavailable`);
      }
      const erased = left;
      left = 0;
      return erased;
    },
    failNext: () => {
      fail = true;
    },
    left: () => left,
  };
  return h;
}

describe("an erasure interrupted halfway", () => {
  it("keeps the contact row (erased last) and completes when the same request runs again", async () => {
    const visits = holder("visits", 3);
    const tickets = holder("tickets", 1);
    const contact = holder("contact", 1);
    const holders = [visits, tickets, contact];
    tickets.failNext();

    // The turn fails: the inbox keeps the update and runs the same "yes, erase" again (docs/adr/019).
    await expect(eraseAll(holders, subject)).rejects.toThrow("tickets store unavailable");
    expect([visits.left(), tickets.left(), contact.left()]).toEqual([0, 1, 1]);

    const receipt = await eraseAll(holders, subject);
    // The receipt counts what the second run erased; nothing is left of any kind.
    expect(receipt).toEqual([
      { kind: "tickets", count: 1 },
      { kind: "contact", count: 1 },
    ]);
    expect(await countAll(holders, subject)).toEqual([]);
    // Asked a third time (the person taps "yes" again): nothing to do, nothing fails.
    expect(await eraseAll(holders, subject)).toEqual([]);
  });
});
