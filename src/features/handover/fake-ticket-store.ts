import type { RenderedChoice } from "../../core/ports";
import type {
  ContactAddress,
  TicketFilter,
  TicketMessageRecord,
  TicketRecord,
  TicketStore,
} from "./ticket-store";

const notClosed = (t: TicketRecord) => t.status !== "closed";

/**
 * In-memory {@link TicketStore}; test/contracts/ticket-store.contract.ts holds it to the Prisma store's
 * promises (conditional take/answer/close, first-answer time once, scope filters, erasure).
 */
export class FakeTicketStore implements TicketStore {
  readonly tickets = new Map<string, TicketRecord>();
  readonly ticketMessages: (TicketMessageRecord & { ticketId: string })[] = [];
  readonly contacts = new Map<string, ContactAddress & { choices?: RenderedChoice[] }>();
  readonly misses: { contactId: string; text: string; at: Date; effectId?: string }[] = [];
  private nextMessage = 1;

  async open(input: Parameters<TicketStore["open"]>[0]): Promise<TicketRecord> {
    const { transcript, now, ...fields } = input;
    const ticket: TicketRecord = {
      ...fields,
      status: "open",
      assigneeId: null,
      firstAnsweredAt: null,
      lastCitizenAt: now,
      closedAt: null,
      rating: null,
      ratingComment: null,
      remindedOfficersAt: null,
      remindedAdminsAt: null,
      createdAt: now,
    };
    this.tickets.set(ticket.id, ticket);
    for (const text of transcript) this.add(ticket.id, "transcript", null, text, now);
    this.add(ticket.id, "citizen", null, input.question, now);
    return { ...ticket };
  }

  async get(id: string) {
    const ticket = this.tickets.get(id);
    return ticket ? { ...ticket } : null;
  }

  async findActive(contactId: string) {
    return this.latest(contactId, notClosed);
  }

  async findLatest(contactId: string) {
    return this.latest(contactId, () => true);
  }

  async messages(ticketId: string): Promise<TicketMessageRecord[]> {
    return this.ticketMessages
      .filter((m) => m.ticketId === ticketId)
      .map(({ ticketId: _, ...message }) => ({ ...message }));
  }

  async appendCitizen(ticketId: string, text: string, now: Date) {
    const ticket = this.tickets.get(ticketId);
    if (!ticket || !notClosed(ticket)) return false;
    Object.assign(ticket, { status: "open", lastCitizenAt: now });
    this.add(ticketId, "citizen", null, text, now);
    return true;
  }

  async assign(ticketId: string, officerId: string | null, expected: string | null) {
    const ticket = this.tickets.get(ticketId);
    if (!ticket || !notClosed(ticket) || ticket.assigneeId !== expected) return false;
    ticket.assigneeId = officerId;
    return true;
  }

  async recordAnswer(ticketId: string, officerId: string, text: string, now: Date) {
    const ticket = this.tickets.get(ticketId);
    if (!ticket || !notClosed(ticket)) return false;
    ticket.status = "waiting";
    ticket.firstAnsweredAt ??= now;
    this.add(ticketId, "officer", officerId, text, now);
    return true;
  }

  async close(ticketId: string, _by: string, now: Date) {
    const ticket = this.tickets.get(ticketId);
    if (!ticket || !notClosed(ticket)) return false;
    Object.assign(ticket, { status: "closed", closedAt: now });
    return true;
  }

  async rate(ticketId: string, rating: "up" | "down" | null, comment: string | null) {
    const ticket = this.tickets.get(ticketId);
    if (ticket?.status !== "closed") return;
    if (rating) ticket.rating = rating;
    if (comment !== null) ticket.ratingComment = comment;
  }

