import { broadcastsFeature } from "./broadcasts";
import { checkinFeature } from "./checkin";
import { dashboardFeature } from "./dashboard";
import { directivesFeature } from "./directives";
import { faqFeature } from "./faq";
import type { FeatureDefinition } from "./feature-module";
import { menuFeature } from "./menu";
import { officersFeature } from "./officers";
import { privacyFeature } from "./privacy";
import { smallTalkFeature } from "./small-talk";
import { subscriptionsFeature } from "./subscriptions";
import { tracingFeature } from "./tracing";
import { venuesFeature } from "./venues";

/**
 * Every capability of the product, in precedence order: this list is the only place that knows it.
 * Commands, buttons and flows are exact, so their order does not matter; free text that no flow is waiting
 * for goes through the features' fallbacks top to bottom, each passing on with `next()`. Stop words
 * ("dừng", "hủy"), greetings and requests in words ("đừng gửi nữa") must come before the FAQ's matching,
 * and the menu's polite fallback is the last word.
 * The main menu lists the features' entries in this order too.
 */
export const FEATURES: FeatureDefinition[] = [
  subscriptionsFeature,
  privacyFeature,
  smallTalkFeature,
  faqFeature,
  venuesFeature,
  checkinFeature,
  tracingFeature,
  officersFeature,
  broadcastsFeature,
  directivesFeature,
  dashboardFeature,
  menuFeature,
];
