import { commandNames } from "../../core/command-names";
import { say, t } from "../../core/messages";
import type { Router } from "../../core/router";
import type { RequireOfficer } from "../officers/officers-feature";
import { type DashboardAuth, LOGIN_LINK_TTL_MS } from "./dashboard-auth";

/**
 * `/dashboard` (also `/bangdieukhien`): an officer receives a one-time login link to the web dashboard,
 * valid 10 minutes. The chat account is the identity: no password to forget or share.
 */
export function registerDashboard(
  router: Router,
  deps: { auth: DashboardAuth; requireOfficer: RequireOfficer; publicUrl: string },
): void {
  router.command(commandNames("dashboard"), async (ctx) => {
    const officer = await deps.requireOfficer(ctx, "dashboard");
    if (!officer) return;
    const token = await deps.auth.issueLoginToken(officer.id, ctx.now);
    ctx.reply(
      say(t("dashboard:chat.link", { minutes: LOGIN_LINK_TTL_MS / 60_000 })),
      say({ raw: `${deps.publicUrl}/admin/login/${token}` }),
    );
  });
}
