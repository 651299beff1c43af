import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminApi, seedSubscribers } from "../helpers/broadcast-fixtures";
import { waitUntil } from "../helpers/local-server";
import { startTestServer, type TestServer } from "../helpers/test-server";
import { buttonsOf, textsOf, WebchatClient } from "../helpers/webchat-client";

describe("officers in the web chat", () => {
  let server: TestServer;
  let api: ReturnType<typeof adminApi>;
  beforeAll(async () => {
    server = await startTestServer({ ADMIN_API_TOKEN: ADMIN_TOKEN });
    api = adminApi(server.url);
  });
  afterAll(() => server.stop());

  const invite = async (role: "admin" | "officer", communes: string[] = []) => {
    const res = await api("/api/v1/officers/invites", { role, communes });
    expect(res.status).toBe(201);
    return String(res.json.code);
  };

  it("an invited person becomes an officer with /officer <code>; the code works only once", async () => {
    const code = await invite("officer");
    const stored = await server.database.db.officerInvite.findFirstOrThrow();
    expect(stored.codeHash).not.toContain(code.replace("-", ""));

    const lan = new WebchatClient(server.url);
    expect(textsOf(await lan.send(`/officer ${code}`))[0]).toMatch(/^Bạn đã được cấp quyền cán bộ/);
    const other = new WebchatClient(server.url);
    expect(textsOf(await other.send(`/officer ${code}`))[0]).toMatch(/đã được sử dụng/);
    const officers = (await api("/api/v1/officers")).json.items as {
      role: string;
      revokedAt: string | null;
    }[];
    expect(officers).toEqual([expect.objectContaining({ role: "officer", revokedAt: null })]);
  });

  it("an expired code is refused", async () => {
    const code = await invite("officer");
    await server.database.db.officerInvite.updateMany({
      where: { usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const late = new WebchatClient(server.url);
    expect(textsOf(await late.send(`/officer ${code}`))[0]).toMatch(/hết hạn/);
    expect(await server.database.db.officer.count({ where: { role: "officer" } })).toBe(1);
  });

  it("someone who is not an officer gets 'not allowed' for /broadcast, and the attempt is logged", async () => {
    const citizen = new WebchatClient(server.url);
    const r = await citizen.send("/broadcast");
    expect(textsOf(r)[0]).toBe("Xin lỗi, chức năng này chỉ dành cho cán bộ được phân quyền.");
    expect(
      server.logs.some((l) => l.includes("officer-only action refused") && l.includes('"what":"broadcast"')),
    ).toBe(true);
  });

  it("an officer who types 'gửi thông báo' gets the composer; a citizen typing it is told how to receive them", async () => {
    const officer = new WebchatClient(server.url);
    await officer.send(`/officer ${await invite("officer", ["21061"])}`);
    let r = await officer.send("tôi muốn gửi thông báo ạ");
    expect(textsOf(r).join("\n")).toMatch(/nội dung thông báo/i);
    r = await officer.send("hủy");
    const citizen = new WebchatClient(server.url);
    r = await citizen.send("gửi thông báo");
    expect(textsOf(r).join("\n")).not.toMatch(/chỉ dành cho cán bộ/);
    expect(textsOf(r).join("\n")).toMatch(/nhận thông báo/);
  });

  it("an admin invites an officer in chat and later revokes them", async () => {
    const admin = new WebchatClient(server.url);
    await admin.send(`/officer ${await invite("admin")}`);
    const r = await admin.send("/invite officer 21040");
    const code = /\/officer (\S+)/.exec(textsOf(r).at(-1) ?? "")?.[1];
    expect(code).toBeDefined();
    const hoa = new WebchatClient(server.url);
    expect(textsOf(await hoa.send(`/officer ${code}`))[0]).toMatch(/cấp quyền cán bộ/);
    const row = await server.database.db.officer.findFirstOrThrow({ where: { communes: "21040" } });

    const list = await admin.send("/officers");
    expect(list.at(-1)?.kind === "text" && list.at(-1)).toBeTruthy();
    // Web chat has no names: a label from the id, the role and channel in words, the commune by name.
    const listed = textsOf(list).join("\n");
    expect(listed).toMatch(/• Cán bộ #\w{6} – cán bộ – Web chat – xã: Xã Bình Sơn/);
    expect(listed).not.toContain("—");
    // /canbo without a code lists every officer command by its Vietnamese name (the English ones work too).
    const help = textsOf(await hoa.send("/canbo"))[0] ?? "";
    for (const line of [
      "/guitin –",
      "/dinhky –",
      "/truyvet –",
      "/yeucau –",
      "/bangdieukhien –",
      "/moi –",
      "/dscanbo –",
    ])
      expect(help).toContain(line);
    expect(help).not.toMatch(/\/(broadcast|trace|dashboard|invite|officers)\b/);
    const revoked = await admin.send({ payload: `officers:revoke:${row.id}` });
    expect(textsOf(revoked)[0]).toMatch(/^Đã thu hồi quyền/);
    expect(textsOf(await hoa.send("/broadcast"))[0]).toMatch(/chỉ dành cho cán bộ/);

    // Communes by name too, as admins type them: a 2021 name is the xã it is part of now.
    const named = await admin.send("/invite officer binh hai, xã Bình Sơn");
    const namedCode = /\/officer (\S+)/.exec(textsOf(named).at(-1) ?? "")?.[1];
    const lan = new WebchatClient(server.url);
    await lan.send(`/officer ${namedCode}`);
    expect(await server.database.db.officer.count({ where: { communes: "21061,21040" } })).toBe(1);
    expect(textsOf(await admin.send("/invite officer Atlantis"))[0]).toMatch(/Atlantis/);
  });

  it("an officer composes a broadcast to one commune, sees the count, sends it and gets the final report", async () => {
    const people = await seedSubscribers(server.database.db, 3, { channel: "webchat", communeCode: "21043" });
    await seedSubscribers(server.database.db, 2, {
      channel: "webchat",
      communeCode: "21046",
      firstChatId: 9000,
    });
    const officer = new WebchatClient(server.url);
    await officer.send(`/officer ${await invite("officer")}`);

    expect(textsOf(await officer.send("/broadcast"))[0]).toMatch(/^Nhập nội dung thông báo/);
    const audience = await officer.send("Chiều nay 14h tiêm vắc xin tại trạm y tế xã Bình Chánh.");
    expect(buttonsOf(audience)).toContain("Theo xã");
    const communes = await officer.send("Theo xã");
    expect(buttonsOf(communes)).toEqual(
      expect.arrayContaining(["Xã Bình Sơn", "Xã Vạn Tường", "Xã Đông Sơn"]),
    );
    // The three subscribers chose Xã Bình Thuận before 1/7/2025: a message to Xã Vạn Tường reaches them.
    const preview = await officer.send("Xã Vạn Tường");
    expect(textsOf(preview)[0]).toMatch(/– 3 người\.$/);
    expect(buttonsOf(preview)).toEqual(["Gửi ngay", "Hẹn giờ", "🔁 Lặp lại định kỳ", "◀ Quay lại", "✖ Hủy"]);
    const confirm = await officer.send("Gửi ngay");
    expect(textsOf(confirm)[0]).toBe("Gửi thông báo này ngay bây giờ?");
    expect(textsOf(await officer.send("1"))[0]).toMatch(/^Đã bắt đầu gửi thông báo #/);

    // The report arrives later (the scheduler notices the end, up to two 5-s ticks after the confirmation; a
    // loaded CI machine took over 15 s once): keep reading the officer's chat meanwhile.
    const seen: string[] = [];
    const reader = setInterval(() => {
      officer.read().then(
        (m) => seen.push(...textsOf(m)),
        () => undefined,
      );
    }, 50);
    try {
      await waitUntil(
        () => seen.some((t) => t.startsWith("✅")),
        40_000,
        () => seen.join(" | "),
      );
    } finally {
      clearInterval(reader);
    }
    expect(seen.find((t) => t.startsWith("✅"))).toMatch(/Tổng: 3 – gửi được: 3 – lỗi: 0/);
    const deliveries = await server.database.db.webchatMessage.findMany({
      where: { sessionId: { in: people } },
    });
    expect(deliveries).toHaveLength(3);
    expect(deliveries[0]?.body).toContain("Chiều nay 14h tiêm vắc xin");
  }, 60_000);

  it("an officer sets a weekly reminder in chat; it goes out on its day, and /dinhky stops it", async () => {
    const people = await seedSubscribers(server.database.db, 2, {
      channel: "webchat",
      communeCode: "21052",
      firstChatId: 9500,
    });
    const officer = new WebchatClient(server.url);
    await officer.send(`/officer ${await invite("officer")}`);
    await officer.send("/broadcast");
    await officer.send("Nhắc bà con: sáng thứ Hai tiêm mũi nhắc lại tại trạm y tế xã Bình Chánh.");
    // Words that are none of the audiences are told so, and the question comes again.
    const unclear = textsOf(await officer.send("để mai tính"));
    expect(unclear[0]).toMatch(/^Câu trả lời chưa khớp lựa chọn nào/);
    expect(unclear[1]).toBe("Gửi cho ai?");
    // A commune named right away, by its 2021 name: Bình Chánh is part of Xã Bình Sơn since 1/7/2025.
    expect(textsOf(await officer.send("gửi cho binh chanh")).join("\n")).toMatch(/Bình Sơn/);

    const repeat = await officer.send("Lặp lại định kỳ");
    expect(buttonsOf(repeat)).toEqual(expect.arrayContaining(["Hằng ngày", "Thứ Hai", "Chủ nhật"]));
    expect(textsOf(await officer.send("Thứ Hai"))[0]).toMatch(/^Gửi lúc mấy giờ\?/);
    const unread = textsOf(await officer.send("sáng sớm"))[0];
    expect(unread).toMatch(/chưa đọc được thời gian/);
    // Only a time of day is wanted here, not a date.
    expect(unread).not.toContain("DD/MM");
    // Hours as people type them: "7 giờ", then a correction typed at the confirmation.
    expect(textsOf(await officer.send("7 giờ"))[0]).toBe(
      "Gửi thông báo này vào Thứ Hai hằng tuần lúc 07:00?",
    );
    expect(textsOf(await officer.send("7h30"))[0]).toBe("Gửi thông báo này vào Thứ Hai hằng tuần lúc 07:30?");
    const created = textsOf(await officer.send("1"))[0] ?? "";
    expect(created).toMatch(
      /^Đã đặt nhắc nhở định kỳ #\w{6}: gửi vào Thứ Hai hằng tuần lúc 07:30\. Lần gửi đầu tiên: 07:30 /,
    );
    const reminder = await server.database.db.recurringReminder.findFirstOrThrow({
      where: { text: { startsWith: "Nhắc bà con" } },
    });
    expect(reminder).toMatchObject({ every: "weekly", weekday: 1, time: "07:30", active: true });
    // Xã Bình Sơn and the former units it took in, so subscribers of former Bình Chánh (21052) are reached.
    expect(JSON.parse(reminder.audience)).toEqual({
      communes: ["21040", "21046", "21052", "21070", "21055", "21082", "21088"],
    });

    const listed = await officer.send("/dinhky");
    expect(textsOf(listed)[0]).toContain("vào Thứ Hai hằng tuần lúc 07:30");
    // Another officer does not see (or stop) someone else's reminder.
    const other = new WebchatClient(server.url);
    await other.send(`/officer ${await invite("officer")}`);
    expect(textsOf(await other.send("/dinhky"))[0]).toBe("Hiện không có nhắc nhở định kỳ nào đang chạy.");

    // Paused, its Monday passes without a message; resumed, its next run is the next Monday 07:30.
    expect(buttonsOf(listed)).toEqual(expect.arrayContaining([expect.stringMatching(/^⏸ Tạm dừng #\w{6}$/)]));
    const paused = await officer.send(buttonsOf(listed).find((b) => b.startsWith("⏸")) ?? "");
    expect(textsOf(paused)[0]).toMatch(/^Đã tạm dừng nhắc nhở #\w{6} \(vào Thứ Hai hằng tuần lúc 07:30\)\./);
    const pausedList = await officer.send("/dinhky");
    expect(textsOf(pausedList)[0]).toContain("⏸ đang tạm dừng");
    await server.tick(new Date(reminder.nextRunAt.getTime() + 1000));
    expect(await server.database.db.broadcast.count({ where: { recurringId: reminder.id } })).toBe(0);
    const resumed = await officer.send(buttonsOf(pausedList).find((b) => b.startsWith("▶️")) ?? "");
    expect(textsOf(resumed)[0]).toMatch(/^Đã chạy lại nhắc nhở #\w{6} .*Lần gửi tới: 07:30 /);
    const again = await server.database.db.recurringReminder.findUniqueOrThrow({
      where: { id: reminder.id },
    });
    expect(again.pausedAt).toBeNull();

    // Monday 07:30 comes: the reminder becomes a broadcast to the commune's subscribers.
    await server.tick(new Date(again.nextRunAt.getTime() + 1000));
    const delivered = () => server.database.db.webchatMessage.count({ where: { sessionId: { in: people } } });
    for (let i = 0; i < 150 && (await delivered()) < 2; i++) await new Promise((r) => setTimeout(r, 100));
    const sent = await server.database.db.webchatMessage.findMany({ where: { sessionId: { in: people } } });
    expect(sent.map((m) => m.sessionId).sort()).toEqual([...people].sort());
    expect(sent[0]?.body).toContain("sáng thứ Hai tiêm mũi nhắc lại");

    const current = await officer.send("/dinhky");
    const stopped = await officer.send(buttonsOf(current).find((b) => b.startsWith("⏹")) ?? "");
    expect(textsOf(stopped)[0]).toMatch(/^Đã dừng nhắc nhở #\w{6} \(vào Thứ Hai hằng tuần lúc 07:30\)\.$/);
    expect(
      (await server.database.db.recurringReminder.findUniqueOrThrow({ where: { id: reminder.id } })).active,
    ).toBe(false);
    expect(textsOf(await officer.send("/dinhky"))[0]).toBe("Hiện không có nhắc nhở định kỳ nào đang chạy.");
  });
});
