import { pino } from "pino";
import type { Logger } from "./core/logger";
import { maskPhonesIn } from "./core/mask-phones";

export { maskPhonesIn };

/** Structured JSON logger (pino) that never writes tokens, secrets or phone numbers. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger & pino.Logger {
  const stream = destination ?? process.stdout;
  return pino(
    {
      level,
      redact: {
        paths: [
          "req.headers.authorization",
          "req.headers.cookie",
          'req.headers["x-telegram-bot-api-secret-token"]',
          'req.headers["x-bot-api-secret-token"]',
          'req.headers["x-zevent-signature"]',
          "token",
          "*.token",
          "phone",
          "*.phone",
        ],
        censor: "[redacted]",
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    {
      write(line: string) {
        // Bot tokens appear in telegraf error URLs (/bot123:ABC/sendMessage); strip them as well.
        stream.write(maskPhonesIn(line.replace(/bot\d+:[A-Za-z0-9_-]+/g, "bot[redacted]")));
      },
    },
  );
}
