import { Writable } from "node:stream";
import { loadConfig } from "../../src/config";
import { createLogger } from "../../src/logger";
import { type RunningServer, type StartOptions, startServer } from "../../src/server";
import { freshDatabaseUrl } from "./test-database";

export const TEST_BOT_TOKEN = "123456:TEST-token_abc";
export const TEST_WEBHOOK_SECRET = "test-webhook-secret_123";

export interface TestServer extends RunningServer {
  databaseUrl: string;
  /** Every log line the server wrote, for tests that check what logs contain. */
  logs: string[];
}

/**
 * Starts the real server on a free port with a fresh database. Options add environment variables, e.g. the
 * Telegram token and the stand-in Bot API's address.
 */
export async function startTestServer(
  env: Record<string, string> = {},
  options: { databaseUrl?: string; conversations?: StartOptions["conversations"] } = {},
): Promise<TestServer> {
  const databaseUrl = options.databaseUrl ?? (await freshDatabaseUrl());
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "debug",
    SESSION_SECRET: "test-session-secret-that-is-long-enough-1234",
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const server = await startServer(config, {
    logger: createLogger("debug", sink),
    migrate: false,
    sweepMs: 200,
    ...(options.conversations ? { conversations: options.conversations } : {}),
  });
  return { ...server, databaseUrl, logs };
}

/** Environment that switches Telegram on against a stand-in Bot API. */
export function telegramEnv(apiRoot: string): Record<string, string> {
  return {
    TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
    TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
    TELEGRAM_API_ROOT: apiRoot,
    TELEGRAM_MODE: "webhook",
  };
}

export const TEST_ZALO_BOT_TOKEN = "4321987654:zalo-bot-Secret_token";
export const TEST_ZALO_BOT_SECRET = "zalo-bot-webhook-secret-42";

/** Environment that switches the Zalo Bot channel on against a stand-in Bot API. */
export function zaloBotEnv(apiRoot: string): Record<string, string> {
  return {
    ZALO_BOT_TOKEN: TEST_ZALO_BOT_TOKEN,
    ZALO_BOT_WEBHOOK_SECRET: TEST_ZALO_BOT_SECRET,
    ZALO_BOT_API_ROOT: apiRoot,
    PUBLIC_URL: "https://helpdesk.example.test",
  };
}

export const TEST_ZALO_OA_APP_ID = "1846276501230958123";
export const TEST_ZALO_OA_APP_SECRET = "app-secret-Kd93hQ";
export const TEST_ZALO_OA_SECRET_KEY = "Xq3vT9LkP2mZ8rWcYh5N";
export const TEST_ZALO_OA_TOKEN_KEY = Buffer.alloc(32, 7).toString("base64");

/** Environment that switches the Zalo OA channel on against a stand-in OA API and OAuth server. */
export function zaloOaEnv(
  root: string,
  seed: { accessToken: string; refreshToken: string },
): Record<string, string> {
  return {
    ZALO_OA_APP_ID: TEST_ZALO_OA_APP_ID,
    ZALO_OA_APP_SECRET: TEST_ZALO_OA_APP_SECRET,
    ZALO_OA_SECRET_KEY: TEST_ZALO_OA_SECRET_KEY,
    ZALO_OA_TOKEN_KEY: TEST_ZALO_OA_TOKEN_KEY,
    ZALO_OA_ACCESS_TOKEN: seed.accessToken,
    ZALO_OA_REFRESH_TOKEN: seed.refreshToken,
    ZALO_OA_API_ROOT: root,
    ZALO_OAUTH_ROOT: root,
    PUBLIC_URL: "https://helpdesk.example.test",
  };
}
