import { afterAll, describe, expect, inject, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { DashboardClient, officerLink } from "../helpers/dashboard-fixtures";
import { seedTopic, topicFields } from "../helpers/faq-content-fixtures";
import { type ServerProcess, startServerProcess } from "../helpers/server-process";
import { freshDatabaseUrl } from "../helpers/test-database";
import { textsOf, WebchatClient } from "../helpers/webchat-client";

const QUESTION = "ko nhan dc ma otp pc covid";
const NEW_ANSWER = "Mã OTP đến chậm: chờ 2 phút rồi bấm gửi lại mã, kiểm tra lại số điện thoại đã nhập.";

describe("two server processes on one PostgreSQL database", () => {
  const running: ServerProcess[] = [];
  afterAll(async () => {
    for (const p of running) await p.stop();
  });

  // Several processes only share a PostgreSQL database (SQLite is one file for one process): this story
  // runs in the PostgreSQL pass (TEST_DATABASE_URL) and is skipped on SQLite.
  it.skipIf(inject("dbProvider") !== "postgresql")(
    "an answer published on one process is what the other answers with, without a restart",
    async () => {
      const env = { DATABASE_URL: await freshDatabaseUrl(), ADMIN_API_TOKEN: ADMIN_TOKEN };
      // Both start on the empty database at once: the seed happens once.
      const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
      if (!a || !b) throw new Error("servers did not start");
      running.push(a, b);
      const otp = seedTopic("pccovid.otp");
      const before = textsOf(await new WebchatClient(b.url).send(QUESTION))[0];
      expect(before?.startsWith(otp.answer.vi)).toBe(true);

      const { link } = await officerLink(a.url, "editor");
      const editor = new DashboardClient(a.url);
      await editor.login(link);
      const page = "/admin/content/pccovid.otp";
      expect((await editor.post(page, { ...topicFields(otp), answer_vi: NEW_ANSWER }, page)).status).toBe(
        303,
      );
      expect((await editor.post(`${page}/publish`, {}, page)).status).toBe(303);
      const publishedAt = Date.now();

      // The other process checks the content version about once a second.
      let seen: string | undefined;
      while (Date.now() - publishedAt < 10_000) {
        seen = textsOf(await new WebchatClient(b.url).send(QUESTION))[0];
        if (seen?.startsWith(NEW_ANSWER)) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      expect(seen?.startsWith(NEW_ANSWER)).toBe(true);
      const lag = Date.now() - publishedAt;
      console.log(`second process answered with the published text after ${lag} ms`);
      expect(lag).toBeLessThan(5000);
    },
    60_000,
  );
});
