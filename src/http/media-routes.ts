import type { Router as ExpressRouter } from "express";
import type { MediaStore } from "../core/ports";

/**
 * GET /media/:id serves generated files (QR images, posters) by their unguessable id until they expire.
 * Zalo Bot sends photos by URL, and the web chat shows them inline.
 */
export function mountMedia(router: ExpressRouter, media: MediaStore): void {
  router.get("/media/:id", async (req, res) => {
    const id = req.params.id;
    const file = /^[A-Za-z0-9_-]{16,64}$/.test(id) ? await media.get(id, new Date()) : null;
    if (!file) return void res.status(404).json({ error: "not_found" });
    res.setHeader("Content-Type", file.contentType);
    res.setHeader("Cache-Control", "private, max-age=3600");
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Content-Disposition", `inline; filename="${encodeURIComponent(file.filename)}"`);
    res.send(file.data);
  });
}
