import { commandNames } from "../../core/command-names";
import { draftOf } from "../../core/flow";
import { type Button, say, type Text, t } from "../../core/messages";
import { buttonPayload, type Router, type TurnContext } from "../../core/router";
import { formatVietnamTime } from "../../core/vietnam-time";
import type { MenuEntry } from "../menu/menu-feature";
import { venueCategoryLabelKey } from "./categories";
import type { District } from "./district";
import { formatPhoneForDisplay } from "./phone";
import { createRegistrationFlow, venueDocuments } from "./registration-flow";
import { type Draft, venueText as v } from "./registration-prompts";
import type { VenueService } from "./venue-service";
import type { VenueRecord, VenueStore } from "./venue-store";

/**
 * One main-menu entry for registering and managing venues: Zalo OA shows at most five menu buttons, and the
 * fifth went to "Hỏi cán bộ" (docs/adr/013). It starts a registration for someone without venues and lists
 * the venues, with "register another", for an owner: one tap either way, as the two entries were.
 */
export const VENUE_MENU: MenuEntry[] = [{ labelKey: "venues:menu.entry", payload: "venues:menu" }];

/**
 * Venue owners: register a venue by chat (`/venue`, the menu, or the deep link `start=venue`) and manage
 * their venues ("My venues": details, poster again, edit, pause/reactivate).
 */
