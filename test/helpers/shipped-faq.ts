import { join } from "node:path";
import {
  fixedFaqKnowledge,
  loadOutOfScope,
  loadPublishedFaqFromFiles,
} from "../../src/features/faq/content/published-faq";

/** The FAQ as shipped in `locales/`: what a feature test registers the FAQ with when content is not its subject. */
export function shippedFaq() {
  const locales = join(import.meta.dirname, "../../locales");
  return {
    knowledge: fixedFaqKnowledge(loadPublishedFaqFromFiles(locales)),
    outOfScope: loadOutOfScope(locales),
  };
}
