// Writes the PostgreSQL variant of prisma/schema.prisma and generates both Prisma clients.
// Runs on `npm ci` (postinstall). Offline-safe: the "client" engine type needs no native download.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { toPostgres } from "./prisma-schema-variants.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = readFileSync(join(root, "prisma/schema.prisma"), "utf8");

const pgPath = join(root, "prisma/postgresql/schema.prisma");
mkdirSync(dirname(pgPath), { recursive: true });
const pg = toPostgres(source);
let current = "";
try {
  current = readFileSync(pgPath, "utf8");
} catch {}
if (current !== pg) writeFileSync(pgPath, pg);

const prisma = join(root, "node_modules/.bin/prisma");
const variants = [
  ["prisma/schema.prisma", "file:./data/app.db"],
  ["prisma/postgresql/schema.prisma", "postgresql://localhost/placeholder"],
];
for (const [schema, url] of variants) {
  execFileSync(prisma, ["generate", "--schema", schema], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: url },
  });
}
