import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./server-process";

/** Debian's PostgreSQL binaries, if installed (CI installs them; see .ci/run). */
export function postgresBin(): string | undefined {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const version = readdirSync(base).sort().at(-1);
  const bin = version ? join(base, version, "bin") : undefined;
  return bin && existsSync(join(bin, "pg_ctl")) ? bin : undefined;
}

/**
 * A throwaway PostgreSQL cluster that only this test uses, so it can be stopped and started under load
 * without disturbing the suite's shared server. Runs as the `postgres` user (the tests run as root).
 */
export async function startPrivatePostgres(bin: string) {
  const dir = mkdtempSync(join(tmpdir(), "pg-private-"));
  chownSync(
    dir,
    Number(execFileSync("id", ["-u", "postgres"]).toString()),
    Number(execFileSync("id", ["-g", "postgres"]).toString()),
  );
  const port = await freePort();
  const asPostgres = (cmd: string) =>
    execFileSync("su", ["postgres", "-c", cmd], { stdio: ["ignore", "ignore", "pipe"], cwd: "/tmp" });
  asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres --no-sync`);
  const ctl = (action: "start" | "stop") =>
    asPostgres(
      action === "start"
        ? `${bin}/pg_ctl -D ${dir}/data -o '-p ${port} -k ${dir} -c fsync=off' -l ${dir}/log -w start`
        : `${bin}/pg_ctl -D ${dir}/data -m immediate -w stop`,
    );
  ctl("start");
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => ctl("stop"),
    start: () => ctl("start"),
    /** Stops it if it runs (clean-up after a failed test). */
    stopQuietly: () => {
      try {
        ctl("stop");
      } catch {}
    },
  };
}
