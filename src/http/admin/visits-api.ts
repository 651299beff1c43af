import type { Router as ExpressRouter, Request, Response } from "express";
import { z } from "zod";
import { parseWindow, type TimeWindow, type TracingService } from "../../features/checkin/tracing-service";
import type { AuditStore, VisitRecord } from "../../features/checkin/visit-store";
import type { VenueRecord, VenueStore } from "../../features/venues/venue-store";
import { apiActorOf, apiInScope } from "../admin-auth";
import { HttpError } from "../errors";

const communeQuery = z.object({ communeCode: z.string().regex(/^\d{5}$/) });
const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

/**
 * Officers' tracing API (behind the admin token): visits of a venue or a commune in a time window, exposure
 * alerts to a venue's visitors, and the audit log. Every read of visit data is audited by the service;
 * the audit log itself can only be read (no update or delete route, by design).
 */
export function mountVisitsApi(
  router: ExpressRouter,
  deps: { tracing: TracingService; venues: VenueStore; audit: AuditStore; now?: () => Date },
): void {
  const now = deps.now ?? (() => new Date());

  router.get("/api/v1/venues/:id/visits", async (req: Request, res: Response) => {
    const window = windowOf(req.query.from, req.query.to);
    const venue = await found(deps.venues, req.params.id, res);
    const visits = await deps.tracing.venueVisits(actorOf(res), venue, window);
    res.json({
      venue: venueRef(venue),
      ...windowView(window),
      count: visits.length,
      visits: visits.map(visitView),
    });
  });

  router.get("/api/v1/visits", async (req: Request, res: Response) => {
    const query = communeQuery.safeParse(req.query);
    if (!query.success) throw new HttpError(400, "invalid_query", query.error.issues.slice(0, 3));
    if (!apiInScope(res, query.data.communeCode)) throw new HttpError(403, "out_of_scope");
    const window = windowOf(req.query.from, req.query.to);
    const rows = await deps.tracing.communeVisits(actorOf(res), query.data.communeCode, window);
    res.json({
      communeCode: query.data.communeCode,
      ...windowView(window),
      count: rows.length,
      visits: rows.map(({ visit, venue }) => ({ ...visitView(visit), venue: venueRef(venue) })),
    });
  });

  router.post("/api/v1/venues/:id/alerts", async (req: Request, res: Response) => {
    const body = (typeof req.body === "object" && req.body !== null ? req.body : {}) as Record<
      string,
      unknown
    >;
    const window = windowOf(body.from, body.to);
    const venue = await found(deps.venues, req.params.id, res);
    const outcome = await deps.tracing.alertVisitors(actorOf(res), venue, window);
    res.status(outcome.queued > 0 ? 201 : 200).json({
      ...outcome,
      phoneOnly: outcome.phoneOnly.map((p) => ({ ...p, visitedAt: p.visitedAt.toISOString() })),
    });
  });

  router.get("/api/v1/audit", async (req: Request, res: Response) => {
    const query = auditQuery.safeParse(req.query);
    if (!query.success) throw new HttpError(400, "invalid_query", query.error.issues.slice(0, 3));
    // Without a window: the last 31 days (the same bound as tracing windows).
    const to = now();
    const window =
      req.query.from === undefined && req.query.to === undefined
        ? { from: new Date(to.getTime() - 31 * 24 * 3600 * 1000), to: new Date(to.getTime() + 1000) }
        : windowOf(req.query.from, req.query.to);
    const rows = await deps.audit.list({ ...window, limit: query.data.limit });
    res.json({
      ...windowView(window),
      entries: rows.map((r) => ({
        ...r,
        windowFrom: r.windowFrom?.toISOString() ?? null,
        windowTo: r.windowTo?.toISOString() ?? null,
        createdAt: r.createdAt.toISOString(),
      })),
    });
  });
}

function windowOf(from: unknown, to: unknown): TimeWindow {
  const parsed = parseWindow(from, to);
  if (!parsed.ok) throw new HttpError(400, "invalid_window", parsed.error);
  return parsed.window;
}

function actorOf(res: Response): string {
  return apiActorOf(res)?.id ?? "unknown";
}

/** The venue, or 404 when there is none or it is outside the caller's communes (as in the chat's /trace). */
async function found(store: VenueStore, id: unknown, res: Response): Promise<VenueRecord> {
  const venue = typeof id === "string" ? await store.findById(id) : null;
  if (!venue || !apiInScope(res, venue.communeCode)) throw new HttpError(404, "venue_not_found");
  return venue;
}

function venueRef(v: VenueRecord) {
  return { id: v.id, code: v.code, name: v.name, communeCode: v.communeCode, address: v.address };
}

function windowView(w: TimeWindow) {
  return { from: w.from.toISOString(), to: w.to.toISOString() };
}

function visitView(v: VisitRecord) {
  return {
    id: v.id,
    visitedAt: v.visitedAt.toISOString(),
    phone: v.phone,
    name: v.name,
    source: v.source,
    byChat: v.contactId !== null,
    answers: v.answers,
    flagged: v.flagged,
  };
}
