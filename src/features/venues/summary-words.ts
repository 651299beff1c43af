import { lexicon, readWholeMessage } from "../../core/understanding/whole-message";
import { prepare } from "../../core/understanding/words";

/*
 * What an owner types at the registration summary to say it is all right: "xong", "đúng hết rồi", "chuẩn",
 * "tạo mã đi", "looks good". A yes ("ok", "có", "ừ") is already the Confirm button's answer; these are the
 * words that are no yes to a question but are one to "Bạn vui lòng kiểm tra lại thông tin". Whole messages
 * only, so "xong rồi mà tên sai" stays a message the step answers by asking again.
 */
const CONFIRM = lexicon("confirm", [
  "xong",
  "xong rồi",
  "đã xong",
  "được rồi",
  "đúng rồi",
  "đúng hết",
  "đúng hết rồi",
  "chính xác",
  "chuẩn",
  "chuẩn rồi",
  "không cần sửa",
  "ko cần sửa",
  "không sửa",
  "ko sửa",
  "tạo mã",
  "đăng ký luôn",
  "lưu",
  "lưu lại",
  "done",
  "correct",
  "all good",
  "looks good",
  "thats right",
  "that's right",
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
  return readWholeMessage(prepare(text), CONFIRM, FILLERS) === "confirm";
}
