// Arguments, step plan, org gate, report parser and formatter of scripts/verify-org.mjs, as pure
// functions: the same plan is printed by --dry-run and executed by a real run, so what the dry run
// shows is what runs. CommonJS so that Jest (scripts/__tests__/verifyOrg.test.ts) can require it.
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { ADMIN_PERMISSION_SET, shellLine } = require('../org-setup/plan.js');
const { scanFlags } = require('../lib/sf-cli.js');

const ROOT = join(__dirname, '..', '..');
const APEX_DIR = join(__dirname, 'apex');
const NAMESPACE = 'ccsa';
/** The line every verify script prints (System.debug) for the runner: `CCSA_VERIFY|step|PASS|detail|name=used/limit|...`. */
const MARKER = 'CCSA_VERIFY';

/**
 * The Apex steps, in order, with the steps each needs: a step whose need failed or was skipped is
 * skipped. Cleanup steps always run (unless --keep-records), whatever failed before them: they
 * find their records by the run tag, not by ids from earlier steps.
 */
const APEX_STEPS = [
    {
        id: 'seed-owner',
        file: '01-seed-owner.apex',
        title: 'Give the running admin a role (portal account owner)',
        needs: [],
    },
    {
        id: 'seed-records',
        file: '02-seed-records.apex',
        title: 'Seed an account and five contacts',
        needs: ['seed-owner'],
    },
    {
        id: 'seed-cc-user',
        file: '03-seed-cc-user.apex',
        title: 'Seed a Customer Community user with a permission set',
        needs: ['seed-records'],
    },
    {
        id: 'readiness',
        file: '04-readiness.apex',
        title: 'ReadinessController.getReadinessFacts',
        needs: ['seed-owner'],
    },
    {
        id: 'enable-users',
        file: '05-enable-users.apex',
        title: 'UserSetupController.getEnablementFacts + enableUsers (3 contacts)',
        needs: ['seed-records'],
    },
    {
        id: 'doctor',
        file: '06-doctor.apex',
        title: 'UserDoctorController.getUserOfContact + getDoctorFacts',
        needs: ['enable-users'],
    },
    {
        id: 'license-snapshot',
        file: '07-license-snapshot.apex',
        title: 'LicenseUpgradeController: targets, facts, snapshotLicenseChanges (CC -> CC Plus)',
        needs: ['seed-cc-user'],
    },
    {
        id: 'license-apply',
        file: '08-license-apply.apex',
        title: 'LicenseUpgradeController.applyLicenseChanges',
        needs: ['license-snapshot'],
    },
    {
        id: 'license-reconcile',
        file: '09-license-reconcile.apex',
        title: 'LicenseUpgradeController.reconcileLicenseChanges (permission set held again)',
        needs: ['license-apply'],
    },
    {
        id: 'history',
        file: '10-history.apex',
        title: 'HistoryController.getHistoryFilterOptions + getHistory',
        needs: ['license-reconcile'],
    },
    {
        id: 'hostile',
        file: '11-hostile.apex',
        title: 'Refused request: enableUsers with an internal admin profile -> PROFILE_INTERNAL',
        needs: ['seed-records'],
    },
    {
        id: 'cleanup-users',
        file: '12-cleanup-users.apex',
        title: 'Deactivate and disable the users of this run, remove its permission set',
        cleanup: true,
    },
    {
        id: 'cleanup-records',
        file: '13-cleanup-records.apex',
        title: "Delete this run's logs, contacts and account",
        cleanup: true,
    },
    {
        id: 'cleanup-role',
        file: '14-cleanup-role.apex',
        title: "Take back the admin's role of this run",
        cleanup: true,
    },
];

const USAGE = `Usage:
  node scripts/verify-org.mjs -o <alias|username> [options]
  npm run verify:org -- -o <alias|username> [options]

Proves the package in a real org (a scratch org, or a sandbox the admin names), through the real
controller methods, with anonymous Apex scripts (scripts/verify-org/apex/, one per step):
  org-check   refuse a production org (Organization.IsSandbox, TrialExpirationDate) unless --allow-production
  deploy      npm run deploy -- -o <org> (skipped with --use-installed)
  permset     assign ${ADMIN_PERMISSION_SET} to the CLI user
${APEX_STEPS.map((s) => `  ${s.id.padEnd(18)}${s.title}`).join('\n')}
then prints a report: pass/fail per step, its time, and the governor limits it used beside each limit.

Options:
  -o, --target-org <org>   required: the org is never taken from the CLI default
  --use-installed          use the installed managed package (classes called as ${NAMESPACE}.<Class>) instead
                           of deploying the source
  --allow-production       run even when the org is a production org (it creates and deactivates users)
  --tag <tag>              the run tag (lower-case letters and digits, 4-12); default: a new one
  --keep-records           skip the cleanup steps (to inspect what the run made; clean up later with
                           --cleanup-only --tag <tag>)
  --cleanup-only           run only the org check and the cleanup steps, for --tag <tag>
  --dry-run                print every command and the full text of every Apex script; run nothing
  -h, --help               this message

Exit codes: 0 every step passed; 1 a step failed; 2 usage error; 3 refused (production org, or the
org could not be identified). Nothing here has run against an org yet: see README.md.`;

