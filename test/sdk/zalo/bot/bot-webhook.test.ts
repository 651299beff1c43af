import { describe, expect, it } from "vitest";
import { verifyZaloBotSecret } from "../../../../src/sdk/zalo/bot/bot-secret";
import { parseZaloBotWebhook, zaloBotPhotoUrl } from "../../../../src/sdk/zalo/bot/bot-update";
import { fixtureJson, fixtureObject, fixtureText } from "../fixtures.test-support";

describe("parseZaloBotWebhook: whatever form Zalo posts, the product gets one typed update", () => {
  it("reads the documented wrapped body { ok, result }", () => {
    const parsed = parseZaloBotWebhook(fixtureJson("bot/update-text-wrapped.json"));
    expect(parsed).toEqual({
      ok: true,
      value: {
        kind: "text",
        event_name: "message.text.received",
        message: {
          message_id: "2d758cb5e222177a4e35",
          date: 1750316131602,
          text: "Xin chào",
          from: { id: "6ede9afa66b88fe6d6a9", display_name: "Ted", is_bot: false },
          chat: { id: "6ede9afa66b88fe6d6a9", chat_type: "PRIVATE" },
        },
      },
    });
  });

  it("reads the flat body production integrations report, from parsed JSON or raw text", () => {
    for (const body of [fixtureJson("bot/update-text-flat.json"), fixtureText("bot/update-text-flat.json")]) {
      const parsed = parseZaloBotWebhook(body);
      expect(parsed.ok && parsed.value.kind === "text" && parsed.value.message.text).toBe(
        "Tôi muốn đăng ký mã QR cho quán",
      );
    }
  });

  it("finds the image URL under photo_url or photo", () => {
    const parsed = parseZaloBotWebhook(fixtureJson("bot/update-image.json"));
    if (!parsed.ok || parsed.value.kind !== "image") throw new Error("expected an image update");
    expect(zaloBotPhotoUrl(parsed.value.message)).toBe("https://f20-zpc.zdn.vn/jpg/qr-quan.jpg");
    expect(parsed.value.message.caption).toBe("Mã QR");
    const { photo_url: url, ...rest } = parsed.value.message;
    expect(zaloBotPhotoUrl({ ...rest, photo: url })).toBe(url);
  });

  it("types stickers and unsupported content (e.g. from a protected minor)", () => {
    const sticker = parseZaloBotWebhook(fixtureJson("bot/update-sticker.json"));
    expect(sticker.ok && sticker.value.kind).toBe("sticker");
    const unsupported = parseZaloBotWebhook(fixtureJson("bot/update-unsupported.json"));
    expect(unsupported.ok && unsupported.value.kind).toBe("unsupported");
  });

  it("keeps an event name it does not know as an 'unknown' update instead of failing", () => {
    const parsed = parseZaloBotWebhook(fixtureJson("bot/update-unknown-event.json"));
    expect(parsed.ok && parsed.value).toMatchObject({
      kind: "unknown",
      event_name: "message.video.received",
    });
  });

  it("returns typed errors for junk, never throwing", () => {
    expect(parseZaloBotWebhook("{not json")).toMatchObject({ ok: false, error: { reason: "invalid_json" } });
    for (const junk of [null, 42, [], {}, { ok: false, result: {} }, { event_name: "" }]) {
      expect(parseZaloBotWebhook(junk)).toMatchObject({ ok: false, error: { reason: "invalid_shape" } });
    }
    const broken = fixtureObject("bot/update-text-flat.json");
    const parsed = parseZaloBotWebhook({ ...broken, message: { text: "no ids" } });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.issues.some((i) => i.startsWith("message.chat"))).toBe(true);
  });
});

describe("verifyZaloBotSecret: only Zalo knows the webhook secret", () => {
  const secret = "s3cret-token-123";

  it("accepts the exact secret", () => {
    expect(verifyZaloBotSecret(secret, secret)).toBe(true);
  });

  it("rejects a different secret of the same or another length", () => {
    expect(verifyZaloBotSecret("s3cret-token-124", secret)).toBe(false);
    expect(verifyZaloBotSecret("s3cret", secret)).toBe(false);
    expect(verifyZaloBotSecret(`${secret}-and-more`, secret)).toBe(false);
  });

  it("rejects a missing, empty or repeated header, and an unconfigured secret", () => {
    expect(verifyZaloBotSecret(undefined, secret)).toBe(false);
    expect(verifyZaloBotSecret(null, secret)).toBe(false);
    expect(verifyZaloBotSecret("", secret)).toBe(false);
    expect(verifyZaloBotSecret([secret, secret], secret)).toBe(false);
    expect(verifyZaloBotSecret("", "")).toBe(false);
  });
});
