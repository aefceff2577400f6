// `cohort model export`: a run's model as a TF.js layers model (model.json + weights), which
// `loadModel` of `cohort/model` (ml/load-model.ts) loads in Node, and tf.loadLayersModel over HTTP.
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { chosenRound } from '../../coordinator/model-choice.js';
import { RunProgress } from '../../coordinator/run-progress.js';
import { RunStore } from '../../coordinator/run-store.js';
import { loadCheckpoint, saveCheckpoint } from '../../ml/checkpoint.js';
import { initEngine } from '../../ml/engine.js';
import { inheritSettings, nonNegativeInt, reportErrors, write } from '../output.js';

export function modelCommand(): Command {
  const model = inheritSettings(new Command('model').description('export trained models'));
  model
    .command('export')
    .description('write the model of a run (that of its last round closed ok, or --round) in the TF.js layers format')
    .requiredOption('--run-id <id>', 'the run')
    .requiredOption('--out <dir>', 'where model.json and its weights go')
    .option('--data-dir <dir>', "the coordinator's data directory", '.cohort')
    .option('--round <n>', 'the checkpoint of this round instead of the newest', nonNegativeInt)
    .option('--best', 'the model with the lowest federated validation loss the ledger records, instead of the newest', false)
    .action(async (opts: { runId: string; out: string; dataDir: string; round?: number; best: boolean }, self: Command) => {
      await reportErrors(self, async () => {
        await initEngine('auto');
        const store = new RunStore(opts.dataDir, opts.runId);
        // Which checkpoint is the run's model is the ledger's to say (coordinator/model-choice.ts).
        const progress = await RunProgress.read(store.ledgerPath, opts.runId);
        if (!progress.created) throw new RangeError(`no run "${opts.runId}" in the ledger of ${resolve(opts.dataDir)}`);
        const round = chosenRound(progress, opts.runId, opts);
        // Loading and saving again (rather than copying files) checks the checkpoint is whole.
        const loaded = await loadCheckpoint(store.checkpointDir(round)).catch((err: Error) => {
          throw new RangeError(`run ${opts.runId} has no readable checkpoint for round ${round}: ${err.message}`);
        });
        await saveCheckpoint(loaded, opts.out);
        loaded.dispose();
        const why = opts.best ? ` (the lowest federated validation loss, ${progress.best!.loss.toFixed(4)})` : '';
        write(self, `exported run ${opts.runId}, round ${round}${why}: ${join(resolve(opts.out), 'model.json')}`);
      });
    });
  return model;
}

