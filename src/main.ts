import { ConfigError, loadConfig } from "./config";
import { loadEnvFile } from "./env-file";
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
