// Entry of a poster worker thread (poster-pool.ts): renders posters with pdfkit off the event loop.
import { parentPort } from "node:worker_threads";
import { runThreadInBackground } from "../../../background-priority";
import { type PosterInput, renderPosterPdf } from "./poster-pdf";

/** A render request from the pool. */
export interface PosterJob {
  id: number;
  input: PosterInput;
}

/** The worker's answer: the PDF bytes, or the error's class name and message to rebuild it. */
export type PosterJobResult =
  | { id: number; pdf: Uint8Array }
  | { id: number; error: { name: string; message: string } };

const port = parentPort;
if (port === null) throw new Error("poster-worker.ts runs as a worker thread (see poster-pool.ts)");
// A poster is wanted in a second or so; the replies on the event loop are wanted now. On 2 cores a render
// beside the loop otherwise takes half the CPU the loop needs (docs/adr/010).
runThreadInBackground();
port.on("message", (job: PosterJob) => {
  renderPosterPdf(job.input).then(
    (pdf) => {
      const bytes = ownBytes(pdf);
      port.postMessage({ id: job.id, pdf: bytes } satisfies PosterJobResult, [bytes.buffer]);
    },
    (error: unknown) => {
      const { name, message } = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: job.id, error: { name, message } } satisfies PosterJobResult);
    },
  );
});

/** The PDF over an ArrayBuffer of its own, to transfer rather than copy (Buffer.concat past 4 kB gives one). */
function ownBytes(pdf: Buffer): Uint8Array<ArrayBuffer> {
  const { buffer } = pdf;
  if (buffer instanceof ArrayBuffer && pdf.byteLength === buffer.byteLength) return new Uint8Array(buffer);
  return new Uint8Array(pdf);
}