export function registerVenues(
  router: Router,
  deps: {
    service: VenueService;
    store: VenueStore;
    district: District;
    showMenu: (ctx: TurnContext) => void;
    /** Check-ins per local day, newest first (from the check-in feature); shown in a venue's details. */
    visitCounts?: (venueId: string, now: Date) => Promise<{ day: string; count: number }[]>;
    /** Offered after a registration (reminders are asked once per person). */
    offerReminders?: (ctx: TurnContext) => Promise<boolean>;
  },
): void {
  const { service, store } = deps;
  const flow = createRegistrationFlow({
    service,
    district: deps.district,
    showMenu: deps.showMenu,
    ...(deps.offerReminders ? { afterRegistered: deps.offerReminders } : {}),
  });
  router.flow(flow);

  const start = (ctx: TurnContext) => {
    const draft = draftOf(flow, ctx.dialog);
    if (draft) {
      // Coming back to an unfinished registration (even days later): offer to continue or start over.
      return ctx.reply(
        say(
          v("flow.unfinished", {
            name: draft.name ? ` "${draft.name}"` : "",
            when: formatVietnamTime(new Date(draft.startedAt), ctx.lang),
          }),
          [
            [
              { label: v("flow.resume"), payload: "venues:resume" },
              { label: v("flow.restart"), payload: "venues:restart" },
            ],
          ],
        ),
      );
    }
    return begin(ctx);
  };
  const begin = (ctx: TurnContext) => {
    ctx.reply(say(v("flow.intro")));
    return ctx.enter(flow, "name", { mode: "new", startedAt: ctx.now.toISOString() });
  };

  router
    .command(commandNames("venue"), start)
    .deepLink("venue", (ctx) => start(ctx))
    .action("venues:start", start)
    .action("venues:restart", begin)
    .action("venues:resume", (ctx) => (draftOf(flow, ctx.dialog) ? ctx.askAgain() : begin(ctx)))
    .command(commandNames("myVenues"), (ctx) => listMine(ctx))
    .action("venues:mine", (ctx) => listMine(ctx))
    .action("venues:menu", async (ctx) => {
      if ((await store.listByOwner(ctx.contact.id)).length === 0) return start(ctx);
      return listMine(ctx, { offerRegister: true });
    })
    // "in lại poster", "xin lại mã QR" typed: the one venue's documents at once, or which venue.
    .action("venues:again", async (ctx) => {
      const venues = await store.listByOwner(ctx.contact.id);
      const only = venues.length === 1 ? venues[0] : undefined;
      if (only) return ctx.reply(...(await venueDocuments(service, only)));
      if (venues.length === 0) return listMine(ctx);
      const rows: Button[][] = venues.map((venue) => [
        { label: { raw: venue.name }, payload: `venues:poster:${venue.id}` },
      ]);
      ctx.reply(say(v("mine.whichPoster", { count: venues.length }), rows));
    })
    .action("venues:show:", async (ctx) => {
      const venue = await owned(ctx, "venues:show:");
      if (venue) await showVenue(ctx, venue);
    })
    .action("venues:poster:", async (ctx) => {
      const venue = await owned(ctx, "venues:poster:");
      if (venue) ctx.reply(...(await venueDocuments(service, venue)));
    })
    .action("venues:toggle:", async (ctx) => {
      const venue = await owned(ctx, "venues:toggle:");
      if (!venue) return;
      const updated = await store.setActive(venue.id, !venue.active);
      ctx.reply(say(v(updated.active ? "mine.reactivated" : "mine.deactivated", { name: updated.name })));
      await showVenue(ctx, updated);
    })
    .action("venues:edit:", async (ctx) => {
      const venue = await owned(ctx, "venues:edit:");
      if (!venue) return;
      const draft: Draft = {
        mode: "edit",
        venueId: venue.id,
        name: venue.name,
        category: venue.category,
        communeCode: venue.communeCode,
        address: venue.address,
        contactName: venue.contactName,
        contactPhone: venue.contactPhone,
        startedAt: ctx.now.toISOString(),
      };
      await ctx.enter(flow, "field", draft);
    });

  async function listMine(ctx: TurnContext, options: { offerRegister?: boolean } = {}): Promise<void> {
    const venues = await store.listByOwner(ctx.contact.id);
    if (venues.length === 0) {
      ctx.reply(say(v("mine.none"), [[{ label: v("menu.register"), payload: "venues:start" }]]));
      return;
    }
    const rows: Button[][] = venues.map((venue) => [
      {
        label: venue.active ? { raw: venue.name } : v("mine.withMark", { name: venue.name }),
        payload: `venues:show:${venue.id}`,
      },
    ]);
    if (options.offerRegister) rows.push([{ label: v("menu.registerAnother"), payload: "venues:start" }]);
    ctx.reply(say(v("mine.list", { count: venues.length }), rows));
  }

  async function showVenue(ctx: TurnContext, venue: VenueRecord): Promise<void> {
    const details = v("mine.details", {
      name: venue.name,
      status: venue.active ? "" : v("mine.statusInactive"),
      code: venue.code,
      category: v(venueCategoryLabelKey(venue.category)),
      address: venue.address,
      commune: service.communeName(venue.communeCode, venue.createdAt),
      contactName: venue.contactName,
      phone: formatPhoneForDisplay(venue.contactPhone),
      url: service.checkinUrl(venue.code),
    });
    const counts = deps.visitCounts ? await deps.visitCounts(venue.id, ctx.now) : undefined;
    ctx.reply(
      say(counts ? { lines: [details, visitCountsText(counts)] } : details, [
        [
          { label: v("mine.resend"), payload: `venues:poster:${venue.id}` },
          { label: v("mine.editDetails"), payload: `venues:edit:${venue.id}` },
        ],
        [
          {
            label: v(venue.active ? "mine.deactivate" : "mine.reactivate"),
            payload: `venues:toggle:${venue.id}`,
          },
          { label: v("mine.back"), payload: "venues:mine" },
        ],
      ]),
    );
  }

  /** The venue named in the button, if it belongs to this person (buttons can be replayed or forged). */
  async function owned(ctx: TurnContext, prefix: string): Promise<VenueRecord | undefined> {
    const id = buttonPayload(ctx).slice(prefix.length);
    const venue = await store.findById(id);
    if (venue && venue.ownerContactId === ctx.contact.id) return venue;
    ctx.reply(say(v("mine.notYours")));
    return undefined;
  }
}

/** "Check-ins in the last 7 days: 12" and one "26/11: 3" line per day, newest first. */
function visitCountsText(counts: { day: string; count: number }[]): Text {
  const days: Text = {
    lines: counts.map(({ day, count }) =>
      t("checkin:owner.day", { day: `${day.slice(8, 10)}/${day.slice(5, 7)}`, count }),
    ),
  };
  return t("checkin:owner.counts", { total: counts.reduce((sum, c) => sum + c.count, 0), days });
}
