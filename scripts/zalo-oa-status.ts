// `npm run zalo:oa:status`: the OA grant's state (authorised or not, accepted by Zalo or not), its expiry, and
// the OA's name as Zalo reports it. Exits 1 when the OA is not usable, with what to do next.
import { createZaloOaTokens } from "../src/channels/zalo-oa/zalo-oa-channel";
import { ConfigError, loadConfig } from "../src/config";
import { silentLogger } from "../src/core/logger";
import { openDatabase } from "../src/db/database";
import { migrate } from "../src/db/migrate";
import { loadEnvFile } from "../src/env-file";
import { ZaloOaClient } from "../src/sdk/zalo";

loadEnvFile();

try {
  const config = loadConfig(process.env);
  const oa = config.zaloOa;
  if (!oa) throw new ConfigError("Invalid ZALO_OA_APP_ID: not set, the Zalo OA channel is off");
  await migrate(config.DATABASE_URL);
  const database = openDatabase(config.DATABASE_URL);
  try {
    const tokens = createZaloOaTokens(oa, { db: database.db, logger: silentLogger });
    if (!(await tokens.stored())) {
      throw new ConfigError("Zalo OA grant: none. Authorise the app: npm run zalo:oa:authorize -- <code>");
    }
    // Refreshes first when due, as the server would: the state printed is the one the server will use.
    const expiresAt = await tokens.keepAlive();
    let used = "";
    const client = new ZaloOaClient({
      apiRoot: oa.apiRoot,
      getAccessToken: async () => {
        used = await tokens.accessToken();
        return used;
      },
      onTokenExpired: () => tokens.refreshRejected(used),
    });
    const info = await client.getOaInfo().catch((error: unknown) => {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(
        `Zalo OA grant: refused by Zalo (${why}). Re-authorise: npm run zalo:oa:authorize -- <code>`,
      );
    });
    const stored = await tokens.stored();
    console.log("Zalo OA grant: active");
    console.log(
      `Access token valid until ${(stored?.expiresAt ?? expiresAt).toISOString()} (refreshed daily by the server)`,
    );
    console.log(
      `OA: ${info.name} (id ${info.oaId || "?"}, ${info.isVerified ? "verified" : "NOT verified"}${info.packageName ? `, package ${info.packageName}` : ""})`,
    );
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
