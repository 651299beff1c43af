import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, seedSubscribers } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

// What a prankster types into a venue name, a broadcast, a directive or a question to the bot.
const XSS = `"><script>alert(1)</script>`;
const SHOWN = "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;";

describe("text people typed is shown as text on every page, never run as markup", () => {
  let server: TestServer;
  let venue: { id: string; code: string };

  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
    venue = await registerVenue(server.url, ADMIN_TOKEN, {
      name: `Quan ca phe ${XSS}`,
      address: `So 1 ${XSS}`,
      communeCode: "21040",
    });
    await server.database.db.faqUnanswered.create({
      data: { folded: "xss", text: `tiem mui 4 o dau ${XSS}`, language: "vi", channel: "webchat" },
    });
  });
  afterAll(() => server.stop());

  it("the check-in page shows the venue's name and address as text", async () => {
    const page = await (await fetch(`${server.url}/c/${venue.code}`)).text();
    expect(page).toContain(`<h2>Quan ca phe ${SHOWN}</h2>`);
    expect(page).toContain(`<p>So 1 ${SHOWN}, `);
    expect(page).not.toContain("<script>alert(1)");
  });

  it("an officer sees the venue, a broadcast, a directive and a question as text on the dashboard", async () => {
    const officer = new DashboardClient(server.url);
    await officer.login((await officerLink(server.url, "admin")).link);
    await seedSubscribers(server.database.db, 1, { channel: "webchat", communeCode: "21040" });
    const sent = await officer.post(
      "/admin/broadcasts",
      { text: `Lich tiem ${XSS}`, commune_21040: "1", when: "23:59", step: "confirm" },
      "/admin/broadcasts",
    );
    expect(sent.status).toBe(303);
    const directive = await officer.post(
      "/admin/directives",
      { number: "15/CT", issuedOn: "2026-11-20", title: `Phong dich ${XSS}`, summary: XSS },
      "/admin/broadcasts",
    );
    expect(directive.status).toBe(303);

    const pages = {
      overview: "/admin",
      venues: "/admin/venues?q=%22%3E%3Cscript%3E",
      broadcasts: "/admin/broadcasts",
      progress: String(sent.headers.get("location")),
      questions: "/admin/questions",
    };
    const seen: Record<string, string> = {};
    for (const [name, path] of Object.entries(pages)) {
      const res = await officer.get(path);
      expect(res.status, name).toBe(200);
      seen[name] = await res.text();
      expect(seen[name], name).not.toContain("<script>alert(1)");
    }
    expect(seen.overview).toContain(`<td>Lich tiem ${SHOWN}</td>`);
    // The name links to the venue's own page; escaped as text inside the link.
    expect(seen.venues).toMatch(/<td data-label="Tên"><a href="\/admin\/venues\/[0-9a-f-]+\?lang=vi">/);
    expect(seen.venues).toContain(`>Quan ca phe ${SHOWN}</a><br>`);
    // The search box gives back what was typed, inside its attribute.
    expect(seen.venues).toContain('<input name="q" value="&quot;&gt;&lt;script&gt;"');
    expect(seen.broadcasts).toContain(`<strong>Phong dich ${SHOWN}</strong><br>${SHOWN}</td>`);
    expect(seen.progress).toContain(`<p>Lich tiem ${SHOWN}</p>`);
    expect(seen.questions).toContain(`<td>tiem mui 4 o dau ${SHOWN}</td>`);
  });
});
