import type { NextFunction, Request, Response } from "express";
import { HttpError } from "./errors";
import { safeEqual } from "./safe-equal";

/** Who made an officer API call, for audit records. The bearer token stands for the district's admin system. */
export interface ApiActor {
  kind: "api-token";
  id: "admin-api";
}

/**
 * `Authorization: Bearer $ADMIN_API_TOKEN`, compared in constant time; 401 otherwise. When no token is
 * configured the officers' API is off: every call is 401, never open.
 */
export function requireAdminToken(token: string | undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get("authorization") ?? "";
    const presented = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token || !safeEqual(presented, token)) {
      res.setHeader("WWW-Authenticate", 'Bearer realm="officers"');
      throw new HttpError(401, "unauthorized");
    }
    res.locals.actor = { kind: "api-token", id: "admin-api" } satisfies ApiActor;
    next();
  };
}
