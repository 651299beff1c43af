import type { Router as ExpressRouter } from "express";
import type { VenueService } from "../features/venues/venue-service";
import type { VenueStore } from "../features/venues/venue-store";

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/**
 * GET /c/:code — where a venue's QR code points. Until check-in is built (its own issue) it shows the venue,
 * so a printed poster already leads somewhere meaningful; unknown or paused codes get a friendly 404.
 */
export function mountCheckinPage(
  router: ExpressRouter,
  deps: { venues: VenueStore; service: VenueService },
): void {
  router.get("/c/:code", async (req, res) => {
    const code = req.params.code.toUpperCase();
    const venue = /^[2-9A-Z]{6,16}$/.test(code) ? await deps.venues.findByCode(code) : null;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    if (!venue?.active) {
      res
        .status(404)
        .send(
          page(
            "Không tìm thấy địa điểm",
            `<p>Mã địa điểm này không tồn tại hoặc đã ngừng hoạt động.</p><p lang="en">This venue code does not exist or is no longer active.</p>`,
          ),
        );
      return;
    }
    res.send(
      page(
        venue.name,
        `<p>${escapeHtml(venue.address)}, ${escapeHtml(deps.service.communeName(venue.communeCode))}</p><p>Mã địa điểm: <strong>${escapeHtml(venue.code)}</strong></p>`,
      ),
    );
  });
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>body{font:17px/1.5 system-ui,sans-serif;margin:0;padding:20px;max-width:560px;margin:auto;color:#1b1f1d}h1{color:#0b6b3a;font-size:1.4em}</style></head><body><h1>${escapeHtml(title)}</h1>${body}<p><small>Đường dây nóng Bộ Y tế: 1900 9095</small></p></body></html>`;
}
