// scripts/org-setup: the generated metadata, the profile rewrite, the plan, and the script's dry run
// and usage errors, all offline (no org is reachable here). The metadata conversion and the script
// itself run in child processes: @salesforce/source-deploy-retrieve needs Node globals that the LWC
// Jest environment lacks, and `@jest-environment node` is not an option (see package.test.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

interface GeneratedFile {
    path: string;
    content: string;
}
interface Template {
    label: string;
    cliName: string;
}
interface Metadata {
    TEMPLATES: Template[];
    cloneProfileXml(
        xml: string,
        options?: { profileName?: string },
    ): {
        xml: string;
        userLicense: string;
        changes: string[];
    };
    communitiesSettingsXml(): string;
    profileFileName(name: string): string;
    profileProjectFiles(name: string, xml: string, apiVersion?: string): GeneratedFile[];
    resolveTemplate(name: string): Template | undefined;
    settingsProjectFiles(apiVersion?: string): GeneratedFile[];
}
interface Options {
    targetOrg?: string;
    profileName: string;
    sourceProfile: string;
    siteName: string;
    urlPathPrefix: string;
    template: string;
    skip: string[];
    dryRun: boolean;
    help: boolean;
}
interface Command {
    kind: string;
    purpose: string;
    args?: string[];
}
interface Step {
    id: string;
    files: GeneratedFile[];
    commands: Command[];
}
interface Plan {
    parseArgs(argv: string[]): { options: Options; errors: string[] };
    buildPlan(options: Options, context: { workDir: string; apiVersion?: string }): Step[];
    shellLine(args: string[]): string;
    soqlString(value: string): string;
}
interface XmlValidator {
    validate(xml: string): true | { err: { msg: string } };
}

const metadata = require('../org-setup/metadata.js') as Metadata;
const plan = require('../org-setup/plan.js') as Plan;
const { XMLValidator } = require('fast-xml-parser') as { XMLValidator: XmlValidator };

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'org-setup', 'setup-org.mjs');
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

function runScript(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const run = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 30_000 });
    if (run.error) throw run.error;
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function writeProject(dir: string, files: GeneratedFile[]): void {
    for (const file of files) {
        mkdirSync(dirname(join(dir, file.path)), { recursive: true });
        writeFileSync(join(dir, file.path), file.content);
    }
}

/** Converts `<dir>/force-app` to metadata format with SDR in a child process; lists what it wrote. */
function convert(dir: string): { files: string[]; packageXml: string } {
    const script = `
        const { ComponentSet, MetadataConverter } = require('@salesforce/source-deploy-retrieve');
        const { readdirSync, readFileSync } = require('node:fs');
        const { join, relative } = require('node:path');
        const [dir, out] = process.argv.slice(1);
        (async () => {
            const set = ComponentSet.fromSource({ fsPaths: [join(dir, 'force-app')] });
            set.sourceApiVersion = '65.0';
            await new MetadataConverter().convert(set, 'metadata', { type: 'directory', outputDirectory: out, genUniqueDir: false });
            const files = readdirSync(out, { recursive: true, withFileTypes: true })
                .filter((e) => e.isFile())
                .map((e) => relative(out, join(e.parentPath ?? e.path, e.name)).split('\\\\').join('/'))
                .sort();
            process.stdout.write(JSON.stringify({ files, packageXml: readFileSync(join(out, 'package.xml'), 'utf8') }));
        })().catch((e) => { console.error(e); process.exit(1); });
    `;
    const out = join(dir, 'converted');
    const run = spawnSync(process.execPath, ['-e', script, dir, out], { encoding: 'utf8', cwd: ROOT, timeout: 60_000 });
    if (run.status !== 0) throw new Error(`conversion failed: ${run.error?.message ?? run.stderr}`);
    return JSON.parse(run.stdout) as { files: string[]; packageXml: string };
}

/** Each child element of the root, in order (text of the element's own name, for the assertions). */
function topLevelTags(xml: string): string[] {
    const body = xml.replace(/<\?xml[^>]*>/, '').replace(/^\s*<Profile[^>]*>|<\/Profile>\s*$/g, '');
    const tags: string[] = [];
    let depth = 0;
    for (const match of body.matchAll(/<(\/?)(\w+)[^>]*?(\/?)>/g)) {
        const [, closing, name, selfClosing] = match;
        if (closing) depth--;
        else {
            if (depth === 0) tags.push(name);
            if (!selfClosing) depth++;
        }
    }
    return tags;
}

