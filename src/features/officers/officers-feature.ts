import { commandNames } from "../../core/command-names";
import { effectId } from "../../core/effect-id";
import type { Logger } from "../../core/logger";
import { type Button, namespace, say, type Text } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import type { ChatAuditAction } from "../checkin/audit-actions";
import type { AuditStore } from "../checkin/visit-store";
import type { OfficerService } from "./officer-service";
import type { OfficerRecord, OfficerRole } from "./officer-store";

const officerText = namespace("officers");

/**
 * Checks that the person is an active officer (or admin, when `role` is "admin"). Anyone else is told
 * "not allowed" and the attempt is logged by contact id and channel only (never a name or phone number).
 */
export type RequireOfficer = (
  ctx: TurnContext,
  what: ChatAuditAction,
  role?: OfficerRole,
) => Promise<OfficerRecord | undefined>;

/**
 * Builds the shared {@link RequireOfficer} check. Every officer action in chat passes through it, so it is
 * also where each one is audited (`chat.<what>`, actor `officer:<id>`): a named actor for every staff action.
 */
export function officerGuard(service: OfficerService, logger: Logger, audit: AuditStore): RequireOfficer {
  return async (ctx, what, role = "officer") => {
    const officer = await service.findActive(ctx.contact.id);
    if (officer && (role === "officer" || officer.role === "admin")) {
      await audit.append({
        actor: `officer:${officer.id}`,
        action: `chat.${what}`,
        resultCount: 0,
        effectId: effectId(ctx.turnKey, `audit:chat.${what}`),
      });
      return officer;
    }
    logger.warn(
      { contactId: ctx.contact.id, channel: ctx.inbound.channel, what, role: officer?.role ?? "none" },
      "officer-only action refused",
    );
    ctx.reply(say(officerText("notAllowed")));
    return undefined;
  };
}

/**
 * Communes typed after a command, by code or by name: "21040,21061", "21040 21061", "vạn tường, binh son",
 * "xã Bình Hải" (a former unit: the commune it is part of now). Names are separated by commas or semicolons.
 */
export function parseCommuneList(
  text: string,
  resolve: (typed: string) => string | undefined,
): { codes: string[]; unknown: string[] } {
  const parts = text
    .split(/[,;\n]+/)
    .flatMap((part) => (/^\s*\d{5}(\s+\d{5})*\s*$/.test(part) ? part.trim().split(/\s+/) : [part.trim()]))
    .filter((part) => part.length > 0);
  const codes: string[] = [];
  const unknown: string[] = [];
  for (const part of parts) {
    const code = resolve(part);
    if (code) codes.push(code);
    else unknown.push(part);
  }
  return { codes: [...new Set(codes)], unknown };
}

/**
 * Becoming an officer (`/officer <code>`), and for admins: `/invite officer|admin [communes]`, `/officers`
 * (the list, each with a revoke button).
 */
export function registerOfficers(
  router: Router,
  deps: {
    service: OfficerService;
    requireOfficer: RequireOfficer;
    /** A commune in force typed by code or name, as its code; undefined when there is none. */
    resolveCommune: (typed: string, now: Date) => string | undefined;
    /** A commune's name for the list ("Xã Bình Sơn" rather than 21040). */
    communeName?: (code: string) => string;
  },
): void {
  const { service, requireOfficer } = deps;

  router
    .command(commandNames("officer"), async (ctx) => {
      const code = ctx.event.type === "command" ? ctx.event.args.trim() : "";
      // Without a code, an officer gets the list of officer commands again; anyone else how to use a code.
      if (!code) {
        const mine = (await service.list()).find((x) => x.contactId === ctx.contact.id && !x.revokedAt);
        return ctx.reply(say(officerText(mine ? "help" : "redeem.usage")));
      }
      const result = await service.redeem(code, ctx.contact.id, ctx.now);
      if (typeof result === "string") return ctx.reply(say(officerText(`redeem.${result}`)));
      ctx.reply(say(officerText(`redeem.done.${result.role}`)), say(officerText("help")));
    })
    .command(commandNames("invite"), async (ctx) => {
      const admin = await requireOfficer(ctx, "invite", "admin");
      if (!admin) return;
      const [roleArg = "", ...rest] = (ctx.event.type === "command" ? ctx.event.args : "").split(/\s+/);
      const role = roleArg.toLowerCase();
      if (role !== "officer" && role !== "admin" && role !== "editor")
        return ctx.reply(say(officerText("invite.usage")));
      const { codes: communes, unknown } = parseCommuneList(rest.join(" "), (typed) =>
        deps.resolveCommune(typed, ctx.now),
      );
      if (unknown.length > 0)
        return ctx.reply(say(officerText("invite.unknownCommune", { codes: unknown.join(", ") })));
      const { code } = await service.invite({ role, communes, createdBy: ctx.contact.id, now: ctx.now });
      ctx.reply(say(officerText(`invite.created.${role}`, { hours: 72 })), say({ raw: `/officer ${code}` }));
    })
    .command(commandNames("officers"), async (ctx) => {
      if (!(await requireOfficer(ctx, "officers", "admin"))) return;
      const active = (await service.list()).filter((x) => !x.revokedAt);
      const rows: Button[][] = active
        .filter((x) => x.contactId !== ctx.contact.id)
        .map((x) => [
          {
            label: officerText("list.revoke", { name: nameOf(x), role: officerText(`list.role.${x.role}`) }),
            payload: `officers:revoke:${x.id}`,
          },
        ]);
      const lines = active.map((x) =>
        officerText("list.line", {
          name: nameOf(x),
          role: officerText(`list.role.${x.role}`),
          channel: CHANNEL_WORDS[x.channel ?? ""] ?? x.channel ?? "",
          communes:
            x.communes.map((c) => deps.communeName?.(c) ?? c).join(", ") || officerText("list.allCommunes"),
        }),
      );
      ctx.reply(say({ lines: [officerText("list.title", { count: active.length }), ...lines] }, rows));
    })
    .action("officers:revoke:", async (ctx) => {
      if (!(await requireOfficer(ctx, "revoke", "admin"))) return;
      const revoked = await service.revoke(buttonPayload(ctx).slice("officers:revoke:".length), ctx.now);
      ctx.reply(
        say(
          officerText(revoked ? "list.revoked" : "list.notFound", { name: revoked ? nameOf(revoked) : "" }),
        ),
      );
    });
}

/** Channel names as officers say them. */
const CHANNEL_WORDS: Record<string, string> = {
  telegram: "Telegram",
  "zalo-oa": "Zalo OA",
  "zalo-bot": "Zalo Bot",
  webchat: "Web chat",
};

/** The chat name, or (web chat has none) a recognisable label from the officer's id, never a bare dash. */
function nameOf(x: { id: string; displayName?: string | null }): Text {
  return x.displayName ? { raw: x.displayName } : officerText("list.unnamed", { id: x.id.slice(0, 6) });
}
