import { z } from "zod";

/**
 * Every FAQ topic id the product knows. Locale keys (`faq:<id>.title`, `faq:<id>.answer`) and the matching
 * data in `locales/faq-topics.json` must cover exactly this list; the loader refuses anything else so an
 * officer's typo is caught at start-up rather than silently dropping a topic.
 */
export const FAQ_TOPIC_IDS = [
  "pccovid.install",
  "pccovid.register",
  "pccovid.otp",
  "pccovid.scan-venue",
  "pccovid.personal-qr",
  "pccovid.health-declaration",
  "pccovid.travel-declaration",
  "pccovid.covid-card",
  "pccovid.missing-doses",
  "pccovid.edit-info",
  "pccovid.bluezone",
  "pccovid.no-smartphone",
  "sskdt.about",
  "sskdt.certificate",
  "sskdt.reaction",
  "vaccine.register",
  "vaccine.lookup-certificate",
  "vaccine.fix-record",
  "vaccine.passport",
  "venue.register-qr",
  "venue.poster-not-scanning",
  "contact.hotline",
  "guide.tech-solutions",
  "reminders.subscribe",
  "sskdt.login",
  "vaccine.booster",
  "vaccine.children",
  "vaccine.second-dose-elsewhere",
  "venue.staff-scan",
  "contact.local",
  "covid.f0-home-care",
  "covid.f1-close-contact",
  "covid.recovery-certificate",
  "covid.test-results",
  "vneid.about",
  "pccovid.privacy",
] as const;

/** A known FAQ topic id. */
export type FaqTopicId = (typeof FAQ_TOPIC_IDS)[number];

/**
 * Menu groups, in menu order. Titles live in the locales under `faq:groups.<group>`.
 * `covid` holds what a case or a contact must do (F0, F1, tests, recovery); `vneid` is its own group because
 * it is the one app that still matters after 2022. `guide.tech-solutions` and `reminders.subscribe` sit under
 * `contact` ("Liên hệ và thông tin chung"), the catch-all group.
 */
export const FAQ_GROUPS = ["pccovid", "sskdt", "vaccine", "covid", "vneid", "venue", "contact"] as const;

/** A menu group id. */
export type FaqGroup = (typeof FAQ_GROUPS)[number];

/**
 * Follow-up flows a topic can offer after its answer; the bot maps them to its own dialogs.
 * `venue.register` starts venue QR registration, `subscriptions.settings` opens reminder settings.
 */
export const FAQ_ACTIONS = ["venue.register", "subscriptions.settings", "doses.remind"] as const;

/** A follow-up flow id. */
export type FaqAction = (typeof FAQ_ACTIONS)[number];

const phrases = z.array(z.string().trim().min(1));

const topicSchema = z
  .object({
    id: z.enum(FAQ_TOPIC_IDS),
    group: z.enum(FAQ_GROUPS),
    action: z.enum(FAQ_ACTIONS).optional(),
    keywords: z.object({ vi: phrases.min(1), en: phrases.min(1) }).strict(),
    examples: z.object({ vi: phrases.min(6), en: phrases.min(2) }).strict(),
  })
  .strict();

/** Matching data for one topic, as edited by officers in `locales/faq-topics.json`. */
export type FaqTopic = z.infer<typeof topicSchema>;

/** Thrown when the topic file does not describe exactly the known topics; the message lists every problem. */
export class FaqTopicsError extends Error {
  override readonly name = "FaqTopicsError";
}

/**
 * Validates the parsed contents of `locales/faq-topics.json`.
 *
 * @param json the parsed JSON (an array of topics)
 * @returns the topics in file order
 * @throws FaqTopicsError on a schema error (including an unknown id), a duplicate id or a missing topic
 */
export function loadFaqTopics(json: unknown): FaqTopic[] {
  const parsed = z.array(topicSchema).safeParse(json);
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => {
      const where = issue.path.join(".") || "(root)";
      // zod's enum message lists every id; naming the offending value is what helps an officer.
      const id = issue.path.length === 2 && issue.path[1] === "id" ? readId(json, issue.path[0]) : undefined;
      return id === undefined ? `${where}: ${issue.message}` : `${where}: unknown topic id "${id}"`;
    });
    throw new FaqTopicsError(`Invalid FAQ topics:\n${details.join("\n")}`);
  }
  const topics = parsed.data;
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const topic of topics) {
    if (seen.has(topic.id)) duplicates.add(topic.id);
    seen.add(topic.id);
  }
  const missing = FAQ_TOPIC_IDS.filter((id) => !seen.has(id));
  const problems = [
    ...[...duplicates].map((id) => `duplicate topic id "${id}"`),
    ...missing.map((id) => `missing topic "${id}"`),
  ];
  if (problems.length > 0) throw new FaqTopicsError(`Invalid FAQ topics:\n${problems.join("\n")}`);
  return topics;
}

function readId(json: unknown, index: PropertyKey | undefined): string | undefined {
  if (!Array.isArray(json) || typeof index !== "number") return undefined;
  const entry: unknown = json[index];
  if (typeof entry !== "object" || entry === null || !("id" in entry)) return undefined;
  return String(entry.id);
}
