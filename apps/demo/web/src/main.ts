// The page: a form, buttons and figures. It checks the form, starts a training worker per run and
// shows what the worker reports; it never trains itself, so it stays responsive.
import { ganDefaults } from '../../src/gan/gan-defaults';
import { ganVariantOf } from '../../src/gan/gan-variants';
import { formatDuration } from '../../src/progress/format-duration';
import { secondsLeft } from '../../src/progress/seconds-left';
import { vaeDefaults } from '../../src/vae/vae-defaults';
import { backendReportHtml, escapeHtml } from './backend-report';
import { checkpointKind } from './checkpoint-kind';
import { errorText } from './error-text';
import { lineChartSvg } from './line-chart-svg';
import { embeddedTrainingDigits, readSettings } from './read-settings';
import { lossesCsv, lossesJson, type RunRecord } from './run-files';
import { saveFile } from './save-file';
import type { EpochRecord, FromWorker, ModelKind, RunSettings, ToWorker } from './worker-protocol';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const field = (id: string) => $<HTMLInputElement | HTMLSelectElement>(id);
const buttons = {
  start: $<HTMLButtonElement>('start'),
  pause: $<HTMLButtonElement>('pause'),
  resume: $<HTMLButtonElement>('resume'),
  stop: $<HTMLButtonElement>('stop'),
  csv: $<HTMLButtonElement>('download-losses-csv'),
  json: $<HTMLButtonElement>('download-losses-json'),
  grid: $<HTMLButtonElement>('download-grid'),
  checkpoint: $<HTMLButtonElement>('download-checkpoint'),
  model: $<HTMLButtonElement>('download-model'),
};
const fileInput = $<HTMLInputElement>('checkpoint-file');

type State = 'idle' | 'starting' | 'running' | 'paused' | 'stopping' | 'ended' | 'failed';

interface Run extends RunRecord {
  kind: ModelKind;
  settings: RunSettings;
  plannedEpochs: number;
  batchSize: number;
  startStep: number;
  samplesPerSecond: number;
  /** Training time of this session: paused time excluded. */
  activeSince?: number;
  earlierSeconds: number;
  /** When the last step's message came, and how long epoch ends (metrics, grid) have taken, for the time left. */
  lastStepAt?: number;
  epochEnds: { seconds: number; count: number };
}

let kind: ModelKind = 'gan';
let state: State = 'idle';
let worker: Worker | undefined;
let run: Run | undefined;
/** Every epoch's sample grid of this run, oldest first (the CLI's samples-epoch-NNN.png), and the one shown. */
let grids: { png: Uint8Array; url: string; epoch: number }[] = [];
let shownGrid = -1;
let chosenCheckpoint: { bytes: Uint8Array; name: string } | undefined;
let renderTimer: ReturnType<typeof setTimeout> | undefined;

// ---- the form ----

function fillDefaults(which: ModelKind) {
  const d = which === 'gan' ? ganDefaults : vaeDefaults;
  field('epochs').value = String(d.epochs);
  field('batch-size').value = String(d.batchSize);
  field('learning-rate').value = String(d.learningRate);
  field('seed').value = String(d.seed);
  field('digits').value = String(embeddedTrainingDigits);
  if (which === 'gan') field('model').value = ganDefaults.model;
}

function switchTab(which: ModelKind) {
  if (which === kind || busy()) return;
  kind = which;
  for (const tab of ['gan', 'vae'] as const) $(`tab-${tab}`).setAttribute('aria-selected', String(tab === which));
  document.body.dataset.kind = which;
  fillDefaults(which);
  fileInput.value = '';
  chosenCheckpoint = undefined;
  resetView();
}

const busy = () => state === 'starting' || state === 'running' || state === 'paused' || state === 'stopping';

function setState(next: State) {
  state = next;
  document.body.dataset.state = next;
  buttons.start.disabled = busy();
  buttons.pause.disabled = next !== 'running';
  buttons.resume.disabled = next !== 'paused';
  buttons.stop.disabled = !(next === 'running' || next === 'paused' || next === 'starting');
  for (const id of ['tab-gan', 'tab-vae']) ($(id) as HTMLButtonElement).disabled = busy();
  const hasSession = run !== undefined && (next === 'running' || next === 'paused' || next === 'ended');
  buttons.checkpoint.disabled = !hasSession;
  buttons.model.disabled = !hasSession;
  buttons.checkpoint.textContent = `checkpoint (${kind === 'gan' ? 'gan-checkpoint.bin' : 'vae-checkpoint.json'})`;
  updateDownloads();
}

