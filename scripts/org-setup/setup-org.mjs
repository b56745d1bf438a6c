#!/usr/bin/env node
// The org-level steps of seed 000 that Apex cannot do (DESIGN.md: "Salesforce's platform, not Apex,
// owns some steps"), with the Salesforce CLI installed as a devDependency, for admins who use it:
//   node scripts/org-setup/setup-org.mjs -o ALIAS [--dry-run] [--skip settings,profile,site,permset] ...
// `--help` for every option. The files and the step plan come from pure modules (metadata.js, plan.js)
// tested offline in scripts/__tests__/orgSetup.test.ts; this file only writes files and spawns `sf`.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { parseJson, runSfCommand } = require('../lib/sf-cli.js');
const { cloneProfileXml, DEFAULT_API_VERSION, profileProjectFiles } = require('./metadata.js');
const { USAGE, buildPlan, parseArgs, remainingSiteSteps, shellLine } = require('./plan.js');

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SITE_WAIT_INTERVAL_MS = 10_000;
// "If the job doesn't complete within 10 minutes, it times out" (sf community create --help).
const SITE_WAIT_LIMIT_MS = 11 * 60_000;

class StepFailure extends Error {
    constructor(message, exitCode) {
        super(message);
        this.exitCode = exitCode || 1;
    }
}

/** The API version of this project's sfdx-project.json, for the throwaway projects. */
function apiVersion() {
    try {
        return (
            JSON.parse(readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8')).sourceApiVersion || DEFAULT_API_VERSION
        );
    } catch {
        return DEFAULT_API_VERSION;
    }
}

/**
 * Runs `sf args` in `cwd`. With `capture`, stdout is collected (for --json) instead of shown.
 * @returns {Promise<{ code: number, stdout: string }>}
 */
function runSf(args, { cwd, capture = false }) {
    console.log(`$ ${shellLine(args)}`);
    return runSfCommand(args, { cwd, capture, stdin: 'inherit' });
}

function sfError(json, stdout) {
    return json?.message ?? (stdout.trim() || 'no output');
}

async function runOrFail(command, cwd) {
    const { code } = await runSf(command.args, { cwd });
    if (code !== 0) throw new StepFailure(`${command.purpose}: sf exited with code ${code}`, code);
}

function writeFiles(files) {
    for (const file of files) {
        mkdirSync(dirname(file.path), { recursive: true });
        writeFileSync(file.path, file.content);
        console.log(`wrote ${file.path}`);
    }
}

function findFiles(dir, suffix, found = []) {
    if (!existsSync(dir)) return found;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) findFiles(full, suffix, found);
        else if (entry.name.endsWith(suffix)) found.push(full);
    }
    return found;
}

async function settingsStep(step) {
    writeFiles(step.files);
    await runOrFail(step.commands[0], step.projectDir);
}

async function profileStep(step, options) {
    const [retrieve, , deploy] = step.commands;
    writeFiles(step.files);
    // cwd: the throwaway project, so that nothing is retrieved into (or tracked in) this repository.
    await runOrFail(retrieve, step.projectDir);
    const retrieved = findFiles(step.retrievedDir, '.profile-meta.xml');
    if (retrieved.length !== 1) {
        throw new StepFailure(
            `the retrieve returned ${retrieved.length} profiles for "${options.sourceProfile}" (expected 1). ` +
                'Check the name in Setup > Profiles; a standard profile can have another API name.',
            1,
        );
    }
    let clone;
    try {
        clone = cloneProfileXml(readFileSync(retrieved[0], 'utf8'), { profileName: options.profileName });
    } catch (error) {
        throw new StepFailure(`rewrite ${retrieved[0]}: ${error.message}`, 1);
    }
    const [, profileFile] = profileProjectFiles(options.profileName, clone.xml, apiVersion());
    writeFiles([{ path: join(step.projectDir, profileFile.path), content: profileFile.content }]);
    console.log(`user license: ${clone.userLicense}; changes: ${clone.changes.join('; ') || 'none'}`);
    await runOrFail(deploy, step.projectDir);
}

function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

async function siteStep(step, options) {
    const [exists, create, wait, publish] = step.commands;
    const found = await runSf(exists.args, { cwd: ROOT, capture: true });
    const foundJson = parseJson(found.stdout);
    if (found.code !== 0) {
        throw new StepFailure(`${exists.purpose}: ${sfError(foundJson, found.stdout)}`, found.code);
    }
    const site = foundJson?.result?.records?.[0];
    if (site) {
        console.log(
            `The site "${options.siteName}" exists (status ${site.Status}, /${site.UrlPathPrefix ?? ''}): not created again.`,
        );
    } else {
        const created = await runSf(create.args, { cwd: ROOT, capture: true });
        const createdJson = parseJson(created.stdout);
        if (created.code !== 0) {
            throw new StepFailure(`${create.purpose}: ${sfError(createdJson, created.stdout)}`, created.code);
        }
        console.log(createdJson?.result?.message ?? 'Site creation started.');
        await waitForSite(wait, createdJson?.result?.jobId, exists);
    }
    await runOrFail(publish, ROOT);
    console.log(
        `\nStill to do for the site (seed 000, "Activate the customer community plus digital experience site"):`,
    );
    for (const line of remainingSiteSteps(options)) console.log(`  ${line}`);
}

