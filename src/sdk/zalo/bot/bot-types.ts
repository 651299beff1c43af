/** Typed results of the Zalo Bot API methods (zalo.md §2), with wire names mapped to camelCase. */
import { z } from "zod";
import { epochMsStringSchema, zaloIdSchema } from "../shared/zod-helpers";

/** `getMe` result. */
export interface ZaloBotInfo {
  /** Bot id (opaque string in the Bot namespace). */
  readonly id: string;
  /** Display name; Zalo requires it to start with "Bot". */
  readonly accountName: string;
  /** e.g. `"BASIC"`. */
  readonly accountType: string;
  /** Whether the bot may be added to groups (groups are in internal testing, zalo.md §2). */
  readonly canJoinGroups: boolean;
}

/** `sendMessage` / `sendPhoto` result. */
export interface ZaloBotSentMessage {
  /** Id of the sent message. */
  readonly messageId: string;
  /** Send time, epoch ms as a digit string, when Zalo returns it. */
  readonly date: string | undefined;
}

/** `setWebhook` / `deleteWebhook` / `getWebhookInfo` result. */
export interface ZaloBotWebhookInfo {
  /** Current webhook URL; empty when none is set. */
  readonly url: string;
  /** Last change, as returned (epoch ms), when present. */
  readonly updatedAt: string | undefined;
}

/** Wire schema of `getMe`; loose so that new fields do not break the client. */
export const botInfoSchema = z
  .looseObject({
    id: zaloIdSchema,
    account_name: z.string(),
    account_type: z.string().optional(),
    can_join_groups: z.boolean().optional(),
  })
  .transform(
    (raw): ZaloBotInfo => ({
      id: raw.id,
      accountName: raw.account_name,
      accountType: raw.account_type ?? "",
      canJoinGroups: raw.can_join_groups ?? false,
    }),
  );

/** Wire schema of a sent message. */
export const sentMessageSchema = z
  .looseObject({ message_id: zaloIdSchema, date: epochMsStringSchema.optional() })
  .transform((raw): ZaloBotSentMessage => ({ messageId: raw.message_id, date: raw.date }));

/** Wire schema of webhook info; `url` may be missing or empty after `deleteWebhook`. */
export const webhookInfoSchema = z
  .looseObject({
    url: z.string().optional(),
    updated_at: epochMsStringSchema.optional(),
  })
  .transform((raw): ZaloBotWebhookInfo => ({ url: raw.url ?? "", updatedAt: raw.updated_at }));
