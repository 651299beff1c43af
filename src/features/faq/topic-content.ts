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
/** Answers that also say domestic health declarations were paused (CV 2213/BYT-DP, 29/4/2022). */
const DECLARATIONS_PAUSED = "2022-04-30";
/** Answers that also say the health book now lives in VNeID (latest source: 11/1/2026). */
const HEALTH_BOOK_IN_VNEID = "2026-01-11";

/**
 * The day of the latest fact in `faq:notice.archived` (the health book inside VNeID, 11/1/2026). Answers checked
 * before it are shown with the notice; answers checked since already say what applies now.
 */
export const ARCHIVE_NOTICE_AS_OF = HEALTH_BOOK_IN_VNEID;

/**
 * Date and cross-references of every shipped topic: with the locale files, the seed a fresh install starts
 * from (docs/adr/014); afterwards officers change them on the dashboard. A `Record` over the ids, so a new topic cannot ship undated:
 * the type checker refuses the file until the topic has an entry.
 */
export const FAQ_TOPIC_CONTENT: Record<FaqTopicId, FaqTopicContent> = {
  "pccovid.install": { validAsOf: DECLARATIONS_PAUSED, related: [] },
  "pccovid.register": { validAsOf: DECLARATIONS_PAUSED, related: ["pccovid.privacy"] },
  "pccovid.otp": { validAsOf: DECLARATIONS_PAUSED, related: [] },
  "pccovid.scan-venue": { validAsOf: DECLARATIONS_PAUSED, related: [] },
  "pccovid.personal-qr": { validAsOf: AUTUMN_2021, related: [] },
  "pccovid.health-declaration": { validAsOf: DECLARATIONS_PAUSED, related: [] },
  "pccovid.travel-declaration": { validAsOf: DECLARATIONS_PAUSED, related: [] },
  "pccovid.covid-card": { validAsOf: AUTUMN_2021, related: ["pccovid.missing-doses"] },
  "pccovid.missing-doses": { validAsOf: HEALTH_BOOK_IN_VNEID, related: ["vaccine.fix-record"] },
  "pccovid.edit-info": { validAsOf: AUTUMN_2021, related: [] },
  "pccovid.bluezone": { validAsOf: AUTUMN_2021, related: [] },
  "pccovid.no-smartphone": { validAsOf: PRODUCT, related: ["venue.staff-scan"] },
  "pccovid.privacy": { validAsOf: AUTUMN_2021, related: ["pccovid.scan-venue"] },
  "sskdt.about": { validAsOf: HEALTH_BOOK_IN_VNEID, related: ["sskdt.login", "vneid.about"] },
  "sskdt.login": { validAsOf: HEALTH_BOOK_IN_VNEID, related: ["vneid.about"] },
  "sskdt.certificate": { validAsOf: HEALTH_BOOK_IN_VNEID, related: ["vaccine.fix-record"] },
  "sskdt.reaction": { validAsOf: AUTUMN_2021, related: [] },
  "vaccine.register": { validAsOf: AUTUMN_2021, related: [] },
  "vaccine.lookup-certificate": { validAsOf: HEALTH_BOOK_IN_VNEID, related: [] },
  "vaccine.fix-record": { validAsOf: HEALTH_BOOK_IN_VNEID, related: ["pccovid.missing-doses"] },
  "vaccine.passport": { validAsOf: "2022-05-31", related: ["vaccine.fix-record"] },
  "vaccine.booster": { validAsOf: "2022-04-30", related: ["vaccine.register", "vaccine.fix-record"] },
  "vaccine.children": { validAsOf: AUTUMN_2021, related: ["sskdt.reaction"] },
  "vaccine.second-dose-elsewhere": { validAsOf: AUTUMN_2021, related: ["vaccine.fix-record"] },
  "covid.f0-home-care": { validAsOf: "2023-10-20", related: [] },
  "covid.f1-close-contact": { validAsOf: "2021-12-20", related: [] },
  "covid.recovery-certificate": { validAsOf: "2021-12-20", related: ["pccovid.covid-card"] },
  "covid.test-results": { validAsOf: AUTUMN_2021, related: ["covid.f0-home-care"] },
  "vneid.about": { validAsOf: HEALTH_BOOK_IN_VNEID, related: ["vaccine.fix-record"] },
  "venue.register-qr": { validAsOf: PRODUCT, related: [] },
  "venue.poster-not-scanning": { validAsOf: PRODUCT, related: [] },
  "venue.staff-scan": { validAsOf: PRODUCT, related: ["pccovid.no-smartphone"] },
  "contact.hotline": { validAsOf: AUTUMN_2021, related: ["contact.local"] },
  "contact.local": { validAsOf: PRODUCT, related: [] },
  "guide.tech-solutions": { validAsOf: HEALTH_BOOK_IN_VNEID, related: ["vneid.about"] },
  "reminders.subscribe": { validAsOf: PRODUCT, related: [] },
};
