#!/usr/bin/env node
// Regenerates proto/generated/cohort.{js,d.ts} from proto/*.proto with protobufjs-cli.
// `node scripts/gen-proto.mjs --out DIR` writes elsewhere (the staleness test compares).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : join(root, 'proto', 'generated');
mkdirSync(outDir, { recursive: true });

const protos = readdirSync(join(root, 'proto')).filter((f) => f.endsWith('.proto')).sort()
  .map((f) => join('proto', f));
const bin = (name) => join(root, 'node_modules', 'protobufjs-cli', 'bin', name);
const js = join(outDir, 'cohort.js');

execFileSync(process.execPath, [bin('pbjs'),
  '-t', 'static-module', '-w', 'es6', '--dependency', 'protobufjs/minimal.js',
  '--no-beautify', '--force-number', '--no-delimited', '--no-convert',
  '-p', 'proto', '-o', js, ...protos], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [bin('pbts'), '-o', join(outDir, 'cohort.d.ts'), js],
  { cwd: root, stdio: 'inherit' });
