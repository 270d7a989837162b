// @ts-check
// Child processes of the benchmark: each runs in its own process group, so it and
// anything it spawns (next start's server process, for one) can be ended together
// by its id, and a terminal's Ctrl-C does not hit them before we clean up.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';

/** @typedef {{ child: import('node:child_process').ChildProcess, name: string, tail: string[], exited: Promise<number> }} Tracked */

/** @type {Set<Tracked>} */
const live = new Set();

/**
 * Starts `command args` in its own process group. Output goes to `logFile` (if given)
 * and the last lines are kept for error messages.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logFile?: string, echo?: boolean, stdin?: string }} [opts]
 * @returns {Tracked}
 */
export function start(name, command, args, opts = {}) {
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true,
    stdio: [opts.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (opts.stdin !== undefined && child.stdin) child.stdin.end(opts.stdin);
  const log = opts.logFile ? createWriteStream(opts.logFile, { flags: 'a' }) : undefined;
  /** @type {string[]} */
  const tail = [];
  let partial = '';
  const onData = (/** @type {Buffer} */ chunk) => {
    log?.write(chunk);
    if (opts.echo) process.stdout.write(chunk.toString().replace(/^(?=.)/gm, `  │ `));
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    tail.push(...lines);
    if (tail.length > 200) tail.splice(0, tail.length - 200);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  /** @type {Tracked} */
  const tracked = {
    child,
    name,
    tail,
    exited: new Promise((resolve) => {
      child.once('error', (err) => {
        tail.push(`spawn error: ${err.message}`);
        resolve(-1);
      });
      child.once('exit', (code, signal) => {
        if (partial) tail.push(partial);
        log?.end();
        resolve(code ?? (signal ? 128 : 1));
      });
    }),
  };
  live.add(tracked);
  void tracked.exited.then(() => live.delete(tracked));
  return tracked;
}

/** @param {number} pid @param {NodeJS.Signals} signal */
function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Ends a child's process group: SIGTERM, then SIGKILL after `graceMs`. @param {Tracked} t */
export async function stop(t, graceMs = 5000) {
  const pid = t.child.pid;
  if (pid === undefined) return;
  if (t.child.exitCode === null && t.child.signalCode === null) {
    signalGroup(pid, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), graceMs);
    await t.exited;
    clearTimeout(timer);
  }
  // Grandchildren may outlive their parent; they share its process group.
  signalGroup(pid, 'SIGKILL');
}

/** Ends every child still running. */
export async function stopAll() {
  await Promise.all([...live].map((t) => stop(t)));
}

/**
 * Runs a command to completion with a time limit; resolves with its exit code and output.
 * @param {string} name @param {string} command @param {string[]} args
 * @param {{ cwd?: string, env?: NodeJS.ProcessEnv, logFile?: string, echo?: boolean, stdin?: string, timeoutMs: number }} opts
 */
export async function run(name, command, args, opts) {
  const t = start(name, command, args, opts);
  /** @type {string[]} */
  const stdout = [];
  t.child.stdout?.on('data', (/** @type {Buffer} */ c) => stdout.push(c.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void stop(t);
  }, opts.timeoutMs);
  const code = await t.exited;
  clearTimeout(timer);
  if (timedOut)
    throw new Error(
      `${name} did not finish within ${Math.round(opts.timeoutMs / 1000)} s.\n${t.tail.slice(-30).join('\n')}`,
    );
  return { code, stdout: stdout.join(''), tail: t.tail };
}

/** Like run(), but a non-zero exit is an error showing the last lines of output. @param {Parameters<typeof run>} a */
export async function runOk(...a) {
  const result = await run(...a);
  if (result.code !== 0)
    throw new Error(`${a[0]} failed (exit code ${result.code}):\n${result.tail.slice(-40).join('\n')}`);
  return result;
}

/** The pid and its descendants, from /proc. @param {number} root */
function processTree(root) {
  /** @type {Map<number, number[]>} */
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may contain spaces and parentheses; fields resume after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(/** @type {number} */ (out[i])) ?? []));
  return out;
}

/** @param {number} pid @returns {{ rss: number, hwm: number }} kB */
function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { rss, hwm };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

/**
 * Samples the resident memory of a process tree every `intervalMs`.
 * peakRssKb: the largest sum of VmRSS seen over the tree; peakHwmKb: the sum over the
 * processes seen of each one's own high-water mark (VmHWM, an upper bound of the tree's peak).
 * @param {number} rootPid
 */
export function watchMemory(rootPid, intervalMs = 100) {
  let peakRssKb = 0;
  /** @type {Map<number, number>} */
  const hwm = new Map();
  let processes = 0;
  const sample = () => {
    const tree = processTree(rootPid);
    let sum = 0;
    let alive = 0;
    for (const pid of tree) {
      const m = memoryOf(pid);
      sum += m.rss;
      if (m.rss > 0) alive += 1;
      if (m.hwm > (hwm.get(pid) ?? 0)) hwm.set(pid, m.hwm);
    }
    processes = Math.max(processes, alive);
    if (sum > peakRssKb) peakRssKb = sum;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return { peakRssKb, peakHwmKb: [...hwm.values()].reduce((a, b) => a + b, 0), processes };
    },
    sample,
  };
}

/** Signals every live child's process group at once (for signal and exit handlers). @param {NodeJS.Signals} signal */
export function signalAllSync(signal) {
  for (const t of live) if (t.child.pid !== undefined) signalGroup(t.child.pid, signal);
}

let clockTicks = 0;
/** Kernel clock ticks per second (for /proc/<pid>/stat times). */
function ticksPerSecond() {
  if (!clockTicks) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU time (user + system, ms) used so far by a process and its descendants, alive or reaped. @param {number} rootPid */
export function cpuMs(rootPid) {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime, stime, cutime, cstime: fields 14–17 of stat, i.e. 11–14 after the command name.
      // cutime/cstime hold the time of children already reaped (e.g. PostgreSQL backends that ended).
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } catch {
      // gone
    }
  }
  return (ticks * 1000) / ticksPerSecond();
}
