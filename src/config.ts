import { z } from "zod";
import { parseOfficeHours } from "./features/handover/office-hours";
import { parseFrameAncestors, parseTrustProxy } from "./http/trust-proxy";
import { type ZaloConfig, ZaloConfigError, zaloConfigFrom, zaloEnvShape } from "./zalo-config";

/** Empty strings in .env files mean "not set". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const telegramSecret = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,256}$/, "1–256 characters of A–Z, a–z, 0–9, _ and - (Telegram's rule)");

/** A string setting read by `parse`, which names what is wrong instead of throwing. */
const parsedWith = <T>(parse: (value: string) => T | { error: string }, fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx) => {
      const result = parse(value);
      if (result && typeof result === "object" && "error" in result) {
        ctx.addIssue({ code: "custom", message: result.error });
        return z.NEVER;
      }
      return result as T;
    });

const schema = z.object({
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/ })),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql:// (PostgreSQL)")
    .default("file:./data/app.db"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  ADMIN_API_TOKEN: optional(z.string().min(24, "use at least 24 random characters")),
  /** Signs the web chat identity cookie. Generated per process when absent (sessions then end on restart). */
  SESSION_SECRET: optional(z.string().min(32, "use at least 32 random characters")),
  BODY_LIMIT: z.string().default("256kb"),
  /** Whose X-Forwarded-For to believe: a hop count, addresses or CIDR ranges, or loopback (README). */
  TRUST_PROXY: parsedWith(parseTrustProxy, "loopback"),
  /** Sites that may embed the web chat page in a frame (CSP frame-ancestors), e.g. the district's site. */
  FRAME_ANCESTORS: parsedWith(parseFrameAncestors, "'none'"),
  /** Web chat messages accepted per minute from one IP address (429 above). */
  WEBCHAT_POSTS_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Administrative units (communes) of the district served; another district = another file. */
  DISTRICT_FILE: z.string().default("data/districts/binh-son.json"),
  TELEGRAM_BOT_TOKEN: optional(z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, "looks like 123456:ABC-DEF…")),
  TELEGRAM_WEBHOOK_SECRET: optional(telegramSecret),
  TELEGRAM_MODE: z.enum(["webhook", "polling"]).default("webhook"),
  TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
  TELEGRAM_BOT_USERNAME: optional(z.string().regex(/^[A-Za-z0-9_]{5,32}$/)),
  TELEGRAM_RATE_LIMIT_PER_SEC: z.coerce.number().positive().max(1000).default(25),
  /** Visits older than this are deleted (privacy: tracing needs about two incubation periods, no more). */
  VISIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(90).default(21),
  /**
   * Handled messages (raw updates, sent replies, web chat lines) older than this are deleted, and old
   * broadcast rows lose their text. At least 2 days: platforms retry an update for up to a day, and a replay
   * must still find the stored one.
   */
  MESSAGE_RETENTION_DAYS: z.coerce.number().int().min(2).max(90).default(7),
  /** Questions the FAQ could not answer (a person's words, shown to officers to improve the FAQ). */
  UNANSWERED_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** 👍/👎 ratings of FAQ answers, each tied to a contact. */
  FAQ_RATING_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  /** Hours after a survey went out before its one reminder to those who gave no answer. */
  SURVEY_REMINDER_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(24),
  /** Days a closed survey's answers (and who was asked) are kept. */
  SURVEY_RETENTION_DAYS: z.coerce.number().int().min(1).max(730).default(180),
  /** Days a finished or stopped follow-up reminder (a person's own date) is kept before it is deleted. */
  FOLLOW_UP_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * Check-in form posts per minute from one IP address. Generous because mobile carriers put many phones
   * behind one address (carrier-grade NAT), and a busy market gate is exactly where that happens.
   */
  CHECKIN_POSTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(30),
  /**
   * Where the overall send rate is counted: "shared" = one schedule in the database for every process
   * (PostgreSQL with several processes), "local" = per process; "auto" = shared on PostgreSQL.
   */
  RATE_BUDGET: z.enum(["auto", "local", "shared"]).default("auto"),
  /** How long a claimed outbox row stays with its worker; after a crash, rows wait this long to be settled. */
  OUTBOX_LEASE_MS: z.coerce.number().int().min(500).max(600_000).default(60_000),
  /** When set, `GET /metrics` answers only `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: optional(z.string().min(24, "use at least 24 random characters")),
  /**
   * "off": the server does not apply migrations when it starts; the deploy runs `npm run db:migrate` once
   * before starting the processes (docs/deploy/README.md).
   */
  MIGRATE_ON_START: z.enum(["on", "off"]).default("on"),
  /** `on`: while no officer is active, `npm start` prints a one-time admin invite (src/features/officers/first-admin.ts). */
  FIRST_ADMIN_INVITE: z.enum(["on", "off"]).default("on"),
  /** Period of the scheduler (scheduled broadcasts, recurring reminders, progress reports, nudges). */
  SCHEDULER_TICK_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  /** The body that signs messages ({{org}}); unset = the province (see DEFAULT_ORG_NAME). ORG_NAME_EN for English. */
  ORG_NAME: optional(z.string().trim().min(1).max(120)),
  ORG_NAME_EN: optional(z.string().trim().min(1).max(120)),
  /** "on": FAQ answers checked before the latest change in the sources say what changed since. */
  FAQ_ARCHIVE_NOTICE: z.enum(["on", "off"]).default("on"),
  /** Local phone numbers for the `contact.local` answer, one per line or separated by ";", as they are sourced. */
  LOCAL_CONTACTS: optional(z.string().trim().max(1000)),
  /**
   * When officers answer people who ask for a person (Vietnam time), e.g. "Mon-Fri 07:30-11:30,13:30-17:00;
   * Sat 07:30-11:30". Outside them the bot says when to expect an answer and gives the hotline.
   */
  HANDOVER_OFFICE_HOURS: parsedWith((value) => {
    try {
      return parseOfficeHours(value);
    } catch (error) {
      return { error: (error as Error).message };
    }
  }, "Mon-Fri 07:30-11:30,13:30-17:00"),
  /** A ticket nobody answered for this long is reminded to its commune's officers, as long again to admins. */
  HANDOVER_REMIND_MINUTES: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(60),
  /** Closed tickets (a person's questions and officers' answers) are deleted this many days after closing. */
  TICKET_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(90),
  ...zaloEnvShape,
});

export type Config = z.infer<typeof schema> &
  ZaloConfig & {
    /** Base URL people reach us at; defaults to http://localhost:PORT for the two-command start. */
    publicUrl: string;
    telegram: { token: string; secret: string | undefined; mode: "webhook" | "polling" } | undefined;
  };

/** A start-up configuration error: one line naming the variable. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Parses the environment once. A bad value stops start-up with a line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    throw new ConfigError(`Invalid ${name}: ${issue?.message ?? "invalid value"}`);
  }
  const c = parsed.data;
  if (c.TELEGRAM_BOT_TOKEN && c.TELEGRAM_MODE === "webhook" && !c.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      "Invalid TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_MODE=webhook, so forged updates are refused",
    );
  }
  let zalo: ZaloConfig;
  try {
    zalo = zaloConfigFrom(c);
  } catch (error) {
    if (error instanceof ZaloConfigError) throw new ConfigError(error.message);
    throw error;
  }
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, "");
  return {
    ...c,
    ...zalo,
    publicUrl,
    telegram: c.TELEGRAM_BOT_TOKEN
      ? { token: c.TELEGRAM_BOT_TOKEN, secret: c.TELEGRAM_WEBHOOK_SECRET, mode: c.TELEGRAM_MODE }
      : undefined,
  };
}
