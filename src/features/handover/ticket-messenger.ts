import { choicesOf } from "../../core/choices";
import { effectId, effectIdOf } from "../../core/effect-id";
import { type Button, type ChannelId, namespace, say, type Text } from "../../core/messages";
import type { MediaStore, OutboxStore } from "../../core/ports";
import type { RenderedMessage } from "../../core/rendered-message";
import { renderOutbound, type TextRenderer } from "../../core/renderer";
import type { OfficerService } from "../officers/officer-service";
import type { OfficerRecord } from "../officers/officer-store";
import type { TicketRecord, TicketStore } from "./ticket-store";

const handoverText = namespace("handover");
const MINUTE_MS = 60_000;

/** Why officers are told about a ticket; each has a text under `handover:officer.*`. */
export type OfficerNews = "new" | "more" | "passed" | "reminder";

/** What the messenger needs of the service's dependencies (HandoverDeps). */
export interface TicketMessengerDeps {
  store: TicketStore;
  officers: OfficerService;
  outbox: OutboxStore;
  media: MediaStore;
  texts: TextRenderer;
  /** Wakes the outbox after rows were queued outside a turn. */
  notify: () => void;
  /** A commune's name for the officers' messages ("Xã Bình Sơn"), null when the ticket has none. */
  communeName: (code: string | null) => string | null;
}

/**
 * How ticket news reaches people outside their own turns: who among the officers is told and in what words,
 * and the outbox rows that carry it, to officers in their chat and to the person on their channel. Kept apart
 * from the service's rules (who may take, answer, pass on) so each reads on its own.
 */
export class TicketMessenger {
  constructor(private readonly deps: TicketMessengerDeps) {}

  async activeOfficers(): Promise<OfficerRecord[]> {
    return (await this.deps.officers.list()).filter((o) => !o.revokedAt);
  }

  /**
   * Who is told about a ticket: "commune" = officers whose communes include it (district-wide officers for a
   * ticket without a commune), "admins", or "all" of both.
   */
  async officersOf(ticket: TicketRecord, who: "all" | "commune" | "admins"): Promise<OfficerRecord[]> {
    return (await this.activeOfficers()).filter((o) => {
      if (o.role === "admin") return who !== "commune";
      if (who === "admins") return false;
      return ticket.communeCode ? o.communes.includes(ticket.communeCode) : o.communes.length === 0;
    });
  }

  /** Tells each officer (never the person themselves, when an officer asked) with take/answer/pass buttons. */
  async tellOfficers(
    ticket: TicketRecord,
    officers: OfficerRecord[],
    why: OfficerNews,
    now: Date,
    turnKey?: string,
  ): Promise<number> {
    const minutes = Math.max(0, Math.round((now.getTime() - ticket.createdAt.getTime()) / MINUTE_MS));
    const text = handoverText(`officer.${why}`, {
      ref: ref(ticket),
      commune: this.deps.communeName(ticket.communeCode) ?? handoverText("officer.noCommune"),
      minutes,
      question: { raw: clip(ticket.question, 600) },
    });
    const take = { label: handoverText("officer.take"), payload: `handover:take:${ticket.id}` };
    const answer = { label: handoverText("officer.answer"), payload: `handover:answer:${ticket.id}` };
    const pass = [{ label: handoverText("officer.pass"), payload: `handover:pass:${ticket.id}` }];
    let told = 0;
    for (const officer of officers) {
      if (officer.contactId === ticket.contactId) continue;
      // The officer who already holds it is not offered to take it.
      const holds = ticket.assigneeId === officer.id;
      const buttons: Button[][] = [holds ? [answer] : [take, answer], pass];
      const key = effectIdOf(turnKey, `tell:${why}:${officer.contactId}`);
      told += (await this.send(officer.contactId, text, buttons, key)) ? 1 : 0;
    }
    return told;
  }

  /**
   * Queues a message to an officer outside any turn of theirs (rendered in their language); its buttons
   * become what the officer's typed "nhan", "tra loi" or "1" is read against. `key`: an effect id of the turn
   * that causes it, so that turn run again queues it once.
   */
  async send(contactId: string, text: Text, buttons?: Button[][], key?: string): Promise<boolean> {
    const to = await this.deps.store.contactAddress(contactId);
    if (!to) return false;
    const rendered = await renderOutbound(
      [say(text, buttons)],
      to.language,
      this.deps.texts,
      this.deps.media,
    );
    if (rendered.length === 0) return false;
    await this.deps.outbox.enqueue(
      rendered.map((message, i) => ({
        channel: to.channel,
        externalId: to.externalId,
        contactId,
        message,
        ...(key ? { effectId: effectId(key, String(i)) } : {}),
      })),
    );
    // On every channel, Telegram too: officers type the buttons' words as often as they tap them, and the
    // alert is the last message they were shown. (A turn of theirs afterwards offers its own choices.)
    await this.offerTypedChoices(contactId, to.channel, rendered, "every-channel");
    this.deps.notify();
    return true;
  }

  /**
   * A typed answer ("1", a label, a tapped Zalo button that comes back as its label) is read against the
   * choices of the person's last turn (contact.choices, which the engine writes when it commits a turn); a
   * message sent outside a turn makes its own buttons those choices, through the same stored field. For a
   * citizen only on Zalo Bot and Zalo OA, where buttons are text; never for an answer to a citizen, whose
   * "Xong, cảm ơn" would then swallow "dạ em cảm ơn, …" meant for the officer. `"every-channel"`: officers'
   * alerts, whose labels they type on any channel.
   */
  async offerTypedChoices(
    contactId: string,
    channel: ChannelId,
    rendered: RenderedMessage[],
    where: "text-button-channels" | "every-channel" = "text-button-channels",
  ): Promise<void> {
    if (where === "text-button-channels" && channel !== "zalo-bot" && channel !== "zalo-oa") return;
    const choices = choicesOf(rendered);
    if (choices.length > 0) await this.deps.store.offerChoices(contactId, choices);
  }

  /** Messages to the person of a ticket, on their channel, in their language. */
  async deliver(
    ticket: TicketRecord,
    key: string | undefined,
    ...messages: ReturnType<typeof say>[]
  ): Promise<RenderedMessage[]> {
    const to = await this.deps.store.contactAddress(ticket.contactId);
    const lang = to?.language ?? ticket.language;
    const rendered = await renderOutbound(messages, lang, this.deps.texts, this.deps.media);
    await this.deps.outbox.enqueue(
      rendered.map((message, i) => ({
        channel: ticket.channel,
        externalId: ticket.externalId,
        contactId: ticket.contactId,
        message,
        ...(key ? { effectId: effectId(key, `to-citizen:${i}`) } : {}),
      })),
    );
    this.deps.notify();
    return rendered;
  }
}

/** The 👍/👎 question after a ticket closes. */
export function ratingQuestion(ticketId: string) {
  return say(handoverText("citizen.rateAsk"), [
    [
      { label: handoverText("citizen.rateUp"), payload: `handover:rate:up:${ticketId}`, answers: "yes" },
      { label: handoverText("citizen.rateDown"), payload: `handover:rate:down:${ticketId}`, answers: "no" },
    ],
  ]);
}

/** "#1a2b3c": a ticket as officers refer to it in chat. */
export function ref(ticket: Pick<TicketRecord, "id">): string {
  return `#${ticket.id.slice(0, 6)}`;
}

/** The text cut to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
