// @ts-check
// `npm test`: every check, with the independent ones side by side (decision 015).
// Each step is the package.json script of the same name; a step starts as soon as the
// steps it needs have passed. typecheck, lint, unit and the build are single-threaded
// for most of their run, so on two cores they take about as long together as the
// build does alone. Integration (three files at once) then e2e (two workers) each
// load both cores; run side by side, or beside the first four, they starve each other
// and time out (measured: decision 015).
// Output lines carry the step's name; the first failure stops the rest.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** @typedef {{ name: string, script: string, needs: string[], env?: Record<string, string> }} Step */
/** @type {Step[]} */
const STEPS = [
  { name: 'generate', script: 'db:generate', needs: [] },
  { name: 'typecheck', script: 'test:typecheck', needs: ['generate'] },
  { name: 'lint', script: 'lint', needs: ['generate'] },
  { name: 'unit', script: 'test:unit', needs: ['generate'] },
  // The typecheck step checks the same tsconfig (and the tests), so the build need not.
  { name: 'build', script: 'test:build', needs: ['generate'], env: { NEXT_BUILD_SKIP_TYPECHECK: '1' } },
  // The integration tests that serve the app, and the e2e web server, start this build.
  { name: 'integration', script: 'test:integration', needs: ['build', 'typecheck', 'lint', 'unit'] },
  { name: 'e2e', script: 'test:e2e', needs: ['integration'] },
];

// `npm test -- lint unit` runs only the steps named (what they need is taken as done).
const only = process.argv.slice(2);
const unknown = only.filter((name) => !STEPS.some((s) => s.name === name));
if (unknown.length) {
  console.error(`Unknown step ${unknown.join(', ')}; the steps are ${STEPS.map((s) => s.name).join(', ')}.`);
  process.exit(2);
}
const width = Math.max(...STEPS.map((s) => s.name.length));
const npm = process.env.npm_execpath;
/** @typedef {'waiting' | 'running' | 'passed' | 'failed' | 'stopped' | 'skipped'} State */
/** @type {Map<string, { state: State, start?: number, ms?: number, child?: import('node:child_process').ChildProcess }>} */
const status = new Map(STEPS.map((s) => [s.name, { state: only.length && !only.includes(s.name) ? 'skipped' : 'waiting' }]));
const done = (/** @type {string} */ name) => ['passed', 'skipped'].includes(status.get(name)?.state ?? '');
let failed = false;
let interrupted = false;
const started = Date.now();

// The steps write to a pipe, so they leave colour out unless our own output is a terminal.
const colour = process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {};
const seconds = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;
const say = (/** @type {string} */ name, /** @type {string} */ line) => process.stdout.write(`${name.padEnd(width)} │ ${line}\n`);

/** @param {Step} step */
function run(step) {
  const s = status.get(step.name);
  if (!s) return;
  s.state = 'running';
  s.start = Date.now();
  say(step.name, `▶ npm run ${step.script}`);
  // Through npm, so each step is exactly its package.json script (the same PATH and
  // environment as `npm run <script>`); detached, so a stop reaches its whole tree.
  const [cmd, args] = npm ? [process.execPath, [npm, 'run', '--silent', step.script]] : ['npm', ['run', '--silent', step.script]];
  const child = spawn(cmd, args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...colour, ...step.env } });
  s.child = child;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => say(step.name, line));
  }
  child.on('error', (error) => {
    // Not started at all (no exit follows).
    if (child.pid !== undefined) return;
    s.child = undefined;
    s.state = 'failed';
    say(step.name, `✖ could not start: ${error.message}`);
    stopAll();
    settle();
  });
  child.on('exit', (code, signal) => {
    s.ms = Date.now() - (s.start ?? 0);
    s.child = undefined;
    if (s.state === 'stopped') return settle();
    s.state = code === 0 ? 'passed' : 'failed';
    say(step.name, code === 0 ? `✓ passed in ${seconds(s.ms)}` : `✖ failed (${signal ?? `exit code ${code}`}) after ${seconds(s.ms)}`);
    if (code !== 0) stopAll();
    settle();
  });
}

function stopAll() {
  failed = true;
  for (const [name, s] of status) {
    if (s.state === 'waiting') s.state = 'stopped';
    if (s.state === 'running' && s.child?.pid) {
      s.state = 'stopped';
      say(name, '■ stopping: another step failed');
      try {
        // SIGINT, as Ctrl-C sends: Playwright then stops its web server (and its
        // database), which runs outside this group; on SIGTERM it left them running.
        process.kill(-s.child.pid, 'SIGINT');
      } catch {
        // Already gone.
      }
    }
  }
}

function settle() {
  if (!failed) {
    for (const step of STEPS) {
      const s = status.get(step.name);
      if (s?.state === 'waiting' && step.needs.every(done)) run(step);
    }
  }
  // A stopped step is still "stopped" while its processes exit; wait for them too.
  if ([...status.values()].some((s) => s.child || (!failed && s.state === 'waiting'))) return;
  summary();
}

function summary() {
  const mark = { passed: '✓', failed: '✖', stopped: '■', waiting: '·', running: '…', skipped: '-' };
  process.stdout.write('\n');
  for (const step of STEPS) {
    const s = status.get(step.name);
    if (!s) continue;
    const took = s.ms === undefined ? '' : seconds(s.ms);
    process.stdout.write(`${mark[s.state]} ${step.name.padEnd(width)}  ${s.state.padEnd(7)}  ${took}\n`);
  }
  const failures = STEPS.filter((s) => status.get(s.name)?.state === 'failed').map((s) => s.name);
  if (interrupted) {
    process.stdout.write(`\nnpm test interrupted after ${seconds(Date.now() - started)}.\n`);
    process.exitCode = 130;
    return;
  }
  process.stdout.write(
    failures.length
      ? `\nnpm test failed: ${failures.join(', ')} (scroll up for the lines marked with its name). Total ${seconds(Date.now() - started)}.\n`
      : `\nnpm test passed in ${seconds(Date.now() - started)}.\n`,
  );
  process.exitCode = failures.length ? 1 : 0;
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    interrupted = true;
    stopAll();
  });
}

settle();
