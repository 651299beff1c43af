import { readdirSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { PosterCache } from "../../../../src/features/venues/render/poster-cache";
import type { PosterInput } from "../../../../src/features/venues/render/poster-pdf";
import { PosterPool } from "../../../../src/features/venues/render/poster-pool";
import { CheckinUrlError } from "../../../../src/features/venues/render/qr-symbol";
import { posterTextsFromLocales } from "../../../support/locale-poster-texts";
import { extractPdfText } from "../../../support/pdf-text";

const cafe: PosterInput = {
  venueName: "quan ca phe hoa sen",
  address: "123 pham van dong",
  communeName: "Thị trấn Châu Ổ",
  code: "7KQ3MZP9XA",
  checkinUrl: "https://checkin.binhson.example.vn/v/7KQ3MZP9XA",
  texts: posterTextsFromLocales(),
};
const squash = (text: string) => text.replace(/\s+/g, "");
const pool = new PosterPool({ size: 1 });
afterAll(() => pool.close());

describe("posters rendered off the event loop", () => {
  it("come back as the owner's poster, with the venue's name and code", async () => {
    const { pageCount, text } = await extractPdfText(await pool.render(cafe));
    expect(pageCount).toBe(1);
    expect(squash(text)).toContain(squash("quan ca phe hoa sen"));
    expect(squash(text)).toContain("7KQ3MZP9XA");
  });

  it("leave the event loop free for other conversations while pdfkit works", async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 1);
    const started = performance.now();
    await Promise.all([1, 2, 3].map((n) => pool.render({ ...cafe, venueName: `tiem tap hoa ${n}` })));
    clearInterval(ticker);
    // On the loop, three posters would be one long stall: no tick at all until they were done.
    const elapsed = performance.now() - started;
    expect(ticks).toBeGreaterThan(Math.min(10, elapsed / 20));
  });

  it.runIf(process.platform === "linux")(
    "run below the event loop's priority, so replies come first when both want the CPU",
    async () => {
      await pool.render(cafe);
      const niceOf = (task: string) =>
        Number(readFileSync(`/proc/self/task/${task}/stat`, "utf8").split(") ")[1]?.split(" ")[16]);
      const nices = readdirSync("/proc/self/task").map(niceOf);
      // The pool's one worker thread is lowered; the process's main thread and every other one are not.
      expect(nices.filter((nice) => nice === 10)).toHaveLength(1);
      expect(niceOf(String(process.pid))).toBe(0);
    },
  );

  it("still refuse a URL a phone would not open, with the same error", async () => {
    await expect(pool.render({ ...cafe, checkinUrl: "javascript:alert(1)" })).rejects.toThrow(
      CheckinUrlError,
    );
    // …and the worker goes on serving the next poster.
    expect((await pool.render(cafe)).subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("the poster cache", () => {
  it("serves a venue's poster again without rendering it, until the venue changes", async () => {
    const cache = new PosterCache();
    const rendered: string[] = [];
    const render = (input: PosterInput) => {
      rendered.push(input.venueName);
      return pool.render(input);
    };
    const first = await cache.get(cafe, render);
    expect(await cache.get({ ...cafe }, render)).toBe(first);
    const renamed = await cache.get({ ...cafe, venueName: "Quán Cà Phê Hoa Sen 2" }, render);
    expect(squash((await extractPdfText(renamed)).text)).toContain(squash("Quán Cà Phê Hoa Sen 2"));
    // An English translation edited: a new version of every poster.
    const texts = { ...cafe.texts, en: { ...cafe.texts.en, title: "Scan before you enter" } };
    await cache.get({ ...cafe, texts }, render);
    expect(rendered).toEqual(["quan ca phe hoa sen", "Quán Cà Phê Hoa Sen 2", "quan ca phe hoa sen"]);
  });

  it("keeps only as many bytes as it is given, dropping the least recently used", async () => {
    const cache = new PosterCache({ maxBytes: 1 });
    let renders = 0;
    const render = async () => Buffer.alloc(10, renders++);
    await cache.get(cafe, render);
    await cache.get({ ...cafe, code: "ABCD2345EF" }, render);
    await cache.get(cafe, render);
    expect(renders).toBe(3);
  });

  it("does not keep a failed render", async () => {
    const cache = new PosterCache();
    const bad = { ...cafe, checkinUrl: "ftp://example.vn/x" };
    await expect(cache.get(bad, (i) => pool.render(i))).rejects.toThrow(CheckinUrlError);
    await expect(cache.get(bad, async () => Buffer.from("%PDF-"))).resolves.toEqual(Buffer.from("%PDF-"));
  });
});
