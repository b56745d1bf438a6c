#!/usr/bin/env node
// Org commands for admins (and the scratch-org CI job); never run offline. Uses the Salesforce CLI
// installed as a devDependency so that everyone runs the same version.
//   npm run deploy -- -o ALIAS [sf project deploy start flags]
//   npm run test:apex -- -o ALIAS [--min-coverage 90] [sf apex run test flags]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_DIR = join('.sf', 'test-results');
const DEFAULT_MIN_COVERAGE = 90;
// `sf apex run test` exits 100 when a test fails; anything else non-zero means it could not run.
const SF_TESTS_FAILED = 100;

const USAGE = `Usage:
  node scripts/org.mjs deploy -o <alias|username> [flags for sf project deploy start]
      npm run build, then sf project deploy start --source-dir force-app --wait 30
  node scripts/org.mjs test -o <alias|username> [--min-coverage N] [flags for sf apex run test]
      sf apex run test --test-level RunLocalTests --code-coverage --wait 30, then fails unless
      every test passes and the package's Apex coverage is at least N% (default ${DEFAULT_MIN_COVERAGE})

  -o, --target-org   required: the org is never taken from the CLI default, so that nobody
                     deploys to or tests in the wrong org by accident
  -h, --help         this message

Through npm, put the flags after --:  npm run deploy -- -o my-scratch`;

/** The devDependency CLI's JS entry point, run with this Node: no shell, no .cmd shim on Windows. */
function sfCommand() {
    const entry = join(ROOT, 'node_modules', '@salesforce', 'cli', 'bin', 'run.js');
    if (existsSync(entry)) return [process.execPath, entry];
    console.warn('node_modules/@salesforce/cli is missing (run npm ci); falling back to sf on PATH.');
    return [process.platform === 'win32' ? 'sf.cmd' : 'sf'];
}

