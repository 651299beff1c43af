// `npm run db:new-migration -- <name>` (with PG_DIFF_URL naming any reachable PostgreSQL server) writes a migration for BOTH providers from the change to
// prisma/schema.prisma since the last migration; `--check` (run by CI) fails when the schema changed without one.
// Prisma 6.19 cannot diff against a live database while a driver adapter is configured (which these offline
// machines need), so the models as of the last migration are kept in prisma/migrations/schema.snapshot.prisma.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { toPostgres } from "./prisma-schema-variants.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const current = readFileSync(join(root, "prisma/schema.prisma"), "utf8");
const snapshotPath = join(root, "prisma/migrations/schema.snapshot.prisma");
const snapshot = readFileSync(snapshotPath, "utf8");
const arg = process.argv[2];

if (arg === "--check") {
  if (snapshot !== current) {
    console.error("prisma/schema.prisma changed without a migration: run npm run db:new-migration -- <name>");
    process.exit(1);
  }
  console.log("schema and migrations agree");
  process.exit(0);
}
if (!arg || !/^[a-z0-9_]+$/.test(arg)) {
  console.error("usage: npm run db:new-migration -- <snake_case_name>");
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), "migration-"));
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const variants = [
  { dir: "prisma/migrations", url: "file:./data/app.db", from: snapshot, to: current },
  {
    dir: "prisma/postgresql/migrations",
    // Prisma's diff connects through the adapter even for two schema files: give it any reachable server.
    url: process.env.PG_DIFF_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    from: toPostgres(snapshot),
    to: toPostgres(current),
  },
];
const outputs = [];
for (const [i, v] of variants.entries()) {
  const from = join(tmp, `from-${i}.prisma`);
  const to = join(tmp, `to-${i}.prisma`);
  writeFileSync(from, v.from);
  writeFileSync(to, v.to);
  const sql = execFileSync(
    join(root, "node_modules/.bin/prisma"),
    ["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: v.url },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  outputs.push({ dir: join(v.dir, `${stamp}_${arg}`), sql });
}
// Written only once both diffs succeeded, so a failure leaves no half migration behind.
for (const o of outputs) {
  mkdirSync(join(root, o.dir), { recursive: true });
  writeFileSync(join(root, o.dir, "migration.sql"), o.sql);
  console.log(`wrote ${o.dir}/migration.sql`);
}
writeFileSync(snapshotPath, current);
