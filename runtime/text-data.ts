// Text models on the host: a model that begins with TextVectorization gets its vocabulary adapted
// on text (as Normalization gets its statistics), and every table of texts it reads becomes a
// table of token indices before the executor sees it (the compiled step takes the tokens). The
// vocabulary is saved in the weights file's metadata and read back with it.
import { fail } from '../base/diagnostics/diagnostic.js';
import type { Span } from '../base/source.js';
import type { Table } from '../base/data/dataset.js';
import { adaptVocabulary, vectorizeTexts } from '../base/data/text.js';
import type { Model, TextVectorizationLayer } from '../compiler/program.js';

/** The model's vectorizer: its first layer, when that is a TextVectorization. */
export function vectorizerOf(model: Model): TextVectorizationLayer | null {
  const first = model.layers[0];
  return first?.kind === 'TextVectorization' ? first : null;
}

/** The vocabulary of the vectorizer from the first `rows` texts of `table`; NNC5031 when it has more tokens than the Embedding after it has rows. */
export function adaptText(model: Model, layer: TextVectorizationLayer, table: Table, rows = table.rows): string[] {
  if (!table.texts) throw new Error(`text: ${layer.name} adapts on a table without texts`);
  const vocabulary = adaptVocabulary(table.texts.slice(0, rows), layer, layer.maxTokens);
  const next = model.layers[1];
  if (next?.kind === 'Embedding' && vocabulary.length > next.inputDim) fail('NNC5031', next.span, { layer: layer.name, tokens: vocabulary.length, rows: next.inputDim });
  return vocabulary;
}

const vectorized = new WeakMap<Table, { vocabulary: readonly string[]; table: Table }>();

/** The table as the model's step takes it: each text as its tokens (a table of numbers as it is). Cached per table and vocabulary. */
export function tokenTable(layer: TextVectorizationLayer, vocabulary: readonly string[], table: Table): Table {
  if (!table.texts) return table;
  const known = vectorized.get(table);
  if (known && known.vocabulary === vocabulary) return known.table;
  const length = layer.outputSequenceLength;
  const { texts: _texts, ...rest } = table;
  void _texts;
  const tokens: Table = { ...rest, featureDim: length, featureShape: [length], features: vectorizeTexts(table.texts, vocabulary, layer, length), featureNames: null };
  vectorized.set(table, { vocabulary, table: tokens });
  return tokens;
}

/** The metadata key of a vectorizer's vocabulary in a weights file. */
export function vocabularyKey(layer: string): string {
  return `vocabulary/${layer}`;
}

/** A vocabulary from a weights file's metadata (a JSON list of strings, "" and "[UNK]" first); NNC5004 when it is missing or malformed. */
export function vocabularyFrom(metadata: Record<string, string>, layer: TextVectorizationLayer, path: string, span: Span | undefined): string[] {
  const text = metadata[vocabularyKey(layer.name)];
  const bad = (detail: string): never => fail('NNC5004', span, { path, detail });
  if (text === undefined) return bad(`it has no vocabulary for '${layer.name}' (TextVectorization): it was not saved from a model that reads text`);
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    list = null;
  }
  if (!Array.isArray(list) || list.length < 2 || !list.every((t) => typeof t === 'string') || list[0] !== '' || list[1] !== '[UNK]') {
    return bad(`its metadata "${vocabularyKey(layer.name)}" is not a vocabulary (a JSON list of tokens beginning with "" and "[UNK]")`);
  }
  if (layer.maxTokens !== null && list.length > layer.maxTokens) bad(`its vocabulary for '${layer.name}' has ${list.length} tokens, more than max_tokens=${layer.maxTokens}`);
  return list as string[];
}