/** Runs a command with inherited stdio; resolves to its exit code (signals count as failure). */
function run(command, args) {
    console.log(`\n$ ${[command, ...args].map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
    return new Promise((resolve) => {
        const child = spawn(command, args, { stdio: 'inherit', cwd: ROOT });
        child.on('error', (error) => {
            console.error(`Could not start ${command}: ${error.message}`);
            resolve(1);
        });
        child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    });
}

function runSf(args) {
    const [command, ...prefix] = sfCommand();
    return run(command, [...prefix, ...args]);
}

/** `npm run build` with the npm that launched us when there is one (npm_execpath), else npm on PATH. */
function runBuild() {
    const npmCli = process.env.npm_execpath;
    if (npmCli && npmCli.endsWith('.js')) return run(process.execPath, [npmCli, 'run', 'build']);
    return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build']);
}

/**
 * Takes our own flags out of argv and leaves the rest for sf.
 * @returns {{ targetOrg?: string, minCoverage: number, help: boolean, rest: string[] }}
 */
export function parseArgs(argv) {
    const options = { targetOrg: undefined, minCoverage: DEFAULT_MIN_COVERAGE, help: false, rest: [] };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
        const value = () => inline ?? argv[++i];
        if (flag === '-o' || flag === '--target-org') {
            options.targetOrg = value();
        } else if (flag === '--min-coverage') {
            options.minCoverage = Number(value());
        } else if (flag === '-h' || flag === '--help') {
            options.help = true;
        } else {
            options.rest.push(arg);
        }
    }
    return options;
}

function hasFlag(args, ...flags) {
    return args.some((arg) => flags.includes(arg.split('=')[0]));
}

async function deploy({ targetOrg, rest }) {
    const built = await runBuild();
    if (built !== 0) return built;
    const args = ['project', 'deploy', 'start', '--source-dir', 'force-app', '--target-org', targetOrg];
    if (!hasFlag(rest, '-w', '--wait', '--async')) args.push('--wait', '30');
    return runSf([...args, ...rest]);
}

/** The package's non-test Apex classes and triggers (lower-case name -> name): what the floor applies to. */
function packageApexNames() {
    const names = new Map();
    const visit = (dir) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const full = join(dir, entry.name);
            if (entry.isDirectory()) {
                visit(full);
                continue;
            }
            const match = /^(\w+)\.(cls|trigger)$/.exec(entry.name);
            if (!match) continue;
            const source = readFileSync(full, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
            // Test classes are not measured; interfaces have no executable lines to cover.
            if (/@isTest\b/i.test(source) || /\binterface\s+\w+/i.test(source)) continue;
            names.set(match[1].toLowerCase(), match[1]);
        }
    };
    visit(join(ROOT, 'force-app'));
    return names;
}

/** The CLI-format JSON result that `--output-dir` writes next to test-run-id.txt. */
function readTestResult() {
    const dir = join(ROOT, RESULTS_DIR);
    const idFile = join(dir, 'test-run-id.txt');
    const runId = existsSync(idFile) ? readFileSync(idFile, 'utf8').trim() : undefined;
    const candidates = runId ? [`test-result-${runId}.json`] : [];
    candidates.push('test-result.json');
    const file = candidates.map((name) => join(dir, name)).find((path) => existsSync(path));
    return file ? { file, result: JSON.parse(readFileSync(file, 'utf8')) } : undefined;
}

function percent(value) {
    const number = Number.parseFloat(String(value ?? '').replace('%', ''));
    return Number.isFinite(number) ? number : undefined;
}

/**
 * Passes when every test passed and the package's own classes reach the floor. The package's
 * coverage is computed from the per-class lines, not orgWideCoverage, which in a shared org
 * also counts other people's code; a package class absent from the results was never run.
 */
export function evaluate(result, packageNames, minCoverage) {
    // packageNames: Map of lower-case name -> name, as packageApexNames() returns.
    const failures = [];
    const summary = result.summary ?? {};
    if (summary.outcome !== 'Passed' || Number(summary.failing) > 0) {
        failures.push(`tests: outcome ${summary.outcome}, ${summary.failing} failing of ${summary.testsRan}`);
    }
    // Names may come back with the ccsa namespace in a namespaced org.
    const strip = (name) =>
        String(name)
            .replace(/^ccsa(\.|__)/i, '')
            .toLowerCase();
    const perClass = (result.coverage?.coverage ?? []).filter((c) => packageNames.has(strip(c.name)));
    const seen = new Set(perClass.map((c) => strip(c.name)));
    const unrun = [...packageNames].filter(([key]) => !seen.has(key)).map(([, name]) => name);
    const total = perClass.reduce((sum, c) => sum + Number(c.totalLines), 0);
    const covered = perClass.reduce((sum, c) => sum + Number(c.totalCovered), 0);
    const packageCoverage = total > 0 ? (100 * covered) / total : undefined;
    if (unrun.length > 0) failures.push(`no coverage at all for: ${unrun.join(', ')}`);
    if (packageCoverage === undefined) {
        failures.push('no coverage data for the package classes (was --code-coverage dropped?)');
    } else if (packageCoverage < minCoverage) {
        failures.push(`package coverage ${packageCoverage.toFixed(1)}% is below ${minCoverage}%`);
    }
    const lines = [
        `tests: ${summary.passing ?? '?'} passed, ${summary.failing ?? '?'} failed of ${summary.testsRan ?? '?'}`,
        `package coverage: ${packageCoverage === undefined ? 'n/a' : `${packageCoverage.toFixed(1)}%`} ` +
            `(${covered}/${total} lines in ${perClass.length} classes; floor ${minCoverage}%)`,
        `org-wide coverage: ${percent(summary.orgWideCoverage) ?? 'n/a'}%, ` +
            `test-run coverage: ${percent(summary.testRunCoverage) ?? 'n/a'}%`,
        ...perClass
            .filter((c) => Number(c.coveredPercent) < minCoverage)
            .map((c) => `  below the floor: ${c.name} ${c.coveredPercent}%`),
    ];
    return { ok: failures.length === 0, failures, lines };
}

async function testApex({ targetOrg, minCoverage, rest }) {
    if (!Number.isFinite(minCoverage) || minCoverage < 0 || minCoverage > 100) {
        console.error('--min-coverage takes a percentage between 0 and 100.');
        return 2;
    }
    // Stale files from an earlier run must never be read as this run's result.
    rmSync(join(ROOT, RESULTS_DIR), { recursive: true, force: true });
    const args = ['apex', 'run', 'test', '--target-org', targetOrg, '--code-coverage', '--output-dir', RESULTS_DIR];
    if (!hasFlag(rest, '-l', '--test-level', '-n', '--class-names', '-s', '--suite-names', '-t', '--tests')) {
        args.push('--test-level', 'RunLocalTests');
    }
    if (!hasFlag(rest, '-r', '--result-format')) args.push('--result-format', 'human');
    if (!hasFlag(rest, '-w', '--wait')) args.push('--wait', '30');
    const code = await runSf([...args, ...rest]);
    const read = readTestResult();
    if (!read) {
        console.error(`\nNo test result in ${RESULTS_DIR}: the test run did not complete (sf exit code ${code}).`);
        return code === 0 ? 1 : code;
    }
    const verdict = evaluate(read.result, packageApexNames(), minCoverage);
    console.log(`\nApex tests (${read.file}):\n${verdict.lines.join('\n')}`);
    if (!verdict.ok) {
        console.error(`\nFAILED:\n${verdict.failures.map((f) => `  - ${f}`).join('\n')}`);
        return code !== 0 && code !== SF_TESTS_FAILED ? code : 1;
    }
    if (code !== 0) return code;
    console.log('\nApex tests passed and coverage meets the floor.');
    return 0;
}

async function main(argv) {
    const [command, ...flags] = argv;
    const options = parseArgs(flags);
    if (command === '-h' || command === '--help' || command === 'help' || options.help) {
        console.log(USAGE);
        return 0;
    }
    if (command !== 'deploy' && command !== 'test') {
        console.error(`${command ? `Unknown command: ${command}` : 'No command given.'}\n\n${USAGE}`);
        return 2;
    }
    if (!options.targetOrg) {
        console.error(`Missing -o/--target-org: name the org explicitly.\n\n${USAGE}`);
        return 2;
    }
    return command === 'deploy' ? deploy(options) : testApex(options);
}

// Importable (for parseArgs and evaluate) without running anything.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    process.exitCode = await main(process.argv.slice(2));
}
