import { commandName } from "../../core/command-names";
import { say, t } from "../../core/messages";
import type { Router, TurnContext } from "../../core/router";
import { readIntent } from "../../core/understanding/intent";
import { readNavigation } from "../../core/understanding/navigation";
import { type OfficerRequest, readOfficerRequest } from "../../core/understanding/officer-request";
import { looksLikeQuestion } from "../../core/understanding/question";
import { readSmallTalk } from "../../core/understanding/small-talk";

/** The command each officer request in words stands for. */
const OFFICER_COMMANDS: Record<OfficerRequest, string> = {
  broadcast: commandName("broadcast"),
  trace: commandName("trace"),
  dashboard: commandName("dashboard"),
  survey: commandName("survey"),
  "officer-menu": commandName("officer"),
  tickets: commandName("tickets"),
};

/**
 * What people type outside any flow that is not a question: greetings, thanks, "có ai không", emoji — a short
 * friendly answer and the menu instead of "not understood"; and requests said in words — stop or start
 * reminders, register a venue, a venue code from a poster, erase my data, a person — answered as if the
 * matching button or command had been used (asking first where the step cannot be undone lightly).
 * Listed before the FAQ, whose matching would otherwise read "đừng gửi nữa" as a question.
 */
export function registerSmallTalk(
  router: Router,
  deps: {
    showMenu: (ctx: TurnContext) => void;
    isOfficer?: (contactId: string) => Promise<boolean>;
    /** Whether the person registered a venue: "mã QR của tôi" is then theirs, not a PC-Covid code. */
    ownsVenues?: (contactId: string) => Promise<boolean>;
  },
): void {
  router.fallback(async (ctx, next) => {
    if (ctx.event.type !== "text") return next();
    const text = ctx.event.text;
    // An officer typing "gửi thông báo" wants the composer; only officers are asked (the check is a query).
    const request = readOfficerRequest(text);
    const command = request ? OFFICER_COMMANDS[request.request] : undefined;
    if (request && command && router.findCommand(command)) {
      if (await deps.isOfficer?.(ctx.contact.id))
        return ctx.redirect({ type: "command", command, args: request.args });
      // "menu cán bộ" from anyone else: the FAQ would read "bò" (cow). They are told whom it is for, how an
      // officer gets in, and — since "cán bộ" alone may mean "I want an officer" — offered one.
      if (request.request === "officer-menu") return officersOnly(ctx, !!router.findAction("handover:start"));
    }
    let intent = readIntent(text);
    if (intent?.kind === "own-venues" && !intent.sure && !(await deps.ownsVenues?.(ctx.contact.id))) {
      // "mã QR của tôi" from someone with no venue here: their PC-Covid code, or a venue code they think
      // they have. Asked rather than guessed: either guess answers the other person wrongly.
      if (router.findAction(PERSONAL_QR_TOPIC) && router.findAction("venues:start")) return whichCode(ctx);
      intent = readIntent(text, { notOwner: true });
    }
    if (intent) {
      switch (intent.kind) {
        case "unsubscribe":
          return ctx.reply(
            say(t("intents.confirmUnsubscribe"), [
              [
                { label: t("intents.unsubscribeYes"), payload: "subs:off", answers: "yes" },
                { label: t("intents.no"), payload: "menu:main", answers: "no" },
              ],
            ]),
          );
        case "subscribe":
          return ctx.redirect({ type: "button", payload: "subs:on" });
        case "register-venue":
          // "tôi muốn đăng ký mã QR cho quán": started at once, so the name typed next is the name. A question
          // about it ("đăng ký mã QR có mất phí không") is offered the registration instead.
          if (!looksLikeQuestion(text) && router.findAction("venues:start"))
            return ctx.redirect({ type: "button", payload: "venues:start" });
          return ctx.reply(
            say(t("intents.offerRegistration"), [
              [
                { label: t("intents.registerYes"), payload: "venues:start", answers: "yes" },
                { label: t("intents.no"), payload: "menu:main", answers: "no" },
              ],
            ]),
          );
        case "dose-reminder":
          // The follow-ups feature, when it is in the list, asks for the last dose's date.
          if (router.findAction("doses:start"))
            return ctx.redirect({ type: "button", payload: "doses:start" });
          break;
        case "language":
          return ctx.redirect({ type: "button", payload: `lang:${intent.language}` });
        case "own-venues":
          if (!router.findAction("venues:again")) break;
          return ctx.redirect({ type: "button", payload: intent.resend ? "venues:again" : "venues:mine" });
        case "venue-code":
          return ctx.redirect({ type: "command", command: "start", args: `c_${intent.code}` });
        case "erase-data":
          if (router.findCommand(commandName("erase")))
            return ctx.redirect({ type: "command", command: commandName("erase"), args: "" });
          break;
        case "human":
          // The handover feature, when it is in the list, connects the person with an officer.
          if (router.findAction("handover:start"))
            return ctx.redirect({ type: "button", payload: "handover:start" });
          ctx.reply(say(t("intents.human")));
          return deps.showMenu(ctx);
      }
    }
    // "quay lại", "thôi" with nothing to leave (the features that own "dừng" came first): the menu, no apology.
    if (readNavigation(text)) return deps.showMenu(ctx);
    const talk = readSmallTalk(text);
    if (!talk) return next();
    ctx.reply(say(t(`smalltalk.${talk}`)));
    deps.showMenu(ctx);
  });
}

/** The FAQ's answer on the PC-Covid personal code. */
const PERSONAL_QR_TOPIC = "faq:topic:pccovid.personal-qr";

function whichCode(ctx: TurnContext): void {
  ctx.reply(
    say(t("intents.whichCode"), [
      [{ label: t("intents.whichCodePersonal"), payload: PERSONAL_QR_TOPIC }],
      [{ label: t("intents.whichCodeVenue"), payload: "venues:start" }],
    ]),
  );
}

function officersOnly(ctx: TurnContext, canAskOfficer: boolean): void {
  if (!canAskOfficer) {
    ctx.reply(say(t("intents.officersOnly")));
    return;
  }
  ctx.reply(
    say({ lines: [t("intents.officersOnly"), t("intents.officersOnlyAsk")] }, [
      [{ label: t("handover:menu.entry"), payload: "handover:start" }],
    ]),
  );
}
