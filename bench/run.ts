// `npm run bench [-- --quick]`: writes bench/results.json and bench/REPORT.md.
// Sections not measured yet are written as null with the reason, never as made-up numbers.
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { measureBroadcast } from "./broadcast";
import { measureFaq } from "./faq";
import { measureImportUnderLoad } from "./import-load";
import { round } from "./median";
import { measureReplyLatency } from "./reply-latency";
import { measureScaleOut } from "./scale-out";
import { measureStartup } from "./startup";
import { measureUnderstanding } from "./understanding";
import { measurePoster } from "./venue-render";
import { measureWebhook } from "./webhook";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: { quick: { type: "boolean", default: false }, only: { type: "string" } },
});
const runs = values.quick ? 10 : 40;
const replyBench = { recipients: values.quick ? 1000 : 5000, limitPerSec: 200 };

// The server runs as `npm start` runs it: the build in dist/, made from this checkout now.
execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });

// `--only faq,render,webhook,startup,import,broadcast,replies`: just those parts, printed and written to bench/tmp/partial.json
// (the report stays one run's figures side by side).
if (values.only) {
  const parts = new Set(values.only.split(","));
  const partial = {
    ...(parts.has("faq") ? { faq: measureFaq(root) } : {}),
    ...(parts.has("render") ? { poster: await measurePoster(runs) } : {}),
    ...(parts.has("webhook") ? { webhook: await measureWebhook(root, { quick: values.quick }) } : {}),
    ...(parts.has("startup") ? { startup: await measureStartup(root, { runs: values.quick ? 3 : 7 }) } : {}),
    ...(parts.has("import") ? { importLoad: await measureImportUnderLoad(root, { rows: 1000 }) } : {}),
    ...(parts.has("broadcast") ? { broadcast: await measureBroadcast(root, replyBench) } : {}),
    ...(parts.has("replies") ? { replyLatency: await measureReplyLatency(root, replyBench) } : {}),
    ...(parts.has("scaleout") && process.env.BENCH_DATABASE_URL
      ? {
          scaleOut: await measureScaleOut(root, {
            databaseUrl: process.env.BENCH_DATABASE_URL,
            quick: values.quick,
          }),
        }
      : {}),
  };
  writeFileSync(join(root, "bench/tmp/partial.json"), `${JSON.stringify(partial, null, 2)}\n`);
  console.log(JSON.stringify(partial, null, 2));
  process.exit(0);
}

let rssPeak = process.memoryUsage().rss;
const sampler = setInterval(() => {
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
}, 50);

const poster = await measurePoster(runs);
const faq = measureFaq(root);
const understanding = measureUnderstanding(root, values.quick ? 50 : 200);
clearInterval(sampler);
const webhook = await measureWebhook(root, { quick: values.quick });
const startup = await measureStartup(root, { runs: values.quick ? 3 : 7 });
const importLoad = await measureImportUnderLoad(root, { rows: 1000 });
const broadcast = await measureBroadcast(root, { recipients: values.quick ? 1000 : 5000, limitPerSec: 200 });
const replyLatency = await measureReplyLatency(root, replyBench);
// PostgreSQL too when a server is named (CI and developers with a local server).
const pgUrl = process.env.BENCH_DATABASE_URL;
const webhookPostgres = pgUrl
  ? await measureWebhook(root, { quick: values.quick, databaseUrl: pgUrl })
  : null;
// One and two processes on the same PostgreSQL server, side by side (docs/adr/017-capacity-plan.md).
const scaleOut = pgUrl ? await measureScaleOut(root, { databaseUrl: pgUrl, quick: values.quick }) : null;

