// The baseline for the webhook benchmark: the smallest telegraf + express bot that answers every message
// (an echo), with no database. Same stand-in Bot API, same load, same machine, in the same run.
import { baselineBot, serveBaseline } from "./baseline-bot";

const bot = baselineBot("Echo");
bot.on("message", (ctx) => ctx.reply("echo"));
bot.on("callback_query", (ctx) => ctx.reply("echo"));
serveBaseline(bot);
