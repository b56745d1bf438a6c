// Each package check must be able to fail: a small valid SFDX project is written to a temp dir,
// one defect is planted per test, and the finding it must raise is asserted. The real repository
// must pass (run `npm run build` first: only compiled LWC .js deploys).
// The checks run in a child `node scripts/check-package.mjs --root DIR --json`: the converter
// (@salesforce/source-deploy-retrieve) needs Node globals that the LWC Jest environment lacks, and
// the sfdx-lwc-jest preset's setup needs a DOM, so `@jest-environment node` is not an option.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

interface Finding {
    check: string;
    file?: string;
    line?: number;
    message: string;
}
interface Report {
    problems: Finding[];
    warnings: Finding[];
    notes: string[];
}
interface PackageChecks {
    auraEnabledMethods(code: string): string[];
    apexLabelReferences(code: string): string[];
    stripApex(code: string): string;
    sldsIconNames(): Map<string, Set<string>>;
}

const checks = require('../lib/package-checks') as PackageChecks;

const ROOT = join(__dirname, '..', '..');

/** Runs the real CLI on a project; its exit code must agree with its findings. */
async function checkPackage(projectDir: string): Promise<Report> {
    const run = spawnSync(
        process.execPath,
        [join(ROOT, 'scripts', 'check-package.mjs'), '--root', projectDir, '--json'],
        // cwd: the fixture, so nothing is resolved from this repository by accident; timeout: a
        // converter waiting on the network would otherwise hang the suite.
        { encoding: 'utf8', cwd: projectDir, timeout: 60_000 },
    );
    if (run.error || !run.stdout) throw new Error(`check-package did not run: ${run.error?.message ?? run.stderr}`);
    const report = JSON.parse(run.stdout) as Report;
    expect(run.status).toBe(report.problems.length > 0 ? 1 : 0);
    return report;
}
const API = '65.0';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

function meta(type: string, body: string): string {
    return `<?xml version="1.0" encoding="UTF-8"?>\n<${type} ${NS}>\n${body}\n</${type}>\n`;
}

function label(name: string): string {
    return `<labels><fullName>${name}</fullName><language>en_US</language><protected>true</protected><shortDescription>${name}</shortDescription><value>${name}</value></labels>`;
}

/** A minimal package with every metadata type the real one has, all references satisfied. */
function fixtureFiles(): Record<string, string> {
    const main = 'force-app/main';
    return {
        'sfdx-project.json': JSON.stringify({
            packageDirectories: [{ path: 'force-app', default: true }],
            namespace: 'ccsa',
            sourceApiVersion: API,
        }),
        '.forceignore': readFileSync(join(ROOT, '.forceignore'), 'utf8'),
        [`${main}/classes/Ctrl.cls`]: [
            'public with sharing class Ctrl {',
            '    // System.Label.Not_A_Reference: comments never count',
            '    @AuraEnabled(cacheable=true)',
            '    public static String greet() { return System.Label.L_Apex; }',
            '}',
        ].join('\n'),
        [`${main}/classes/Ctrl.cls-meta.xml`]: meta(
            'ApexClass',
            `<apiVersion>${API}</apiVersion><status>Active</status>`,
        ),
        [`${main}/classes/Dto.cls`]: 'public class Dto { @AuraEnabled public String name; }',
        [`${main}/classes/Dto.cls-meta.xml`]: meta(
            'ApexClass',
            `<apiVersion>${API}</apiVersion><status>Active</status>`,
        ),
        [`${main}/lwc/shell/shell.ts`]: [
            "import { LightningElement } from 'lwc';",
            "import greet from '@salesforce/apex/Ctrl.greet';",
            "import TITLE from '@salesforce/label/c.L_Lwc';",
            'export default class Shell extends LightningElement { title = TITLE; greet = greet; }',
        ].join('\n'),
        [`${main}/lwc/shell/shell.js`]: "import TITLE from '@salesforce/label/c.L_Lwc';\nexport default class {}",
        [`${main}/lwc/shell/shell.html`]: '<template>{title}</template>',
        [`${main}/lwc/shell/shell.js-meta.xml`]: meta(
            'LightningComponentBundle',
            `<apiVersion>${API}</apiVersion><isExposed>true</isExposed><targets><target>lightning__Tab</target></targets>`,
        ),
        [`${main}/lwc/shell/__tests__/shell.test.ts`]: "import TEST from '@salesforce/label/c.L_Lwc';",
        [`${main}/lwc/plain/plain.js`]: 'export const plain = 1;',
        [`${main}/lwc/plain/plain.js-meta.xml`]: meta(
            'LightningComponentBundle',
            `<apiVersion>${API}</apiVersion><isExposed>false</isExposed>`,
        ),
        [`${main}/labels/CustomLabels.labels-meta.xml`]: meta('CustomLabels', label('L_Apex') + label('L_Lwc')),
        [`${main}/tabs/Shell_Tab.tab-meta.xml`]: meta(
            'CustomTab',
            '<label>Shell</label><lwcComponent>shell</lwcComponent><motif>Custom19: Wrench</motif>',
        ),
        [`${main}/applications/Shell_App.app-meta.xml`]: meta(
            'CustomApplication',
            '<label>Shell</label><navType>Standard</navType><tabs>Shell_Tab</tabs><tabs>standard-Account</tabs><uiType>Lightning</uiType>',
        ),
        [`${main}/customPermissions/Use_Shell.customPermission-meta.xml`]: meta(
            'CustomPermission',
            '<isLicensed>false</isLicensed><label>Use Shell</label>',
        ),
        [`${main}/permissionsets/Contracts_Community_Setup_Admin.permissionset-meta.xml`]: permset(),
    };
}

