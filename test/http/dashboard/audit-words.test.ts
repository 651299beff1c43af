import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CHAT_AUDIT_ACTIONS, NAMED_AUDIT_ACTIONS } from "../../../src/features/checkin/audit-actions";
import { auditActionWords, routeArea } from "../../../src/http/dashboard/audit-words";

const ROOT = join(import.meta.dirname, "../../..");
const dashboard = (lang: "vi" | "en") =>
  JSON.parse(readFileSync(join(ROOT, `locales/${lang}/dashboard.json`), "utf8")) as Record<string, unknown>;

/** The string at a dotted key of a locale tree, or undefined. */
function lookup(tree: Record<string, unknown>, key: string): string | undefined {
  let at: unknown = tree;
  for (const part of key.split(".")) at = (at as Record<string, unknown> | undefined)?.[part];
  return typeof at === "string" ? at : undefined;
}

/** The source of every .ts file under src. */
function sources(dir = join(ROOT, "src")): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(path);
    return path.endsWith(".ts") ? [readFileSync(path, "utf8")] : [];
  });
}

/** Actions the code writes: `action: "x.y"`, the literals of `action:` union types, and the chat guard's names. */
function writtenActions(): { named: Set<string>; chat: Set<string> } {
  const named = new Set<string>();
  const chat = new Set<string>();
  for (const source of sources()) {
    for (const m of source.matchAll(/action(?:\??:|,)\s*((?:"[a-z]+\.[a-z_-]+"\s*\|?\s*)+)/g))
      for (const lit of (m[1] ?? "").matchAll(/"([a-z]+\.[a-z_-]+)"/g)) named.add(lit[1] ?? "");
    for (const m of source.matchAll(
      /(?:requireOfficer|ticketFor)\(ctx,\s*(?:(?:[A-Za-z_.]+|"[^"]*:"),\s*)?"([^"]+)"/g,
    ))
      chat.add(m[1] ?? "");
  }
  return { named, chat };
}

describe("every audit action reads in words on the dashboard, in both languages", () => {
  const vi = dashboard("vi");
  const en = dashboard("en");

  it("each action written anywhere in src is in the one list and has a label in Vietnamese and English", () => {
    const { named, chat } = writtenActions();
    // The scan must find what it is meant to find, or it could pass on nothing.
    expect(named).toContain("alert.venue");
    expect(named).toContain("privacy.erase");
    expect(chat).toContain("trace");
    expect(chat).toContain("handover-take");
    for (const action of named) expect(NAMED_AUDIT_ACTIONS as readonly string[]).toContain(action);
    for (const what of chat) expect(CHAT_AUDIT_ACTIONS as readonly string[]).toContain(what);
    const all = [...NAMED_AUDIT_ACTIONS, ...CHAT_AUDIT_ACTIONS.map((a) => `chat.${a}`)];
    for (const action of all) {
      expect(lookup(vi, `auditActions.${action}`), `vi label of ${action}`).toBeTruthy();
      expect(lookup(en, `auditActions.${action}`), `en label of ${action}`).toBeTruthy();
    }
  });

  it("every page and API area a request row can name has a label, so no request row shows a bare route", () => {
    const areas = new Set<string>();
    for (const source of sources(join(ROOT, "src/http")))
      for (const m of source.matchAll(
        /router\.(?:get|post|put|patch|delete)\(\s*["`]((?:\/api\/v1|\/admin)[^"`]*)["`]/g,
      ))
        areas.add(routeArea(m[1] ?? ""));
    expect(areas).toContain("venues");
    expect(areas).toContain("overview");
    for (const area of areas) {
      expect(lookup(vi, `auditPages.${area}`), `vi page ${area}`).toBeTruthy();
      expect(lookup(en, `auditPages.${area}`), `en page ${area}`).toBeTruthy();
    }
  });

  it("a request row is said as where and what, keeping the route; a named one by its label", () => {
    const words = (key: string, params?: Record<string, string | number>) => {
      let text = lookup(vi, key) ?? `?${key}`;
      for (const [k, v] of Object.entries(params ?? {})) text = text.replace(`{{${k}}}`, String(v));
      return text;
    };
    expect(auditActionWords("dashboard POST /admin/venues/:id/pause", words)).toBe(
      "Bảng điều khiển: thao tác «Địa điểm» (/admin/venues/:id/pause)",
    );
    expect(auditActionWords("api GET /api/v1/venues/:id/visits", words)).toBe(
      "API: xem «Địa điểm» (/api/v1/venues/:id/visits)",
    );
    expect(auditActionWords("dashboard GET /admin", words)).toBe("Bảng điều khiển: xem «Tổng quan» (/admin)");
    expect(auditActionWords("alert.venue", words)).toBe("Gửi cảnh báo phơi nhiễm cho người đã đến địa điểm");
  });
});
