import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES, type CommandId, commandNames } from "../../src/core/command-names";
import { FAQ_TOPIC_CONTENT } from "../../src/features/faq/topic-content";
import { FAQ_TOPIC_IDS } from "../../src/features/faq/topics";

// Every shipped string, read the way a citizen meets it, checked against what the product actually does.
const localesDir = fileURLToPath(new URL("../../locales", import.meta.url));
type Tree = { [key: string]: string | Tree };
const read = (lng: string, ns: string): Tree =>
  JSON.parse(readFileSync(`${localesDir}/${lng}/${ns}.json`, "utf8"));
const namespaces = readdirSync(`${localesDir}/vi`).map((file) => file.replace(/\.json$/, ""));

/** Every (dotted key, string) of a namespace. */
function strings(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string"
      ? [[`${prefix}${key}`, value] as [string, string]]
      : strings(value, `${prefix}${key}.`),
  );
}
const all = (lng: string) => namespaces.flatMap((ns) => strings(read(lng, ns), `${ns}:`));
const get = (lng: string, key: string) => all(lng).find(([k]) => k === key)?.[1];

/**
 * Phone numbers a text may give, each with its source: 1900 9095 is the Ministry of Health hotline
 * (reference §5), 115 the national emergency number (content review D). Example numbers in input hints are
 * not contacts. Anything else must come from configuration (LOCAL_CONTACTS), never from a locale file.
 */
const SOURCED_NUMBERS = ["19009095", "115"];
const EXAMPLE_NUMBERS = ["0905123456", "02553822123"];

describe("what the texts say about the product", () => {
  it("never promises an OTP or an SMS in venue registration (the flow has neither)", () => {
    for (const lng of ["vi", "en"]) {
      const registration = [
        get(lng, "faq:venue.register-qr.answer"),
        ...all(lng)
          .filter(([key]) => key.startsWith("venues:flow."))
          .map(([, text]) => text),
      ];
      for (const text of registration) expect(text, lng).not.toMatch(/OTP|SMS|mã xác nhận/i);
    }
  });

  it("never tells a person who answered yes that their answers were forwarded (nothing is sent)", () => {
    for (const key of ["checkin:advice.chat", "checkin:advice.page"]) {
      expect(get("vi", key)).not.toMatch(/đã được chuyển|đã chuyển|chuyển để cán bộ/);
      expect(get("vi", key)).toMatch(/không tự động/);
      expect(get("vi", key)).toContain("1900 9095");
      expect(get("en", key)).not.toMatch(/passed on|forwarded|sent to health/i);
      expect(get("en", key)).toMatch(/does not notify/);
    }
  });

  it("never says only health officers see check-ins (any authorised officer can; access is logged)", () => {
    for (const lng of ["vi", "en"]) {
      const privacy = all(lng).filter(([key]) => key.startsWith("checkin:"));
      for (const [key, text] of privacy)
        expect(text, key).not.toMatch(/chỉ cán bộ y tế|only health officers/i);
    }
    expect(get("vi", "checkin:page.privacy")).toMatch(/được giao quyền.*ghi nhật ký/);
  });

  it("never tells people to scan this product's posters with PC-Covid", () => {
    expect(get("vi", "venues:poster.step1")).toMatch(/không dùng PC-Covid/);
    expect(get("en", "venues:poster.step1")).toMatch(/do not use PC-Covid/);
    for (const lng of ["vi", "en"]) {
      const poster = get(lng, "faq:venue.poster-not-scanning.answer") ?? "";
      expect(poster, lng).toMatch(/Zalo/);
      expect(poster, lng).not.toMatch(/quét mã QR cá nhân của khách|scan visitors' personal/);
    }
  });

  it("gives no side-loading advice and no unverified store title as fact", () => {
    for (const lng of ["vi", "en"]) {
      const text = all(lng)
        .map(([, t]) => t)
        .join("\n");
      expect(text, lng).not.toMatch(/tải bản cài tại|get the installer|\.apk\b/i);
      expect(get(lng, "faq:pccovid.install.answer"), lng).toMatch(/PC-Covid Quốc gia.*PC-Covid Vi[eệ]t Nam/);
    }
  });

  it("puts the vaccination site first when a vaccination record is wrong", () => {
    const vi = get("vi", "faq:vaccine.fix-record.answer") ?? "";
    expect(vi.indexOf("cơ sở đã tiêm")).toBeLessThan(vi.indexOf("1900 9095"));
    const en = get("en", "faq:vaccine.fix-record.answer") ?? "";
    expect(en.indexOf("site that vaccinated you")).toBeLessThan(en.indexOf("1900 9095"));
  });

  it("signs nothing as UBND huyện Bình Sơn, a body abolished on 1/7/2025", () => {
    for (const lng of ["vi", "en"]) {
      for (const [key, text] of all(lng)) {
        expect(text, key).not.toMatch(
          /UBND huyện|District People's Committee|của huyện Bình Sơn|(?<!former )Bình Sơn district\b/,
        );
      }
    }
    expect(get("vi", "broadcasts:footer")).toContain("{{org}}");
    expect(get("en", "broadcasts:footer")).toContain("{{org}}");
  });
});

describe("honest about time", () => {
  it("dates every FAQ answer, with a real day no later than the content review", () => {
    for (const id of FAQ_TOPIC_IDS) {
      const { validAsOf } = FAQ_TOPIC_CONTENT[id];
      expect(validAsOf, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(validAsOf)), id).toBe(false);
      expect(validAsOf <= "2026-12-01", id).toBe(true);
    }
    expect(get("vi", "faq:validAsOf")).toContain("{{date}}");
    expect(get("en", "faq:validAsOf")).toContain("{{date}}");
  });

  it("says what changed since, and only what the sources back", () => {
    const vi = get("vi", "faq:notice.archived") ?? "";
    expect(vi).toContain("30/4/2022");
    expect(vi).toContain("2213/BYT-DP");
    expect(vi).toContain("20/10/2023");
    expect(vi).toContain("VNeID");
    for (const lng of ["vi", "en"]) {
      const text = all(lng)
        .map(([, t]) => t)
        .join("\n");
      // Not confirmed by any source (content review, section B): never stated as fact.
      expect(text, lng).not.toMatch(
        /sáp nhập vào VNeID|tích hợp vào VNeID|merged into VNeID|folded into VNeID/i,
      );
      expect(text, lng).not.toMatch(/covid19\.tech\.gov\.vn/);
    }
  });

  it("turns every topic an answer points to into a button, and points only to real topics", () => {
    const vi = read("vi", "faq");
    const title = (id: string) => strings(vi).find(([k]) => k === `${id}.title`)?.[1];
    const byTitle = new Map(FAQ_TOPIC_IDS.map((id) => [title(id), id]));
    for (const id of FAQ_TOPIC_IDS) {
      const answer = strings(vi).find(([k]) => k === `${id}.answer`)?.[1] ?? "";
      const mentioned = [...answer.matchAll(/"([^"]+)"/g)]
        .map((m) => byTitle.get(m[1]))
        .filter((topic) => topic !== undefined);
      expect([...new Set(mentioned)].sort(), id).toEqual([...FAQ_TOPIC_CONTENT[id].related].sort());
    }
  });
});

