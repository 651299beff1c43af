import { createHash } from "node:crypto";
import type { PosterInput } from "./poster-pdf";

/** Options for {@link PosterCache}. */
export interface PosterCacheOptions {
  /** Bytes of PDF kept at most (default 4 MB: a few dozen posters, the venues people are registering now). */
  maxBytes?: number;
}

/**
 * Rendered posters by venue version: the key is a hash of everything printed (name, address, commune,
 * code, URL and the texts of both languages), so a renamed venue, a new address or an edited translation
 * is a new version and is rendered again, while "My venues" asked twice is served from memory. The
 * least recently used posters go first. Concurrent asks for the same version share one render.
 */
export class PosterCache {
  private readonly entries = new Map<string, Promise<Buffer>>();
  private readonly sizes = new Map<string, number>();
  private readonly maxBytes: number;
  private bytes = 0;

  constructor(options: PosterCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
  }

  /** The cached PDF of this version of the poster, or the one `render` makes (a failed render is not kept). */
  get(input: PosterInput, render: (input: PosterInput) => Promise<Buffer>): Promise<Buffer> {
    const key = versionOf(input);
    const cached = this.entries.get(key);
    if (cached !== undefined) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    const rendered = render(input);
    this.entries.set(key, rendered);
    rendered.then(
      (pdf) => this.settled(key, rendered, pdf.byteLength),
      () => this.entries.get(key) === rendered && this.entries.delete(key),
    );
    return rendered;
  }

  private settled(key: string, rendered: Promise<Buffer>, size: number): void {
    if (this.entries.get(key) !== rendered) return;
    this.sizes.set(key, size);
    this.bytes += size;
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes || oldest === key) break;
      const oldSize = this.sizes.get(oldest);
      if (oldSize === undefined) continue; // still rendering: kept until it settles
      this.entries.delete(oldest);
      this.sizes.delete(oldest);
      this.bytes -= oldSize;
    }
  }
}

/** The version of a poster: a digest of what it prints (the creation date is not printed). */
function versionOf(input: PosterInput): string {
  const { createdAt: _, ...printed } = input;
  return createHash("sha256").update(JSON.stringify(printed)).digest("base64url");
}
