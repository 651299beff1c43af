import { describe, expect, it } from "vitest";
import { mayHaveBeenDelivered } from "../../../src/channels/shared/network-errors";
import { classifyTelegramError } from "../../../src/channels/telegram/telegram-sender";

/** A system error as Node's sockets raise it. */
const sys = (code: string, message = code) => Object.assign(new Error(message), { code, errno: code });

describe("a failed platform call: could it have been delivered?", () => {
  it("no, when the connection was never made (refused, no such host, DNS down)", () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"])
      expect(mayHaveBeenDelivered(sys(code))).toBe(false);
    // Wrapped, as fetch libraries and our Zalo transport wrap the socket's error.
    expect(mayHaveBeenDelivered(new Error("request failed", { cause: sys("ECONNREFUSED") }))).toBe(false);
  });

  it("maybe, when it was cut or timed out after the request went out", () => {
    expect(mayHaveBeenDelivered(sys("ECONNRESET", "socket hang up"))).toBe(true);
    expect(mayHaveBeenDelivered(sys("ETIMEDOUT"))).toBe(true);
    expect(mayHaveBeenDelivered(new Error("something odd"))).toBe(true);
  });

  it("Telegram: a refused connection is retried freely; a cut one is flagged as maybe delivered", () => {
    expect(classifyTelegramError(sys("ECONNREFUSED"))).toEqual({
      status: "transient",
      reason: "ECONNREFUSED",
    });
    expect(classifyTelegramError(sys("ECONNRESET", "socket hang up"))).toEqual({
      status: "transient",
      reason: "socket hang up",
      maybeDelivered: true,
    });
  });
});
