import type { ConversationEngine } from "./conversation-engine";
import { KeyedQueue } from "./keyed-queue";
import { type Leases, localLeases } from "./leases";
import type { Logger } from "./logger";
import type { ChannelId, Inbound } from "./messages";
import { type Metrics, noMetrics } from "./metrics";
import { type InboxRecord, type InboxStore, TurnAlreadyCommitted } from "./ports";
import { Semaphore } from "./semaphore";

/** Maps a stored raw update into an {@link Inbound}; `null` means "nothing to answer" (e.g. an echo). */
export type InboxParser = (record: InboxRecord) => Inbound | null;

/** An update that keeps failing is given up after this many attempts, so one poison update can't block a chat. */
const MAX_ATTEMPTS = 3;

/** Pending updates of one conversation read at a time. */
const DRAIN_BATCH = 20;

/** How long {@link InboxProcessor.waitFor} looks for an update another process is processing. */
const WAIT_ELSEWHERE_MS = 30_000;

export interface InboxProcessorOptions {
  /**
   * Per-conversation leases across processes (docs/adr/016-scale-out.md); the default, for one process
   * alone on SQLite, excludes nothing.
   */
  leases?: Leases;
  metrics?: Metrics;
}

/**
 * Processes stored updates in order per conversation. Webhook routes call {@link kick} after storing an
 * update; start-up and a periodic sweep pick up whatever a crash or another process left pending.
 */
export class InboxProcessor {
  private readonly queue = new KeyedQueue();
  private readonly slots: Semaphore;
  /** Drains queued but not yet started, per conversation: a burst of updates for one chat needs one drain. */
  private readonly queued = new Map<string, Promise<void>>();
  private readonly waiters = new Map<number, (() => void)[]>();
  private stopped = false;
  /** Conversations whose drain failed here: the next sweep retries them. */
  private readonly failed = new Set<string>();
  /** Updates being stored right now: their acknowledgements go before the next turn. */
  private readonly appending = new Set<Promise<unknown>>();

  constructor(
    private readonly inbox: InboxStore,
    private readonly engine: ConversationEngine,
    private readonly parsers: Partial<Record<ChannelId, InboxParser>>,
    private readonly logger: Logger,
    /** Called after each processed update (the dispatcher is woken so replies go out at once). */
    private readonly afterProcess: () => void = () => {},
    /**
     * Conversations processed at once (each one's updates stay in order). Overlap pays where queries wait on
     * a server (PostgreSQL), and on the embedded database where the turns that finish together commit
     * together; one at a time would keep the pauses between webhook acknowledgements shortest.
     */
    concurrency = 4,
    options: InboxProcessorOptions = {},
  ) {
    this.slots = new Semaphore(concurrency);
    this.leases = options.leases ?? localLeases;
    this.metrics = options.metrics ?? noMetrics;
  }

  private readonly leases: Leases;
  private readonly metrics: Metrics;

  /**
   * Stores an update and schedules its processing. Callers acknowledge the platform only after this
   * resolves: an update is never acknowledged unless it is stored. A replay resolves `duplicate: true`.
   * `beforeProcessing` runs once for a new update, before processing is scheduled (the web chat writes
   * the person's own line to the transcript there, so it always precedes the answer).
   */
  async accept(
    input: {
      channel: ChannelId;
      updateKey: string;
      conversationKey: string;
      payload: string;
    },
    options: { beforeProcessing?: () => Promise<void> } = {},
  ): Promise<{ id: number; duplicate: boolean }> {
    const appending = this.inbox.append(input);
    this.appending.add(appending);
    let stored: Awaited<typeof appending>;
    try {
      stored = await appending;
    } finally {
      this.appending.delete(appending);
    }
    if (!stored.duplicate) {
      await options.beforeProcessing?.();
      this.kick(input.conversationKey).catch((error: unknown) => {
        this.logger.warn(
          { err: error, conversationKey: input.conversationKey },
          "processing deferred to sweep",
        );
      });
    }
    return stored;
  }

