import { broadcastsFeature } from "./broadcasts";
import { checkinByTypedCode, checkinFeature } from "./checkin";
import { dashboardFeature } from "./dashboard";
import { directivesFeature } from "./directives";
import { faqFeature } from "./faq";
import type { FeatureDefinition } from "./feature-module";
import { followUpsFeature } from "./follow-ups";
import { handoverFeature, handoverMenuEntry } from "./handover";
import { menuFeature } from "./menu";
import { officersFeature } from "./officers";
import { privacyFeature } from "./privacy";
import { smallTalkFeature } from "./small-talk";
import { subscriptionsFeature } from "./subscriptions";
import { surveysFeature } from "./surveys";
import { tracingFeature } from "./tracing";
import { venuesFeature } from "./venues";

/**
 * Every capability of the product, in precedence order: this list is the only place that knows it.
 * Commands, buttons and flows are exact, so their order does not matter; free text that no flow is waiting
 * for goes through the features' fallbacks top to bottom, each passing on with `next()`. Stop words
 * ("dừng", "hủy"), greetings and requests in words ("đừng gửi nữa") must come before the FAQ's matching,
 * and the menu's polite fallback is the last word. The handover comes first: while a person's ticket is open
 * their words go to the officer, and "hủy"/"xong" closes the ticket instead of stopping reminders.
 * The main menu lists the features' entries in this order too.
 */
export const FEATURES: FeatureDefinition[] = [
  handoverFeature,
  // While a ticket is open, "hủy"/"xong" close it; then, while a survey question waits, "dừng" stops the
  // survey, not the person's news subscription.
  surveysFeature,
  subscriptionsFeature,
  privacyFeature,
  // A venue code typed instead of scanned is a check-in, before "checkin X4VN…" is read as a question.
  checkinByTypedCode,
  smallTalkFeature,
  faqFeature,
  // "🙋 Hỏi cán bộ" second in the main menu, right after the questions the bot answers (docs/adr/013).
  handoverMenuEntry,
  venuesFeature,
  checkinFeature,
  tracingFeature,
  // After the venue entries in the menu. Its "dừng" is read from the reminder's own buttons first anyway.
  followUpsFeature,
  officersFeature,
  broadcastsFeature,
  directivesFeature,
  dashboardFeature,
  menuFeature,
];
