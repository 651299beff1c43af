import { describe, expect, it } from "vitest";
import { readChoice } from "../../../src/core/understanding/choice-reading";
import { readIntent } from "../../../src/core/understanding/intent";
import { readNavigation } from "../../../src/core/understanding/navigation";
import { readSmallTalk } from "../../../src/core/understanding/small-talk";
import { readTime } from "../../../src/core/understanding/time-reading";
import { readYesNo } from "../../../src/core/understanding/yes-no";

/*
 * HELD-OUT SET. Written before the readers existed and never used to tune them: when a case here fails, the fix
 * goes into the readers for the general reason, and the case is not edited to pass. The score (share of cases
 * read as expected) is printed and must stay ≥ 85 %; the tuned corpus lives in the other files of this folder.
 */

const NOW = new Date("2026-12-01T03:00:00Z"); // Tuesday 1 Dec 2026, 10:00 in Vietnam

type Case = [input: string, expected: string | null];

const navigation: Case[] = [
  ["Quay lai", "back"],
  ["quay lại bước trước", "back"],
  ["tro ve", "back"],
  ["BACK", "back"],
  ["go back", "back"],
  ["huỷ bỏ", "cancel"],
  ["huy bo di", "cancel"],
  ["thôi ạ", "cancel"],
  ["thoi khong lam nua", "cancel"],
  ["dung lai", "cancel"],
  ["stop", "cancel"],
  ["Cancel please", "cancel"],
  ["ve trang chu", "menu"],
  ["Menu chính", "menu"],
  ["huong dan", "help"],
  ["giúp với", "help"],
  ["Thôn Lui, Bình Hải", null],
  ["Thôi Thị Hoa", null],
  ["Nguyễn Văn Lùi", null],
  ["Quán Trở Lại", null],
  ["số 12 đường Hủy", null],
  ["Quán cà phê Thôi Nôi", null],
];

const yesNo: Case[] = [
  ["Có", "yes"],
  ["co a", "yes"],
  ["dạ vâng", "yes"],
  ["uk", "yes"],
  ["ừa", "yes"],
  ["oki", "yes"],
  ["đúng vậy", "yes"],
  ["duoc a", "yes"],
  ["Yes", "yes"],
  ["yeah", "yes"],
  ["👍", "yes"],
  ["roi a", "yes"],
  ["đã tiêm rồi", "yes"],
  ["khong a", "no"],
  ["Không có", "no"],
  ["ko co dau", "no"],
  ["hong", "no"],
  ["Khum", "no"],
  ["k", "no"],
  ["kô", "no"],
  ["chưa ạ", "no"],
  ["chua tiem", "no"],
  ["nope", "no"],
  ["No thanks", "no"],
  ["👎", "no"],
  ["không biết", null],
  ["có thể", null],
  ["để mai tính", null],
];

const SUBS = [
  { label: "Xã Bình Thạnh", payload: "s:21046" },
  { label: "Xã Bình Thanh", payload: "s:21097" },
  { label: "Xã Bình Hải", payload: "s:21067" },
  { label: "Thị trấn Châu Ổ", payload: "s:21040" },
  { label: "Xã Bình Tân Phú", payload: "s:21106" },
];

const choice: Case[] = [
  ["3", "s:21067"],
  ["số 3", "s:21067"],
  ["binh hai", "s:21067"],
  ["Bình Hải", "s:21067"],
  ["xa binh hai", "s:21067"],
  ["chau o", "s:21040"],
  ["tt chau o", "s:21040"],
  ["Châu Ổ", "s:21040"],
  ["Bình Thạnh", "s:21046"],
  ["Bình Thanh", "s:21097"],
  ["binh thanh", "ambiguous"],
  ["tan phu", "s:21106"],
  ["binh tan phu", "s:21106"],
  ["Bình Tân Phú", "s:21106"],
  ["9", null],
  ["Hà Nội", null],
];

