import { commandNames } from "../../core/command-names";
import { effectId } from "../../core/effect-id";
import { type Button, namespace, say } from "../../core/messages";
import { buttonPayload, type Router } from "../../core/router";
import { formatVietnamTime } from "../../core/vietnam-time";
import type { AuditStore } from "../checkin/visit-store";
import type { ApiTokens } from "./api-tokens";
import type { RequireOfficer } from "./officers-feature";

const officerText = namespace("officers", "tokens.");
const REVOKE = "apitoken:revoke:";

/**
 * `/apitokens` (`/maapi`) in chat: the officer's personal API tokens (an admin's: everyone's) with a revoke
 * button each. New tokens are made on the dashboard only: a token sent in chat would be stored with the
 * messages (outbox, web chat history) and stay in the chat app's history.
 */
export function registerApiTokensChat(
  router: Router,
  deps: { tokens: ApiTokens; audit: AuditStore; requireOfficer: RequireOfficer },
): void {
  router.command(commandNames("apiTokens"), async (ctx) => {
    const officer = await deps.requireOfficer(ctx, "apitokens");
    if (!officer) return;
    const tokens = await deps.tokens.list(officer);
    const active = tokens.filter((x) => !x.revokedAt);
    const lines = active.map((x) =>
      officerText("line", {
        id: x.id.slice(0, 8),
        created: formatVietnamTime(x.createdAt, ctx.lang),
        used: x.lastUsedAt ? formatVietnamTime(x.lastUsedAt, ctx.lang) : "—",
      }),
    );
    const buttons: Button[][] = active
      .slice(0, 10)
      .map((x) => [
        { label: officerText("revokeOne", { id: x.id.slice(0, 8) }), payload: `${REVOKE}${x.id}` },
      ]);
    ctx.reply(
      say(
        {
          lines: [
            active.length > 0 ? officerText("list") : officerText("none"),
            ...lines,
            officerText("howToCreate"),
          ],
        },
        buttons,
      ),
    );
  });

  router.action(REVOKE, async (ctx) => {
    const officer = await deps.requireOfficer(ctx, "apitoken-revoke");
    if (!officer) return;
    const id = buttonPayload(ctx).slice(REVOKE.length);
    const outcome = await deps.tokens.revoke(id, officer, ctx.now);
    if (outcome === "revoked") {
      await deps.audit.append({
        actor: `officer:${officer.id}`,
        action: "apitoken.revoke",
        subject: id,
        resultCount: 1,
        effectId: effectId(ctx.turnKey, "audit:apitoken.revoke"),
      });
    }
    ctx.reply(say(officerText(outcome, { id: id.slice(0, 8) })));
  });
}
