import { randomUUID } from "node:crypto";
import { effectIdOf } from "../../core/effect-id";
import type { Logger } from "../../core/logger";
import { maskPhonesIn } from "../../core/mask-phones";
import { type ChannelId, type Language, namespace, say, type Text } from "../../core/messages";
import type { MediaStore, MessagingWindow, OutboxStore } from "../../core/ports";
import type { TextRenderer } from "../../core/renderer";
import type { Tickable } from "../../core/scheduler";
import type { AuditAction, AuditStore } from "../checkin/visit-store";
import type { OfficerService } from "../officers/officer-service";
import { communeScope, type OfficerRecord } from "../officers/officer-store";
import { type District, findUnit, successorOf } from "../venues/district";
import { acknowledges } from "./acknowledgement";
import { isOpen, type OfficeHours } from "./office-hours";
import { clip, ratingQuestion, ref, TicketMessenger } from "./ticket-messenger";
import type { TicketRecord, TicketStore } from "./ticket-store";

const handoverText = namespace("handover");

/** Longest officer answer: Zalo's text limit (Telegram's is 4096), so one answer is one message everywhere. */
export const MAX_ANSWER_CHARS = 2000;
/** Longest line of the person's kept in a ticket; longer messages are cut (they are read by a person). */
export const MAX_CITIZEN_CHARS = 2000;
const MINUTE_MS = 60_000;

/** Why an officer's action on a ticket was refused; each has a text under `handover:refused.*`. */
export type Refusal = "not-found" | "not-yours" | "closed" | "taken" | "empty" | "too-long" | "window-closed";

/** What the service needs: stores, the outbox, texts, and the settings of HANDOVER_* (src/config.ts). */
export interface HandoverDeps {
  store: TicketStore;
  officers: OfficerService;
  outbox: OutboxStore;
  media: MediaStore;
  texts: TextRenderer;
  district: District;
  audit: AuditStore;
  logger: Logger;
  /** Wakes the outbox after rows were queued outside a turn. */
  notify: () => void;
  windows: ReadonlyMap<ChannelId, MessagingWindow>;
  hours: OfficeHours;
  remindMinutes: number;
}

/**
 * Tickets between a person and officers, shared by the chat (both sides) and the dashboard: opening one tells
 * the officers of its commune in their own chat; answers reach the person on their channel through the outbox,
 * signed with the officer's role (never their account name). Every officer action is audited with their name.
 */
export class HandoverService implements Tickable {
  private readonly messenger: TicketMessenger;

  constructor(private readonly deps: HandoverDeps) {
    this.messenger = new TicketMessenger({ ...deps, communeName: (code) => this.communeName(code) });
  }

  get store(): TicketStore {
    return this.deps.store;
  }

  get hours(): OfficeHours {
    return this.deps.hours;
  }

  /** The unit in force a stored commune code means today (a code chosen before 1/7/2025 gives its successor). */
  communeInForce(code: string | null | undefined, now: Date): string | null {
    if (!code) return null;
    const unit = findUnit(this.deps.district, code, now);
    return (unit && successorOf(this.deps.district, unit, now)?.code) ?? null;
  }

  communeName(code: string | null): string | null {
    return code ? (findUnit(this.deps.district, code)?.name ?? code) : null;
  }

  /** Opens a ticket with the person's question and what they asked before it, and tells the officers. */
  async open(input: {
    contactId: string;
    channel: ChannelId;
    externalId: string;
    language: Language;
    communeCode: string | null;
    question: string;
    transcript: string[];
    now: Date;
    /** The chat turn opening it: the ticket's id and its messages to officers come from it. */
    turnKey?: string;
  }): Promise<TicketRecord> {
    const { turnKey, ...fields } = input;
    const ticket = await this.deps.store.open({
      ...fields,
      id: effectIdOf(turnKey, "ticket") ?? randomUUID(),
      question: clip(maskPhonesIn(input.question), MAX_CITIZEN_CHARS),
      transcript: input.transcript.map((line) => clip(maskPhonesIn(line), MAX_CITIZEN_CHARS)),
    });
    await this.deps.store.clearMisses(input.contactId);
    const officers = await this.messenger.officersOf(ticket, "all");
    const told = await this.messenger.tellOfficers(ticket, officers, "new", input.now, turnKey);
    this.deps.logger.info(
      { ticket: ticket.id, commune: ticket.communeCode, officersTold: told },
      "ticket opened",
    );
    return ticket;
  }

