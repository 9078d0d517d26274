// The playground (docs/web.md): write a .nn program and see the compiler's diagnostics as you type
// (the compiler runs in the page), its model summary, its data (builtin, or a CSV dropped on the
// page); Train runs it as `nnc run` does, on the page's WebGPU device or, without one, on the CPU
// interpreter in a Web Worker, with a live chart of the loss and metrics per epoch; Stop stops it;
// Evaluate and Predict run again on the trained model; the weights and predictions download.
// `nnc playground [FILE]` serves it (web/node/playground.ts), with the program and its data files.
import { sourceForPath } from '../../base/data/dataset.js';
import type { Diagnostic } from '../../base/diagnostics/diagnostic.js';
import { NncError } from '../../base/diagnostics/diagnostic.js';
import { renderDiagnostics } from '../../base/diagnostics/render.js';
import { provideFile } from '../../base/files.browser.js';
import { SourceFile } from '../../base/source.js';
import { checkSource, type CheckResult } from '../../compiler/frontend.js';
import type { Program, Statement } from '../../compiler/program.js';
import { formatSummary } from '../../compiler/summary.js';
import { historyChart } from '../../runtime/chart.js';
import { formatPredictionsCsv, type Predictions } from '../../runtime/predictions.js';
import { formatLogs } from '../../runtime/progress.js';
import type { History, Logs } from '../../runtime/session.js';
import { openBackend, type WebBackend, type WebBackendChoice } from '../backend.js';
import { PageRunner, type PageResult } from '../runner.js';
import { highlight, markedLines } from './highlight.js';
import demo from '../../examples/demo.nn';
import tutorial from '../../examples/tutorial.nn';
import pima from '../../examples/pima.nn';
import iris from '../../examples/iris.nn';
import housing from '../../examples/housing.nn';

const EXAMPLES: Record<string, string> = { 'demo.nn': demo, 'tutorial.nn': tutorial, 'pima.nn': pima, 'iris.nn': iris, 'housing.nn': housing };
const CHECK_DELAY_MS = 120;
const PREVIEW_ROWS = 10;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const source = $<HTMLTextAreaElement>('source');
const params = new URLSearchParams(location.search);

/** What the page knows; `window.nncPlayground` shows it to tests and the curious. */
const state = {
  file: 'demo.nn',
  backend: null as WebBackend | null,
  check: null as CheckResult | null,
  runner: null as PageRunner | null,
  running: null as AbortController | null,
  /** Per model: the last fit's History (what the chart shows). */
  histories: new Map<string, History>(),
  results: [] as PageResult[],
  predictions: null as { model: string; predictions: Predictions } | null,
  evaluation: null as { model: string; logs: Logs } | null,
  /** 'idle', 'training', 'done', 'stopped', 'failed'. */
  phase: 'idle',
  error: null as string | null,
};
(window as unknown as { nncPlayground: typeof state }).nncPlayground = state;

// ---- the editor ------------------------------------------------------------------------------------

function paint(diagnostics: readonly Diagnostic[]): void {
  const text = source.value;
  $('highlight').innerHTML = highlight(text, diagnostics, state.file);
  const marked = markedLines(diagnostics, state.file);
  const lines = text.split('\n').length;
  $('gutter').innerHTML = Array.from({ length: lines }, (_, i) => {
    const level = marked.get(i + 1);
    return level ? `<span class="${level === 2 ? 'err' : 'warn'}">${i + 1}</span>` : String(i + 1);
  }).join('\n');
}

let timer: ReturnType<typeof setTimeout> | undefined;
source.addEventListener('input', () => {
  paint(state.check?.diagnostics ?? []);
  clearTimeout(timer);
  timer = setTimeout(check, CHECK_DELAY_MS);
});
source.addEventListener('keydown', (e) => {
  if (e.key !== 'Tab' || e.shiftKey || e.ctrlKey || e.metaKey) return;
  e.preventDefault();
  source.setRangeText('  ', source.selectionStart, source.selectionEnd, 'end');
  source.dispatchEvent(new Event('input'));
});

function setProgram(file: string, text: string): void {
  state.file = file;
  source.value = text;
  check();
}

// ---- checking, as you type --------------------------------------------------------------------------

