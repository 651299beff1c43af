/** Local checks for the OA upload APIs, from the documented limits (zalo.md §1.2, §3). */
import { ZaloValidationError } from "../shared/validation-error";

/** A file to upload. */
export interface ZaloOaUpload {
  /** File bytes. */
  readonly data: Uint8Array;
  /** File name; its extension is used when `contentType` is omitted. */
  readonly filename: string;
  /** MIME type; inferred from the extension when omitted. */
  readonly contentType?: string;
}

/** `upload/image`: jpg/png ≤ 1 MB (read as 1 MiB; the doc does not say which "MB"). */
export const IMAGE_UPLOAD_LIMIT_BYTES = 1024 * 1024;
/** `upload/file`: PDF/DOC/DOCX/CSV ≤ 5 MB. */
export const FILE_UPLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
};
const FILE_TYPES: Readonly<Record<string, string>> = {
  pdf: "application/pdf",
  doc: "application/msword",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  csv: "text/csv",
};

function resolveType(upload: ZaloOaUpload, allowed: Readonly<Record<string, string>>, what: string): string {
  const extension = /\.([^.]+)$/.exec(upload.filename)?.[1]?.toLowerCase() ?? "";
  const byExtension = allowed[extension];
  const contentType = upload.contentType ?? byExtension;
  if (contentType === undefined || !Object.values(allowed).includes(contentType)) {
    throw new ZaloValidationError(
      "contentType",
      `${what} upload accepts ${Object.keys(allowed).join("/")} only (got ${upload.contentType ?? upload.filename})`,
    );
  }
  return contentType;
}

function checkSize(upload: ZaloOaUpload, max: number, what: string): void {
  if (upload.data.byteLength === 0) throw new ZaloValidationError("data", `${what} is empty`);
  if (upload.data.byteLength > max) throw new ZaloValidationError("data", `${what} exceeds ${max} bytes`);
}

/** Validates an image upload and returns its MIME type. */
export function checkImageUpload(upload: ZaloOaUpload): string {
  checkSize(upload, IMAGE_UPLOAD_LIMIT_BYTES, "image");
  return resolveType(upload, IMAGE_TYPES, "image");
}

/** Validates a file upload and returns its MIME type. */
export function checkFileUpload(upload: ZaloOaUpload): string {
  checkSize(upload, FILE_UPLOAD_LIMIT_BYTES, "file");
  return resolveType(upload, FILE_TYPES, "file");
}
