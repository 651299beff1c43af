import { commandNames } from "../../core/command-names";
import { effectId } from "../../core/effect-id";
import { foldText } from "../../core/fold-text";
import type { Logger } from "../../core/logger";
import { maskPhonesIn } from "../../core/mask-phones";
import { namespace, say, type Text, t } from "../../core/messages";
import {
  countAll,
  type DataCounts,
  type DataSubject,
  eraseAll,
  type PersonalDataHolder,
} from "../../core/personal-data";
import type { Router, TurnContext } from "../../core/router";
import { formatVietnamTime } from "../../core/vietnam-time";
import type { AuditStore } from "../checkin/visit-store";
import type { OfficerService } from "../officers/officer-service";
import { formatPhoneForDisplay } from "../venues/phone";
import type { AccessLog } from "./access-log";

const privacyText = namespace("privacy");

/** Typed on their own (folded: no diacritics, lower case), these ask to erase everything. */
const ERASE_WORDS = new Set(
  [
    "xóa dữ liệu của tôi",
    "xoá dữ liệu của tôi",
    "xóa dữ liệu",
    "xóa hết dữ liệu của tôi",
    "xóa thông tin của tôi",
    "xóa tài khoản",
    "delete my data",
    "erase my data",
    "forget me",
  ].map(foldText),
);
/** …and these ask what is kept ("who has seen my check-ins" answers with the same summary). */
const ACCESS_WORDS = new Set(
  [
    "dữ liệu của tôi",
    "thông tin của tôi",
    "bạn lưu gì về tôi",
    "ai đã xem khai báo của tôi",
    "ai xem khai báo của tôi",
    "my data",
    "what do you store about me",
    "who viewed my data",
    "who has seen my check-ins",
  ].map(foldText),
);

export interface RetentionDays {
  visits: number;
  messages: number;
  questions: number;
  ratings: number;
  tickets: number;
  surveys: number;
  reminders: number;
}

export interface PrivacyDeps {
  /** Every feature's holders, in erase order (the contact row last); read at request time. */
  holders: () => PersonalDataHolder[];
  access: AccessLog;
  audit: AuditStore;
  officers: OfficerService;
  retention: RetentionDays;
  communeName: (code: string) => string;
  /** The phone numbers the person gave (shown masked in the summary). */
  phonesOf: (contactId: string) => Promise<string[]>;
  logger: Logger;
}

/**
 * Erasure and access on request, on every channel (issue 16, docs/adr/019-erasure-and-access.md):
 * `/xoadulieu`, `/forgetme` or the words say what will be erased and kept, ask once, then erase through
 * every {@link PersonalDataHolder} and send a receipt; `/dulieucuatoi`, `/mydata` list what is kept, for how
 * long, and which officers' traces included the person's check-ins. A Zalo OA `user_withdraw` erases without
 * asking (the person already asked Zalo) and sends nothing.
 */