function updateDownloads() {
  const steps = run?.steps.length ?? 0;
  buttons.csv.disabled = kind === 'gan' ? steps === 0 : (run?.epochs.length ?? 0) === 0;
  buttons.json.disabled = steps === 0;
  buttons.grid.disabled = grids[shownGrid] === undefined;
  buttons.csv.textContent = kind === 'gan' ? 'losses.csv' : 'elbo.csv';
  buttons.json.textContent = kind === 'gan' ? 'losses.json' : 'elbo.json';
}

function showMessage(text: string | undefined, tone: 'error' | 'info' = 'error') {
  const box = $('message');
  box.hidden = text === undefined;
  box.textContent = text ?? '';
  box.className = tone;
}

// ---- a run ----

$('settings').addEventListener('submit', (event) => {
  event.preventDefault();
  start();
});

function start() {
  if (busy()) return;
  const form = {
    backend: field('backend').value,
    model: field('model').value,
    epochs: field('epochs').value,
    batchSize: field('batch-size').value,
    learningRate: field('learning-rate').value,
    seed: field('seed').value,
    digits: field('digits').value,
  };
  const read = readSettings(kind, form);
  if ('message' in read) return showMessage(read.message);
  showMessage(undefined);
  worker?.terminate();
  resetView();
  const { settings } = read;
  run = {
    kind,
    settings,
    config: undefined as never,
    stepsPerEpoch: 0,
    backend: settings.backend,
    digits: settings.digits,
    status: 'starting',
    seconds: 0,
    steps: [],
    epochs: [],
    plannedEpochs: settings.epochs,
    batchSize: settings.batchSize,
    startStep: 0,
    samplesPerSecond: 0,
    earlierSeconds: 0,
    epochEnds: { seconds: 0, count: 0 },
  };
  setState('starting');
  worker = new Worker(new URL('./training-worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<FromWorker>) => receive(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    fail(`the training worker failed: ${event.message || 'it could not start (see the browser’s network panel)'}`);
  };
  const checkpoint = chosenCheckpoint?.bytes.slice();
  send({ type: 'start', settings, ...(checkpoint ? { checkpoint } : {}) }, checkpoint ? [checkpoint.buffer] : []);
}

function send(message: ToWorker, transfer: Transferable[] = []) {
  worker?.postMessage(message, transfer);
}

function receive(message: FromWorker) {
  if (!run) return;
  switch (message.type) {
    case 'status':
      $('status').textContent = message.text;
      break;
    case 'note':
      $('backend-report').insertAdjacentHTML('beforeend', `<p class="note">note: ${escapeHtml(message.text)}</p>`);
      break;
    case 'backend':
      $('backend-report').innerHTML = backendReportHtml(message.info);
      run.backend = message.text.split('\n')[0]!.replace(/^backend: /, '');
      break;
    case 'plan': {
      run.config = message.config;
      run.stepsPerEpoch = message.stepsPerEpoch;
      run.startStep = message.startStep;
      run.batchSize = message.config.batchSize;
      run.steps = [...message.steps];
      run.epochs = [...message.epochRecords];
      if (message.realDigits) run.realDigits = { ...message.realDigits, count: Math.min(1000, run.digits) };
      run.activeSince = performance.now();
      showSettingsOf(message.config);
      $('chart-caption').textContent = `${message.model}: every step faint, a moving average bold`;
      setState('running');
      renderEpochs();
      scheduleRender();
      break;
    }
    case 'step':
      run.steps.push(message.record);
      run.samplesPerSecond = message.samplesPerSecond;
      run.lastStepAt = performance.now();
      scheduleRender();
      break;
    case 'epoch': {
      run.epochs.push(message.record);
      if (run.lastStepAt !== undefined && state === 'running') {
        run.epochEnds.seconds += (performance.now() - run.lastStepAt) / 1000;
        run.epochEnds.count++;
      }
      const url = URL.createObjectURL(new Blob([message.grid as BlobPart], { type: 'image/png' }));
      // The newest grid is shown unless an earlier one was picked to look at.
      const following = shownGrid === grids.length - 1;
      grids.push({ png: message.grid, url, epoch: message.record.epoch });
      // showGrid also updates the download buttons.
      showGrid(following ? grids.length - 1 : shownGrid);
      renderEpochs();
      break;
    }
    case 'paused':
      pauseClock();
      renderNow();
      setState('paused');
      $('status').textContent = 'paused';
      break;
    case 'resumed':
      run.activeSince = performance.now();
      run.lastStepAt = undefined; // the pause is no epoch end
      setState('running');
      $('status').textContent = 'training';
      break;
    case 'end': {
      pauseClock();
      const how =
        message.reason === 'completed'
          ? `done: ${message.epoch} epoch${message.epoch === 1 ? '' : 's'}, ${message.step} steps`
          : `stopped at step ${message.step} (epoch ${Math.max(1, Math.ceil(message.step / Math.max(1, run.stepsPerEpoch)))}): the checkpoint continues it`;
      run.status = message.reason === 'completed' ? 'completed' : `stopped at step ${message.step}`;
      $('status').textContent = how;
      $('time-left').textContent = '';
      setState('ended');
      renderNow();
      showResumeHint();
      break;
    }
    case 'checkpoint':
      saveFile(message.name, message.bytes as BlobPart);
      break;
    case 'model':
      saveFile('model.json', message.modelJson, 'application/json');
      saveFile('weights.bin', message.weights);
      break;
    case 'error':
      if (state === 'starting' || state === 'running' || state === 'paused' || state === 'stopping') fail(message.message);
      else showMessage(message.message);
      break;
  }
}

function fail(text: string) {
  pauseClock();
  showMessage(text);
  $('status').textContent = 'failed';
  setState('failed');
}

function pauseClock() {
  if (run?.activeSince !== undefined) {
    run.earlierSeconds += (performance.now() - run.activeSince) / 1000;
    run.activeSince = undefined;
  }
}

function sessionSeconds(): number {
  if (!run) return 0;
  return run.earlierSeconds + (run.activeSince === undefined ? 0 : (performance.now() - run.activeSince) / 1000);
}

function showSettingsOf(config: RunRecord['config']) {
  // A resumed run keeps its checkpoint's settings: the form shows them.
  field('batch-size').value = String(config.batchSize);
  field('learning-rate').value = String(config.learningRate);
  field('seed').value = String(config.seed);
  if ('model' in config) field('model').value = ganVariantOf(config);
}

buttons.pause.addEventListener('click', () => send({ type: 'pause' }));
buttons.resume.addEventListener('click', () => send({ type: 'resume' }));
buttons.stop.addEventListener('click', () => {
  if (state === 'starting') {
    worker?.terminate();
    worker = undefined;
    $('status').textContent = 'stopped before training began';
    return setState('idle');
  }
  send({ type: 'stop' });
  $('status').textContent = 'stopping after this step…';
  setState('stopping');
});
buttons.checkpoint.addEventListener('click', () => send({ type: 'save-checkpoint' }));
buttons.model.addEventListener('click', () => send({ type: 'export-model' }));
buttons.csv.addEventListener('click', () => {
  if (!run) return;
  const { name, text } = lossesCsv(kind, withTime(run));
  saveFile(name, text, 'text/csv');
});
buttons.json.addEventListener('click', () => {
  if (!run) return;
  const { name, text } = lossesJson(kind, withTime(run));
  saveFile(name, text, 'application/json');
});
buttons.grid.addEventListener('click', () => {
  const grid = grids[shownGrid];
  if (grid) saveFile(`samples-epoch-${String(grid.epoch).padStart(3, '0')}.png`, grid.png as BlobPart, 'image/png');
});

const withTime = (r: Run): RunRecord => ({ ...r, seconds: sessionSeconds(), status: state === 'ended' ? r.status : state });

fileInput.addEventListener('change', async () => {
  chosenCheckpoint = undefined;
  showMessage(undefined);
  const file = fileInput.files?.[0];
  if (!file) return;
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const found = checkpointKind(bytes);
    if (found === undefined) {
      fileInput.value = '';
      return showMessage(
        `${file.name} is not a dlkit checkpoint (expected gan-checkpoint.bin from pnpm demo or this page, or vae-checkpoint.json from pnpm demo vae train)`,
      );
    }
    if (found !== kind) {
      fileInput.value = '';
      return showMessage(`${file.name} is a ${found.toUpperCase()} checkpoint: open the ${found.toUpperCase()} tab to continue it`);
    }
    chosenCheckpoint = { bytes, name: file.name };
    showMessage(
      `${file.name}: Start continues this run with its own model, batch size, learning rate and seed (set Digits and Epochs as for the run)`,
      'info',
    );
  } catch (error) {
    showMessage(`cannot read ${file.name}: ${errorText(error)}`);
  }
});

