import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RenderedMessage } from "../../../src/core/rendered-message";
import {
  fixedFaqKnowledge,
  loadPublishedFaqFromFiles,
} from "../../../src/features/faq/content/published-faq";
import { FakeFaqStore } from "../../../src/features/faq/fake-faq-store";
import { registerFaq } from "../../../src/features/faq/faq-feature";
import { createEngineHarness, texts } from "../../helpers/engine-harness";

const knowledge = fixedFaqKnowledge(loadPublishedFaqFromFiles(join(import.meta.dirname, "../../../locales")));

const harness = (options: { archiveNotice?: boolean; localContacts?: string } = {}) =>
  createEngineHarness((router, showMenu) =>
    registerFaq(router, { knowledge, store: new FakeFaqStore(), showMenu, ...options }),
  );

const buttonLabels = (message: RenderedMessage | undefined) =>
  message?.kind === "text" ? (message.buttons ?? []).flat().map((b) => b.label) : [];

describe("an FAQ answer as a citizen reads it in 2026", () => {
  it("says the day the answer was checked and what has changed since", async () => {
    const chat = await harness();
    const [answer] = await chat.send({ type: "button", payload: "faq:topic:pccovid.health-declaration" });
    const text = texts(answer ? [answer] : [])[0] ?? "";
    expect(text).toMatch(/^Khai báo y tế trên PC-Covid \(năm 2021–2022\):/);
    expect(text).toContain("🗓 Cập nhật: 30/04/2022");
    expect(text).toContain("từ 30/4/2022 tạm dừng khai báo y tế nội địa (Công văn 2213/BYT-DP của Bộ Y tế)");
    expect(text).toContain("từ 20/10/2023 Covid-19 là bệnh truyền nhiễm nhóm B");
  });

  it("leaves the notice out when the deployment turns it off, and under answers checked since", async () => {
    const off = await harness({ archiveNotice: false });
    const [answer] = await off.send({ type: "button", payload: "faq:topic:pccovid.install" });
    expect(texts(answer ? [answer] : [])[0]).toContain("Cập nhật: 30/04/2022");
    expect(texts(answer ? [answer] : [])[0]).not.toContain("Lưu ý: các hướng dẫn ở đây");
    const on = await harness();
    const [current] = await on.send({ type: "button", payload: "faq:topic:vneid.about" });
    expect(texts(current ? [current] : [])[0]).toContain("Cập nhật: 11/01/2026");
    expect(texts(current ? [current] : [])[0]).not.toContain("Lưu ý: các hướng dẫn ở đây");
  });

  it("offers the topics an answer points to as buttons, in the reader's language", async () => {
    const chat = await harness();
    const [answer] = await chat.send({ type: "button", payload: "faq:topic:sskdt.about" });
    expect(buttonLabels(answer)).toEqual(["Đăng nhập Sổ sức khỏe điện tử", "Ứng dụng VNeID"]);
    const next = await chat.send({ type: "button", payload: "faq:topic:vneid.about" });
    expect(texts(next)[0]).toMatch(/^VNeID là ứng dụng định danh điện tử/);
    const english = await chat.send(
      { type: "button", payload: "faq:topic:pccovid.covid-card" },
      { externalId: "person-en", languageHint: "en" },
    );
    expect(buttonLabels(english[0])).toEqual(["Doses missing in PC-Covid"]);
  });

  it("writes the portal as a full https link so every channel makes it clickable", async () => {
    const chat = await harness();
    const [answer] = await chat.send({ type: "button", payload: "faq:topic:vaccine.fix-record" });
    expect(texts(answer ? [answer] : [])[0]).toContain("(https://tiemchungcovid19.gov.vn)");
  });

  it("gives local numbers only from configuration, and says where to find them when none are set", async () => {
    const none = await harness();
    const [unset] = await none.send({ type: "button", payload: "faq:topic:contact.local" });
    const unsetText = texts(unset ? [unset] : [])[0] ?? "";
    expect(unsetText).toContain("chưa được cấu hình số điện thoại");
    expect(unsetText).toContain("cổng thông tin điện tử của UBND xã");
    expect(unsetText.match(/\d{4} ?\d{3} ?\d{3}/)).toBeNull();

    const configured = await harness({
      localContacts: "Trạm y tế xã Vạn Tường: 0255 3000 111; UBND xã Vạn Tường: 0255 3000 222",
    });
    const [set] = await configured.send({ type: "button", payload: "faq:topic:contact.local" });
    const setText = texts(set ? [set] : [])[0] ?? "";
    expect(setText).toContain("Trạm y tế xã Vạn Tường: 0255 3000 111\nUBND xã Vạn Tường: 0255 3000 222");
    expect(setText).toContain("do đơn vị vận hành trợ lý cung cấp");
  });
});
