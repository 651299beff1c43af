import { type ChannelId, type Language, namespace, say, type Text } from "../../core/messages";
import type { MediaStore, MessagingWindow, OutboxStore } from "../../core/ports";
import { renderOutbound, type TextRenderer } from "../../core/renderer";
import type { AuditStore } from "../checkin/visit-store";
import type { ClusterAsker, FaqStore } from "../faq/faq-store";
import type { ContactAddress } from "./ticket-store";

const faqText = namespace("faq");

/** What closing the loop needs: the questions, where people are reached, the outbox and the audit log. */
export interface AnswerNoticeDeps {
  faq: FaqStore;
  contactAddress(contactId: string): Promise<ContactAddress | null>;
  outbox: OutboxStore;
  texts: TextRenderer;
  media: MediaStore;
  windows: ReadonlyMap<ChannelId, MessagingWindow>;
  audit: AuditStore;
  /** Wakes the outbox after rows were queued outside a turn. */
  notify: () => void;
}

/** The answer sent: a published topic's (in each person's language) or an officer's reply to a ticket. */
export interface NoticeAnswer {
  /** "topic:<id>" or "ticket:<id>", for the audit row. */
  about: string;
  text(lang: Language): string;
}

/** Who would get the answer now, shown to the officer before they confirm. */
export interface NoticePlan {
  /** The cluster's latest wording within the officer's communes. */
  question: string;
  /** Agreed, not told yet and reachable now. */
  recipients: number;
  /** Agreed, but Zalo OA's messaging window with them is closed: they get it on a later send once they write. */
  windowClosed: number;
  alreadyTold: number;
  /** Asked and said no, or never answered the question: never messaged. */
  notAgreed: number;
}

export interface NoticeResult {
  sent: number;
  windowClosed: number;
  alreadyTold: number;
}

/**
 * Closing the loop (docs/adr/013): an answer officers published, or gave on a ticket, sent to everyone in an
 * unanswered-question cluster who agreed to be told, within the officer's communes. Once per person and
 * cluster (a claimed row, unique in the database, so a repeated or concurrent send adds nothing), through the
 * outbox on the person's own channel, never into a closed Zalo OA window; one audit row with the officer's
 * name and the count.
 */
export class AnswerNotices {
  constructor(private readonly deps: AnswerNoticeDeps) {}

  /** The counts for the confirmation page; "not-found" when nobody of the officer's communes asked it. */
  async plan(folded: string, scope: string[] | null, now: Date): Promise<NoticePlan | "not-found"> {
    const askers = await this.deps.faq.clusterAskers(folded, scope);
    const first = askers[0];
    if (!first) return "not-found";
    const plan: NoticePlan = {
      question: first.question,
      recipients: 0,
      windowClosed: 0,
      alreadyTold: 0,
      notAgreed: 0,
    };
    for (const asker of askers) {
      const verdict = await this.reach(asker, now);
      if (verdict === "not-agreed" || verdict === "gone") plan.notAgreed++;
      else if (verdict === "told") plan.alreadyTold++;
      else if (verdict === "window-closed") plan.windowClosed++;
      else plan.recipients++;
    }
    return plan;
  }

  /** Sends the answer to the cluster's people who agreed (see the class). */
  async send(input: {
    folded: string;
    scope: string[] | null;
    actor: string;
    signature: Text;
    answer: NoticeAnswer;
    now: Date;
  }): Promise<NoticeResult | "not-found"> {
    const askers = await this.deps.faq.clusterAskers(input.folded, input.scope);
    if (askers.length === 0) return "not-found";
    const result: NoticeResult = { sent: 0, windowClosed: 0, alreadyTold: 0 };
    for (const asker of askers) {
      const verdict = await this.reach(asker, input.now);
      if (verdict === "told") result.alreadyTold++;
      if (verdict === "window-closed") result.windowClosed++;
      if (typeof verdict === "string") continue;
      if (!(await this.deps.faq.claimAnswerNotice(input.folded, asker.contactId, input.actor))) {
        result.alreadyTold++;
        continue;
      }
      try {
        await this.enqueue(asker, verdict, input.signature, input.answer);
      } catch (error) {
        // Not queued: the claim goes back so that a later send reaches them, rather than never.
        await this.deps.faq.releaseAnswerNotice(input.folded, asker.contactId);
        throw error;
      }
      result.sent++;
    }
    if (result.sent > 0) this.deps.notify();
    await this.deps.audit.append({
      actor: input.actor,
      action: "faq.notify",
      subject: input.answer.about,
      resultCount: result.sent,
    });
    return result;
  }

  private async reach(
    asker: ClusterAsker,
    now: Date,
  ): Promise<ContactAddress | "not-agreed" | "told" | "gone" | "window-closed"> {
    if (!asker.agreed) return "not-agreed";
    if (asker.told) return "told";
    const address = await this.deps.contactAddress(asker.contactId);
    if (!address) return "gone";
    // The answer is a reply to the person's own question: no purpose of its own, like a ticket's (ADR 012).
    const window = this.deps.windows.get(address.channel);
    if (window && window.verdict(address.lastInboundAt, undefined, now) === "outside") return "window-closed";
    return address;
  }

  private async enqueue(asker: ClusterAsker, to: ContactAddress, signature: Text, answer: NoticeAnswer) {
    const text = faqText("tell.notice", {
      question: { raw: asker.question },
      signature,
      answer: { raw: answer.text(to.language) },
    });
    const rendered = await renderOutbound([say(text)], to.language, this.deps.texts, this.deps.media);
    await this.deps.outbox.enqueue(
      rendered.map((message) => ({
        channel: to.channel,
        externalId: to.externalId,
        contactId: asker.contactId,
        message,
      })),
    );
  }
}
