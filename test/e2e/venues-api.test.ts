import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers/test-server";

const TOKEN = "officer-api-token-0123456789abcdef";

describe("officers' venue API", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: TOKEN, PUBLIC_URL: "https://qr.binhson.example" });
  });
  afterAll(() => server.stop());

  const api = (path: string, init: RequestInit = {}, token: string | null = TOKEN) =>
    fetch(`${server.url}${path}`, {
      ...init,
      headers: {
        "content-type": "application/json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.headers as Record<string, string> | undefined),
      },
    });

  const venue = {
    name: "Trường THCS Bình Hải",
    category: "school",
    communeCode: "21067",
    address: "Thôn Thanh Thủy",
    contactName: "Lê Thị Hoa",
    contactPhone: "0905.111.222",
  };

  it("refuses calls without the token, or with a wrong one, and registers nothing", async () => {
    expect((await api("/api/v1/venues", { method: "POST", body: JSON.stringify(venue) }, null)).status).toBe(
      401,
    );
    expect((await api("/api/v1/venues", {}, "wrong-token-wrong-token-wrong")).status).toBe(401);
    expect(await server.database.db.venue.count()).toBe(0);
  });

  it("an officer registers a venue and downloads its QR and poster", async () => {
    const res = await api("/api/v1/venues", { method: "POST", body: JSON.stringify(venue) });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { id: string; code: string; checkinUrl: string };
    expect(created.checkinUrl).toBe(`https://qr.binhson.example/c/${created.code}`);
    expect(await server.database.db.venue.findUnique({ where: { id: created.id } })).toMatchObject({
      contactPhone: "+84905111222",
      ownerContactId: null,
    });

    const qr = await api(`/api/v1/venues/${created.id}/qr.png`);
    expect(qr.headers.get("content-type")).toBe("image/png");
    const png = PNG.sync.read(Buffer.from(await qr.arrayBuffer()));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(created.checkinUrl);

    const poster = await api(`/api/v1/venues/${created.id}/poster.pdf`);
    expect(poster.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await poster.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    expect((await api("/api/v1/venues/nope/poster.pdf")).status).toBe(404);
  });

  it("bad fields are named one by one with what is wrong", async () => {
    const res = await api("/api/v1/venues", {
      method: "POST",
      body: JSON.stringify({ ...venue, category: "castle", communeCode: "99999", contactPhone: "12" }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: string;
      details: Record<string, { code: string; message: string }>;
    };
    expect(body.error).toBe("invalid_venue");
    expect(Object.keys(body.details).sort()).toEqual(["category", "communeCode", "contactPhone"]);
    expect(body.details.contactPhone?.message).toMatch(/wrong length/);
    expect((await api("/api/v1/venues", { method: "POST", body: "[1,2]" })).status).toBe(400);
  });

  it("lists venues by commune with paging", async () => {
    for (const name of ["Chợ Châu Ổ", "Bưu điện Châu Ổ"]) {
      await api("/api/v1/venues", {
        method: "POST",
        body: JSON.stringify({ ...venue, name, communeCode: "21040" }),
      });
    }
    const page = (await (await api("/api/v1/venues?communeCode=21040&pageSize=1&page=2")).json()) as {
      items: { name: string; communeName: string }[];
      total: number;
    };
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.communeName).toBe("Xã Bình Sơn");
    expect((await api("/api/v1/venues?pageSize=5000")).status).toBe(400);
  });
});
