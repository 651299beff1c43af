/** Commune codes a viewer may see; null = the whole district. Every query below takes one. */
export type Scope = string[] | null;

/** A venue row as the dashboard lists it. */
export interface DashboardVenue {
  id: string;
  code: string;
  name: string;
  category: string;
  communeCode: string;
  address: string;
  /** The owner's name and E.164 phone (blanked after an erasure): shown to officers by {@link Scope}. */
  contactName: string;
  contactPhone: string;
  active: boolean;
  createdAt: Date;
}

/** Filters of the venues page. */
export interface VenueFilter {
  q?: string;
  commune?: string;
  category?: string;
  status?: "active" | "paused";
}

/** A broadcast row with its delivery counts. */
export interface DashboardBroadcast {
  id: string;
  text: string;
  status: string;
  sendAt: Date;
  createdBy: string;
  /** Communes the audience names; null = not narrowed by commune (district-wide). */
  communes: string[] | null;
  counts: { total: number; sent: number; failed: number; blocked: number; pending: number };
}

/** An audit record of access to visit data. */
export interface AuditRow {
  id: number;
  actor: string;
  action: string;
  venueId: string | null;
  communeCode: string | null;
  windowFrom: Date | null;
  windowTo: Date | null;
  resultCount: number;
  /** The FAQ topic of a content edit (null for visit-data rows). */
  subject: string | null;
  createdAt: Date;
}

/** Filters of the audit page: one actor, an action (or every action of a kind: `chat.`, `dashboard `, `api `). */
export interface AuditFilter {
  /** Any of these actors (an officer acts as "officer:<id>" and, in FAQ edits, "dashboard:<id>"). */
  actors?: string[];
  action?: string;
  actionPrefix?: "chat." | "dashboard " | "api ";
  from?: Date;
  to?: Date;
  /** Keyset paging: rows older than this id (stays fast however deep one pages). */
  beforeId?: number;
}

/** A venue's name and code, to show audit rows in words. */
export interface VenueLabel {
  name: string;
  code: string;
}

/**
 * Read model of the officers' dashboard and the weekly report (Prisma in src/db). Scoping is done here, in
 * the queries, so no page can forget it.
 */
/** Zalo OA messages sent, by why (`purpose`: null = a reply) and what paid for them (`quotaType`). */
export interface ZaloOaSendCount {
  purpose: string | null;
  /** Zalo's `quota.quota_type` (`reply`, `sub_quota` …), "none" = billed, "template" = a ZBS template. */
  quotaType: string | null;
  count: number;
}

export interface DashboardStore {
  /** Zalo OA sends since `since` (only as far back as sent messages are kept, MESSAGE_RETENTION_DAYS). */
  zaloOaSends(since: Date): Promise<ZaloOaSendCount[]>;
  venuesPerCommune(scope: Scope): Promise<Map<string, number>>;
  targets(): Promise<Map<string, number>>;
  setTarget(communeCode: string, venues: number, by: string): Promise<void>;
  /** Visit times in [from, to) at venues in scope (bucketed into days by the caller). */
  visitTimes(scope: Scope, from: Date, to: Date): Promise<{ at: Date; communeCode: string }[]>;
  /** Active, reachable subscribers per channel; scoped viewers count those of their communes only. */
  subscribersPerChannel(scope: Scope): Promise<Map<string, number>>;
  /** Active subscribers per commune (null commune = district-wide subscribers). */
  subscribersPerCommune(scope: Scope): Promise<Map<string, number>>;
  /** Venues registered in [from, to) per commune. */
  venuesRegistered(scope: Scope, from: Date, to: Date): Promise<Map<string, number>>;
  listVenues(scope: Scope, filter: VenueFilter, limit: number): Promise<DashboardVenue[]>;
  findVenue(scope: Scope, id: string): Promise<DashboardVenue | null>;
  setVenueActive(scope: Scope, id: string, active: boolean): Promise<boolean>;
  /** Broadcasts newest first; scoped viewers see those aimed at one of their communes. */
  listBroadcasts(scope: Scope, limit: number, from?: Date, to?: Date): Promise<DashboardBroadcast[]>;
  /** Audit records newest first; scoped viewers see those about their communes' venues. */
  listAudit(scope: Scope, filter: AuditFilter, limit: number): Promise<AuditRow[]>;
  /** Names and codes of these venues (ids not found are left out). */
  venueLabels(ids: string[]): Promise<Map<string, VenueLabel>>;
  feedbackPerTopic(): Promise<{ topic: string; up: number; down: number }[]>;
}
