import { describe, expect, it } from "vitest";
import { readOfficerRequest } from "../../../src/core/understanding/officer-request";

describe("an officer's request typed in words", () => {
  it.each([
    ["menu can bo", "officer-menu"],
    ["menu cán bộ", "officer-menu"],
    ["Menu Cán Bộ ạ", "officer-menu"],
    ["canbo", "officer-menu"],
    ["can bo", "officer-menu"],
    ["xem lệnh cán bộ", "officer-menu"],
    ["officer menu", "officer-menu"],
    ["danh sach yeu cau", "tickets"],
    ["các câu hỏi đang chờ", "tickets"],
    ["cac cau hoi dang cho", "tickets"],
    ["ticket", "tickets"],
    ["xem tickets", "tickets"],
    ["show me the open tickets", "tickets"],
    ["gửi thông báo", "broadcast"],
    ["truy vet", "trace"],
  ])("%s → %s", (typed, request) => {
    expect(readOfficerRequest(typed)).toEqual({ request, args: "" });
  });

  it.each([
    ["truy vết Quán cà phê Hồng", "Quán cà phê Hồng"],
    ["truy vet quan ca phe hong 48", "quan ca phe hong 48"],
    ["tôi muốn truy vết địa điểm Chợ Bình Long", "Chợ Bình Long"],
    ["truy vết tại chợ Bình Long", "chợ Bình Long"],
    // Folded, "tài" would be the link word "tại": the name keeps it.
    ["truy vet Tài Lộc", "Tài Lộc"],
    ["truy vet cho binh long", "cho binh long"],
    ["trace 7KQ3MZP9XA 48", "7KQ3MZP9XA 48"],
  ])("%s names the venue %s", (typed, args) => {
    expect(readOfficerRequest(typed)).toEqual({ request: "trace", args });
  });

  it.each([
    "truy vết là gì?",
    "truy vet la gi vay",
    "cán bộ xã hỏi tôi mã QR",
    "menu can bo xa lam gi",
    "bò có bị covid không",
    "yêu cầu cấp mã QR",
  ])("%s is not an officer request", (typed) => {
    expect(readOfficerRequest(typed)).toBeNull();
  });
});
