import express, { type Request, type Response } from "express";
import { type Language, languageFromHint } from "../../core/messages";
import type { TextRenderer } from "../../core/renderer";
import type { BroadcastService } from "../../features/broadcasts/broadcast-service";
import type { RecurringReminders } from "../../features/broadcasts/recurring";
import type { TracingService } from "../../features/checkin/tracing-service";
import type { AuditStore } from "../../features/checkin/visit-store";
import type { DashboardAuth, DashboardViewer } from "../../features/dashboard/dashboard-auth";
import type { DashboardStore, Scope } from "../../features/dashboard/dashboard-store";
import type { DirectiveStore } from "../../features/directives/directive-store";
import type { FaqContentService } from "../../features/faq/content/faq-content-service";
import type { FaqStore } from "../../features/faq/faq-store";
import type { AnswerNotices } from "../../features/handover/answer-notices";
import type { HandoverService } from "../../features/handover/handover-service";
import type { ReadyAnswers } from "../../features/handover/ready-answers";
import type { ApiTokens } from "../../features/officers/api-tokens";
import type { OfficerService } from "../../features/officers/officer-service";
import { codesCoveredBy, type District } from "../../features/venues/district";
import { unitsToday } from "../../features/venues/units-for-period";
import type { VenueService } from "../../features/venues/venue-service";
import type { VenueStore } from "../../features/venues/venue-store";
import { cleanBody } from "../clean-body";
import { DASHBOARD_HEADERS, DashboardHtml } from "./dashboard-html";
import { DashboardCsrf, sessionIdOf, type VenuePageSection, viewerOf } from "./dashboard-session";

/** What the dashboard routes need, wired by the composition root. */
export interface DashboardDeps {
  auth: DashboardAuth;
  store: DashboardStore;
  texts: TextRenderer;
  district: District;
  venueService: VenueService;
  venues: VenueStore;
  /** The chat's tracing (scoped reads and alerts, each audited): the visits page goes through it. */
  tracing: TracingService;
  /** Parts features add to a venue's page (read at request time: filled once every feature is built). */
  venueSections?: readonly VenuePageSection[];
  broadcasts: BroadcastService;
  /** Recurring reminders (list, pause, resume, stop on the broadcasts page). */
  recurring: RecurringReminders;
  directives: DirectiveStore;
  faq: FaqStore;
  /** FAQ topics officers edit and publish (docs/adr/014). */
  faqContent: FaqContentService;
  /** The inbox of tickets (src/http/dashboard/dashboard-inbox.ts). */
  handover: HandoverService;
  /** Closing the loop: answers sent to the people of a question cluster who agreed (dashboard-notices.ts). */
  answerNotices: AnswerNotices;
  officers: OfficerService;
  /** The published FAQ answers officers may send as they are. */
  readyAnswers: ReadyAnswers;
  /** Signs the CSRF tokens. */
  secret: string;
  secureCookies: boolean;
  /** Where people reach us (a form post must come from here or from the host it was sent to). */
  publicUrl: string;
  /** Wakes the scheduler after a broadcast was created. */
  kick: () => void;
  /** Every request of a logged-in officer is written here (src/http/audit-requests.ts). */
  audit: AuditStore;
  apiTokens: ApiTokens;
  onAuditError?: (error: unknown) => void;
  /** How long sent messages are kept (MESSAGE_RETENTION_DAYS): the Zalo OA billed counts cover that long. */
  sendsDays?: number;
  now?: () => Date;
}

/** Shared helpers of the dashboard route modules. */
export class DashboardContext {
  readonly html: DashboardHtml;
  readonly csrf: DashboardCsrf;
  readonly form = DASHBOARD_FORM;
  readonly now: () => Date;

  constructor(readonly deps: DashboardDeps) {
    this.html = new DashboardHtml(deps.texts);
    this.csrf = new DashboardCsrf(deps.secret);
    this.now = deps.now ?? (() => new Date());
  }

  lang(req: Request): Language {
    return languageFromHint(typeof req.query.lang === "string" ? req.query.lang : undefined);
  }

  send(res: Response, status: number, html: string): void {
    res.status(status).set(DASHBOARD_HEADERS).send(html);
  }

  /** The viewer, or a 401 page explaining how to log in (no data) and undefined. */
  viewer(req: Request, res: Response): DashboardViewer | undefined {
    const viewer = viewerOf(res);
    if (!viewer) this.send(res, 401, this.html.message(this.lang(req), "loginHelp"));
    return viewer ?? undefined;
  }

  /** For POSTs: the viewer with a valid CSRF token, else 401/403 and undefined. */
  poster(req: Request, res: Response): DashboardViewer | undefined {
    const viewer = this.viewer(req, res);
    if (!viewer) return undefined;
    if (!this.csrf.verify(req)) {
      this.send(res, 403, this.html.message(this.lang(req), "forbidden"));
      return undefined;
    }
    return viewer;
  }

  csrfToken(req: Request): string {
    return this.csrf.token(sessionIdOf(req) ?? "");
  }

  /** Communes in force today that the viewer may see (a scope of former units sees the units they became). */
  communes(scope: Scope): { code: string; name: string }[] {
    // The same units as a report of today (src/features/venues/units-for-period.ts), so the two agree.
    return communesInScope(this.deps.district, scope, this.now());
  }

  /** A count per stored code, summed for a unit in force over the former units it took in. */
  countFor(counts: Map<string, number>, code: string): number {
    return codesCoveredBy(this.deps.district, code).reduce((total, c) => total + (counts.get(c) ?? 0), 0);
  }

  /** The stored codes a unit in force stands for (itself and its former units), for audiences and filters. */
  coveredCodes(code: string): string[] {
    return codesCoveredBy(this.deps.district, code);
  }

  communeName(code: string): string {
    return this.deps.venueService.communeName(code);
  }
}

/** Communes in force that a scope may see (a scope of former units sees the units they became). */
export function communesInScope(
  district: District,
  scope: Scope,
  now: Date = new Date(),
): { code: string; name: string }[] {
  return unitsToday(district, now)
    .units.filter((u) => !scope || u.covers.some((c) => scope.includes(c)))
    .map((u) => ({ code: u.code, name: u.name }));
}

/** The parsers of a dashboard form post: URL-encoded only, small (the largest is a broadcast text). */
export const DASHBOARD_FORM = [
  express.urlencoded({ extended: false, limit: "32kb", parameterLimit: 200 }),
  cleanBody,
];

/** Form field as a trimmed string ("" when absent or not a string). */
export function field(body: unknown, name: string, max = 200): string {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return typeof v === "string" ? v.trim().slice(0, max) : "";
}

/** Query parameter as a trimmed string. */
export function queryParam(req: Request, name: string, max = 100): string {
  const v = req.query[name];
  return typeof v === "string" ? v.trim().slice(0, max) : "";
}
