/**
 * The Node flags the server runs with. `npm start` spells the same flags in package.json (a test checks
 * they agree); the bench and the tests that start the server as a process use this list.
 * Why a bounded heap: docs/adr/008-sqlite-hot-path.md.
 */
export function serverNodeFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  return [`--max-old-space-size=${env.NODE_HEAP_MB ?? "128"}`, "--max-semi-space-size=8"];
}
