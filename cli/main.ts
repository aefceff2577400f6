#!/usr/bin/env node
// The `cohort` command line: one entry point, one file per command under commands/.
import { Command } from 'commander';
import { auditCommand } from './commands/audit.js';
import { clientCommand } from './commands/client.js';
import { coordinatorCommand } from './commands/coordinator.js';
import { demoCommand } from './commands/demo.js';
import { enrollCommand } from './commands/enroll.js';
import { keysCommand } from './commands/keys.js';
import { modelCommand } from './commands/model.js';
import { privacyCommand } from './commands/privacy.js';

export function program(): Command {
  return new Command('cohort')
    .description('Cohort: federated learning across agencies with secure aggregation, differential privacy and a signed ledger')
    .version('0.1.0')
    .option('--debug', 'on an unexpected failure, print its stack trace')
    .showHelpAfterError('(add --help for usage)')
    .addCommand(demoCommand())
    .addCommand(coordinatorCommand())
    .addCommand(clientCommand())
    .addCommand(keysCommand())
    .addCommand(enrollCommand())
    .addCommand(modelCommand())
    .addCommand(privacyCommand())
    .addCommand(auditCommand());
}

await program().parseAsync(process.argv);
