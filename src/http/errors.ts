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

/**
 * The one error sink of the HTTP layer: body-parser errors become 400/413, HttpErrors their status,
 * anything else a logged 500 without internals in the response.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const e = error as { type?: string; status?: number; expose?: boolean };
    if (e.type === "entity.too.large") return void res.status(413).json({ error: "payload_too_large" });
    if (
      e.type === "entity.parse.failed" ||
      e.type === "encoding.unsupported" ||
      e.type === "charset.unsupported"
    ) {
      return void res.status(400).json({ error: "malformed_body" });
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
