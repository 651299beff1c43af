import { effectIdOf } from "../../core/effect-id";
import type { ChannelId } from "../../core/messages";
import type { MessagingWindow } from "../../core/ports";
import type { TextRenderer } from "../../core/renderer";
import { formatVietnamTime } from "../../core/vietnam-time";
import type { VenueRecord, VenueStore } from "../venues/venue-store";
import type { AlertStore, AuditStore, VisitRecord, VisitStore } from "./visit-store";

/** Longest window one tracing call may cover: two incubation periods and then some, never "everything". */
export const MAX_WINDOW_DAYS = 31;

/** A tracing time window, `from <= visitedAt < to`. */
export interface TimeWindow {
  from: Date;
  to: Date;
}

// An explicit offset is required: "2021-11-26T08:00" would mean different instants on a server in UTC and
// an officer's laptop in Vietnam.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Reads `from`/`to` as ISO instants; `from` before `to`, at most {@link MAX_WINDOW_DAYS} apart. */
export function parseWindow(
  from: unknown,
  to: unknown,
): { ok: true; window: TimeWindow } | { ok: false; error: string } {
  if (typeof from !== "string" || !ISO_INSTANT.test(from))
    return { ok: false, error: "from must be an ISO time with offset" };
  if (typeof to !== "string" || !ISO_INSTANT.test(to))
    return { ok: false, error: "to must be an ISO time with offset" };
  const window = { from: new Date(from), to: new Date(to) };
  if (Number.isNaN(window.from.getTime()) || Number.isNaN(window.to.getTime())) {
    return { ok: false, error: "from/to is not a real date" };
  }
  if (window.from >= window.to) return { ok: false, error: "from must be before to" };
  if (window.to.getTime() - window.from.getTime() > MAX_WINDOW_DAYS * 24 * 3600 * 1000) {
    return { ok: false, error: `the window may span at most ${MAX_WINDOW_DAYS} days` };
  }
  return { ok: true, window };
}

/** What an alert did: chat contacts reached, and the people officers must call themselves. */
export interface AlertOutcome {
  alertId: string;
  /** Chat contacts the alert is queued for (now or by an earlier identical call). */
  reached: number;
  /** Of those, queued by this call (0 when the same alert is sent again). */
  queued: number;
  /** Visitors with a phone number but no reachable chat: officers call them. */
  phoneOnly: { phone: string; name: string | null; visitedAt: Date; outsideZalo?: boolean }[];
  /** Chat visitors who left the chat and gave no number: nobody can reach them. */
  unreachable: number;
  /**
   * Zalo OA visitors beyond Zalo's messaging window (no template for alerts): the chat cannot reach them, so
   * those who left a number are among `phoneOnly` (marked `outsideZalo`), the others among `unreachable`.
   */
  outsideZalo: number;
}

/**
 * Officers' tracing: visits of a venue or a commune in a window, and exposure alerts to the visitors.
 * Every call writes an audit row (who, what, window, how many) before answering.
 */
export class TracingService {
  constructor(
    private readonly deps: {
      visits: VisitStore;
      venues: VenueStore;
      audit: AuditStore;
      alerts: AlertStore;
      texts: TextRenderer;
      communeName: (code: string) => string;
      /** Channels with a messaging window (Zalo OA): whom an alert by chat cannot reach now. */
      windows?: ReadonlyMap<ChannelId, MessagingWindow>;
    },
  ) {}

  /** `turnKey`: the chat turn asking (src/core/effect-id.ts), so its audit row is written once. */
  async venueVisits(
    actor: string,
    venue: VenueRecord,
    window: TimeWindow,
    turnKey?: string,
  ): Promise<VisitRecord[]> {
    const visits = await this.deps.visits.listByVenues([venue.id], window.from, window.to);
    await this.audit(actor, "visits.venue", { venueId: venue.id }, window, visits.length, turnKey);
    return visits;
  }

  async communeVisits(
    actor: string,
    communeCode: string,
    window: TimeWindow,
  ): Promise<{ visit: VisitRecord; venue: VenueRecord }[]> {
    // A district has hundreds of venues, not millions: one page holds a commune.
    const { items } = await this.deps.venues.list({ communeCode, skip: 0, take: 100_000 });
    const byId = new Map(items.map((v) => [v.id, v]));
    const visits = items.length
      ? await this.deps.visits.listByVenues([...byId.keys()], window.from, window.to)
      : [];
    await this.audit(actor, "visits.commune", { communeCode }, window, visits.length);
    return visits.flatMap((visit) => {
      const venue = byId.get(visit.venueId);
      return venue ? [{ visit, venue }] : [];
    });
  }