function permission(name: string, enabled: boolean): string {
    return `    <userPermissions>\n        <enabled>${enabled}</enabled>\n        <name>${name}</name>\n    </userPermissions>`;
}

/** A retrieved Customer Community Plus profile, trimmed: source format, as the CLI writes it. */
function sampleProfile({ custom = 'false', permissions = '', license = true } = {}): string {
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        `<Profile ${NS}>`,
        '    <applicationVisibilities>',
        '        <application>standard__LightningService</application>',
        '        <default>false</default>',
        '        <visible>true</visible>',
        '    </applicationVisibilities>',
        `    <custom>${custom}</custom>`,
        '    <description>Portal users of R&amp;D &lt;EMEA&gt;</description>',
        '    <loginHours/>',
        '    <objectPermissions>',
        '        <allowCreate>false</allowCreate>',
        '        <allowDelete>false</allowDelete>',
        '        <allowEdit>false</allowEdit>',
        '        <allowRead>true</allowRead>',
        '        <modifyAllRecords>false</modifyAllRecords>',
        '        <object>Account</object>',
        '        <viewAllRecords>false</viewAllRecords>',
        '    </objectPermissions>',
        '    <tabVisibilities>',
        '        <tab>standard-Contact</tab>',
        '        <visibility>DefaultOn</visibility>',
        '    </tabVisibilities>',
        license ? '    <userLicense>Customer Community Plus</userLicense>' : '',
        permissions,
        '</Profile>',
        '',
    ]
        .filter((line) => line !== '')
        .join('\n');
}

function apiEnabledEntries(xml: string): string[] {
    return [...xml.matchAll(/<userPermissions>\s*<enabled>(\w+)<\/enabled>\s*<name>ApiEnabled<\/name>/g)].map(
        (m) => m[1],
    );
}

describe('CommunitiesSettings', () => {
    it('is well-formed and turns on Digital Experiences and standard external profiles', () => {
        const xml = metadata.communitiesSettingsXml();
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(xml).toMatch(new RegExp(`^<\\?xml version="1.0" encoding="UTF-8"\\?>\\n<CommunitiesSettings ${NS}>`));
        expect(xml).toContain('<enableNetworksEnabled>true</enableNetworksEnabled>');
        expect(xml).toContain('<enableOotbProfExtUserOpsEnable>true</enableOotbProfExtUserOpsEnable>');
    });

    it('is a source-format project: sfdx-project.json and settings/Communities.settings-meta.xml', () => {
        const files = metadata.settingsProjectFiles('65.0');
        expect(files.map((f) => f.path)).toEqual([
            'sfdx-project.json',
            'force-app/main/default/settings/Communities.settings-meta.xml',
        ]);
        expect(JSON.parse(files[0].content)).toEqual({
            packageDirectories: [{ path: 'force-app', default: true }],
            sourceApiVersion: '65.0',
        });
    });
});

describe('the generated projects convert with Source Deploy Retrieve', () => {
    let dir: string;
    beforeEach(() => {
        dir = mkdtempSync(join(tmpdir(), 'ccsa-org-setup-test-'));
    });
    afterEach(() => {
        rmSync(dir, { recursive: true, force: true });
    });

    it('settings: a package with Settings:Communities in settings/Communities.settings', () => {
        writeProject(dir, metadata.settingsProjectFiles());
        const { files, packageXml } = convert(dir);
        expect(files).toEqual(['package.xml', 'settings/Communities.settings']);
        expect(packageXml).toMatch(/<members>Communities<\/members>\s*<name>Settings<\/name>/);
        expect(packageXml).toContain('<version>65.0</version>');
    });

    it('profile: a package with the clone under its new name', () => {
        const { xml } = metadata.cloneProfileXml(sampleProfile());
        writeProject(dir, metadata.profileProjectFiles('Customer Community Plus User - Contracts', xml));
        const { files, packageXml } = convert(dir);
        expect(files).toEqual(['package.xml', 'profiles/Customer Community Plus User - Contracts.profile']);
        expect(packageXml).toMatch(
            /<members>Customer Community Plus User - Contracts<\/members>\s*<name>Profile<\/name>/,
        );
    });
});

