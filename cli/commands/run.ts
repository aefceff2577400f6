// `cohort run`: an ML team's runs on the service (`cohort serve`), through its HTTP API. Reading
// (list, show, logs, export) needs nothing more; changing a run (submit, pause, resume, stop)
// is signed with the operator's own key, enrolled on the service, and recorded in its ledger.
import { isAbsolute, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { Command } from 'commander';
import type { BookedRun } from '../../coordinator/run-book.js';
import type { LogLine } from '../../coordinator/run-log.js';
import type { ModelExport, RunDetails } from '../../coordinator/run-service.js';
import { writeFileAtomic, writeJsonAtomic } from '../../storage/atomic.js';
import { CliError, inheritSettings, nonNegativeInt, reportErrors, write } from '../output.js';
import { formatRound } from '../progress.js';
import { addRunOptions, runConfigFrom, type RunFlags } from '../run-options.js';
import { operatorFrom, ServiceClient, serviceUrl } from '../service-client.js';

interface Common {
  service?: string;
  json: boolean;
}

interface Signing extends Common {
  key?: string;
  operator?: string;
}

const FOLLOW_POLL_MS = 1_000;

export function runCommand(): Command {
  const run = inheritSettings(new Command('run').description('submit, list, follow, pause, resume, stop and export runs on the run service (cohort serve)'));
  submitCommand(run);
  run.addCommand(common(new Command('list').description('the runs on the service, with their status'))
    .action((flags: Common, self: Command) => reportErrors(self, async () => list(self, flags))));
  run.addCommand(common(new Command('show').description("a run's status, rounds, agencies and ledger").argument('<run>', 'run id'))
    .action((runId: string, flags: Common, self: Command) => reportErrors(self, async () => show(self, runId, flags))));
  run.addCommand(common(new Command('logs').description("a run's log: its entries in the ledger, one line each").argument('<run>', 'run id'))
    .option('--follow', 'keep printing until the run ends (exit 0 if it finished, 1 if it failed or was stopped)', false)
    .action((runId: string, flags: Common & { follow: boolean }, self: Command) => reportErrors(self, async () => logs(self, runId, flags))));
  for (const action of ['pause', 'resume', 'stop'] as const) controlCommand(run, action);
  run.addCommand(common(new Command('export').description("a run's model in the TF.js layers format (loadModel from 'cohort/model' loads it)").argument('<run>', 'run id'))
    .requiredOption('--out <dir>', 'where model.json and its weights go')
    .option('--round <n>', 'the checkpoint of this round instead of the newest', nonNegativeInt)
    .option('--best', 'the model with the lowest federated validation loss its ledger records, instead of the newest', false)
    .action((runId: string, flags: Common & { out: string; round?: number; best: boolean }, self: Command) => reportErrors(self, async () => exportModel(self, runId, flags))));
  return run;
}

function common(cmd: Command): Command {
  return cmd
    .option('--service <url>', `the run service's API (default: $COHORT_SERVICE, else http://127.0.0.1:7401)`)
    .option('--json', 'print JSON, for tools', false);
}

function signing(cmd: Command): Command {
  return common(cmd)
    .option('--key <file>', 'your operator identity file (default: $COHORT_OPERATOR_KEY)')
    .option('--operator <id>', 'your operator id, as enrolled (default: the name in the key file)');
}

function submitCommand(run: Command): void {
  const cmd = signing(new Command('submit').description('queue a run: the run flags, or a run config JSON (--run)'));
  addRunOptions(cmd);
  cmd.action((flags: Signing & RunFlags, self: Command) => reportErrors(self, async () => {
    const config = await runConfigFrom(flags);
    // A model file is read by the service: name it so that the service finds it whatever its folder.
    if (config.modelPath && !isAbsolute(config.modelPath)) config.modelPath = resolve(config.modelPath);
    const client = new ServiceClient(serviceUrl(flags.service), await operatorFrom(flags));
    const booked = await client.signed<BookedRun>('POST', '/api/runs', Buffer.from(JSON.stringify(config)));
    if (flags.json) return write(self, JSON.stringify(booked));
    const { runs } = await client.get<{ runs: BookedRun[] }>('/api/runs');
    const ahead = runs.filter((r) => r.status === 'queued' || r.status === 'running' || r.status === 'paused').findIndex((r) => r.runId === booked.runId);
    write(self, `submitted run ${booked.runId}: ${booked.status}${booked.status === 'queued' && ahead > 0 ? ` (${ahead} ahead of it)` : ''}; ` +
      `follow it with: cohort run logs ${booked.runId} --follow`);
  }));
  run.addCommand(cmd);
}

function controlCommand(run: Command, action: 'pause' | 'resume' | 'stop'): void {
  const what = { pause: 'pause a run after its current round', resume: 'resume a paused run', stop: 'stop a run for good (a queued run is taken off the queue)' }[action];
  run.addCommand(signing(new Command(action).description(what).argument('<run>', 'run id'))
    .action((runId: string, flags: Signing, self: Command) => reportErrors(self, async () => {
      const client = new ServiceClient(serviceUrl(flags.service), await operatorFrom(flags));
      const booked = await client.signed<BookedRun>('POST', `/api/runs/${encodeURIComponent(runId)}/${action}`);
      write(self, flags.json ? JSON.stringify(booked) : `run ${booked.runId}: ${action} recorded in the ledger; status ${booked.status}` +
        (action === 'pause' ? ' (it pauses once its current round has closed)' : action === 'stop' && booked.status !== 'stopped' ? ' (it stops once its current round is abandoned)' : ''));
    })));
}

async function list(self: Command, flags: Common): Promise<void> {
  const { runs } = await new ServiceClient(serviceUrl(flags.service)).get<{ runs: BookedRun[] }>('/api/runs');
  if (flags.json) return write(self, JSON.stringify(runs));
  if (runs.length === 0) return write(self, 'no runs on this service yet: cohort run submit queues one');
  const rows = [['RUN', 'STATUS', 'ROUNDS', 'SUBMITTED', 'BY', 'NOTE'], ...runs.map((r) => [
    r.runId, r.status, `${r.roundsOk} ok${r.roundsAbandoned ? `, ${r.roundsAbandoned} abandoned` : ''}`,
    r.submittedAt ?? r.startedAt ?? '', r.submittedBy ?? '', r.reason ?? (r.stoppedBy && !r.endedAt ? `stopping (asked by ${r.stoppedBy})` : ''),
  ])];
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => row[col].length)));
  write(self, rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col])).join('  ').trimEnd()).join('\n'));
}

