import { PosterCache } from "./poster-cache";
import type { PosterInput } from "./poster-pdf";
import { PosterPool } from "./poster-pool";

let shared: { pool: PosterPool; cache: PosterCache } | undefined;

/**
 * Renders a poster on the process's poster worker pool, through the cache of recent venue versions: the
 * way the chat flow, the admin API, the dashboard and the CSV import get posters. One pool per process
 * (created on the first poster) because a worker costs ≈ 30 MB and there are only so many cores; tests
 * of the layout itself call `renderPosterPdf` directly.
 */
export function renderPosterOffLoop(input: PosterInput): Promise<Buffer> {
  shared ??= { pool: new PosterPool(), cache: new PosterCache() };
  const { pool, cache } = shared;
  return cache.get(input, (printed) => pool.render(printed));
}
