import type { OfficerService } from "./officer-service";

/**
 * The first officer of a fresh install. Officers are made by invite, and an invite was made only by an officer
 * or by `npm run officers -- invite` in a second terminal, so a newcomer trying the product could not reach the
 * officers' side from the web chat alone. While no officer is active, each start makes a one-time admin invite
 * for the operator to read on the console: the same code, hash and expiry as any other invite, so it is spent by
 * the first `/officer <code>` and is worth nothing after 72 hours. Off with FIRST_ADMIN_INVITE=off.
 */
export async function firstAdminInvite(
  officers: OfficerService,
  now: Date,
): Promise<{ code: string; expiresAt: Date } | null> {
  if ((await officers.list()).some((officer) => !officer.revokedAt)) return null;
  return officers.invite({ role: "admin", communes: [], createdBy: "first-start", now });
}
