import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminApi } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";
import type { WebchatClient } from "../helpers/webchat-client";

/** Every staff route, with a call that reaches it (its answer may be 4xx: the attempt is audited too). */
const API: [method: "GET" | "POST", pattern: string, path: (ids: Ids) => string, body?: unknown][] = [
  ["POST", "/api/v1/venues", () => "/api/v1/venues", {}],
  ["GET", "/api/v1/venues", () => "/api/v1/venues"],
  ["GET", "/api/v1/venues/:id/qr.png", (i) => `/api/v1/venues/${i.venue}/qr.png`],
  ["GET", "/api/v1/venues/:id/poster.pdf", (i) => `/api/v1/venues/${i.venue}/poster.pdf`],
  ["GET", "/api/v1/venues/:id/visits", (i) => `/api/v1/venues/${i.venue}/visits`],
  ["GET", "/api/v1/visits", () => "/api/v1/visits?communeCode=21040"],
  ["POST", "/api/v1/venues/:id/alerts", (i) => `/api/v1/venues/${i.venue}/alerts`, {}],
  ["GET", "/api/v1/audit", () => "/api/v1/audit"],
  ["POST", "/api/v1/broadcasts", () => "/api/v1/broadcasts", {}],
  ["GET", "/api/v1/broadcasts/:id", () => "/api/v1/broadcasts/none"],
  ["POST", "/api/v1/broadcasts/:id/cancel", () => "/api/v1/broadcasts/none/cancel", {}],
  ["POST", "/api/v1/reminders", () => "/api/v1/reminders", {}],
  ["GET", "/api/v1/reminders", () => "/api/v1/reminders"],
  ["POST", "/api/v1/reminders/:id/stop", () => "/api/v1/reminders/none/stop", {}],
  ["GET", "/api/v1/faq/unanswered", () => "/api/v1/faq/unanswered"],
  ["POST", "/api/v1/officers/invites", () => "/api/v1/officers/invites", {}],
  ["GET", "/api/v1/officers", () => "/api/v1/officers"],
  ["POST", "/api/v1/officers/:id/revoke", () => "/api/v1/officers/none/revoke", {}],
  ["POST", "/api/v1/directives", () => "/api/v1/directives", {}],
  ["GET", "/api/v1/directives", () => "/api/v1/directives"],
  ["POST", "/api/v1/surveys", () => "/api/v1/surveys", {}],
  ["GET", "/api/v1/surveys", () => "/api/v1/surveys"],
  ["GET", "/api/v1/surveys/:id", () => "/api/v1/surveys/none"],
  ["GET", "/api/v1/surveys/:id/results", () => "/api/v1/surveys/none/results"],
  ["GET", "/api/v1/surveys/:id/results.csv", () => "/api/v1/surveys/none/results.csv"],
  ["POST", "/api/v1/surveys/:id/close", () => "/api/v1/surveys/none/close", {}],
  ["GET", "/api/v1/venues/:id/survey-answers", (i) => `/api/v1/venues/${i.venue}/survey-answers`],
  ["GET", "/api/v1/follow-ups/counts", () => "/api/v1/follow-ups/counts"],
];
const DASHBOARD: [method: "GET" | "POST", pattern: string, path: (ids: Ids) => string][] = [
  ["GET", "/admin", () => "/admin"],
  ["POST", "/admin/targets", () => "/admin/targets"],
  ["GET", "/admin/venues", () => "/admin/venues"],
  ["GET", "/admin/venues.csv", () => "/admin/venues.csv"],
  ["POST", "/admin/venues/:id/pause", (i) => `/admin/venues/${i.venue}/pause`],
  ["POST", "/admin/venues/:id/resume", (i) => `/admin/venues/${i.venue}/resume`],
  ["GET", "/admin/venues/:id/poster.pdf", (i) => `/admin/venues/${i.venue}/poster.pdf`],
  ["GET", "/admin/venues/:id", (i) => `/admin/venues/${i.venue}`],
  ["GET", "/admin/broadcasts", () => "/admin/broadcasts"],
  ["POST", "/admin/broadcasts", () => "/admin/broadcasts"],
  ["GET", "/admin/broadcasts/:id", () => "/admin/broadcasts/none"],
  ["POST", "/admin/directives", () => "/admin/directives"],
  ["GET", "/admin/questions", () => "/admin/questions"],
  ["GET", "/admin/questions/notify", () => "/admin/questions/notify?cluster=none"],
  ["POST", "/admin/questions/notify", () => "/admin/questions/notify"],
  ["GET", "/admin/audit", () => "/admin/audit"],
  ["GET", "/admin/audit.csv", () => "/admin/audit.csv"],
  ["GET", "/admin/visits", (i) => `/admin/visits?venue=${i.venue}`],
  ["POST", "/admin/visits/alert", () => "/admin/visits/alert"],
  ["GET", "/admin/tokens", () => "/admin/tokens"],
  ["POST", "/admin/tokens", () => "/admin/tokens"],
  ["POST", "/admin/tokens/:id/revoke", () => "/admin/tokens/none/revoke"],
  ["POST", "/admin/broadcasts/:id/cancel", () => "/admin/broadcasts/none/cancel"],
  ["POST", "/admin/broadcasts/:id/update", () => "/admin/broadcasts/none/update"],
  ["GET", "/admin/reminders", () => "/admin/reminders"],
  ["POST", "/admin/reminders/follow-ups", () => "/admin/reminders/follow-ups"],
  ["POST", "/admin/reminders/:id/:what", () => "/admin/reminders/none/pause"],
  ["GET", "/admin/surveys", () => "/admin/surveys"],
  ["GET", "/admin/surveys/new", () => "/admin/surveys/new"],
  ["POST", "/admin/surveys", () => "/admin/surveys"],
  ["GET", "/admin/surveys/:id", () => "/admin/surveys/none"],
  ["GET", "/admin/surveys/:id/results.csv", () => "/admin/surveys/none/results.csv"],
  ["GET", "/admin/inbox", () => "/admin/inbox"],
  ["GET", "/admin/inbox/:id", () => "/admin/inbox/none"],
  ["POST", "/admin/inbox/:id/assign", () => "/admin/inbox/none/assign"],
  ["POST", "/admin/inbox/:id/close", () => "/admin/inbox/none/close"],
  ["POST", "/admin/inbox/:id/reply", () => "/admin/inbox/none/reply"],
  ["GET", "/admin/content", () => "/admin/content"],
  ["GET", "/admin/content.csv", () => "/admin/content.csv"],
  ["GET", "/admin/content/new", () => "/admin/content/new"],
  ["GET", "/admin/content/:id", () => "/admin/content/none"],
  ["POST", "/admin/content", () => "/admin/content"],
  ["POST", "/admin/content/:id", () => "/admin/content/none"],
  ["POST", "/admin/content/:id/publish", () => "/admin/content/none/publish"],
  ["POST", "/admin/content/:id/restore", () => "/admin/content/none/restore"],
  ["POST", "/admin/content/import", () => "/admin/content/import"],
  // Last: it ends the session the others use.
  ["POST", "/admin/logout", () => "/admin/logout"],
];
/** Officers' chat commands and the guard's name for each (`chat.<what>`). */
const CHAT: [typed: string, what: string][] = [
  ["/trace", "trace"],
  ["/guitin", "broadcast"],
  ["/dinhky", "recurring"],
  ["/themvanban", "directive_add"],
  ["/moi", "invite"],
  ["/dscanbo", "officers"],
  ["/bangdieukhien", "dashboard"],
  ["/maapi", "apitokens"],
];
/** Not staff actions: static files, and the login link itself (no one is logged in yet). */
const NOT_STAFF = new Set([
  "/admin/assets/chart.umd.js",
  "/admin/assets/dashboard.js",
  "/admin/login/:token",
]);

