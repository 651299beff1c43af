/**
 * Vietnamese phone numbers in any common form (0905 123 456, +84905123456, 84-905-123-456). Logs and stored
 * free text are kept longer and read by more people than visits, so numbers are masked wherever they appear.
 */
const PHONE = /(?<![\w])(?:\+?84|0)(?:[\s.-]?\d){8,10}(?![\w])/g;

/** Keeps the last two digits: enough to tell records apart when debugging, useless to call someone. */
export function maskPhonesIn(text: string): string {
  return text.replace(PHONE, (m) => `***${m.replace(/\D/g, "").slice(-2)}`);
}
