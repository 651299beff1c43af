import type { NextFunction, Request, Response } from "express";
import type { ApiTokens } from "../features/officers/api-tokens";
import type { OfficerRole } from "../features/officers/officer-store";
import { HttpError } from "./errors";
import { safeEqual } from "./safe-equal";

/**
 * Who made an officer API call, for scoping and audit records. `shared-token` is the district's
 * ADMIN_API_TOKEN (bootstrap and system integrations: the log cannot name a person behind it, so it is
 * audited as "admin-api"); `officer-token` is one officer's personal token, audited as that officer.
 */
export type ApiActor =
  | { kind: "shared-token"; id: "admin-api"; role: "admin"; communes: [] }
  | {
      kind: "officer-token";
      id: `officer:${string}`;
      tokenId: string;
      role: OfficerRole;
      communes: string[];
    };

/** Paths under /api/v1 that only admins may call with a personal token (the shared token may call all). */
const ADMIN_ONLY: { method?: string; path: RegExp }[] = [
  { path: /^\/officers(\/|$)/ },
  { path: /^\/audit(\/|$)/ },
  { path: /^\/reminders(\/|$)/ },
  { path: /^\/faq(\/|$)/ },
];

/**
 * `Authorization: Bearer <token>`: the shared ADMIN_API_TOKEN (compared in constant time) or an officer's
 * personal token (looked up by its SHA-256); 401 otherwise. A personal token of a non-admin is refused
 * admin-only paths (403); commune scope is checked by the routes ({@link apiInScope}). With neither a shared
 * token configured nor personal tokens, every call is 401, never open.
 */
export function requireAdminToken(token: string | undefined, tokens?: ApiTokens, now = () => new Date()) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.get("authorization") ?? "";
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    const refuse = () => {
      res.setHeader("WWW-Authenticate", 'Bearer realm="officers"');
      return new HttpError(401, "unauthorized");
    };
    if (token && safeEqual(presented, token)) {
      res.locals.actor = {
        kind: "shared-token",
        id: "admin-api",
        role: "admin",
        communes: [],
      } satisfies ApiActor;
      return next();
    }
    const personal = presented && tokens ? await tokens.verify(presented, now()) : null;
    if (!personal) throw refuse();
    const { officer, tokenId } = personal;
    res.locals.actor = {
      kind: "officer-token",
      id: `officer:${officer.id}`,
      tokenId,
      role: officer.role,
      communes: officer.communes,
    } satisfies ApiActor;
    if (
      officer.role !== "admin" &&
      ADMIN_ONLY.some((r) => (!r.method || r.method === req.method) && r.path.test(req.path))
    ) {
      throw new HttpError(403, "admin_only");
    }
    next();
  };
}

/** The caller of an API request (set by {@link requireAdminToken}). */
export function apiActorOf(res: Response): ApiActor | undefined {
  return res.locals.actor as ApiActor | undefined;
}

/** True when the caller may see data of `communeCode`: admins and officers without communes see all. */
export function apiInScope(res: Response, communeCode: string): boolean {
  const actor = apiActorOf(res);
  if (!actor) return false;
  return actor.role === "admin" || actor.communes.length === 0 || actor.communes.includes(communeCode);
}

/** The caller's communes when limited (a scoped officer's personal token), else undefined = all. */
export function apiScopeOf(res: Response): string[] | undefined {
  const actor = apiActorOf(res);
  return actor && actor.role !== "admin" && actor.communes.length > 0 ? actor.communes : undefined;
}
