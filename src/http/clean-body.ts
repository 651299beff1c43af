import type { RequestHandler } from "express";
import { cleanText } from "../core/clean-text";
import { HttpError } from "./errors";

/**
 * No request of ours nests deeper than this; Telegram's deepest (a reply inside a message inside a
 * callback) is about 8. Deeper bodies are refused: storing one meant JSON.stringify, which recursed until
 * the stack ran out (a 500).
 */
export const MAX_BODY_DEPTH = 64;

/**
 * After the body parsers: refuses bodies nested beyond {@link MAX_BODY_DEPTH} with 400 and cleans every
 * string in place ({@link cleanText}). Walks with its own stack, so depth costs no call stack. The raw body
 * kept for signatures is left as it came.
 */
export const cleanBody: RequestHandler = (req, _res, next) => {
  const body: unknown = req.body;
  if (!body || typeof body !== "object") {
    if (typeof body === "string") req.body = cleanText(body);
    return next();
  }
  const stack: { value: Record<string, unknown>; depth: number }[] = [
    { value: body as Record<string, unknown>, depth: 1 },
  ];
  for (let item = stack.pop(); item; item = stack.pop()) {
    if (item.depth > MAX_BODY_DEPTH) return next(new HttpError(400, "body_too_deep"));
    for (const [key, child] of Object.entries(item.value)) {
      if (typeof child === "string") item.value[key] = cleanText(child);
      else if (child && typeof child === "object") {
        stack.push({ value: child as Record<string, unknown>, depth: item.depth + 1 });
      }
    }
  }
  next();
};
