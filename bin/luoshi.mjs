#!/usr/bin/env node
// Runs the compiled CLI when built, otherwise the TypeScript source through tsx.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const built = join(root, 'dist', 'server', 'src', 'main.js');
const args = existsSync(built) ? [built] : ['--import', 'tsx', join(root, 'server', 'src', 'main.ts')];
const result = spawnSync(process.execPath, [...args, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(result.status ?? 1);