  /** Queues a localised exposure alert to every chat visitor in the window; lists the phone-only ones. */
  async alertVisitors(
    actor: string,
    venue: VenueRecord,
    window: TimeWindow,
    turnKey?: string,
  ): Promise<AlertOutcome> {
    const { visits: visitStore, alerts, texts } = this.deps;
    const visits = await visitStore.listByVenues([venue.id], window.from, window.to);
    const alert = await alerts.alertFor({ venueId: venue.id, from: window.from, to: window.to, actor });

    const firstByContact = new Map<string, VisitRecord>();
    for (const v of visits)
      if (v.contactId && !firstByContact.has(v.contactId)) firstByContact.set(v.contactId, v);
    const contacts = await alerts.contacts([...firstByContact.keys()]);
    const now = new Date();
    // Outside Zalo's window the message would only be skipped: such people are for officers to phone.
    const outside = new Set(
      contacts
        .filter((c) => c.reachable)
        .filter(
          (c) =>
            this.deps.windows?.get(c.channel)?.verdict(c.lastInboundAt ?? null, "alert", now) === "outside",
        )
        .map((c) => c.id),
    );
    const reachable = contacts.filter((c) => c.reachable && !outside.has(c.id));
    const reachableIds = new Set(reachable.map((c) => c.id));

    const messages = reachable.map((contact) => {
      const visit = firstByContact.get(contact.id);
      const text = texts.render(
        {
          key: "checkin:alert.message",
          params: {
            venue: venue.name,
            address: `${venue.address}, ${this.deps.communeName(venue.communeCode)}`,
            time: visit ? formatVietnamTime(visit.visitedAt, contact.language) : "",
          },
        },
        contact.language,
      );
      return {
        contactId: contact.id,
        item: {
          channel: contact.channel,
          externalId: contact.externalId,
          contactId: contact.id,
          message: { kind: "text" as const, text },
          broadcastId: `alert:${alert.id}`,
          purpose: "alert" as const,
        },
      };
    });
    const queued = await alerts.queue(alert.id, messages);

    // Everyone the chat cannot reach but who left a number, once per number (earliest visit).
    const phoneOnly = new Map<string, AlertOutcome["phoneOnly"][number]>();
    let unreachable = 0;
    const countedUnreachable = new Set<string>();
    // A number also given in a chat we reach needs no call (same person, checked in twice ways).
    const reachedPhones = new Set(
      visits.flatMap((v) => (v.phone && v.contactId && reachableIds.has(v.contactId) ? [v.phone] : [])),
    );
    for (const v of visits) {
      if (v.contactId && reachableIds.has(v.contactId)) continue;
      if (v.phone && reachedPhones.has(v.phone)) continue;
      if (v.phone) {
        if (!phoneOnly.has(v.phone)) {
          const outsideZalo = v.contactId !== null && outside.has(v.contactId);
          phoneOnly.set(v.phone, {
            phone: v.phone,
            name: v.name,
            visitedAt: v.visitedAt,
            ...(outsideZalo ? { outsideZalo } : {}),
          });
        }
      } else if (v.contactId && !countedUnreachable.has(v.contactId)) {
        countedUnreachable.add(v.contactId);
        unreachable++;
      }
    }
    await this.audit(actor, "alert.venue", { venueId: venue.id }, window, visits.length, turnKey);
    return {
      alertId: alert.id,
      reached: reachable.length,
      queued: queued.length,
      phoneOnly: [...phoneOnly.values()],
      unreachable,
      outsideZalo: outside.size,
    };
  }

  private audit(
    actor: string,
    action: "visits.venue" | "visits.commune" | "alert.venue",
    where: { venueId?: string; communeCode?: string },
    window: TimeWindow,
    resultCount: number,
    turnKey?: string,
  ): Promise<void> {
    const key = effectIdOf(turnKey, `audit:${action}`);
    return this.deps.audit.append({
      actor,
      action,
      venueId: where.venueId ?? null,
      communeCode: where.communeCode ?? null,
      windowFrom: window.from,
      windowTo: window.to,
      resultCount,
      ...(key ? { effectId: key } : {}),
    });
  }
}
