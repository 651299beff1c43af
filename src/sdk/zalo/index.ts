/**
 * Typed Zalo SDK: Bot Platform client, Official Account client, OA webhook parsing/verification and
 * OAuth v4 token handling. Standalone: depends only on `zod` and Node built-ins.
 */

export { ZaloBotApiError } from "./bot/bot-api-error";
export {
  ZALO_BOT_API_ROOT,
  type ZaloBotChatAction,
  ZaloBotClient,
  type ZaloBotClientOptions,
  type ZaloBotGetUpdatesOptions,
} from "./bot/bot-client";
export { verifyZaloBotSecret, ZALO_BOT_SECRET_HEADER } from "./bot/bot-secret";
export type { ZaloBotInfo, ZaloBotSentMessage, ZaloBotWebhookInfo } from "./bot/bot-types";
export {
  parseZaloBotUpdate,
  parseZaloBotWebhook,
  type ZaloBotImageUpdate,
  type ZaloBotMessage,
  type ZaloBotStickerUpdate,
  type ZaloBotTextUpdate,
  type ZaloBotUnknownUpdate,
  type ZaloBotUnsupportedUpdate,
  type ZaloBotUpdate,
  type ZaloBotVoiceUpdate,
  zaloBotPhotoUrl,
  zaloBotUnknownMessage,
} from "./bot/bot-update";
export {
  classifyZaloError,
  isOutsideInteractionWindow,
  isRateLimited,
  isTokenExpired,
  ZaloApiError,
  type ZaloErrorCategory,
} from "./oa/oa-api-error";
export { ZALO_OA_API_ROOT, ZaloOaClient, type ZaloOaClientOptions } from "./oa/oa-client";
export type {
  ZaloJson,
  ZaloOaButton,
  ZaloOaButtonRules,
  ZaloOaImage,
  ZaloOaRecipient,
} from "./oa/oa-messages";
export {
  templateMessageJson,
  ZALO_TEMPLATE_LIMITS,
  type ZaloOaTemplateButton,
  type ZaloOaTemplateCategory,
  type ZaloOaTemplateElement,
  type ZaloOaTemplateMessage,
} from "./oa/oa-templates";
export type {
  ZaloOaInfo,
  ZaloOaSendResult,
  ZaloOaUploadedFile,
  ZaloOaUploadedImage,
  ZaloOaUserDetail,
} from "./oa/oa-types";
export { FILE_UPLOAD_LIMIT_BYTES, IMAGE_UPLOAD_LIMIT_BYTES, type ZaloOaUpload } from "./oa/oa-uploads";
export {
  ZALO_OA_CS_WINDOW_MS,
  ZALO_OA_FREE_WINDOW_MS,
  ZALO_OA_WINDOW_MARGIN_MS,
  type ZaloOaWindow,
  zaloOaWindow,
} from "./oa/oa-window";
export {
  isTimestampFresh,
  parseZaloOaEvent,
  verifyZaloOaSignature,
  ZALO_OA_SIGNATURE_HEADER,
  type ZaloOaEchoEvent,
  type ZaloOaEvent,
  type ZaloOaFollowEvent,
  type ZaloOaSignatureInput,
  type ZaloOaUnfollowEvent,
  type ZaloOaUnsupportedEvent,
  type ZaloOaUserSendImageEvent,
  type ZaloOaUserSendLocationEvent,
  type ZaloOaUserSendTextEvent,
  type ZaloOaUserSubmitInfoEvent,
  zaloOaEventDedupeKey,
  zaloOaEventOaId,
} from "./oa/webhook";
export {
  ZALO_OAUTH_ROOT,
  type ZaloCodeExchange,
  ZaloOAuthClient,
  type ZaloOAuthClientOptions,
  type ZaloOAuthTokens,
  type ZaloPermissionUrlInput,
} from "./oauth/oauth-client";
export { ZaloOAuthError } from "./oauth/oauth-error";
export { createZaloPkcePair, type ZaloPkcePair, zaloCodeChallenge } from "./oauth/pkce";
export { createNodeTransport, type NodeTransportOptions } from "./shared/node-transport";
export type { ZaloParseError, ZaloParseResult } from "./shared/parse-result";
export { parseZaloJson } from "./shared/safe-json";
export { splitText, ZALO_MAX_TEXT_LENGTH } from "./shared/split-text";
export {
  DEFAULT_MAX_RESPONSE_BYTES,
  DEFAULT_TIMEOUT_MS,
  type ZaloHttpMethod,
  type ZaloHttpRequest,
  type ZaloHttpResponse,
  type ZaloTransport,
  ZaloTransportError,
  type ZaloTransportErrorKind,
  type ZaloTransportOptions,
} from "./shared/transport";
export { ZaloValidationError } from "./shared/validation-error";
