import type { AuditStore } from "../../checkin/visit-store";
import type { OfficerRole } from "../../officers/officer-store";
import {
  changedFields,
  type FaqContent,
  type FaqContentError,
  normaliseFaqContent,
  validateFaqContent,
} from "./faq-content";
import type { FaqContentStore, FaqRevision, FaqTopicState, RevisionOrigin } from "./faq-content-store";
import type { LiveFaqKnowledge } from "./live-faq-knowledge";
import { buildPublishedFaq, type FaqMatchingData } from "./published-faq";

/** Who changes content: an officer on the dashboard, or the import command. */
export interface ContentEditor {
  /** Written to revisions and the audit log: "dashboard:<officer id>" or "import". */
  actor: string;
  role: OfficerRole | "cli";
}

/** Admins and editors publish; the import command runs with the server's own rights. */
export const mayPublish = (editor: ContentEditor): boolean =>
  editor.role === "admin" || editor.role === "editor" || editor.role === "cli";

/** Why a publish or restore did not happen. */
export type PublishRefusal = "forbidden" | "notFound" | "nothingToPublish" | { errors: FaqContentError[] };

/**
 * What officers do with FAQ content: save drafts, publish them, restore an old revision, import a sheet.
 * Every change is validated the same way, audited, and — once published — live in this process at once
 * and in the others within about a second (docs/adr/014-faq-content-in-the-database.md).
 */
