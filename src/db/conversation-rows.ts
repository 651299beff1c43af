import type { ChannelId } from "../core/messages";
import type { ContactRecord, RenderedChoice } from "../core/ports";

/** A stored contact as read in plain SQL (SQLite gives booleans as 0/1, PostgreSQL as booleans). */
export interface ContactRow {
  id: string;
  channel: string;
  externalId: string;
  displayName: string | null;
  language: string;
  languageSet: boolean | number;
  reachable: boolean | number;
  choices: string;
}

export function toContact(row: ContactRow): ContactRecord {
  return {
    id: row.id,
    channel: row.channel as ChannelId,
    externalId: row.externalId,
    displayName: row.displayName,
    language: row.language === "en" ? "en" : "vi",
    languageSet: Boolean(row.languageSet),
    reachable: Boolean(row.reachable),
    choices: parseChoices(row.choices),
  };
}

/** A stored JSON object (dialog data); anything else reads as empty. */
export function parseObject(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  return value && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function parseChoices(json: string): RenderedChoice[] {
  const value: unknown = JSON.parse(json);
  if (!Array.isArray(value)) return [];
  return value.filter(
    (c): c is RenderedChoice =>
      typeof c === "object" && c !== null && typeof c.label === "string" && typeof c.payload === "string",
  );
}
