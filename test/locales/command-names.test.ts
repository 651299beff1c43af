import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES, type CommandId } from "../../src/core/command-names";

// A text tells people which command to type: a Vietnamese one names the Vietnamese command (/truyvet), an
// English one the English (/trace), and every name it gives is one the router registers.
const localesDir = fileURLToPath(new URL("../../locales", import.meta.url));
type Tree = { [key: string]: string | Tree };
const LANGUAGES = ["vi", "en"] as const;

function strings(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : strings(value, `${prefix}${key}.`),
  );
}
const texts = (lng: string) =>
  readdirSync(`${localesDir}/${lng}`).flatMap((file) =>
    strings(
      JSON.parse(readFileSync(`${localesDir}/${lng}/${file}`, "utf8")),
      `${file.replace(/\.json$/, "")}:`,
    ),
  );

/**
 * The commands a text names: "/" at the start of a word and a name after it, not a path ("/api/v1", "xã/phường",
 * "dd/mm/yyyy"). "/{{command}}" is the command the person typed, filled in when sent.
 */
const namedCommands = (text: string) =>
  [...text.matchAll(/(?<![\p{L}\p{N}/.])\/([a-z_]+)(?![\p{L}\p{N}/_.]*\/)(?![\p{L}\p{N}])/gu)].map(
    (m) => m[1] ?? "",
  );

const ids = Object.keys(COMMAND_NAMES) as CommandId[];
const namesIn = (lng: "vi" | "en") => new Set<string>(ids.flatMap((id) => [...COMMAND_NAMES[id][lng]]));
const other = { vi: "en", en: "vi" } as const;

describe("the commands the texts name", () => {
  for (const lng of LANGUAGES) {
    it(`a ${lng} text names only the ${lng} command names, and each one works`, () => {
      const own = namesIn(lng);
      const foreign = namesIn(other[lng]);
      const wrong = texts(lng).flatMap(([key, text]) =>
        namedCommands(text)
          .filter((name) => !own.has(name))
          .map(
            (name) => `${key}: /${name} ${foreign.has(name) ? `is a ${other[lng]} name` : "is no command"}`,
          ),
      );
      expect(wrong).toEqual([]);
    });
  }

  it("every command has a name in each language", () => {
    for (const id of ids)
      for (const lng of LANGUAGES) expect(COMMAND_NAMES[id][lng].length, id).toBeGreaterThan(0);
  });

  it("reads commands, not paths or dates", () => {
    expect(namedCommands("gõ /truyvet (/trace) hoặc /menu.")).toEqual(["truyvet", "trace", "menu"]);
    expect(namedCommands("API /api/v1/surveys, xã/phường, dd/mm/yyyy, moh.gov.vn/tiemchungcovid")).toEqual(
      [],
    );
  });
});
