import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { endianness } from "node:os";
import { join } from "node:path";
import type { Logger } from "../../core/logger";
import type { ClassifierState } from "./topic-classifier";

/** One training line before folding: the text as written and the class it teaches. */
export interface LabelledLine {
  readonly text: string;
  readonly label: string;
}

/**
 * Trained classifiers kept between starts. Training is a pure function of the lines and of the code that folds
 * and trains, so a model is found by both: the same lines under another build are a different model.
 */
export interface ClassifierCache {
  /** The model trained on exactly these lines by this build, if one was kept. */
  read(lines: readonly LabelledLine[]): ClassifierState | undefined;
  /** Keeps a model trained on these lines (best effort: a start that cannot write only trains again). */
  write(lines: readonly LabelledLine[], state: ClassifierState): void;
}

// Version 2: single-precision weights (version 1 held doubles).
const MAGIC = "FAQCLS2\n";
const SUFFIX = ".model";
// Officers' edits each make a new set of lines; the few newest are enough to start quickly again.
const KEEP = 4;

/**
 * A cache of files in `dir`, one per model: a short header (labels and features as JSON) and the weights as
 * the machine's floats (its byte order is part of the key), so a start reads ~4 MB instead of training for
 * ~0.3 s. Files are written under a temporary name and renamed, so several processes starting together never
 * read half a file.
 *
 * @param buildId what identifies the code (scripts/build.mjs hashes the sources); part of every key
 */
export function fileClassifierCache(dir: string, buildId: string, logger: Logger): ClassifierCache {
  const pathOf = (lines: readonly LabelledLine[]) => join(dir, `${keyOf(buildId, lines)}${SUFFIX}`);
  return {
    read(lines) {
      const path = pathOf(lines);
      try {
        return decode(readFileSync(path));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT")
          logger.warn({ err: error, path }, "kept FAQ model unreadable; training again");
        return undefined;
      }
    },
    write(lines, state) {
      const path = pathOf(lines);
      try {
        mkdirSync(dir, { recursive: true });
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, encode(state));
        renameSync(temporary, path);
        prune(dir);
      } catch (error) {
        logger.warn(
          { err: error, path },
          "could not keep the trained FAQ model; the next start trains again",
        );
      }
    },
  };
}

function keyOf(buildId: string, lines: readonly LabelledLine[]): string {
  const hash = createHash("sha256").update(buildId).update(endianness()).update("\0");
  for (const line of lines) hash.update(line.label).update("\t").update(line.text).update("\n");
  return hash.digest("hex").slice(0, 32);
}

function encode(state: ClassifierState): Buffer {
  const header = Buffer.from(JSON.stringify({ labels: state.labels, features: state.features }), "utf8");
  // The floats start on a multiple of 4 so they can be read where they lie.
  const start = align4(MAGIC.length + 4 + header.length);
  const out = Buffer.alloc(start + FLOAT * (state.weights.length + state.bias.length));
  out.write(MAGIC, 0, "latin1");
  out.writeUInt32LE(header.length, MAGIC.length);
  header.copy(out, MAGIC.length + 4);
  Buffer.from(state.weights.buffer, state.weights.byteOffset, state.weights.byteLength).copy(out, start);
  Buffer.from(state.bias.buffer, state.bias.byteOffset, state.bias.byteLength).copy(
    out,
    start + state.weights.byteLength,
  );
  return out;
}

/** @throws Error when the file is not one {@link encode} wrote whole */
function decode(file: Buffer): ClassifierState {
  if (file.toString("latin1", 0, MAGIC.length) !== MAGIC) throw new Error("not a kept FAQ model");
  const headerLength = file.readUInt32LE(MAGIC.length);
  const header = JSON.parse(file.toString("utf8", MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as {
    labels: string[];
    features: string[];
  };
  const start = align4(MAGIC.length + 4 + headerLength);
  const weightCount = header.labels.length * header.features.length;
  if (file.length !== start + FLOAT * (weightCount + header.labels.length))
    throw new Error(`kept FAQ model is ${file.length} bytes, not what its header describes`);
  // A file read whole has its own memory, so the floats are read where they lie; a Buffer cut from a shared
  // pool may start anywhere and is copied.
  const at = file.byteOffset + start;
  const count = weightCount + header.labels.length;
  const floats =
    at % FLOAT === 0
      ? new Float32Array(file.buffer, at, count)
      : new Float32Array(file.buffer.slice(at, at + FLOAT * count));
  return {
    labels: header.labels,
    features: header.features,
    weights: floats.subarray(0, weightCount),
    bias: floats.subarray(weightCount),
  };
}

const FLOAT = Float32Array.BYTES_PER_ELEMENT;

function align4(n: number): number {
  return Math.ceil(n / FLOAT) * FLOAT;
}

/** Leaves the newest {@link KEEP} models; another process pruning at the same time is not an error. */
function prune(dir: string): void {
  const models = readdirSync(dir)
    .filter((name) => name.endsWith(SUFFIX))
    .map((name) => ({
      path: join(dir, name),
      at: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs,
    }))
    .sort((a, b) => (b.at ?? 0) - (a.at ?? 0));
  for (const old of models.slice(KEEP)) rmSync(old.path, { force: true });
}
