/** Name of the migrated PostgreSQL template database the suite copies. */
export const TEMPLATE_DB = "helpdesk_test_template";

/** The maintenance database of the same server, for CREATE/DROP DATABASE. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = "/postgres";
  return u.toString();
}
