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
      /** The label of a "share my phone number" key, on channels that have one (Telegram). */
      requestPhone?: string;
      /**
       * Set with `requestPhone`: a line pointing at that key, added to the text only by a sender that shows
       * it, so no channel without the key tells the person to tap it.
       */
      requestPhoneHint?: string;
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
