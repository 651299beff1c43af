import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMMAND_NAMES, type CommandId, commandNames } from "../../src/core/command-names";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { invitedOfficerChat } from "../helpers/officer-chat";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";

// Officers who type what they want, without a slash and without diacritics, as a stranger's trial did.
describe("an officer who types instead of tapping", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN, WEBCHAT_POSTS_PER_MINUTE: "1000" });
  });
  afterAll(() => server.stop());

  const officer = (communes: string[] = [], role: "officer" | "admin" = "officer") =>
    invitedOfficerChat(server.url, communes, role);
  const all = (messages: Awaited<ReturnType<WebchatClient["send"]>>) => textsOf(messages).join("\n");

  describe("asks for the officer menu in words", () => {
    for (const typed of ["menu can bo", "menu cán bộ", "canbo", "can bo", "Menu cán bộ ạ", "officer menu"]) {
      it(`an officer typing "${typed}" gets the officer commands, not the FAQ`, async () => {
        const lan = await officer();
        const seen = all(await lan.send(typed));
        expect(seen).toMatch(/^Lệnh dành cho cán bộ/);
        expect(seen).not.toMatch(/vật nuôi|gia súc|chăn nuôi|thú y/i);
      });
    }

    it("a citizen typing 'menu can bo' is told it is for officers and how to become one, not about cows", async () => {
      const citizen = new WebchatClient(server.url);
      const seen = await citizen.send("menu can bo");
      expect(textsOf(seen)[0]).toMatch(/chỉ dành cho cán bộ/);
      expect(textsOf(seen)[0]).toContain("/canbo");
      expect(all(seen)).not.toMatch(/vật nuôi|gia súc|chăn nuôi|thú y/i);
      // Someone who wanted to reach an officer is offered that too.
      expect(buttonsOf(seen)).toContain("🙋 Hỏi cán bộ");
    });

    it("an English officer typing 'officer menu' gets the English officer commands", async () => {
      const ann = await officer();
      await ann.send("english please");
      expect(all(await ann.send("officer menu"))).toMatch(/^Officer commands/);
    });
  });

  describe("traces a venue named in words", () => {
    it("'truy vet <name>' and 'truy vết Quán cà phê Hồng' look the venue up as /truyvet <name> does", async () => {
      await registerVenue(server.url, ADMIN_TOKEN, { name: "Quán cà phê Hồng", communeCode: "21040" });
      const lan = await officer();
      expect(textsOf(await lan.send("truy vết Quán cà phê Hồng"))[0]).toBe(
        'Không có lượt khai báo nào tại "Quán cà phê Hồng" trong 24 giờ qua.',
      );
      expect(textsOf(await lan.send("truy vet quan ca phe hong 48"))[0]).toBe(
        'Không có lượt khai báo nào tại "Quán cà phê Hồng" trong 48 giờ qua.',
      );
      expect(textsOf(await lan.send("toi muon truy vet dia diem ca phe hong"))[0]).toBe(
        'Không có lượt khai báo nào tại "Quán cà phê Hồng" trong 24 giờ qua.',
      );
    });

    it("a citizen typing 'truy vet quan ca phe hong' is not shown any venue's visits", async () => {
      const citizen = new WebchatClient(server.url);
      expect(all(await citizen.send("truy vet quan ca phe hong"))).not.toMatch(/Lượt khai báo tại/);
    });
  });

  describe("asks for the list of requests in words", () => {
    /** A citizen of `commune` who asks for an officer and writes their question: an open ticket. */
    const ask = async (commune: string, question: string) => {
      const citizen = new WebchatClient(server.url);
      await citizen.send("gap can bo");
      await citizen.send({ payload: `handover-ask:commune:${commune}` });
      await citizen.send(question);
      return server.database.db.ticket.findFirstOrThrow({ where: { question } });
    };
    const listIn = (messages: Awaited<ReturnType<WebchatClient["send"]>>) =>
      textsOf(messages).find((text) => /^Yêu cầu đang chờ|^Không có yêu cầu/.test(text)) ?? "";

    it("'danh sach yeu cau', 'cac cau hoi dang cho', 'ticket': the open requests the officer may see, newest first, each with an Answer button", async () => {
      const vanTuong = await officer(["21061"]);
      const everywhere = await officer();
      const older = await ask("21061", "Khi nào tiêm mũi nhắc lại cho người già ở thôn Tây?");
      const other = await ask("21040", "Giấy xác nhận tiêm lấy ở đâu vậy cán bộ?");
      const newer = await ask("21061", "Xe cứu thương thôn Đông gọi số nào?");
      const ref = (id: string) => `#${id.slice(0, 6)}`;

      const mine = await vanTuong.send("danh sach yeu cau");
      const list = listIn(mine);
      expect(list).toMatch(/^Yêu cầu đang chờ cán bộ trả lời \(2, mới nhất trước\):/);
      expect(list.indexOf(ref(newer.id))).toBeLessThan(list.indexOf(ref(older.id)));
      expect(list).toContain("Xe cứu thương thôn Đông gọi số nào?");
      expect(list).not.toContain(ref(other.id));
      expect(buttonsOf(mine)).toEqual([`✍️ Trả lời ${ref(newer.id)}`, `✍️ Trả lời ${ref(older.id)}`]);
      // Tapping one opens the answer, as the button under the notification does.
      expect(textsOf(await vanTuong.send(`✍️ Trả lời ${ref(older.id)}`)).at(-1)).toMatch(
        new RegExp(`^Trả lời ${ref(older.id)}\\. Câu hỏi: Khi nào tiêm`),
      );
      await vanTuong.send("huy");

      for (const typed of ["cac cau hoi dang cho", "ticket", "/yeucau"]) {
        const seen = listIn(await everywhere.send(typed));
        expect(seen, typed).toContain(ref(other.id));
        expect(seen, typed).toContain(ref(newer.id));
      }
      const audited = await server.database.db.auditLog.count({ where: { action: "chat.tickets" } });
      expect(audited).toBe(4);
    });

    it("a citizen typing 'danh sach yeu cau' sees nobody's requests", async () => {
      const citizen = new WebchatClient(server.url);
      expect(all(await citizen.send("danh sach yeu cau"))).not.toMatch(/Yêu cầu đang chờ|#[0-9a-f]{6}/);
    });
  });

  it("every name of every command, Vietnamese and English, is a command the server knows", async () => {
    const admin = await officer([], "admin");
    const unknown: string[] = [];
    for (const name of (Object.keys(COMMAND_NAMES) as CommandId[]).flatMap((id) => commandNames(id))) {
      // Each on its own chat as an admin, so no flow one command starts takes the next.
      const chat = name === "canbo" || name === "officer" ? admin : await officer([], "admin");
      const seen = all(await chat.send(`/${name}`));
      if (/Không có lệnh|There is no command/.test(seen)) unknown.push(name);
    }
    expect(unknown).toEqual([]);
  });

  it("a venue owner typing the Vietnamese /diadiemcuatoi gets their venues, as /myvenues does", async () => {
    const owner = new WebchatClient(server.url);
    const mine = all(await owner.send("/diadiemcuatoi"));
    expect(mine).toBe(all(await owner.send("/myvenues")));
    expect(mine).not.toMatch(/Không có lệnh/);
  });
});
