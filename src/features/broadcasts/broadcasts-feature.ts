import { say, t } from "../../core/messages";
import type { Router, TurnContext } from "../../core/router";
import type { RequireOfficer } from "../officers/officers-feature";
import type { District } from "../venues/district";
import type { BroadcastService } from "./broadcast-service";
import { BROADCAST_FLOW, createComposerFlow } from "./composer-flow";

/** `/broadcast` (officers): the composer flow. */
export function registerBroadcasts(
  router: Router,
  deps: {
    service: BroadcastService;
    district: District;
    requireOfficer: RequireOfficer;
    showMenu: (ctx: TurnContext) => void;
    onCreated: () => void;
  },
): void {
  router.flow(createComposerFlow(deps));
  router.command(["broadcast", "guitin"], async (ctx) => {
    const officer = await deps.requireOfficer(ctx, "broadcast");
    if (!officer) return;
    ctx.enter(BROADCAST_FLOW, "text", { scope: officer.communes });
    ctx.reply(say(t("broadcasts:compose.askText")));
  });
}
