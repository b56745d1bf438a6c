#!/usr/bin/env node
// Static checks of the package's Apex, offline, in three stages that always all run:
//   1. PMD (through Salesforce Code Analyzer's core and PMD engine): security, best-practice,
//      performance and error-prone rules, the ones an AppExchange security review runs.
//   2. apex-ls CheckForIssues: the semantic errors a deploy would report (unknown types,
//      fields, methods, labels; type errors) without needing an org. The anonymous Apex scripts of
//      `npm run verify:org` (scripts/verify-org/apex/*.apex) are checked too, each wrapped into a
//      synthetic class of the temporary workspace (scripts/lib/anonymous-apex.js); findings point
//      at the script's own line. CCSA_SCAN_ANONYMOUS_DIR names another folder of scripts (used to
//      show that a planted defect is caught).
//   3. The project's rules (scripts/lib/apex-rules.js): admin guard first, declared sharing,
//      no SOQL/DML in loops, no IsParallel=true with setup-object DML, no unescaped apostrophe in
//      a label used by String.format, permission set groups and expiry in assignment snapshots.
// Exit code: 0 clean, 1 when any stage found something, 2 when a tool failed to run. A tool
// failure wins over findings because it means some code may not have been checked at all.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } = require('@salesforce/code-analyzer-core');
const { createEnginePlugin } = require('@salesforce/code-analyzer-pmd-engine');
const { apexNameOf, listApexFiles } = require('./lib/apex-source.js');
const { checkApexSource } = require('./lib/apex-rules.js');
const {
    ANONYMOUS_APEX_DIR,
    listAnonymousApexFiles,
    scriptLine,
    wrapAnonymousApex,
} = require('./lib/anonymous-apex.js');

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Working folder for logs and the apex-ls copy; ignored by git, Jest and the linters. */
const WORK_DIR = join(ROOT, '.scan');
const JAVA_LIB = join(dirname(require.resolve('@salesforce/code-analyzer-pmd-engine')), 'java-lib');

/**
 * PMD rule selectors: each is `engine:tag:language`, an intersection. The Security tag
 * includes the AppExchange security-review rules; Performance holds the loop rules
 * (OperationWithLimitsInLoop replaces PMD 6's AvoidSoqlInLoops/AvoidDmlStatementsInLoops).
 * Design, CodeStyle and Documentation are left out: they are taste, not defects.
 */
const PMD_SELECTORS = ['pmd:Security:Apex', 'pmd:BestPractices:Apex', 'pmd:Performance:Apex', 'pmd:ErrorProne:Apex'];

/**
 * PMD rules that are wrong for this project, each with the reason. Prefer this list over
 * `@SuppressWarnings` in Apex: it is one reviewed place, and it cannot hide other rules.
 * (ApexUnitTestClassShouldHaveAsserts is NOT here: PMD 7 understands `Assert.*`.)
 * @type {Record<string, string>}
 */
const PMD_EXCLUDED_RULES = {};

/** apex-ls categories that a deploy would reject; Warning and Unused are printed only. */
const APEX_LS_ERROR_CATEGORIES = new Set(['Syntax', 'Error', 'Missing']);
/** apex-ls exits 0 when clean and 4 when it reports issues; anything else is a crash. */
const APEX_LS_OK_EXIT_CODES = new Set([0, 4]);

const CANARY_CLASS = 'CcsaScanCanary';
const CANARY_MISSING_TYPE = 'CcsaScanCanaryMissingType';

/**
 * @typedef {{ file: string, line: number | string, rule: string, message: string }} Finding
 * @typedef {{ findings: Finding[], notes: string[], failures: string[] }} StageResult
 */

function rel(file) {
    return file ? relative(ROOT, file).split(sep).join('/') : '<no file>';
}

function oneLine(text) {
    return String(text).replace(/\s+/g, ' ').trim();
}

