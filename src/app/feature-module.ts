import type { Router as ExpressRouter } from "express";
import type { PersonalDataHolder } from "../core/personal-data";
import type { Router } from "../core/router";
import type { Tickable } from "../core/scheduler";
import type { MenuEntry } from "../features/menu/menu-feature";
import type { VenuePageSection } from "../http/dashboard/dashboard-session";
import type { AppDeps } from "./app-deps";
import type { Timer } from "./timers";

/** One capability, as the assembly sees it: its chat routes, its HTTP routes and its periodic jobs. */
export interface FeatureModule {
  /** Registers commands, buttons, flows and fallbacks (fallbacks run in the features list's order). */
  chat?(router: Router): void;
  /** Mounts HTTP routes; paths under /api/v1 are behind the officers' token (mounted before features). */
  http?(router: ExpressRouter): void;
  /** Jobs run by the scheduler every tick, in the list's order (tests drive them with `tick(now)`). */
  jobs?: Tickable[];
  /** Runs once after every feature is built and before the server takes requests (seeding, first load). */
  start?(): Promise<void>;
  /** Upkeep of this process on its own period, outside the scheduler (e.g. noticing published content). */
  timers?: Timer[];
  /**
   * The feature's stores that keep personal data of chat contacts: erasure and access requests (the privacy
   * feature) go through every one, in the features list's order (src/core/personal-data.ts).
   */
  personalData?: PersonalDataHolder[];
  /** Parts this feature adds to a venue's dashboard page (the answers its owner gave to the feature's surveys). */
  venuePage?: VenuePageSection[];
}

/**
 * A feature in the features list: its main-menu entries are known before anything is built (the menu is
 * shared by every feature), then `create` builds it from the explicit shared dependencies.
 */
export interface FeatureDefinition {
  readonly name: string;
  readonly menu?: MenuEntry[];
  create(deps: AppDeps): FeatureModule;
}

export function defineFeature(definition: FeatureDefinition): FeatureDefinition {
  return definition;
}
