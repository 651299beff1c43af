import { describe, expect, it } from "vitest";
import {
  parseZaloOaEvent,
  type ZaloOaEvent,
  zaloOaEventDedupeKey,
  zaloOaEventOaId,
} from "../../../../src/sdk/zalo/oa/webhook";
import { fixtureJson, fixtureObject, fixtureText, IDS } from "../fixtures.test-support";

function parsed(path: string): ZaloOaEvent {
  const result = parseZaloOaEvent(fixtureJson(path));
  if (!result.ok) throw new Error(`${path}: ${result.error.message} ${result.error.issues.join("; ")}`);
  return result.value;
}

describe("parseZaloOaEvent: what a citizen does in the OA chat becomes a typed event", () => {
  it("reads a text message with sender, OA and msg_id", () => {
    const event = parsed("oa/user-send-text.json");
    if (event.kind !== "user_send_text") throw new Error(event.kind);
    expect(event.sender.id).toBe(IDS.userId);
    expect(event.recipient.id).toBe(IDS.oaId);
    expect(event.user_id_by_app).toBe(IDS.userIdByApp);
    expect(event.message).toEqual({ text: "Cho em hỏi giá", msg_id: "96d3cdf3af150460909" });
    expect(event.timestamp).toBe("1699003881354");
  });

  it("keeps the quoted message id of a reply (query buttons also arrive as plain text)", () => {
    const event = parsed("oa/user-send-text-quote.json");
    expect(event.kind === "user_send_text" && event.message).toMatchObject({
      text: "#order",
      quote_msg_id: "96d3cdf3af150460909",
    });
  });

  it("reads an image with its temporary URL", () => {
    const event = parsed("oa/user-send-image.json");
    if (event.kind !== "user_send_image") throw new Error(event.kind);
    expect(event.message.attachments[0]?.payload.url).toBe("https://s120-ava-talk.zadn.vn/photo/qr-quan.jpg");
  });

  it("reads a shared location as numbers", () => {
    const event = parsed("oa/user-send-location.json");
    if (event.kind !== "user_send_location") throw new Error(event.kind);
    expect(event.message.attachments[0]?.payload.coordinates).toEqual({
      latitude: 15.2986,
      longitude: 108.7552,
    });
  });

  it("reads follow and unfollow with the OA in oa_id and the user in follower.id", () => {
    const follow = parsed("oa/follow.json");
    expect(follow).toMatchObject({
      kind: "follow",
      oa_id: IDS.oaId,
      follower: { id: IDS.userId },
      source: "oa_profile",
    });
    expect(parsed("oa/unfollow.json").kind).toBe("unfollow");
  });

  it("reads a submitted info form, keeping fields of any form version", () => {
    const event = parsed("oa/user-submit-info.json");
    expect(event.kind === "user_submit_info" && event.info).toEqual({
      name: "Nguyễn Văn An",
      phone: "84901234567",
      address: "12 Lê Lợi",
      city: "Quảng Ngãi",
      district: "Bình Sơn",
      ward: "Châu Ổ",
    });
  });

  it("recognises the OA's own echoes: our API call vs. a staff member taking over", () => {
    const ours = parsed("oa/oa-send-text-api-echo.json");
    const staff = parsed("oa/oa-send-text-staff.json");
    expect(ours).toMatchObject({ kind: "oa_echo", event_name: "oa_send_text", isStaffMessage: false });
    expect(staff).toMatchObject({
      kind: "oa_echo",
      isStaffMessage: true,
      sender: { admin_id: "7712345678901234567" },
    });
  });

  it("returns unknown event names as 'unsupported', not as errors", () => {
    const event = parsed("oa/user-send-sticker.json");
    expect(event).toMatchObject({ kind: "unsupported", event_name: "user_send_sticker" });
    expect(event.kind === "unsupported" && event.raw.message).toBeDefined();
  });

  it("accepts the raw body and keeps ids exact even if Zalo sent them as numbers", () => {
    const result = parseZaloOaEvent(fixtureText("oa/user-send-text-numeric-ids.txt"));
    expect(result.ok && result.value).toMatchObject({
      kind: "user_send_text",
      app_id: IDS.appId,
      sender: { id: IDS.userId },
      recipient: { id: IDS.oaId },
      timestamp: "1699003980000",
    });
  });

  it("refuses an id that JSON.parse already rounded rather than route to the wrong user", () => {
    const rounded = JSON.parse(fixtureText("oa/user-send-text-numeric-ids.txt"));
    const result = parseZaloOaEvent(rounded);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.issues.join()).toMatch(/unsafe JSON number/);
  });

  it("returns typed errors for junk and for known events in the wrong shape, never throwing", () => {
    expect(parseZaloOaEvent("not json")).toMatchObject({ ok: false, error: { reason: "invalid_json" } });
    for (const junk of [undefined, null, "[]", [], { app_id: IDS.appId }, { event_name: 7 }]) {
      expect(parseZaloOaEvent(junk)).toMatchObject({ ok: false, error: { reason: "invalid_shape" } });
    }
    const noText = { ...fixtureObject("oa/user-send-text.json"), message: { msg_id: "x" } };
    const result = parseZaloOaEvent(noText);
    expect(result).toMatchObject({ ok: false, error: { reason: "invalid_shape" } });
    expect(!result.ok && result.error.issues).toContain(
      "message.text: Invalid input: expected string, received undefined",
    );
  });
});

describe("routing and deduplication helpers", () => {
  it("finds the OA an event belongs to, wherever Zalo put it", () => {
    for (const path of [
      "oa/user-send-text.json",
      "oa/follow.json",
      "oa/oa-send-text-api-echo.json",
      "oa/user-seen-message.json",
      "oa/user-send-sticker.json",
    ]) {
      expect(zaloOaEventOaId(parsed(path))).toBe(IDS.oaId);
    }
  });

  it("keys messages on msg_id and other events on name, timestamp and user", () => {
    expect(zaloOaEventDedupeKey(parsed("oa/user-send-text.json"))).toBe("msg:96d3cdf3af150460909");
    expect(zaloOaEventDedupeKey(parsed("oa/user-send-sticker.json"))).toBe("msg:f9a0cdf3af150460915");
    expect(zaloOaEventDedupeKey(parsed("oa/follow.json"))).toBe(`follow:1699003800000:${IDS.userId}`);
    expect(zaloOaEventDedupeKey(parsed("oa/user-submit-info.json"))).toBe(
      `user_submit_info:1699003920000:${IDS.userId}`,
    );
  });
});
