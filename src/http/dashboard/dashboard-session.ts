import { createHmac } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { readCookie } from "../../channels/webchat/webchat-session";
import type { Language } from "../../core/messages";
import type { TextRenderer } from "../../core/renderer";
import type { AuditStore } from "../../features/checkin/visit-store";
import type { DashboardAuth, DashboardViewer } from "../../features/dashboard/dashboard-auth";
import { SESSION_MAX_MS } from "../../features/dashboard/dashboard-auth";
import type { District } from "../../features/venues/district";
import { auditRequests } from "../audit-requests";
import type { SafeHtml } from "../html";
import { safeEqual } from "../safe-equal";

/** The session cookie; its path keeps it off every other route (check-in, web chat, media). */
export const DASHBOARD_COOKIE = "dash_sid";

/** Cookie options: httpOnly, SameSite=Lax (the login link is opened from a chat app), Secure on https. */
export function sessionCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: "lax" as const, secure, path: "/admin", maxAge: SESSION_MAX_MS };
}

/** The raw session id from the request's cookie. */
export function sessionIdOf(req: Request): string | undefined {
  return readCookie(req.get("cookie"), DASHBOARD_COOKIE);
}

/**
 * CSRF tokens bound to the session: HMAC(secret, session id). A cross-site form cannot read the page, so
 * it cannot know the token; SameSite=Lax already keeps the cookie off cross-site POSTs — this is the second
 * line for browsers or proxies that ignore it.
 */
export class DashboardCsrf {
  constructor(private readonly secret: string) {}

  token(sessionId: string): string {
    return createHmac("sha256", this.secret).update(`dashboard|${sessionId}`).digest("base64url");
  }

  verify(req: Request): boolean {
    const sessionId = sessionIdOf(req);
    const presented = (req.body as Record<string, unknown> | undefined)?.csrf;
    return !!sessionId && typeof presented === "string" && safeEqual(presented, this.token(sessionId));
  }
}

/** Viewer of the request (or null), stored in res.locals.viewer for the handlers. */
export function loadViewer(auth: DashboardAuth, now: () => Date) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    res.locals.viewer = await auth.viewer(sessionIdOf(req), now());
    next();
  };
}

/** The viewer set by {@link loadViewer}. */
export function viewerOf(res: Response): DashboardViewer | null {
  return (res.locals.viewer as DashboardViewer | null | undefined) ?? null;
}

/** What a feature's own dashboard pages are built from (surveys, reminders): see `featurePageDeps` in src/app. */
export interface FeaturePageDeps {
  auth: DashboardAuth;
  /** The dashboard's CSRF tokens (the same secret as every other dashboard form). */
  csrf: DashboardCsrf;
  district: District;
  texts: TextRenderer;
  audit: AuditStore;
  communeName: (code: string) => string;
}

/**
 * A part of a venue's dashboard page that a feature adds (what the owner answered to its surveys). The page
 * has already found the venue within the viewer's communes.
 */
export type VenuePageSection = (
  venue: { id: string; communeCode: string },
  viewer: DashboardViewer,
  lang: Language,
) => Promise<SafeHtml>;

/**
 * What every dashboard page needs in front of it, for pages a feature mounts on its own path (surveys,
 * reminders): the logged-in officer, and the request audited as theirs like every other dashboard page.
 */
export function dashboardPageGuards(
  auth: DashboardAuth,
  audit: AuditStore,
  now: () => Date = () => new Date(),
) {
  return [
    loadViewer(auth, now),
    auditRequests(
      audit,
      "dashboard",
      (res) => {
        const viewer = viewerOf(res);
        return viewer ? `officer:${viewer.officerId}` : undefined;
      },
      () => {},
    ),
  ];
}
