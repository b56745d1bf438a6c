#!/usr/bin/env node
// The proof, the day an org is reachable (issue 9, section 3): deploy (or use the installed
// package), assign the admin permission set, seed, then run the real controller methods through
// anonymous Apex scripts (scripts/verify-org/apex/, one per step), assert each step, print a report
// with timings and governor limits, and clean up. Refuses a production org unless --allow-production.
//   npm run verify:org -- -o ALIAS [--dry-run] [--use-installed] [--keep-records] ...
// `--help` for every option. The plan, the org gate, the parser and the report come from a pure
// module (verify-org/plan.js) tested offline in scripts/__tests__/verifyOrg.test.ts; this file only
// writes the scripts and spawns `sf` and `node scripts/org.mjs deploy`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const {
    USAGE,
    blockedBy,
    buildPlan,
    evaluateApexRun,
    formatReport,
    newTag,
    orgGate,
    organizationFromQuery,
    parseArgs,
    permsetOutcome,
    shellLine,
} = require('./verify-org/plan.js');
const { parseJson, runCommand, runSfCommand } = require('./lib/sf-cli.js');

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_REFUSED = 3;

/**
 * Runs a command in the project root. With `capture`, stdout is collected (for --json) instead of shown.
 * @returns {Promise<{ code: number, stdout: string }>}
 */
function run(command, args, { capture = false } = {}) {
    return runCommand(command, args, { capture });
}

function runSf(args) {
    console.log(`$ ${shellLine(args)}`);
    return runSfCommand(args, { capture: true });
}

function printDryRun(plan, options) {
    console.log(
        `Dry run for org "${options.targetOrg}", run tag ${options.tag}: nothing is written and no command runs.\n` +
            'At run time the org check decides: a production org is refused unless --allow-production.',
    );
    plan.forEach((step, index) => {
        console.log(`\n== Step ${index + 1}/${plan.length}: ${step.id}: ${step.title}`);
        if (step.needs?.length) console.log(`# needs: ${step.needs.join(', ')}`);
        if (step.kind === 'apex') {
            console.log(`\n--- file ${step.scriptPath}\n${step.source.trimEnd()}\n--- end of file`);
        }
        if (step.command) console.log(`$ ${step.command.join(' ')}`);
        if (step.args) console.log(`$ ${shellLine(step.args)}`);
    });
}

async function runStep(step, context) {
    if (step.kind === 'deploy') {
        console.log(`$ ${step.command.join(' ')}`);
        const [, ...args] = step.command;
        const { code } = await run(process.execPath, args);
        return code === 0
            ? { status: 'PASS', detail: 'deployed' }
            : { status: 'FAIL', detail: `npm run deploy exited ${code}` };
    }
    const { code, stdout } = await runSf(step.args);
    if (step.kind === 'permset') {
        const outcome = permsetOutcome(parseJson(stdout), code);
        return { status: outcome.ok ? 'PASS' : 'FAIL', detail: outcome.detail };
    }
    const evaluated = evaluateApexRun(step.id, stdout, code);
    if (evaluated.status !== 'PASS') context.logs.push({ id: step.id, stdout });
    return evaluated;
}

async function main(argv) {
    const { options, errors } = parseArgs(argv);
    if (options.help) {
        console.log(USAGE);
        return 0;
    }
    if (errors.length > 0) {
        console.error(`${errors.join('\n')}\n\n${USAGE}`);
        return EXIT_USAGE;
    }
    options.tag ??= newTag();
    const mode = options.useInstalled ? 'installed package (ccsa.)' : 'source deploy';
    if (options.dryRun) {
        printDryRun(buildPlan(options, { workDir: join(tmpdir(), 'ccsa-verify-org-XXXXXX') }), options);
        return 0;
    }

    const workDir = mkdtempSync(join(tmpdir(), 'ccsa-verify-org-'));
    const plan = buildPlan(options, { workDir });
    const results = [];
    const statusById = new Map();
    const context = { logs: [] };
    let orgDescription;
    for (const [index, step] of plan.entries()) {
        console.log(`\n== Step ${index + 1}/${plan.length}: ${step.id}: ${step.title}`);
        const blocked = blockedBy(step, statusById);
        if (blocked.length > 0) {
            const result = { id: step.id, status: 'SKIP', detail: `needs ${blocked.join(', ')}` };
            results.push(result);
            statusById.set(step.id, 'SKIP');
            console.log(`skipped: ${result.detail}`);
            continue;
        }
        if (step.kind === 'apex') {
            mkdirSync(dirname(step.scriptPath), { recursive: true });
            writeFileSync(step.scriptPath, step.source);
        }
        const started = Date.now();
        let result;
        if (step.kind === 'org-check') {
            const { code, stdout } = await runSf(step.args);
            const json = parseJson(stdout);
            const gate = code === 0 ? orgGate(organizationFromQuery(json), options) : undefined;
            if (!gate?.ok) {
                console.error(gate?.message ?? `Could not query the org: ${json?.message ?? `sf exited ${code}`}`);
                rmSync(workDir, { recursive: true, force: true });
                return EXIT_REFUSED;
            }
            orgDescription = gate.message;
            result = { status: 'PASS', detail: gate.message };
        } else {
            result = await runStep(step, context);
        }
        result = { id: step.id, ...result, seconds: (Date.now() - started) / 1000 };
        results.push(result);
        statusById.set(step.id, result.status);
        console.log(`${result.status}: ${result.detail}`);
        // Nothing can be proven without the package and the admin's access to it.
        if ((step.kind === 'deploy' || step.kind === 'permset') && result.status !== 'PASS') break;
    }
    rmSync(workDir, { recursive: true, force: true });

    for (const { id, stdout } of context.logs) {
        const logs = parseJson(stdout)?.result?.logs;
        if (logs)
            console.log(
                `\n--- debug log of ${id} (last 40 lines)\n${logs.trimEnd().split('\n').slice(-40).join('\n')}`,
            );
    }
    console.log(`\n${formatReport(results, { org: options.targetOrg, tag: options.tag, mode, orgDescription })}`);
    if (options.keepRecords) {
        console.log(
            `\nRecords kept. Clean up with: npm run verify:org -- -o ${options.targetOrg} --cleanup-only --tag ${options.tag}`,
        );
    }
    return results.every((r) => r.status === 'PASS') ? 0 : EXIT_FAILED;
}

// Importable without running anything.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    process.exitCode = await main(process.argv.slice(2));
}
