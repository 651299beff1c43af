import type { Router as ExpressRouter, Request, Response } from "express";
import { z } from "zod";
import type { DirectiveStore } from "../../features/directives/directive-store";
import { directiveSchema } from "../../features/directives/directive-store";
import type { OfficerService } from "../../features/officers/officer-service";
import { OFFICER_ROLES } from "../../features/officers/officer-store";
import { type District, findUnit } from "../../features/venues/district";
import { HttpError } from "../errors";
import { fieldErrors } from "./broadcasts-api";

const inviteSchema = z.object({
  role: z.enum(OFFICER_ROLES),
  communes: z.array(z.string().regex(/^\d{5}$/)).default([]),
});

/** Officers (invite, list, revoke) and the directives register over the admin API. */
export function mountOfficersApi(
  router: ExpressRouter,
  deps: { officers: OfficerService; directives: DirectiveStore; district: District },
): void {
  router.post("/api/v1/officers/invites", async (req: Request, res: Response) => {
    const parsed = inviteSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw new HttpError(400, "invalid_invite", fieldErrors(parsed.error));
    const unknown = parsed.data.communes.filter((c) => !findUnit(deps.district, c));
    if (unknown.length) throw new HttpError(400, "invalid_invite", { communes: `unknown: ${unknown}` });
    const invite = await deps.officers.invite({ ...parsed.data, createdBy: "api", now: new Date() });
    // The code is in this response only; the database keeps its hash.
    res.status(201).json({ code: invite.code, expiresAt: invite.expiresAt.toISOString() });
  });

  router.get("/api/v1/officers", async (_req: Request, res: Response) => {
    const items = (await deps.officers.list()).map((o) => ({
      id: o.id,
      contactId: o.contactId,
      channel: o.channel,
      displayName: o.displayName,
      role: o.role,
      communes: o.communes,
      createdAt: o.createdAt.toISOString(),
      revokedAt: o.revokedAt?.toISOString() ?? null,
    }));
    res.json({ items });
  });

  router.post("/api/v1/officers/:id/revoke", async (req: Request, res: Response) => {
    const revoked = await deps.officers.revoke(String(req.params.id), new Date());
    if (!revoked) throw new HttpError(404, "officer_not_found");
    res.json({ id: revoked.id, revokedAt: revoked.revokedAt?.toISOString() ?? null });
  });

  router.post("/api/v1/directives", async (req: Request, res: Response) => {
    const parsed = directiveSchema.safeParse(req.body);
    if (!parsed.success) throw new HttpError(400, "invalid_directive", fieldErrors(parsed.error));
    const saved = await deps.directives.add({ ...parsed.data, id: crypto.randomUUID(), createdBy: "api" });
    res.status(201).json({ id: saved.id });
  });

  router.get("/api/v1/directives", async (_req: Request, res: Response) => {
    res.json({ items: await deps.directives.latest(50) });
  });
}
