// scripts/verify-org: the plan and its dry run (every step, every Apex script in full), the refusal
// of a production org (the Organization record injected), the parser of the scripts' CCSA_VERIFY
// lines and the report (each limit beside its figure), the cleanup commands, and the wrapping that
// lets apex-ls check the anonymous Apex. All offline: nothing here has run against an org.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Limit {
    name: string;
    used: number;
    limit: number;
}
interface Options {
    targetOrg?: string;
    useInstalled: boolean;
    allowProduction: boolean;
    tag?: string;
    keepRecords: boolean;
    cleanupOnly: boolean;
    dryRun: boolean;
    help: boolean;
}
interface Step {
    id: string;
    kind: string;
    title: string;
    needs?: string[];
    cleanup?: boolean;
    scriptPath?: string;
    source?: string;
    args?: string[];
    command?: string[];
}
interface Result {
    id: string;
    status: string;
    seconds?: number;
    detail?: string;
    limits?: Limit[];
}
interface OrgRecord {
    Name?: string;
    IsSandbox?: boolean;
    OrganizationType?: string;
    TrialExpirationDate?: string | null;
    NamespacePrefix?: string | null;
}
interface Plan {
    APEX_STEPS: { id: string; file: string; needs?: string[]; cleanup?: boolean }[];
    parseArgs(argv: string[]): { options: Options; errors: string[] };
    buildPlan(options: Options & { tag: string }, context: { workDir: string }): Step[];
    orgGate(
        record: OrgRecord | undefined,
        options?: { allowProduction?: boolean },
    ): { ok: boolean; kind: string; message: string };
    organizationFromQuery(json: unknown): OrgRecord | undefined;
    parseVerifyLines(log: string): { step: string; status: string; detail: string; limits: Limit[] }[];
    evaluateApexRun(stepId: string, stdout: string, code: number): { status: string; detail: string; limits: Limit[] };
    formatReport(
        results: Result[],
        context: { org: string; tag: string; mode: string; orgDescription?: string },
    ): string;
    permsetOutcome(json: unknown, code: number): { ok: boolean; detail: string };
    blockedBy(step: Step, statusById: Map<string, string>): string[];
    newTag(now?: number, random?: () => number): string;
    readScripts(): { file: string; source: string }[];
}
interface AnonymousApex {
    listAnonymousApexFiles(dir?: string): string[];
    syntheticClassName(file: string): string;
    wrapAnonymousApex(file: string, source?: string): { className: string; classSource: string; lineOffset: number };
    scriptLine(classLine: number, lineOffset?: number): number;
}

const plan = require('../verify-org/plan.js') as Plan;
const anonymous = require('../lib/anonymous-apex.js') as AnonymousApex;

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'verify-org.mjs');

function runScript(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const run = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 30_000 });
    if (run.error) throw run.error;
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function options(argv: string[]): Options & { tag: string } {
    const parsed = plan.parseArgs(argv);
    expect(parsed.errors).toEqual([]);
    return { ...parsed.options, tag: parsed.options.tag ?? 'abcd1234' };
}

/** A `sf apex run --json` envelope whose debug log holds `lines`. */
function apexRun(lines: string[], result: Record<string, unknown> = {}): string {
    const logs = ['65.0 APEX_CODE,DEBUG', ...lines.map((l, i) => `12:00:00.0 (${i})|USER_DEBUG|[20]|ERROR|${l}`)].join(
        '\n',
    );
    return JSON.stringify({ status: 0, result: { compiled: true, success: true, logs, ...result } });
}

const LIMITS = '|queries=12/100|rows=340/50000|dml=3/150|cpu=812/10000';

