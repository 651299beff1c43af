import express from "express";
import { type LocalServer, listenLocal, waitUntil } from "./local-server";
import { OA_MESSAGE_SENDERS } from "./zalo-updates";

/** One message as the stand-in received it (cs, or a transaction/promotion template). */
export interface ZaloOaSent {
  /** The user, resolved from `recipient.message_id` when the message was a reply by message id. */
  userId: string;
  recipient: { user_id?: string; message_id?: string };
  /** `cs`, `transaction` or `promotion`. */
  kind: string;
  message: {
    text?: string;
    attachment?: { type: string; payload: Record<string, unknown> };
  };
  accessToken: string;
  at: number;
}

export type ZaloOaResponder = (sent: ZaloOaSent) => { error: number; message: string } | undefined;

/**
 * A local stand-in for openapi.zalo.me and oauth.zaloapp.com (one server, both path trees). It keeps Zalo's
 * token rules: a refresh token works once, each refresh kills the previous access token, and an unknown
 * token is answered `-216` inside an HTTP 200 envelope.
 */
export class FakeZaloOaApi {
  readonly sent: ZaloOaSent[] = [];
  readonly uploads: { bytes: number; accessToken: string }[] = [];
  readonly refreshCalls: { refreshToken: string; secretKey: string; at: number }[] = [];
  responder: ZaloOaResponder | undefined;
  /** `quota` of each successful send (`undefined`: none, i.e. billed). */
  quota: (sent: ZaloOaSent) => Record<string, unknown> | undefined = () => ({ quota_type: "reply" });
  /** Answer for image uploads (e.g. `-211` when the monthly upload quota is spent). */
  uploadResponder: (() => { error: number; message: string } | undefined) | undefined;
  /** Delay of the token endpoint, so racing refreshes overlap. */
  refreshDelayMs = 200;
  private validAccess = new Set<string>();
  private liveRefresh = new Set<string>();
  private serial = 0;
  private server: LocalServer | undefined;

  constructor(private readonly appSecret: string) {}

  /** Issues a pair as the developer console would (used to seed the server's environment). */
  issue(): { accessToken: string; refreshToken: string } {
    this.serial += 1;
    const pair = { accessToken: `OA.acc.${this.serial}.x7Kq`, refreshToken: `OA.ref.${this.serial}.p9Zw` };
    this.validAccess = new Set([pair.accessToken]);
    this.liveRefresh.add(pair.refreshToken);
    return pair;
  }

  /** Makes every current access token invalid, as happens when it expires. */
  expireAccessTokens(): void {
    this.validAccess.clear();
  }

  async start(): Promise<string> {
    const app = express();
    app.use(express.json());
    app.use(express.urlencoded({ extended: false }));
    app.use(express.raw({ type: "multipart/form-data", limit: "5mb" }));
    app.post("/v3.0/oa/message/:kind", (req, res) => {
      const accessToken = req.get("access_token") ?? "";
      const body = req.body as { recipient: ZaloOaSent["recipient"]; message: ZaloOaSent["message"] };
      if (!this.validAccess.has(accessToken)) {
        return void res.json({ error: -216, message: "Access token is invalid" });
      }
      const { user_id, message_id } = body.recipient;
      const userId = user_id ?? OA_MESSAGE_SENDERS.get(message_id ?? "");
      if (!userId) return void res.json({ error: -201, message: "recipient is invalid" });
      const sent: ZaloOaSent = {
        userId,
        recipient: body.recipient,
        kind: req.params.kind ?? "cs",
        message: body.message,
        accessToken,
        at: Date.now(),
      };
      const custom = this.responder?.(sent);
      if (custom) return void res.json(custom);
      this.sent.push(sent);
      const quota = this.quota(sent);
      res.json({
        error: 0,
        message: "Success",
        data: { message_id: `m${this.sent.length}`, user_id: sent.userId, ...(quota ? { quota } : {}) },
      });
    });
    app.get("/v2.0/oa/getoa", (req, res) => {
      if (!this.validAccess.has(req.get("access_token") ?? "")) {
        return void res.json({ error: -216, message: "Access token is invalid" });
      }
      res.json({
        error: 0,
        message: "Success",
        data: {
          oaid: "3886132808788437521",
          name: "UBND huyện Bình Sơn",
          is_verified: true,
          package_name: "Nâng cao",
        },
      });
    });
    app.post("/v2.0/oa/upload/image", (req, res) => {
      const accessToken = req.get("access_token") ?? "";
      if (!this.validAccess.has(accessToken))
        return void res.json({ error: -216, message: "Access token is invalid" });
      const refused = this.uploadResponder?.();
      if (refused) return void res.json(refused);
      this.uploads.push({ bytes: (req.body as Buffer).length, accessToken });
      res.json({ error: 0, message: "Success", data: { attachment_id: `att-${this.uploads.length}` } });
    });
    app.post("/v4/oa/access_token", async (req, res) => {
      const form = req.body as Record<string, string>;
      const secretKey = req.get("secret_key") ?? "";
      this.refreshCalls.push({ refreshToken: form.refresh_token ?? "", secretKey, at: Date.now() });
      await new Promise((r) => setTimeout(r, this.refreshDelayMs));
      const token = form.refresh_token ?? "";
      if (
        secretKey !== this.appSecret ||
        form.grant_type !== "refresh_token" ||
        !this.liveRefresh.has(token)
      ) {
        return void res.json({ error: -14014, error_name: "Invalid refresh token" });
      }
      this.liveRefresh.delete(token);
      const next = this.issue();
      res.json({ access_token: next.accessToken, refresh_token: next.refreshToken, expires_in: "90000" });
    });
    this.server = await listenLocal(app);
    return this.server.url;
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  /** Messages delivered to one user. */
  to(userId: string): ZaloOaSent[] {
    return this.sent.filter((s) => s.userId === userId);
  }

  /** Texts delivered to one user. */
  textsTo(userId: string): string[] {
    return this.to(userId).map((s) => s.message.text ?? "");
  }

  /** The button titles of a message (`[]` without buttons). */
  static buttons(sent: ZaloOaSent | undefined): { title: string; type: string; payload: unknown }[] {
    const buttons = sent?.message.attachment?.payload.buttons;
    return Array.isArray(buttons) ? (buttons as { title: string; type: string; payload: unknown }[]) : [];
  }

  async waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    await waitUntil(predicate, timeoutMs, () => `sent so far: ${this.sent.length}`);
  }
}
