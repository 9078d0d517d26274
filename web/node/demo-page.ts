// The index.html of a web build: a plain page (no build step, as a user's would be) that loads the
// build's models with nnc.js, says which backend it got, shows each model's summary and predicts
// the rows typed or pasted into it.
import type { WebModelEntry } from '../manifest.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function demoPage(models: WebModelEntry[]): string {
  const options = models.map((m) => `<option value="${escape(m.name)}">${escape(m.name)} (${m.model.inputDim} inputs)</option>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(models.map((m) => m.name).join(', '))}: nnc web build</title>
<style>
  body { font: 15px/1.4 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
  pre, textarea { font: 13px/1.35 ui-monospace, monospace; }
  pre { background: #f6f6f6; padding: .6rem; overflow: auto; }
  textarea { width: 100%; height: 8rem; }
  table { border-collapse: collapse; margin-top: .6rem; } td, th { border: 1px solid #ccc; padding: .2rem .5rem; text-align: right; }
  #error { color: #b00020; white-space: pre-wrap; }
</style>
</head>
<body>
<h1>nnc web build</h1>
<p>Model <select id="model">${options}</select> &middot; <span id="backend">loading&hellip;</span></p>
<pre id="summary"></pre>
<p><label for="rows">Rows to predict, one per line, values separated by commas:</label></p>
<textarea id="rows" spellcheck="false"></textarea>
<p><button id="predict" disabled>Predict</button></p>
<div id="error"></div>
<table id="predictions"></table>
<script type="module">
import { loadModel } from './nnc.js';

const $ = (id) => document.getElementById(id);
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
let model = null;

async function open(name) {
  model?.dispose();
  model = null;
  $('predict').disabled = true;
  $('backend').textContent = 'loading\\u2026';
  try {
    model = await loadModel('./', { model: name });
    $('backend').textContent = 'running on ' + model.backend;
    $('summary').textContent = model.summary;
    if (!$('rows').value.trim()) $('rows').value = Array(model.inputs).fill(0).join(', ');
    $('predict').disabled = false;
  } catch (e) {
    $('error').textContent = e.message;
  }
}

$('model').onchange = () => open($('model').value);
$('predict').onclick = async () => {
  $('error').textContent = '';
  const rows = $('rows').value.split('\\n').map((l) => l.trim()).filter(Boolean).map((l) => l.split(/[,;\\s]+/).map(Number));
  try {
    const p = await model.predict(rows);
    const head = '<tr>' + p.columns.map((c) => '<th>' + esc(c) + '</th>').join('') + '</tr>';
    const body = Array.from({ length: p.rows }, (_, r) => {
      const cells = Array.from(p.values.subarray(r * p.units, (r + 1) * p.units), (v) => v.toPrecision(6));
      if (p.classes) cells.push(String(p.classes[r]));
      return '<tr>' + cells.map((c) => '<td>' + esc(c) + '</td>').join('') + '</tr>';
    });
    $('predictions').innerHTML = head + body.join('');
  } catch (e) {
    $('error').textContent = e.message;
  }
};
open($('model').value);
</script>
</body>
</html>
`;
}
