import { type FaqContent, parseFaqContent } from "../features/faq/content/faq-content";
import type {
  FaqContentStore,
  FaqRevision,
  FaqTopicState,
  RevisionOrigin,
} from "../features/faq/content/faq-content-store";
import type { Db, Tx } from "./database";

const VERSION_ROW = 1;

type RevisionRow = {
  id: number;
  topicId: string;
  content: string;
  origin: string;
  changed: string;
  author: string;
  createdAt: Date;
  publishedAt: Date | null;
  publishedBy: string | null;
};

const toRevision = (row: RevisionRow): FaqRevision => ({
  id: row.id,
  topicId: row.topicId,
  content: parseFaqContent(row.content),
  origin: row.origin as RevisionOrigin,
  changed: row.changed ? row.changed.split(",") : [],
  author: row.author,
  createdAt: row.createdAt,
  publishedAt: row.publishedAt,
  publishedBy: row.publishedBy,
});

/** Prisma implementation of {@link FaqContentStore}; revisions are inserted, and only ever marked published. */
export class PrismaFaqContentStore implements FaqContentStore {
  constructor(private readonly db: Db) {}

  async list(): Promise<FaqTopicState[]> {
    const topics = await this.db.faqContentTopic.findMany({ orderBy: [{ position: "asc" }, { id: "asc" }] });
    const ids = topics.flatMap((t) => [t.publishedRevisionId, t.draftRevisionId]).filter((id) => id !== null);
    const rows = await this.db.faqContentRevision.findMany({ where: { id: { in: ids } } });
    const byId = new Map(rows.map((r) => [r.id, toRevision(r)]));
    return topics.map((t) => ({
      id: t.id,
      position: t.position,
      published: (t.publishedRevisionId !== null && byId.get(t.publishedRevisionId)) || null,
      draft: (t.draftRevisionId !== null && byId.get(t.draftRevisionId)) || null,
    }));
  }

  async get(id: string): Promise<FaqTopicState | null> {
    const t = await this.db.faqContentTopic.findUnique({ where: { id } });
    if (!t) return null;
    const [published, draft] = await Promise.all([
      t.publishedRevisionId === null ? null : this.revision(t.publishedRevisionId),
      t.draftRevisionId === null ? null : this.revision(t.draftRevisionId),
    ]);
    return { id: t.id, position: t.position, published, draft };
  }

  async published(): Promise<FaqContent[]> {
    return (await this.list()).flatMap((t) => (t.published?.content ? [t.published.content] : []));
  }

  async revisions(id: string, limit: number): Promise<FaqRevision[]> {
    const rows = await this.db.faqContentRevision.findMany({
      where: { topicId: id },
      orderBy: { id: "desc" },
      take: limit,
    });
    return rows.map(toRevision);
  }

  async revision(id: number): Promise<FaqRevision | null> {
    const row = await this.db.faqContentRevision.findUnique({ where: { id } });
    return row ? toRevision(row) : null;
  }

  async saveDraft(input: {
    content: FaqContent;
    origin: RevisionOrigin;
    changed: string[];
    author: string;
  }): Promise<number> {
    return this.db.$transaction(async (tx) => {
      const revision = await tx.faqContentRevision.create({
        data: {
          topicId: input.content.id,
          content: JSON.stringify(input.content),
          origin: input.origin,
          changed: input.changed.join(","),
          author: input.author,
        },
      });
      const existing = await tx.faqContentTopic.findUnique({ where: { id: input.content.id } });
      if (existing) {
        await tx.faqContentTopic.update({
          where: { id: existing.id },
          data: { draftRevisionId: revision.id },
        });
      } else {
        const last = await tx.faqContentTopic.aggregate({ _max: { position: true } });
        await tx.faqContentTopic.create({
          data: {
            id: input.content.id,
            position: (last._max.position ?? -1) + 1,
            draftRevisionId: revision.id,
          },
        });
      }
      return revision.id;
    });
  }

  async publish(input: { topicId: string; revisionId: number; by: string; now: Date }): Promise<number> {
    return this.db.$transaction(async (tx) => {
      const topic = await tx.faqContentTopic.findUnique({ where: { id: input.topicId } });
      if (!topic) throw new Error(`no FAQ topic ${input.topicId}`);
      await tx.faqContentRevision.updateMany({
        where: { id: input.revisionId, topicId: input.topicId, publishedAt: null },
        data: { publishedAt: input.now, publishedBy: input.by },
      });
      await tx.faqContentTopic.update({
        where: { id: input.topicId },
        data: {
          publishedRevisionId: input.revisionId,
          ...(topic.draftRevisionId === input.revisionId ? { draftRevisionId: null } : {}),
        },
      });
      return bumpVersion(tx);
    });
  }

  async seed(topics: FaqContent[], now: Date): Promise<number> {
    try {
      return await this.db.$transaction(
        async (tx) => {
          const have = new Set(
            (await tx.faqContentTopic.findMany({ select: { id: true } })).map((t) => t.id),
          );
          const missing = topics.filter((t) => !have.has(t.id));
          if (missing.length === 0) return 0;
          const last = await tx.faqContentTopic.aggregate({ _max: { position: true } });
          let position = (last._max.position ?? -1) + 1;
          for (const content of missing) {
            const revision = await tx.faqContentRevision.create({
              data: {
                topicId: content.id,
                content: JSON.stringify(content),
                origin: "seed",
                changed: "created",
                author: "seed",
                publishedAt: now,
                publishedBy: "seed",
              },
            });
            await tx.faqContentTopic.create({
              data: { id: content.id, position: position++, publishedRevisionId: revision.id },
            });
          }
          await bumpVersion(tx);
          return missing.length;
          // Seventy inserts on a busy machine can pass Prisma's 5 s default for interactive transactions.
        },
        { timeout: 60_000, maxWait: 30_000 },
      );
    } catch (error) {
      // Two processes starting on an empty PostgreSQL database: the other one's seed committed first (our
      // transaction then fails on a duplicate id, or is cancelled while it waits on the other's rows).
      const have = new Set(
        (await this.db.faqContentTopic.findMany({ select: { id: true } })).map((t) => t.id),
      );
      if (topics.every((t) => have.has(t.id))) return 0;
      throw error;
    }
  }

  async version(): Promise<number> {
    const row = await this.db.faqContentVersion.findUnique({ where: { id: VERSION_ROW } });
    return row?.version ?? 0;
  }
}

async function bumpVersion(tx: Tx): Promise<number> {
  const row = await tx.faqContentVersion.upsert({
    where: { id: VERSION_ROW },
    create: { id: VERSION_ROW, version: 1 },
    update: { version: { increment: 1 } },
  });
  return row.version;
}
