import { readNavigation } from "../../core/understanding/navigation";
import { readSmallTalk } from "../../core/understanding/small-talk";
import { prepare } from "../../core/understanding/words";
import { readYesNo } from "../../core/understanding/yes-no";

/**
 * Whether a message that reached the FAQ is an answer to some question rather than a question: "có", "ko",
 * "2", "số 3", "quay lại", "chào", "ok", an emoji, or a commune's name. Such a message lands here when no
 * flow is waiting for it any more (a late tap, a reply to a message scrolled past); officers reading the
 * unanswered list must not see it as something the FAQ failed to answer.
 *
 * @param text the message as typed
 * @param isPlaceName whether the whole text names an administrative unit ("binh hai", "xã Bình Châu")
 */
export function isNotAQuestion(text: string, isPlaceName: (text: string) => boolean = () => false): boolean {
  const reading = prepare(text);
  if (reading.words.length === 0) return true;
  // A number alone, or "số 2" / "#2" / "2.": a pick from a list that is no longer on screen.
  if (/^(?:so |#|chon |option )?#?\d{1,2}$/.test(reading.folded)) return true;
  return (
    readYesNo(text) !== null ||
    readNavigation(text) !== null ||
    readSmallTalk(text) !== null ||
    isPlaceName(text)
  );
}
