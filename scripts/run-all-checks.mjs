#!/usr/bin/env node
// `npm test`: every offline check, in dependency order. Each check runs even when an earlier
// one failed (so one run shows everything that is wrong), except where a check needs an
// earlier one's output (the build). The last line counts the checks: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const { preflight } = createRequire(import.meta.url)('./lib/prerequisites.js');

const CHECKS = [
    { name: 'tsconfig paths up to date', cmd: 'node scripts/gen-ts-paths.mjs --check' },
    { name: 'build (tsc -> LWC JavaScript)', cmd: 'npx tsc -p tsconfig.build.json', required: true },
    { name: 'type-check (sources and tests)', cmd: 'npx tsc --noEmit -p tsconfig.json' },
    { name: 'ESLint (TypeScript and compiled LWC)', cmd: 'npx eslint .' },
    { name: 'Prettier verify (TS, HTML, XML, Apex)', cmd: 'npx prettier --check .' },
    { name: 'Apex static analysis (PMD, apex-ls, project rules)', cmd: 'node scripts/scan-apex.mjs', needs: 'java' },
    { name: 'Jest (unit, components, sa11y, contract) with coverage', cmd: 'npx sfdx-lwc-jest --coverage' },
    { name: 'package check (convert, XML, references)', cmd: 'node scripts/check-package.mjs' },
    { name: 'e2e in headless Chromium (axe, screenshots)', cmd: 'node e2e/run.mjs', needs: 'browser' },
];

const only = process.argv.slice(2);
const selected = CHECKS.filter(
    (check) => only.length === 0 || only.some((word) => check.name.toLowerCase().includes(word.toLowerCase())),
);

// Preflight, before anything slow: a machine without Java or a browser fails here, in one message
// that says what to install, instead of minutes later inside PMD or Playwright.
const { message: missing } = preflight({
    java: selected.some((check) => check.needs === 'java'),
    browser: selected.some((check) => check.needs === 'browser'),
});
if (missing) {
    console.error(missing);
    process.exit(1);
}

const results = [];
for (const check of selected) {
    console.log(`\n=== ${check.name}: ${check.cmd}`);
    const started = Date.now();
    const { status, error } = spawnSync(check.cmd, { stdio: 'inherit', shell: true });
    const ok = status === 0 && !error;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    results.push({ ...check, ok, seconds });
    if (!ok && check.required) {
        console.error(`\n${check.name} failed: the checks after it need its output, stopping.`);
        break;
    }
}

console.log('\n=== Summary');
for (const result of results) {
    console.log(`${result.ok ? 'PASS' : 'FAIL'}  ${result.name} (${result.seconds} s)`);
}
const failed = results.filter((result) => !result.ok).length;
const notRun = selected.length - results.length;
console.log(`${results.length - failed} passed, ${failed + notRun} failed`);
process.exit(failed + notRun > 0 ? 1 : 0);