/** Polls the creation job (BackgroundOperation) or, without a job id, the Network record. */
async function waitForSite(wait, jobId, exists) {
    const args = jobId ? wait.args.map((a) => a.replace('<jobId from create>', jobId)) : exists.args;
    const started = Date.now();
    for (;;) {
        const polled = await runSf(args, { cwd: ROOT, capture: true });
        const json = parseJson(polled.stdout);
        if (polled.code !== 0) throw new StepFailure(`${wait.purpose}: ${sfError(json, polled.stdout)}`, polled.code);
        const record = json?.result?.records?.[0];
        if (jobId) {
            const status = String(record?.Status ?? 'unknown');
            console.log(`creation job ${jobId}: ${status}`);
            if (/^complete/i.test(status)) return;
            if (/error|fail|cancel/i.test(status)) {
                throw new StepFailure(`the site creation job ${jobId} ended with status ${status}`, 1);
            }
        } else if (record) {
            return;
        }
        if (Date.now() - started > SITE_WAIT_LIMIT_MS) {
            throw new StepFailure('the site was not created within 11 minutes; look in Setup > All Sites', 1);
        }
        await sleep(SITE_WAIT_INTERVAL_MS);
    }
}

async function permsetStep(step) {
    const [assign] = step.commands;
    const result = await runSf(assign.args, { cwd: ROOT, capture: true });
    const json = parseJson(result.stdout);
    const failures = json?.result?.failures ?? [];
    const successes = json?.result?.successes ?? [];
    for (const s of successes) console.log(`assigned ${s.value} to ${s.name}`);
    // A second run finds the assignment made by the first: the platform says "Duplicate PermissionSetAssignment".
    const onlyDuplicates = failures.length > 0 && failures.every((f) => /duplicate/i.test(String(f.message)));
    if (onlyDuplicates) {
        console.log('The permission set was already assigned.');
        return;
    }
    if (result.code !== 0 || failures.length > 0) {
        const detail = failures.map((f) => `${f.name}: ${f.message}`).join('; ') || sfError(json, result.stdout);
        throw new StepFailure(`${assign.purpose}: ${detail}`, result.code);
    }
}

async function confirmStep(step) {
    writeFiles(step.files);
    // `sf apex run` exits non-zero when the script fails to compile or throws (the guard's refusal included).
    await runOrFail(step.commands[0], ROOT);
    console.log('The readiness row "standard external profiles" now shows as done (confirmed by you).');
}

const RUNNERS = {
    settings: settingsStep,
    profile: profileStep,
    site: siteStep,
    permset: permsetStep,
    confirm: confirmStep,
};

function printDryRun(plan, options) {
    console.log(`Dry run for org "${options.targetOrg}": nothing is written and no command runs.`);
    if (plan.length === 0) console.log('\nEvery step is skipped.');
    plan.forEach((step, index) => {
        console.log(`\n== Step ${index + 1}/${plan.length}: ${step.id}: ${step.title}`);
        for (const file of step.files) {
            console.log(`\n--- file ${file.path}\n${file.content.trimEnd()}\n--- end of file`);
        }
        for (const command of step.commands) {
            console.log(`\n# ${command.purpose}`);
            if (command.args) console.log(`$ ${shellLine(command.args)}`);
        }
        if (step.id === 'site') {
            console.log('\n# then, still to do in the org:');
            for (const line of remainingSiteSteps(options)) console.log(`#   ${line}`);
        }
    });
}

async function main(argv) {
    const { options, errors } = parseArgs(argv);
    if (options.help) {
        console.log(USAGE);
        return 0;
    }
    if (errors.length > 0) {
        console.error(`${errors.join('\n')}\n\n${USAGE}`);
        return 2;
    }
    if (options.dryRun) {
        const workDir = join(tmpdir(), 'ccsa-org-setup-XXXXXX');
        printDryRun(buildPlan(options, { workDir, apiVersion: apiVersion() }), options);
        return 0;
    }
    const workDir = mkdtempSync(join(tmpdir(), 'ccsa-org-setup-'));
    const plan = buildPlan(options, { workDir, apiVersion: apiVersion() });
    for (const [index, step] of plan.entries()) {
        console.log(`\n== Step ${index + 1}/${plan.length}: ${step.id}: ${step.title}`);
        try {
            await RUNNERS[step.id](step, options);
        } catch (error) {
            if (!(error instanceof StepFailure)) throw error;
            console.error(`\nStep "${step.id}" failed: ${error.message}`);
            const kept = readdirSync(workDir).length > 0;
            if (!kept) rmSync(workDir, { recursive: true, force: true });
            console.error(`Exit code ${error.exitCode}.${kept ? ` Generated files kept in ${workDir}.` : ''}`);
            console.error(`Fix the cause, then run again with --skip for the steps already done.`);
            return error.exitCode;
        }
    }
    rmSync(workDir, { recursive: true, force: true });
    console.log(`\nDone: ${plan.map((s) => s.id).join(', ') || 'nothing (every step skipped)'}.`);
    return 0;
}

// Importable without running anything.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    process.exitCode = await main(process.argv.slice(2));
}
