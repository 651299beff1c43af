/** A `/command args` text as the core's command event, or `undefined` for ordinary text. */
export function parseCommand(text: string): { command: string; args: string } | undefined {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match?.[1]) return undefined;
  return { command: match[1].toLowerCase(), args: match[2] ?? "" };
}
