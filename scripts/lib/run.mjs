// @ts-check
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './database-url.mjs';

const require = createRequire(import.meta.url);

/** Absolute paths of the CLIs we run with the current Node, never via npx. */
export const bin = {
  prisma: path.join(ROOT, 'node_modules/prisma/build/index.js'),
  next: require.resolve('next/dist/bin/next', { paths: [ROOT] }),
  tsx: path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
};

/** @type {Set<import('node:child_process').ChildProcess>} */
export const children = new Set();

/**
 * Runs `node <script> ...args`, inheriting stdio; resolves with the exit code.
 * @param {string} script @param {string[]} args @param {NodeJS.ProcessEnv} [env]
 */
export function runNode(script, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: 'inherit' });
    children.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

/** Like runNode, but a non-zero exit is an error that names the step.
 * @param {string} name @param {string} script @param {string[]} args @param {NodeJS.ProcessEnv} [env] */
export async function step(name, script, args, env) {
  const code = await runNode(script, args, env);
  if (code !== 0) throw new Error(`${name} failed (exit code ${code}).`);
}
