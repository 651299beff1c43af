import type { ChannelId, Language } from "../../core/messages";
import type { RenderedMessage } from "../../core/rendered-message";
import type {
  ExposedPerson,
  FollowUpDefinition,
  FollowUpReminderRecord,
  FollowUpStore,
  ReminderDelivery,
  ReminderMessage,
  StoredFollowUp,
} from "./follow-up-store";

/** Someone a reminder may reach: their contact and their subscription's commune. */
export interface FakeFollowUpPerson {
  id: string;
  channel: ChannelId;
  externalId: string;
  language: Language;
  reachable: boolean;
  communeCode: string | null;
}

/**
 * In-memory {@link FollowUpStore}; test/contracts/follow-up-store.contract.ts holds it to the Prisma store's
 * promises. Exposure alerts that reached people are added with {@link FakeFollowUpStore.addExposure}.
 */
export class FakeFollowUpStore implements FollowUpStore {
  private readonly defined = new Map<string, StoredFollowUp>();
  private readonly reminders: (FollowUpReminderRecord & { updatedAt: Date })[] = [];
  private readonly exposures: (ExposedPerson & { at: Date })[] = [];
  readonly people = new Map<string, FakeFollowUpPerson>();
  readonly rows: { contactId: string; message: RenderedMessage }[] = [];

  addPerson(person: FakeFollowUpPerson): void {
    this.people.set(person.id, { ...person });
  }

  addExposure(exposure: ExposedPerson, at: Date): void {
    this.exposures.push({ ...exposure, at });
  }

  async ensureDefinition(d: FollowUpDefinition, createdBy: string): Promise<void> {
    if (!this.defined.has(d.id)) this.defined.set(d.id, { ...d, createdBy, createdAt: new Date() });
  }

  async definitions(): Promise<StoredFollowUp[]> {
    return [...this.defined.values()].map((d) => ({ ...d }));
  }

  async exposedSince(followUpId: string, since: Date, limit: number): Promise<ExposedPerson[]> {
    const done = (e: ExposedPerson) =>
      this.reminders.some(
        (r) => r.followUpId === followUpId && r.contactId === e.contactId && r.detail === e.alertId,
      );
    return this.exposures
      .filter((e) => e.at >= since && !done(e))
      .slice(0, limit)
      .map(({ at: _, ...e }) => ({ ...e }));
  }

  async schedule(input: Parameters<FollowUpStore["schedule"]>[0]): Promise<FollowUpReminderRecord> {
    for (const r of this.reminders)
      if (r.contactId === input.contactId && r.followUpId === input.followUpId && r.status === "active")
        Object.assign(r, { status: "stopped", updatedAt: new Date() });
    const row = {
      ...input,
      communeCode: this.people.get(input.contactId)?.communeCode ?? null,
      earlySentAt: null,
      dueSentAt: null,
      status: "active" as const,
      updatedAt: new Date(),
    };
    this.reminders.push(row);
    return toRecord(row);
  }

  async active(contactId: string): Promise<FollowUpReminderRecord[]> {
    return this.reminders
      .filter((r) => r.contactId === contactId && r.status === "active")
      .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
      .map(toRecord);
  }

  async end(contactId: string, status: "done" | "stopped", id?: string): Promise<number> {
    const ended = this.reminders.filter(
      (r) => r.contactId === contactId && r.status === "active" && (!id || r.id === id),
    );
    for (const r of ended) Object.assign(r, { status, updatedAt: new Date() });
    return ended.length;
  }

  async sendDue(
    now: Date,
    render: (r: FollowUpReminderRecord, which: "early" | "due", to: ReminderDelivery) => ReminderMessage,
  ): Promise<number> {
    let queued = 0;
    for (const r of this.reminders) {
      if (r.status !== "active") continue;
      const early = r.earlyAt && r.earlyAt <= now && !r.earlySentAt;
      const due = r.dueAt <= now && !r.dueSentAt;
      if (!early && !due) continue;
      const which = r.dueAt <= now ? "due" : "early";
      const before = toRecord(r);
      if (which === "due")
        Object.assign(r, { dueSentAt: now, earlySentAt: r.earlySentAt ?? now, status: "done" });
      else r.earlySentAt = now;
      const person = this.people.get(r.contactId);
      if (!person?.reachable) continue;
      const to = { channel: person.channel, externalId: person.externalId, language: person.language };
      this.rows.push({ contactId: r.contactId, message: render(before, which, to).message });
      queued++;
    }
    return queued;
  }

  async countsByCommune(): Promise<{ communeCode: string | null; count: number }[]> {
    const counts = new Map<string | null, number>();
    for (const r of this.reminders)
      if (r.status === "active") counts.set(r.communeCode, (counts.get(r.communeCode) ?? 0) + 1);
    return [...counts].map(([communeCode, count]) => ({ communeCode, count }));
  }

  async countContact(contactId: string): Promise<number> {
    return this.reminders.filter((r) => r.contactId === contactId).length;
  }

  async eraseContact(contactId: string): Promise<number> {
    return this.removeWhere((r) => r.contactId === contactId);
  }

  async purgeEndedBefore(before: Date): Promise<number> {
    return this.removeWhere((r) => (r.status !== "active" && r.updatedAt < before) || r.dueAt < before);
  }

  private removeWhere(match: (r: FollowUpReminderRecord & { updatedAt: Date }) => boolean): number {
    const before = this.reminders.length;
    for (let i = this.reminders.length - 1; i >= 0; i--) {
      const r = this.reminders[i];
      if (r && match(r)) this.reminders.splice(i, 1);
    }
    return before - this.reminders.length;
  }
}

function toRecord({
  updatedAt: _,
  ...r
}: FollowUpReminderRecord & { updatedAt: Date }): FollowUpReminderRecord {
  return { ...r };
}
