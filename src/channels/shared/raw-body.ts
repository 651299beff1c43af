import type { Request } from "express";

/**
 * The exact request bytes kept by create-app's JSON parser (signatures are computed over them, and Zalo
 * ids above 2^53 survive only in the raw text). A request without a body has none: an empty buffer.
 */
export function rawBodyOf(req: Request): Buffer {
  const raw: unknown = (req as unknown as { rawBody?: unknown }).rawBody;
  return Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
}