/**
 * @typedef {{ targetOrg?: string, useInstalled: boolean, allowProduction: boolean, tag?: string,
 *   keepRecords: boolean, cleanupOnly: boolean, dryRun: boolean, help: boolean }} Options
 */

/**
 * Parses argv. Errors are returned, not thrown: every one of them is a usage error (exit 2).
 * @param {string[]} argv
 * @returns {{ options: Options, errors: string[] }}
 */
function parseArgs(argv) {
    /** @type {Options} */
    const options = {
        targetOrg: undefined,
        useInstalled: false,
        allowProduction: false,
        tag: undefined,
        keepRecords: false,
        cleanupOnly: false,
        dryRun: false,
        help: false,
    };
    const booleans = {
        '--use-installed': 'useInstalled',
        '--allow-production': 'allowProduction',
        '--keep-records': 'keepRecords',
        '--cleanup-only': 'cleanupOnly',
        '--dry-run': 'dryRun',
        '-h': 'help',
        '--help': 'help',
    };
    const errors = scanFlags(argv, (flag, value, inline) => {
        if (flag === '-o' || flag === '--target-org') {
            options.targetOrg = value();
        } else if (flag === '--tag') {
            options.tag = value();
        } else if (flag in booleans && inline === undefined) {
            options[booleans[flag]] = true;
        } else {
            return false;
        }
        return true;
    });
    if (options.help) return { options, errors: [] };
    if (!options.targetOrg) errors.push('Missing -o/--target-org: name the org explicitly.');
    if (options.tag !== undefined && !/^[a-z0-9]{4,12}$/.test(options.tag)) {
        errors.push(`--tag "${options.tag}" must be 4 to 12 lower-case letters or digits (it goes into usernames).`);
    }
    if (options.cleanupOnly && !options.tag) errors.push('--cleanup-only needs --tag: the tag of the run to clean up.');
    if (options.cleanupOnly && options.keepRecords) errors.push('--cleanup-only and --keep-records contradict.');
    return { options, errors };
}

/** A new run tag: base-36 time plus two random characters, lower case, 10 characters at most. */
function newTag(now = Date.now(), random = Math.random) {
    const suffix = Math.floor(random() * 36 * 36)
        .toString(36)
        .padStart(2, '0');
    return `${now.toString(36)}${suffix}`.slice(-10);
}

/**
 * The placeholders of the Apex scripts. `{{NS}}` prefixes a class (`ccsa.` when the managed package
 * is installed, nothing when the source is deployed: then the classes are the org's own), `{{NS__}}`
 * prefixes a custom object or field, `{{TAG}}` is the run tag (inside string literals only).
 * @param {{ useInstalled: boolean, tag: string }} context
 */
function substitutions({ useInstalled, tag }) {
    return {
        '{{NS}}': useInstalled ? `${NAMESPACE}.` : '',
        '{{NS__}}': useInstalled ? `${NAMESPACE}__` : '',
        '{{TAG}}': tag,
    };
}

/** Replaces every placeholder; the line count never changes. */
function fillPlaceholders(source, values) {
    return source.replace(/\{\{(NS|NS__|TAG)\}\}/g, (placeholder) => values[placeholder]);
}

