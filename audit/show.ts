// A person's view of a ledger: one row per round. It checks nothing beyond parsing; the
// footer says so, because a table is not a verification.
import { parseLine } from '../ledger/line.js';

interface Row {
  run: string;
  round: number;
  cohort: number;
  commits: number;
  dropouts: number;
  inputs: string;
  epsilon: string;
  status: string;
}

const HEADERS: Record<keyof Row, string> = { run: 'run', round: 'round', cohort: 'cohort', commits: 'commits', dropouts: 'dropouts', inputs: 'inputs', epsilon: 'epsilon', status: 'status' };

export function showLedger(ledger: string | Uint8Array): string {
  const bytes = typeof ledger === 'string' ? Buffer.from(ledger, 'utf8') : ledger;
  if (!(bytes instanceof Uint8Array)) throw new TypeError('ledger must be a string or a Uint8Array');
  const rows: Row[] = [];
  const open = new Map<string, Row>();
  const trailer: string[] = [];
  /** What a round's row does not say: its kind, its agencies' validation. */
  const notable: string[] = [];
  const runs: string[] = [];
  const refusals = new Map<string, Refusals>();
  let pos = 0;
  for (let line = 1; pos < bytes.length; line += 1) {
    const end = bytes.indexOf(0x0a, pos);
    const parsed = parseLine(bytes.subarray(pos, end === -1 ? bytes.length : end));
    pos = end === -1 ? bytes.length : end + 1;
    if ('problem' in parsed) {
      trailer.push(`line ${line}: ${parsed.problem.message}; rows after it are not shown`);
      break;
    }
    const { type, body } = parsed.entry;
    if (type === 'run_created') runs.push(body.runId);
    if (type === 'refusal') countRefusal(refusals, body);
    if (type === 'round_opened') {
      const row: Row = { run: body.runId, round: body.round, cohort: body.cohort.length, commits: 0, dropouts: 0, inputs: '-', epsilon: '-', status: 'open' };
      if (body.kind) notable.push(`run ${body.runId} round ${body.round}: ${body.kind === 'statistics' ? 'the statistics pass' : 'evaluation only'}`);
      rows.push(row);
      open.set(body.runId, row);
      continue;
    }
    if (type === 'run_finished') trailer.push(`run ${body.runId} finished after ${body.rounds} rounds: ${body.reason}`);
    if (type === 'run_failed') trailer.push(`run ${body.runId} failed: ${body.reason}`);
    if (type === 'operator_action') trailer.push(`run ${body.runId}: ${body.action} asked by operator ${body.operator} (key ${body.operatorKey.slice(0, 16)}…)`);
    if (!('round' in body) || body.round === undefined) continue;
    const row = open.get(body.runId);
    if (row === undefined || row.round !== body.round) continue;
    if (type === 'commitment') row.commits += 1;
    else if (type === 'dropout') row.dropouts += 1;
    else if (type === 'aggregate') row.inputs = String(body.inputs);
    else if (type === 'privacy_spent') row.epsilon = String(body.epsilon);
    else if (type === 'metrics' && body.validation && body.validation.examples > 0) {
      notable.push(`run ${body.runId} round ${body.round}: federated validation of the model it offered: ${describeValidation(body.validation)}`);
    }
    else if (type === 'round_closed') row.status = body.reason === undefined ? body.status : `${body.status} (${body.reason})`;
  }
  const keys = Object.keys(HEADERS) as (keyof Row)[];
  const lines = table([HEADERS, ...rows].map((row) => keys.map((key) => String(row[key]))));
  // A run whose every round was declined has no row: it must not vanish from the view.
  const roundless = runs.filter((run) => !rows.some((row) => row.run === run));
  const notes = roundless.map((run) => `run ${run}: no round opened${refusals.size > 0 && [...refusals.values()].some((r) => r.run === run) ? ' (see the refusals below)' : ''}`);
  const declined = refusals.size === 0 ? [] : ['', 'refusals (rounds an agency declined, by its policy\'s code):',
    ...table([['run', 'agency', 'code', 'rounds', 'first', 'last'],
      ...[...refusals.values()].map((r) => [r.run, r.agency, r.code, String(r.rounds), r.first, r.last])])];
  return [...lines, ...notes, ...(notable.length ? ['', ...notable] : []), ...declined, ...trailer, 'not verified: run `cohort audit verify` to check signatures and the chain'].join('\n') + '\n';
}

function describeValidation(v: { task: string; examples: number; lossSum: number; confusion: readonly number[] }): string {
  const k = Math.round(Math.sqrt(v.confusion.length));
  let correct = 0;
  for (let c = 0; c < k; c++) correct += v.confusion[c * k + c];
  const accuracy = v.task === 'regression' ? '' : `, accuracy ${(100 * correct / v.examples).toFixed(2)}%`;
  return `loss ${(v.lossSum / v.examples).toFixed(4)}${accuracy} (${v.examples} examples)`;
}

interface Refusals { run: string; agency: string; code: string; rounds: number; first: string; last: string }

function countRefusal(refusals: Map<string, Refusals>, body: { runId: string; agency: string; code: string; round?: number }): void {
  const key = `${body.runId} ${body.agency} ${body.code}`;
  const round = body.round === undefined ? '-' : String(body.round);
  const seen = refusals.get(key);
  if (seen === undefined) refusals.set(key, { run: body.runId, agency: body.agency, code: body.code, rounds: 1, first: round, last: round });
  else Object.assign(seen, { rounds: seen.rounds + 1, last: round });
}

/** Columns padded to their widest cell, with a rule under the header row. */
function table(cells: string[][]): string[] {
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const lines = cells.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return lines;
}