describe("register and language", () => {
  it("never has the bot call itself «mình» or end with «nhé» in Vietnamese", () => {
    for (const [key, text] of all("vi")) {
      expect(text, key).not.toMatch(/(^|[^\p{L}])[Mm]ình([^\p{L}]|$)/u);
      expect(text, key).not.toMatch(/nhé/);
    }
  });

  it("writes no phone number that has no source", () => {
    for (const lng of ["vi", "en"]) {
      for (const [key, text] of all(lng)) {
        // Phone-like digit runs (8+ digits, grouped by spaces or dots) and 3-digit service numbers one calls.
        const long = [...text.matchAll(/(?<![\d/])(?:\+84|0|1)[\d .]{6,14}\d(?![\d/])/g)]
          .map((m) => m[0].replace(/[ .]/g, ""))
          .filter((digits) => digits.length >= 8);
        const short = [...text.matchAll(/(?:gọi|call|cấp cứu|emergency number)\s+(1\d\d)(?!\d)/giu)].map(
          (m) => m[1],
        );
        const numbers = [...long, ...short];
        for (const number of numbers) {
          expect([...SOURCED_NUMBERS, ...EXAMPLE_NUMBERS], `${lng} ${key}: ${number}`).toContain(number);
        }
      }
    }
  });

  it("keeps Vietnamese and English in step: every key in one language exists in the other", () => {
    const vi = new Set(all("vi").map(([key]) => key));
    const en = new Set(all("en").map(([key]) => key));
    expect([...vi].filter((key) => !en.has(key))).toEqual([]);
    expect([...en].filter((key) => !vi.has(key))).toEqual([]);
  });

  it("lists only commands that exist in the help texts", () => {
    // The router registers every command from this table (src/core/command-names.ts).
    const registered = new Set<string>(
      (Object.keys(COMMAND_NAMES) as CommandId[]).flatMap((id) => commandNames(id)),
    );
    for (const key of ["common:help.text", "officers:help"]) {
      for (const lng of ["vi", "en"]) {
        const listed = [...(get(lng, key) ?? "").matchAll(/\/([a-z_]+)/g)].map((m) => m[1]);
        expect(listed.length, key).toBeGreaterThan(3);
        for (const command of listed) expect(registered, `${lng} ${key} /${command}`).toContain(command);
      }
    }
  });
});
