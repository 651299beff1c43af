/**
 * How the server process is started: Node flags and environment. `npm start` spells the same in
 * package.json (test/scripts/start-script.test.ts checks they agree); the bench and the tests that start
 * the server as a process use these. Why a bounded heap and few malloc arenas: docs/adr/008-sqlite-hot-path.md;
 * why WebAssembly stays on its baseline compiler (Prisma's query compiler): docs/adr/010-rendering-startup-footprint.md.
 */
export function serverNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return [`--max-old-space-size=${env.NODE_HEAP_MB ?? "128"}`, "--max-semi-space-size=8", "--liftoff-only"];
}

/** glibc gives each thread its own malloc arena; two are plenty for one event loop and its helpers. */
export function serverEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2" };
}
