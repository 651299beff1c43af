import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fillZaloOaTemplate, loadZaloOaTemplates } from "../../../src/channels/zalo-oa/zalo-oa-templates";
import { ZaloOaWindowPolicy } from "../../../src/channels/zalo-oa/zalo-oa-window-policy";
import { templateMessageJson } from "../../../src/sdk/zalo";

const HOUR = 3_600_000;
const now = new Date("2026-12-01T08:00:00Z");
const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
const example = fileURLToPath(new URL("../../../docs/zalo-templates.example.json", import.meta.url));

describe("the Zalo OA window as this deployment uses it", () => {
  it("free within 48 h (a few minutes' margin), billed 48 h – 7 d only when paid cs is on, else template or nothing", () => {
    const strict = new ZaloOaWindowPolicy({ paidCs: false, templates: {} });
    const paid = new ZaloOaWindowPolicy({ paidCs: true, templates: {} });
    const templated = new ZaloOaWindowPolicy({ paidCs: false, templates: loadZaloOaTemplates(example) });
    expect(strict.verdict(ago(1), "broadcast", now)).toBe("free");
    expect(strict.verdict(ago(47.99), "broadcast", now)).toBe("outside");
    expect(paid.verdict(ago(47.99), "broadcast", now)).toBe("billed");
    expect(paid.verdict(ago(47.9), "broadcast", now)).toBe("free");
    expect(paid.verdict(ago(72), undefined, now)).toBe("billed");
    expect(paid.verdict(ago(24 * 7), "broadcast", now)).toBe("outside");
    expect(paid.verdict(null, "broadcast", now)).toBe("outside");
    // Templates exist for broadcasts and alerts in the example, not for reminders or replies.
    expect(templated.verdict(ago(72), "broadcast", now)).toBe("template");
    expect(templated.verdict(ago(24 * 30), "alert", now)).toBe("template");
    expect(templated.verdict(ago(24 * 30), "reminder", now)).toBe("outside");
    expect(templated.verdict(ago(72), undefined, now)).toBe("outside");
  });

  it("fills {text} and {date}, shortening the text to the template's limit, into a valid transaction message", () => {
    const templates = loadZaloOaTemplates(example);
    const long = `Khẩn: ${"người dân đi qua chợ Bình Châu cần khai báo y tế ngay. ".repeat(8)}`;
    const filled = fillZaloOaTemplate(templates, "broadcast", { text: long, now });
    expect(filled?.elements[1]).toMatchObject({ type: "text" });
    const text = filled?.elements[1]?.type === "text" ? filled.elements[1].content : "";
    expect(text.length).toBe(250);
    expect(text.endsWith("…")).toBe(true);
    expect(filled?.elements[2]).toEqual({ type: "table", rows: [{ key: "Ngày", value: "01/12/2026" }] });
    expect(filled && templateMessageJson(filled)).toMatchObject({
      attachment: { type: "template", payload: { template_type: "transaction_event", language: "VI" } },
    });
    expect(fillZaloOaTemplate(templates, "reminder", { text: "x", now })).toBeUndefined();
  });

  it("sends the template id under template_id by default, or under the field the templates file names", () => {
    const dir = mkdtempSync(join(tmpdir(), "zalo-template-field-"));
    const file = join(dir, "templates.json");
    const template = {
      category: "transaction",
      templateType: "transaction_event",
      templateId: "249573",
      elements: [{ type: "text", content: "{text}" }],
    };
    const payloadOf = (extra: Record<string, string>) => {
      writeFileSync(file, JSON.stringify({ broadcast: { ...template, ...extra } }));
      const filled = fillZaloOaTemplate(loadZaloOaTemplates(file), "broadcast", { text: "Họp dân", now });
      return (templateMessageJson(filled ?? never()) as { attachment: { payload: Record<string, unknown> } })
        .attachment.payload;
    };
    expect(payloadOf({})).toMatchObject({ template_id: "249573" });
    const renamed = payloadOf({ templateIdField: "template_code" });
    expect(renamed).toMatchObject({ template_code: "249573" });
    expect(renamed).not.toHaveProperty("template_id");
    writeFileSync(file, JSON.stringify({ broadcast: { ...template, templateIdField: "Bad Field" } }));
    expect(() => loadZaloOaTemplates(file)).toThrow();
  });
});

function never(): never {
  throw new Error("template not filled");
}