  async list(filter: TicketFilter) {
    const communes =
      filter.scope && filter.communes
        ? filter.communes.filter((c) => filter.scope?.includes(c))
        : (filter.communes ?? filter.scope);
    return [...this.tickets.values()]
      .filter(
        (t) =>
          (!communes || (t.communeCode !== null && communes.includes(t.communeCode))) &&
          (!filter.status || t.status === filter.status) &&
          (!filter.createdBefore || t.createdAt < filter.createdBefore) &&
          (!filter.createdAfter || t.createdAt >= filter.createdAfter),
      )
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .slice(0, filter.limit ?? 200)
      .map((t) => ({ ...t }));
  }

  async unansweredBefore(cutoff: Date, level: "officers" | "admins") {
    return [...this.tickets.values()]
      .filter(
        (t) =>
          t.status === "open" &&
          t.firstAnsweredAt === null &&
          t.createdAt < cutoff &&
          (level === "officers" ? t.remindedOfficersAt : t.remindedAdminsAt) === null,
      )
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .slice(0, 100)
      .map((t) => ({ ...t }));
  }

  async markReminded(ticketId: string, level: "officers" | "admins", now: Date) {
    const ticket = this.tickets.get(ticketId);
    const field = level === "officers" ? "remindedOfficersAt" : "remindedAdminsAt";
    if (!ticket || ticket[field] !== null) return false;
    ticket[field] = now;
    return true;
  }

  async contactAddress(contactId: string): Promise<ContactAddress | null> {
    const contact = this.contacts.get(contactId);
    if (!contact) return null;
    const { choices: _, ...address } = contact;
    return address;
  }

  async offerChoices(contactId: string, choices: RenderedChoice[]) {
    const contact = this.contacts.get(contactId);
    if (contact) contact.choices = choices;
  }

  async recordMiss(contactId: string, text: string, now: Date, effectId?: string) {
    // As the unique column does: a turn run again writes its miss once.
    if (effectId && this.misses.some((m) => m.effectId === effectId)) return;
    this.misses.push({ contactId, text, at: now, ...(effectId ? { effectId } : {}) });
  }

  async missesSince(contactId: string, since: Date) {
    return this.misses
      .filter((m) => m.contactId === contactId && m.at >= since)
      .slice(0, 10)
      .map((m) => m.text);
  }

  async clearMisses(contactId: string) {
    this.removeMisses((m) => m.contactId === contactId);
  }

  async purge(cutoff: Date, missCutoff: Date) {
    this.removeMisses((m) => m.at < missCutoff);
    const old = [...this.tickets.values()].filter(
      (t) => t.status === "closed" && t.closedAt !== null && t.closedAt < cutoff,
    );
    for (const t of old) this.removeTicket(t.id);
    return old.length;
  }

  async countContact(contactId: string) {
    const tickets = [...this.tickets.values()].filter((t) => t.contactId === contactId).length;
    return tickets + this.misses.filter((m) => m.contactId === contactId).length;
  }

  async eraseContact(contactId: string) {
    let removed = 0;
    for (const t of [...this.tickets.values()].filter((t) => t.contactId === contactId))
      removed += 1 + this.removeTicket(t.id);
    return removed + this.removeMisses((m) => m.contactId === contactId);
  }

  private add(
    ticketId: string,
    author: TicketMessageRecord["author"],
    officerId: string | null,
    text: string,
    at: Date,
  ) {
    this.ticketMessages.push({ id: this.nextMessage++, ticketId, author, officerId, text, createdAt: at });
  }

  private latest(contactId: string, keep: (t: TicketRecord) => boolean): TicketRecord | null {
    const found = [...this.tickets.values()]
      .filter((t) => t.contactId === contactId && keep(t))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    return found ? { ...found } : null;
  }

  /** Removes a ticket and its messages; returns how many messages went. */
  private removeTicket(id: string): number {
    this.tickets.delete(id);
    const before = this.ticketMessages.length;
    this.ticketMessages.splice(0, before, ...this.ticketMessages.filter((m) => m.ticketId !== id));
    return before - this.ticketMessages.length;
  }

  private removeMisses(drop: (m: { contactId: string; at: Date }) => boolean): number {
    const before = this.misses.length;
    this.misses.splice(0, before, ...this.misses.filter((m) => !drop(m)));
    return before - this.misses.length;
  }
}
