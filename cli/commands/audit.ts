// `cohort audit verify|show`: the auditor's commands. Exit codes for verify: 0 the ledger
// verified, 1 it did not (the first bad line is named), 2 the input could not be used (a
// missing file, a bad key, an unreadable or unsigned receipt).
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { fromHex } from '../../identity/keys.js';
import { KeyFileError, readPublicKey } from '../../identity/keyfile.js';
import { AuditError } from '../../ledger/errors.js';
import type { SignedReceipt } from '../../ledger/receipt.js';
import { readReceipts } from '../../ledger/receipt-file.js';
import { showLedger } from '../../audit/show.js';
import { verifyLedger, type VerifyReport } from '../../audit/verify.js';
import { EXIT_UNUSABLE } from '../output.js';

export interface AuditIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Sets the process's exit code; the entry point leaves the process to exit on its own. */
  readonly exit: (code: number) => void;
}

const processIo: AuditIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  exit: (code) => {
    process.exitCode = code;
  },
};

export const EXIT_VALID = 0;
export const EXIT_INVALID = 1;

const HEX_KEY = /^[0-9a-f]{64}$/;

class UnusableInput extends Error {
  static override name = 'UnusableInput';
}

export function auditCommand(io: AuditIo = processIo): Command {
  const audit = new Command('audit').description('check a ledger on your own: signatures, chain, rounds, receipts');
  audit
    .command('verify')
    .description('verify a ledger; exit 0 valid, 1 invalid, 2 unusable input')
    .argument('<ledger>', 'the ledger file (ledger.jsonl)')
    .option('--coordinator-key <hex|file>', "the coordinator's Ed25519 public key: 64 hex characters, or a file holding them (coordinator.pub), or its identity file")
    .option('--receipts <dir...>', 'agencies\' receipt directories (or receipts.jsonl files) to check against the ledger')
    .option('--require-finished', 'fail if a run has no run_finished entry (detects a ledger cut inside a run)')
    .option('--json', 'print the report as JSON')
    .action(async (ledger: string, opts: { coordinatorKey?: string; receipts?: string[]; requireFinished?: boolean; json?: boolean }) => {
      io.exit(await verifyAction(ledger, opts, io));
    });
  audit
    .command('show')
    .description('print the ledger\'s rounds as a table (no verification)')
    .argument('<ledger>', 'the ledger file')
    .action(async (ledger: string) => {
      try {
        io.out(showLedger(await readFile(ledger)));
        io.exit(EXIT_VALID);
      } catch (err) {
        io.err(`cannot read ${ledger}: ${(err as Error).message}\n`);
        io.exit(EXIT_UNUSABLE);
      }
    });
  return audit;
}

async function verifyAction(ledgerPath: string, opts: { coordinatorKey?: string; receipts?: string[]; requireFinished?: boolean; json?: boolean }, io: AuditIo): Promise<number> {
  let report: VerifyReport;
  try {
    const coordinatorKey = await loadKey(opts.coordinatorKey);
    const ledger = await readFile(ledgerPath).catch((err: Error) => {
      throw new UnusableInput(`cannot read ledger ${ledgerPath}: ${err.message}`);
    });
    const receipts: SignedReceipt[] = [];
    for (const dir of opts.receipts ?? []) receipts.push(...(await readReceipts(dir)).map((stored) => stored.receipt));
    report = verifyLedger(ledger, { coordinatorKey, receipts, requireFinished: opts.requireFinished === true });
  } catch (err) {
    if (!(err instanceof UnusableInput || err instanceof AuditError)) throw err;
    io.err(`unusable input: ${err.message}\n`);
    return EXIT_UNUSABLE;
  }
  io.out(opts.json === true ? JSON.stringify(report, null, 2) + '\n' : describeReport(report));
  return report.ok ? EXIT_VALID : EXIT_INVALID;
}

/**
 * The key itself when it is 64 lowercase hex characters (as the ledger writes keys), otherwise a
 * file: one holding the key (coordinator.pub) or the coordinator's identity file.
 */
async function loadKey(value: string | undefined): Promise<Uint8Array> {
  if (value === undefined) throw new UnusableInput('--coordinator-key is required: the coordinator\'s public key (64 hex characters), its .pub file or its identity file');
  if (HEX_KEY.test(value)) return fromHex(value, 32, 'coordinator key');
  if (/^[0-9a-f]{64}$/i.test(value)) throw new UnusableInput('--coordinator-key must be written in lowercase hex, as the ledger writes keys');
  try {
    return await readPublicKey(value);
  } catch (err) {
    if (err instanceof KeyFileError || err instanceof RangeError) throw new UnusableInput(`--coordinator-key: ${err.message}`);
    throw new UnusableInput(`--coordinator-key ${value}: ${(err as Error).message}`);
  }
}

function describeReport(report: VerifyReport): string {
  const lines = [report.ok ? `VALID: ${report.entries} entries, ${report.receiptsChecked} receipts checked` : `INVALID at line ${report.failure?.line} [${report.failure?.code}]: ${report.failure?.message}`];
  if (report.head !== null) lines.push(`${report.ok ? 'head' : 'last good entry'}: seq ${report.head.seq}, sha256 ${report.head.hash}`);
  for (const run of report.runs) {
    const privacy = run.epsilon === null ? 'no privacy spent' : `epsilon ${run.epsilon} (delta ${run.delta})`;
    const state = run.status === 'finished' ? `finished (${run.finishReason})` : 'running';
    lines.push(`run ${run.runId}: ${state}; ${run.rounds} rounds (${run.roundsOk} ok, ${run.roundsAbandoned} abandoned); ${run.agencies.length} agencies; ${run.dropouts} dropouts; ${privacy}`);
    const declined = run.refusals.reduce((sum, r) => sum + r.rounds, 0);
    if (declined > 0) lines.push(`  ${declined} refusals (agency, code, rounds declined):`, ...run.refusals.map((r) => `    ${r.agency}  ${r.code}  ${r.rounds}`));
    if (run.best) {
      const accuracy = run.best.accuracy === null ? '' : `, accuracy ${(100 * run.best.accuracy).toFixed(2)}%`;
      lines.push(`  federated validation of ${run.validation.length} models; the best, model ${run.best.modelSha256}, measured in round ${run.best.round}: loss ${run.best.loss}${accuracy}`);
    }
  }
  return lines.join('\n') + '\n';
}
