import type { Language } from "../../core/messages";
import type { FaqKnowledge } from "../faq/content/published-faq";

/**
 * The answers an officer may send as they are: every published FAQ answer. Read from the live published set
 * at each use, so an answer officers just corrected on the dashboard is the one a ticket gets.
 */
export interface ReadyAnswers {
  ids(): readonly string[];
  title(id: string, lang: Language): string | undefined;
  answer(id: string, lang: Language): string | undefined;
}

export function readyAnswersFrom(knowledge: FaqKnowledge): ReadyAnswers {
  return {
    ids: () => knowledge.current().topics.map((topic) => topic.id),
    title: (id, lang) => knowledge.current().byId.get(id)?.title[lang],
    answer: (id, lang) => knowledge.current().byId.get(id)?.answer[lang],
  };
}
