/**
 * A trained model as plain data: features in id order, weights term-major (see `logits`). Single precision:
 * the model is trained in doubles, then kept in floats, which halves its memory for the life of the process
 * (~1 million weights, 7.6 → 3.8 MB). On every held-out question the answer and its confidence stayed the
 * same to 4 decimals.
 */
export interface ClassifierState {
  readonly labels: readonly string[];
  readonly features: readonly string[];
  readonly weights: Float32Array;
  readonly bias: Float32Array;
}

/** A kept model that does not fit together (a damaged or foreign file). */
export class ClassifierStateError extends Error {
  override readonly name = "ClassifierStateError";
}

/** One training line for the classifier: its search terms and the topic it belongs to. */
export interface ClassifierSample {
  terms: readonly string[];
  label: string;
}

// Few examples per topic: L2 keeps the weights on the words many examples share. Chosen by leaving each
// locales/faq-asked file out in turn and scoring it (tuning data only, never a held-out set; docs/adr/020):
// with ~4,000 asked questions, rate 1.5 and L2 0.0003 gave in-scope 0.916 / rejection 0.966 at 6 epochs
// against 0.909 / 0.968 for the rate 1 and L2 0.0005 chosen when there were ~1,000. 8 epochs gave 0.919 /
// 0.965 for a third more training time at every start, so 6 it stays.
const EPOCHS = 6;
const LEARNING_RATE = 1.5;
const L2 = 0.0003;
const MIN_GRADIENT = 1e-3;

/**
 * Multinomial logistic regression over a question's search terms (words and word pairs), trained when the
 * matcher is built on the topics' own example and keyword lines. BM25 says how well a topic explains the
 * words; this says which words *tell topics apart*: "quên", "mật khẩu" weigh towards the health book's
 * login and away from the health book itself, "khai hộ", "nhân viên" towards staff check-in and away from
 * having no smartphone — pairs whose examples share most of their vocabulary.
 * Training is deterministic (fixed order, no randomness) and takes ~0.3 s for the ~7,000 lines shipped, a
 * fifth of start-up, so a built server keeps the trained model (see `classifier-cache.ts`); a query costs one
 * pass over its terms per topic.
 */
export class TopicClassifier {
  readonly labels: readonly string[];
  private readonly features: ReadonlyMap<string, number>;
  private readonly weights: Float32Array;
  private readonly bias: Float32Array;

  private constructor(state: ClassifierState) {
    this.labels = state.labels;
    this.features = new Map(state.features.map((term, i) => [term, i]));
    this.weights = state.weights;
    this.bias = state.bias;
  }

  /** Trains on the samples (see the class comment): the same samples always give the same model. */
  static train(samples: readonly ClassifierSample[]): TopicClassifier {
    const labels = [...new Set(samples.map((s) => s.label))];
    const labelIndex = new Map(labels.map((label, i) => [label, i]));
    const features = new Map<string, number>();
    for (const { terms } of samples)
      for (const term of terms) if (!features.has(term)) features.set(term, features.size);
    const classes = labels.length;
    const weights = new Float64Array(classes * features.size);
    const bias = new Float64Array(classes);
    const rows = samples.map(({ terms, label }) => ({
      ids: Int32Array.from(new Set(terms), (term) => features.get(term) ?? 0),
      y: labelIndex.get(label) ?? 0,
    }));
    const probabilities = new Float64Array(classes);
    // A fixed stride through the rows mixes topics without a random generator: same data, same model.
    const stride = coprimeStride(rows.length);
    for (let epoch = 0; epoch < EPOCHS; epoch += 1) {
      const rate = LEARNING_RATE / (1 + epoch * 0.2);
      const decay = 1 - rate * L2;
      for (let k = 0; k < rows.length; k += 1) {
        const row = rows[(k * stride) % rows.length];
        if (row === undefined || row.ids.length === 0) continue;
        const { ids, y } = row;
        const scale = 1 / Math.sqrt(ids.length);
        logits(weights, bias, ids, scale, probabilities);
        softmaxInPlace(probabilities);
        for (let c = 0; c < classes; c += 1) {
          const gradient = (probabilities[c] as number) - (c === y ? 1 : 0);
          // Classes the row barely touches would move by nothing: skipping them makes training sparse.
          if (gradient > -MIN_GRADIENT && gradient < MIN_GRADIENT) continue;
          bias[c] = (bias[c] as number) - rate * gradient * 0.1;
          const step = rate * gradient * scale;
          for (let j = 0; j < ids.length; j += 1) {
            const at = (ids[j] as number) * classes + c;
            weights[at] = (weights[at] as number) * decay - step;
          }
        }
      }
    }
    return new TopicClassifier({
      labels,
      features: [...features.keys()],
      weights: Float32Array.from(weights),
      bias: Float32Array.from(bias),
    });
  }

