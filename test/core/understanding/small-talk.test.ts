import { describe, expect, it } from "vitest";
import { readSmallTalk } from "../../../src/core/understanding/small-talk";

describe("small talk gets a short friendly answer instead of 'not understood'", () => {
  it.each([
    ["alo", "greeting"],
    ["ko biet", "dont-know"],
    ["Không biết ạ", "dont-know"],
    ["chịu", "dont-know"],
    ["I don't know", "dont-know"],
    ["Alo alo", "greeting"],
    ["chào", "greeting"],
    ["xin chào", "greeting"],
    ["Xin chao ban", "greeting"],
    ["hello", "greeting"],
    ["hi", "greeting"],
    ["chào bạn", "greeting"],
    ["chào buổi sáng", "greeting"],
    ["cảm ơn", "thanks"],
    ["cám ơn", "thanks"],
    ["cam on", "thanks"],
    ["cảm ơn bạn nhiều ạ", "thanks"],
    ["thanks", "thanks"],
    ["tks", "thanks"],
    ["thank you", "thanks"],
    ["ok", "ack"],
    ["oke", "ack"],
    ["👍", "ack"],
    ["dạ", "ack"],
    ["biết rồi", "ack"],
    ["có ai không", "anyone-there"],
    ["ban la ai", "who-are-you"],
    ["bạn là ai vậy?", "who-are-you"],
    ["are you a bot", "who-are-you"],
    ["ai là người chịu trách nhiệm tiêm chủng", null],
    ["co ai ko", "anyone-there"],
    ["alo có ai không?", "anyone-there"],
    ["ad ơi", "anyone-there"],
    ["admin oi", "anyone-there"],
    ["hihi", "laugh"],
    ["haha", "laugh"],
    ["hahahaha", "laugh"],
    ["kkkk", "laugh"],
    ["=))", "laugh"],
    ["😂", "emoji-only"],
    ["❤️❤️", "emoji-only"],
    ["🙏🏻", "emoji-only"],
  ])("%j reads as %s", (text, expected) => {
    expect(readSmallTalk(text)).toBe(expected);
  });

  it.each([
    "chào, cho hỏi tiêm mũi 3 ở đâu",
    "Bình Hải",
    "ok tôi muốn đăng ký",
    "",
    "cảm ơn vì đã ".repeat(20),
  ])("%j is not small talk", (text) => {
    expect(readSmallTalk(text)).toBeNull();
  });

  it.each([
    "cho e hoi",
    "Cho em hỏi ạ",
    "ad ơi cho mình hỏi với",
    "alo cho hoi",
    "hỏi chút",
    "em hỏi xíu ạ",
    "can i ask something?",
    "hi, quick question",
  ])("%j announces a question still to come: asked for it, not read as one", (text) => {
    expect(readSmallTalk(text)).toBe("ask-ahead");
  });

  it.each(["cho em hỏi tiêm mũi 3 ở đâu", "cho hoi can bo", "hỏi cán bộ"])(
    "%j carries its question: not small talk",
    (text) => {
      expect(readSmallTalk(text)).toBeNull();
    },
  );
});
