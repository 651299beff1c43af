import type { ErrorRequestHandler, RequestHandler } from "express";
import type { Logger } from "../core/logger";
import { unavailableReason } from "../db/database-errors";

/** A request error with the HTTP status to answer. */
export class HttpError extends Error {
  override readonly name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: "not_found" });
};

/** What a client error from express or body-parser is answered with, by its status. */
const CLIENT_ERRORS: Record<number, string> = {
  413: "payload_too_large",
  415: "unsupported_media_type",
};

/**
 * The one error sink of the HTTP layer: HttpErrors and the client errors express and body-parser raise
 * (a 4xx `status`: malformed or wrongly compressed bodies, too many form fields, a malformed %-escape in a
 * path) answer their status; anything else is a logged 500 without internals in the response.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const e = error as { type?: string; status?: unknown; expose?: boolean };
    if (!(error instanceof HttpError) && typeof e.status === "number" && e.status >= 400 && e.status < 500) {
      if (res.headersSent) return;
      return void res.status(e.status).json({ error: CLIENT_ERRORS[e.status] ?? "malformed_request" });
    }
    if (error instanceof HttpError) {
      return void res.status(error.status).json({ error: error.message, details: error.details });
    }
    const unavailable = unavailableReason(error);
    if (unavailable) {
      // Not acknowledged, so platforms retry: nothing is lost while the database is away.
      logger.warn(
        { err: error, path: req.path, reason: unavailable },
        `database unavailable: ${unavailable}`,
      );
      if (res.headersSent) return;
      res.setHeader("Retry-After", "5");
      return void res.status(503).json({ error: "database_unavailable", reason: unavailable });
    }
    logger.error({ err: error, method: req.method, path: req.path }, "request failed");
    if (res.headersSent) return;
    res.status(500).json({ error: "internal_error" });
  };
}
