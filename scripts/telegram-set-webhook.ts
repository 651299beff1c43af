// `npm run telegram:set-webhook`: registers ${PUBLIC_URL}/webhooks/telegram with the secret token.
// Run once per deployment (not on every start: setWebhook with drop_pending_updates would lose updates).
import { createTelegramClient } from "../src/channels/telegram/telegram-sender";
import { TELEGRAM_WEBHOOK_PATH } from "../src/channels/telegram/telegram-webhook";
import { loadConfig } from "../src/config";
import { loadEnvFile } from "../src/env-file";

loadEnvFile();
const config = loadConfig(process.env);
if (!config.telegram?.secret || !config.PUBLIC_URL) {
  console.error("Set TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET and PUBLIC_URL (https) first.");
  process.exit(1);
}
const telegram = createTelegramClient(config.telegram.token, config.TELEGRAM_API_ROOT);
const url = `${config.publicUrl}${TELEGRAM_WEBHOOK_PATH}`;
await telegram.setWebhook(url, {
  secret_token: config.telegram.secret,
  allowed_updates: ["message", "callback_query", "my_chat_member"],
  drop_pending_updates: false,
});
const info = await telegram.getWebhookInfo();
console.log(`webhook set to ${info.url} (pending updates: ${info.pending_update_count})`);
