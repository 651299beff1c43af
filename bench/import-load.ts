import { spawn } from "node:child_process";
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { IMPORT_COLUMNS } from "../src/features/venues/venue-import";
import { round } from "./median";
import { freshBenchDatabase, type ProbeStats, readProbe, startProcess } from "./process";
import { serverBenchEnv, steady } from "./webhook";

export interface ImportLoadBench {
  rows: number;
  posters: number;
  importSec: number;
  /** Steady webhook load beside the import (loadtest, open loop), as the load generator saw it. */
  rate: number;
  p99Ms: number;
  failed: number;
  /** Inside the server during the import: webhook time and event-loop lateness (monitorEventLoopDelay). */
  server: ProbeStats;
  /** The same steady load with no import beside it, just before: what the machine and the load cost alone. */
  alone: ProbeStats;
}

const RATE = 200;
const COMMUNES = ["21040", "21043", "21046", "21049", "21052"];

/** A CSV of `rows` distinct venues, typed the way an officer's spreadsheet would be. */
function venuesCsv(rows: number): string {
  const lines = [IMPORT_COLUMNS.join(",")];
  for (let i = 1; i <= rows; i++) {
    const phone = `0905 ${String(100_000 + i).slice(0, 3)} ${String(100_000 + i).slice(3)}`;
    const commune = COMMUNES[i % COMMUNES.length];
    lines.push(`Tiệm tạp hóa số ${i},shop,${commune},Số ${i} đường Phạm Văn Đồng,Nguyễn Văn An,${phone}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * `npm run venues:import -- FILE --posters DIR` with `rows` venues, run against the server's database
 * while the server takes a steady 200 updates/s: how late the server's event loop runs meanwhile (goal
 * p99 ≤ 10 ms) and what the webhooks' latency does.
 */
export async function measureImportUnderLoad(root: string, opts: { rows: number }): Promise<ImportLoadBench> {
  const { tmp, databaseUrl } = await freshBenchDatabase(root, "import");
  const csv = join(tmp, "venues.csv");
  writeFileSync(csv, venuesCsv(opts.rows));
  const posters = join(tmp, "posters");

  const api = await startProcess(root, "bench/stand-in-bot-api.ts", {});
  const probeFile = join(tmp, "probe.json");
  const server = await startProcess(root, "src/main.ts", serverBenchEnv(api.url, databaseUrl), probeFile);
  try {
    await steady(server.url, { durationSec: 2, rate: RATE });
    await readProbe(server.child, probeFile);
    await steady(server.url, { durationSec: 6, rate: RATE });
    const alone = await readProbe(server.child, probeFile);
    const started = performance.now();
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "scripts/venues-import.ts", csv, "--posters", posters],
      {
        cwd: root,
        env: { ...process.env, DATABASE_URL: databaseUrl },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    let done = false;
    void exited.then(() => {
      done = true;
    });
    const loads: Awaited<ReturnType<typeof steady>>[] = [];
    while (!done) loads.push(await steady(server.url, { durationSec: 3, rate: RATE }));
    const code = await exited;
    const importSec = round((performance.now() - started) / 1000, 1);
    const inside = await readProbe(server.child, probeFile);
    if (code !== 0) throw new Error(`the import exited with ${code}`);
    return {
      rows: opts.rows,
      posters: readdirSync(posters).length,
      importSec,
      rate: RATE,
      p99Ms: Math.max(...loads.map((l) => l.p99Ms)),
      failed: loads.reduce((sum, l) => sum + l.non2xx, 0),
      server: inside,
      alone,
    };
  } finally {
    server.child.kill("SIGTERM");
    api.child.kill("SIGTERM");
  }
}
