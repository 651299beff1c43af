import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Logger } from "../../core/logger";
import { type Audience, audienceSchema, broadcastTextSchema } from "./audience";
import { nextRun, parseClock } from "./send-time";

/** A reminder sent daily or weekly at a local time. */
export interface RecurringRecord {
  id: string;
  text: string;
  textEn: string | null;
  audience: Audience;
  every: "daily" | "weekly";
  weekday: number | null;
  time: string;
  nextRunAt: Date;
  active: boolean;
  /** Set while paused: no run is queued until it is resumed. */
  pausedAt: Date | null;
  createdBy: string;
}

/** What an officer gives to set up a reminder (API). */
export const recurringSchema = z
  .object({
    text: broadcastTextSchema,
    textEn: broadcastTextSchema.optional(),
    audience: audienceSchema,
    every: z.enum(["daily", "weekly"]),
    weekday: z.number().int().min(0).max(6).optional(),
    time: z.string().refine((v) => parseClock(v) !== undefined, "use HH:MM"),
  })
  .refine((r) => r.every === "daily" || r.weekday !== undefined, {
    message: "weekly reminders need a weekday (0 = Sunday … 6 = Saturday)",
    path: ["weekday"],
  });

/** Recurring reminder storage port (Prisma in src/db). */
export interface RecurringStore {
  create(input: Omit<RecurringRecord, "active" | "pausedAt">): Promise<RecurringRecord>;
  list(): Promise<RecurringRecord[]>;
  /** Active, not paused reminders whose next run has come. */
  due(now: Date): Promise<RecurringRecord[]>;
  /**
   * Creates the broadcast of one run and moves `nextRunAt` on, in one transaction and only if `nextRunAt`
   * is still `from`: two processes (or a retried tick) never create the same run twice.
   */
  materialise(id: string, from: Date, to: Date, broadcastId: string): Promise<boolean>;
  deactivate(id: string): Promise<boolean>;
  /** Pauses an active reminder that is not paused; true if this call did it. */
  pause(id: string, now: Date): Promise<boolean>;
  /** Resumes a paused reminder with its next run from now (no burst of the runs it missed). */
  resume(id: string, nextRunAt: Date): Promise<boolean>;
}

/** Sets reminders up and turns each due run into a broadcast (called by the scheduler tick). */
export class RecurringReminders {
  constructor(
    private readonly store: RecurringStore,
    private readonly logger: Logger,
  ) {}

  /** `id`: a chat turn's effect id (src/core/effect-id.ts), so the turn run again creates it once. */
  create(
    input: z.infer<typeof recurringSchema>,
    createdBy: string,
    now: Date,
    id: string = randomUUID(),
  ): Promise<RecurringRecord> {
    const rule = { every: input.every, weekday: input.weekday ?? null, time: input.time };
    return this.store.create({
      id,
      text: input.text,
      textEn: input.textEn ?? null,
      audience: input.audience,
      ...rule,
      nextRunAt: nextRun(rule, now),
      createdBy,
    });
  }

  list(): Promise<RecurringRecord[]> {
    return this.store.list();
  }

  /** Stops a reminder for good; `actor` (the officer) is logged with it. */
  async deactivate(id: string, actor: string): Promise<boolean> {
    return this.logged(await this.store.deactivate(id), id, actor, "stopped");
  }

  async pause(id: string, now: Date, actor: string): Promise<boolean> {
    return this.logged(await this.store.pause(id, now), id, actor, "paused");
  }

  /** Resumes a paused reminder; its next run is the first one after `now`. */
  async resume(id: string, now: Date, actor: string): Promise<boolean> {
    const reminder = (await this.store.list()).find((r) => r.id === id);
    if (!reminder?.active || !reminder.pausedAt) return false;
    return this.logged(await this.store.resume(id, nextRun(reminder, now)), id, actor, "resumed");
  }

  private logged(done: boolean, reminderId: string, actor: string, what: string): boolean {
    if (done) this.logger.info({ reminderId, actor }, `recurring reminder ${what}`);
    return done;
  }

  async tick(now: Date): Promise<void> {
    for (const r of await this.store.due(now)) {
      // A server that was down over several runs sends the latest one only, not a burst of stale ones.
      const to = nextRun(r, now);
      if (await this.store.materialise(r.id, r.nextRunAt, to, randomUUID())) {
        this.logger.info({ reminderId: r.id, nextRunAt: to.toISOString() }, "recurring reminder queued");
      }
    }
  }
}
