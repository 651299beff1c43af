import type { Logger } from "../../core/logger";
import { t } from "../../core/messages";
import type { OutboxItem } from "../../core/ports";
import type { RenderedMessage } from "../../core/rendered";
import type { TextRenderer } from "../../core/renderer";
import type { ContactAddress } from "../broadcasts/broadcast-store";

/** How long an unfinished registration waits before its one reminder. */
export const NUDGE_AFTER_MS = 24 * 60 * 60 * 1000;

/** An unfinished venue registration, untouched since before the cut-off and not yet nudged. */
export interface StaleDraft {
  contactId: string;
  /** When this registration was started (the draft's own stamp): one nudge per registration. */
  startedAt: string;
  name: string | null;
  address: ContactAddress;
}

/** Nudge storage port (Prisma in src/db). */
export interface NudgeStore {
  staleVenueDrafts(before: Date, limit: number): Promise<StaleDraft[]>;
  /**
   * Records the nudge and queues its message in one transaction (and offers its buttons as the contact's
   * choices); false when this registration was already nudged.
   */
  recordAndQueue(draft: StaleDraft, item: OutboxItem): Promise<boolean>;
}

/**
 * One reminder to an owner who started registering a venue and left it for 24 h; it offers to continue
 * (the draft is kept) or start over. Never a second one for the same registration.
 */
export class VenueNudger {
  constructor(
    private readonly store: NudgeStore,
    private readonly texts: TextRenderer,
    private readonly logger: Logger,
    private readonly onQueued: () => void = () => {},
  ) {}

  async tick(now: Date): Promise<number> {
    let sent = 0;
    for (const draft of await this.store.staleVenueDrafts(new Date(now.getTime() - NUDGE_AFTER_MS), 100)) {
      const lang = draft.address.language;
      const r = (key: string, params?: Record<string, string>) => this.texts.render(t(key, params), lang);
      const message: RenderedMessage = {
        kind: "text",
        text: r("venues:nudge.text", { name: draft.name ? ` "${draft.name}"` : "" }),
        buttons: [
          [
            { label: r("venues:flow.resume"), payload: "venues:resume" },
            { label: r("venues:flow.restart"), payload: "venues:restart" },
          ],
        ],
        choiceHint: r("common.replyWithNumber"),
      };
      const queued = await this.store.recordAndQueue(draft, {
        channel: draft.address.channel,
        externalId: draft.address.externalId,
        contactId: draft.contactId,
        message,
      });
      if (queued) sent++;
    }
    if (sent > 0) {
      this.logger.info({ nudged: sent }, "unfinished venue registrations reminded");
      this.onQueued();
    }
    return sent;
  }
}
