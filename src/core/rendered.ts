/**
 * An outbound message after translation: what is stored in the outbox and handed to a channel sender.
 * Media bytes live in the media store and are referenced by id, so outbox rows stay small.
 */
export interface RenderedButton {
  label: string;
  payload: string;
  /** Set when the button is the answer "yes" or "no" (typed yes/no picks it). */
  answers?: "yes" | "no";
}

export type RenderedMessage =
  | {
      kind: "text";
      text: string;
      buttons?: RenderedButton[][];
      requestPhone?: string;
      /**
       * Set with `buttons`: a line telling the person to answer with a number or a label, for channels that
       * show the buttons as numbered text (Zalo Bot). Rendered here because senders have no language.
       */
      choiceHint?: string;
    }
  | {
      kind: "image" | "document";
      mediaId: string;
      filename: string;
      contentType: string;
      caption?: string;
      /** A lasting public URL of the same file (see Outbound `link`). */
      link?: string;
    };

/** How a row is settled when whether the platform got it cannot be known; broadcast reports count these. */
export const DELIVERY_UNKNOWN = "interrupted while sending; delivery unknown";

/** The outcome of one delivery attempt, classified so the dispatcher can act without platform knowledge. */
export type SendResult =
  /**
   * `quotaType`: what paid for it where the platform says (Zalo OA `quota.quota_type`; "none" = billed,
   * "template" = an approved template message), kept on the delivery record.
   */
  | { status: "sent"; quotaType?: string }
  /**
   * Not sent on purpose, and the person stays reachable: outside the platform's messaging window (Zalo OA,
   * 7 days after their last interaction). The next message after they write goes out as usual.
   */
  | { status: "skipped"; reason: string }
  /** The person blocked the bot or left; stop sending to them. */
  | { status: "blocked"; reason: string }
  /** The platform asked us to slow down; try again after this many milliseconds. */
  | { status: "retry"; afterMs: number; reason: string }
  /**
   * A transient failure (network, 5xx); retry with backoff. `maybeDelivered`: the call may have reached
   * the platform before it failed (connection lost mid-call, timeout), so sending again may send twice.
   */
  | { status: "transient"; reason: string; maybeDelivered?: boolean }
  /** A permanent failure for this message (bad request); do not retry. */
  | { status: "failed"; reason: string };
