import type { Router as ExpressRouter, Request, Response } from "express";
import { z } from "zod";
import { audienceSchema, broadcastTextSchema } from "../../features/broadcasts/audience";
import type { BroadcastService } from "../../features/broadcasts/broadcast-service";
import { type RecurringReminders, recurringSchema } from "../../features/broadcasts/recurring";
import { type District, findUnit } from "../../features/venues/district";
import { apiActorOf, apiScopeOf } from "../admin-auth";
import { HttpError } from "../errors";

const createSchema = z.object({
  text: broadcastTextSchema,
  textEn: broadcastTextSchema.optional(),
  audience: audienceSchema,
  sendAt: z.iso.datetime({ offset: true }).optional(),
});

/** Field errors as `{ "audience.communes.0": "…" }`, the shape every 400 of this API uses. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[issue.path.join(".") || "body"] ??= issue.message;
  return out;
}

function checkCommunes(communes: string[] | undefined, district: District): void {
  const unknown = (communes ?? []).filter((c) => !findUnit(district, c));
  if (unknown.length)
    throw new HttpError(400, "invalid_broadcast", { "audience.communes": `unknown: ${unknown}` });
}

/**
 * Broadcasts over the admin API: create (now or at `sendAt`), read status and counts, cancel. Recurring
 * reminders: create, list, stop.
 */
export function mountBroadcastsApi(
  router: ExpressRouter,
  deps: { service: BroadcastService; recurring: RecurringReminders; district: District; kick: () => void },
): void {
  router.post("/api/v1/broadcasts", async (req: Request, res: Response) => {
    const parsed = createSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, "invalid_broadcast", fieldErrors(parsed.error));
    checkCommunes(parsed.data.audience.communes, deps.district);
    const { text, textEn, audience, sendAt } = parsed.data;
    // An officer scoped to some communes reaches only their subscribers, as in the chat composer.
    const scope = apiScopeOf(res);
    if (scope && (audience.all || !audience.communes?.every((c) => scope.includes(c)))) {
      throw new HttpError(403, "out_of_scope", { "audience.communes": `allowed: ${scope.join(",")}` });
    }
    const created = await deps.service.create({
      text,
      textEn: textEn ?? null,
      audience,
      sendAt: sendAt ? new Date(sendAt) : new Date(),
      createdBy: apiActorOf(res)?.kind === "officer-token" ? (apiActorOf(res)?.id ?? "api") : "api",
    });
    deps.kick();
    res.status(201).json({ id: created.id, status: created.status, sendAt: created.sendAt.toISOString() });
  });

  router.get("/api/v1/broadcasts/:id", async (req: Request, res: Response) => {
    const broadcast = await deps.service.get(String(req.params.id));
    if (!broadcast) throw new HttpError(404, "broadcast_not_found");
    res.json({
      id: broadcast.id,
      status: broadcast.status,
      sendAt: broadcast.sendAt.toISOString(),
      finishedAt: broadcast.finishedAt?.toISOString() ?? null,
      counts: await deps.service.counts(broadcast),
    });
  });

  router.post("/api/v1/broadcasts/:id/cancel", async (req: Request, res: Response) => {
    const id = String(req.params.id);
    const cancelled = await deps.service.cancel(id, new Date());
    if (!cancelled) {
      const existing = await deps.service.get(id);
      if (!existing) throw new HttpError(404, "broadcast_not_found");
      throw new HttpError(409, "broadcast_finished", { status: existing.status });
    }
    res.json({ id, status: cancelled.status, counts: await deps.service.counts(cancelled) });
  });

  router.post("/api/v1/reminders", async (req: Request, res: Response) => {
    const parsed = recurringSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, "invalid_reminder", fieldErrors(parsed.error));
    checkCommunes(parsed.data.audience.communes, deps.district);
    const created = await deps.recurring.create(parsed.data, "api", new Date());
    res.status(201).json({ id: created.id, nextRunAt: created.nextRunAt.toISOString() });
  });

  router.get("/api/v1/reminders", async (_req: Request, res: Response) => {
    res.json({
      items: (await deps.recurring.list()).map((r) => ({ ...r, nextRunAt: r.nextRunAt.toISOString() })),
    });
  });

  router.post("/api/v1/reminders/:id/stop", async (req: Request, res: Response) => {
    if (!(await deps.recurring.deactivate(String(req.params.id), "api")))
      throw new HttpError(404, "reminder_not_found");
    res.json({ id: req.params.id, active: false });
  });
}
