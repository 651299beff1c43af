import { openDatabase } from "../src/db/database";
import { migrate } from "../src/db/migrate";
import { SqlIpRateLimit } from "../src/db/sql-ip-rate-limit";

/**
 * What the shared per-IP limit costs a web chat post on PostgreSQL (docs/adr/016-scale-out.md): the mean time
 * of one `take` against a bare `SELECT 1` round trip on the same connection. Usage:
 * `BENCH_PG_URL=postgresql://postgres@127.0.0.1:5432/postgres npx tsx bench/ip-rate-limit.ts`
 * (creates and uses a database `ipbench` on that server).
 */
const server = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const url = server.replace(/\/[^/]*$/, "/ipbench");
const admin = openDatabase(server);
await admin.sql.run((s) => s.run("DROP DATABASE IF EXISTS ipbench")).catch(() => 0);
await admin.sql.run((s) => s.run("CREATE DATABASE ipbench"));
await admin.close();
await migrate(url);
const db = openDatabase(url);
const limit = new SqlIpRateLimit(db.sql, "webchat", 1_000_000);
const N = 3000;
for (let i = 0; i < 200; i++) await limit.take(`10.0.${i % 50}.1`);
for (let i = 0; i < 200; i++) await db.sql.run((s) => s.get("SELECT 1"));
let t = performance.now();
for (let i = 0; i < N; i++) await db.sql.run((s) => s.get("SELECT 1"));
const select1 = (performance.now() - t) / N;
const cpu0 = process.cpuUsage();
t = performance.now();
for (let i = 0; i < N; i++) await limit.take(`10.0.${i % 500}.${i % 7}`);
const take = (performance.now() - t) / N;
const cpu = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    N,
    selectOneMs: select1.toFixed(3),
    takeMs: take.toFixed(3),
    takeCpuMs: ((cpu.user + cpu.system) / 1000 / N).toFixed(3),
  }),
);
await db.close();