/** @returns {Promise<StageResult>} */
async function runPmd(apexFiles) {
    const result = { findings: [], notes: [], failures: [] };
    mkdirSync(WORK_DIR, { recursive: true });
    const config = CodeAnalyzerConfig.fromObject(
        {
            log_folder: '.scan',
            root_working_folder: '.scan',
            engines: { cpd: { disable_engine: true } },
            // Code Analyzer's own `code-analyzer-suppress` markers need no reason; exceptions go
            // through PMD_EXCLUDED_RULES (or a commented @SuppressWarnings) instead.
            suppressions: { disable_suppressions: true },
        },
        ROOT,
    );
    const analyzer = new CodeAnalyzer(config);
    const onLog = (event) => {
        if (event.logLevel !== LogLevel.Error) return;
        // A file PMD cannot parse is a defect of that file (a finding), not of the tool; any
        // other error means PMD may have skipped work, so the stage cannot count as a pass.
        const unparsed = /processing error for file '([^']+)'/.exec(event.message);
        if (unparsed) {
            const position = /error at (\d+):\d+/i.exec(event.message);
            result.findings.push({
                file: rel(unparsed[1]),
                line: position ? Number(position[1]) : '?',
                rule: 'pmd/ProcessingError',
                message: oneLine(event.message.slice(unparsed.index + unparsed[0].length).replace(/^:/, '')),
            });
        } else {
            result.failures.push(`${event.engineName ? `${event.engineName}: ` : ''}${oneLine(event.message)}`);
        }
    };
    analyzer.onEvent(EventType.LogEvent, onLog);
    analyzer.onEvent(EventType.EngineLogEvent, onLog);
    await analyzer.addEnginePlugin(createEnginePlugin());
    const workspace = await analyzer.createWorkspace([join(ROOT, 'force-app')], apexFiles);
    const selection = await analyzer.selectRules(PMD_SELECTORS, { workspace });
    const rules = selection.getRulesFor('pmd').filter((rule) => !Object.hasOwn(PMD_EXCLUDED_RULES, rule.getName()));
    const targeted = await workspace.getTargetedFiles();
    result.notes.push(`${rules.length} rules (${PMD_SELECTORS.join(', ')}) on ${targeted.length} Apex files`);
    for (const [rule, reason] of Object.entries(PMD_EXCLUDED_RULES)) {
        result.notes.push(`excluded ${rule}: ${reason}`);
    }
    if (rules.length === 0 || targeted.length === 0) {
        result.failures.push('PMD selected no rules or no files: nothing would be checked');
        return result;
    }
    // Exclusions are applied by reselecting the remaining rules by name.
    const finalSelection =
        Object.keys(PMD_EXCLUDED_RULES).length === 0
            ? selection
            : await analyzer.selectRules(
                  rules.map((rule) => `pmd:${rule.getName()}`),
                  { workspace },
              );
    const results = await analyzer.run(finalSelection, { workspace });
    for (const violation of results.getViolations()) {
        const rule = violation.getRule();
        const location = violation.getPrimaryLocation();
        // Core reports an engine that failed to start or crashed as a violation of a
        // pseudo-rule; that is a tool failure, not a finding in our code.
        if (rule.getName() === 'UninstantiableEngineError' || rule.getName() === 'UnexpectedEngineError') {
            result.failures.push(`${rule.getName()}: ${oneLine(violation.getMessage())}`);
            continue;
        }
        result.findings.push({
            file: rel(location.getFile()),
            line: location.getStartLine() ?? '?',
            rule: rule.getName(),
            message: oneLine(violation.getMessage()),
        });
    }
    return result;
}

/** @returns {Promise<{ code: number | null, stdout: string, stderr: string }>} */
function exec(command, args, options) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk) => (stdout += chunk));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
}