/** The `${action}` of the route declared in a loop (spelled so that no linter takes it for a typo). */
const ACTION_SLOT = ["$", "{action}"].join("");

interface Ids {
  venue: string;
}

/** Every `/api/v1` and `/admin` route declared in src/http, as "METHOD pattern". */
function declaredRoutes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (path.endsWith(".ts")) {
        const source = readFileSync(path, "utf8");
        for (const m of source.matchAll(
          /router\.(get|post|put|patch|delete)\(\s*["`]((?:\/api\/v1|\/admin)[^"`]*)["`]/g,
        )) {
          const pattern = m[2] ?? "";
          // The pause/resume pair is declared in a loop over both actions.
          const expanded = pattern.includes(ACTION_SLOT)
            ? ["pause", "resume"].map((a) => pattern.replace(ACTION_SLOT, a))
            : [pattern];
          for (const p of expanded) if (!NOT_STAFF.has(p)) found.push(`${(m[1] ?? "").toUpperCase()} ${p}`);
        }
      }
    }
  };
  walk(join(import.meta.dirname, "../../src/http"));
  return found.sort();
}

describe("every staff action is audited with a named actor", () => {
  let server: TestServer;
  let ids: Ids;
  let admin: { chat: WebchatClient; link: string };
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN, PUBLIC_URL: "https://dash.example.test" });
    ids = { venue: (await registerVenue(server.url, ADMIN_TOKEN)).id };
    admin = await officerLink(server.url, "admin");
  });
  afterAll(() => server.stop());

  const audited = async (where: { actor: string; action: string }) => {
    for (let i = 0; i < 40; i++) {
      if ((await server.database.db.auditLog.count({ where })) > 0) return true;
      await new Promise((r) => setTimeout(r, 25));
    }
    return false;
  };

  it("the lists below name every staff route the code declares", () => {
    const listed = [...API, ...DASHBOARD].map(([method, pattern]) => `${method} ${pattern}`).sort();
    expect(listed).toEqual(declaredRoutes());
  });

  it("each API call, with the shared token, is audited as admin-api", async () => {
    const call = adminApi(server.url);
    const missing: string[] = [];
    for (const [method, pattern, path, body] of API) {
      await call(path(ids), method === "POST" ? (body ?? {}) : undefined);
      if (!(await audited({ actor: "admin-api", action: `api ${method} ${pattern}` }))) missing.push(pattern);
    }
    expect(missing).toEqual([]);
  });

  it("each dashboard page, export and form post is audited as the officer", async () => {
    const dashboard = new DashboardClient(server.url);
    await dashboard.login(admin.link);
    const officer = await server.database.db.officer.findFirstOrThrow({ where: { role: "admin" } });
    const missing: string[] = [];
    for (const [method, pattern, path] of DASHBOARD) {
      if (method === "GET") await dashboard.get(path(ids));
      else await dashboard.post(path(ids), {});
      if (!(await audited({ actor: `officer:${officer.id}`, action: `dashboard ${method} ${pattern}` })))
        missing.push(`${method} ${pattern}`);
    }
    expect(missing).toEqual([]);
  });

  it("each officer command in chat is audited as the officer", async () => {
    const officer = await server.database.db.officer.findFirstOrThrow({ where: { role: "admin" } });
    const missing: string[] = [];
    for (const [typed, what] of CHAT) {
      await admin.chat.send(typed);
      await admin.chat.send("/menu");
      if (!(await audited({ actor: `officer:${officer.id}`, action: `chat.${what}` }))) missing.push(typed);
    }
    expect(missing).toEqual([]);
  });
});
