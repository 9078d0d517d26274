// Text as Keras' TextVectorization reads it (output_mode="int"): each text standardized
// ("lower_and_strip_punctuation": ASCII letters lowercased, ASCII punctuation removed), split
// ("whitespace": runs of ASCII whitespace), and each token looked up in a vocabulary adapted on the
// training texts: index 0 is padding (""), 1 is the out-of-vocabulary token "[UNK]", then the
// tokens by descending count, ties in descending byte order (Keras: np.lexsort((tokens, counts))
// reversed). `max_tokens` counts the two special entries. Sequences are padded with 0 or cut at
// the end to `output_sequence_length`.

export type Standardize = 'lower_and_strip_punctuation' | 'lower' | 'strip_punctuation' | 'none';
export type SplitMode = 'whitespace' | 'character' | 'none';

export const STANDARDIZE_MODES: readonly Standardize[] = ['lower_and_strip_punctuation', 'lower', 'strip_punctuation', 'none'];
export const SPLIT_MODES: readonly SplitMode[] = ['whitespace', 'character', 'none'];

export const PADDING_TOKEN = '';
export const OOV_TOKEN = '[UNK]';

export interface Tokenizer {
  standardize: Standardize;
  split: SplitMode;
}

/** Keras' DEFAULT_STRIP_REGEX: every ASCII punctuation character (Python's string.punctuation). */
const PUNCTUATION = /[!"#$%&()*+,\-./:;<=>?@[\\\]^_`{|}~']/g;
/** tf.strings.lower lowercases ASCII letters only. */
const ASCII_UPPER = /[A-Z]+/g;
const WHITESPACE = /[ \t\n\r\v\f]+/;

export function standardizeText(text: string, mode: Standardize): string {
  let s = text;
  if (mode === 'lower' || mode === 'lower_and_strip_punctuation') s = s.replace(ASCII_UPPER, (m) => m.toLowerCase());
  if (mode === 'strip_punctuation' || mode === 'lower_and_strip_punctuation') s = s.replace(PUNCTUATION, '');
  return s;
}

/** The tokens of one text, standardized and split. */
export function tokenize(text: string, t: Tokenizer): string[] {
  const s = standardizeText(text, t.standardize);
  switch (t.split) {
    case 'whitespace':
      return s.split(WHITESPACE).filter((w) => w.length > 0);
    case 'character':
      return [...s];
    case 'none':
      return [s];
  }
}

const utf8 = new TextEncoder();

/** Byte order of UTF-8 strings (what numpy sorts Keras' byte-string tokens by). */
function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  const x = utf8.encode(a);
  const y = utf8.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/**
 * The vocabulary adapted on `texts`: ["", "[UNK]", then tokens by descending count, ties by
 * descending byte order], at most `maxTokens` entries in all (null: every token).
 */
export function adaptVocabulary(texts: Iterable<string>, t: Tokenizer, maxTokens: number | null): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const token of tokenize(text, t)) counts.set(token, (counts.get(token) ?? 0) + 1);
  // the special tokens are never learned as tokens
  counts.delete(PADDING_TOKEN);
  counts.delete(OOV_TOKEN);
  const tokens = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || compareBytes(b, a));
  const learned = maxTokens === null ? tokens : tokens.slice(0, Math.max(0, maxTokens - 2));
  return [PADDING_TOKEN, OOV_TOKEN, ...learned];
}

/** Texts as rows of `length` token indices (float32, as the model's input holds them). */
export function vectorizeTexts(texts: readonly string[], vocabulary: readonly string[], t: Tokenizer, length: number): Float32Array {
  const index = new Map<string, number>();
  vocabulary.forEach((token, i) => {
    if (i >= 2) index.set(token, i);
  });
  const out = new Float32Array(texts.length * length);
  texts.forEach((text, r) => {
    const tokens = tokenize(text, t);
    const n = Math.min(tokens.length, length);
    for (let j = 0; j < n; j++) out[r * length + j] = index.get(tokens[j]!) ?? 1;
  });
  return out;
}
