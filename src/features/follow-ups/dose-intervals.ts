/**
 * Days between a vaccine dose and the next one, per vaccine, each with the guidance it comes from. Kept in
 * configuration, not guessed: the bot computes a due date only from an entry here.
 *
 * EMPTY ON PURPOSE. /work/shared/domain/covid-tech-vietnam.md and content-review.md (the project's checked
 * sources) confirm no interval between doses for any vaccine used in Vietnam, and the Ministry of Health's
 * guidance changed several times in 2021–2022. Until an officer adds an interval with its source (the
 * document's number and date), the bot says plainly it cannot compute the date and asks the person on which
 * day to remind them instead.
 */
export interface DoseInterval {
  /** One of {@link VACCINES}' ids. */
  vaccine: string;
  days: number;
  /** The guidance the interval comes from (document number and date); required. */
  source: string;
}

export const DOSE_INTERVALS: readonly DoseInterval[] = [];

/** The vaccines offered when asking which one was given (the names people know them by). */
export const VACCINES = [
  { id: "astrazeneca", label: "AstraZeneca" },
  { id: "pfizer", label: "Pfizer" },
  { id: "moderna", label: "Moderna" },
  { id: "verocell", label: "Vero Cell (Sinopharm)" },
  { id: "sputnik", label: "Sputnik V" },
  { id: "abdala", label: "Abdala" },
] as const;

/** The interval for a vaccine, only when one is configured with a source. */
export function intervalFor(
  vaccine: string | null,
  table: readonly DoseInterval[] = DOSE_INTERVALS,
): DoseInterval | undefined {
  if (!vaccine) return undefined;
  return table.find((i) => i.vaccine === vaccine && i.source.trim().length > 0 && i.days > 0);
}