/** The files a program reads that the page does not have (paths as written in it). */
function missingFiles(diagnostics: readonly Diagnostic[], text: string): string[] {
  return diagnostics
    .filter((d) => (d.code === 'NNC3010' || d.code === 'NNC4001') && d.span?.file === state.file)
    .map((d) => text.slice(d.span!.offset, d.span!.endOffset).replace(/^["']|["']$/g, ''));
}

function check(): void {
  const text = source.value;
  const file = new SourceFile(state.file, text);
  const result = checkSource(file, { mode: 'check' });
  state.check = result;
  paint(result.diagnostics);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = result.diagnostics.length - errors;
  const status = $('check');
  const missing = missingFiles(result.diagnostics, text);
  if (errors > 0) {
    status.className = 'check bad';
    status.textContent = `${errors} error${errors === 1 ? '' : 's'}${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`;
  } else if (missing.length > 0) {
    status.className = 'check warn';
    status.textContent = `ok, but it reads ${missing.join(', ')}: drop ${missing.length === 1 ? 'it' : 'them'} on the page to train`;
  } else {
    status.className = 'check ok';
    status.textContent = warnings ? `ok (${warnings} warning${warnings === 1 ? '' : 's'})` : 'ok';
  }
  $('diagnostics').textContent = renderDiagnostics(result.diagnostics, (path) => (path === state.file ? file : sourceForPath(path)));
  $('summary').textContent = result.program ? result.program.models.map(formatSummary).join('\n') : '';
  showData(result.program, missing);
  updateButtons();
}

function showData(program: Program | null, missing: string[]): void {
  const items: string[] = [];
  for (const d of program?.datasets ?? []) {
    const rows = d.shape ? `${d.shape.rows} rows, ${d.shape.featureDim} features` : 'not read';
    const source = d.source;
    const what =
      source.kind === 'csv' || source.kind === 'idx' || source.kind === 'images' || source.kind === 'text'
        ? `"${source.path}"`
        : source.kind === 'builtin'
          ? `builtin("${source.which}")`
          : source.kind === 'timeseries'
            ? `windows of ${source.window} rows of ${source.source}`
            : `split of ${source.source} (${source.part})`;
    items.push(`<li><b>${escapeHtml(d.name)}</b>: ${escapeHtml(what)}, ${rows}</li>`);
  }
  for (const m of missing) items.push(`<li class="missing"><b>${escapeHtml(m)}</b>: not here; drop it on the page</li>`);
  $('datasets').innerHTML = items.join('') || '<li>none</li>';
}

// ---- files dropped or given ---------------------------------------------------------------------------

async function takeFiles(files: Iterable<File>): Promise<void> {
  const notes: string[] = [];
  for (const f of files) {
    const bytes = new Uint8Array(await f.arrayBuffer());
    provideFile(f.name, bytes);
    // A CSV of another name stands in for the one file the program misses.
    const missing = missingFiles(state.check?.diagnostics ?? [], source.value);
    if (!f.name.endsWith('.safetensors') && missing.length === 1 && missing[0] !== f.name) {
      provideFile(missing[0]!, bytes);
      notes.push(`${f.name} is read as ${missing[0]}`);
    } else {
      notes.push(`${f.name} (${bytes.length} bytes) is here`);
    }
  }
  log(notes.join('\n') + '\n');
  check();
}

$<HTMLInputElement>('file').addEventListener('change', (e) => {
  const input = e.target as HTMLInputElement;
  if (input.files) void takeFiles(input.files);
});
document.addEventListener('dragover', (e) => {
  e.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
document.addEventListener('drop', (e) => {
  e.preventDefault();
  document.body.classList.remove('dragging');
  if (e.dataTransfer?.files.length) void takeFiles(e.dataTransfer.files);
});

// ---- running ------------------------------------------------------------------------------------------

function log(text: string): void {
  const el = $('log');
  el.textContent += text;
  el.scrollTop = el.scrollHeight;
}

function setStatus(text: string): void {
  $('status').textContent = text;
}

function updateButtons(): void {
  const running = state.running !== null;
  const ready = !!state.backend && !!state.check && !state.check.diagnostics.some((d) => d.severity === 'error') && missingFiles(state.check.diagnostics, source.value).length === 0;
  $<HTMLButtonElement>('train').disabled = running || !ready;
  $<HTMLButtonElement>('stop').disabled = !running;
  const trained = !running && state.runner !== null && state.runner.trained.length > 0;
  $<HTMLButtonElement>('evaluate').disabled = !trained;
  $<HTMLButtonElement>('predict').disabled = !trained;
}

function showError(e: unknown, file: SourceFile): void {
  if (e instanceof NncError) {
    const stopped = e.diagnostics.some((d) => d.code === 'NNC5005');
    state.phase = stopped ? 'stopped' : 'failed';
    setStatus(stopped ? 'stopped' : 'failed: see below');
    if (!stopped) $('diagnostics').textContent = renderDiagnostics(e.diagnostics, (path) => (path === state.file ? file : sourceForPath(path)));
    log(stopped ? 'stopped\n' : renderDiagnostics(e.diagnostics) + '\n');
  } else {
    state.phase = 'failed';
    setStatus(`failed: ${e instanceof Error ? e.message : String(e)}`);
    log(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  }
  state.error = state.phase === 'failed' ? (e instanceof Error ? e.message : String(e)) : null;
}

function drawChart(model: string): void {
  const history = state.histories.get(model);
  $('chart').innerHTML = history && history.epoch.length > 0 ? historyChart(history, model) : '';
}

async function train(): Promise<void> {
  if (!state.backend || state.running) return;
  const file = new SourceFile(state.file, source.value);
  const checked = checkSource(file, { mode: 'run' });
  if (!checked.program) {
    paint(checked.diagnostics);
    $('diagnostics').textContent = renderDiagnostics(checked.diagnostics, (path) => (path === state.file ? file : sourceForPath(path)));
    return;
  }
  state.runner?.dispose();
  const controller = new AbortController();
  state.running = controller;
  state.histories.clear();
  state.results = [];
  state.predictions = null;
  state.evaluation = null;
  state.error = null;
  state.phase = 'training';
  $('results').innerHTML = '';
  $('downloads').innerHTML = '';
  $('chart').innerHTML = '';
  $('log').textContent = '';
  updateButtons();
  const runner = new PageRunner(checked.program, checked.data, {
    backend: state.backend,
    seed: 0,
    signal: controller.signal,
    hooks: {
      print: log,
      onStatement: (st) => setStatus(describe(st)),
      onEpochEnd: (model, epoch, logs, history, epochs) => {
        state.histories.set(model, { epoch: [...history.epoch], history: Object.fromEntries(Object.entries(history.history).map(([k, v]) => [k, [...v]])) });
        setStatus(`${model}: epoch ${epoch + 1}/${epochs}`);
        log(`Epoch ${epoch + 1}/${epochs}${formatLogs(logs)}\n`);
        drawChart(model);
      },
    },
  });
  state.runner = runner;
  try {
    for (const st of checked.program.statements) {
      setStatus(describe(st));
      const result = await runner.execute(st);
      state.results.push(result);
      show(result);
    }
    await offerWeights();
    state.phase = 'done';
    setStatus('done');
  } catch (e) {
    await offerWeights();
    showError(e, file);
  } finally {
    state.running = null;
    updateButtons();
  }
}

function describe(st: Statement): string {
  return `${st.kind} ${st.model}`;
}

/** A statement's outcome on the page: the chart, an evaluation table, predictions, a download. */
function show(result: PageResult): void {
  const st = result.statement;
  if (result.history && 'model' in st) {
    state.histories.set(st.model, result.history);
    drawChart(st.model);
  }
  if (result.evaluation && 'model' in st) showEvaluation(st.model, result.evaluation);
  if (result.predictions && 'model' in st) showPredictions(st.model, result.predictions);
  if (result.file && state.runner) {
    const f = state.runner.files.get(result.file);
    if (f) addDownload(result.file, f.bytes, f.type);
  }
}

function showEvaluation(model: string, logs: Logs): void {
  state.evaluation = { model, logs };
  const rows = Object.entries(logs).map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${v.toFixed(4)}</td></tr>`);
  replaceSection('evaluation', `<h2>evaluate ${escapeHtml(model)}</h2><table>${rows.join('')}</table>`);
}

function showPredictions(model: string, p: Predictions): void {
  state.predictions = { model, predictions: p };
  const head = `<tr>${p.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const body = Array.from({ length: Math.min(PREVIEW_ROWS, p.rows) }, (_, r) => {
    const cells = Array.from(p.values.subarray(r * p.units, (r + 1) * p.units), (v) => v.toFixed(4));
    if (p.classes) cells.push(String(p.classes[r]));
    return `<tr>${cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`;
  });
  const more = p.rows > PREVIEW_ROWS ? `<p>the first ${PREVIEW_ROWS} of ${p.rows} rows</p>` : '';
  replaceSection('predictions', `<h2>predict ${escapeHtml(model)}</h2><table>${head}${body.join('')}</table>${more}`);
}

function replaceSection(id: string, html: string): void {
  let el = document.getElementById(`result-${id}`);
  if (!el) {
    el = document.createElement('div');
    el.id = `result-${id}`;
    $('results').appendChild(el);
  }
  el.innerHTML = html;
}

function addDownload(name: string, bytes: Uint8Array, type: string): void {
  const existing = [...$('downloads').querySelectorAll('a')].find((a) => a.download === name);
  if (existing) {
    URL.revokeObjectURL(existing.href);
    existing.remove();
  }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  a.download = name;
  a.textContent = `download ${name}`;
  $('downloads').appendChild(a);
}

/** After a run (done or stopped): each trained model's current weights, whether or not the program saved them. */
async function offerWeights(): Promise<void> {
  const runner = state.runner;
  if (!runner) return;
  for (const model of runner.trained) {
    try {
      addDownload(`${model}.safetensors`, await runner.weightsFile(model), 'application/octet-stream');
    } catch {
      // a model whose weights cannot be read (a lost device) has nothing to offer
    }
  }
}

/** The dataset the program evaluates (or predicts) a model on: its last such statement's, else its fit's. */
function datasetFor(model: string, kind: 'evaluate' | 'predict'): { data: string; batchSize: number } | null {
  const statements = state.runner?.program.statements ?? [];
  const own = [...statements].reverse().find((s) => s.kind === kind && s.model === model);
  const fit = statements.find((s) => s.kind === 'fit' && s.model === model);
  const st = own ?? fit;
  return st && 'data' in st && 'batchSize' in st ? { data: st.data, batchSize: st.batchSize } : null;
}

async function again(kind: 'evaluate' | 'predict'): Promise<void> {
  const runner = state.runner;
  if (!runner || state.running) return;
  const file = new SourceFile(state.file, source.value);
  const controller = new AbortController();
  state.running = controller;
  updateButtons();
  try {
    for (const model of runner.trained) {
      const target = datasetFor(model, kind);
      if (!target) continue;
      setStatus(`${kind} ${model} on ${target.data}`);
      if (kind === 'evaluate') {
        const logs = await runner.evaluate(model, target.data, target.batchSize, undefined, controller.signal);
        showEvaluation(model, logs);
        log(`evaluate ${model}(${target.data})${formatLogs(logs)}\n`);
      } else {
        const p = await runner.predict(model, target.data, target.batchSize, undefined, controller.signal);
        showPredictions(model, p);
        addDownload(`${model}.predictions.csv`, new TextEncoder().encode(formatPredictionsCsv(p)), 'text/csv');
        log(`predict ${model}(${target.data}) - ${p.rows} rows\n`);
      }
    }
    setStatus('done');
  } catch (e) {
    showError(e, file);
  } finally {
    state.running = null;
    updateButtons();
  }
}

$('train').addEventListener('click', () => void train());
$('stop').addEventListener('click', () => state.running?.abort());
$('evaluate').addEventListener('click', () => void again('evaluate'));
$('predict').addEventListener('click', () => void again('predict'));

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---- start ------------------------------------------------------------------------------------------

/** What `nnc playground FILE` hands over: the program and the data files it reads. */
interface Session {
  program: { name: string; text: string } | null;
  files: Array<{ name: string; url: string }>;
}

async function session(): Promise<Session | null> {
  try {
    const response = await fetch('session.json');
    if (!response.ok) return null;
    const s = (await response.json()) as Session;
    for (const f of s.files) provideFile(f.name, new Uint8Array(await (await fetch(f.url)).arrayBuffer()));
    return s;
  } catch {
    return null;
  }
}

async function start(): Promise<void> {
  const select = $<HTMLSelectElement>('example');
  const given = await session();
  const names = [...(given?.program ? [given.program.name] : []), ...Object.keys(EXAMPLES).filter((n) => n !== given?.program?.name)];
  select.innerHTML = names.map((n) => `<option>${escapeHtml(n)}</option>`).join('');
  select.addEventListener('change', () => setProgram(select.value, select.value === given?.program?.name ? given.program.text : EXAMPLES[select.value]!));
  const wanted = params.get('example');
  const first = wanted && EXAMPLES[wanted] !== undefined ? wanted : names[0]!;
  select.value = first;
  setProgram(first, first === given?.program?.name ? given.program.text : EXAMPLES[first]!);
  const choice = (params.get('backend') ?? 'auto') as WebBackendChoice;
  const badge = $('backend');
  try {
    state.backend = await openBackend({ backend: choice, worker: new URL('./nnc-worker.js', location.href) });
    badge.textContent = state.backend.description;
    badge.className = `badge ${state.backend.kind}`;
  } catch (e) {
    badge.textContent = e instanceof Error ? e.message : String(e);
  }
  updateButtons();
  document.body.dataset.ready = 'true';
}

void start();