export class FaqContentService {
  constructor(
    private readonly store: FaqContentStore,
    private readonly knowledge: LiveFaqKnowledge,
    private readonly audit: AuditStore,
    private readonly matching: FaqMatchingData,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates the shipped topics the database lacks (all of them on a fresh install), then loads the published set. */
  async start(seed: FaqContent[]): Promise<void> {
    await this.store.seed(seed, this.now());
    await this.knowledge.refresh();
  }

  /** Every topic with its published revision and pending draft, in menu order. */
  list(): Promise<FaqTopicState[]> {
    return this.store.list();
  }

  get(id: string): Promise<FaqTopicState | null> {
    return this.store.get(id);
  }

  /** A topic's revisions, newest first. */
  revisions(id: string, limit = 50): Promise<FaqRevision[]> {
    return this.store.revisions(id, limit);
  }

  /** Ids of every topic there is (published or draft only), for `related`. */
  async knownIds(): Promise<Set<string>> {
    return new Set((await this.store.list()).map((t) => t.id));
  }

  /**
   * Saves what an officer typed as the topic's draft. Refused with every problem when it is not publishable,
   * so a draft is always one click from going live. `isNew` refuses an id that is taken.
   */
  async saveDraft(
    input: FaqContent,
    editor: ContentEditor,
    options: { origin?: RevisionOrigin; isNew?: boolean } = {},
  ): Promise<{ revisionId: number; changed: string[] } | { errors: FaqContentError[] }> {
    const content = normaliseFaqContent(input);
    const existing = await this.store.get(content.id);
    const ids = await this.knownIds();
    const errors = validateFaqContent(content, ids);
    if (options.isNew && existing) errors.unshift({ field: "id", reason: "taken" });
    if (!options.isNew && !existing) errors.unshift({ field: "id", reason: "unknown" });
    if (errors.length > 0) return { errors };
    const base = existing?.draft?.content ?? existing?.published?.content;
    const changed = changedFields(base, content);
    if (changed.length === 0 && existing?.draft) return { revisionId: existing.draft.id, changed };
    const revisionId = await this.store.saveDraft({
      content,
      origin: options.origin ?? "edit",
      changed,
      author: editor.actor,
    });
    await this.audit.append({ actor: editor.actor, action: "faq.edit", subject: content.id, resultCount: 1 });
    return { revisionId, changed };
  }

  /** Publishes the topic's draft: checked again, and the whole matcher built with it, before anything is stored. */
  async publish(topicId: string, editor: ContentEditor): Promise<{ version: number } | PublishRefusal> {
    if (!mayPublish(editor)) return "forbidden";
    const topic = await this.store.get(topicId);
    if (!topic) return "notFound";
    if (!topic.draft?.content) return "nothingToPublish";
    return this.goLive(topic.draft.content, topic.draft.id, editor, "faq.publish");
  }

  /** Publishes an old revision again, as a new revision (history only grows). */
  async restore(
    topicId: string,
    revisionId: number,
    editor: ContentEditor,
  ): Promise<{ version: number } | PublishRefusal> {
    if (!mayPublish(editor)) return "forbidden";
    const [topic, old] = await Promise.all([this.store.get(topicId), this.store.revision(revisionId)]);
    if (!topic || !old || old.topicId !== topicId || !old.content) return "notFound";
    const content = old.content;
    const errors = validateFaqContent(content, await this.knownIds());
    if (errors.length > 0) return { errors };
    const id = await this.store.saveDraft({
      content,
      origin: "restore",
      changed: changedFields(topic.published?.content, content),
      author: editor.actor,
    });
    return this.goLive(content, id, editor, "faq.restore");
  }

  private async goLive(
    content: FaqContent,
    revisionId: number,
    editor: ContentEditor,
    action: "faq.publish" | "faq.restore",
  ): Promise<{ version: number } | PublishRefusal> {
    const errors = validateFaqContent(content, await this.knownIds());
    if (errors.length > 0) return { errors };
    // The set as it will be, built once here: whatever would fail to build fails now, not in every process.
    const before = this.knowledge.current().version;
    const all = await this.store.published();
    const next = all.some((t) => t.id === content.id)
      ? all.map((t) => (t.id === content.id ? content : t))
      : [...all, content];
    const built = buildPublishedFaq(next, this.matching, 0);
    const version = await this.store.publish({
      topicId: content.id,
      revisionId,
      by: editor.actor,
      now: this.now(),
    });
    await this.audit.append({ actor: editor.actor, action, subject: content.id, resultCount: 1 });
    // Nobody else published in between: the set just built is exactly the new version, no second build.
    if (version === before + 1) this.knowledge.adopt({ ...built, version });
    else await this.knowledge.refresh();
    return { version };
  }

  /**
   * Imports topics (a sheet a district reviewed offline): each valid, changed topic becomes a draft, and is
   * published too when `publish` is set. Invalid rows change nothing and are reported by topic id.
   */
  async importAll(
    contents: FaqContent[],
    editor: ContentEditor,
    options: { publish: boolean },
  ): Promise<{
    saved: string[];
    published: string[];
    unchanged: string[];
    refused: { id: string; errors: FaqContentError[] }[];
  }> {
    const result = {
      saved: [] as string[],
      published: [] as string[],
      unchanged: [] as string[],
      refused: [] as { id: string; errors: FaqContentError[] }[],
    };
    if (options.publish && !mayPublish(editor)) {
      result.refused.push({ id: "*", errors: [{ field: "id", reason: "forbidden" }] });
      return result;
    }
    // New topics in the sheet may point at each other: know every id first.
    const known = new Set([...(await this.knownIds()), ...contents.map((c) => c.id.trim())]);
    for (const raw of contents) {
      const content = normaliseFaqContent(raw);
      const errors = validateFaqContent(content, known);
      if (errors.length > 0) {
        result.refused.push({ id: content.id, errors });
        continue;
      }
      const existing = await this.store.get(content.id);
      const base = existing?.draft?.content ?? existing?.published?.content;
      if (changedFields(base, content).length === 0 && !(options.publish && existing?.draft)) {
        result.unchanged.push(content.id);
        continue;
      }
      const saved = await this.saveDraft(content, editor, { origin: "import", isNew: !existing });
      if ("errors" in saved) {
        result.refused.push({ id: content.id, errors: saved.errors });
        continue;
      }
      result.saved.push(content.id);
      if (options.publish) {
        const published = await this.publish(content.id, editor);
        if (typeof published === "object" && "version" in published) result.published.push(content.id);
      }
    }
    await this.audit.append({
      actor: editor.actor,
      action: "faq.import",
      subject: `${result.saved.length}/${contents.length}`,
      resultCount: result.saved.length,
    });
    return result;
  }
}
