import type { NextFunction, Request, Response } from "express";
import type { AuditStore } from "../features/checkin/visit-store";

/**
 * Audits every request a member of staff makes under a prefix (the officers' API, the dashboard), once its
 * answer is sent: who (`actor(res)`; requests without a staff actor are not staff actions), which route
 * (its pattern, so no id or query string lands in the action), the id it was about, and the HTTP status as
 * the result. A failed append is logged, never turned into a failed request after the fact.
 */
export function auditRequests(
  audit: AuditStore,
  kind: "api" | "dashboard",
  actor: (res: Response) => string | undefined,
  onError: (error: unknown) => void,
  skip: (req: Request) => boolean = () => false,
) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (skip(req)) {
      next();
      return;
    }
    res.on("finish", () => {
      const who = actor(res);
      if (!who) return;
      const route = (req.route as { path?: unknown } | undefined)?.path;
      const pattern = typeof route === "string" ? route : "(no route)";
      const id = (req.params as Record<string, unknown> | undefined)?.id;
      audit
        .append({
          actor: who,
          action: `${kind} ${req.method} ${pattern}`,
          subject: typeof id === "string" && id.length <= 64 ? id : null,
          resultCount: res.statusCode,
        })
        .catch(onError);
    });
    next();
  };
}