  /**
   * The person wrote again: kept on the ticket, and whoever took it is told. Null when the ticket closed
   * meanwhile; else whether the person is told it was passed on (see `acknowledges`).
   */
  async citizenWrote(
    ticket: TicketRecord,
    text: string,
    now: Date,
    turnKey?: string,
  ): Promise<{ acknowledge: boolean } | null> {
    const masked = clip(maskPhonesIn(text), MAX_CITIZEN_CHARS);
    const key = effectIdOf(turnKey, "ticket-line");
    if (!(await this.deps.store.appendCitizen(ticket.id, masked, now, key))) return null;
    // Read after the write so that a turn run again (its line already kept) decides as the first run did.
    const lines = await this.deps.store.messages(ticket.id);
    const own = lines.findLastIndex((m) => m.author === "citizen");
    const acknowledge = acknowledges(lines.slice(0, own), now);
    const assignee = ticket.assigneeId
      ? (await this.messenger.activeOfficers()).find((o) => o.id === ticket.assigneeId)
      : undefined;
    const to = assignee ? [assignee] : await this.messenger.officersOf(ticket, "all");
    await this.messenger.tellOfficers({ ...ticket, question: masked }, to, "more", now, turnKey);
    return { acknowledge };
  }

  /** The person closed it ("xong", a button). False when it was closed already or is not theirs. */
  async closeByCitizen(ticketId: string, contactId: string, now: Date): Promise<boolean> {
    const ticket = await this.deps.store.get(ticketId);
    if (!ticket || ticket.contactId !== contactId) return false;
    return this.deps.store.close(ticketId, "citizen", now);
  }

  /** Is an officer of the ticket's own commune told of it (not only admins or district-wide officers)? */
  async hasCommuneOfficer(ticket: TicketRecord): Promise<boolean> {
    return ticket.communeCode !== null && (await this.messenger.officersOf(ticket, "commune")).length > 0;
  }

  /** May this officer see and act on this ticket? Admins and district-wide officers see every ticket. */
  canSee(officer: OfficerRecord, ticket: Pick<TicketRecord, "communeCode">): boolean {
    const scope = communeScope(officer);
    return scope === null || (ticket.communeCode !== null && scope.includes(ticket.communeCode));
  }

  /** The ticket if the officer may see it, else the refusal (a ticket of another commune is "not found"). */
  async visible(ticketId: string, officer: OfficerRecord): Promise<TicketRecord | Refusal> {
    const ticket = await this.deps.store.get(ticketId);
    if (!ticket || !this.canSee(officer, ticket)) return "not-found";
    return ticket;
  }

  /**
   * Takes the ticket. Someone else's ticket is refused with "taken" unless `takeOver` says the officer
   * explicitly takes it over (then the one who had it is told).
   */
  async take(
    ticketId: string,
    officer: OfficerRecord,
    actor: string,
    options: { takeOver?: boolean; turnKey?: string } = {},
  ): Promise<TicketRecord | Refusal> {
    const ticket = await this.visible(ticketId, officer);
    if (typeof ticket === "string") return ticket;
    if (ticket.status === "closed") return "closed";
    if (ticket.assigneeId === officer.id) return ticket;
    if (ticket.assigneeId && !options.takeOver) return "taken";
    if (!(await this.deps.store.assign(ticket.id, officer.id, ticket.assigneeId))) return "taken";
    await this.audit(actor, "ticket.take", ticket, options.turnKey);
    if (ticket.assigneeId) {
      const before = (await this.messenger.activeOfficers()).find((o) => o.id === ticket.assigneeId);
      if (before)
        await this.messenger.send(
          before.contactId,
          handoverText("officer.takenOver", { ref: ref(ticket), by: this.signature(officer) }),
          undefined,
          effectIdOf(options.turnKey, "tell:taken-over"),
        );
    }
    return { ...ticket, assigneeId: officer.id };
  }

