import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN } from "../helpers/broadcast-fixtures";
import { registerVenue } from "../helpers/checkin-form";
import { invitedOfficerChat } from "../helpers/officer-chat";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { buttonsOf, textsOf } from "../helpers/webchat-client";

// The venue picker of tracing, answered the way officers type: numbers, ordinals in words, misses.
describe("an officer picks the venue to trace by typing", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
  });
  afterAll(() => server.stop());

  const officer = (communes: string[] = []) => invitedOfficerChat(server.url, communes);

  describe("the venue picker reads what officers type", () => {
    // Each test its own shop name, three branches of it in one commune.
    const shopNames = [
      "Minh Châu",
      "Hoàng Long",
      "Phú Quý",
      "Thanh Bình",
      "Kim Ngân",
      "Hải Âu",
      "Bảo An",
      "Ngọc Lan",
    ];
    let shops = 0;
    const threeShops = async () => {
      const name = `Tiệm tạp hóa ${shopNames[shops++]}`;
      for (const street of ["1 Lê Lợi", "2 Lê Lợi", "3 Lê Lợi"])
        await registerVenue(server.url, ADMIN_TOKEN, { name, communeCode: "21061", address: street });
      const lan = await officer(["21061"]);
      const offered = await lan.send(
        `/truyvet ${name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase()}`,
      );
      expect(buttonsOf(offered)).toEqual([
        `${name} – 1 Lê Lợi`,
        `${name} – 2 Lê Lợi`,
        `${name} – 3 Lê Lợi`,
        "✖ Hủy",
      ]);
      return { lan, name };
    };
    /** The venue whose visits were read last (every read is audited with the venue). */
    const lastTraced = async () => {
      const audit = await server.database.db.auditLog.findFirstOrThrow({
        where: { action: "visits.venue" },
        orderBy: { id: "desc" },
      });
      return server.database.db.venue.findUniqueOrThrow({ where: { id: audit.venueId ?? "" } });
    };

    it("a typed '1' picks the first venue, not Cancel", async () => {
      const { lan, name } = await threeShops();
      expect(textsOf(await lan.send("1"))[0]).toBe(
        `Không có lượt khai báo nào tại "${name}" trong 24 giờ qua.`,
      );
      expect((await lastTraced()).address).toBe("1 Lê Lợi");
    });

    for (const typed of ["thu hai", "cái thứ 2", "so 2", "second", "cai thu hai a", "the 2nd one"]) {
      it(`"${typed}" picks the second venue`, async () => {
        const { lan, name } = await threeShops();
        expect(textsOf(await lan.send(typed))[0]).toBe(
          `Không có lượt khai báo nào tại "${name}" trong 24 giờ qua.`,
        );
        expect((await lastTraced()).address).toBe("2 Lê Lợi");
      });
    }

    it("a typed miss says so and shows the list again; then '1' still picks the first", async () => {
      const { lan, name } = await threeShops();
      const again = await lan.send("cai thu muoi");
      expect(textsOf(again)[0]).toMatch(/^Câu trả lời chưa khớp lựa chọn nào/);
      expect(buttonsOf(again)).toEqual([
        `${name} – 1 Lê Lợi`,
        `${name} – 2 Lê Lợi`,
        `${name} – 3 Lê Lợi`,
        "✖ Hủy",
      ]);
      expect(buttonsOf(await lan.send("xyz quan khong co"))).toHaveLength(4);
      expect(textsOf(await lan.send("1"))[0]).toBe(
        `Không có lượt khai báo nào tại "${name}" trong 24 giờ qua.`,
      );
      expect((await lastTraced()).address).toBe("1 Lê Lợi");
    });

    it("another name typed at the list is looked up afresh", async () => {
      const { lan } = await threeShops();
      await registerVenue(server.url, ADMIN_TOKEN, { name: "Nhà văn hóa thôn Tây", communeCode: "21061" });
      expect(textsOf(await lan.send("nha van hoa thon tay"))[0]).toBe(
        'Không có lượt khai báo nào tại "Nhà văn hóa thôn Tây" trong 24 giờ qua.',
      );
    });

    it("/truyvet with nothing after it shows the usage of /truyvet, in Vietnamese; /trace in English that of /trace", async () => {
      const lan = await officer();
      const usage = textsOf(await lan.send("/truyvet"))[0] ?? "";
      expect(usage).toMatch(/^Cách dùng: \/truyvet/);
      expect(usage).not.toContain("/trace");
      await lan.send("english please");
      const en = textsOf(await lan.send("/trace"))[0] ?? "";
      expect(en).toMatch(/^Usage: \/trace/);
      expect(en).not.toContain("/truyvet");
    });
  });
});
