// `npm run build`: compiles the server to dist/ (one ES module bundle plus the poster worker, with source
// maps) so `npm start` runs plain JavaScript instead of compiling TypeScript at start-up with tsx
// (docs/adr/010-rendering-startup-footprint.md). Runs after `npm ci` (postinstall) and, with
// `--if-stale`, before `npm start` when a source file is newer than the bundle.
// npm packages stay external: node_modules is there at run time, and its files load as they are.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist");
const entryPoints = {
  main: join(root, "src/main.ts"),
  // Found next to the bundle by src/features/venues/render/poster-pool.ts.
  "poster-worker": join(root, "src/features/venues/render/poster-worker.ts"),
};

/** Newest modification time under `path` (a file or a folder), in ms. */
function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

if (process.argv.includes("--if-stale")) {
  const built = Math.min(...Object.keys(entryPoints).map((name) => newest(join(outdir, `${name}.js`))));
  const inputs = ["src", "package-lock.json", "scripts/build.mjs"].map((p) => newest(join(root, p)));
  if (built > Math.max(...inputs)) process.exit(0);
}

/**
 * Modules find their files next to themselves (`dirname(fileURLToPath(import.meta.url))`: the web chat's
 * public folder, the dashboard's assets, the migrations two folders up). In one bundle every module
 * would see dist/main.js instead, so each `import.meta.url` becomes its source file's URL, computed from
 * where the bundle is at run time: the repository can move, and public files are served from the one
 * copy in src/ rather than a copy in dist/ that could go stale. `import.meta.filename` is left as it is,
 * the file that actually runs.
 */
function sourceUrls(text, path) {
  if (!text.includes("import.meta.url")) return text;
  const source = JSON.stringify(relative(outdir, path).split("\\").join("/"));
  return text.replaceAll("import.meta.url", `new URL(${source}, import.meta.url).href`);
}

/**
 * The generated Prisma clients import their query compiler as a 2.4 MB base64 string in an ES module,
 * which stays in the heap for the life of the process, twice (the module's source and the string):
 * ≈ 5 MB of a server that idles near 80 MB. The bundle reads the same WebAssembly from a file written
 * next to it instead, and the bytes are garbage once compiled. If a Prisma upgrade changes the generated
 * code, the build says so and keeps Prisma's own loading (correct, only bigger).
 */
const BASE64_WASM =
  /const \{ wasm \} = await import\("@prisma\/client\/runtime\/query_compiler_bg\.(\w+)\.wasm-base64\.mjs"\)\s*return await decodeBase64AsWasm\(wasm\)/;
const require = createRequire(import.meta.url);

function wasmFromFile(text, path) {
  if (!/generated[\\/]\w+[\\/]internal[\\/]class\.ts$/.test(path)) return text;
  const match = BASE64_WASM.exec(text);
  if (!match) {
    console.error(
      `build: ${relative(root, path)} no longer loads its query compiler as expected; left as is`,
    );
    return text;
  }
  const file = `query_compiler_bg.${match[1]}.wasm`;
  const { wasm } = require(`@prisma/client/runtime/query_compiler_bg.${match[1]}.wasm-base64.js`);
  mkdirSync(outdir, { recursive: true });
  writeFileSync(join(outdir, file), Buffer.from(wasm, "base64"));
  const read = `const { readFile } = await import("node:fs/promises")
    return new WebAssembly.Module(await readFile(new URL(${JSON.stringify(`./${file}`)}, import.meta.url)))`;
  return text.replace(match[0], read);
}

const rewrites = {
  name: "rewrites",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, "utf8");
      // In this order: the compiler is read from next to the bundle, by the bundle's own URL.
      const contents = wasmFromFile(sourceUrls(text, args.path), args.path);
      return contents === text ? undefined : { contents, loader: "ts" };
    });
  },
};

/**
 * A hash of everything the bundle is made of (sources, locked dependencies, this script): the server keys what
 * it keeps between starts by it (the trained FAQ classifier, src/features/faq/classifier-cache.ts), so a new
 * build never reads what an older one computed. Files under locales/ are read at run time and key themselves.
 */
function sourceHash() {
  const hash = createHash("sha256");
  const add = (path) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const name of readdirSync(path).sort()) add(join(path, name));
      return;
    }
    hash.update(relative(root, path)).update("\0").update(readFileSync(path)).update("\0");
  };
  for (const path of ["src", "package-lock.json", "scripts/build.mjs"]) add(join(root, path));
  return hash.digest("hex").slice(0, 16);
}

const started = performance.now();
// Imported only now: the staleness check before `npm start` should cost no more than a directory walk.
const { build } = await import("esbuild");
await build({
  entryPoints,
  outdir,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  // Stack traces need file and line, not the text: a map without the sources is a third the size.
  sourcesContent: false,
  plugins: [rewrites],
  define: { __BUILD_ID__: JSON.stringify(sourceHash()) },
  logLevel: "warning",
});
console.error(`built dist/ in ${Math.round(performance.now() - started)} ms`);
