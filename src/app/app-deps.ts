import { join } from "node:path";
import { builtBundle } from "../build-info";
import type { Config } from "../config";
import type { Logger } from "../core/logger";
import type { ChannelId } from "../core/messages";
import type { PersonalDataHolder } from "../core/personal-data";
import type { MediaStore, MessagingWindow, OutboxStore } from "../core/ports";
import type { TextRenderer } from "../core/renderer";
import type { TurnContext } from "../core/router";
import type { Database, Db } from "../db/database";
import { PrismaAlertStore } from "../db/prisma-alert-store";
import { PrismaApiTokenStore } from "../db/prisma-api-token-store";
import { PrismaAuditStore } from "../db/prisma-audit-store";
import { PrismaBroadcastStore } from "../db/prisma-broadcast-store";
import { PrismaDirectiveStore } from "../db/prisma-directive-store";
import { PrismaFaqContentStore } from "../db/prisma-faq-content-store";
import { PrismaOfficerStore } from "../db/prisma-officer-store";
import { PrismaRecurringStore } from "../db/prisma-recurring-store";
import { PrismaVenueStore } from "../db/prisma-venue-store";
import { PrismaVisitStore } from "../db/prisma-visit-store";
import { SqlFaqStore } from "../db/sql-faq-store";
import { SqlSubscriptionStore } from "../db/sql-subscription-store";
import { SqlTicketStore } from "../db/sql-ticket-store";
import { BroadcastService } from "../features/broadcasts/broadcast-service";
import { RecurringReminders } from "../features/broadcasts/recurring";
import { CheckinService } from "../features/checkin/checkin-service";
import { TracingService } from "../features/checkin/tracing-service";
import type { AuditStore } from "../features/checkin/visit-store";
import type { DirectiveStore } from "../features/directives/directive-store";
import { fileClassifierCache } from "../features/faq/classifier-cache";
import { FaqContentService } from "../features/faq/content/faq-content-service";
import { LiveFaqKnowledge } from "../features/faq/content/live-faq-knowledge";
import { buildPublishedFaq, loadMatchingData } from "../features/faq/content/published-faq";
import type { FaqStore } from "../features/faq/faq-store";
import { AnswerNotices } from "../features/handover/answer-notices";
import { HandoverService } from "../features/handover/handover-service";
import type { MenuEntry } from "../features/menu/menu-feature";
import { createMainMenu } from "../features/menu/menu-feature";
import { ApiTokens } from "../features/officers/api-tokens";
import { OfficerService } from "../features/officers/officer-service";
import { officerGuard, type RequireOfficer } from "../features/officers/officers-feature";
import type { SubscriptionStore } from "../features/subscriptions/subscription-store";
import { createReminderOffer, type ReminderOffer } from "../features/subscriptions/subscriptions-feature";
import type { District } from "../features/venues/district";
import { VenueService } from "../features/venues/venue-service";
import type { VenueStore } from "../features/venues/venue-store";
import type { VenuePageSection } from "../http/dashboard/dashboard-session";

/**
 * What features share, built once before any feature: the database, texts and district, the services more
 * than one feature uses, and the capabilities they lend each other (the menu, the reminder offer, the
 * officer check, waking the outbox and the scheduler). Listing them here is what lets every feature be
 * built in one pass, with no forward reference.
 */
export interface AppDeps {
  config: Config;
  logger: Logger;
  database: Database;
  db: Db;
  texts: TextRenderer;
  district: District;
  /** Absolute path of `locales/`. */
  localesDir: string;
  /** Signs web chat cookies, check-in form tokens and the dashboard's CSRF tokens. */
  secret: string;
  outbox: OutboxStore;
  media: MediaStore;
  venues: VenueStore;
  venueService: VenueService;
  checkin: CheckinService;
  tracing: TracingService;
  audit: AuditStore;
  faq: FaqStore;
  /** FAQ topics as officers publish them (docs/adr/014): the live set the chat answers from. */
  faqKnowledge: LiveFaqKnowledge;
  faqContent: FaqContentService;
  officers: OfficerService;
  /** Officers' personal API tokens: checked on /api/v1, made and revoked in chat and on the dashboard. */
  apiTokens: ApiTokens;
  requireOfficer: RequireOfficer;
  subscriptions: SubscriptionStore;
  offerReminders: ReminderOffer;
  broadcasts: BroadcastService;
  recurring: RecurringReminders;
  directives: DirectiveStore;
  /** Tickets between people and officers: the chat, the FAQ's offer and the dashboard's inbox share it. */
  handover: HandoverService;
  /** Closing the loop: an answer sent to everyone of a question cluster who agreed to be told. */
  answerNotices: AnswerNotices;
  /** Channels with a messaging window (Zalo OA). */
  windows: ReadonlyMap<ChannelId, MessagingWindow>;
  showMenu: (ctx: TurnContext) => void;
  showHelp: (ctx: TurnContext) => void;
  /** Wakes the outbox dispatcher after rows were queued outside a turn. */
  notify: () => void;
  /** Runs the scheduler now (a broadcast created "now" starts without waiting for the next tick). */
  kick: () => void;
  /**
   * Every feature's {@link PersonalDataHolder}s, filled by the assembly once all features are built (their
   * `personalData`); read at request time by erasure and access requests.
   */
  personalData: PersonalDataHolder[];
  /** Every feature's parts of a venue's dashboard page (`venuePage`), filled by the assembly like `personalData`. */
  venuePageSections: VenuePageSection[];
}

