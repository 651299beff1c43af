import type { Language } from "../messages";

/**
 * The language a message is plainly written in, or undefined when it does not say ("ok", "2", "pc covid").
 * For people who never chose a language, the engine answers in the language they write in: foreign workers at
 * Dung Quất ask "where do I get a vaccine", and a Vietnamese answer helps nobody. Vietnamese typed without
 * diacritics shares many short words with English ("a", "do", "me", "the", "can", "so", "app"), so only words
 * English has and Vietnamese does not count, and it takes several of them, most of the message:
 * "tai app pc covid o dau" stays Vietnamese.
 */
export function writtenIn(text: string): Language | undefined {
  const sample = text.slice(0, 300);
  // Any Vietnamese letter with a diacritic settles it.
  if (VIETNAMESE_LETTER.test(sample)) return "vi";
  const words = sample.toLowerCase().match(/[a-z']+/g) ?? [];
  const english = words.filter((w) => ENGLISH_ONLY.has(w)).length;
  const vietnamese = words.filter((w) => VIETNAMESE_WITHOUT_MARKS.has(w)).length;
  if (words.length >= 3 && english >= 2 && english >= words.length * 0.4 && vietnamese <= english / 3)
    return "en";
  if (vietnamese >= 2 && vietnamese > english) return "vi";
  return undefined;
}

const VIETNAMESE_LETTER = /[àáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵđ]/iu;

/** Common English words that are not also common Vietnamese syllables typed without diacritics. */
const ENGLISH_ONLY: ReadonlySet<string> = new Set(
  (
    "where what when why how who which there here this that these those it its i'm i've i'd i my mine " +
    "you your we our they their he she his her is are was were been being does did don't doesn't " +
    "can't could would should will won't shall might must have has had get got getting go going " +
    "want need please help with from for of about into onto at by if or and but not because " +
    "then just only also still yet already again any some every yes hello thanks thank sorry " +
    "vaccine vaccinated vaccination shot shots booster dose doses certificate phone number code " +
    "register registration sign login password download install scan check shop store office " +
    "health book card test tested result results positive negative quarantine isolate isolation fever " +
    "child children kids daughter wife husband mother father work working travel declaration declare " +
    "account receive receiving received lost forgot wrong name date birth update change fix show " +
    "install android never arrive arrives arrived market edit personal info side effect effects after " +
    "before passport missing meaning green yellow red happened subscribe reminder reminders visitor " +
    "without local station contact close recovery another place second third first doctor hospital " +
    "clinic school student foreigner foreigners english speak " +
    "where's what's how's it's isn't aren't wasn't didn't"
  ).split(" "),
);

/** Vietnamese syllables, typed without marks, that people use in almost every question. */
const VIETNAMESE_WITHOUT_MARKS: ReadonlySet<string> = new Set(
  (
    "toi em anh chi minh ban co khong ko k kg duoc dc la cua cho voi o dau sao lam nhu the nao gi j " +
    "tiem mui vac xin dang ky ma qr quet khai bao y te xa phuong huyen tinh nguoi dan can bo giup " +
    "roi chua nha nhe a ah oi vay thi ma nhung cac mot hai ba bon nam sau bay tam chin muoi"
  ).split(" "),
);