describe('verify:org arguments', () => {
    it('requires the org and accepts every flag', () => {
        expect(plan.parseArgs([]).errors).toContain('Missing -o/--target-org: name the org explicitly.');
        const { options: parsed, errors } = plan.parseArgs([
            '-o',
            'my-org',
            '--use-installed',
            '--allow-production',
            '--keep-records',
            '--tag=run42abc',
            '--dry-run',
        ]);
        expect(errors).toEqual([]);
        expect(parsed).toMatchObject({
            targetOrg: 'my-org',
            useInstalled: true,
            allowProduction: true,
            keepRecords: true,
            tag: 'run42abc',
            dryRun: true,
        });
    });

    it('refuses a tag that cannot go into a username, cleanup without a tag, and unknown flags', () => {
        expect(plan.parseArgs(['-o', 'x', '--tag', 'Bad_Tag']).errors[0]).toMatch(/--tag "Bad_Tag"/);
        expect(plan.parseArgs(['-o', 'x', '--cleanup-only']).errors).toContain(
            '--cleanup-only needs --tag: the tag of the run to clean up.',
        );
        expect(plan.parseArgs(['-o', 'x', '--frobnicate']).errors).toContain('Unknown argument: --frobnicate');
    });

    it('makes run tags of lower-case letters and digits', () => {
        const tag = plan.newTag(1_750_000_000_000, () => 0.5);
        expect(tag).toMatch(/^[a-z0-9]{4,12}$/);
        expect(plan.newTag(1_750_000_000_000, () => 0.1)).not.toBe(tag);
    });
});

