import { prepare } from "../../core/understanding/words";
import type { Step } from "./registration-prompts";

/** How people name each registration field when they want to change it, in both languages, folded. */
const FIELD_WORDS: Record<Step, readonly string[]> = {
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

/** Words that say "change": without one, "tên" alone at the summary is not a request to edit. */
const CHANGE_WORDS = ["sua", "doi", "thay", "sai", "nham", "edit", "change", "fix", "wrong", "lai"];

/**
 * The field a typed message asks to change ("sửa lại tên", "sdt sai rồi", "change the address"), or undefined.
 * The longest field phrase found wins, so "tên người phụ trách" is the contact person, not the venue's name.
 */
export function fieldNamed(text: string): Step | undefined {
  const { folded } = prepare(text);
  const padded = ` ${folded} `;
  const has = (phrase: string) => padded.includes(` ${phrase} `);
  if (!CHANGE_WORDS.some(has)) return undefined;
  let best: { step: Step; length: number } | undefined;
  for (const [step, phrases] of Object.entries(FIELD_WORDS) as [Step, readonly string[]][])
    for (const phrase of phrases)
      if (has(phrase) && phrase.length > (best?.length ?? 0)) best = { step, length: phrase.length };
  return best?.step;
}
