// `npm run zalo:bot:set-webhook`: registers ${PUBLIC_URL}/webhooks/zalo-bot with ZALO_BOT_WEBHOOK_SECRET, so
// Zalo sends every update there with the secret in X-Bot-Api-Secret-Token. Zalo requires an HTTPS URL.
import { ZALO_BOT_WEBHOOK_PATH } from "../src/channels/zalo-bot/zalo-bot-webhook";
import { ConfigError, loadConfig } from "../src/config";
import { loadEnvFile } from "../src/env-file";
import { ZaloBotClient } from "../src/sdk/zalo";

try {
  loadEnvFile();
  const config = loadConfig(process.env);
  if (!config.zaloBot) throw new ConfigError("Invalid ZALO_BOT_TOKEN: not set, the Zalo Bot channel is off");
  if (!config.PUBLIC_URL) throw new ConfigError("Invalid PUBLIC_URL: set the public HTTPS address first");
  const bot = new ZaloBotClient({ token: config.zaloBot.token, apiRoot: config.zaloBot.apiRoot });
  const url = `${config.publicUrl}${ZALO_BOT_WEBHOOK_PATH}`;
  // Zalo's answer is checked, then read back: a call that "succeeds" with another URL is still a failure.
  const info = await bot.setWebhook(url, config.zaloBot.secret);
  const now = await bot.getWebhookInfo();
  if (info.url !== url || now.url !== url) {
    throw new Error(
      `Zalo Bot webhook NOT set: asked for ${url}, Zalo answered "${info.url}" and now reports "${now.url}"`,
    );
  }
  console.log(`Zalo Bot webhook set: ${now.url}`);
} catch (error) {
  // SDK errors never contain the token; print the message only (a refused call names Zalo's code and
  // description, e.g. "400 setWebhook: url must be https").
  console.error(`Zalo Bot webhook NOT set: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