/** Builds the shared dependencies; `menu` holds every feature's main-menu entries, in list order. */
export function createAppDeps(
  input: Pick<
    AppDeps,
    "config" | "logger" | "database" | "texts" | "district" | "localesDir" | "secret" | "outbox" | "media"
  > &
    Pick<AppDeps, "notify" | "kick"> & {
      menu: MenuEntry[];
      /** Channels with a messaging window (Zalo OA): previews count by window, alerts list who is outside. */
      windows: ReadonlyMap<ChannelId, MessagingWindow>;
    },
): AppDeps {
  const { config, logger, database, texts, district, notify } = input;
  const { db } = database;
  const venues = new PrismaVenueStore(db);
  const venueService = new VenueService(venues, district, texts, config.publicUrl);
  const visits = new PrismaVisitStore(db);
  const audit = new PrismaAuditStore(db);
  const officers = new OfficerService(new PrismaOfficerStore(db));
  // Asked on every FAQ answer, so in plain SQL (src/db/sql-subscription-store.ts).
  const subscriptions = new SqlSubscriptionStore(database.sql);
  // Read or written on every typed message, so their per-message calls are plain SQL too.
  const tickets = new SqlTicketStore(db, database.sql);
  const faq = new SqlFaqStore(db, database.sql);
  const menu = createMainMenu(input.menu);
  const faqContentStore = new PrismaFaqContentStore(db);
  const bundle = builtBundle();
  const matching = {
    ...loadMatchingData(input.localesDir),
    // Training the classifier was a fifth of start-up; a built server keeps the model next to its bundle.
    ...(bundle
      ? { classifierCache: fileClassifierCache(join(bundle.dir, "faq-cache"), bundle.id, logger) }
      : {}),
  };
  // Empty until the FAQ feature's start-up seeds and loads the database (before the first request).
  const faqKnowledge = new LiveFaqKnowledge(
    faqContentStore,
    matching,
    buildPublishedFaq([], matching, -1),
    logger,
  );
  return {
    ...input,
    db,
    venues,
    venueService,
    checkin: new CheckinService(visits, config.VISIT_RETENTION_DAYS),
    tracing: new TracingService({
      visits,
      venues,
      audit,
      alerts: new PrismaAlertStore(db),
      texts,
      communeName: (code) => venueService.communeName(code),
      windows: input.windows,
    }),
    audit,
    faq,
    faqKnowledge,
    faqContent: new FaqContentService(faqContentStore, faqKnowledge, audit, matching),
    officers,
    apiTokens: new ApiTokens(new PrismaApiTokenStore(db)),
    requireOfficer: officerGuard(officers, logger, audit),
    subscriptions,
    offerReminders: createReminderOffer(subscriptions),
    broadcasts: new BroadcastService(
      new PrismaBroadcastStore(db),
      input.outbox,
      texts,
      logger,
      notify,
      input.windows,
    ),
    recurring: new RecurringReminders(new PrismaRecurringStore(db), logger),
    directives: new PrismaDirectiveStore(db),
    handover: new HandoverService({
      store: tickets,
      officers,
      outbox: input.outbox,
      media: input.media,
      texts,
      district,
      audit,
      logger,
      notify,
      windows: input.windows,
      hours: config.HANDOVER_OFFICE_HOURS,
      remindMinutes: config.HANDOVER_REMIND_MINUTES,
    }),
    answerNotices: new AnswerNotices({
      faq,
      contactAddress: (contactId) => tickets.contactAddress(contactId),
      outbox: input.outbox,
      texts,
      media: input.media,
      windows: input.windows,
      audit,
      notify,
    }),
    showMenu: menu.showMenu,
    showHelp: menu.showHelp,
    personalData: [],
    venuePageSections: [],
  };
}
