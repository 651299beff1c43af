import { PosterCache } from "./poster-cache";
import type * as PosterPdf from "./poster-pdf";
import type { PosterInput } from "./poster-pdf";
import { PosterPool } from "./poster-pool";

let shared: { cache: PosterCache; render: (input: PosterInput) => Promise<Buffer> } | undefined;

/**
 * Renders a poster through the cache of recent venue versions: the way the chat flow, the admin API, the
 * dashboard and the CSV import get posters. The compiled server (`npm start`) renders on the process's
 * worker pool (one per process, created on the first poster: a worker costs ≈ 30 MB and there are only
 * so many cores). Run from source (tsx, vitest) it renders on the calling thread, as before: a worker
 * started from source must first load tsx and transform pdfkit's module graph, 2–9 s on a busy 2-core
 * machine, longer than a test may wait. test/scripts/compiled-server.test.ts covers the compiled worker,
 * test/features/venues/render/poster-pool.test.ts the pool itself.
 */
export function renderPosterOffLoop(input: PosterInput): Promise<Buffer> {
  shared ??= { cache: new PosterCache(), render: renderer() };
  return shared.cache.get(input, shared.render);
}

function renderer(): (input: PosterInput) => Promise<Buffer> {
  if (import.meta.filename.endsWith(".js")) {
    const pool = new PosterPool();
    return (input) => pool.render(input);
  }
  // Imported on first use even so: pdfkit and its fonts are ≈ 11 MB a process may never need. The
  // specifier is a variable so the bundler leaves it out of dist/main.js (it would hoist pdfkit's import).
  const sourceOnly = "./poster-pdf";
  return async (input) => ((await import(sourceOnly)) as typeof PosterPdf).renderPosterPdf(input);
}
