import { randomUUID } from "node:crypto";
import type { ChannelId, Language } from "../../src/core/messages";
import type {
  ContactRecord,
  ConversationStore,
  DialogRecord,
  MediaStore,
  OutboxItem,
  TurnCommit,
} from "../../src/core/ports";

/** In-memory {@link ConversationStore} for fast dialog tests; mirrors the Prisma store's behaviour. */
export class InMemoryConversationStore implements ConversationStore {
  readonly contacts = new Map<string, ContactRecord>();
  readonly dialogs = new Map<string, DialogRecord>();
  readonly outbox: OutboxItem[] = [];
  readonly doneInbox = new Set<number>();
  failNextCommit = false;

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
    if (this.failNextCommit) {
      this.failNextCommit = false;
      throw new Error("database is read-only");
    }
    this.contacts.set(`${turn.contact.channel}:${turn.contact.externalId}`, structuredClone(turn.contact));
    if (turn.dialog === null) this.dialogs.delete(turn.contact.id);
    if (turn.dialog) this.dialogs.set(turn.contact.id, structuredClone(turn.dialog));
    this.outbox.push(...turn.outbox);
    this.doneInbox.add(turn.inboxId);
  }
}

/** In-memory {@link MediaStore}. */
export class InMemoryMediaStore implements MediaStore {
  readonly files = new Map<
    string,
    { data: Buffer; filename: string; contentType: string; expiresAt: number }
  >();

  async put(input: { data: Buffer; filename: string; contentType: string; ttlMs: number }) {
    const id = randomUUID().replaceAll("-", "");
    this.files.set(id, { ...input, expiresAt: Date.now() + input.ttlMs });
    return id;
  }

  async get(id: string, now: Date) {
    const f = this.files.get(id);
    return f && f.expiresAt > now.getTime() ? f : null;
  }

  async deleteExpired(now: Date) {
    let n = 0;
    for (const [id, f] of this.files) {
      if (f.expiresAt <= now.getTime()) {
        this.files.delete(id);
        n++;
      }
    }
    return n;
  }
}
