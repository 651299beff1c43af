import { describe, expect, it } from "vitest";
import { parseZaloJson } from "../../../../src/sdk/zalo/shared/safe-json";
import { fixtureText, IDS } from "../fixtures.test-support";

describe("parseZaloJson: 19-digit ids survive even as bare JSON numbers", () => {
  it("shows the problem it solves: JSON.parse rounds the user id", () => {
    const parsed = JSON.parse(`{"user_id":${IDS.userId}}`) as { user_id: number };
    expect(String(parsed.user_id)).not.toBe(IDS.userId);
  });

  it("keeps unsafe integers as their exact digit strings", () => {
    expect(parseZaloJson(`{"user_id":${IDS.userId},"neg":-${IDS.oaId}}`)).toEqual({
      user_id: IDS.userId,
      neg: `-${IDS.oaId}`,
    });
  });

  it("leaves safe numbers, floats, exponents and strings alone", () => {
    const text = `{"n":9007199254740991,"f":12345678901234567.5,"e":1e25,"s":"${IDS.userId}","q":"say \\"${IDS.oaId}\\""}`;
    // No unsafe integer outside strings here, so the result must equal plain JSON.parse.
    expect(parseZaloJson(text)).toEqual(JSON.parse(text));
    expect(parseZaloJson(text)).toMatchObject({ s: IDS.userId, q: `say "${IDS.oaId}"` });
  });

  it("decodes a whole user-detail response with numeric ids exactly", () => {
    const parsed = parseZaloJson(fixtureText("api/oa-user-detail-numeric-ids.txt"));
    expect(parsed).toMatchObject({ data: { user_id: IDS.userId, user_id_by_app: IDS.userIdByApp } });
  });

  it("still throws on invalid JSON, like JSON.parse", () => {
    expect(() => parseZaloJson(`{"user_id": ${IDS.userId}`)).toThrow(SyntaxError);
  });
});
