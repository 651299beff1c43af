import { describe, expect, it } from "vitest";
import { confirmsSummary } from "../../../src/features/venues/summary-words";

describe("an owner who types that the registration summary is right", () => {
  it.each(["xong", "Xong rồi ạ", "đúng hết rồi", "chuan", "không cần sửa", "tạo mã đi", "looks good"])(
    "'%s' confirms it",
    (text) => expect(confirmsSummary(text)).toBe(true),
  );

  it.each(["xong rồi mà tên sai", "sửa tên", "Quán Xong", "chưa xong", "0905 123 456"])(
    "'%s' does not",
    (text) => expect(confirmsSummary(text)).toBe(false),
  );
});
