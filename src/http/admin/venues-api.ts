import type { Router as ExpressRouter, Request, Response } from "express";
import { z } from "zod";
import type { TextRenderer } from "../../core/renderer";
import type { District } from "../../features/venues/district";
import { validateVenueDetails } from "../../features/venues/venue-fields";
import type { VenueService } from "../../features/venues/venue-service";
import type { VenueRecord, VenueStore } from "../../features/venues/venue-store";
import { apiInScope, apiScopeOf } from "../admin-auth";
import { HttpError } from "../errors";

const listQuery = z.object({
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/**
 * Officers' venue API (behind the admin token): register, list by commune with paging, and download a
 * venue's QR image and A4 poster. The same field rules as the chat flow; errors name each bad field.
 */
export function mountVenuesApi(
  router: ExpressRouter,
  deps: { service: VenueService; store: VenueStore; district: District; texts: TextRenderer },
): void {
  router.post("/api/v1/venues", async (req: Request, res: Response) => {
    const body: unknown = req.body;
    if (typeof body !== "object" || body === null || Array.isArray(body))
      throw new HttpError(400, "invalid_venue");
    const result = validateVenueDetails(body as Record<string, unknown>, deps.district);
    if (!result.ok) {
      const fields = Object.fromEntries(
        Object.entries(result.errors).map(([field, key]) => [
          field,
          { code: key, message: deps.texts.render({ key: `venues:${key}` }, "en") },
        ]),
      );
      throw new HttpError(400, "invalid_venue", fields);
    }
    if (!apiInScope(res, result.details.communeCode)) throw new HttpError(403, "out_of_scope");
    const venue = await deps.service.register(result.details, null);
    res.status(201).json({ id: venue.id, code: venue.code, checkinUrl: deps.service.checkinUrl(venue.code) });
  });

  router.get("/api/v1/venues", async (req: Request, res: Response) => {
    const query = listQuery.safeParse(req.query);
    if (!query.success) throw new HttpError(400, "invalid_query", query.error.issues.slice(0, 3));
    const { communeCode, page, pageSize } = query.data;
    // A scoped officer's token lists one of their communes at a time.
    if (apiScopeOf(res) && (!communeCode || !apiInScope(res, communeCode))) {
      throw new HttpError(403, "out_of_scope", { communeCode: `one of: ${apiScopeOf(res)?.join(",")}` });
    }
    const { items, total } = await deps.store.list({
      ...(communeCode ? { communeCode } : {}),
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    res.json({ items: items.map((v) => view(v, deps.service)), total, page, pageSize });
  });

  router.get("/api/v1/venues/:id/qr.png", async (req: Request, res: Response) => {
    const venue = await found(deps.store, req.params.id, res);
    res.type("image/png").send(await deps.service.renderQr(venue));
  });

  router.get("/api/v1/venues/:id/poster.pdf", async (req: Request, res: Response) => {
    const venue = await found(deps.store, req.params.id, res);
    res.type("application/pdf");
    res.setHeader("Content-Disposition", `attachment; filename="poster-${venue.code}.pdf"`);
    res.send(await deps.service.renderPoster(venue));
  });
}

/** The venue, or 404 when there is none or it is outside the caller's communes (as in the chat's /trace). */
async function found(store: VenueStore, id: unknown, res: Response): Promise<VenueRecord> {
  const venue = typeof id === "string" ? await store.findById(id) : null;
  if (!venue || !apiInScope(res, venue.communeCode)) throw new HttpError(404, "venue_not_found");
  return venue;
}

function view(v: VenueRecord, service: VenueService) {
  return {
    id: v.id,
    code: v.code,
    name: v.name,
    category: v.category,
    communeCode: v.communeCode,
    communeName: service.communeName(v.communeCode, v.createdAt),
    address: v.address,
    contactName: v.contactName,
    contactPhone: v.contactPhone,
    active: v.active,
    createdAt: v.createdAt.toISOString(),
    checkinUrl: service.checkinUrl(v.code),
  };
}
