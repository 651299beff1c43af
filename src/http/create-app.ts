import express, { type Express, type Router as ExpressRouter } from "express";
import type { Logger } from "../core/logger";
import { cleanBody } from "./clean-body";
import { errorHandler, notFound } from "./errors";

/**
 * The express app: JSON bodies with a size limit (413 above it, 400 when malformed), the routes each part
 * mounts, then 404 and the single error handler. The raw body is kept for signature checks (Zalo OA).
 */
export function createApp(options: {
  bodyLimit: string;
  logger: Logger;
  /** Express's "trust proxy" (TRUST_PROXY): decides req.ip, which the per-IP limits count. */
  trustProxy?: number | string[];
  /** CSP frame-ancestors of the pages that set no policy of their own (the web chat). */
  frameAncestors?: string;
  mount: (router: ExpressRouter) => void;
}): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? "loopback");
  // A default policy for what sets none (the web chat page, its script and API): its own origin only, and
  // framed only where FRAME_ANCESTORS allows. The check-in page and the dashboard set stricter ones.
  const csp = `default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors ${options.frameAncestors ?? "'none'"}`;
  app.use((req, res, next) => {
    // One line per request: method, route pattern (so capability ids like /media/:id stay out of logs),
    // status, time. Bodies and headers are never logged; successes at debug level, the rest at info and up.
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const line = {
        method: req.method,
        path: (req.route as { path?: string } | undefined)?.path ?? "(unmatched)",
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 100_000n) / 10,
      };
      if (res.statusCode >= 500) options.logger.warn(line, "request");
      else if (res.statusCode >= 400) options.logger.info(line, "request");
      else options.logger.debug(line, "request");
    });
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("Content-Security-Policy", csp);
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
  app.use(cleanBody);
  const router = express.Router();
  options.mount(router);
  app.use(router);
  app.use(notFound);
  app.use(errorHandler(options.logger));
  return app;
}