describe('cloneProfileXml', () => {
    it('adds ApiEnabled once, in name order, and makes the profile custom; the rest is kept', () => {
        const source = sampleProfile({
            permissions: [permission('ActivateContract', true), permission('ViewHelpLink', true)].join('\n'),
        });
        const { xml, userLicense, changes } = metadata.cloneProfileXml(source);
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(apiEnabledEntries(xml)).toEqual(['true']);
        expect(userLicense).toBe('Customer Community Plus');
        expect(xml).toContain('<userLicense>Customer Community Plus</userLicense>');
        expect(xml).toContain('<custom>true</custom>');
        expect(xml).not.toContain('<custom>false</custom>');
        expect(changes).toEqual(['custom: false -> true', 'ApiEnabled: added, true']);
        // Kept: entities, the empty element, the object permission, the order of every element.
        expect(xml).toContain('<description>Portal users of R&amp;D &lt;EMEA&gt;</description>');
        expect(xml).toContain('<loginHours/>');
        expect(xml).toMatch(/<allowRead>true<\/allowRead>\s*<modifyAllRecords>false<\/modifyAllRecords>/);
        expect(topLevelTags(xml)).toEqual([
            'applicationVisibilities',
            'custom',
            'description',
            'loginHours',
            'objectPermissions',
            'tabVisibilities',
            'userLicense',
            'userPermissions',
            'userPermissions',
            'userPermissions',
        ]);
        const names = [...xml.matchAll(/<name>(\w+)<\/name>/g)].map((m) => m[1]);
        expect(names).toEqual(['ActivateContract', 'ApiEnabled', 'ViewHelpLink']);
        expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<Profile')).toBe(true);
    });

    it('flips a disabled ApiEnabled to true and drops duplicate entries', () => {
        const source = sampleProfile({
            custom: 'true',
            permissions: [
                permission('ApiEnabled', false),
                permission('ApiEnabled', true),
                permission('ViewHelpLink', true),
            ].join('\n'),
        });
        const { xml, changes } = metadata.cloneProfileXml(source);
        expect(XMLValidator.validate(xml)).toBe(true);
        expect(apiEnabledEntries(xml)).toEqual(['true']);
        expect(changes).toEqual(['ApiEnabled: false -> true', 'ApiEnabled: 1 duplicate entries removed']);
        expect(xml).toContain('<name>ViewHelpLink</name>');
    });

    it('leaves an enabled ApiEnabled alone', () => {
        const source = sampleProfile({ custom: 'true', permissions: permission('ApiEnabled', true) });
        const { xml, changes } = metadata.cloneProfileXml(source);
        expect(changes).toEqual([]);
        expect(apiEnabledEntries(xml)).toEqual(['true']);
    });

    it('puts ApiEnabled after userLicense and custom before description when the source has neither', () => {
        const source = sampleProfile().replace(/\s*<custom>false<\/custom>/, '');
        const { xml } = metadata.cloneProfileXml(source);
        const tags = topLevelTags(xml);
        expect(tags.indexOf('custom')).toBe(tags.indexOf('description') - 1);
        expect(tags.slice(-2)).toEqual(['userLicense', 'userPermissions']);
        expect(apiEnabledEntries(xml)).toEqual(['true']);
    });

    it('sets <fullName> to the new name when the file has one', () => {
        const source = sampleProfile().replace(`<Profile ${NS}>`, `<Profile ${NS}>\n    <fullName>Old</fullName>`);
        const { xml } = metadata.cloneProfileXml(source, { profileName: 'New Profile' });
        expect(xml).toContain('<fullName>New Profile</fullName>');
        expect(xml).not.toContain('Old');
    });

    it('refuses a profile without userLicense, malformed XML, and what is not a profile', () => {
        expect(() => metadata.cloneProfileXml(sampleProfile({ license: false }))).toThrow(/no <userLicense>/);
        expect(() => metadata.cloneProfileXml('<Profile><custom>true</Profile>')).toThrow(/not well-formed/);
        expect(() => metadata.cloneProfileXml(metadata.communitiesSettingsXml())).toThrow(/not a profile/);
    });
});

describe('profile file names', () => {
    it('are the profile name, with the characters a file name cannot hold encoded', () => {
        expect(metadata.profileFileName('Customer Community Plus User - Contracts')).toBe(
            'Customer Community Plus User - Contracts.profile-meta.xml',
        );
        expect(metadata.profileFileName('Custom: Portal v1.2/EU')).toBe(
            'Custom%3A Portal v1%2E2%2FEU.profile-meta.xml',
        );
        expect(metadata.profileProjectFiles('P', '<x/>').map((f) => f.path)).toEqual([
            'sfdx-project.json',
            'force-app/main/default/profiles/P.profile-meta.xml',
        ]);
    });
});

