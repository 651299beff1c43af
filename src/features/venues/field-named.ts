import { containsPhrase, phrases, prepare } from "../../core/understanding/words";
import type { Step } from "./registration-prompts";

/** How people name each registration field when they want to change it, in both languages. */
const FIELD_NAMES: Record<Step, readonly string[]> = {
  name: ["ten", "ten dia diem", "ten quan", "ten cua hang", "name", "venue name"],
  category: ["loai", "loai hinh", "loai dia diem", "type", "category", "kind"],
  commune: ["xa", "phuong", "xa phuong", "thi tran", "commune", "ward"],
  address: ["dia chi", "address", "so nha", "thon", "duong"],
  contactName: [
    "nguoi phu trach",
    "nguoi lien he",
    "ho ten",
    "ten nguoi phu trach",
    "contact",
    "person in charge",
  ],
  phone: ["so dien thoai", "dien thoai", "sdt", "so dt", "phone", "phone number", "number"],
};

const FIELD_WORDS = Object.entries(FIELD_NAMES).flatMap(([step, names]) =>
  phrases(names).map((phrase) => ({ step: step as Step, phrase })),
);

/** Words that say "change": without one, "tên" alone at the summary is not a request to edit. */
const CHANGE_WORDS = phrases(["sua", "doi", "thay", "sai", "nham", "edit", "change", "fix", "wrong", "lai"]);

/**
 * The field a typed message asks to change ("sửa lại tên", "sdt sai rồi", "change the address"), or undefined.
 * The longest field phrase found wins, so "tên người phụ trách" is the contact person, not the venue's name.
 */
export function fieldNamed(text: string): Step | undefined {
  const { words } = prepare(text);
  if (!CHANGE_WORDS.some((change) => containsPhrase(words, change))) return undefined;
  let best: { step: Step; length: number } | undefined;
  for (const { step, phrase } of FIELD_WORDS) {
    const length = phrase.join(" ").length;
    if (length > (best?.length ?? 0) && containsPhrase(words, phrase)) best = { step, length };
  }
  return best?.step;
}
