/**
 * Every named action the audit log holds. One list, so the dashboard has a label in words for each
 * (`dashboard:auditActions.<action>` in both languages; a test fails on an action written in src without one).
 */
export const NAMED_AUDIT_ACTIONS = [
  "visits.venue",
  "visits.commune",
  "alert.venue",
  "survey.create",
  "survey.results",
  "survey.csv",
  "survey.close",
  "followups.counts",
  "followups.define",
  "faq.edit",
  "faq.publish",
  "faq.restore",
  "faq.import",
  // Closing the loop: an answer sent to those who asked; `subject` is "topic:<id>" or "ticket:<id>".
  "faq.notify",
  // Handover tickets (src/features/handover): `venueId` holds "ticket:<id>" for these.
  "ticket.read",
  "ticket.take",
  "ticket.reply",
  "ticket.pass",
  "ticket.close",
  "privacy.erase",
  "apitoken.create",
  "apitoken.revoke",
  // The audit page's own export.
  "audit.csv",
] as const;

/** Officers' chat actions, audited as `chat.<what>` by the officer guard (src/features/officers). */
export const CHAT_AUDIT_ACTIONS = [
  "apitoken-revoke",
  "apitokens",
  "broadcast",
  "dashboard",
  "directive_add",
  "handover-answer",
  "handover-take",
  "handover-pass",
  "invite",
  "officers",
  "recurring",
  "revoke",
  "survey",
  "tickets",
  "trace",
  "trace-alert",
] as const;

export type NamedAuditAction = (typeof NAMED_AUDIT_ACTIONS)[number];
export type ChatAuditAction = (typeof CHAT_AUDIT_ACTIONS)[number];

/**
 * Reads of visit data; erasures on request; officers' API tokens; and every other staff action, named by
 * where it came from: `chat.<what>` (an officer's chat command), `dashboard <METHOD> <route>`,
 * `api <METHOD> <route>` (request-level rows, src/http/audit-requests.ts).
 */
export type AuditAction =
  | NamedAuditAction
  | `chat.${ChatAuditAction}`
  | `dashboard ${string}`
  | `api ${string}`;