describe('templates', () => {
    it('are the three of seed 000; Build Your Own (Aura) is "Build Your Own" for the CLI', () => {
        expect(metadata.TEMPLATES.map((t) => t.label)).toEqual([
            'Customer Account Portal',
            'Customer Service',
            'Build Your Own (Aura)',
        ]);
        expect(metadata.resolveTemplate('build your own (aura)')?.cliName).toBe('Build Your Own');
        expect(metadata.resolveTemplate(' Customer Service ')?.cliName).toBe('Customer Service');
        expect(metadata.resolveTemplate('Build Your Own (LWR)')).toBeUndefined();
    });
});

describe('arguments and plan', () => {
    it('parse flags, inline values and --skip lists', () => {
        const { options, errors } = plan.parseArgs([
            '-o',
            'my-org',
            '--site-name=Portal',
            '--template',
            'Build Your Own (Aura)',
            '--skip',
            'settings, Permset',
            '--dry-run',
        ]);
        expect(errors).toEqual([]);
        expect(options).toMatchObject({
            targetOrg: 'my-org',
            siteName: 'Portal',
            template: 'Build Your Own (Aura)',
            skip: ['settings', 'permset'],
            dryRun: true,
        });
    });

    it('report every usage error', () => {
        expect(plan.parseArgs([]).errors).toEqual(['Missing -o/--target-org: name the org explicitly.']);
        const { errors } = plan.parseArgs([
            '-o',
            'x',
            '--skip',
            'site,users',
            '--url-path-prefix',
            'a/b',
            '--profile-name',
            'Customer Community Plus User',
            '--bogus',
            '--template',
        ]);
        expect(errors).toEqual([
            'Unknown argument: --bogus',
            '--template needs a value.',
            'Unknown step in --skip: users (steps: settings, profile, site, permset, confirm).',
            '--url-path-prefix "a/b" must be one path segment: letters, digits, _ or -.',
            '--profile-name must differ from --source-profile: the clone is a new profile.',
        ]);
    });

    it('builds the four steps in order, with the CLI template name and the skips applied', () => {
        const { options } = plan.parseArgs(['-o', 'org', '--template', 'Build Your Own (Aura)']);
        const steps = plan.buildPlan(options, { workDir: '/w' });
        expect(steps.map((s) => s.id)).toEqual(['settings', 'profile', 'site', 'permset', 'confirm']);
        const create = steps[2].commands.find((c) => c.kind === 'site-create')!;
        expect(create.args).toEqual(expect.arrayContaining(['--template-name', 'Build Your Own']));
        const skipped = plan.buildPlan({ ...options, skip: ['profile', 'site'] }, { workDir: '/w' });
        expect(skipped.map((s) => s.id)).toEqual(['settings', 'permset', 'confirm']);
    });

    it('confirms standard external profiles only after this run deployed the settings, through the package', () => {
        const { options } = plan.parseArgs(['-o', 'org']);
        const confirm = plan.buildPlan(options, { workDir: '/w' }).find((s) => s.id === 'confirm')!;
        expect(confirm.commands[0].args?.slice(0, 3)).toEqual(['apex', 'run', '--file']);
        expect(confirm.files[0].content).toContain(
            "ReadinessController.confirmReadinessStep('STANDARD_EXTERNAL_PROFILES');",
        );
        expect(confirm.files[0].content).not.toContain('ccsa.');
        const installed = plan.parseArgs(['-o', 'org', '--installed']).options;
        const confirmInstalled = plan.buildPlan(installed, { workDir: '/w' }).find((s) => s.id === 'confirm')!;
        expect(confirmInstalled.files[0].content).toContain('ccsa.ReadinessController.confirmReadinessStep(');
        const noSettings = plan.buildPlan({ ...options, skip: ['settings'] }, { workDir: '/w' });
        expect(noSettings.map((s) => s.id)).toEqual(['profile', 'site', 'permset']);
    });

    it('retrieves the profile with its objects and tabs, so that the clone keeps their permissions', () => {
        const { options } = plan.parseArgs(['-o', 'org']);
        const profile = plan.buildPlan(options, { workDir: '/w' }).find((s) => s.id === 'profile')!;
        const manifest = profile.files.find((f) => f.path.endsWith('package.xml'))!;
        expect(XMLValidator.validate(manifest.content)).toBe(true);
        expect(manifest.content).toContain(
            '<members>Customer Community Plus User</members>\n        <name>Profile</name>',
        );
        expect(manifest.content).toMatch(
            /<members>\*<\/members>[\s\S]*<members>Contract<\/members>[\s\S]*<name>CustomObject<\/name>/,
        );
        expect(manifest.content).toMatch(/<members>\*<\/members>\s*<name>CustomTab<\/name>/);
        expect(profile.commands[0].args).toEqual(expect.arrayContaining(['--manifest', manifest.path]));
        expect(profile.commands[0].args).not.toContain('--metadata');
    });

    it('quote SOQL strings and shell arguments', () => {
        expect(plan.soqlString("O'Brien \\ Co")).toBe("'O\\'Brien \\\\ Co'");
        expect(plan.shellLine(['community', 'create', '--name', 'My "Site"', '--target-org', 'a@b.com'])).toBe(
            'sf community create --name "My \\"Site\\"" --target-org a@b.com',
        );
    });
});

