import type { FaqTopicId } from "./topics";

/** What the bot knows about an answer besides its words (which live in `locales/<lng>/faq.json`). */
export interface FaqTopicContent {
  /**
   * The day the answer was last checked against its sources (ISO date). The answer describes the world as of
   * that day and is shown with it, so nobody reads a 2021 rule as today's.
   */
  validAsOf: string;
  /** Topics the answer points to ("xem chủ đề …"); each becomes a button under the answer. */
  related: FaqTopicId[];
}

// The 2021 body of the FAQ was written against the sources of October–November 2021 (the district letter
// and the team's reference, latest source 13/11/2021); answers about this product describe it as shipped.
const AUTUMN_2021 = "2021-11-15";
const PRODUCT = "2026-12-01";

/**
 * Date and cross-references of every topic. A `Record` over the ids, so a new topic cannot ship undated:
 * the type checker refuses the file until the topic has an entry.
 */
export const FAQ_TOPIC_CONTENT: Record<FaqTopicId, FaqTopicContent> = {
  "pccovid.install": { validAsOf: AUTUMN_2021, related: [] },
  "pccovid.register": { validAsOf: AUTUMN_2021, related: [] },
  "pccovid.otp": { validAsOf: AUTUMN_2021, related: [] },
  "pccovid.scan-venue": { validAsOf: AUTUMN_2021, related: [] },
  "pccovid.personal-qr": { validAsOf: AUTUMN_2021, related: [] },
  "pccovid.health-declaration": { validAsOf: AUTUMN_2021, related: [] },
  "pccovid.travel-declaration": { validAsOf: AUTUMN_2021, related: [] },
  "pccovid.covid-card": { validAsOf: AUTUMN_2021, related: ["pccovid.missing-doses"] },
  "pccovid.missing-doses": { validAsOf: AUTUMN_2021, related: ["vaccine.fix-record"] },
  "pccovid.edit-info": { validAsOf: AUTUMN_2021, related: [] },
  "pccovid.bluezone": { validAsOf: AUTUMN_2021, related: [] },
  "pccovid.no-smartphone": { validAsOf: AUTUMN_2021, related: [] },
  "pccovid.privacy": { validAsOf: AUTUMN_2021, related: ["pccovid.scan-venue"] },
  "sskdt.about": { validAsOf: AUTUMN_2021, related: [] },
  "sskdt.login": { validAsOf: "2026-01-11", related: ["vneid.about"] },
  "sskdt.certificate": { validAsOf: AUTUMN_2021, related: ["vaccine.fix-record"] },
  "sskdt.reaction": { validAsOf: AUTUMN_2021, related: [] },
  "vaccine.register": { validAsOf: AUTUMN_2021, related: [] },
  "vaccine.lookup-certificate": { validAsOf: "2022-03-30", related: [] },
  "vaccine.fix-record": { validAsOf: "2022-04-15", related: ["pccovid.missing-doses"] },
  "vaccine.passport": { validAsOf: "2022-05-31", related: ["vaccine.fix-record"] },
  "vaccine.booster": { validAsOf: "2022-04-30", related: ["vaccine.register", "vaccine.fix-record"] },
  "vaccine.children": { validAsOf: AUTUMN_2021, related: ["sskdt.reaction"] },
  "vaccine.second-dose-elsewhere": { validAsOf: AUTUMN_2021, related: ["vaccine.fix-record"] },
  "covid.f0-home-care": { validAsOf: "2023-10-20", related: [] },
  "covid.f1-close-contact": { validAsOf: "2021-12-20", related: [] },
  "covid.recovery-certificate": { validAsOf: "2021-12-20", related: ["pccovid.covid-card"] },
  "covid.test-results": { validAsOf: AUTUMN_2021, related: ["covid.f0-home-care"] },
  "vneid.about": { validAsOf: "2026-01-11", related: ["vaccine.fix-record"] },
  "venue.register-qr": { validAsOf: PRODUCT, related: [] },
  "venue.poster-not-scanning": { validAsOf: PRODUCT, related: [] },
  "venue.staff-scan": { validAsOf: PRODUCT, related: ["pccovid.no-smartphone"] },
  "contact.hotline": { validAsOf: AUTUMN_2021, related: [] },
  "contact.local": { validAsOf: PRODUCT, related: [] },
  "guide.tech-solutions": { validAsOf: AUTUMN_2021, related: [] },
  "reminders.subscribe": { validAsOf: PRODUCT, related: [] },
};
