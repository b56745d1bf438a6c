#!/usr/bin/env node
// `npm run bench`: every benchmark on the compiled modules, each in its own Node process, all of
// them run even when one is over its limit (each prints its figures beside its limits); exits 1
// when any is over.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const BENCHES = ['bench/upgrade-validator.bench.mjs', 'bench/user-enablement.bench.mjs'];

const failed = BENCHES.filter((bench) => {
    const result = spawnSync(process.execPath, ['--import', './bench/register-lwc-modules.mjs', join(ROOT, bench)], {
        cwd: ROOT,
        stdio: 'inherit',
    });
    return result.status !== 0;
});
console.log(failed.length === 0 ? 'Every benchmark is within its limits.' : `Over a limit: ${failed.join(', ')}`);
process.exit(failed.length === 0 ? 0 : 1);
