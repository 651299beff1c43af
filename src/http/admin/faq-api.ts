import type { Router as ExpressRouter, Request, Response } from "express";
import { z } from "zod";
import type { FaqStore } from "../../features/faq/faq-store";
import { HttpError } from "../errors";

const query = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** GET /api/v1/faq/unanswered: what the bot could not answer, most asked first, for officers to add topics. */
export function mountFaqApi(router: ExpressRouter, deps: { store: FaqStore }): void {
  router.get("/api/v1/faq/unanswered", async (req: Request, res: Response) => {
    const q = query.safeParse(req.query);
    if (!q.success) throw new HttpError(400, "invalid_query", q.error.issues.slice(0, 3));
    const rows = await deps.store.listUnanswered(q.data.limit);
    res.json({
      items: rows.map((r) => ({ text: r.text, count: r.count, lastAskedAt: r.lastAskedAt.toISOString() })),
    });
  });
}
