import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RenderedMessage } from "../../src/core/rendered-message";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";
import { extractPdfText } from "../support/pdf-text";

// Several owners' whole registrations from one address within a minute: above the public chat's per-address
// limit, which is not what these stories test (test/e2e/webchat.test.ts does).
const SERVER_ENV = { PUBLIC_URL: "https://qr.binhson.example", WEBCHAT_POSTS_PER_MINUTE: "600" };

describe("a venue owner registers by web chat", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(SERVER_ENV);
  });
  afterAll(() => server.stop());

  const media = async (m: RenderedMessage | undefined) => {
    if (!m || m.kind === "text") throw new Error("expected a file");
    const res = await fetch(`${server.url}/media/${m.mediaId}`);
    expect(res.status).toBe(200);
    return Buffer.from(await res.arrayBuffer());
  };

  it("goes through every step, is told what is wrong at each bad answer, and gets a QR and a poster", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/start");
    let r = await chat.send({ payload: "venues:start" });
    expect(textsOf(r).at(-1)).toMatch(/^Bước 1\/6/);

    r = await chat.send("Q");
    expect(textsOf(r)[0]).toBe("Tên địa điểm cần dài từ 2 đến 120 ký tự. Bạn vui lòng gõ lại tên.");
    r = await chat.send("Quán Cà Phê Hoa Sen");
    expect(textsOf(r)[0]).toMatch(/^Bước 2\/6/);
    expect(buttonsOf(r)).toContain("Nhà hàng/quán ăn/cà phê");

    // A kind of place the list does not name: the closest type or "Khác" is asked for (typed again, "Khác").
    r = await chat.send("pizza");
    expect(textsOf(r)[0]).toMatch(/^Trợ lý chưa nhận ra loại địa điểm này/);
    r = await chat.send("Nhà hàng/quán ăn/cà phê");
    expect(textsOf(r)[0]).toMatch(/^Bước 3\/6/);
    // The five xã in force since 1/7/2025, each with the former units it took in.
    expect(buttonsOf(r)).toEqual([
      "Xã Bình Sơn",
      "Xã Vạn Tường",
      "Xã Bình Minh",
      "Xã Bình Chương",
      "Xã Đông Sơn",
      "◀ Quay lại",
      "✖ Hủy",
    ]);
    expect(textsOf(r)[0]).toContain(
      "• Xã Vạn Tường (gồm các xã cũ: Bình Thuận, Bình Đông, Bình Trị, Bình Hải, Bình Hòa, Bình Phước)",
    );
    // Châu Ổ was a township (thị trấn), so Xã Bình Sơn's line does not call all its parts xã.
    expect(textsOf(r)[0]).toMatch(/• Xã Bình Sơn \(gồm các xã, thị trấn cũ: Châu Ổ, /);

    r = await chat.send("Xã Atlantis");
    expect(textsOf(r)[0]).toMatch(/^Không tìm thấy xã/);
    r = await chat.send("binh thanh");
    expect(textsOf(r)[0]).toBe(
      'Có nhiều xã trùng tên "binh thanh": Xã Bình Thạnh, Xã Bình Thanh. Bạn vui lòng chọn trong danh sách.',
    );
    r = await chat.send("thi tran chau o");
    expect(textsOf(r)[0]).toBe(
      '"thi tran chau o" là thị trấn Châu Ổ cũ, thuộc xã Bình Sơn từ 1/7/2025. Địa điểm được ghi vào xã Bình Sơn.',
    );
    expect(textsOf(r)[1]).toMatch(/^Bước 4\/6/);

    r = await chat.send("12 Phạm Văn Đồng");
    expect(textsOf(r)[0]).toMatch(/^Bước 5\/6/);
    r = await chat.send("Nguyễn 2");
    expect(textsOf(r)[0]).toMatch(/^Họ tên cần/);
    r = await chat.send("Nguyễn Thị Lan");
    expect(textsOf(r)[0]).toMatch(/^Bước 6\/6/);
    // The web chat has no share-my-phone key, so it is not mentioned.
    expect(textsOf(r).join("\n")).not.toMatch(/bấm nút/);

    r = await chat.send("0168 123 4567");
    expect(textsOf(r)[0]).toMatch(/số thuê bao 11 số cũ/);
    r = await chat.send("12345");
    expect(textsOf(r)[0]).toMatch(/độ dài/);
    r = await chat.send("84-905-123-456");
    expect(textsOf(r)[0]).toContain("• Điện thoại: 0905 123 456");
    expect(textsOf(r)[0]).toContain("• Loại: Nhà hàng/quán ăn/cà phê");
    expect(textsOf(r)[0]).toContain("• Xã: Xã Bình Sơn");

    r = await chat.send({ payload: "venue:edit" });
    r = await chat.send({ payload: "venue:field:address" });
    // What is stored now, then the step: the owner sees what they are replacing.
    expect(textsOf(r)[0]).toContain("12 Phạm Văn Đồng");
    expect(textsOf(r)[1]).toMatch(/^Bước 4\/6/);
    r = await chat.send("15 Phạm Văn Đồng");
    expect(textsOf(r)[0]).toContain("• Địa chỉ: 15 Phạm Văn Đồng");

    r = await chat.send({ payload: "venue:confirm" });
    const done = textsOf(r)[0] ?? "";
    expect(done).toMatch(/^🎉 Đã đăng ký xong "Quán Cà Phê Hoa Sen"/);
    const code = /Mã địa điểm: ([2-9A-Z]{10})/.exec(done)?.[1];
    expect(code).toBeDefined();

    const png = PNG.sync.read(await media(r.find((m) => m.kind === "image")));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(`https://qr.binhson.example/c/${code}`);

    const poster = (await extractPdfText(await media(r.find((m) => m.kind === "document")))).text;
    expect(poster).toContain("Quán Cà Phê Hoa Sen");
    expect(poster).toContain("Xã Bình Sơn");
    expect(poster).toContain(`https://qr.binhson.example/c/${code}`);

    const stored = await server.database.db.venue.findUnique({ where: { code: code ?? "" } });
    expect(stored).toMatchObject({
      contactPhone: "+84905123456",
      category: "food-service",
      communeCode: "21040",
      address: "15 Phạm Văn Đồng",
    });

    const page = await fetch(`${server.url}/c/${code}`);
    expect(await page.text()).toContain("Quán Cà Phê Hoa Sen");
    expect((await fetch(`${server.url}/c/ZZZZZZZZZZ`)).status).toBe(404);
  });

  it("at the summary an owner who types what is wrong is taken to it, and a typed yes registers", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/start");
    await chat.send({ payload: "venues:start" });
    for (const answer of ["Tiem Tap Hoa Co Ba", "tap hoa", "binh hai", "thon Thanh Thuy", "Tran Thi Ba"])
      await chat.send(answer);
    let r = await chat.send("sdt 0905 777 888");
    expect(textsOf(r)[0]).toContain("• Tên: Tiem Tap Hoa Co Ba");

    // "ko" / "sai rồi" to "is this right?": which field, then.
    r = await chat.send("sai roi");
    expect(buttonsOf(r)).toContain("Tên");
    r = await chat.send("ten");
    expect(textsOf(r)[0]).toContain("Tiem Tap Hoa Co Ba");
    expect(textsOf(r)[1]).toMatch(/^Bước 1\/6/);
    r = await chat.send("Tiệm Tạp Hóa Cô Ba");
    expect(textsOf(r)[0]).toContain("• Tên: Tiệm Tạp Hóa Cô Ba");

    // Naming the field at once skips the picker.
    r = await chat.send("sdt sai roi");
    expect(textsOf(r)[0]).toContain("0905 777 888");
    expect(textsOf(r)[1]).toMatch(/^Bước 6\/6/);
    r = await chat.send("0905 777 999");
    expect(textsOf(r)[0]).toContain("• Điện thoại: 0905 777 999");

    r = await chat.send("dung roi a");
    expect(textsOf(r)[0]).toMatch(/^🎉 Đã đăng ký xong "Tiệm Tạp Hóa Cô Ba"/);
  });

  it("registering the same name and address again asks before creating a duplicate", async () => {
    const chat = new WebchatClient(server.url);
    const answers = [
      "/venue",
      "Tạp hóa Minh",
      "5",
      "Bình Hải",
      "Thôn Thanh Thủy",
      "Trần Văn Minh",
      "0905123456",
    ];
    for (const a of answers) await chat.send(a);
    await chat.send({ payload: "venue:confirm" });
    for (const a of answers) await chat.send(a);
    const r = await chat.send({ payload: "venue:confirm" });
    expect(textsOf(r)[0]).toMatch(/^Đã có địa điểm "Tạp hóa Minh" với cùng địa chỉ/);
    const stopped = await chat.send({ payload: "venue:dup:no" });
    expect(textsOf(stopped)[0]).toMatch(/^Đã dừng/);
    expect(await server.database.db.venue.count({ where: { name: "Tạp hóa Minh" } })).toBe(1);
  });

  it("an owner who leaves half-way can resume after a restart, and manage the venue afterwards", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/venue");
    await chat.send("Nhà sách Bình Minh");
    await server.stop();
    server = await startTestServer(SERVER_ENV, { databaseUrl: server.databaseUrl });
    const again = new WebchatClient(server.url);
    again.sessionCookie = chat.sessionCookie;

    await again.read(); // the transcript so far
    let r = await again.send("/venue");
    expect(textsOf(r)[0]).toMatch(/^Bạn đang đăng ký dở địa điểm "Nhà sách Bình Minh"/);
    r = await again.send("1");
    expect(textsOf(r)[0]).toMatch(/^Bước 2\/6/);
    for (const a of ["Nhà sách", "Bình Minh", "Chợ Bình Minh", "Lê Văn Tám", "+84 935 000 111"])
      r = await again.send(a);
    r = await again.send({ payload: "venue:confirm" });
    expect(textsOf(r)[0]).toMatch(/^🎉/);

    r = await again.send({ payload: "venues:mine" });
    expect(buttonsOf(r)).toEqual(["Nhà sách Bình Minh"]);
    r = await again.send("1");
    expect(textsOf(r)[0]).toContain("Trang khai báo: https://qr.binhson.example/c/");
    r = await again.send("⏸ Tạm ngưng");
    expect(textsOf(r)[0]).toBe(
      'Đã tạm ngưng "Nhà sách Bình Minh". Người quét mã sẽ thấy địa điểm không còn hoạt động.',
    );

    const stranger = new WebchatClient(server.url);
    const venue = await server.database.db.venue.findFirstOrThrow({ where: { name: "Nhà sách Bình Minh" } });
    const denied = await stranger.send({ payload: `venues:toggle:${venue.id}` });
    expect(textsOf(denied)[0]).toBe("Không tìm thấy địa điểm này trong danh sách của bạn.");
  });

  it("/cancel leaves the registration and nothing is saved", async () => {
    const chat = new WebchatClient(server.url);
    await chat.send("/venue");
    await chat.send("Quán Hủy");
    const r = await chat.send("/cancel");
    expect(textsOf(r)[0]).toMatch(/^Đã hủy/);
    expect(await server.database.db.venue.count({ where: { name: "Quán Hủy" } })).toBe(0);
  });
});
