/**
 * Raised before any request is sent when an argument breaks a documented Zalo limit (text length, button
 * count, upload size, …). Catching it early turns a paid or quota-consuming API error into a local bug report.
 */
export class ZaloValidationError extends Error {
  /** The argument that broke the limit, e.g. `buttons[2].title`. */
  readonly field: string;

  /**
   * @param field offending argument path
   * @param message what limit was broken and where it is documented
   */
  constructor(field: string, message: string) {
    super(message);
    this.name = "ZaloValidationError";
    this.field = field;
  }
}
