// A run's log is its entries in the ledger, each said in one line: who submitted, paused,
// resumed or stopped it, each round opened and how it closed, every refusal and dropout with its
// code, how the run ended. The ledger is the record, so the log is read from it (`cohort run logs`).
import { readFile } from 'node:fs/promises';
import type { LedgerEntry } from '../ledger/entries.js';
import { parseLine } from '../ledger/line.js';

export interface LogLine {
  seq: number;
  time: string;
  type: string;
  text: string;
}

/** The ledger's entries, up to the first line that does not parse (a torn tail, which the writer refuses to append after). */
export async function readLedger(path: string): Promise<LedgerEntry[]> {
  const bytes = await readFile(path).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return Buffer.alloc(0);
    throw err;
  });
  const entries: LedgerEntry[] = [];
  for (let start = 0, end = bytes.indexOf(0x0a); end !== -1; start = end + 1, end = bytes.indexOf(0x0a, start)) {
    const parsed = parseLine(bytes.subarray(start, end));
    if ('problem' in parsed) break;
    entries.push(parsed.entry);
  }
  return entries;
}

/** The run an entry belongs to: its body's runId, or the run a note names at its start ("run <id> …"). */
export function runOfEntry(entry: LedgerEntry): string | undefined {
  const runId = (entry.body as { runId?: unknown }).runId;
  if (typeof runId === 'string') return runId;
  if (entry.type === 'note') return /^run ([A-Za-z0-9][A-Za-z0-9._-]*) /.exec(entry.body.text)?.[1];
  return undefined;
}

export function logLine(entry: LedgerEntry): LogLine {
  return { seq: entry.seq, time: entry.time, type: entry.type, text: describe(entry) };
}

function describe(entry: LedgerEntry): string {
  switch (entry.type) {
    case 'operator_action': return `${entry.body.operator} asked to ${entry.body.action} the run`;
    case 'run_created': {
      const b = entry.body;
      return `run created: "${b.purpose}", ${b.rounds} rounds, strategy ${b.strategy.name}, minimum cohort ${b.minCohort}, ` +
        `secure aggregation ${b.secagg ? 'on' : 'off'}, DP ${b.dp ? b.dp.mode : 'off'}, model ${b.modelFingerprint.slice(0, 12)}…`;
    }
    case 'agency_joined': return `${entry.body.agency} joined with ${entry.body.dataset.rows} rows (data ${entry.body.dataset.sha256.slice(0, 12)}…, ${entry.body.dataset.license})`;
    case 'round_opened': return `round ${entry.body.round} opened with ${entry.body.cohort.map((m) => m.agency).join(', ')}`;
    case 'commitment': return `round ${entry.body.round}: ${entry.body.agency} committed its update`;
    case 'dropout': return `round ${entry.body.round}: ${entry.body.agency} dropped out at ${entry.body.stage}`;
    case 'unmasking': return `round ${entry.body.round}: unmasked with ${entry.body.survivors.length} inputs, shares from ${entry.body.sharesFrom.length}`;
    case 'aggregate': return `round ${entry.body.round}: aggregate of ${entry.body.inputs} inputs`;
    case 'model_updated': return `round ${entry.body.round}: model updated (${entry.body.modelSha256.slice(0, 12)}…)`;
    case 'privacy_spent': return `round ${entry.body.round}: privacy spent so far epsilon ${entry.body.epsilon.toFixed(3)} at delta ${entry.body.delta}`;
    case 'round_closed': return `round ${entry.body.round} closed ${entry.body.status}${entry.body.reason ? `: ${entry.body.reason}` : ''}`;
    case 'refusal': return `${entry.body.agency} declined${entry.body.round ? ` round ${entry.body.round}` : ''}: ${entry.body.code}: ${entry.body.reason}`;
    case 'note': return entry.body.text;
    case 'run_finished': return `run finished after ${entry.body.rounds} rounds: ${entry.body.reason}`;
    case 'run_failed': return `run failed: ${entry.body.reason}`;
    default: return (entry as LedgerEntry).type; // an entry type added later: named until it has its line
  }
}