  /** The signature of whoever took it ("Cán bộ xã Bình Sơn"), for "đã được … nhận". */
  async assigneeSignature(ticket: TicketRecord): Promise<Text> {
    const officer = (await this.messenger.activeOfficers()).find((o) => o.id === ticket.assigneeId);
    return officer ? this.signature(officer) : handoverText("signature.someone");
  }

  /**
   * Sends an officer's answer to the person (through the outbox, on the person's channel) and records it.
   * Refused, with nothing changed, when empty, too long, closed, taken by someone else, or when Zalo's
   * messaging window with the person is closed.
   */
  async answer(
    ticketId: string,
    officer: OfficerRecord,
    actor: string,
    text: string,
    now: Date,
    turnKey?: string,
  ): Promise<TicketRecord | Refusal> {
    const body = text.trim();
    if (!body) return "empty";
    if (body.length > MAX_ANSWER_CHARS) return "too-long";
    const ticket = await this.visible(ticketId, officer);
    if (typeof ticket === "string") return ticket;
    if (ticket.status === "closed") return "closed";
    if (ticket.assigneeId && ticket.assigneeId !== officer.id) return "taken";
    const address = await this.deps.store.contactAddress(ticket.contactId);
    if (!address) return "not-found";
    if (this.windowClosed(ticket, address.lastInboundAt, now)) return "window-closed";
    if (!ticket.assigneeId && !(await this.deps.store.assign(ticket.id, officer.id, null))) return "taken";
    // Masked like everything kept on a ticket: an officer who pastes a phone number is asked to write it.
    const key = effectIdOf(turnKey, "ticket-answer");
    if (!(await this.deps.store.recordAnswer(ticket.id, officer.id, maskPhonesIn(body), now, key)))
      return "closed";
    await this.messenger.deliver(
      ticket,
      key,
      say(handoverText("citizen.answer", { signature: this.signature(officer), text: { raw: body } }), [
        [{ label: handoverText("citizen.doneButton"), payload: `handover:done:${ticket.id}` }],
      ]),
    );
    await this.audit(actor, "ticket.reply", ticket, turnKey);
    return { ...ticket, status: "waiting", assigneeId: officer.id };
  }

  /** Gives the ticket back and tells the other officers who may answer it (admins when there is nobody). */
  async passOn(
    ticketId: string,
    officer: OfficerRecord,
    actor: string,
    now: Date,
    turnKey?: string,
  ): Promise<TicketRecord | Refusal | "nobody"> {
    const ticket = await this.visible(ticketId, officer);
    if (typeof ticket === "string") return ticket;
    if (ticket.status === "closed") return "closed";
    if (ticket.assigneeId && ticket.assigneeId !== officer.id) return "taken";
    if (ticket.assigneeId) await this.deps.store.assign(ticket.id, null, officer.id);
    await this.audit(actor, "ticket.pass", ticket, turnKey);
    let others = (await this.messenger.officersOf(ticket, "commune")).filter((o) => o.id !== officer.id);
    if (others.length === 0)
      others = (await this.messenger.officersOf(ticket, "admins")).filter((o) => o.id !== officer.id);
    if (others.length === 0) return "nobody";
    await this.messenger.tellOfficers({ ...ticket, assigneeId: null }, others, "passed", now, turnKey);
    return { ...ticket, assigneeId: null };
  }

