import { describe, expect, it } from "vitest";
import { splitText, ZALO_MAX_TEXT_LENGTH } from "../../../../src/sdk/zalo/shared/split-text";

const words = (n: number, word = "thông"): string => Array.from({ length: n }, () => word).join(" ");
const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

describe("splitText: long replies become several Zalo messages", () => {
  it("keeps a short reply as one message", () => {
    expect(splitText("Xin chào, quán của anh đã được đăng ký.")).toEqual([
      "Xin chào, quán của anh đã được đăng ký.",
    ]);
  });

  it("returns nothing for blank text, so callers can refuse to send it", () => {
    expect(splitText("   \n\n  ")).toEqual([]);
  });

  it("keeps a reply of exactly 2,000 characters whole", () => {
    const text = "a".repeat(ZALO_MAX_TEXT_LENGTH);
    expect(splitText(text)).toEqual([text]);
  });

  it("cuts between paragraphs when a paragraph break is available", () => {
    const first = words(250); // 1,499 chars
    const second = words(200);
    const chunks = splitText(`${first}\n\n${second}`);
    expect(chunks).toEqual([first, second]);
  });

  it("cuts at a line break when there is no paragraph break late enough", () => {
    const lines = Array.from({ length: 60 }, (_, i) => `Dòng ${i}: ${words(8, "hướng")}`);
    const chunks = splitText(lines.join("\n"));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(ZALO_MAX_TEXT_LENGTH);
      expect(chunk.split("\n").every((line) => line.startsWith("Dòng "))).toBe(true);
    }
    expect(chunks.join("\n")).toBe(lines.join("\n"));
  });

  it("cuts at a space inside one long paragraph and never splits a word", () => {
    const text = words(900, "Bình-Sơn"); // ~8,100 chars, no newlines
    const chunks = splitText(text);
    expect(chunks.length).toBe(5);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(ZALO_MAX_TEXT_LENGTH);
      expect(chunk.split(" ").every((w) => w === "Bình-Sơn")).toBe(true);
    }
    expect(squash(chunks.join(" "))).toBe(squash(text));
  });

  it("hard-cuts a single unbroken run, without splitting an emoji's surrogate pair", () => {
    const text = `${"x".repeat(1999)}😀${"y".repeat(100)}`;
    const chunks = splitText(text);
    expect(chunks[0]).toBe("x".repeat(1999));
    expect(chunks[1]?.startsWith("😀")).toBe(true);
    expect(chunks.join("")).toBe(text);
  });

  it("does not separate a Vietnamese letter from its combining diacritic (NFD text)", () => {
    const text = `${"a".repeat(1999)}e\u0302${"b".repeat(50)}`; // "ê" as e + U+0302 straddling the limit
    const chunks = splitText(text);
    expect(chunks[0]).toBe("a".repeat(1999));
    expect(chunks[1]?.startsWith("e\u0302")).toBe(true);
  });

  it("honours a custom limit and rejects nonsense limits", () => {
    expect(splitText("một hai ba bốn", 7)).toEqual(["một hai", "ba bốn"]);
    expect(() => splitText("x", 1)).toThrow(RangeError);
  });
});
