import { randomUUID } from "node:crypto";
import type { MediaStore } from "./ports";

/** In-memory {@link MediaStore} for fast dialog tests. */
export class FakeMediaStore implements MediaStore {
  readonly files = new Map<
    string,
    { data: Buffer; filename: string; contentType: string; expiresAt: number }
  >();

  async put(input: { data: Buffer; filename: string; contentType: string; ttlMs: number }) {
    const id = randomUUID().replaceAll("-", "");
    this.files.set(id, { ...input, expiresAt: Date.now() + input.ttlMs });
    return id;
  }

  async get(id: string, now: Date) {
    const f = this.files.get(id);
    return f && f.expiresAt > now.getTime() ? f : null;
  }

  async deleteExpired(now: Date) {
    let n = 0;
    for (const [id, f] of this.files) {
      if (f.expiresAt <= now.getTime()) {
        this.files.delete(id);
        n++;
      }
    }
    return n;
  }
}
