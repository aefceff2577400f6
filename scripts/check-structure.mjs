#!/usr/bin/env node
// The structure docs/ARCHITECTURE.md describes, checked: which folder may import which (parties
// import shared parts, never each other; shared parts never import a party; arrows point down),
// and that no function outside tests and benches runs over MAX_LINES lines unless a comment
// `// long: <why>` stands on the line above it. Prints each violation as file:line and exits 1.
//
//   node scripts/check-structure.mjs [root]      (root defaults to the repository)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '@babel/parser';

/** The folders each folder may import (besides itself). Shared parts first, bottom up. */
export const ALLOWED = {
  storage: [],
  bytes: [],
  identity: ['bytes', 'storage'],
  privacy: ['storage'],
  ml: ['bytes', 'storage'],
  secagg: ['bytes', 'identity'],
  proto: ['bytes', 'identity', 'secagg'],
  ledger: ['bytes', 'identity', 'storage', 'secagg'],
  // The three parties: each uses shared parts only, never another party.
  coordinator: ['bytes', 'identity', 'storage', 'privacy', 'ml', 'secagg', 'proto', 'ledger'],
  client: ['bytes', 'identity', 'storage', 'privacy', 'ml', 'secagg', 'proto', 'ledger'],
  audit: ['bytes', 'identity', 'storage', 'privacy', 'ledger', 'secagg'],
  // What composes the parties: a federation laid out on one machine, the command line.
  examples: ['bytes', 'identity', 'storage', 'privacy', 'ml', 'secagg', 'proto', 'ledger', 'coordinator', 'client'],
  cli: ['bytes', 'identity', 'storage', 'privacy', 'ml', 'secagg', 'proto', 'ledger', 'coordinator', 'client', 'audit', 'examples'],
};
const PARTIES = new Set(['coordinator', 'client', 'audit']);
/** Folders that may import anything: they exercise or measure the whole. */
const UNCHECKED = new Set(['test', 'bench']);
const SKIPPED = new Set(['node_modules', 'dist', '.git', 'generated', 'scripts', 'docs']);
export const MAX_LINES = 60;

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression', 'ClassMethod', 'ClassPrivateMethod', 'ObjectMethod']);

export function checkStructure(root) {
  const problems = [];
  for (const file of sourceFiles(root)) {
    const path = relative(root, file);
    if (!path.includes(sep)) continue; // tool configuration at the top (vitest.config.ts), not a part
    const folder = path.split(sep)[0];
    const text = readFileSync(file, 'utf8');
    let ast;
    try {
      ast = parse(text, { sourceType: 'module', plugins: ['typescript'], errorRecovery: false });
    } catch (err) {
      problems.push(`${path}:${err.loc?.line ?? 1}: cannot parse: ${err.message}`);
      continue;
    }
    if (!UNCHECKED.has(folder)) problems.push(...importProblems(root, file, path, folder, ast));
    if (!UNCHECKED.has(folder)) problems.push(...lengthProblems(path, text.split('\n'), ast));
  }
  return problems;
}

function importProblems(root, file, path, folder, ast) {
  const allowed = ALLOWED[folder];
  if (allowed === undefined) return [`${path}:1: folder ${folder}/ has no place in scripts/check-structure.mjs ALLOWED: say which folders it may import`];
  const out = [];
  for (const { source, line } of importsOf(ast)) {
    if (!source.startsWith('.')) continue;
    const target = relative(root, resolve(dirname(file), source)).split(sep)[0];
    if (target === folder || allowed.includes(target)) continue;
    const why = PARTIES.has(folder) && PARTIES.has(target) ? 'a party never imports another party'
      : PARTIES.has(target) ? 'a shared part never imports a party'
        : 'arrows point down (docs/ARCHITECTURE.md, "Parts")';
    out.push(`${path}:${line}: ${folder}/ may not import ${target}/ (${source}): ${why}`);
  }
  return out;
}

function importsOf(ast) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if ((node.type === 'ImportDeclaration' || node.type === 'ExportNamedDeclaration' || node.type === 'ExportAllDeclaration') && node.source) {
      found.push({ source: node.source.value, line: node.loc.start.line });
    } else if (node.type === 'CallExpression' && node.callee.type === 'Import' && node.arguments[0]?.type === 'StringLiteral') {
      found.push({ source: node.arguments[0].value, line: node.loc.start.line });
    }
    forEachChild(node, visit);
  };
  visit(ast.program);
  return found;
}

function lengthProblems(path, lines, ast) {
  const out = [];
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    if (FUNCTIONS.has(node.type)) {
      const length = node.loc.end.line - node.loc.start.line + 1;
      if (length > MAX_LINES && !reasonAbove(lines, statementStart(node))) {
        out.push(`${path}:${node.loc.start.line}: ${nameOf(node)} is ${length} lines (over ${MAX_LINES}): split it into named steps, or put \`// long: <why>\` on the line above it`);
      }
    }
    forEachChild(node, visit);
  };
  visit(ast.program);
  return out;
}

/** The line a function's declaration starts on (an arrow's is the line of its `const`). */
function statementStart(node) {
  return node._statementLine ?? node.loc.start.line;
}

function reasonAbove(lines, line) {
  for (let i = line - 2; i >= 0; i--) {
    const text = lines[i].trim();
    if (text.startsWith('// long:')) return true;
    // Doc comments and decorators may stand between the reason and the function.
    if (!(text.startsWith('*') || text.startsWith('/**') || text.startsWith('*/') || text.startsWith('//'))) return false;
  }
  return false;
}

function nameOf(node) {
  if (node.id?.name) return `function ${node.id.name}`;
  if (node.key?.name) return `method ${node.key.name}`;
  if (node.key?.id?.name) return `method #${node.key.id.name}`;
  return node._name ? `function ${node._name}` : 'a function';
}

function forEachChild(node, visit) {
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'start' || key === 'end' || key.startsWith('_') || key === 'leadingComments' || key === 'trailingComments') continue;
    const value = node[key];
    if (Array.isArray(value)) {
      for (const child of value) {
        nameArrow(node, child);
        visit(child);
      }
    } else if (value && typeof value.type === 'string') {
      nameArrow(node, value);
      visit(value);
    }
  }
}

/** `const name = (...) => ...`: the arrow takes the variable's name and line. */
function nameArrow(parent, child) {
  if (parent.type === 'VariableDeclarator' && child === parent.init && parent.id?.name) {
    child._name = parent.id.name;
    child._statementLine = parent.loc.start.line;
  }
  if ((parent.type === 'ClassProperty' || parent.type === 'ObjectProperty') && child === parent.value && parent.key?.name) {
    child._name = parent.key.name;
    child._statementLine = parent.loc.start.line;
  }
}

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (SKIPPED.has(name) || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) yield path;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
  const problems = checkStructure(root);
  for (const problem of problems) console.error(problem);
  if (problems.length > 0) {
    console.error(`structure check: ${problems.length} problem(s); see docs/ARCHITECTURE.md`);
    process.exit(1);
  }
  console.log('structure check: imports follow the parts, no function over the line limit');
}
