import type { TicketRecord } from "./ticket-store";

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** What the inbox shows about a set of tickets. */
export interface TicketFigures {
  /** Tickets per stored commune code (null = not given). */
  perCommune: Map<string | null, number>;
  /** Minutes from opening to the first officer answer, over answered tickets; null when none was answered. */
  firstAnswerMedianMinutes: number | null;
  firstAnswerP90Minutes: number | null;
  /** Tickets nobody has answered for more than a day, still not closed. */
  unansweredOverDay: number;
  ratings: { up: number; down: number };
}

export function ticketFigures(tickets: TicketRecord[], now: Date): TicketFigures {
  const perCommune = new Map<string | null, number>();
  for (const t of tickets) perCommune.set(t.communeCode, (perCommune.get(t.communeCode) ?? 0) + 1);
  const waits = tickets
    .flatMap((t) =>
      t.firstAnsweredAt ? [(t.firstAnsweredAt.getTime() - t.createdAt.getTime()) / MINUTE_MS] : [],
    )
    .sort((a, b) => a - b);
  return {
    perCommune,
    firstAnswerMedianMinutes: percentile(waits, 0.5),
    firstAnswerP90Minutes: percentile(waits, 0.9),
    unansweredOverDay: tickets.filter(
      (t) => t.status !== "closed" && !t.firstAnsweredAt && now.getTime() - t.createdAt.getTime() > DAY_MS,
    ).length,
    ratings: {
      up: tickets.filter((t) => t.rating === "up").length,
      down: tickets.filter((t) => t.rating === "down").length,
    },
  };
}

/** Nearest-rank percentile of sorted values (the value below which `q` of them lie); null when empty. */
export function percentile(sorted: number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? null;
}