function permset({ apexClass = 'Ctrl', tab = 'Shell_Tab', app = 'Shell_App', permission = 'Use_Shell' } = {}): string {
    return meta(
        'PermissionSet',
        [
            `<applicationVisibilities><application>${app}</application><visible>true</visible></applicationVisibilities>`,
            `<classAccesses><apexClass>${apexClass}</apexClass><enabled>true</enabled></classAccesses>`,
            `<customPermissions><enabled>true</enabled><name>${permission}</name></customPermissions>`,
            '<hasActivationRequired>false</hasActivationRequired><label>Admin</label>',
            `<tabSettings><tab>${tab}</tab><visibility>Visible</visibility></tabSettings>`,
        ].join(''),
    );
}

const temps: string[] = [];

function writeProject(changes: Record<string, string | null> = {}): string {
    const dir = mkdtempSync(join(tmpdir(), 'ccsa-fixture-'));
    temps.push(dir);
    for (const [file, content] of Object.entries({ ...fixtureFiles(), ...changes })) {
        if (content === null) continue;
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), content);
    }
    return dir;
}

async function problemsOf(changes: Record<string, string | null>): Promise<string[]> {
    const { problems } = await checkPackage(writeProject(changes));
    return problems.map((p) => `[${p.check}] ${p.file ?? ''}${p.line ? `:${p.line}` : ''} ${p.message}`);
}

afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const M = 'force-app/main';

