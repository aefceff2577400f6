#!/usr/bin/env node
// The `cohort` command line: one entry point, one file per command under commands/. Only the
// command asked for is loaded (all of them for the overall help), so that `keys`, `enroll`,
// `roster` and `audit` start without loading TensorFlow.js.
import { Command } from 'commander';

const COMMANDS: Record<string, () => Promise<Command>> = {
  demo: async () => (await import('./commands/demo.js')).demoCommand(),
  serve: async () => (await import('./commands/serve.js')).serveCommand(),
  run: async () => (await import('./commands/run.js')).runCommand(),
  coordinator: async () => (await import('./commands/coordinator.js')).coordinatorCommand(),
  client: async () => (await import('./commands/client.js')).clientCommand(),
  keys: async () => (await import('./commands/keys.js')).keysCommand(),
  enroll: async () => (await import('./commands/enroll.js')).enrollCommand(),
  roster: async () => (await import('./commands/roster.js')).rosterCommand(),
  operator: async () => (await import('./commands/enroll.js')).operatorCommand(),
  model: async () => (await import('./commands/model.js')).modelCommand(),
  privacy: async () => (await import('./commands/privacy.js')).privacyCommand(),
  audit: async () => (await import('./commands/audit.js')).auditCommand(),
};

export async function program(argv: readonly string[]): Promise<Command> {
  const root = new Command('cohort')
    .description('Cohort: federated learning across agencies with secure aggregation, differential privacy and a signed ledger')
    .version('0.1.0')
    .option('--debug', 'on an unexpected failure, print its stack trace')
    .showHelpAfterError('(add --help for usage)');
  const asked = argv.slice(2).find((arg) => !arg.startsWith('-'));
  const names = asked !== undefined && asked in COMMANDS ? [asked] : Object.keys(COMMANDS);
  for (const name of names) root.addCommand(await COMMANDS[name]());
  return root;
}

await (await program(process.argv)).parseAsync(process.argv);
