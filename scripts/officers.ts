// `npm run officers -- invite --role admin|officer|editor [--communes 21040,"Vạn Tường"]`: prints a one-time invite code
// as the LAST line (scripts can `tail -1`); the person sends `/officer <code>` to the bot on any channel.
// Communes by code or by name, as in chat ("van tuong"; a former unit's name gives the xã it is part of).
// `npm run officers -- list` and `npm run officers -- revoke <id>` manage existing officers.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfig } from "../src/config";
import { openDatabase } from "../src/db/database";
import { migrate } from "../src/db/migrate";
import { PrismaOfficerStore } from "../src/db/prisma-officer-store";
import { loadEnvFile } from "../src/env-file";
import { INVITE_TTL_MS, OfficerService } from "../src/features/officers/officer-service";
import { type District, findUnitByName, loadDistrict } from "../src/features/venues/district";
import { readCommandLine } from "./command-line";

/** A commune typed on the command line → the code of the unit in force (a former unit maps to its xã). */
function communeCode(district: District, typed: string): string {
  const match = findUnitByName(district, typed);
  if (match.kind === "unit" || match.kind === "former") {
    if (match.kind === "former") console.log(`"${typed}": ${match.former.name} → ${match.unit.name}`);
    return match.unit.code;
  }
  const hint =
    match.kind === "ambiguous"
      ? `several fit: ${match.units.map((u) => `${u.code} ${u.name}`).join(", ")}`
      : "no such commune";
  throw new Error(`--communes: "${typed}": ${hint}`);
}

const USAGE = `Usage: npm run officers -- invite --role admin|officer|editor [--communes 21040,"Vạn Tường"]
       npm run officers -- list
       npm run officers -- revoke <id>

invite prints a one-time code valid ${INVITE_TTL_MS / 3_600_000} h as its last line; the person sends /officer <code> to the bot.
Communes by GSO code or by name, as in chat ("van tuong"; a former unit's name gives the xã it is part of).`;

const { values, positionals } = readCommandLine(
  {
    allowPositionals: true,
    options: {
      role: { type: "string" },
      communes: { type: "string", default: "" },
    },
  },
  USAGE,
);
const [command, arg] = positionals;
loadEnvFile();
const config = loadConfig(process.env);
await migrate(config.DATABASE_URL);
const database = openDatabase(config.DATABASE_URL);
const officers = new OfficerService(new PrismaOfficerStore(database.db));
try {
  if (command === "invite") {
    const role = values.role;
    if (role !== "admin" && role !== "officer" && role !== "editor")
      throw new Error("--role must be admin, officer or editor");
    const district = loadDistrict(JSON.parse(readFileSync(resolve(config.DISTRICT_FILE), "utf8")));
    const typed = (values.communes ?? "")
      .split(",")
      .map((c) => c.trim())
      .filter(Boolean);
    const communes = [...new Set(typed.map((c) => communeCode(district, c)))];
    const { code, expiresAt } = await officers.invite({ role, communes, createdBy: "cli", now: new Date() });
    console.log(`Invite for ${role}${communes.length ? ` (${communes.join(", ")})` : ""}, single use,`);
    console.log(
      `valid ${INVITE_TTL_MS / 3_600_000} h until ${expiresAt.toISOString()}. Send to the bot: /officer ${code}`,
    );
    console.log(code);
  } else if (command === "list") {
    for (const o of await officers.list()) {
      const state = o.revokedAt ? `revoked ${o.revokedAt.toISOString()}` : "active";
      console.log(
        `${o.id}  ${o.role.padEnd(7)}  ${o.channel}  ${o.displayName ?? "—"}  ${o.communes.join(",") || "*"}  ${state}`,
      );
    }
  } else if (command === "revoke" && arg) {
    console.log((await officers.revoke(arg, new Date())) ? `revoked ${arg}` : `no active officer ${arg}`);
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await database.close();
}
