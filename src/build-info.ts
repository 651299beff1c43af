import { dirname } from "node:path";

// Replaced by scripts/build.mjs with a hash of the sources the bundle was built from.
declare const __BUILD_ID__: string | undefined;

/**
 * The bundle this process runs, when it runs one (`npm start`): an id that changes with any source file, and
 * the folder it lies in. Undefined under tsx (`npm run dev`, tests, scripts), where the code can change
 * between two runs with nothing to say so.
 */
export function builtBundle(): { id: string; dir: string } | undefined {
  if (typeof __BUILD_ID__ !== "string") return undefined;
  // `import.meta.filename` is the file that runs (dist/main.js); the build rewrites only `import.meta.url`.
  return { id: __BUILD_ID__, dir: dirname(import.meta.filename) };
}
