#!/usr/bin/env node
// Builds the host apps (react-19/, vue-3/) on the packed package, as a host would: `npm pack` of the
// built package (`npm run build` first), then for each app a copy outside the repository with the
// tarball beside it, `npm ci` from its committed lockfile, its type check (`tsc`, `vue-tsc`: the
// package's framework types at work) and `vite build`. e2e/hosts/hosts.e2e.mjs then drives each.
//
//   node e2e/hosts/build.mjs                      (npm run build:hosts)
//   node e2e/hosts/build.mjs --update-lockfiles   npm install instead of npm ci; writes the lockfiles back
//
// A lockfile names the tarball without its integrity: it changes with every build of the package, and
// npm ci installs whatever file the entry names. Everything else in it is pinned.

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HOST_APPS, TARBALL, WORK_DIR } from './apps.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..');
const { values: args } = parseArgs({ options: { 'update-lockfiles': { type: 'boolean', default: false } } });

/** Runs `npm …` in `cwd` with its output shown; returns how long it took, in seconds. */
function npm(cwd, ...command) {
  const started = Date.now();
  console.log(`\n$ (${cwd}) npm ${command.join(' ')}`);
  execFileSync('npm', command, { cwd, stdio: 'inherit', env: { ...process.env, NO_COLOR: '1' } });
  return ((Date.now() - started) / 1000).toFixed(1);
}

/** Leaves the lockfile's entry for the tarball without `integrity` (see the header). */
function withoutTarballIntegrity(lockfile) {
  const lock = JSON.parse(readFileSync(lockfile, 'utf8'));
  const entry = lock.packages?.['node_modules/lead-registration-widget'];
  if (!entry) throw new Error(`${lockfile} has no node_modules/lead-registration-widget`);
  delete entry.integrity;
  writeFileSync(lockfile, `${JSON.stringify(lock, null, 2)}\n`);
}

rmSync(WORK_DIR, { recursive: true, force: true });
mkdirSync(WORK_DIR, { recursive: true });
const [packed] = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', WORK_DIR], { cwd: ROOT, encoding: 'utf8' }),
);
const tarball = join(WORK_DIR, packed.filename);
console.log(`packed ${packed.name}@${packed.version}: ${packed.entryCount} files, ${packed.size} bytes`);

const timings = [];
for (const app of HOST_APPS) {
  const source = join(HERE, app);
  const work = join(WORK_DIR, app);
  cpSync(source, work, {
    recursive: true,
    filter: (path) => !/[/\\](node_modules|dist)$/.test(path) && !path.endsWith('.tgz'),
  });
  cpSync(tarball, join(work, TARBALL));
  const install = args['update-lockfiles']
    ? npm(work, 'install', '--no-audit', '--no-fund')
    : npm(work, 'ci', '--no-audit', '--no-fund');
  if (args['update-lockfiles']) {
    withoutTarballIntegrity(join(work, 'package-lock.json'));
    cpSync(join(work, 'package-lock.json'), join(source, 'package-lock.json'));
  }
  const typecheck = npm(work, 'run', 'typecheck');
  const build = npm(work, 'run', 'build');
  timings.push(`${app}: install ${install} s, type check ${typecheck} s, build ${build} s`);
}
console.log(`\nbuilt in ${WORK_DIR}:\n  ${timings.join('\n  ')}`);
