/**
 * Reads "/command args" typed as text (Telegram, Zalo and the web chat all carry commands as text).
 * A "@botname" suffix (Telegram groups) is dropped; the command is lower-cased.
 */
export function parseCommandText(text: string): { command: string; args: string } | undefined {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  return match?.[1] ? { command: match[1].toLowerCase(), args: (match[2] ?? "").trim() } : undefined;
}
