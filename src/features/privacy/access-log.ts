/** Who looked at a person's check-ins, as the person is told: a role and a scope, never a staff name. */
export interface AccessView {
  at: Date;
  /** "officer" / "admin" by a person's identity (chat, dashboard, own API token); "shared-token" for the
   * district's shared ADMIN_API_TOKEN, whose holder the log cannot name. */
  by: "officer" | "admin" | "shared-token";
  /** The officer's communes; empty = the whole district (or unknown, for the shared token). */
  communes: string[];
  /** What they did: listed a venue's visitors, a commune's, or alerted a venue's visitors. */
  action: "visits.venue" | "visits.commune" | "alert.venue";
}

/**
 * Reads the append-only audit log for the accesses that included a person's check-ins: a trace of the
 * venue (or commune) they checked in at whose window covered the check-in, made after it.
 */
export interface AccessLog {
  viewsOf(contactId: string, limit: number): Promise<AccessView[]>;
}