export function registerPrivacy(router: Router, deps: PrivacyDeps): void {
  const subjectOf = (ctx: TurnContext): DataSubject => ({
    contactId: ctx.contact.id,
    channel: ctx.inbound.channel,
    externalId: ctx.inbound.externalId,
  });

  const askErase = async (ctx: TurnContext) => {
    if (await deps.officers.findActive(ctx.contact.id)) return ctx.reply(say(privacyText("erase.officer")));
    const counts = await countAll(deps.holders(), subjectOf(ctx));
    const venues = counts.find((c) => c.kind === "venues")?.count ?? 0;
    ctx.reply(
      say(
        {
          lines: [
            privacyText("erase.intro"),
            ...countLines(counts),
            privacyText("erase.kept"),
            ...(venues > 0 ? [privacyText("erase.venueKept", { count: venues })] : []),
            privacyText("erase.confirm"),
          ],
        },
        [
          [
            { label: privacyText("erase.yes"), payload: "privacy:erase:yes", answers: "yes" },
            { label: privacyText("erase.no"), payload: "privacy:erase:no", answers: "no" },
          ],
        ],
      ),
    );
  };

  const erase = async (ctx: TurnContext) => {
    if (await deps.officers.findActive(ctx.contact.id)) return ctx.reply(say(privacyText("erase.officer")));
    const counts = await eraseNow(subjectOf(ctx), "citizen", ctx.turnKey);
    // The contact row is gone: nothing of this turn may write a dialog for it again.
    ctx.endDialog();
    ctx.reply(
      say({
        lines: [
          privacyText("erase.done"),
          ...countLines(counts),
          privacyText("erase.after", { days: deps.retention.messages }),
        ],
      }),
    );
  };

  /** Erases and records that an erasure happened: the channel and the count, nothing about the person. */
  const eraseNow = async (subject: DataSubject, actor: string, turnKey?: string): Promise<DataCounts> => {
    const counts = await eraseAll(deps.holders(), subject);
    const total = counts.reduce((sum, c) => sum + c.count, 0);
    await deps.audit.append({
      actor,
      action: "privacy.erase",
      subject: subject.channel,
      resultCount: total,
      ...(turnKey ? { effectId: effectId(turnKey, "audit:privacy.erase") } : {}),
    });
    deps.logger.info({ channel: subject.channel, counts }, "personal data erased on request");
    return counts;
  };

  const showAccess = async (ctx: TurnContext) => {
    const subject = subjectOf(ctx);
    const [counts, phones, views] = await Promise.all([
      countAll(deps.holders(), subject),
      deps.phonesOf(subject.contactId),
      deps.access.viewsOf(subject.contactId, 20),
    ]);
    const lines: Text[] = [privacyText("access.intro")];
    for (const c of counts)
      lines.push(privacyText(`access.kinds.${c.kind}`, { count: c.count, ...deps.retention }));
    if (phones.length > 0) {
      lines.push(
        privacyText("access.phones", {
          phones: phones.map((n) => maskPhonesIn(formatPhoneForDisplay(n))).join(", "),
        }),
      );
    }
    lines.push(views.length > 0 ? privacyText("access.viewedBy") : privacyText("access.notViewed"));
    for (const v of views) {
      const scope =
        v.by === "shared-token"
          ? privacyText("access.sharedToken")
          : v.communes.length > 0
            ? privacyText(`access.${v.by}In`, { communes: v.communes.map(deps.communeName).join(", ") })
            : privacyText(`access.${v.by}District`);
      lines.push(
        privacyText("access.view", {
          at: formatVietnamTime(v.at, ctx.lang),
          who: scope,
          what: privacyText(`access.actions.${v.action.replace(".", "_")}`),
        }),
      );
    }
    lines.push(privacyText("access.howToErase"));
    ctx.reply(say({ lines }));
  };

  router
    .command(commandNames("erase"), askErase)
    .command(commandNames("myData"), showAccess)
    .action("privacy:erase:yes", erase)
    .action("privacy:erase:no", (ctx) => {
      ctx.reply(say(privacyText("erase.cancelled")));
    })
    // Zalo OA's user_withdraw: the person asked Zalo to remove their data from this OA. No question, no
    // message (they withdrew consent to be written to), the same erasure and audit row.
    .on("withdraw", async (ctx) => {
      if (await deps.officers.findActive(ctx.contact.id)) {
        deps.logger.warn(
          { channel: ctx.inbound.channel },
          "withdrawal of an active officer: role kept, revoke by hand",
        );
        return ctx.markUnreachable();
      }
      await eraseNow(subjectOf(ctx), `${ctx.inbound.channel}:withdraw`, ctx.turnKey);
      ctx.endDialog();
    });

  // Requests in words, outside a flow; before the FAQ, which would read them as questions.
  router.fallback(async (ctx, next) => {
    const text = ctx.event.type === "text" ? foldText(ctx.event.text.trim().replace(/[.!?]+$/, "")) : "";
    if (ERASE_WORDS.has(text)) return askErase(ctx);
    if (ACCESS_WORDS.has(text)) return showAccess(ctx);
    return next();
  });
}

function countLines(counts: DataCounts): Text[] {
  return counts.map((c) => t("privacy:countLine", { kind: t(`privacy:kinds.${c.kind}`), count: c.count }));
}