const results = {
  generatedAt: new Date().toISOString(),
  quick: values.quick,
  node: process.version,
  webhook,
  webhookPostgres,
  scaleOut,
  broadcast,
  replyLatency,
  faq,
  understanding,
  poster,
  startup,
  importLoad,
  /** Peak RSS of the server under the webhook load (the bench process itself is reported separately). */
  rssPeakMb: webhook.rssPeakMb,
  benchProcessRssPeakMb: round(rssPeak / 1024 / 1024, 1),
};
writeFileSync(join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(
  join(root, "bench/REPORT.md"),
  `# Benchmark report

Generated ${results.generatedAt} on Node ${results.node}${values.quick ? " (quick run)" : ""}.

| measure | value |
| --- | --- |
${faq.sets.map((set) => `| FAQ held-out set ${set.file} (${set.questions} questions): in-scope top-1 (${set.inScope}) / out-of-scope rejection (${set.outOfScope}) | ${set.accuracy} / ${set.outOfScopeRejection} (goal ≥ 0.95 each) |`).join("\n")}
| FAQ match latency p50 / p99 (all ${faq.sets.length} held-out sets); building the matcher at start-up | ${faq.p50Ms} ms / ${faq.p99Ms} ms (goal p99 ≤ 5 ms); ${faq.buildMs} ms |
| understanding of one typed message, all readers (${understanding.inputs} typed inputs): wall p50 / p99, CPU p99 | ${understanding.turnP50Ms} ms / ${understanding.turnP99Ms} ms, ${understanding.turnCpuP99Ms} ms (goal p99 ≤ 1 ms; load average ${understanding.loadAverage}) |
| QR PNG render (1024 px, on the event loop), median: now vs qrcode's renderer as before, same run | ${poster.qrMedianMs} ms vs ${poster.qrBeforeMedianMs} ms (${round(poster.qrMedianMs / poster.qrBeforeMedianMs, 3)}×; goal ≤ 5 ms) |
| A4 poster PDF, median: pdfkit's own time / through the worker pool (event loop free) / cached venue version | ${poster.pdfMedianMs} ms / ${poster.pdfPoolMedianMs} ms / ${poster.pdfCachedMedianMs} ms |
| ${importLoad.rows}-row venue import with posters (\`npm run venues:import\`) beside a steady ${importLoad.rate}/s: server event-loop lateness p99 / max | ${importLoad.server.loopLatenessP99Ms} ms / ${importLoad.server.loopLatenessMaxMs} ms (goal p99 ≤ 10 ms); import ${importLoad.importSec} s, ${importLoad.posters} posters |
| … the same steady load just before, with no import beside it: lateness p99 / max | ${importLoad.alone.loopLatenessP99Ms} ms / ${importLoad.alone.loopLatenessMaxMs} ms |
| … webhooks meanwhile: in the server p50 / p99; load generator worst 3-s p99; failed | ${importLoad.server.p50Ms} ms / ${importLoad.server.p99Ms} ms; ${importLoad.p99Ms} ms; ${importLoad.failed} |
| start-up to ready on /readyz, migrations applied (median of ${startup.runs}): build (\`npm start\` now) vs tsx (before), same run | ${startup.built.readyMedianMs} ms vs ${startup.source.readyMedianMs} ms (${startup.ratio}×; goal ≤ 1,500 ms) |
| … CPU time spent until ready (median): build vs tsx | ${startup.built.readyCpuMedianMs} ms vs ${startup.source.readyCpuMedianMs} ms |
| RSS idle (5 s after ready): build vs tsx | ${startup.built.idleRssMb} MB vs ${startup.source.idleRssMb} MB (goal ≤ 80 MB) |
| webhook at a steady 200 updates/s (${webhook.database}, loadtest, open loop): acknowledged, p50 / p99 | ${webhook.target.updatesPerSec}/s, ${webhook.target.p50Ms} ms / ${webhook.target.p99Ms} ms (goal p99 ≤ 50 ms), ${webhook.target.non2xx} failed |
| … the same measured inside our server (arrival → last byte; event-loop lateness p99) | p50 ${webhook.target.server.p50Ms} ms / p99 ${webhook.target.server.p99Ms} ms / max ${webhook.target.server.maxMs} ms; loop ${webhook.target.server.loopLatenessP99Ms} ms |
| … the bare echo bot at the same steady 200/s, same run (the machine's own tail) | p50 ${webhook.target.baselineP50Ms} ms / p99 ${webhook.target.baselineP99Ms} ms |
| bursts: 200 updates at once every second (autocannon overallRate 200, 20 connections): p50 / p99, ours vs echo bot | ${webhook.burst.p50Ms} ms / ${webhook.burst.p99Ms} ms vs ${webhook.burst.baselineP50Ms} ms / ${webhook.burst.baselineP99Ms} ms |
| … processed (answered) at that rate, backlog left when the load stopped | ${webhook.target.processedPerSec}/s, drained in ${webhook.target.drainMs} ms |
| webhook saturation (ours, ${webhook.database}): acknowledged, p99 | ${webhook.updatesPerSec} updates/s, p99 ${webhook.p99Ms} ms |
| … processed over the run and the drain after it | ${webhook.processedPerSec} updates/s, drained in ${webhook.drainMs} ms |
| webhook saturation (bare telegraf + express echo, same run) | ${webhook.baselineUpdatesPerSec} updates/s |
| ratio ours / baseline (acknowledged) | ${webhook.ratio} (goal ≥ 0.5) |
| ratio ours processed / baseline | ${webhook.processedRatio} (goal ≥ 0.5) |
| the realistic peer at saturation (telegraf + express + SQLite session, one read, write, reply per update; not durable, not deduplicated) | ${webhook.peerUpdatesPerSec} updates/s answered |
| ratio ours processed / peer | ${webhook.peerRatio} (goal ≥ 1.0) |
| webhook on PostgreSQL: steady 200/s p99 (in server; echo bot); bursts p99; processed at 200/s; saturation acknowledged / processed; ratio | ${webhookPostgres ? `${webhookPostgres.target.p99Ms} ms (${webhookPostgres.target.server.p99Ms} ms; ${webhookPostgres.target.baselineP99Ms} ms); ${webhookPostgres.burst.p99Ms} ms; ${webhookPostgres.target.processedPerSec}/s; ${webhookPostgres.updatesPerSec} / ${webhookPostgres.processedPerSec} updates/s; ratio ${webhookPostgres.ratio}` : "not run (set BENCH_DATABASE_URL)"} |
| PostgreSQL, 1 vs 2 processes (same updates round robin, 32 connections): processed/s; ratio | ${scaleOut ? `${scaleOut.runs.map((r) => `${r.processes} process${r.processes > 1 ? "es" : ""}: ${r.processedPerSec}/s (acknowledged ${r.acknowledgedPerSec}/s, failed ${r.failed})`).join("; ")}; ratio ${scaleOut.ratio}` : "not run (set BENCH_DATABASE_URL)"} |
| peak RSS of the server under webhook load | ${webhook.rssPeakMb} MB (goal ≤ 150 MB; 228.4 MB on 2026-11-27 under tsx) |
| … at saturation, the highest of each part (sampled every 100 ms): RSS / V8 heap committed / heap used / external | ${webhook.memoryPeakMb.rss} / ${webhook.memoryPeakMb.heapTotal} / ${webhook.memoryPeakMb.heapUsed} / ${webhook.memoryPeakMb.external} MB |
| broadcast to ${broadcast.recipients} subscribers at ${broadcast.limitPerSec}/s | ${broadcast.achievedPerSec}/s, ratio ${broadcast.ratio} (goal ≥ 0.97; docs/adr/005 keeps a 4 % margin), 429s ${broadcast.status429}, duplicates ${broadcast.duplicates}, missing ${broadcast.missing} |
| replies while a broadcast to ${replyLatency.recipients} goes out at ${replyLatency.limitPerSec}/s: first answer p50 / p99 (goal p99 ≤ 1 s) | Telegram ${replyLatency.replies.telegram.p50Ms} / ${replyLatency.replies.telegram.p99Ms} ms, Zalo Bot ${replyLatency.replies["zalo-bot"].p50Ms} / ${replyLatency.replies["zalo-bot"].p99Ms} ms, web chat ${replyLatency.replies.webchat.p50Ms} / ${replyLatency.replies.webchat.p99Ms} ms; broadcast meanwhile ${replyLatency.broadcastPerSec}/s, ratio ${replyLatency.ratio} (goal ≥ 0.95) |

Machine load during the run affects every absolute figure; the ratio is measured side by side in the same
run. "Acknowledged" is the webhook answering 200 after storing the update; "processed" is the update
answered. Above the processing rate the inbox absorbs the burst and drains it afterwards (docs/adr/008).
The steady rate is an open-loop load (a send every 5 ms, whatever the answers do); autocannon's rate option
sends each second's share back to back as the second starts, so it measures bursts (docs/adr/009).
`,
);
console.log(JSON.stringify(results, null, 2));
