import nock from "nock";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ZaloOAuthClient } from "../../../../src/sdk/zalo/oauth/oauth-client";
import { ZaloOAuthError } from "../../../../src/sdk/zalo/oauth/oauth-error";
import { createZaloPkcePair, zaloCodeChallenge } from "../../../../src/sdk/zalo/oauth/pkce";
import { fixtureText, IDS } from "../fixtures.test-support";

const ROOT = "https://oauth.zaloapp.com";
const SECRET = "AppSecretKey-not-the-OA-one";
const NOW = 1_764_000_000_000;
const client = new ZaloOAuthClient({ appId: IDS.appId, secretKey: SECRET, now: () => NOW });
const tokenEndpoint = () =>
  nock(ROOT)
    .matchHeader("secret_key", SECRET)
    .matchHeader("content-type", "application/x-www-form-urlencoded");

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe("ZaloOAuthClient: an OA admin connects the helpdesk, tokens rotate", () => {
  it("exchanges the callback code with the PKCE verifier for a token pair expiring in 25 h", async () => {
    tokenEndpoint()
      .post("/v4/oa/access_token", {
        code: "cb-code-123",
        app_id: IDS.appId,
        grant_type: "authorization_code",
        code_verifier: "VerifierOf43CharsAbcdefghijklmnopqrstuvwxyz",
      })
      .reply(200, fixtureText("api/oauth-token-success.json"));
    const tokens = await client.exchangeCode({
      code: "cb-code-123",
      codeVerifier: "VerifierOf43CharsAbcdefghijklmnopqrstuvwxyz",
    });
    expect(tokens).toEqual({
      accessToken: "OA.acc.eyJhbGciOi.new-access",
      refreshToken: "OA.ref.rotated-refresh-1",
      expiresAt: NOW + 90_000 * 1000,
    });
  });

  it("omits code_verifier when the flow did not use PKCE", async () => {
    tokenEndpoint()
      .post("/v4/oa/access_token", {
        code: "cb-code-123",
        app_id: IDS.appId,
        grant_type: "authorization_code",
      })
      .reply(200, fixtureText("api/oauth-token-success.json"));
    await client.exchangeCode({ code: "cb-code-123" });
  });

  it("refreshes with the single-use refresh token, accepting a numeric expires_in", async () => {
    tokenEndpoint()
      .post("/v4/oa/access_token", {
        refresh_token: "OA.ref.old",
        app_id: IDS.appId,
        grant_type: "refresh_token",
      })
      .reply(200, fixtureText("api/oauth-token-numeric-expiry.json"));
    const tokens = await client.refreshAccessToken("OA.ref.old");
    expect(tokens.refreshToken).toBe("OA.ref.rotated-refresh-2");
    expect(tokens.expiresAt).toBe(NOW + 3600 * 1000);
  });

  it("treats an answer without access_token as fatal, with Zalo's code and reason", async () => {
    tokenEndpoint()
      .post("/v4/oa/access_token")
      .reply(200, fixtureText("api/oauth-error-used-refresh-token.json"));
    const error = await client.refreshAccessToken("OA.ref.used").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZaloOAuthError);
    expect(error).toMatchObject({
      code: -14014,
      method: "refreshAccessToken",
      description: "refresh_token is invalid or expired",
    });
  });

  it("treats a pair without a new refresh token as fatal: the next refresh would be impossible", async () => {
    tokenEndpoint().post("/v4/oa/access_token").reply(200, { access_token: "a", expires_in: "90000" });
    await expect(client.refreshAccessToken("OA.ref.old")).rejects.toThrow(/no refresh_token/);
  });

  it("reports a non-JSON answer and a stalled request as transport errors", async () => {
    tokenEndpoint().post("/v4/oa/access_token").reply(500, "Internal error");
    await expect(client.refreshAccessToken("r")).rejects.toMatchObject({ kind: "bad_response", status: 500 });
    const impatient = new ZaloOAuthClient({ appId: IDS.appId, secretKey: SECRET, timeoutMs: 50 });
    tokenEndpoint()
      .post("/v4/oa/access_token")
      .delay(1000)
      .reply(200, fixtureText("api/oauth-token-success.json"));
    await expect(impatient.refreshAccessToken("r")).rejects.toMatchObject({ kind: "timeout" });
  });

  it("builds the permission URL for the OA admin", () => {
    const url = new URL(
      client.permissionUrl({ redirectUri: "https://helpdesk.vn/cb", codeChallenge: "ch", state: "st" }),
    );
    expect(url.origin + url.pathname).toBe("https://oauth.zaloapp.com/v4/oa/permission");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      app_id: IDS.appId,
      redirect_uri: "https://helpdesk.vn/cb",
      code_challenge: "ch",
      state: "st",
    });
  });
});

describe("PKCE helpers", () => {
  it("computes base64url(sha256(verifier)) without padding (expected value from openssl)", () => {
    // printf %s VerifierOf43Chars… | openssl dgst -sha256 -binary | base64 | tr '+/' '-_' | tr -d '='
    expect(zaloCodeChallenge("VerifierOf43CharsAbcdefghijklmnopqrstuvwxyz")).toBe(
      "KIIdVh2EE8Jl9kuLveXIaM4Raps56qwAqNZxQ4cZ1O0",
    );
  });

  it("creates 43-character alphanumeric verifiers that differ each time", () => {
    const a = createZaloPkcePair();
    const b = createZaloPkcePair();
    expect(a.codeVerifier).toMatch(/^[A-Za-z0-9]{43}$/);
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
    expect(a.codeChallenge).toBe(zaloCodeChallenge(a.codeVerifier));
  });
});
