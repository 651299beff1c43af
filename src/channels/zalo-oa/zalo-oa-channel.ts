import type { Logger } from "../../core/logger";
import type { MediaStore } from "../../core/ports";
import { RateLimiter } from "../../core/rate-limiter";
import type { Db } from "../../db/database";
import { contactActivity } from "../../db/prisma-contact-activity";
import { PrismaZaloOaTokenRepository } from "../../db/prisma-zalo-oa-token-repository";
import { ZaloOAuthClient } from "../../sdk/zalo";
import type { ChannelModule } from "../shared/channel-module";
import { TokenCipher } from "./token-cipher";
import { parseStoredZaloOaEvent } from "./zalo-oa-inbound";
import { ZaloOaSender } from "./zalo-oa-sender";
import type { ZaloOaTemplates } from "./zalo-oa-templates";
import { ZaloOaTokens } from "./zalo-oa-tokens";
import { mountZaloOaWebhook } from "./zalo-oa-webhook";
import { ZaloOaWindowPolicy } from "./zalo-oa-window-policy";

/** The Zalo OA settings from the environment (see src/zalo-config.ts). */
export interface ZaloOaConfig {
  appId: string;
  /** App Secret Key: authenticates token requests (header `secret_key`). */
  appSecret: string;
  /** OA Secret Key from the Webhook page: signs webhooks. A different secret (zalo.md §1.7). */
  oaSecretKey: string;
  /** 32 bytes for AES-256-GCM of the stored tokens. */
  tokenKey: Buffer;
  seed: { accessToken: string; refreshToken: string } | undefined;
  apiRoot: string;
  oauthRoot: string;
  /** ZALO_OA_PAID_CS: send cs messages 48 h–7 d after a person's last interaction, which Zalo bills. */
  paidCs: boolean;
  /** Approved ZBS templates by purpose (ZALO_OA_TEMPLATES_FILE), for people outside the cs window. */
  templates: ZaloOaTemplates;
}

/** The OA's messaging window as configured (also used by broadcast previews and exposure alerts). */
export function zaloOaWindowPolicy(config: ZaloOaConfig): ZaloOaWindowPolicy {
  return new ZaloOaWindowPolicy({ paidCs: config.paidCs, templates: config.templates });
}

/**
 * The OA API allows 4,000 requests/min per app (≈ 66/s, zalo.md §3), with unpublished per-OA limits by
 * package. 20/s overall and one message a second per person (burst 3 for greeting + menu) stays far below
 * both; `-32` still pauses the channel.
 */
export const ZALO_OA_RATE_LIMITS = { perSecond: 20, perChatPerSecond: 1, perChatBurst: 3 } as const;

/** Builds the token owner (also used by scripts/zalo-oa-authorize.ts). */
export function createZaloOaTokens(config: ZaloOaConfig, deps: { db: Db; logger: Logger }): ZaloOaTokens {
  const oauth = new ZaloOAuthClient({
    appId: config.appId,
    secretKey: config.appSecret,
    apiRoot: config.oauthRoot,
  });
  return new ZaloOaTokens(
    new PrismaZaloOaTokenRepository(deps.db),
    new TokenCipher(config.tokenKey),
    oauth,
    deps.logger,
    config.seed ? { seed: config.seed } : {},
  );
}

/** Wires the Zalo Official Account channel: tokens, sender, stored-event parser, limiter and webhook. */
export function createZaloOaChannel(
  config: ZaloOaConfig,
  deps: {
    db: Db;
    media: MediaStore;
    publicUrl: string;
    logger: Logger;
  },
): ChannelModule {
  const tokens = createZaloOaTokens(config, deps);
  return {
    channel: "zalo-oa",
    sender: new ZaloOaSender({
      tokens,
      media: deps.media,
      publicUrl: deps.publicUrl,
      apiRoot: config.apiRoot,
      logger: deps.logger,
      window: zaloOaWindowPolicy(config),
      templates: config.templates,
      lastInboundAt: contactActivity(deps.db),
    }),
    parser: (record) => parseStoredZaloOaEvent(record.payload),
    limiter: new RateLimiter(ZALO_OA_RATE_LIMITS),
    hourly: async () => {
      // An OA never authorised has nothing to keep alive; the status script says how to authorise it.
      if (!(await tokens.stored())) return;
      await tokens.keepAlive();
    },
    mount: (router, processor) =>
      mountZaloOaWebhook(router, {
        appId: config.appId,
        oaSecretKey: config.oaSecretKey,
        processor,
        logger: deps.logger,
      }),
  };
}
