import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CheckinBrowser, registerVenue } from "../helpers/checkin-form";
import { FakeBotApi } from "../helpers/fake-bot-api";
import {
  startTestServer,
  TEST_BOT_TOKEN,
  TEST_WEBHOOK_SECRET,
  type TestServer,
  telegramEnv,
} from "../helpers/test-server";
import { WebchatClient } from "../helpers/webchat-client";

const ADMIN = "admin-token-for-the-log-scan-0123456789";
const SESSION = "test-session-secret-that-is-long-enough-1234";
/** Every way the numbers used below could be written in a log line. */
const PHONES = [
  /0?905[\s.-]?123[\s.-]?456/,
  /0?935[\s.-]?246[\s.-]?810/,
  /0?909[\s.-]?888[\s.-]?777/,
  /0?905[\s.-]?111[\s.-]?222/,
];

describe("the logs of a busy day", () => {
  const api = new FakeBotApi();
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ ...telegramEnv(await api.start()), ADMIN_API_TOKEN: ADMIN });
  });
  afterAll(async () => {
    await server.stop();
    await api.stop();
  });

  it("contain no phone number, token or secret, at debug level, whatever people typed", async () => {
    // A venue owner registers on the web chat, a citizen types a number into a question.
    const chat = new WebchatClient(server.url);
    for (const m of ["/venue", "Quán Ốc Bình Minh", "9", "Bình Minh", "Thôn 2", "Trần Thu", "0905 123 456"])
      await chat.send(m);
    await chat.send({ payload: "venue:confirm" });
    await chat.send("gọi giúp mình số 0935.246.810 với, ko nhận đc otp");
    // Someone shares their phone on Telegram; an update is forged with a wrong secret.
    const update = {
      update_id: 777,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 31, type: "private" },
        from: { id: 31 },
        contact: { phone_number: "+84909888777", user_id: 31 },
      },
    };
    await fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": TEST_WEBHOOK_SECRET },
      body: JSON.stringify(update),
    });
    await fetch(`${server.url}/webhooks/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "forged" },
      body: "{}",
    });
    await api.waitFor(() => api.textsTo(31).length >= 1);
    // A visitor checks in; an officer registers a venue and traces it.
    const venue = await registerVenue(server.url, ADMIN);
    await new CheckinBrowser(server.url).checkIn(venue.code, { phone: "0905 111 222" });
    await fetch(
      `${server.url}/api/v1/venues/${venue.id}/visits?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z`,
      {
        headers: { authorization: `Bearer ${ADMIN}` },
      },
    );

    const logs = server.logs.join("");
    expect(logs.length).toBeGreaterThan(1000); // the scan read real output
    for (const phone of PHONES) expect(logs).not.toMatch(phone);
    for (const secret of [TEST_BOT_TOKEN, TEST_WEBHOOK_SECRET, ADMIN, SESSION])
      expect(logs).not.toContain(secret);
  });
});
