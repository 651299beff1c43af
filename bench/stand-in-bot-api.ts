// The webhook bench's stand-in for the Telegram Bot API: answers every call at once. It runs in a process
// of its own: in the load generator's process, the bots' replies (ours send more than the echo bot does)
// would slow the load generator and show up as latency of the bot under test.
import { createServer } from "node:http";

const OK = '{"ok":true,"result":{"message_id":1,"date":0,"chat":{"id":1,"type":"private"}}}';

createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    res.setHeader("content-type", "application/json");
    res.end(req.url === "/healthz" ? '{"status":"ok"}' : OK);
  });
}).listen(Number(process.env.PORT), "127.0.0.1");
