// What both baseline bots of the webhook benchmark share: a telegraf bot on the stand-in Bot API (its
// identity given, so it never calls getMe) served by express the way the telegraf docs show.
import express from "express";
import { type Context, Telegraf } from "telegraf";

export function baselineBot<C extends Context>(name: string): Telegraf<C> {
  const bot = new Telegraf<C>(process.env.TELEGRAM_BOT_TOKEN ?? "", {
    telegram: { apiRoot: process.env.TELEGRAM_API_ROOT ?? "", webhookReply: false },
  });
  bot.botInfo = {
    id: 1,
    is_bot: true,
    first_name: name,
    username: `${name.toLowerCase()}_bot`,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
  bot.catch(() => undefined);
  return bot;
}

/** Serves the bot's webhook and /healthz on PORT. */
export function serveBaseline<C extends Context>(bot: Telegraf<C>): void {
  const app = express();
  app.use(express.json());
  app.post("/webhooks/telegram", bot.webhookCallback("/webhooks/telegram"));
  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  app.listen(Number(process.env.PORT), "127.0.0.1");
}
