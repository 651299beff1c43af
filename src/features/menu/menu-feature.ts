import { commandNames } from "../../core/command-names";
import { type Button, chunkRows, LANGUAGES, type Language, say, t } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";

/** A main-menu entry contributed by a feature (label key + the button payload it handles). */
export interface MenuEntry {
  labelKey: string;
  payload: string;
}

/** The main menu as buttons, two per row (fits phone screens; numbered on channels without buttons). */
export function mainMenuButtons(entries: MenuEntry[]): Button[][] {
  return chunkRows(entries.map((e) => ({ label: t(e.labelKey), payload: e.payload })));
}

/** The main menu and help, built once from every feature's entries and shared by all of them. */
export interface MainMenu {
  showMenu(ctx: TurnContext): void;
  showHelp(ctx: TurnContext): void;
}

/** The main menu from the features' entries (in the features list's order), then language and help. */
export function createMainMenu(entries: MenuEntry[]): MainMenu {
  const menu = mainMenuButtons([
    ...entries,
    { labelKey: "menu.language", payload: "lang:menu" },
    { labelKey: "menu.help", payload: "menu:help" },
  ]);
  const showMenu = (ctx: TurnContext) => ctx.reply(say(t("menu.prompt"), menu));
  return {
    showMenu,
    showHelp(ctx) {
      ctx.reply(say(t("help.text")));
      showMenu(ctx);
    },
  };
}

/**
 * The commands every channel shares: /start (with optional deep link), /menu, /help, /lang, /cancel, and
 * the polite last fallback for whatever no feature took.
 */
export function registerMenu(router: Router, menu: MainMenu): void {
  const { showMenu, showHelp } = menu;
  router
    .command(commandNames("start"), async (ctx) => {
      const arg = ctx.event.type === "command" ? ctx.event.args.trim() : "";
      const link = arg ? router.findDeepLink(arg) : undefined;
      if (link) return link.handler(ctx, link.rest);
      ctx.endDialog();
      greet(ctx);
      showMenu(ctx);
    })
    .command(commandNames("menu"), (ctx) => showMenu(ctx))
    .command(commandNames("help"), showHelp)
    .command(commandNames("cancel"), (ctx) => {
      ctx.reply(say(t(ctx.dialog ? "menu.cancelled" : "menu.nothingToCancel")));
      ctx.endDialog();
      showMenu(ctx);
    })
    .command(commandNames("lang"), (ctx) => askLanguage(ctx))
    .action("menu:main", showMenu)
    .action("menu:help", showHelp)
    .action("lang:menu", (ctx) => askLanguage(ctx))
    .action("lang:", (ctx) => {
      const chosen = buttonPayload(ctx).slice("lang:".length);
      if (!isLanguage(chosen)) return askLanguage(ctx);
      ctx.setLanguage(chosen);
      ctx.reply(say(t("lang.changed")));
      showMenu(ctx);
    })
    .on("follow", (ctx) => {
      greet(ctx);
      showMenu(ctx);
    })
    // Nothing is sent: the person is gone (and Zalo OA would refuse the message anyway).
    .on("unfollow", (ctx) => ctx.markUnreachable())
    .on("unsupported", (ctx) => {
      ctx.reply(say(t("errors.unsupported")));
      showMenu(ctx);
    })
    .fallback((ctx) => {
      ctx.reply(say(t("errors.notUnderstood")));
      showMenu(ctx);
    });
}

function greet(ctx: TurnContext): void {
  const name = ctx.contact.displayName;
  ctx.reply(say(name ? t("menu.welcomeNamed", { name }) : t("menu.welcome")));
}

function askLanguage(ctx: TurnContext): void {
  ctx.reply(
    say(t("lang.prompt"), [
      [
        { label: t("lang.vi"), payload: "lang:vi" },
        { label: t("lang.en"), payload: "lang:en" },
      ],
    ]),
  );
}

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
