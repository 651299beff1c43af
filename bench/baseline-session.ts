// The realistic peer for the webhook benchmark (issue 22): what a developer would write instead of our server.
// telegraf 4 + an express webhook + `session({ store })` kept in SQLite (better-sqlite3, WAL), one session read,
// one write and one reply per update. It is neither durable (an update is lost if the process dies before its
// reply) nor deduplicated (a replayed update runs again); ours is both, and is measured against it anyway.
import Database from "better-sqlite3";
import { type Context, session } from "telegraf";
import { baselineBot, serveBaseline } from "./baseline-bot";

interface Session {
  count: number;
  last?: string;
}
type PeerContext = Context & { session?: Session };

const file = process.env.PEER_DB_FILE ?? "bench/tmp/peer-session.db";
const db = new Database(file);
db.pragma("journal_mode = WAL");
db.exec("CREATE TABLE IF NOT EXISTS sessions (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
const read = db.prepare<[string], { value: string }>("SELECT value FROM sessions WHERE key = ?");
const write = db.prepare<[string, string]>(
  "INSERT INTO sessions (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
);
const remove = db.prepare<[string]>("DELETE FROM sessions WHERE key = ?");

const bot = baselineBot<PeerContext>("Peer");
bot.use(
  session<Session, PeerContext, "session">({
    defaultSession: () => ({ count: 0 }),
    store: {
      get: (key) => {
        const row = read.get(key);
        return row ? (JSON.parse(row.value) as Session) : undefined;
      },
      set: (key, value) => {
        write.run(key, JSON.stringify(value));
      },
      delete: (key) => {
        remove.run(key);
      },
    },
  }),
);
const answer = (ctx: PeerContext, what: string) => {
  const s = ctx.session ?? { count: 0 };
  s.count += 1;
  s.last = what;
  ctx.session = s;
  return ctx.reply(`Tin nhắn thứ ${s.count}`);
};
bot.on("message", (ctx) => answer(ctx, "message"));
bot.on("callback_query", (ctx) => answer(ctx, "button"));
serveBaseline(bot);
