import type { FaqContent } from "./faq-content";

/** How a revision came to be. */
export type RevisionOrigin = "seed" | "edit" | "restore" | "import" | "cluster";

/** One saved state of a topic. */
export interface FaqRevision {
  id: number;
  topicId: string;
  /** Undefined when the stored JSON is no longer a valid topic (shown, never published). */
  content: FaqContent | undefined;
  origin: RevisionOrigin;
  changed: string[];
  author: string;
  createdAt: Date;
  publishedAt: Date | null;
  publishedBy: string | null;
}

/** A topic as the dashboard lists it: the published revision and the pending draft, if any. */
export interface FaqTopicState {
  id: string;
  position: number;
  published: FaqRevision | null;
  draft: FaqRevision | null;
}

/** Storage of FAQ content (Prisma in src/db/prisma-faq-content-store.ts). */
export interface FaqContentStore {
  /** Every topic in menu order, with its published and draft revisions. */
  list(): Promise<FaqTopicState[]>;
  get(id: string): Promise<FaqTopicState | null>;
  /** The published content of every topic, in menu order (what the matcher is built from). */
  published(): Promise<FaqContent[]>;
  /** Revisions of a topic, newest first. */
  revisions(id: string, limit: number): Promise<FaqRevision[]>;
  revision(id: number): Promise<FaqRevision | null>;
  /**
   * Saves a draft (a new revision the topic points at as its draft), creating the topic if it is new.
   * Returns the revision id.
   */
  saveDraft(input: {
    content: FaqContent;
    origin: RevisionOrigin;
    changed: string[];
    author: string;
  }): Promise<number>;
  /**
   * Publishes a revision of the topic and bumps the content version, in one transaction; clears the draft
   * when it was the draft that was published. Returns the new content version.
   */
  publish(input: { topicId: string; revisionId: number; by: string; now: Date }): Promise<number>;
  /**
   * Creates the shipped topics the database does not have yet, each published, in one transaction; a second
   * process doing the same at once changes nothing. Returns how many were created.
   */
  seed(topics: FaqContent[], now: Date): Promise<number>;
  /** The content version: bumped by every publish, compared by each process to know when to rebuild. */
  version(): Promise<number>;
}
