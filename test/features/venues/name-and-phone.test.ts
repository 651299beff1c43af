import { describe, expect, it } from "vitest";
import { splitPhoneOut } from "../../../src/features/venues/name-and-phone";

describe("a phone number typed at the contact person's step", () => {
  it("is taken out with its label, leaving the name", () => {
    expect(splitPhoneOut("Ngô Văn Hai 0905 123 456")).toEqual({ phone: "+84905123456", rest: "Ngô Văn Hai" });
    expect(splitPhoneOut("Ngô Văn Hai - sđt: 0905.123.456")).toEqual({
      phone: "+84905123456",
      rest: "Ngô Văn Hai",
    });
    expect(splitPhoneOut("Lê Thị Sáu, số 0255 3822 123")).toEqual({
      phone: "+842553822123",
      rest: "Lê Thị Sáu",
    });
    expect(splitPhoneOut("sdt 0905 123 456")).toEqual({ phone: "+84905123456", rest: "" });
  });

  it("is nothing when no valid number is there", () => {
    expect(splitPhoneOut("Trần Văn Tư")).toBeUndefined();
    expect(splitPhoneOut("Nguyễn Văn 2")).toBeUndefined();
    expect(splitPhoneOut("Lê Văn A 12345")).toBeUndefined();
  });
});
