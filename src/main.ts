import { ConfigError, loadConfig } from "./config";
import { PrismaOfficerStore } from "./db/prisma-officer-store";
import { loadEnvFile } from "./env-file";
import { firstAdminInvite } from "./features/officers/first-admin";
import { OfficerService } from "./features/officers/officer-service";
import { createLogger } from "./logger";
import { publicUrlWarning } from "./public-url-warning";
import { startServer } from "./server";

// Entry point of `npm start`: read .env, parse the environment once, apply migrations, serve, stop cleanly on
// SIGTERM.
loadEnvFile();
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

const logger = createLogger(config.LOG_LEVEL);
const urlWarning = publicUrlWarning(config);
if (urlWarning) logger.warn(urlWarning);
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));

// With several processes the deploy migrates once beforehand (MIGRATE_ON_START=off, docs/deploy/README.md).
const server = await startServer(config, { logger, migrate: config.MIGRATE_ON_START === "on" });
console.log(`Web chat: ${config.publicUrl}/  (Ctrl+C to stop)`);
if (config.FIRST_ADMIN_INVITE === "on") {
  const invite = await firstAdminInvite(
    new OfficerService(new PrismaOfficerStore(server.database.db)),
    new Date(),
  );
  if (invite) {
    // The console, not the structured log: the code is a credential until it is used or expires.
    console.log(
      `No officer yet. To become the first admin, send this in the web chat or to the bot (once, within 72 h):\n  /officer ${invite.code}`,
    );
  }
}

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    logger.info({ signal }, "shutting down");
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
