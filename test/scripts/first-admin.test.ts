import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "../helpers/server-process";
import { eventually } from "../helpers/survey-fixtures";
import { textsOf, WebchatClient } from "../helpers/webchat-client";

const dir = mkdtempSync(join(tmpdir(), "first-admin-"));
const env = { DATABASE_URL: `file:${join(dir, "app.db")}` };
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** The console once the start-up lines are out (the invite, if any, is printed right after "Web chat:"). */
async function startedOutput(s: ServerProcess): Promise<string> {
  await eventually(() => s.output.join("").includes("Web chat:"), 30_000);
  await new Promise((r) => setTimeout(r, 500));
  return s.output.join("");
}

describe("a newcomer who ran npm start on a fresh machine", () => {
  it("reads a one-time admin invite on the console, becomes the first admin in the web chat, and is not offered another", async () => {
    server = await startServerProcess(env);
    const first = await startedOutput(server);
    const code = /\/officer ([2-9A-Z]{5}-[2-9A-Z]{5})/.exec(first)?.[1];
    expect(code, first).toBeDefined();

    const chat = new WebchatClient(server.url);
    await chat.send("xin chào");
    expect(textsOf(await chat.send(`/officer ${code}`))[0]).toMatch(/^Bạn đã được cấp quyền quản trị viên/);
    // Spent: a second person cannot use it.
    const other = new WebchatClient(server.url);
    expect(textsOf(await other.send(`/officer ${code}`))[0]).toMatch(/^Mã mời này đã được sử dụng/);

    // With an admin in place, a restart prints no invite.
    await server.stop();
    server = await startServerProcess(env);
    expect(await startedOutput(server)).not.toMatch(/\/officer /);
  }, 90_000);
});