/**
 * apex-ls runs on a copy of the project with one extra "canary" class that references every
 * top-level class of ours and one type that does not exist. Unless apex-ls reports exactly that
 * one missing type, it did not load (or did not check) our classes, and an empty report would
 * be a false pass. The copy keeps the canary out of force-app.
 *
 * @returns {Promise<StageResult>}
 */
async function runApexLs(apexFiles) {
    // Per process, so that two scans running at once (an editor and CI) cannot clobber each other.
    const workspace = join(WORK_DIR, `apex-ls-${process.pid}`);
    try {
        return await runApexLsIn(workspace, apexFiles);
    } finally {
        rmSync(workspace, { recursive: true, force: true });
    }
}

/** @returns {Promise<StageResult>} */
async function runApexLsIn(workspace, apexFiles) {
    const result = { findings: [], notes: [], failures: [] };
    rmSync(workspace, { recursive: true, force: true });
    mkdirSync(workspace, { recursive: true });
    const project = JSON.parse(readFileSync(join(ROOT, 'sfdx-project.json'), 'utf8'));
    for (const file of ['sfdx-project.json', '.forceignore']) {
        if (existsSync(join(ROOT, file))) cpSync(join(ROOT, file), join(workspace, file));
    }
    for (const { path } of project.packageDirectories) {
        cpSync(join(ROOT, path), join(workspace, path), { recursive: true });
    }
    const classNames = apexFiles.filter((f) => f.endsWith('.cls')).map(apexNameOf);
    // Synthetic class file in the workspace -> the anonymous script it wraps.
    const anonymous = new Map();
    const anonymousDir = join(workspace, project.packageDirectories[0].path, 'ccsa-verify-org', 'classes');
    const anonymousFiles = listAnonymousApexFiles(process.env.CCSA_SCAN_ANONYMOUS_DIR || ANONYMOUS_APEX_DIR);
    mkdirSync(anonymousDir, { recursive: true });
    for (const script of anonymousFiles) {
        const { className, classSource, lineOffset } = wrapAnonymousApex(script);
        const classFile = join(anonymousDir, `${className}.cls`);
        writeFileSync(classFile, classSource);
        writeFileSync(
            `${classFile}-meta.xml`,
            `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n` +
                `    <apiVersion>${project.sourceApiVersion}</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`,
        );
        anonymous.set(classFile, { script, lineOffset });
        classNames.push(className);
    }
    const canaryDir = join(workspace, project.packageDirectories[0].path, 'ccsa-scan-canary', 'classes');
    const canaryFile = join(canaryDir, `${CANARY_CLASS}.cls`);
    mkdirSync(canaryDir, { recursive: true });
    writeFileSync(
        canaryFile,
        [
            `public with sharing class ${CANARY_CLASS} {`,
            ...classNames.map((name, i) => `    private ${name} ref${i};`),
            `    private ${CANARY_MISSING_TYPE} planted;`,
            '}',
            '',
        ].join('\n'),
    );
    writeFileSync(
        `${canaryFile}-meta.xml`,
        `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n` +
            `    <apiVersion>${project.sourceApiVersion}</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`,
    );

    const args = [
        '-cp',
        `${JAVA_LIB}${sep}*`,
        'io.github.apexdevtools.apexls.CheckForIssues',
        '--nocache',
        '--format',
        'json',
        '--detail',
        'warnings',
        '--workspace',
        workspace,
    ];
    const run = await exec('java', args, { cwd: workspace });
    if (!APEX_LS_OK_EXIT_CODES.has(run.code)) {
        result.failures.push(`apex-ls exited ${run.code}: ${oneLine(run.stderr || run.stdout).slice(0, 500)}`);
        return result;
    }
    let report;
    try {
        report = JSON.parse(run.stdout);
    } catch (error) {
        result.failures.push(`apex-ls printed no JSON report (${error.message}): ${oneLine(run.stdout).slice(0, 500)}`);
        return result;
    }
    let canaryCaught = false;
    for (const { path, messages } of report.files ?? []) {
        for (const issue of messages ?? []) {
            const isError = APEX_LS_ERROR_CATEGORIES.has(issue.category);
            if (path === canaryFile) {
                if (isError && issue.message.includes(`'${CANARY_MISSING_TYPE}'`)) {
                    canaryCaught = true;
                } else {
                    result.failures.push(`apex-ls could not resolve our classes from the canary: ${issue.message}`);
                }
                continue;
            }
            const wrapped = anonymous.get(path);
            const file = wrapped
                ? rel(wrapped.script)
                : path.startsWith(workspace)
                  ? rel(join(ROOT, relative(workspace, path)))
                  : path;
            const line = wrapped ? scriptLine(issue.start?.line, wrapped.lineOffset) : (issue.start?.line ?? '?');
            const text = `${issue.category}: ${oneLine(issue.message)}`;
            if (isError) {
                result.findings.push({
                    file,
                    line,
                    rule: `apex-ls/${issue.category}`,
                    message: oneLine(issue.message),
                });
            } else {
                result.notes.push(`${file}:${line} ${text}`);
            }
        }
    }
    if (!canaryCaught) {
        result.failures.push(`apex-ls did not report the canary's planted type: it did not analyse the workspace`);
    }
    result.notes.unshift(
        `${classNames.length} classes resolved from the canary, ${apexFiles.length} Apex files, ` +
            `${anonymousFiles.length} anonymous Apex scripts`,
    );
    return result;
}

