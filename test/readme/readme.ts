// README.md's quickstart blocks, run as a user would: each block is found by the marker comment
// before it (`<!-- test: name -->`), and each command runs in bash in the party's own folder,
// with `npx cohort` meaning the built CLI (dist/cli/main.js). The only substitutions are the
// ones the README asks a user to make (a folder, a port, a host name, a key printed earlier).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILT_CLI } from '../helpers/federation.js';
export { freePort } from '../helpers/in-process-cli.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
const README = readFileSync(join(REPO, 'README.md'), 'utf8');

/** The fenced block right after `<!-- test: name -->`. */
export function readmeBlock(name: string): string {
  const marker = `<!-- test: ${name} -->`;
  const at = README.indexOf(marker);
  if (at === -1) throw new Error(`README.md has no block marked ${marker}`);
  const block = /^```[a-z]*\n([\s\S]*?)^```$/m.exec(README.slice(at + marker.length));
  if (!block) throw new Error(`no fenced block after ${marker}`);
  return block[1];
}

/** A shell block's commands, one per entry, with backslash continuations joined. */
export function commands(block: string): string[] {
  return block.replace(/\\\n\s*/g, '').split('\n').filter((line) => line.trim() !== '');
}

/** The one command of `block` that starts with `prefix` (e.g. "npx cohort coordinator"). */
export function command(block: string, prefix: string): string {
  const found = commands(block).filter((line) => line.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one "${prefix}" command in the block, found ${found.length}`);
  return found[0];
}

// `npx cohort …` as the built CLI; exec, so that a signal sent to the child reaches node itself.
const NPX = `npx() { if [ "$1" = cohort ]; then shift; exec "${process.execPath}" "${BUILT_CLI}" "$@"; fi; echo "npx $1: not expected here" >&2; exit 127; }\n`;

export interface Ran {
  code: number | null;
  out: string;
  err: string;
}

export function start(script: string, cwd: string): ChildProcess & { output: () => Ran } {
  const child = spawn('bash', ['-euo', 'pipefail', '-c', NPX + script], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const ran: Ran = { code: null, out: '', err: '' };
  child.stdout!.on('data', (d: Buffer) => { ran.out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { ran.err += d.toString(); });
  child.on('exit', (code) => { ran.code = code; });
  return Object.assign(child, { output: () => ({ ...ran }) });
}

/** Runs `script` to its end (killed after `timeoutMs`). */
export async function run(script: string, cwd: string, timeoutMs = 60_000): Promise<Ran> {
  const child = start(script, cwd);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await new Promise((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  return child.output();
}

/** Waits until `check` holds for the child's output; fails if the child exits first. */
export async function waitFor(child: ReturnType<typeof start>, check: (ran: Ran) => boolean, what: string, timeoutMs = 60_000): Promise<Ran> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const ran = child.output();
    if (check(ran)) return ran;
    if (child.exitCode !== null || Date.now() > end) {
      throw new Error(`waiting for ${what}: ${child.exitCode !== null ? `exited ${child.exitCode}` : 'timed out'}\n${ran.out}\n${ran.err}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function exitOf(child: ReturnType<typeof start>, timeoutMs = 60_000): Promise<Ran> {
  if (child.exitCode !== null) return Promise.resolve(child.output());
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('close', () => {
      clearTimeout(timer);
      resolve(child.output());
    });
  });
}

/** A folder inside the Cohort checkout (tmp/ is git-ignored), as the README's layout has it. */
export async function checkoutFolder(prefix: string): Promise<string> {
  await mkdir(join(REPO, 'tmp'), { recursive: true });
  return mkdtemp(join(REPO, 'tmp', prefix));
}

/** A stack trace's frame lines ("    at f (file:1:2)"): none may reach a user without --debug. */
export const STACK_FRAME = /^\s+at .+\(?.+:\d+:\d+\)?$/m;