const intent: Case[] = [
  ["khong nhan tin nua", "unsubscribe"],
  ["Đừng gửi tin cho tôi nữa", "unsubscribe"],
  ["huy dang ky nhan tin", "unsubscribe"],
  ["ngừng nhận thông báo", "unsubscribe"],
  ["unsubscribe", "unsubscribe"],
  ["toi muon dang ky ma qr cho quan", "register-venue"],
  ["tạo mã QR cho cửa hàng", "register-venue"],
  ["dang ky dia diem", "register-venue"],
  ["cho toi gap can bo", "human"],
  ["mình muốn nói chuyện với người thật", "human"],
  ["xoa du lieu cua toi", "erase-data"],
  ["Xóa thông tin của tôi", "erase-data"],
  ["dang ky nhan tin", "subscribe"],
  ["7KQ3MZP9XA", "venue-code"],
  ["7kq3 mzp9xa", "venue-code"],
  ["tiêm mũi 3 ở đâu", null],
];

const smallTalk: Case[] = [
  ["Alo", "greeting"],
  ["chao ban", "greeting"],
  ["Hi", "greeting"],
  ["xin chào ạ", "greeting"],
  ["cam on nhieu", "thanks"],
  ["Cảm ơn bạn", "thanks"],
  ["thank u", "thanks"],
  ["ok", "ack"],
  ["co ai ko", "anyone-there"],
  ["có ai ở đó không", "anyone-there"],
  ["ad oi", "anyone-there"],
  ["hihi", "laugh"],
  ["hahaha", "laugh"],
  ["😀😀", "emoji-only"],
  ["tiêm vắc xin ở đâu", null],
];

/** "HH:MM DD/MM" in Vietnam time, or the failure reason. */
function vnTime(text: string): string {
  const r = readTime(text, NOW);
  if (!r.ok) return r.reason;
  const local = new Date(r.at.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ${local.slice(8, 10)}/${local.slice(5, 7)}`;
}

const time: Case[] = [
  ["15h", "15:00 01/12"],
  ["3h chiều", "15:00 01/12"],
  ["3 gio chieu", "15:00 01/12"],
  ["9h tối", "21:00 01/12"],
  ["mai 7h", "07:00 02/12"],
  ["7h sáng mai", "07:00 02/12"],
  ["ngày mai lúc 8 giờ", "08:00 02/12"],
  ["20:30", "20:30 01/12"],
  ["10/12 9h", "09:00 10/12"],
  ["9h 10/12", "09:00 10/12"],
  ["thu 5 8h", "08:00 03/12"],
  ["chủ nhật 7h30", "07:30 06/12"],
  ["cn 19h", "19:00 06/12"],
  ["tomorrow 9am", "09:00 02/12"],
  ["7pm", "19:00 01/12"],
  ["1/11 8h", "past"],
  ["lúc nào cũng được", "unreadable"],
];

function score(name: string, cases: Case[], read: (text: string) => string | null) {
  const misses = cases
    .map(([input, expected]) => ({ input, expected, got: read(input) }))
    .filter((c) => c.got !== c.expected);
  return { name, total: cases.length, misses };
}

describe("held-out typed inputs (never tuned on)", () => {
  it("reads at least 85 % of them as a person meant", () => {
    const results = [
      score("navigation", navigation, (t) => readNavigation(t)),
      score("yes/no", yesNo, (t) => readYesNo(t)),
      score("choice", choice, (t) => {
        const r = readChoice(t, SUBS);
        return r.kind === "match" ? r.choice.payload : r.kind === "ambiguous" ? "ambiguous" : null;
      }),
      score("intent", intent, (t) => readIntent(t)?.kind ?? null),
      score("small talk", smallTalk, (t) => readSmallTalk(t)),
      score("time", time, vnTime),
    ];
    const total = results.reduce((n, r) => n + r.total, 0);
    const missed = results.reduce((n, r) => n + r.misses.length, 0);
    const share = (total - missed) / total;
    console.log(
      `held-out: ${total - missed}/${total} = ${(share * 100).toFixed(1)} %\n` +
        results
          .flatMap((r) =>
            r.misses.map((m) => `  ${r.name}: ${JSON.stringify(m.input)} → ${m.got} (want ${m.expected})`),
          )
          .join("\n"),
    );
    expect(share).toBeGreaterThanOrEqual(0.85);
  });
});