describe('verify:org plan', () => {
    const steps = plan.buildPlan(options(['-o', 'my-scratch', '--tag', 'abcd1234']), { workDir: '/tmp/w' });

    it('checks the org first, then deploys, assigns the permission set and runs every script in order', () => {
        expect(steps.map((s) => s.id)).toEqual(['org-check', 'deploy', 'permset', ...plan.APEX_STEPS.map((s) => s.id)]);
        expect(steps[0].args).toEqual(expect.arrayContaining(['data', 'query', '--target-org', 'my-scratch']));
        expect(steps[0].args?.join(' ')).toMatch(/IsSandbox.*TrialExpirationDate.* FROM Organization/);
        expect(steps[1].command).toEqual(['node', 'scripts/org.mjs', 'deploy', '-o', 'my-scratch']);
        expect(steps[2].args).toEqual(expect.arrayContaining(['--name', 'Contracts_Community_Setup_Admin']));
    });

    it('covers each part of issue 9 section 3 with a script of its own', () => {
        const ids = steps.map((s) => s.id);
        for (const id of [
            'readiness',
            'enable-users',
            'doctor',
            'license-snapshot',
            'license-apply',
            'license-reconcile',
            'history',
            'hostile',
        ]) {
            expect(ids).toContain(id);
        }
        const byId = new Map(steps.map((s) => [s.id, s.source ?? '']));
        expect(byId.get('readiness')).toContain('ReadinessController.getReadinessFacts()');
        expect(byId.get('enable-users')).toMatch(
            /UserSetupController\.getEnablementFacts\([\s\S]*UserSetupController\.enableUsers\(/,
        );
        expect(byId.get('doctor')).toContain('UserDoctorController.getDoctorFacts(userId)');
        expect(byId.get('license-snapshot')).toContain('LicenseUpgradeController.snapshotLicenseChanges(request)');
        expect(byId.get('license-apply')).toMatch(
            /applyLicenseChanges\(\s*new List<Id>\{ page\.rows\[0\]\.id \},\s*target\.profileId\s*\)/,
        );
        expect(byId.get('license-reconcile')).toMatch(/reconcileLicenseChanges\([\s\S]*target\.profileId\s*\)/);
        expect(byId.get('history')).toContain('HistoryController.getHistory(filter)');
        expect(byId.get('hostile')).toContain('SetupAssistantPolicy.PROFILE_INTERNAL');
    });

    it('runs each script with sf apex run, fills the placeholders and prints its own CCSA_VERIFY line', () => {
        for (const step of steps.filter((s) => s.kind === 'apex')) {
            expect(step.args).toEqual([
                'apex',
                'run',
                '--file',
                step.scriptPath,
                '--target-org',
                'my-scratch',
                '--json',
            ]);
            expect(step.source).not.toMatch(/\{\{/);
            expect(step.source).toContain(`'CCSA_VERIFY|${step.id}|`);
            expect(step.source).toMatch(/queries=.*rows=.*dml=.*cpu=/);
        }
    });

    it('keeps names and emails unique per run, so duplicate rules never match an earlier run', () => {
        const seed = steps.find((s) => s.id === 'seed-records')?.source ?? '';
        expect(seed).toContain("LastName = 'CCSA abcd1234 ' + i");
        expect(seed).toContain("Email = 'ccsa.verify.abcd1234.' + i + '@example.com'");
    });

    it('calls the classes unprefixed from source, and as ccsa. with --use-installed', () => {
        const installed = plan.buildPlan(options(['-o', 'x', '--tag', 'abcd1234', '--use-installed']), {
            workDir: '/w',
        });
        expect(installed.map((s) => s.id)).not.toContain('deploy');
        const readiness = installed.find((s) => s.id === 'readiness')?.source ?? '';
        expect(readiness).toContain(
            'ccsa.ReadinessService.OrgFacts facts = ccsa.ReadinessController.getReadinessFacts();',
        );
        const records = installed.find((s) => s.id === 'cleanup-records')?.source ?? '';
        expect(records).toContain('FROM ccsa__Setup_Assistant_Log__c');
        expect(records).toContain('WHERE ccsa__Target_User__c IN :users');
        expect(steps.find((s) => s.id === 'readiness')?.source).toContain(
            'ReadinessService.OrgFacts facts = ReadinessController.getReadinessFacts();',
        );
    });

    it('cleans up by the run tag: deactivates and disables the users, deletes the records, takes back the role', () => {
        const cleanup = steps.filter((s) => s.cleanup);
        expect(cleanup.map((s) => s.id)).toEqual(['cleanup-users', 'cleanup-records', 'cleanup-role']);
        expect(cleanup.every((s) => (s.needs ?? []).length === 0)).toBe(true);
        const [users, records, role] = cleanup.map((s) => s.source ?? '');
        expect(users).toContain("WHERE Username LIKE 'ccsa.verify.abcd1234.%'");
        expect(users).toMatch(/IsActive = false;\s*portalUser\.IsPortalEnabled = false;/);
        expect(users).toContain("WHERE Name = 'CCSA_Verify_abcd1234'");
        expect(records).toContain("WHERE LastName LIKE 'CCSA abcd1234 %'");
        expect(records).toContain("WHERE Name = 'CCSA Verify abcd1234'");
        expect(role).toContain("DeveloperName = 'CCSA_Verify_abcd1234'");
        expect(role).toContain('admin.UserRoleId = null;');
    });

    it('leaves the cleanup out with --keep-records, and runs only the check and the cleanup with --cleanup-only', () => {
        const kept = plan.buildPlan(options(['-o', 'x', '--tag', 'abcd1234', '--keep-records']), { workDir: '/w' });
        expect(kept.some((s) => s.cleanup)).toBe(false);
        const only = plan.buildPlan(options(['-o', 'x', '--tag', 'abcd1234', '--cleanup-only']), { workDir: '/w' });
        expect(only.map((s) => s.id)).toEqual(['org-check', 'cleanup-users', 'cleanup-records', 'cleanup-role']);
    });

    it('skips a step whose need did not pass', () => {
        const doctor = steps.find((s) => s.id === 'doctor') as Step;
        expect(plan.blockedBy(doctor, new Map([['enable-users', 'FAIL']]))).toEqual(['enable-users']);
        expect(plan.blockedBy(doctor, new Map([['enable-users', 'PASS']]))).toEqual([]);
    });
});

describe('verify:org org gate', () => {
    const query = (record: OrgRecord) => ({ status: 0, result: { totalSize: 1, records: [record] } });

    it('refuses a production org unless --allow-production', () => {
        const record = plan.organizationFromQuery(
            query({
                Name: 'Acme',
                IsSandbox: false,
                OrganizationType: 'Enterprise Edition',
                TrialExpirationDate: null,
            }),
        );
        const refused = plan.orgGate(record);
        expect(refused).toMatchObject({ ok: false, kind: 'production' });
        expect(refused.message).toMatch(
            /Refused: "Acme" is a production org \(Enterprise Edition\).*--allow-production/,
        );
        expect(plan.orgGate(record, { allowProduction: true }).ok).toBe(true);
    });

    it('accepts a sandbox and a scratch org', () => {
        expect(plan.orgGate({ Name: 'uat', IsSandbox: true, OrganizationType: 'Enterprise Edition' })).toMatchObject({
            ok: true,
            kind: 'sandbox',
        });
        const scratch = plan.orgGate({
            Name: 'Contracts Community Setup Assistant',
            IsSandbox: false,
            OrganizationType: 'Enterprise Edition',
            TrialExpirationDate: '2026-01-31',
            NamespacePrefix: 'ccsa',
        });
        expect(scratch).toMatchObject({ ok: true, kind: 'scratch' });
        expect(scratch.message).toContain('expires 2026-01-31, namespace ccsa');
    });

    it('refuses when the org cannot be identified', () => {
        expect(plan.orgGate(plan.organizationFromQuery({ status: 1, message: 'no such org' })).ok).toBe(false);
    });
});

describe('verify:org report', () => {
    it('parses the CCSA_VERIFY lines of a debug log, limits included', () => {
        const log = `x|USER_DEBUG|[3]|ERROR|CCSA_VERIFY|readiness|PASS|profiles=4;sites=1${LIMITS}\nother line`;
        expect(plan.parseVerifyLines(log)).toEqual([
            {
                step: 'readiness',
                status: 'PASS',
                detail: 'profiles=4;sites=1',
                limits: [
                    { name: 'queries', used: 12, limit: 100 },
                    { name: 'rows', used: 340, limit: 50000 },
                    { name: 'dml', used: 3, limit: 150 },
                    { name: 'cpu', used: 812, limit: 10000 },
                ],
            },
        ]);
    });

    it('passes a step only on its own PASS line from a script that compiled and ran', () => {
        expect(plan.evaluateApexRun('readiness', apexRun([`CCSA_VERIFY|readiness|PASS|ok${LIMITS}`]), 0)).toMatchObject(
            {
                status: 'PASS',
                detail: 'ok',
            },
        );
        expect(plan.evaluateApexRun('doctor', apexRun([`CCSA_VERIFY|readiness|PASS|ok${LIMITS}`]), 0)).toMatchObject({
            status: 'FAIL',
            detail: 'the script printed no CCSA_VERIFY|doctor| line',
        });
        expect(
            plan.evaluateApexRun('cleanup-users', apexRun([`CCSA_VERIFY|cleanup-users|FAIL|stillActive=1${LIMITS}`]), 0)
                .status,
        ).toBe('FAIL');
    });

    it('reports an assertion that failed and a script that did not compile, with its line', () => {
        const failed = apexRun([], {
            success: false,
            line: 31,
            exceptionMessage: 'System.AssertException: Assertion Failed: the hostile row is refused',
        });
        expect(plan.evaluateApexRun('hostile', failed, 1)).toMatchObject({
            status: 'FAIL',
            detail: 'line 31: System.AssertException: Assertion Failed: the hostile row is refused',
        });
        const notCompiled = apexRun([], {
            compiled: false,
            success: false,
            line: 2,
            compileProblem: 'Type is not visible: ccsa.ReadinessService.OrgFacts',
        });
        const evaluated = plan.evaluateApexRun('readiness', notCompiled, 1);
        expect(evaluated.detail).toMatch(/^did not compile, line 2: Type is not visible.*only global classes/);
        expect(plan.evaluateApexRun('readiness', 'Error: not json', 1).detail).toMatch(/sf printed no JSON/);
    });

    it('prints each step with its time and every governor limit beside its figure', () => {
        const report = plan.formatReport(
            [
                { id: 'org-check', status: 'PASS', seconds: 1.24, detail: 'scratch org' },
                {
                    id: 'readiness',
                    status: 'PASS',
                    seconds: 3.4,
                    detail: 'profiles=4',
                    limits: plan.parseVerifyLines(`CCSA_VERIFY|readiness|PASS|x${LIMITS}`)[0].limits,
                },
                { id: 'hostile', status: 'FAIL', seconds: 2, detail: 'line 31: boom' },
                { id: 'doctor', status: 'SKIP', detail: 'needs enable-users' },
            ],
            { org: 'my-scratch', tag: 'abcd1234', mode: 'source deploy', orgDescription: 'scratch org' },
        );
        const lines = report.split('\n');
        expect(lines[0]).toBe('verify:org report: org my-scratch (scratch org), run tag abcd1234, source deploy');
        expect(lines[1]).toMatch(/^step\s+result\s+time\s+SOQL\s+rows\s+DML\s+CPU ms\s+detail$/);
        expect(lines[3]).toMatch(
            /^readiness\s+PASS\s+3\.4s\s+12\/100\s+340\/50000\s+3\/150\s+812\/10000\s+profiles=4$/,
        );
        expect(lines[2]).toMatch(/^org-check\s+PASS\s+1\.2s\s+-\s+-\s+-\s+-\s+scratch org$/);
        expect(lines[5]).toMatch(/^doctor\s+SKIP\s+-/);
        expect(lines.at(-1)).toBe('2 passed, 1 failed, 1 skipped');
    });

    it('counts an admin permission set already assigned as done', () => {
        const duplicate = { result: { failures: [{ name: 'a@b.c', message: 'Duplicate PermissionSetAssignment' }] } };
        expect(plan.permsetOutcome(duplicate, 1)).toEqual({ ok: true, detail: 'already assigned' });
        expect(plan.permsetOutcome({ result: { failures: [{ name: 'a', message: 'no such set' }] } }, 1).ok).toBe(
            false,
        );
    });
});

describe('verify:org script', () => {
    it('prints the whole plan with --dry-run for any org name, every script in full, and runs nothing', () => {
        const run = runScript(['--dry-run', '-o', 'any', '--tag', 'abcd1234']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('Dry run for org "any", run tag abcd1234');
        for (const { file } of plan.readScripts()) {
            const step = plan.APEX_STEPS.find((s) => file.endsWith(s.file));
            expect(step).toBeDefined();
            const filled = readFileSync(file, 'utf8')
                .replace(/\{\{NS\}\}|\{\{NS__\}\}/g, '')
                .replace(/\{\{TAG\}\}/g, 'abcd1234');
            expect(run.stdout).toContain(filled.trimEnd());
            expect(run.stdout).toContain(`: ${step?.id}: `);
        }
        expect(run.stdout).toContain('$ sf data query --query');
        expect(run.stdout).toContain('$ node scripts/org.mjs deploy -o any');
        expect(run.stdout).toContain(
            '$ sf org assign permset --name Contracts_Community_Setup_Admin --target-org any --json',
        );
    });

    it('exits 2 on a usage error, naming it', () => {
        const run = runScript(['--dry-run']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('Missing -o/--target-org');
    });
});

describe('anonymous Apex for apex-ls', () => {
    it('has a step for every script, and a script for every step', () => {
        const files = anonymous.listAnonymousApexFiles().map((f) => f.split(/[\\/]/).pop());
        expect(files).toEqual(plan.APEX_STEPS.map((s) => s.file));
    });

    it('wraps a script into a class, one header line, with the source-deploy placeholders', () => {
        const source =
            "{{NS}}ReadinessService.OrgFacts facts = {{NS}}ReadinessController.getReadinessFacts();\nString t = '{{TAG}}';\n";
        const wrapped = anonymous.wrapAnonymousApex('/x/04-readiness.apex', source);
        expect(wrapped.className).toBe('VerifyOrg_readiness');
        expect(wrapped.classSource.split('\n')).toEqual([
            'public class VerifyOrg_readiness { public static void run() {',
            'ReadinessService.OrgFacts facts = ReadinessController.getReadinessFacts();',
            "String t = 'scantag1';",
            '} }',
            '',
        ]);
        expect(anonymous.scriptLine(2, wrapped.lineOffset)).toBe(1);
        expect(anonymous.syntheticClassName('/x/09-license-reconcile.apex')).toBe('VerifyOrg_license_reconcile');
    });
});