  /** An officer closes it (the dashboard); the person is told and asked to rate. */
  async closeByOfficer(
    ticketId: string,
    officer: OfficerRecord,
    actor: string,
    now: Date,
  ): Promise<TicketRecord | Refusal> {
    const ticket = await this.visible(ticketId, officer);
    if (typeof ticket === "string") return ticket;
    if (!(await this.deps.store.close(ticket.id, officer.id, now))) return "closed";
    await this.audit(actor, "ticket.close", ticket);
    const address = await this.deps.store.contactAddress(ticket.contactId);
    if (address && !this.windowClosed(ticket, address.lastInboundAt, now)) {
      const rendered = await this.messenger.deliver(
        ticket,
        undefined,
        say(handoverText("citizen.closedByOfficer")),
        ratingQuestion(ticket.id),
      );
      await this.messenger.offerTypedChoices(ticket.contactId, ticket.channel, rendered);
    }
    return { ...ticket, status: "closed" };
  }

  /** An officer read the conversation (the dashboard): audited, as every read of a person's words is. */
  async recordRead(actor: string, ticket: TicketRecord): Promise<void> {
    await this.audit(actor, "ticket.read", ticket);
  }

  /** True when the person's channel has a messaging window (Zalo OA) and it is closed now. */
  windowClosed(ticket: Pick<TicketRecord, "channel">, lastInboundAt: Date | null, now: Date): boolean {
    const window = this.deps.windows.get(ticket.channel);
    // An answer is a reply to the person's request: it has no purpose of its own (OutboxPurpose).
    return window !== undefined && window.verdict(lastInboundAt, undefined, now) === "outside";
  }

  /** "Cán bộ xã Bình Sơn" for an officer of one commune, else the organisation (ORG_NAME). */
  signature(officer: OfficerRecord): Text {
    const only = officer.communes.length === 1 ? officer.communes[0] : undefined;
    const name = only ? this.communeName(only) : null;
    if (officer.role !== "admin" && name)
      return handoverText("signature.commune", { commune: lowerFirst(name) });
    return handoverText("signature.org");
  }

  /**
   * The reminder job: a ticket nobody answered for HANDOVER_REMIND_MINUTES is reminded to its commune's
   * officers, and after as long again to admins, once each (a conditional mark, so two processes remind
   * once). Only in office hours: a question asked at night is reminded when the office opens.
   */
  async tick(now: Date): Promise<number> {
    if (!isOpen(this.deps.hours, now)) return 0;
    const wait = this.deps.remindMinutes * MINUTE_MS;
    let sent = 0;
    for (const ticket of await this.deps.store.unansweredBefore(new Date(now.getTime() - wait), "officers")) {
      if (!(await this.deps.store.markReminded(ticket.id, "officers", now))) continue;
      sent += await this.messenger.tellOfficers(
        ticket,
        await this.messenger.officersOf(ticket, "commune"),
        "reminder",
        now,
      );
    }
    for (const ticket of await this.deps.store.unansweredBefore(
      new Date(now.getTime() - 2 * wait),
      "admins",
    )) {
      if (!ticket.remindedOfficersAt || ticket.remindedOfficersAt.getTime() > now.getTime() - wait) continue;
      if (!(await this.deps.store.markReminded(ticket.id, "admins", now))) continue;
      sent += await this.messenger.tellOfficers(
        ticket,
        await this.messenger.officersOf(ticket, "admins"),
        "reminder",
        now,
      );
    }
    return sent;
  }

  private async audit(
    actor: string,
    action: AuditAction,
    ticket: TicketRecord,
    turnKey?: string,
  ): Promise<void> {
    const key = effectIdOf(turnKey, `audit:${action}`);
    await this.deps.audit.append({
      ...(key ? { effectId: key } : {}),
      actor,
      action,
      venueId: `ticket:${ticket.id}`,
      communeCode: ticket.communeCode,
      resultCount: 1,
    });
  }
}

/** Who an officer is in the audit log: their name as their chat shows it, and their officer id. */
export function actorOf(officer: Pick<OfficerRecord, "id">, name: string | null | undefined): string {
  return `${name?.trim() || "officer"} (officer:${officer.id.slice(0, 8)})`;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLocaleLowerCase("vi") + s.slice(1);
}