/** @returns {Promise<StageResult>} */
async function runProjectRules(apexFiles) {
    const result = { findings: [], notes: [`${apexFiles.length} Apex files`], failures: [] };
    for (const path of apexFiles) {
        for (const finding of checkApexSource({ path, source: readFileSync(path, 'utf8') })) {
            result.findings.push({ ...finding, file: rel(finding.file) });
        }
    }
    return result;
}

const STAGES = [
    { title: 'PMD via Salesforce Code Analyzer', run: runPmd },
    { title: 'apex-ls semantic check', run: runApexLs },
    { title: 'Project rules (scripts/lib/apex-rules.js)', run: runProjectRules },
];

async function main() {
    const started = Date.now();
    const apexFiles = listApexFiles(ROOT);
    // The two Java tools run concurrently; results print in stage order.
    const pending = STAGES.map((stage) => {
        const stageStart = Date.now();
        return (
            Promise.resolve()
                .then(() => stage.run(apexFiles))
                // A system error (e.g. `spawn java ENOENT`) says it all; a bug needs its stack.
                .catch((error) => ({
                    findings: [],
                    notes: [],
                    failures: [error?.code ? error.message : String(error?.stack ?? error)],
                }))
                .then((result) => ({ ...result, seconds: (Date.now() - stageStart) / 1000 }))
        );
    });
    let findingCount = 0;
    let failed = false;
    for (const [index, stage] of STAGES.entries()) {
        const result = await pending[index];
        const status = result.failures.length > 0 ? 'TOOL FAILED' : `${result.findings.length} finding(s)`;
        console.log(`\n== ${index + 1}/${STAGES.length} ${stage.title}: ${status} (${result.seconds.toFixed(1)}s)`);
        for (const note of result.notes) console.log(`   ${note}`);
        for (const f of result.findings) console.log(`${f.file}:${f.line} ${f.rule} ${f.message}`);
        for (const failure of result.failures) console.log(`TOOL FAILURE: ${failure}`);
        findingCount += result.findings.length;
        failed ||= result.failures.length > 0;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (failed) {
        console.log(`\nscan:apex: a tool failed to run; ${findingCount} finding(s) so far (${seconds}s)`);
        return 2;
    }
    console.log(`\nscan:apex: ${findingCount} finding(s) (${seconds}s)`);
    return findingCount > 0 ? 1 : 0;
}

process.exitCode = await main().catch((error) => {
    console.error(error);
    return 2;
});
