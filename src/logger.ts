import { pino } from "pino";
import type { Logger } from "./core/logger";

/**
 * Vietnamese phone numbers in any common form (0905 123 456, +84905123456, 84-905-123-456). Logs are kept
 * longer than visits and read by more people, so numbers are masked wherever they appear in a log line.
 */
const PHONE = /(?<![\w])(?:\+?84|0)(?:[\s.-]?\d){8,10}(?![\w])/g;

/** Keeps the last two digits: enough to tell records apart when debugging, useless to call someone. */
export function maskPhonesIn(text: string): string {
  return text.replace(PHONE, (m) => `***${m.replace(/\D/g, "").slice(-2)}`);
}

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
