import { draftOf } from "../../core/flow";
import type { Logger } from "../../core/logger";
import { t } from "../../core/messages";
import type { DialogRecord, OutboxItem } from "../../core/ports";
import type { RenderedMessage } from "../../core/rendered-message";
import type { TextRenderer } from "../../core/renderer";
import type { ContactAddress } from "../broadcasts/broadcast-store";
import { VENUE_FLOW_SHAPE } from "./venue-draft";

/** How long an unfinished registration waits before its one reminder. */
export const NUDGE_AFTER_MS = 24 * 60 * 60 * 1000;

/** A dialog nobody touched since a cut-off, with where its person can be reached. */
export interface IdleDialog {
  contactId: string;
  dialog: DialogRecord;
  address: ContactAddress;
}

/** One registration's nudge: the contact and the draft's own start stamp (one nudge per registration). */
export interface Nudge {
  contactId: string;
  startedAt: string;
}

/** Nudge storage port (Prisma in src/db): generic dialogs in, the venue feature reads its own drafts. */
export interface NudgeStore {
  /** Dialogs of `flow` untouched since `before`, oldest first, of reachable contacts. */
  idleDialogs(flow: string, before: Date, limit: number): Promise<IdleDialog[]>;
  /** The nudges already sent to these contacts. */
  nudged(contactIds: string[]): Promise<Nudge[]>;
  /**
   * Records the nudge and queues its message in one transaction (and offers its buttons as the contact's
   * choices); false when this registration was already nudged.
   */
  recordAndQueue(nudge: Nudge, item: OutboxItem): Promise<boolean>;
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
    const before = new Date(now.getTime() - NUDGE_AFTER_MS);
    const idle = await this.store.idleDialogs(VENUE_FLOW_SHAPE.id, before, 100);
    const done = new Set(
      (await this.store.nudged(idle.map((i) => i.contactId))).map((n) => `${n.contactId} ${n.startedAt}`),
    );
    for (const { contactId, dialog, address } of idle) {
      const draft = draftOf(VENUE_FLOW_SHAPE, dialog);
      // Editing an existing venue is not a registration left halfway.
      if (draft?.mode !== "new" || done.has(`${contactId} ${draft.startedAt}`)) continue;
      const lang = address.language;
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
      const queued = await this.store.recordAndQueue(
        { contactId, startedAt: draft.startedAt },
        { channel: address.channel, externalId: address.externalId, contactId, message },
      );
      if (queued) sent++;
    }
    if (sent > 0) {
      this.logger.info({ nudged: sent }, "unfinished venue registrations reminded");
      this.onQueued();
    }
    return sent;
  }
}
