import { lexicon, readWholeMessage } from "../../core/understanding/whole-message";
import { prepare } from "../../core/understanding/words";
import { readYesNo } from "../../core/understanding/yes-no";

/*
 * What an owner types at the registration summary to say it is all right: a yes ("ok", "chuẩn", "looks
 * good", read by readYesNo, as the Confirm button's answer is), or the words listed here, which are no yes to
 * a question but are one to "Bạn vui lòng kiểm tra lại thông tin" ("xong", "đúng hết rồi"). Whole messages
 * only, so "xong rồi mà tên sai" stays a message the step answers by asking again.
 */
const CONFIRM = lexicon("confirm", [
  "xong",
  "xong rồi",
  "đã xong",
  "đúng hết",
  "đúng hết rồi",
  "không cần sửa",
  "ko cần sửa",
  "không sửa",
  "ko sửa",
  "tạo mã",
  "đăng ký luôn",
  "lưu",
  "lưu lại",
  "done",
  "all good",
  "save",
]);
const FILLERS = new Set([
  "a",
  "nha",
  "nhe",
  "roi",
  "vay",
  "the",
  "het",
  "luon",
  "di",
  "em",
  "anh",
  "chi",
  "ban",
  "ad",
  "oi",
]);

/** Whether a typed message at the summary confirms it. */
export function confirmsSummary(text: string): boolean {
  return readYesNo(text) === "yes" || readWholeMessage(prepare(text), CONFIRM, FILLERS) === "confirm";
}