// ---- drawing ----

/** Shows the run's grid at `index` (of grids), its caption, and the epoch picker once there are two. */
function showGrid(index: number) {
  const shown = grids[index];
  if (!shown || !run) return;
  shownGrid = index;
  const img = $<HTMLImageElement>('grid');
  img.src = shown.url;
  img.hidden = false;
  img.dataset.epoch = String(shown.epoch);
  $('grid-empty').hidden = true;
  // A class-conditional GAN's grid has a column per class (see sampleGridPng).
  const classes = 'classCount' in run.config ? run.config.classCount : 0;
  const rows = classes > 0 ? `, each row the digits 0 to ${classes - 1}` : '';
  $('grid-caption').textContent =
    `${kind === 'gan' ? `samples from the same noise${rows}` : 'decoded from the same z ~ N(0, I)'} after epoch ${shown.epoch}`;
  const picker = $<HTMLInputElement>('grid-epoch');
  picker.max = String(grids.length - 1);
  picker.value = String(index);
  $('grid-epoch-label').hidden = grids.length < 2;
  $('grid-epoch-value').textContent = `epoch ${shown.epoch} of ${grids.at(-1)!.epoch}`;
  updateDownloads();
}

$<HTMLInputElement>('grid-epoch').addEventListener('input', (event) => showGrid(Number((event.target as HTMLInputElement).value)));

