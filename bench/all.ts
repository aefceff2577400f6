// `npm run bench`: every benchmark in turn, each in its own process so that engines and memory
// do not leak between them. Each prints its own table and the command that reproduces it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BENCHES = ['train', 'dpsgd', 'round', 'secagg-stages', 'secagg', 'chaos'];

let failed = 0;
for (const name of BENCHES) {
  const script = fileURLToPath(new URL(`./${name}.js`, import.meta.url));
  if (!existsSync(script)) continue;
  console.log(`\n=== bench/${name} ===`);
  const run = spawnSync(process.execPath, [script, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.status !== 0) {
    failed++;
    console.log(`bench/${name} exited with ${run.status ?? run.signal}`);
  }
}
process.exitCode = failed ? 1 : 0;