  /**
   * Schedules processing of a conversation's pending updates. `orphans`: the periodic sweep found them
   * waiting too long (their process failed or died), so processing any of them is a takeover.
   */
  kick(conversationKey: string, orphans = false): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const already = this.queued.get(conversationKey);
    if (already) return already;
    const drain = this.queue.run(conversationKey, () => {
      this.queued.delete(conversationKey);
      return this.slots.run(() => this.leasedDrain(conversationKey, orphans));
    });
    this.queued.set(conversationKey, drain);
    // Whatever failed here (the database down mid-drain) is retried by this process's next sweep.
    drain.catch(() => this.failed.add(conversationKey));
    return drain;
  }

  /**
   * Kicks every conversation with pending updates (start-up recovery and the periodic sweep). The periodic
   * sweep passes `receivedBefore`: a fresh update is being processed by the process that stored it, and
   * taking it too (several processes on one database) would only run its turn twice. Conversations whose
   * drain failed in this process are retried whatever their age.
   */
  async sweep(receivedBefore?: Date): Promise<number> {
    const retry = [...this.failed];
    this.failed.clear();
    const found = await this.inbox.pendingConversations(500, receivedBefore).catch((error: unknown) => {
      for (const key of retry) this.failed.add(key);
      throw error;
    });
    const keys = [...new Set([...retry, ...found])];
    // Taking over: the periodic sweep found a conversation this process is not working on (its own slow
    // queue under load is not a takeover).
    const orphan = (k: string) => receivedBefore !== undefined && !retry.includes(k) && !this.queue.has(k);
    await Promise.all(keys.map((k) => this.kick(k, orphan(k))));
    return keys.length;
  }

  /** Resolves once the given inbox row has been processed (or given up). Used by the web chat. */
  waitFor(id: number): Promise<void> {
    return new Promise((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push(resolve);
      this.waiters.set(id, list);
      void this.inbox.status(id).then((status) => {
        if (status !== "pending") this.release(id);
        // Another process may hold the conversation's lease and run this update: nothing here would
        // release the waiter, so the stored status is looked at until it changes.
        else if (this.leases.shared) void this.pollStatus(id, Date.now() + WAIT_ELSEWHERE_MS);
      });
    });
  }

  private async pollStatus(id: number, until: number): Promise<void> {
    while (this.waiters.has(id) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 50));
      const status = await this.inbox.status(id).catch(() => "pending");
      if (status !== "pending") break;
    }
    this.release(id);
  }

  /** Stops taking new work and waits for what is in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.queue.drain();
  }

  /**
   * Drains a conversation holding its lease, so no other process runs its turns meanwhile. A process
   * that finds the lease taken leaves the update to the holder, which looks again after handing the lease
   * back: the update was stored before the lease was asked for, so that last look sees it.
   */
  private async leasedDrain(conversationKey: string, orphans: boolean): Promise<void> {
    for (;;) {
      let processed = 0;
      const held = await this.leases.hold(`conversation:${conversationKey}`, async () => {
        processed = await this.drainConversation(conversationKey);
      });
      if (held && orphans && processed > 0) this.metrics.leaseTakeover("conversation");
      if (!held || !this.leases.shared || this.stopped) return;
      if ((await this.inbox.pendingFor(conversationKey, 1)).length === 0) return;
    }
  }

  /** Processes the conversation's pending updates in inbox order; returns how many. */
  private async drainConversation(conversationKey: string): Promise<number> {
    let processed = 0;
    for (;;) {
      const batch = await this.inbox.pendingFor(conversationKey, DRAIN_BATCH);
      for (const record of batch) {
        await this.acknowledgementsFirst();
        await this.processOne(record);
      }
      processed += batch.length;
      // A short batch was everything: an update stored meanwhile kicked a drain of its own, so looking
      // again would only cost a query per update.
      if (batch.length < DRAIN_BATCH) return processed;
    }
  }

  /**
   * Lets webhooks that arrived meanwhile be read, stored and answered before the next turn. A platform
   * waits for each answer before it sends the next update on that connection, so an answer held up by
   * turns slows everyone's messages; a turn that waits a moment delays only its own reply. Only updates
   * being stored now are waited for, so a steady stream of webhooks cannot hold processing back for long.
   */
  private async acknowledgementsFirst(): Promise<void> {
    await yieldToIo();
    if (this.appending.size === 0) return;
    await Promise.allSettled([...this.appending]);
    // Their answers are written in the callers' continuations, which run before the next turn this way.
    await yieldToIo();
  }

  private async processOne(record: InboxRecord): Promise<void> {
    const started = performance.now();
    try {
      const parse = this.parsers[record.channel];
      const inbound = parse ? parse(record) : null;
      if (!inbound) await this.inbox.markDone(record.id);
      else {
        await this.engine.handle(record.id, inbound);
        this.logger.debug(
          { inboxId: record.id, channel: record.channel, event: inbound.event.type },
          "update processed",
        );
        this.metrics.turn(record.channel, (performance.now() - started) / 1000);
      }
      this.afterProcess();
    } catch (error) {
      if (error instanceof TurnAlreadyCommitted) {
        this.logger.debug({ inboxId: record.id }, "update already processed elsewhere");
        return;
      }
      // The engine already answers handler errors; reaching here means storage failed. Retry a few times.
      const final = record.attempts + 1 >= MAX_ATTEMPTS;
      this.logger.error(
        { err: error, inboxId: record.id, channel: record.channel, final },
        "inbox update failed",
      );
      await this.inbox.markFailed(record.id, String(error), final).catch((e: unknown) => {
        this.logger.error({ err: e, inboxId: record.id }, "could not record inbox failure");
      });
      if (!final) throw error;
    } finally {
      this.release(record.id);
    }
  }

  private release(id: number): void {
    const list = this.waiters.get(id);
    if (!list) return;
    this.waiters.delete(id);
    for (const resolve of list) resolve();
  }
}

/**
 * Lets the event loop poll for I/O before the next turn. With an embedded synchronous database every
 * query resolves at once, so a drain would otherwise run turn after turn as one chain of microtasks and
 * webhook requests could not even be read (let alone acknowledged) until the backlog was gone.
 */
function yieldToIo(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
