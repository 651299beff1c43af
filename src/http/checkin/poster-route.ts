import type { Router as ExpressRouter, Request, Response } from "express";
import type { VenueService } from "../../features/venues/venue-service";
import type { VenueStore } from "../../features/venues/venue-store";
import { HttpError } from "../errors";

/**
 * GET /c/:code/poster.pdf: a venue's poster at a URL that stays valid as long as the venue exists, for the
 * channels that send it as a link (Zalo): the /media copy expires after 24 h. The poster shows only what
 * hangs on the venue's wall (name, address, QR of the public check-in page), so it needs no token.
 */
export function mountPosterRoute(
  router: ExpressRouter,
  deps: { venues: VenueStore; venueService: VenueService },
): void {
  router.get("/c/:code/poster.pdf", async (req: Request, res: Response) => {
    const code = String(req.params.code).toUpperCase();
    const venue = /^[2-9A-Z]{6,16}$/.test(code) ? await deps.venues.findByCode(code) : null;
    if (!venue) throw new HttpError(404, "not_found");
    const pdf = await deps.venueService.renderPoster(venue);
    res
      .type("application/pdf")
      .set("Cache-Control", "public, max-age=3600")
      .set("Content-Disposition", `inline; filename="poster-${venue.code}.pdf"`)
      .send(pdf);
  });
}
