import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadEnvFile } from "../src/env-file";
import { posterUrlWarning, publicUrlWarning } from "../src/public-url-warning";

describe("settings from .env, as the README's quick start tells people to copy .env.example", () => {
  const keys = ["ENVFILE_TEST_A", "ENVFILE_TEST_B", "ENVFILE_TEST_EMPTY"];
  afterEach(() => {
    for (const k of keys) delete process.env[k];
  });

  it("reads the file, and a variable set in the environment wins over it", () => {
    const file = join(mkdtempSync(join(tmpdir(), "env-")), ".env");
    writeFileSync(
      file,
      "# comment\nENVFILE_TEST_A=from-file\nENVFILE_TEST_B=from-file\nENVFILE_TEST_EMPTY=\n",
    );
    process.env.ENVFILE_TEST_A = "from-environment";
    expect(loadEnvFile(file)).toBe(true);
    expect(process.env.ENVFILE_TEST_A).toBe("from-environment");
    expect(process.env.ENVFILE_TEST_B).toBe("from-file");
    expect(process.env.ENVFILE_TEST_EMPTY).toBe("");
  });

  it("a missing .env is fine: every variable is optional", () => {
    expect(loadEnvFile(join(tmpdir(), "no-such-dir-for-env", ".env"))).toBe(false);
  });

  it("the server and every CLI that reads the configuration read .env first", () => {
    const entryPoints = [
      "src/main.ts",
      ...readdirSync("scripts")
        .filter((f) => f.endsWith(".ts"))
        .map((f) => `scripts/${f}`),
    ];
    for (const file of entryPoints) {
      const source = readFileSync(file, "utf8");
      const reads = source.search(/loadConfig\(process\.env\)|runReport\(process\.argv/);
      if (reads < 0) continue;
      const loads = source.indexOf("loadEnvFile();");
      expect(loads, file).toBeGreaterThan(0);
      expect(loads, file).toBeLessThan(reads);
    }
  });
});

describe("warnings about PUBLIC_URL", () => {
  it("start-up warns in production when PUBLIC_URL is not https, and not otherwise", () => {
    expect(publicUrlWarning({ publicUrl: "http://localhost:3000", NODE_ENV: "production" })).toMatch(
      /not https/,
    );
    expect(publicUrlWarning({ publicUrl: "http://qr.binhson.gov.vn", NODE_ENV: "production" })).toMatch(
      /https/,
    );
    expect(
      publicUrlWarning({ publicUrl: "https://qr.binhson.gov.vn", NODE_ENV: "production" }),
    ).toBeUndefined();
    expect(publicUrlWarning({ publicUrl: "http://localhost:3000", NODE_ENV: "development" })).toBeUndefined();
    expect(publicUrlWarning({ publicUrl: "http://localhost:3000" })).toBeUndefined();
  });

  it("a poster CLI warns when the QR codes would point at this computer", () => {
    expect(posterUrlWarning("http://localhost:3000")).toMatch(/only on this computer/);
    expect(posterUrlWarning("http://127.0.0.1:3000")).toMatch(/only on this computer/);
    expect(posterUrlWarning("https://qr.binhson.gov.vn")).toBeUndefined();
  });
});
