import type { Language } from "../../core/messages";
import { type Audience, audienceSchema } from "../../features/broadcasts/audience";
import type { DashboardViewer } from "../../features/dashboard/dashboard-auth";
import { html, type SafeHtml } from "../html";
import type { DashboardHtml } from "./dashboard-html";

const ROLES = ["citizen", "venue-owner"] as const;
const LANGS = ["vi", "en"] as const;

/** The communes a viewer may pick and what each stands for (shared by the broadcast and survey composers). */
export interface AudienceUnits {
  /** Communes in force the viewer may see. */
  communes(scope: DashboardViewer["scope"]): { code: string; name: string }[];
  /** The stored codes a unit in force stands for (itself and its former units). */
  coveredCodes(code: string): string[];
}

/** The audience as ticked, kept as ticked so every step of a composer can show it again. */
export interface AudienceInput {
  all: boolean;
  communes: string[];
  roles: string[];
  languages: string[];
  /** Communes posted that the viewer may not reach (a forged or stale form): refused, never dropped quietly. */
  outside: string[];
}

const ticked = (body: unknown, name: string) => (body as Record<string, unknown> | undefined)?.[name] === "1";

/** The audience boxes of a posted form. */
export function readAudience(body: unknown, u: AudienceUnits, viewer: DashboardViewer): AudienceInput {
  const mine = u.communes(viewer.scope).map((x) => x.code);
  const posted = Object.keys((body as Record<string, unknown> | undefined) ?? {})
    .filter((k) => /^commune_\d{5}$/.test(k) && ticked(body, k))
    .map((k) => k.slice("commune_".length));
  return {
    all: ticked(body, "all"),
    communes: mine.filter((code) => posted.includes(code)),
    outside: posted.filter((code) => !mine.includes(code)),
    roles: ROLES.filter((r) => ticked(body, `role_${r}`)),
    languages: LANGS.filter((l) => ticked(body, `lang_${l}`)),
  };
}

/**
 * The audience an input means, or undefined when none was chosen: a scoped officer only ever reaches their
 * own communes ("all" means all of theirs); communes, roles and languages combine, each narrowing.
 */
export function audienceOf(
  input: AudienceInput,
  u: AudienceUnits,
  viewer: DashboardViewer,
): Audience | undefined {
  if (!input.all && !input.communes.length) return undefined;
  const communes = input.communes.length
    ? input.communes.flatMap((code) => u.coveredCodes(code))
    : input.all && viewer.scope
      ? viewer.scope
      : undefined;
  const filters: Audience = {
    ...(communes ? { communes } : {}),
    ...(input.roles.length ? { roles: input.roles as Audience["roles"] } : {}),
    ...(input.languages.length ? { languages: input.languages as Audience["languages"] } : {}),
  };
  const audience: Audience = Object.keys(filters).length ? filters : { all: true };
  return audienceSchema.safeParse(audience).success ? audience : undefined;
}

/** The audience fieldset: all (of theirs), or several communes, narrowed by roles and languages. */
export function audienceFieldset(
  pages: DashboardHtml,
  u: AudienceUnits,
  viewer: DashboardViewer,
  lang: Language,
  input: AudienceInput | undefined,
  invalid: boolean,
): SafeHtml {
  const p = (k: string) => pages.t(lang, k);
  const box = (name: string, on: boolean, label: string) =>
    html`<label><input type="checkbox" name="${name}" value="1"${on && html` checked`}> ${label}</label> `;
  return html`${[
    html`<fieldset id="f-audience"${invalid && html` aria-invalid="true"`}><legend>${p("broadcasts.audience")}</legend>`,
    box("all", input?.all ?? false, p(viewer.scope ? "broadcasts.allMine" : "broadcasts.allSubscribers")),
    html`<br><span class="muted">${p("broadcasts.orCommunes")}</span><br>`,
    u
      .communes(viewer.scope)
      .map((x) => box(`commune_${x.code}`, input?.communes.includes(x.code) ?? false, x.name)),
    html`<br><span class="muted">${p("broadcasts.narrow")}</span><br>`,
    ROLES.map((r) => box(`role_${r}`, input?.roles.includes(r) ?? false, p(`broadcasts.roles.${r}`))),
    LANGS.map((l) => box(`lang_${l}`, input?.languages.includes(l) ?? false, p(`broadcasts.languages.${l}`))),
    html`</fieldset>`,
  ]}`;
}

/** The audience as hidden inputs, so "confirm" and "change" post exactly what was previewed. */
export function audienceHidden(input: AudienceInput): SafeHtml {
  const hidden = (name: string) => html`<input type="hidden" name="${name}" value="1">`;
  return html`${[
    input.all && hidden("all"),
    input.communes.map((code) => hidden(`commune_${code}`)),
    input.roles.map((r) => hidden(`role_${r}`)),
    input.languages.map((l) => hidden(`lang_${l}`)),
  ]}`;
}
