import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { z } from "zod";
import type { ZaloBotConfig } from "./channels/zalo-bot/zalo-bot-channel";
import { parseTokenKey } from "./channels/zalo-oa/token-cipher";
import type { ZaloOaConfig } from "./channels/zalo-oa/zalo-oa-channel";
import { loadZaloOaTemplates, type ZaloOaTemplates } from "./channels/zalo-oa/zalo-oa-templates";
import { ZALO_BOT_API_ROOT, ZALO_OA_API_ROOT, ZALO_OAUTH_ROOT } from "./sdk/zalo";

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
  /** The app's id (developers.zalo.me); 18–19 digits, kept as a string. Switches the OA channel on. */
  ZALO_OA_APP_ID: optional(
    z.string().regex(/^\d{1,20}$/, "digits only (the app id from developers.zalo.me)"),
  ),
  /** App Secret Key: sent as `secret_key` when exchanging and refreshing tokens. */
  ZALO_OA_APP_SECRET: optional(z.string().min(8)),
  /** OA Secret Key from the app's Webhook page: verifies X-ZEvent-Signature. */
  ZALO_OA_SECRET_KEY: optional(z.string().min(8)),
  /** First token pair (API Explorer / console); used only while the database holds none. */
  ZALO_OA_ACCESS_TOKEN: optional(z.string().min(1)),
  ZALO_OA_REFRESH_TOKEN: optional(z.string().min(1)),
  /** 32 random bytes, hex or base64 (`openssl rand -base64 32`): encrypts the stored tokens. */
  ZALO_OA_TOKEN_KEY: optional(
    z.string().refine((v) => parseTokenKey(v) !== undefined, "32 bytes as 64 hex digits or base64"),
  ),
  ZALO_OA_API_ROOT: z.url().default(ZALO_OA_API_ROOT),
  ZALO_OAUTH_ROOT: z.url().default(ZALO_OAUTH_ROOT),
  /** "true": send cs messages 48 h–7 d after a person's last interaction, which Zalo bills (zalo.md §1.3). */
  ZALO_OA_PAID_CS: optional(z.enum(["true", "false"])),
  /** A JSON file of approved ZBS templates by purpose (broadcast, reminder, alert): see .env.example. */
  ZALO_OA_TEMPLATES_FILE: optional(z.string().min(1)),
  /** The `content` of Zalo's `<meta name="zalo-platform-site-verification">` tag (domain verification). */
  ZALO_SITE_VERIFICATION: optional(z.string().regex(/^[\w.-]+$/, "the content value of Zalo's meta tag")),
  /** Path of the verifier HTML file Zalo offers for download; served at /<its file name>. */
  ZALO_SITE_VERIFIER_FILE: optional(z.string().min(1)),
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
  zaloOa: ZaloOaConfig | undefined;
  /** Domain verification for the Zalo developer console (zalo.md §0.3); both parts optional. */
  zaloSite: ZaloSiteVerification;
}

/** What proves to Zalo that this domain is ours: a meta tag on `/` and/or a file at the root. */
export interface ZaloSiteVerification {
  metaContent: string | undefined;
  file: { name: string; content: string } | undefined;
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
  return { zaloBot, zaloOa: zaloOaFrom(env), zaloSite: zaloSiteFrom(env) };
}

function zaloSiteFrom(env: ZaloEnv): ZaloSiteVerification {
  let file: ZaloSiteVerification["file"];
  if (env.ZALO_SITE_VERIFIER_FILE) {
    const name = basename(env.ZALO_SITE_VERIFIER_FILE);
    // Served at /<name>: a name that could be a route of ours or a path trick is refused.
    if (!/^[\w-]+\.html$/.test(name)) {
      throw new ZaloConfigError("Invalid ZALO_SITE_VERIFIER_FILE: expected Zalo's verifier .html file");
    }
    file = { name, content: readText("ZALO_SITE_VERIFIER_FILE", env.ZALO_SITE_VERIFIER_FILE) };
  }
  return { metaContent: env.ZALO_SITE_VERIFICATION, file };
}

function readText(variable: string, path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new ZaloConfigError(
      `Invalid ${variable}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function templatesFrom(path: string | undefined): ZaloOaTemplates {
  if (!path) return {};
  try {
    return loadZaloOaTemplates(path);
  } catch (error) {
    throw new ZaloConfigError(
      `Invalid ZALO_OA_TEMPLATES_FILE: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function zaloOaFrom(env: ZaloEnv): ZaloOaConfig | undefined {
  if (!env.ZALO_OA_APP_ID) return undefined;
  const need = (name: string, value: string | undefined, why: string): string => {
    if (!value) throw new ZaloConfigError(`Invalid ${name}: required when ZALO_OA_APP_ID is set (${why})`);
    return value;
  };
  const appSecret = need("ZALO_OA_APP_SECRET", env.ZALO_OA_APP_SECRET, "it authenticates token refreshes");
  const oaSecretKey = need("ZALO_OA_SECRET_KEY", env.ZALO_OA_SECRET_KEY, "it verifies webhook signatures");
  const key = need("ZALO_OA_TOKEN_KEY", env.ZALO_OA_TOKEN_KEY, "it encrypts the stored tokens");
  if (Boolean(env.ZALO_OA_ACCESS_TOKEN) !== Boolean(env.ZALO_OA_REFRESH_TOKEN)) {
    throw new ZaloConfigError(
      "Invalid ZALO_OA_REFRESH_TOKEN: set ZALO_OA_ACCESS_TOKEN and ZALO_OA_REFRESH_TOKEN together, or neither",
    );
  }
  return {
    appId: env.ZALO_OA_APP_ID,
    appSecret,
    oaSecretKey,
    tokenKey: parseTokenKey(key) ?? Buffer.alloc(0),
    seed:
      env.ZALO_OA_ACCESS_TOKEN && env.ZALO_OA_REFRESH_TOKEN
        ? { accessToken: env.ZALO_OA_ACCESS_TOKEN, refreshToken: env.ZALO_OA_REFRESH_TOKEN }
        : undefined,
    apiRoot: env.ZALO_OA_API_ROOT.replace(/\/+$/, ""),
    oauthRoot: env.ZALO_OAUTH_ROOT.replace(/\/+$/, ""),
    paidCs: env.ZALO_OA_PAID_CS === "true",
    templates: templatesFrom(env.ZALO_OA_TEMPLATES_FILE),
  };
}
