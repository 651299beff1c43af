// `npm run bench [-- --quick]`: writes bench/results.json and bench/REPORT.md.
// Sections not measured yet are written as null with the reason, never as made-up numbers.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { measureFaq } from "./faq";
import { round } from "./median";
import { measurePoster } from "./venue-render";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const runs = values.quick ? 10 : 40;

let rssPeak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
}, 50);

const poster = await measurePoster(runs);
const faq = measureFaq(root);
clearInterval(sampler);

const results = {
  generatedAt: new Date().toISOString(),
  quick: values.quick,
  node: process.version,
  webhook: null,
  broadcast: null,
  notMeasured: { webhook: "load test against the server: issue #9", broadcast: "issue #6/#9" },
  faq,
  poster,
  rssPeakMb: round(rssPeak / 1024 / 1024, 1),
};
writeFileSync(join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(
  join(root, "bench/REPORT.md"),
  `# Benchmark report

Generated ${results.generatedAt} on Node ${results.node}${values.quick ? " (quick run)" : ""}.

| measure | value |
| --- | --- |
| FAQ in-scope top-1 accuracy (${faq.questions} labelled questions) | ${faq.accuracy} |
| FAQ out-of-scope rejection | ${faq.outOfScopeRejection} |
| FAQ match latency p50 / p99 | ${faq.p50Ms} ms / ${faq.p99Ms} ms (goal p99 ≤ 5 ms) |
| QR PNG render, median | ${poster.qrMedianMs} ms |
| A4 poster PDF render, median | ${poster.pdfMedianMs} ms |
| peak RSS of the bench process | ${results.rssPeakMb} MB |

Not measured yet: webhook throughput against a bare telegraf baseline, broadcast rate (see results.json \`notMeasured\`).
`,
);
console.log(JSON.stringify(results, null, 2));