describe('package checks on a fixture project', () => {
    it('pass on the valid fixture and count the hand-written LWC .js', async () => {
        const report = await checkPackage(writeProject());
        expect(report.problems).toEqual([]);
        expect(report.notes.join('\n')).toContain('1 hand-written LWC .js');
    });

    it('report malformed XML with file and line', async () => {
        const broken = meta('CustomTab', '<label>Shell</labl>');
        const problems = await problemsOf({ [`${M}/tabs/Shell_Tab.tab-meta.xml`]: broken });
        expect(problems).toContainEqual(
            expect.stringMatching(/^\[xml\] force-app\/main\/tabs\/Shell_Tab\.tab-meta\.xml:3 /),
        );
    });

    it('report a .ts that .forceignore no longer keeps out of the package', async () => {
        const problems = await problemsOf({ '.forceignore': '**/__tests__/**\n' });
        expect(problems).toContainEqual(expect.stringMatching(/\[converted\] lwc\/shell\/shell\.ts TypeScript source/));
    });

    it('report a tsconfig and a Markdown file leaking into the package', async () => {
        // (SDR itself never ships __tests__ folders, whatever .forceignore says.)
        const problems = await problemsOf({
            '.forceignore': '**/*.ts\n',
            [`${M}/lwc/shell/tsconfig.json`]: '{}',
            [`${M}/lwc/shell/README.md`]: '# notes',
        });
        expect(problems).toContainEqual(
            expect.stringMatching(/\[converted\] lwc\/shell\/tsconfig\.json TypeScript config/),
        );
        expect(problems).toContainEqual(expect.stringMatching(/\[converted\] lwc\/shell\/README\.md Markdown/));
    });

    it('ship a custom metadata record, which converts to a .md file that is not Markdown', async () => {
        const problems = await problemsOf({
            [`${M}/objects/Some_Setting__mdt/Some_Setting__mdt.object-meta.xml`]:
                '<?xml version="1.0" encoding="UTF-8"?><CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>Some Setting</label><pluralLabel>Some Settings</pluralLabel><visibility>Public</visibility></CustomObject>',
            [`${M}/customMetadata/Some_Setting.Default.md-meta.xml`]:
                '<?xml version="1.0" encoding="UTF-8"?><CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata"><label>Default</label><protected>true</protected></CustomMetadata>',
        });
        expect(problems.filter((problem) => /Markdown/.test(problem))).toEqual([]);
    });

    it('report a file type LWC rejects', async () => {
        const problems = await problemsOf({ [`${M}/lwc/shell/data.json`]: '{}' });
        expect(problems).toContainEqual(expect.stringMatching(/\[converted\] lwc\/shell\/data\.json not a \.js/));
    });

    it('ask for npm run build when a .ts has no compiled .js', async () => {
        const problems = await problemsOf({ [`${M}/lwc/shell/shell.js`]: null });
        expect(problems).toContainEqual(expect.stringMatching(/\[lwc-build\] .*shell\.ts .*run npm run build/));
        expect(problems).toContainEqual(
            expect.stringMatching(/\[converted\] lwc\/shell no shell\.js.*run npm run build/),
        );
    });

    it('report a permission set naming a missing class, tab, app or custom permission', async () => {
        const changed = permset({ apexClass: 'Gone', tab: 'No_Tab', app: 'No_App', permission: 'No_Perm' });
        const problems = await problemsOf({
            [`${M}/permissionsets/Contracts_Community_Setup_Admin.permissionset-meta.xml`]: changed,
        });
        expect(problems).toContainEqual(expect.stringContaining('names Apex class Gone'));
        expect(problems).toContainEqual(expect.stringContaining('names tab No_Tab'));
        expect(problems).toContainEqual(expect.stringContaining('names app No_App'));
        expect(problems).toContainEqual(expect.stringContaining('customPermissions names No_Perm'));
        // The real controller is no longer granted either.
        expect(problems).toContainEqual(expect.stringContaining('@AuraEnabled controller Ctrl is not granted'));
    });

    it('report an app naming a missing tab', async () => {
        const app = meta('CustomApplication', '<label>Shell</label><tabs>Gone_Tab</tabs><uiType>Lightning</uiType>');
        const problems = await problemsOf({ [`${M}/applications/Shell_App.app-meta.xml`]: app });
        expect(problems).toContainEqual(expect.stringContaining('app names tab Gone_Tab'));
    });

    it('report a tab whose LWC is missing or not a tab target', async () => {
        const missing = meta('CustomTab', '<label>Shell</label><lwcComponent>gone</lwcComponent>');
        expect(await problemsOf({ [`${M}/tabs/Shell_Tab.tab-meta.xml`]: missing })).toContainEqual(
            expect.stringContaining('lwcComponent gone is not an LWC bundle'),
        );
        const noTarget = meta(
            'LightningComponentBundle',
            `<apiVersion>${API}</apiVersion><isExposed>false</isExposed>`,
        );
        const problems = await problemsOf({ [`${M}/lwc/shell/shell.js-meta.xml`]: noTarget });
        expect(problems).toContainEqual(expect.stringContaining('lacks target lightning__Tab'));
        expect(problems).toContainEqual(expect.stringContaining('isExposed is not true'));
    });

    it('report an LWC importing an Apex method that is not @AuraEnabled', async () => {
        const ts = "import nope from '@salesforce/apex/Ctrl.nope';\nimport T from '@salesforce/label/c.L_Lwc';";
        const problems = await problemsOf({ [`${M}/lwc/shell/shell.ts`]: ts });
        expect(problems).toContainEqual(expect.stringContaining('Ctrl has no @AuraEnabled method nope'));
    });

    it('report an unknown label in Apex and in LWC', async () => {
        const apex =
            'public class Ctrl { @AuraEnabled public static String g() { return Label.L_Missing + System.Label.L_Apex; } }';
        const ts = "import T from '@salesforce/label/c.L_Lwc';\nimport U from '@salesforce/label/c.L_Unknown';";
        const problems = await problemsOf({ [`${M}/classes/Ctrl.cls`]: apex, [`${M}/lwc/shell/shell.ts`]: ts });
        expect(problems).toContainEqual(
            expect.stringMatching(/\[labels\] .*Ctrl\.cls Custom Label L_Missing does not exist/),
        );
        expect(problems).toContainEqual(
            expect.stringMatching(/\[labels\] .*shell\.ts Custom Label L_Unknown does not exist/),
        );
    });

    it('report an unused label, and one only tests read', async () => {
        const labels = meta('CustomLabels', label('L_Apex') + label('L_Lwc') + label('L_Dead'));
        const ts = "import { LightningElement } from 'lwc';\nimport greet from '@salesforce/apex/Ctrl.greet';";
        const problems = await problemsOf({
            [`${M}/labels/CustomLabels.labels-meta.xml`]: labels,
            [`${M}/lwc/shell/shell.ts`]: ts,
            [`${M}/lwc/shell/shell.js`]: 'export default class {}',
        });
        expect(problems).toContainEqual(expect.stringContaining('Custom Label L_Dead is not used anywhere'));
        expect(problems).toContainEqual(expect.stringContaining('Custom Label L_Lwc is only read by tests'));
    });

    it('report two labels whose names differ only by case', async () => {
        const labels = meta('CustomLabels', label('L_Apex') + label('L_Lwc') + label('L_lwc'));
        const problems = await problemsOf({ [`${M}/labels/CustomLabels.labels-meta.xml`]: labels });
        expect(problems).toContainEqual(
            expect.stringContaining('Custom Label L_lwc has the same API name as L_Lwc (names are case-insensitive)'),
        );
    });

    it('report API versions that differ from sourceApiVersion', async () => {
        const problems = await problemsOf({
            [`${M}/classes/Ctrl.cls-meta.xml`]: meta(
                'ApexClass',
                '<apiVersion>64.0</apiVersion><status>Active</status>',
            ),
            [`${M}/lwc/plain/plain.js-meta.xml`]: meta('LightningComponentBundle', '<isExposed>false</isExposed>'),
        });
        expect(problems).toContainEqual(
            expect.stringContaining('Apex class Ctrl apiVersion is 64.0, sourceApiVersion is 65.0'),
        );
        expect(problems).toContainEqual(expect.stringContaining('LWC plain apiVersion is missing'));
    });

    it('refuse to convert without a sourceApiVersion (SDR would ask an org for one)', async () => {
        const project = JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] });
        const problems = await problemsOf({ 'sfdx-project.json': project });
        expect(problems).toContainEqual(expect.stringContaining('[convert] sfdx-project.json no sourceApiVersion'));
        expect(problems).toContainEqual(expect.stringContaining('is not a version like 65.0'));
    });

    it('report a missing admin permission set', async () => {
        const problems = await problemsOf({
            [`${M}/permissionsets/Contracts_Community_Setup_Admin.permissionset-meta.xml`]: null,
        });
        expect(problems).toContainEqual(
            expect.stringContaining('admin permission set Contracts_Community_Setup_Admin'),
        );
        expect(problems).toContainEqual(expect.stringContaining('no PermissionSet in the converted package'));
    });

    it('report an icon name that SLDS does not ship, in markup and in code, once per source', async () => {
        const ts = [
            "import { LightningElement } from 'lwc';",
            "import TITLE from '@salesforce/label/c.L_Lwc';",
            "import greet from '@salesforce/apex/Ctrl.greet';",
            'export default class Shell extends LightningElement {',
            "    title = TITLE; greet = greet; ok = 'standard:contact';",
            "    columns = [{ type: 'button-icon', typeAttributes: { iconName: 'standard:no_such_icon' } }];",
            '}',
        ].join('\n');
        const problems = await problemsOf({
            [`${M}/lwc/shell/shell.html`]: [
                '<template>',
                '    <lightning-icon icon-name="utility:arrowup"></lightning-icon>',
                '    <lightning-button label={title} icon-name="utility:upgrade"></lightning-button>',
                '</template>',
            ].join('\n'),
            [`${M}/lwc/shell/shell.ts`]: ts,
            // The compiled .js repeats the .ts; a test may name any icon.
            [`${M}/lwc/shell/shell.js`]: `${ts}\n// 'utility:also_missing'`,
            [`${M}/lwc/shell/__tests__/shell.test.ts`]:
                "import TEST from '@salesforce/label/c.L_Lwc'; 'utility:upgrade';",
        });
        expect(problems.filter((p) => p.startsWith('[icons]'))).toEqual([
            expect.stringMatching(
                /^\[icons\] force-app\/main\/lwc\/shell\/shell\.html:3 SLDS has no icon utility:upgrade \(similar: utility:up\)/,
            ),
            expect.stringMatching(
                /^\[icons\] force-app\/main\/lwc\/shell\/shell\.ts:6 SLDS has no icon standard:no_such_icon/,
            ),
        ]);
    });

    it('check a hand-written .js', async () => {
        const problems = await problemsOf({
            [`${M}/lwc/plain/plain.js`]: "export const icon = 'action:not_an_action';",
        });
        expect(problems).toContainEqual(
            expect.stringContaining(
                '[icons] force-app/main/lwc/plain/plain.js:1 SLDS has no icon action:not_an_action',
            ),
        );
    });
});