function resetView() {
  run = undefined;
  for (const { url } of grids) URL.revokeObjectURL(url);
  grids = [];
  shownGrid = -1;
  $('grid-epoch-label').hidden = true;
  $<HTMLImageElement>('grid').hidden = true;
  $('grid-empty').hidden = false;
  $('chart').innerHTML = '';
  $('backend-report').innerHTML = '';
  for (const id of ['epoch-text', 'speed', 'time-left', 'resume-hint']) $(id).textContent = '';
  $('status').textContent = 'ready';
  renderEpochs();
  setState('idle');
}

function scheduleRender() {
  renderTimer ??= setTimeout(renderNow, 120);
}

function renderNow() {
  if (renderTimer !== undefined) clearTimeout(renderTimer);
  renderTimer = undefined;
  if (!run || run.stepsPerEpoch === 0) return;
  const { steps, stepsPerEpoch } = run;
  const x = steps.map((s) => s.step / stepsPerEpoch);
  const window = Math.max(1, Math.round(stepsPerEpoch / 5));
  const chart =
    kind === 'gan'
      ? lineChartSvg({
          x,
          series: [
            { name: 'discriminator', color: '#1f77b4', values: steps.map((s) => (s as { dLoss: number }).dLoss) },
            { name: 'generator', color: '#ff7f0e', values: steps.map((s) => (s as { gLoss: number }).gLoss) },
          ],
          xMax: run.plannedEpochs,
          window,
          xTitle: 'epoch',
          yTitle: 'loss (binary cross-entropy)',
        })
      : lineChartSvg({
          x,
          series: [{ name: 'train −ELBO (per step)', color: '#2a9d8f', values: steps.map((s) => (s as { loss: number }).loss) }],
          dots: [
            {
              name: 'test −ELBO (per epoch)',
              color: '#e76f51',
              x: run.epochs.map((e) => e.epoch),
              y: run.epochs.map((e) => (e as { testLoss?: number }).testLoss ?? Number.NaN),
            },
          ],
          xMax: run.plannedEpochs,
          window,
          xTitle: 'epoch',
          yTitle: '−ELBO (nats per digit)',
        });
  $('chart').innerHTML = chart;
  const last = steps.at(-1);
  const step = last?.step ?? 0;
  const totalSteps = run.plannedEpochs * stepsPerEpoch;
  $('epoch-text').textContent =
    `epoch ${Math.min(run.plannedEpochs, Math.floor(step / stepsPerEpoch) + 1)} of ${run.plannedEpochs} · step ${step.toLocaleString('en-US')} of ${totalSteps.toLocaleString('en-US')}`;
  if (run.samplesPerSecond > 0) {
    $('speed').textContent = `${Math.round(run.samplesPerSecond).toLocaleString('en-US')} samples/s`;
    const left = secondsLeft({
      doneSteps: step,
      epochs: run.plannedEpochs,
      stepsPerEpoch,
      stepsPerSecond: run.samplesPerSecond / run.batchSize,
      epochEndSeconds: run.epochEnds.count > 0 ? run.epochEnds.seconds / run.epochEnds.count : 0,
    });
    if (state === 'running') $('time-left').textContent = `${formatDuration(left)} left`;
  }
  updateDownloads();
}