describe('setup-org.mjs', () => {
    it('--dry-run prints the four steps, their commands in order and the generated files, and exits 0', () => {
        const { status, stdout } = runScript(['-o', 'my-org', '--dry-run']);
        expect(status).toBe(0);
        const commands = stdout
            .split('\n')
            .filter((line) => line.startsWith('$ sf '))
            .map((line) => line.split(' --')[0]);
        expect(commands).toEqual([
            '$ sf project deploy start',
            '$ sf project retrieve start',
            '$ sf project deploy start',
            '$ sf data query',
            '$ sf community create',
            '$ sf data query',
            '$ sf community publish',
            '$ sf org assign permset',
            '$ sf apex run',
        ]);
        expect(stdout.match(/^== Step \d\/5: (\w+)/gm)).toEqual([
            '== Step 1/5: settings',
            '== Step 2/5: profile',
            '== Step 3/5: site',
            '== Step 4/5: permset',
            '== Step 5/5: confirm',
        ]);
        // The dry run shows the retrieve manifest: the profile with its objects and tabs.
        expect(stdout).toMatch(/--- file \S+profile\/retrieve\/package\.xml/);
        expect(stdout).toContain('<name>CustomTab</name>');
        expect(stdout).toMatch(
            /--- file \S+settings\/force-app\/main\/default\/settings\/Communities\.settings-meta\.xml/,
        );
        expect(stdout).toContain('<enableOotbProfExtUserOpsEnable>true</enableOotbProfExtUserOpsEnable>');
        expect(stdout).toContain('sf project retrieve start --manifest');
        expect(stdout).toContain('profiles/Customer Community Plus User - Contracts.profile-meta.xml');
        expect(stdout).toContain(
            'sf community create --name "Contracts Portal" --template-name "Customer Account Portal" --url-path-prefix contracts',
        );
        expect(stdout).toContain('sf org assign permset --name Contracts_Community_Setup_Admin --target-org my-org');
        expect(stdout).toContain('Show All Settings in Workspace');
    });

    it('--dry-run with --skip leaves the skipped steps out', () => {
        const { status, stdout } = runScript(['-o', 'my-org', '--dry-run', '--skip', 'settings,profile,site']);
        expect(status).toBe(0);
        expect(stdout.match(/^== Step .*/gm)).toEqual([
            '== Step 1/1: permset: Assign the permission set Contracts_Community_Setup_Admin to the CLI user',
        ]);
    });

    it('--help prints the usage offline and exits 0', () => {
        const { status, stdout } = runScript(['--help']);
        expect(status).toBe(0);
        expect(stdout).toContain('Usage:');
        expect(stdout).toContain('--skip <steps>');
    });

    it('exits 2 with the usage when -o is missing', () => {
        const { status, stderr, stdout } = runScript(['--dry-run']);
        expect(status).toBe(2);
        expect(stdout).toBe('');
        expect(stderr).toContain('Missing -o/--target-org');
        expect(stderr).toContain('Usage:');
    });

    it('exits 2 and lists the allowed templates for an unknown one', () => {
        const { status, stderr } = runScript(['-o', 'x', '--template', 'Partner Central', '--dry-run']);
        expect(status).toBe(2);
        expect(stderr).toContain(
            'Unknown template "Partner Central". Allowed templates (seed 000): "Customer Account Portal", "Customer Service", "Build Your Own (Aura)".',
        );
    });
});
