/** Fixture loading and shared ids for the Zalo SDK tests. */
import { readFileSync } from "node:fs";

const root = new URL("../../fixtures/zalo/", import.meta.url);

/** Exact bytes of a fixture (signature tests need the raw request body). */
export function fixtureBytes(path: string): Buffer {
  return readFileSync(new URL(path, root));
}

/** A fixture as UTF-8 text (raw bodies for nock replies). */
export function fixtureText(path: string): string {
  return fixtureBytes(path).toString("utf8");
}

/** A JSON fixture, parsed. */
export function fixtureJson(path: string): unknown {
  return JSON.parse(fixtureText(path));
}

/** A JSON fixture, parsed and narrowed to an object for spreading/mutation in tests. */
export function fixtureObject(path: string): Record<string, unknown> {
  const value = fixtureJson(path);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new Error(`${path} is not an object`);
  return { ...value };
}

/** The ids used throughout the fixtures (19 digits, above Number.MAX_SAFE_INTEGER). */
export const IDS = {
  appId: "1846276501230958123",
  oaId: "3886132808788437521",
  userId: "2468458835296117922",
  userIdByApp: "5521772797175226910",
} as const;