/** @returns {{ file: string, source: string }[]} every script of scripts/verify-org/apex, sorted */
function readScripts(dir = APEX_DIR) {
    return readdirSync(dir)
        .filter((name) => name.endsWith('.apex'))
        .sort()
        .map((name) => ({ file: join(dir, name), source: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * Everything a run does, step by step. `args` are `sf` argument lists (the runner prefixes the
 * CLI); `command` is a full command line for steps that are not `sf`. Scripts are written under
 * `workDir` with their placeholders filled.
 *
 * @param {Options & { tag: string }} options parsed and valid, with the tag chosen
 * @param {{ workDir: string, apexDir?: string }} context
 */
function buildPlan(options, { workDir, apexDir = APEX_DIR }) {
    const org = options.targetOrg;
    const values = substitutions({ useInstalled: options.useInstalled, tag: options.tag });
    const steps = [
        {
            id: 'org-check',
            kind: 'org-check',
            title: 'Identify the org; refuse a production org unless --allow-production',
            args: [
                'data',
                'query',
                '--query',
                'SELECT Id, Name, IsSandbox, OrganizationType, TrialExpirationDate, NamespacePrefix FROM Organization',
                '--target-org',
                org,
                '--json',
            ],
        },
    ];
    if (!options.cleanupOnly) {
        if (!options.useInstalled) {
            steps.push({
                id: 'deploy',
                kind: 'deploy',
                title: 'Build the LWCs and deploy force-app (npm run deploy)',
                command: ['node', 'scripts/org.mjs', 'deploy', '-o', org],
            });
        }
        steps.push({
            id: 'permset',
            kind: 'permset',
            title: `Assign ${ADMIN_PERMISSION_SET} to the CLI user (already assigned counts as done)`,
            args: ['org', 'assign', 'permset', '--name', ADMIN_PERMISSION_SET, '--target-org', org, '--json'],
        });
    }
    for (const step of APEX_STEPS) {
        if (options.cleanupOnly && !step.cleanup) continue;
        if (options.keepRecords && step.cleanup) continue;
        const source = fillPlaceholders(readFileSync(join(apexDir, step.file), 'utf8'), values);
        const scriptPath = join(workDir, step.file);
        steps.push({
            id: step.id,
            kind: 'apex',
            title: step.title,
            needs: step.needs ?? [],
            cleanup: Boolean(step.cleanup),
            scriptPath,
            source,
            args: ['apex', 'run', '--file', scriptPath, '--target-org', org, '--json'],
        });
    }
    return steps;
}

/**
 * What kind of org the Organization record describes. A scratch org (and a trial) has a
 * TrialExpirationDate; a sandbox has IsSandbox = true; anything else is treated as production.
 * @param {{ IsSandbox?: boolean, OrganizationType?: string, TrialExpirationDate?: string | null,
 *   NamespacePrefix?: string | null, Name?: string }} record
 */
function classifyOrg(record) {
    if (!record) return { kind: 'unknown', description: 'no Organization record' };
    const edition = record.OrganizationType ? ` (${record.OrganizationType})` : '';
    if (record.IsSandbox === true) return { kind: 'sandbox', description: `sandbox${edition}` };
    if (record.TrialExpirationDate) {
        return {
            kind: 'scratch',
            description: `scratch or trial org${edition}, expires ${record.TrialExpirationDate}`,
        };
    }
    return { kind: 'production', description: `production org${edition}` };
}

/**
 * Whether the run may go on in this org.
 * @returns {{ ok: boolean, kind: string, message: string }}
 */
function orgGate(record, { allowProduction = false } = {}) {
    const { kind, description } = classifyOrg(record);
    if (kind === 'unknown') {
        return {
            ok: false,
            kind,
            message: 'Could not read the Organization record: the org kind is unknown, so nothing runs.',
        };
    }
    if (kind === 'production' && !allowProduction) {
        return {
            ok: false,
            kind,
            message:
                `Refused: "${record.Name ?? '?'}" is a ${description}: neither a sandbox (IsSandbox) nor a scratch org ` +
                '(TrialExpirationDate). verify:org creates accounts, contacts and portal users and changes licenses; ' +
                'run it in a scratch org or a sandbox, or pass --allow-production if you mean it.',
        };
    }
    const namespace = record.NamespacePrefix ? `, namespace ${record.NamespacePrefix}` : '';
    return { ok: true, kind, message: `${record.Name ?? 'org'}: ${description}${namespace}` };
}

/** The Organization record from `sf data query --json` output, or undefined. */
function organizationFromQuery(json) {
    return json?.result?.records?.[0];
}

/**
 * `sf org assign permset --json`: done, or already assigned ("Duplicate PermissionSetAssignment"),
 * as scripts/org-setup/setup-org.mjs reads it.
 * @returns {{ ok: boolean, detail: string }}
 */
function permsetOutcome(json, code) {
    const failures = json?.result?.failures ?? [];
    const successes = json?.result?.successes ?? [];
    if (failures.length > 0 && failures.every((f) => /duplicate/i.test(String(f.message)))) {
        return { ok: true, detail: 'already assigned' };
    }
    if (code !== 0 || failures.length > 0) {
        const detail =
            failures.map((f) => `${f.name}: ${f.message}`).join('; ') || json?.message || `sf exited ${code}`;
        return { ok: false, detail };
    }
    return { ok: true, detail: successes.map((s) => `assigned ${s.value} to ${s.name}`).join('; ') || 'assigned' };
}

/**
 * The CCSA_VERIFY lines of a debug log.
 * @param {string} log
 * @returns {{ step: string, status: string, detail: string, limits: { name: string, used: number, limit: number }[] }[]}
 */
function parseVerifyLines(log) {
    const lines = [];
    for (const raw of String(log ?? '').split(/\r?\n/)) {
        const at = raw.indexOf(`${MARKER}|`);
        if (at < 0) continue;
        const [, step, status, detail = '', ...rest] = raw.slice(at).trim().split('|');
        const limits = [];
        for (const field of rest) {
            const match = /^(\w+)=(\d+)\/(\d+)$/.exec(field.trim());
            if (match) limits.push({ name: match[1], used: Number(match[2]), limit: Number(match[3]) });
        }
        lines.push({ step, status, detail, limits });
    }
    return lines;
}

/** Why a script did not run: a compile problem in a managed package often means the class is not global. */
function compileHint(problem) {
    return /not visible|does not exist|Invalid type/i.test(String(problem))
        ? ' (with --use-installed, anonymous Apex can call only global classes of the managed package: the ' +
              'controllers are public, so run verify:org against a scratch org with the source deployed)'
        : '';
}

/**
 * The outcome of one `sf apex run --json` for one step. PASS only when the script compiled, ran
 * without an exception and printed its own CCSA_VERIFY line with PASS.
 * @returns {{ status: 'PASS' | 'FAIL', detail: string, limits: { name: string, used: number, limit: number }[] }}
 */
function evaluateApexRun(stepId, stdout, code) {
    let json;
    try {
        json = JSON.parse(stdout);
    } catch {
        return {
            status: 'FAIL',
            detail: `sf printed no JSON (exit ${code}): ${oneLine(stdout).slice(0, 300)}`,
            limits: [],
        };
    }
    const result = json?.result ?? json?.data ?? {};
    const own = parseVerifyLines(result.logs).find((line) => line.step === stepId);
    const limits = own?.limits ?? [];
    if (result.compiled === false) {
        const problem = oneLine(result.compileProblem ?? json?.message ?? 'compile error');
        return {
            status: 'FAIL',
            detail: `did not compile, line ${result.line ?? '?'}: ${problem}${compileHint(problem)}`,
            limits,
        };
    }
    if (result.success === false) {
        return {
            status: 'FAIL',
            detail: `line ${result.line ?? '?'}: ${oneLine(result.exceptionMessage ?? 'exception')}`,
            limits,
        };
    }
    if (result.success !== true) {
        return { status: 'FAIL', detail: oneLine(json?.message ?? `sf exited ${code} without a result`), limits };
    }
    if (!own) return { status: 'FAIL', detail: `the script printed no ${MARKER}|${stepId}| line`, limits };
    return { status: own.status === 'PASS' ? 'PASS' : 'FAIL', detail: own.detail, limits };
}

function oneLine(text) {
    return String(text).replace(/\s+/g, ' ').trim();
}

const LIMIT_COLUMNS = [
    { name: 'queries', title: 'SOQL' },
    { name: 'rows', title: 'rows' },
    { name: 'dml', title: 'DML' },
    { name: 'cpu', title: 'CPU ms' },
];

/**
 * The report: one line per step with its result, time, and each governor limit used beside the
 * limit, then a summary line.
 * @param {{ id: string, status: string, seconds?: number, detail?: string,
 *   limits?: { name: string, used: number, limit: number }[] }[]} results
 * @param {{ org: string, tag: string, mode: string, orgDescription?: string }} context
 */
function formatReport(results, { org, tag, mode, orgDescription }) {
    const header = ['step', 'result', 'time', ...LIMIT_COLUMNS.map((c) => c.title), 'detail'];
    const rows = results.map((r) => {
        const limits = new Map((r.limits ?? []).map((l) => [l.name, `${l.used}/${l.limit}`]));
        return [
            r.id,
            r.status,
            r.seconds === undefined ? '-' : `${r.seconds.toFixed(1)}s`,
            ...LIMIT_COLUMNS.map((c) => limits.get(c.name) ?? '-'),
            r.detail ?? '',
        ];
    });
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
    const format = (row) =>
        row
            .map((cell, i) => (i === row.length - 1 ? String(cell) : String(cell).padEnd(widths[i])))
            .join('  ')
            .trimEnd();
    const count = (status) => results.filter((r) => r.status === status).length;
    return [
        `verify:org report: org ${org}${orgDescription ? ` (${orgDescription})` : ''}, run tag ${tag}, ${mode}`,
        format(header),
        ...rows.map(format),
        `${count('PASS')} passed, ${count('FAIL')} failed, ${count('SKIP')} skipped`,
    ].join('\n');
}

/** The steps to skip because a step they need did not pass. */
function blockedBy(step, statusById) {
    return (step.needs ?? []).filter((need) => statusById.get(need) !== 'PASS');
}

module.exports = {
    APEX_DIR,
    APEX_STEPS,
    MARKER,
    NAMESPACE,
    ROOT,
    USAGE,
    blockedBy,
    buildPlan,
    classifyOrg,
    evaluateApexRun,
    fillPlaceholders,
    formatReport,
    newTag,
    orgGate,
    organizationFromQuery,
    parseArgs,
    parseVerifyLines,
    permsetOutcome,
    readScripts,
    shellLine,
    substitutions,
};
