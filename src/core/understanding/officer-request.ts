import { lexicon, readWholeMessage } from "./whole-message";
import { prepare } from "./words";

/** What an officer asks for in words instead of a command: the command that does it. */
export type OfficerRequest = "broadcast" | "trace" | "dashboard" | "survey";

const ENTRIES = [
  ...lexicon("broadcast", [
    "gửi thông báo",
    "soạn thông báo",
    "tạo thông báo",
    "gửi thông báo mới",
    "gửi tin",
    "gửi tin nhắn",
    "soạn tin",
    "gửi tin cho dân",
    "gửi tin cho người dân",
    "gửi thông báo cho người dân",
    "gửi thông báo cho dân",
    "nhắn tin cho người dân",
    "nhắn tin cho dân",
    "send a broadcast",
    "new broadcast",
    "broadcast",
    "send a message to everyone",
  ]),
  ...lexicon("trace", [
    "truy vết",
    "truy vet",
    "truy vết địa điểm",
    "trace",
    "trace a venue",
    "tra cứu lượt khai báo",
  ]),
  ...lexicon("dashboard", [
    "bảng điều khiển",
    "mở bảng điều khiển",
    "vào bảng điều khiển",
    "dashboard",
    "open the dashboard",
  ]),
  ...lexicon("survey", [
    "khảo sát",
    "tạo khảo sát",
    "gửi khảo sát",
    "soạn khảo sát",
    "new survey",
    "send a survey",
  ]),
];
const FILLERS = new Set([
  "a",
  "ạ",
  "di",
  "nhe",
  "nha",
  "please",
  "toi",
  "muon",
  "can",
  "em",
  "anh",
  "chi",
  "i",
  "want",
  "to",
]);

/**
 * "gửi thông báo", "muốn tạo khảo sát ạ", "truy vết": read only from officers (a citizen typing "gửi thông
 * báo" is asking how to receive them, which the FAQ answers). The whole message must be the request.
 */
export function readOfficerRequest(text: string): OfficerRequest | null {
  return readWholeMessage(prepare(text), ENTRIES, FILLERS);
}