function renderEpochs() {
  const table = $<HTMLTableElement>('epochs-table');
  const epochs: EpochRecord[] = run?.epochs ?? [];
  const cell = (v: number | undefined, digits: number) => (v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(digits));
  const real = run?.realDigits;
  if (kind === 'gan') {
    table.tHead!.innerHTML = `<tr><th>epoch</th><th>D loss</th><th>G loss</th><th>D(x)</th><th>D(G(z))</th><th>FID ↓</th><th>MNIST score ↑</th><th>stray ink ↓</th><th>isolated pixels ↓</th></tr>`;
    table.tBodies[0]!.innerHTML =
      epochs
        .map((e) => {
          const g = e as Extract<EpochRecord, { dLoss: number }>;
          return `<tr><td>${g.epoch}</td><td>${cell(g.dLoss, 3)}</td><td>${cell(g.gLoss, 3)}</td><td>${cell(g.dReal, 2)}</td><td>${cell(g.dFake, 2)}</td><td>${cell(g.fid, 1)}</td><td>${cell(g.mnistScore, 2)}</td><td>${cell(g.strayInk, 1)}</td><td>${cell(g.isolatedPixels, 3)}</td></tr>`;
        })
        .join('') +
      (real
        ? `<tr class="real"><td>real digits</td><td></td><td></td><td></td><td></td><td>${cell(real.fid, 1)}</td><td>${cell(real.mnistScore, 2)}</td><td>${cell(real.strayInk, 1)}</td><td>${cell(real.isolatedPixels, 3)}</td></tr>`
        : '');
  } else {
    table.tHead!.innerHTML = `<tr><th>epoch</th><th>train −ELBO</th><th>test −ELBO ↓</th><th>test reconstruction</th><th>test KL</th></tr>`;
    table.tBodies[0]!.innerHTML = epochs
      .map((e) => {
        const v = e as Extract<EpochRecord, { trainLoss: number }>;
        return `<tr><td>${v.epoch}</td><td>${cell(v.trainLoss, 2)}</td><td>${cell(v.testLoss, 2)}</td><td>${cell(v.testReconstruction, 2)}</td><td>${cell(v.testKl, 2)}</td></tr>`;
      })
      .join('');
  }
}

function showResumeHint() {
  if (!run) return;
  const limit = run.digits < embeddedTrainingDigits ? ` --limit ${run.digits}` : '';
  const more = run.plannedEpochs + 10;
  $('resume-hint').innerHTML =
    kind === 'gan'
      ? `To continue in Node: save the checkpoint and losses.json into a folder, say <code>out</code>, then <code>${escapeHtml(`pnpm demo --resume --out out${limit} --epochs ${more}`)}</code>. To continue here: choose the checkpoint under “Continue from a checkpoint” and Start.`
      : `To continue in Node: save the checkpoint and elbo.json into <code>out/vae/</code>, then <code>${escapeHtml(`pnpm demo vae train --resume --out out${limit} --epochs ${more}`)}</code>. To continue here: choose the checkpoint under “Continue from a checkpoint” and Start.`;
}

// ---- start-up ----

$('tab-gan').addEventListener('click', () => switchTab('gan'));
$('tab-vae').addEventListener('click', () => switchTab('vae'));
// Nothing the page does should end as a console stack trace: anything unexpected is a message here.
window.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  showMessage(errorText(event.reason));
});
window.addEventListener('error', (event) => {
  event.preventDefault();
  showMessage(errorText(event.error ?? event.message));
});
document.body.dataset.kind = kind;
fillDefaults(kind);
resetView();
if (!crossOriginIsolated) {
  showMessage('this page is not cross-origin isolated (serve it with pnpm demo web): WASM will run one thread', 'info');
}
