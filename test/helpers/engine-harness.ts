import { join } from "node:path";
import { ConversationEngine } from "../../src/core/conversation-engine";
import { FakeConversationStore } from "../../src/core/fake-conversation-store";
import { FakeMediaStore } from "../../src/core/fake-media-store";
import { silentLogger } from "../../src/core/logger";
import type { ChannelId, InboundEvent } from "../../src/core/messages";
import type { RenderedMessage } from "../../src/core/rendered-message";
import { Router, type TurnContext } from "../../src/core/router";
import { createMainMenu, type MenuEntry, registerMenu } from "../../src/features/menu/menu-feature";
import { createTextRenderer } from "../../src/i18n/i18n";

/**
 * The conversation engine on in-memory fakes: send events as one person and read what the bot answered.
 * `register` adds the features under test to the router, in precedence order, as src/app/features.ts
 * lists them; the menu, built first and shared, registers last (its fallback is the last word).
 */
export async function createEngineHarness(
  register: (router: Router, showMenu: (ctx: TurnContext) => void) => void = () => {},
  options: { menuEntries?: MenuEntry[] } = {},
) {
  const router = new Router();
  const menu = createMainMenu(options.menuEntries ?? []);
  register(router, menu.showMenu);
  registerMenu(router, menu);
  const store = new FakeConversationStore();
  const media = new FakeMediaStore();
  const texts = await createTextRenderer(join(import.meta.dirname, "../../locales"));
  const engine = new ConversationEngine({ router, store, texts, media, logger: silentLogger });
  let inboxId = 0;

  return {
    store,
    media,
    router,
    /** Sends one event as `externalId` on `channel` and returns the bot's rendered answers. */
    async send(
      event: InboundEvent | string,
      opts: { externalId?: string; channel?: ChannelId; languageHint?: string } = {},
    ): Promise<RenderedMessage[]> {
      const before = store.outbox.length;
      const ev: InboundEvent =
        typeof event === "string"
          ? event.startsWith("/")
            ? {
                type: "command",
                command: event.slice(1).split(" ")[0] ?? "",
                args: event.split(" ").slice(1).join(" "),
              }
            : { type: "text", text: event }
          : event;
      await engine.handle(++inboxId, {
        channel: opts.channel ?? "webchat",
        externalId: opts.externalId ?? "person-1",
        ...(opts.languageHint ? { languageHint: opts.languageHint } : {}),
        event: ev,
      });
      return store.outbox.slice(before).map((o) => o.message);
    },
  };
}

/** Texts of rendered messages. */
export function texts(messages: RenderedMessage[]): string[] {
  return messages.map((m) => (m.kind === "text" ? m.text : `[${m.kind}]`));
}
