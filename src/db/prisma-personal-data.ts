import type { DataSubject, PersonalDataHolder } from "../core/personal-data";
import type { Db } from "./database";

/** Outbox rows a dispatcher holds right now: left to it (it settles them), the rest of the person's go. */
const IN_FLIGHT = ["claimed", "sending"];

/**
 * The personal data the core and the built-in features keep, by kind, in the order they are erased: the
 * contact row last (docs/adr/019-erasure-and-access.md lists what each kind covers and what is kept).
 */
export function corePersonalData(db: Db): PersonalDataHolder[] {
  // Phones the person gave in their chat check-ins: web check-ins with one of them are theirs too.
  const visitsWhere = async (contactId: string) => {
    const phones = await chatPhonesOf(db, contactId);
    return { OR: [{ contactId }, ...(phones.length > 0 ? [{ phone: { in: phones } }] : [])] };
  };
  const messagesWhere = (s: DataSubject) => ({
    inbox: { conversationKey: `${s.channel}:${s.externalId}`, status: { not: "pending" } },
    outbox: { channel: s.channel, externalId: s.externalId, status: { notIn: IN_FLIGHT } },
  });

  return [
    {
      name: "visits",
      count: async (s) => db.visit.count({ where: await visitsWhere(s.contactId) }),
      erase: async (s) => {
        await db.exposureAlertRecipient.deleteMany({ where: { contactId: s.contactId } });
        return (await db.visit.deleteMany({ where: await visitsWhere(s.contactId) })).count;
      },
    },
    {
      name: "subscriptions",
      count: (s) => db.subscription.count({ where: { contactId: s.contactId } }),
      erase: async (s) => (await db.subscription.deleteMany({ where: { contactId: s.contactId } })).count,
    },
    {
      // With the yes/no to being told of an answer (kept on each question) and the answers sent to them.
      name: "questions",
      count: async (s) =>
        (await db.faqUnanswered.count({ where: { contactId: s.contactId } })) +
        (await db.faqAnswerNotice.count({ where: { contactId: s.contactId } })),
      erase: async (s) =>
        (await db.faqAnswerNotice.deleteMany({ where: { contactId: s.contactId } })).count +
        (await db.faqUnanswered.deleteMany({ where: { contactId: s.contactId } })).count,
    },
    {
      name: "ratings",
      count: (s) => db.faqFeedback.count({ where: { contactId: s.contactId } }),
      erase: async (s) => (await db.faqFeedback.deleteMany({ where: { contactId: s.contactId } })).count,
    },
    {
      // The venue stays (others check in there, its poster hangs on a wall); the owner's name, phone and
      // chat link go. Officers see an empty contact and can ask the venue for a new one.
      name: "venues",
      count: (s) => db.venue.count({ where: { ownerContactId: s.contactId } }),
      erase: async (s) =>
        (
          await db.venue.updateMany({
            where: { ownerContactId: s.contactId },
            data: { ownerContactId: null, contactName: "", contactPhone: "" },
          })
        ).count,
    },
    {
      // What they wrote and what was sent to them: stored updates, outbox rows, the web chat's history.
      name: "messages",
      count: async (s) => {
        const where = messagesWhere(s);
        const [inbox, outbox, webchat] = await Promise.all([
          db.inboxUpdate.count({ where: where.inbox }),
          db.outboxMessage.count({ where: where.outbox }),
          s.channel === "webchat" ? db.webchatMessage.count({ where: { sessionId: s.externalId } }) : 0,
        ]);
        return inbox + outbox + webchat;
      },
      erase: async (s) => {
        const where = messagesWhere(s);
        const inbox = await db.inboxUpdate.deleteMany({ where: where.inbox });
        const outbox = await db.outboxMessage.deleteMany({ where: where.outbox });
        const webchat =
          s.channel === "webchat"
            ? (await db.webchatMessage.deleteMany({ where: { sessionId: s.externalId } })).count
            : 0;
        return inbox.count + outbox.count + webchat;
      },
    },
  ];
}

/**
 * The contact row itself, erased after every other holder: it holds the platform id, display name,
 * language, last interaction (Zalo OA's window) and the choices last offered; its dialog goes with it
 * (cascade), and so do the venue nudge records.
 */
export function contactRowHolder(db: Db): PersonalDataHolder {
  return {
    name: "contact",
    count: (s) => db.contact.count({ where: { id: s.contactId } }),
    erase: async (s) => {
      await db.venueNudge.deleteMany({ where: { contactId: s.contactId } });
      return (await db.contact.deleteMany({ where: { id: s.contactId } })).count;
    },
  };
}

/** The phone numbers a person gave in chat check-ins (for their access summary, shown masked). */
export async function chatPhonesOf(db: Db, contactId: string): Promise<string[]> {
  const rows = await db.visit.findMany({
    where: { contactId, phone: { not: null } },
    select: { phone: true },
    distinct: ["phone"],
  });
  return rows.flatMap((r) => (r.phone ? [r.phone] : []));
}
