import { z } from "zod";
import type { ZaloBotConfig } from "./channels/zalo-bot/zalo-bot-channel";
import { ZALO_BOT_API_ROOT } from "./sdk/zalo";

/** Empty strings in .env files mean "not set". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

/** The Zalo variables of the environment schema; spread into the schema in src/config.ts. */
export const zaloEnvShape = {
  /** `<bot_id>:<secret>` from Zalo Bot Creator. It is part of every URL path, so no slashes. */
  ZALO_BOT_TOKEN: optional(z.string().regex(/^[^\s:/]+:[^\s/]+$/, "looks like <bot_id>:<secret>")),
  /** Sent back by Zalo in X-Bot-Api-Secret-Token; setWebhook accepts 8–256 characters. */
  ZALO_BOT_WEBHOOK_SECRET: optional(
    z
      .string()
      .min(8, "use 8–256 characters (setWebhook's rule)")
      .max(256, "use 8–256 characters (setWebhook's rule)"),
  ),
  ZALO_BOT_API_ROOT: z.url().default(ZALO_BOT_API_ROOT),
};

const zaloEnvSchema = z.object(zaloEnvShape);
type ZaloEnv = z.output<typeof zaloEnvSchema>;

/** Raised for a Zalo setting that is missing or inconsistent; src/config.ts turns it into its ConfigError. */
export class ZaloConfigError extends Error {
  override readonly name = "ZaloConfigError";
}

/** The typed Zalo settings; a channel is off (undefined) when its credentials are absent. */
export interface ZaloConfig {
  zaloBot: ZaloBotConfig | undefined;
}

/** Checks the combinations zod cannot see field by field, e.g. a bot token without a webhook secret. */
export function zaloConfigFrom(env: ZaloEnv): ZaloConfig {
  let zaloBot: ZaloBotConfig | undefined;
  if (env.ZALO_BOT_TOKEN) {
    if (!env.ZALO_BOT_WEBHOOK_SECRET) {
      throw new ZaloConfigError(
        "Invalid ZALO_BOT_WEBHOOK_SECRET: required when ZALO_BOT_TOKEN is set, so forged updates are refused",
      );
    }
    zaloBot = {
      token: env.ZALO_BOT_TOKEN,
      secret: env.ZALO_BOT_WEBHOOK_SECRET,
      apiRoot: env.ZALO_BOT_API_ROOT.replace(/\/+$/, ""),
    };
  }
  return { zaloBot };
}