  /**
   * A model trained before (see {@link TopicClassifier.state}).
   *
   * @throws ClassifierStateError when the arrays do not fit the labels and features
   */
  static restore(state: ClassifierState): TopicClassifier {
    if (
      state.bias.length !== state.labels.length ||
      state.weights.length !== state.labels.length * state.features.length
    )
      throw new ClassifierStateError(
        `${state.labels.length} labels and ${state.features.length} features do not fit ${state.weights.length} weights and ${state.bias.length} biases`,
      );
    return new TopicClassifier(state);
  }

  /** Everything the model is, to keep and {@link TopicClassifier.restore} later (the arrays are shared). */
  state(): ClassifierState {
    return {
      labels: this.labels,
      features: [...this.features.keys()],
      weights: this.weights,
      bias: this.bias,
    };
  }

  /**
   * The probability of each topic given the terms, by label; terms the training lines never had are ignored.
   * All zeros-in, uniform-out: a question with no known term gets 1/number of topics everywhere.
   */
  probabilities(terms: readonly string[]): Map<string, number> {
    const ids = [...new Set(terms)].flatMap((term) => {
      const id = this.features.get(term);
      return id === undefined ? [] : [id];
    });
    const out = new Float64Array(this.labels.length);
    logits(this.weights, this.bias, ids, ids.length > 0 ? 1 / Math.sqrt(ids.length) : 0, out);
    softmaxInPlace(out);
    return new Map(this.labels.map((label, i) => [label, out[i] ?? 0]));
  }
}

/**
 * Weights are stored term by term (a term's weight for every topic side by side), so a question's few terms
 * are read as a few contiguous runs rather than one scattered read per topic and term: training (8 passes
 * over ~6,000 lines at start-up) took twice as long the other way round. Sums are made in doubles, in the
 * same order, whichever precision the weights are kept in.
 */
function logits(
  weights: Float64Array | Float32Array,
  bias: Float64Array | Float32Array,
  ids: ArrayLike<number>,
  scale: number,
  out: Float64Array,
): void {
  const classes = bias.length;
  out.fill(0);
  for (let j = 0; j < ids.length; j += 1) {
    const base = (ids[j] as number) * classes;
    for (let c = 0; c < classes; c += 1) out[c] = (out[c] as number) + (weights[base + c] as number);
  }
  for (let c = 0; c < classes; c += 1) out[c] = (bias[c] as number) + (out[c] as number) * scale;
}

function softmaxInPlace(values: Float64Array): void {
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) {
    const e = Math.exp((values[i] ?? 0) - max);
    values[i] = e;
    sum += e;
  }
  for (let i = 0; i < values.length; i += 1) values[i] = (values[i] ?? 0) / sum;
}

// A step through 0..n-1 that visits every index once: the first prime above n/2 that does not divide n.
function coprimeStride(n: number): number {
  if (n <= 2) return 1;
  for (let candidate = Math.floor(n / 2) + 1; ; candidate += 1) {
    if (n % candidate !== 0 && isPrime(candidate)) return candidate;
  }
}

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d += 1) if (n % d === 0) return false;
  return true;
}
