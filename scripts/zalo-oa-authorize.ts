// `npm run zalo:oa:authorize -- <code> [codeVerifier]`: exchanges the authorisation code from the OA
// permission callback (single-use, valid 10 minutes) for a token pair and stores it encrypted, replacing any
// pair in the database. Run it again whenever the refresh token is lost (zalo.md §1.6: no recovery API).
import { createZaloOaTokens } from "../src/channels/zalo-oa/zalo-oa-channel";
import { ConfigError, loadConfig } from "../src/config";
import { silentLogger } from "../src/core/logger";
import { openDatabase } from "../src/db/database";
import { migrate } from "../src/db/migrate";
import { loadEnvFile } from "../src/env-file";
import { ZaloOAuthClient } from "../src/sdk/zalo";

const [code, codeVerifier] = process.argv.slice(2);
try {
  if (!code) throw new ConfigError("usage: npm run zalo:oa:authorize -- <code> [codeVerifier]");
  loadEnvFile();
  const config = loadConfig(process.env);
  const oa = config.zaloOa;
  if (!oa) throw new ConfigError("Invalid ZALO_OA_APP_ID: not set, the Zalo OA channel is off");
  const oauth = new ZaloOAuthClient({ appId: oa.appId, secretKey: oa.appSecret, apiRoot: oa.oauthRoot });
  // Database first: once the code is exchanged, the pair exists only in this process until stored.
  await migrate(config.DATABASE_URL);
  const database = openDatabase(config.DATABASE_URL);
  let expiresAt: number;
  try {
    const pair = await oauth.exchangeCode(codeVerifier ? { code, codeVerifier } : { code });
    await createZaloOaTokens(oa, { db: database.db, logger: silentLogger }).store(pair);
    expiresAt = pair.expiresAt;
  } finally {
    await database.close();
  }
  console.log(`Zalo OA authorised; access token valid until ${new Date(expiresAt).toISOString()}`);
} catch (error) {
  // SDK and OAuth errors carry Zalo's explanation but never a token.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