async function show(self: Command, runId: string, flags: Common): Promise<void> {
  const run = await new ServiceClient(serviceUrl(flags.service)).get<RunDetails>(`/api/runs/${encodeURIComponent(runId)}`);
  if (flags.json) return write(self, JSON.stringify(run));
  const rounds = run.config?.rounds ?? run.lastRound;
  const lines = [
    `run ${run.runId}: ${run.status}, round ${run.round} of ${rounds} (${run.roundsOk} aggregated, ${run.roundsAbandoned} abandoned)` +
      (run.stage ? `; ${run.stage.stage} ${run.stage.done}/${run.stage.total}` : ''),
    ...(run.submittedBy ? [`submitted by ${run.submittedBy} at ${run.submittedAt}`] : []),
    ...(run.startedAt ? [`began at ${run.startedAt}`] : []),
    ...(run.endedAt ? [`ended at ${run.endedAt}: ${run.reason}`] : run.stoppedBy ? [`stopping (asked by ${run.stoppedBy})`] : []),
    ...run.history.map((record) => `  ${formatRound(record, rounds)}`),
    ...(run.agencies.length ? ['agencies:'] : []),
    ...run.agencies.map((a) => `  ${a.agency}: ${a.connected ? 'connected' : `last seen ${a.lastSeen}`}${a.joinedAt ? `, joined ${a.joinedAt}` : ''}` +
      (a.declined ? `, declined${a.declined.round ? ` round ${a.declined.round}` : ''}: ${a.declined.code}: ${a.declined.reason}` : '')),
    `ledger: ${run.ledger.entries} entries of this run in ${run.ledger.path}; ${run.ledger.endRecorded ? 'its end is recorded' : 'not ended yet'}`,
  ];
  write(self, lines.join('\n'));
}

async function logs(self: Command, runId: string, flags: Common & { follow: boolean }): Promise<void> {
  const client = new ServiceClient(serviceUrl(flags.service));
  const path = `/api/runs/${encodeURIComponent(runId)}/log`;
  let after = -1;
  for (;;) {
    const { lines, status } = await client.get<{ lines: LogLine[]; status: string }>(`${path}?after=${after}`);
    for (const line of lines) write(self, flags.json ? JSON.stringify({ runId, ...line }) : `${line.time}  ${line.text}`);
    after = lines.at(-1)?.seq ?? after;
    const ended = status === 'finished' || status === 'failed' || status === 'stopped';
    if (!flags.follow) return;
    if (ended) {
      if (status !== 'finished') throw new CliError(`run ${runId} ${status}: cohort run show ${runId} says why`);
      return;
    }
    await new Promise((wake) => setTimeout(wake, FOLLOW_POLL_MS));
  }
}

async function exportModel(self: Command, runId: string, flags: Common & { out: string; round?: number; best?: boolean }): Promise<void> {
  // The service decides which checkpoint that is (coordinator/model-choice.ts), and refuses both flags at once.
  const query = [flags.best ? 'best=1' : '', flags.round === undefined ? '' : `round=${flags.round}`].filter(Boolean).join('&');
  const model = await new ServiceClient(serviceUrl(flags.service)).get<ModelExport>(`/api/runs/${encodeURIComponent(runId)}/model${query ? `?${query}` : ''}`);
  const weights = Buffer.from(model.weights.base64, 'base64');
  // The weights file is named after its content's hash (ml/checkpoint.ts): what arrived is what was saved.
  if (!model.weights.path.startsWith(`weights.${createHash('sha256').update(weights).digest('hex').slice(0, 16)}`)) {
    throw new CliError(`the weights of run ${runId} arrived damaged (their hash is not the one in their name): export again`);
  }
  await writeFileAtomic(join(flags.out, model.weights.path), weights);
  await writeJsonAtomic(join(flags.out, 'model.json'), model.modelJson);
  write(self, flags.json ? JSON.stringify({ runId, round: model.round, modelJson: join(resolve(flags.out), 'model.json') })
    : `exported run ${runId}, round ${model.round}: ${join(resolve(flags.out), 'model.json')}`);
}
