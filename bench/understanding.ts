import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { readChoice } from "../src/core/understanding/choice-reading";
import { readDate } from "../src/core/understanding/date-reading";
import { readIntent } from "../src/core/understanding/intent";
import { readNavigation } from "../src/core/understanding/navigation";
import { readSmallTalk } from "../src/core/understanding/small-talk";
import { readTime } from "../src/core/understanding/time-reading";
import { readYesNo } from "../src/core/understanding/yes-no";
import { percentile } from "../src/features/faq/evaluate";
import { VENUE_CATEGORY_CHOICES } from "../src/features/venues/categories";
import { loadDistrict } from "../src/features/venues/district";
import { round } from "./median";

/** What people type at a step: answers, navigation, small talk, typos, and a few long pastes. */
const MIX = [
  "quay lại",
  "thôi không đăng ký nữa",
  "Thôn Lui, Bình Hải",
  "ko",
  "dạ có",
  "binh thanh",
  "Bình Thạnh",
  "xa binh nguen",
  "quán cafe",
  "tiem tap hoa",
  "karaok",
  "8h30 tối mai",
  "thứ 2 8h",
  "25/12 8h",
  "3 tháng trước",
  "alo có ai không",
  "cảm ơn bạn nhiều",
  "đừng gửi tin nữa",
  "7KQ3MZP9XA",
  "Nguyễn Văn An",
  "0905 123 456",
  "cho hỏi tiêm mũi 3 ở đâu vậy ạ, tôi ở thôn Phước Thiện",
  `${"Quán cà phê Hoa Sen, số 12 đường Nguyễn Trãi ".repeat(40)}`,
  "😂😂😂",
];

/**
 * p50/p99 of one understanding call on the mix above and of a whole turn's understanding (every reader the
 * engine may run on one typed message: navigation, yes/no, small talk, intent, a 22-commune picker, the
 * category list, a time and a past date). Goal: p99 of a turn ≤ 1 ms.
 */
export function measureUnderstanding(root: string, rounds = 200) {
  const district = loadDistrict(JSON.parse(readFileSync(join(root, "data/districts/binh-son.json"), "utf8")));
  // Every unit the file holds, former and current: the longest picker the readers may face.
  const communes = district.units.map((u) => ({ label: u.name, payload: `${u.code}:${u.validFrom}` }));
  const now = new Date();
  const readers: Record<string, (text: string) => unknown> = {
    navigation: readNavigation,
    yesNo: readYesNo,
    smallTalk: readSmallTalk,
    intent: readIntent,
    communeChoice: (t) => readChoice(t, communes),
    categoryChoice: (t) => readChoice(t, VENUE_CATEGORY_CHOICES),
    time: (t) => readTime(t, now),
    pastDate: (t) => readDate(t, now),
  };
  const calls: number[] = [];
  const turns: number[] = [];
  // CPU time too: on a shared machine a 0.3 ms turn preempted for a 10 ms time slice says nothing about the code.
  const turnsCpu: number[] = [];
  for (let round_ = 0; round_ < rounds; round_ += 1) {
    for (const text of MIX) {
      const turnStart = performance.now();
      const cpuStart = process.cpuUsage();
      for (const read of Object.values(readers)) {
        const start = performance.now();
        read(text);
        if (round_ > 0) calls.push(performance.now() - start);
      }
      if (round_ > 0) {
        turns.push(performance.now() - turnStart);
        const cpu = process.cpuUsage(cpuStart);
        turnsCpu.push((cpu.user + cpu.system) / 1000);
      }
    }
  }
  calls.sort((a, b) => a - b);
  turns.sort((a, b) => a - b);
  turnsCpu.sort((a, b) => a - b);
  return {
    inputs: MIX.length,
    callP50Ms: round(percentile(calls, 0.5), 4),
    callP99Ms: round(percentile(calls, 0.99), 4),
    turnP50Ms: round(percentile(turns, 0.5), 4),
    turnP99Ms: round(percentile(turns, 0.99), 4),
    turnMaxMs: round(turns.at(-1) ?? 0, 4),
    turnCpuP50Ms: round(percentile(turnsCpu, 0.5), 4),
    turnCpuP99Ms: round(percentile(turnsCpu, 0.99), 4),
    loadAverage: round(loadavg()[0] ?? 0, 1),
  };
}

// `npx tsx bench/understanding.ts`: this section alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(measureUnderstanding(join(fileURLToPath(import.meta.url), "../..")));
}
