import { randomUUID } from "node:crypto";
import type { ChannelId, Language } from "./messages";
import {
  type ContactRecord,
  type ConversationStore,
  type DialogRecord,
  type OutboxItem,
  TurnAlreadyCommitted,
  type TurnCommit,
} from "./ports";

/**
 * In-memory {@link ConversationStore} for fast dialog tests. test/contracts/conversation-store.contract.ts
 * holds it to the SQL store's promises, a second commit of one update included. Every update id it has not
 * committed counts as pending (there is no inbox here).
 */
export class FakeConversationStore implements ConversationStore {
  readonly contacts = new Map<string, ContactRecord>();
  readonly dialogs = new Map<string, DialogRecord>();
  readonly outbox: OutboxItem[] = [];
  readonly doneInbox = new Set<number>();

  async upsertContact(input: {
    channel: ChannelId;
    externalId: string;
    displayName?: string;
    language: Language;
  }) {
    const key = `${input.channel}:${input.externalId}`;
    const existing = this.contacts.get(key);
    if (existing) return structuredClone(existing);
    const created: ContactRecord = {
      id: randomUUID(),
      channel: input.channel,
      externalId: input.externalId,
      displayName: input.displayName ?? null,
      language: input.language,
      languageSet: false,
      reachable: true,
      choices: [],
    };
    this.contacts.set(key, created);
    return structuredClone(created);
  }

  async getDialog(contactId: string) {
    const d = this.dialogs.get(contactId);
    return d ? structuredClone(d) : null;
  }

  async commitTurn(turn: TurnCommit) {
    if (this.doneInbox.has(turn.inboxId)) throw new TurnAlreadyCommitted(turn.inboxId);
    this.doneInbox.add(turn.inboxId);
    this.contacts.set(`${turn.contact.channel}:${turn.contact.externalId}`, structuredClone(turn.contact));
    if (turn.dialog === null) this.dialogs.delete(turn.contact.id);
    // The store stamps the time of the commit, whatever the engine put there.
    if (turn.dialog)
      this.dialogs.set(turn.contact.id, { ...structuredClone(turn.dialog), updatedAt: new Date() });
    this.outbox.push(...turn.outbox);
  }
}
