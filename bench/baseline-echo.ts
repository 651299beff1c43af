// The baseline for the webhook benchmark: the smallest telegraf + express bot that answers every message
// (an echo), with no database. Same stand-in Bot API, same load, same machine, in the same run.
import express from "express";
import { Telegraf } from "telegraf";

const bot = new Telegraf(process.env.TELEGRAM_BOT_TOKEN ?? "", {
  telegram: { apiRoot: process.env.TELEGRAM_API_ROOT ?? "", webhookReply: false },
});
bot.botInfo = {
  id: 1,
  is_bot: true,
  first_name: "Echo",
  username: "echo_bot",
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};
bot.on("message", (ctx) => ctx.reply("echo"));
bot.on("callback_query", (ctx) => ctx.reply("echo"));
bot.catch(() => undefined);
const app = express();
app.use(express.json());
app.post("/webhooks/telegram", bot.webhookCallback("/webhooks/telegram"));
app.get("/healthz", (_req, res) => {
  res.json({ status: "ok" });
});
app.listen(Number(process.env.PORT), "127.0.0.1");
