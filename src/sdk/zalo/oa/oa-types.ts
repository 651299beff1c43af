/** Typed `data` of the OA Open API responses used by the client, mapped to camelCase. */
import { z } from "zod";
import { zaloIdSchema } from "../shared/zod-helpers";

const loose = z.record(z.string(), z.unknown());

/** Result of a cs send. */
export interface ZaloOaSendResult {
  /** Id of the sent message (opaque hex string). */
  readonly messageId: string;
  /** Recipient's OA-scoped user id, when returned. */
  readonly userId: string | undefined;
  /** Send time as returned. */
  readonly sentTime: string | undefined;
  /**
   * Which allowance paid for the message (`reply`, `welcome_msg`, `sub_quota`, `purchase_quota`,
   * `reward_quota`). `undefined` means **no quota object: the message was billed** (zalo.md §1.2).
   */
  readonly quotaType: string | undefined;
  /** The raw `quota` object, for logging/accounting. */
  readonly quota: Readonly<Record<string, unknown>> | undefined;
}

/** Wire schema of a cs send `data`. */
export const sendResultSchema = z
  .looseObject({
    message_id: zaloIdSchema,
    user_id: zaloIdSchema.optional(),
    sent_time: z.union([z.string(), z.number().transform(String)]).optional(),
    quota: loose.optional(),
  })
  .transform(
    (raw): ZaloOaSendResult => ({
      messageId: raw.message_id,
      userId: raw.user_id,
      sentTime: raw.sent_time,
      quotaType: typeof raw.quota?.quota_type === "string" ? raw.quota.quota_type : undefined,
      quota: raw.quota,
    }),
  );

/** Result of `uploadImage`: reference the image by this id for ~7 days. */
export interface ZaloOaUploadedImage {
  /** `attachment_id` to use in an image message. */
  readonly attachmentId: string;
}

/** Wire schema of `upload/image` `data`. */
export const uploadImageSchema = z
  .looseObject({ attachment_id: z.string().min(1) })
  .transform((raw): ZaloOaUploadedImage => ({ attachmentId: raw.attachment_id }));

/** Result of `uploadFile`: reference the file by this token for ~7 days. */
export interface ZaloOaUploadedFile {
  /** `token` to use in a file message. */
  readonly token: string;
}

/** Wire schema of `upload/file` `data`. */
export const uploadFileSchema = z
  .looseObject({ token: z.string().min(1) })
  .transform((raw): ZaloOaUploadedFile => ({ token: raw.token }));

/** A user's profile as the OA sees it (`/v3.0/oa/user/detail`, zalo.md §1.4). */
export interface ZaloOaUserDetail {
  /** OA-scoped user id. */
  readonly userId: string;
  /** App-scoped user id, when returned. */
  readonly userIdByApp: string | undefined;
  /** Zalo display name. */
  readonly displayName: string;
  /** Alias the OA staff gave the user, if any. */
  readonly alias: string | undefined;
  /** Avatar URL. */
  readonly avatar: string | undefined;
  /** Avatar URLs by size (`"120"`, `"240"`). */
  readonly avatars: Readonly<Record<string, string>>;
  /** Whether the user follows the OA. */
  readonly isFollower: boolean | undefined;
  /** Last interaction date as returned by Zalo (format not documented). */
  readonly lastInteractionDate: string | undefined;
  /** Zalo's sensitive-account flag. */
  readonly isSensitive: boolean | undefined;
  /** Tags and notes set in the OA console, raw. */
  readonly tagsAndNotes: Readonly<Record<string, unknown>> | undefined;
  /** Only what the user submitted through an info form, raw. */
  readonly sharedInfo: Readonly<Record<string, unknown>> | undefined;
}

/** Wire schema of user detail `data`. */
export const userDetailSchema = z
  .looseObject({
    user_id: zaloIdSchema,
    user_id_by_app: zaloIdSchema.optional(),
    display_name: z.string(),
    user_alias: z.string().optional(),
    avatar: z.string().optional(),
    avatars: z.record(z.string(), z.string()).optional(),
    user_is_follower: z.boolean().optional(),
    user_last_interaction_date: z.union([z.string(), z.number().transform(String)]).optional(),
    is_sensitive: z.boolean().optional(),
    tags_and_notes_info: loose.optional(),
    shared_info: loose.optional(),
  })
  .transform(
    (raw): ZaloOaUserDetail => ({
      userId: raw.user_id,
      userIdByApp: raw.user_id_by_app,
      displayName: raw.display_name,
      alias: raw.user_alias,
      avatar: raw.avatar,
      avatars: raw.avatars ?? {},
      isFollower: raw.user_is_follower,
      lastInteractionDate: raw.user_last_interaction_date,
      isSensitive: raw.is_sensitive,
      tagsAndNotes: raw.tags_and_notes_info,
      sharedInfo: raw.shared_info,
    }),
  );

/** The OA itself (`GET /v2.0/oa/getoa`, zalo.md §1.4). */
export interface ZaloOaInfo {
  readonly oaId: string;
  readonly name: string;
  readonly isVerified: boolean | undefined;
  /** The OA's package, which decides what the API allows (`-224` when too low). */
  readonly packageName: string | undefined;
}

/** Wire schema of `getoa` `data`. */
export const oaInfoSchema = z
  .looseObject({
    oaid: zaloIdSchema.optional(),
    oa_id: zaloIdSchema.optional(),
    name: z.string(),
    is_verified: z.boolean().optional(),
    package_name: z.string().optional(),
  })
  .transform(
    (raw): ZaloOaInfo => ({
      oaId: raw.oaid ?? raw.oa_id ?? "",
      name: raw.name,
      isVerified: raw.is_verified,
      packageName: raw.package_name,
    }),
  );
