/**
 * The customer-service window of the OA API (zalo.md §0.1, §1.3): a cs message reaches a person only within
 * 7 days of their last interaction, free within the first 48 h and billed after that. Beyond it only approved
 * ZBS template messages (transaction/promotion) or waiting until they write again.
 */

/** Free cs replies: 48 h after the person's last interaction. */
export const ZALO_OA_FREE_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Any cs message at all: 7 days after it (through the API; the OA's own console allows longer). */
export const ZALO_OA_CS_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
/**
 * Taken off both edges: between deciding and Zalo receiving the call lie the queue and the network, and a
 * message decided "free" a second before the edge would arrive billed (or be refused).
 */
export const ZALO_OA_WINDOW_MARGIN_MS = 5 * 60 * 1000;

/** `free`: inside 48 h · `paid`: 48 h – 7 d, billed · `closed`: no cs message possible (or never interacted). */
export type ZaloOaWindow = "free" | "paid" | "closed";

/**
 * Where a person stands in the cs window now.
 * @param lastInteraction their last message, button tap, follow or form (`null`: never seen)
 * @param now the moment of sending
 */
export function zaloOaWindow(lastInteraction: Date | null, now: Date): ZaloOaWindow {
  if (!lastInteraction) return "closed";
  const age = now.getTime() - lastInteraction.getTime() + ZALO_OA_WINDOW_MARGIN_MS;
  if (age < ZALO_OA_FREE_WINDOW_MS) return "free";
  if (age < ZALO_OA_CS_WINDOW_MS) return "paid";
  return "closed";
}
