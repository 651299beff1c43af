import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseStoredZaloBotUpdate } from "../../src/channels/zalo-bot/zalo-bot-inbound";
import { parseStoredZaloOaEvent } from "../../src/channels/zalo-oa/zalo-oa-inbound";

const fixture = (path: string) => readFileSync(new URL(`../fixtures/zalo/${path}`, import.meta.url), "utf8");
const USER = "2468458835296117922";

describe("Zalo OA events as the conversation core sees them", () => {
  it.each([
    ["oa/user-send-text.json", { type: "text", text: "Cho em hỏi giá" }],
    ["oa/user-send-location.json", { type: "location", latitude: 15.2986, longitude: 108.7552 }],
    ["oa/user-submit-info.json", { type: "contact", phone: "84901234567" }],
    ["oa/user-send-image.json", { type: "unsupported", what: "image" }],
    ["oa/user-send-sticker.json", { type: "unsupported", what: "sticker" }],
    ["oa/follow.json", { type: "follow" }],
    ["oa/unfollow.json", { type: "unfollow" }],
    // The newer form sends full_address as an object; the older one as a string. Both read the phone.
    ["oa/user-submit-info-full-address.json", { type: "contact", phone: "84935111222" }],
    // A data-subject request stops all messages at once (the erasure hook does the rest).
    ["oa/user-withdraw.json", { type: "withdraw" }],
  ])("%s", (path, event) => {
    const inbound = parseStoredZaloOaEvent(fixture(path));
    expect(inbound).toMatchObject({ channel: "zalo-oa", externalId: USER, event });
    // Every event carries its own time: it is the person's latest interaction (the cs window).
    const { timestamp } = JSON.parse(fixture(path)) as { timestamp: string };
    expect(inbound?.sentAt?.getTime()).toBe(Number(timestamp));
  });

  it("a message keeps its msg_id, so the reply can go by message id", () => {
    const { message } = JSON.parse(fixture("oa/user-send-text.json")) as { message: { msg_id: string } };
    expect(parseStoredZaloOaEvent(fixture("oa/user-send-text.json"))?.messageId).toBe(message.msg_id);
    expect(parseStoredZaloOaEvent(fixture("oa/follow.json"))?.messageId).toBeUndefined();
  });

  it("ids sent as bare JSON numbers keep every digit", () => {
    expect(parseStoredZaloOaEvent(fixture("oa/user-send-text-numeric-ids.txt"))?.externalId).toBe(USER);
  });

  it("echoes (our own and staff's) and read receipts are not answered", () => {
    for (const path of [
      "oa/oa-send-text-api-echo.json",
      "oa/oa-send-text-staff.json",
      "oa/user-seen-message.json",
    ]) {
      expect(parseStoredZaloOaEvent(fixture(path))).toBeNull();
    }
  });

  it("a /command typed on Zalo is a command", () => {
    const body = fixture("oa/user-send-text.json").replace("Cho em hỏi giá", "/start venue-ABC");
    expect(parseStoredZaloOaEvent(body)?.event).toEqual({
      type: "command",
      command: "start",
      args: "venue-ABC",
    });
  });
});

describe("Zalo Bot updates as the conversation core sees them", () => {
  it("wrapped and flat text updates read the same", () => {
    const wrapped = parseStoredZaloBotUpdate(fixture("bot/update-text-wrapped.json"));
    expect(wrapped).toEqual({
      channel: "zalo-bot",
      externalId: "6ede9afa66b88fe6d6a9",
      displayName: "Ted",
      event: { type: "text", text: "Xin chào" },
    });
    expect(parseStoredZaloBotUpdate(fixture("bot/update-text-flat.json"))?.event.type).toBe("text");
  });

  it("photos, stickers, protected content and message kinds newer than the bot get the 'please type' answer", () => {
    expect(parseStoredZaloBotUpdate(fixture("bot/update-image.json"))?.event).toEqual({
      type: "unsupported",
      what: "image",
    });
    expect(parseStoredZaloBotUpdate(fixture("bot/update-sticker.json"))?.event).toEqual({
      type: "unsupported",
      what: "sticker",
    });
    expect(parseStoredZaloBotUpdate(fixture("bot/update-unsupported.json"))?.event.type).toBe("unsupported");
    expect(parseStoredZaloBotUpdate(fixture("bot/update-unknown-event.json"))?.event).toEqual({
      type: "unsupported",
      what: "video",
    });
    expect(parseStoredZaloBotUpdate(JSON.stringify({ event_name: "bot.added", bot: {} }))).toBeNull();
  });
});