describe('SLDS icon names', () => {
    it('come from @salesforce-ux/design-system, every category', () => {
        const icons = checks.sldsIconNames();
        expect([...icons.keys()]).toEqual(['action', 'custom', 'doctype', 'standard', 'utility']);
        expect(icons.get('utility')!.has('arrowup')).toBe(true);
        expect(icons.get('utility')!.has('level_up')).toBe(true);
        expect(icons.get('standard')!.has('contact')).toBe(true);
        expect(icons.get('custom')!.has('custom19')).toBe(true);
        expect(icons.get('utility')!.has('upgrade')).toBe(false);
    });
});

describe('Apex reading', () => {
    it('tells @AuraEnabled methods from @AuraEnabled properties', () => {
        const code = checks.stripApex(
            'class A { @AuraEnabled public Id id; @AuraEnabled public String n { get; set; }\n' +
                '@AuraEnabled(cacheable=true) @TestVisible public static List<String> load(Id x) {} }',
        );
        expect(checks.auraEnabledMethods(code)).toEqual(['load']);
    });

    it('ignores labels named in comments and strings, and Label.get', () => {
        const code = checks.stripApex(
            "// System.Label.A\n/* Label.B */ String s = 'Label.C'; x = Label.D + System.Label.ccsa.E + Label.get('c', n);",
        );
        expect(checks.apexLabelReferences(code)).toEqual(['D', 'E']);
    });
});

describe('the real repository', () => {
    it('is a deployable package (after npm run build)', async () => {
        const { problems } = await checkPackage(ROOT);
        expect(problems).toEqual([]);
    });
});
