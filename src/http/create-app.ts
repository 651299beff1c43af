import express, { type Express, type Router as ExpressRouter } from "express";
import type { Logger } from "../core/logger";
import { errorHandler, notFound } from "./errors";

/**
 * The express app: JSON bodies with a size limit (413 above it, 400 when malformed), the routes each part
 * mounts, then 404 and the single error handler. The raw body is kept for signature checks (Zalo OA).
 */
export function createApp(options: {
  bodyLimit: string;
  logger: Logger;
  mount: (router: ExpressRouter) => void;
}): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", "loopback");
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    next();
  });
  app.use(
    express.json({
      limit: options.bodyLimit,
      // Accept JSON without the right content type too (some webhook senders omit it), but leave HTML form
      // posts (the check-in page) to the urlencoded parser their own route mounts.
      type: (req) => !/^application\/x-www-form-urlencoded\b/i.test(req.headers["content-type"] ?? ""),
      verify: (req, _res, buf) => {
        (req as unknown as { rawBody: Buffer }).rawBody = buf;
      },
    }),
  );
  const router = express.Router();
  options.mount(router);
  app.use(router);
  app.use(notFound);
  app.use(errorHandler(options.logger));
  return app;
}
