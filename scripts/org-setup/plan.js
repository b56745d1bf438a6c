// Arguments and the step plan of scripts/org-setup/setup-org.mjs, as pure functions: the same plan is
// printed by --dry-run and executed by a real run, so what the dry run shows is what runs.
// CommonJS so that Jest (scripts/__tests__/orgSetup.test.ts) can require it.
const { join } = require('node:path');
const {
    DEFAULT_API_VERSION,
    PACKAGE_DIR,
    TEMPLATES,
    profileFilePath,
    resolveTemplate,
    settingsProjectFiles,
} = require('./metadata.js');
const { scanFlags } = require('../lib/sf-cli.js');

const STEPS = ['settings', 'profile', 'site', 'permset', 'confirm'];

/**
 * Standard objects whose access the clone keeps. Metadata API returns a profile's object, field
 * and tab permissions only for the components retrieved with it (Metadata API Developer Guide,
 * "Profile": "The content of a profile returned by Metadata API depends on the content requested
 * in the RetrieveRequest message"); `CustomObject` with `*` covers custom objects only, standard
 * ones must be named. These are the objects Contracts portal users work with.
 */
const STANDARD_OBJECTS = ['Account', 'Contact', 'Contract', 'Case', 'Asset', 'Opportunity', 'Order', 'Product2'];

/** The retrieve manifest: the profile with the objects (fields are their children) and tabs it grants. */
function retrieveManifest(sourceProfile, apiVersion = DEFAULT_API_VERSION) {
    const xmlText = (value) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const members = (names) => names.map((name) => `        <members>${xmlText(name)}</members>`).join('\n');
    return [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<Package xmlns="http://soap.sforce.com/2006/04/metadata">',
        '    <types>',
        members(['*', ...STANDARD_OBJECTS]),
        '        <name>CustomObject</name>',
        '    </types>',
        '    <types>',
        members(['*']),
        '        <name>CustomTab</name>',
        '    </types>',
        '    <types>',
        members([sourceProfile]),
        '        <name>Profile</name>',
        '    </types>',
        `    <version>${apiVersion}</version>`,
        '</Package>',
        '',
    ].join('\n');
}

/**
 * The anonymous Apex of the confirm step: records, through the package's own controller and its
 * guard, that the CommunitiesSettings deploy of this run turned on "Allow using standard external
 * profiles". Apex cannot read that setting, so the readiness row shows a confirmation; this is the
 * same confirmation an admin makes with "Mark as done", made by the CLI user who deployed it.
 */
function confirmApex(namespace = '') {
    return [
        '// Written by npm run setup:org after a successful CommunitiesSettings deploy.',
        `${namespace}ReadinessController.confirmReadinessStep('STANDARD_EXTERNAL_PROFILES');`,
        '',
    ].join('\n');
}
const ADMIN_PERMISSION_SET = 'Contracts_Community_Setup_Admin';

const DEFAULTS = {
    profileName: 'Customer Community Plus User - Contracts',
    sourceProfile: 'Customer Community Plus User',
    siteName: 'Contracts Portal',
    urlPathPrefix: 'contracts',
    template: 'Customer Account Portal',
};

const USAGE = `Usage:
  node scripts/org-setup/setup-org.mjs -o <alias|username> [options]

Does, with the Salesforce CLI, the steps of "Set Up Salesforce Contracts Customer Community Plus
User" that Apex cannot do, in this order:
  1. settings  deploy CommunitiesSettings: Digital Experiences on, and "Allow using standard external
               profiles for self-registration, user creation, and login"
  2. profile   clone the source profile into a custom profile with API Enabled (retrieve, rewrite,
               deploy under the new name; same user license)
  3. site      create the Experience Cloud site from a template (skipped if a site of that name
               exists), wait for it, publish it
  4. permset   assign the permission set ${ADMIN_PERMISSION_SET} to you (the CLI user)
  5. confirm   only after step 1 ran: record the readiness confirmation of "standard external
               profiles" through ReadinessController.confirmReadinessStep (anonymous Apex as you;
               the package's guard applies, so you need ${ADMIN_PERMISSION_SET})

The profile clone keeps the source's object, field and tab access: the profile is retrieved
together with every custom object, the standard objects ${STANDARD_OBJECTS.join(', ')} and
every custom tab, since Metadata API returns a profile's permissions only for what is retrieved
with it. Access to other standard objects is not copied: the readiness checklist flags a profile
that cannot read Contract.

Options:
  -o, --target-org <org>     required: the org is never taken from the CLI default
  --profile-name <name>      the new profile (default "${DEFAULTS.profileName}")
  --source-profile <name>    the profile to clone (default "${DEFAULTS.sourceProfile}")
  --site-name <name>         the site (default "${DEFAULTS.siteName}")
  --url-path-prefix <path>   the site's URL path (default "${DEFAULTS.urlPathPrefix}")
  --template <name>          ${TEMPLATES.map((t) => `"${t.label}"`).join(', ')}
                             (default "${DEFAULTS.template}")
  --skip <steps>             comma-separated steps to leave out: ${STEPS.join(',')}
  --installed                the package is installed (classes are ccsa.ReadinessController)
  --dry-run                  print every command and generated file; run nothing, change nothing
  -h, --help                 this message

Exit codes: 0 done; 2 usage error; otherwise the exit code of the CLI command that failed.
Through npm, put the flags after --:  npm run setup:org -- -o my-org --dry-run`;

/**
 * @typedef {{ targetOrg?: string, profileName: string, sourceProfile: string, siteName: string,
 *   urlPathPrefix: string, template: string, skip: string[], dryRun: boolean, help: boolean }} Options
 */

/**
 * Parses argv. Errors are returned, not thrown: every one of them is a usage error (exit 2).
 * @param {string[]} argv
 * @returns {{ options: Options, errors: string[] }}
 */
function parseArgs(argv) {
    /** @type {Options} */
    const options = { ...DEFAULTS, targetOrg: undefined, skip: [], dryRun: false, help: false, installed: false };
    const valued = {
        '-o': 'targetOrg',
        '--target-org': 'targetOrg',
        '--profile-name': 'profileName',
        '--source-profile': 'sourceProfile',
        '--site-name': 'siteName',
        '--url-path-prefix': 'urlPathPrefix',
        '--template': 'template',
    };
    const errors = scanFlags(argv, (flag, value) => {
        if (flag in valued) {
            const v = value();
            if (v !== undefined) options[valued[flag]] = v;
        } else if (flag === '--skip') {
            const v = value();
            if (v !== undefined) options.skip.push(...v.split(',').map((s) => s.trim().toLowerCase()));
        } else if (flag === '--dry-run') {
            options.dryRun = true;
        } else if (flag === '--installed') {
            options.installed = true;
        } else if (flag === '-h' || flag === '--help') {
            options.help = true;
        } else {
            return false;
        }
        return true;
    });
    if (options.help) return { options, errors: [] };
    if (!options.targetOrg) errors.push('Missing -o/--target-org: name the org explicitly.');
    const unknownSteps = options.skip.filter((s) => s && !STEPS.includes(s));
    if (unknownSteps.length > 0) {
        errors.push(`Unknown step in --skip: ${unknownSteps.join(', ')} (steps: ${STEPS.join(', ')}).`);
    }
    if (!resolveTemplate(options.template)) {
        errors.push(
            `Unknown template "${options.template}". Allowed templates (seed 000): ${TEMPLATES.map((t) => `"${t.label}"`).join(', ')}.`,
        );
    }
    for (const [flag, key] of [
        ['--profile-name', 'profileName'],
        ['--source-profile', 'sourceProfile'],
        ['--site-name', 'siteName'],
    ]) {
        if (!String(options[key]).trim()) errors.push(`${flag} must not be empty.`);
    }
    if (!/^[A-Za-z0-9_-]+$/.test(options.urlPathPrefix)) {
        errors.push(`--url-path-prefix "${options.urlPathPrefix}" must be one path segment: letters, digits, _ or -.`);
    }
    if (options.profileName.trim().toLowerCase() === options.sourceProfile.trim().toLowerCase()) {
        errors.push('--profile-name must differ from --source-profile: the clone is a new profile.');
    }
    return { options, errors };
}

/** A SOQL string literal. */
function soqlString(value) {
    return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Everything a run does, step by step. Commands are `sf` argument lists (the runner prefixes the CLI);
 * `kind` tells the runner how to run one (see setup-org.mjs). Paths are under `workDir`.
 *
 * @param {Options} options parsed and valid
 * @param {{ workDir: string, apiVersion?: string }} context
 */
function buildPlan(options, { workDir, apiVersion = DEFAULT_API_VERSION }) {
    const org = options.targetOrg;
    const template = resolveTemplate(options.template);
    const settingsDir = join(workDir, 'settings');
    const profileDir = join(workDir, 'profile');
    const retrievedDir = join(profileDir, 'retrieved');
    const steps = [
        {
            id: 'settings',
            title: 'Deploy CommunitiesSettings (Digital Experiences on, standard external profiles allowed)',
            projectDir: settingsDir,
            files: settingsProjectFiles(apiVersion).map((f) => ({ ...f, path: join(settingsDir, f.path) })),
            commands: [
                {
                    kind: 'run',
                    purpose: 'deploy the settings',
                    // --ignore-conflicts: this throwaway project has no tracking history, so a
                    // source-tracked (scratch) org would otherwise report every remote change as a conflict.
                    args: [
                        'project',
                        'deploy',
                        'start',
                        '--source-dir',
                        join(settingsDir, PACKAGE_DIR),
                        '--target-org',
                        org,
                        '--wait',
                        '30',
                        '--ignore-conflicts',
                    ],
                },
            ],
        },
        {
            id: 'profile',
            title: `Clone the profile "${options.sourceProfile}" as "${options.profileName}" with API Enabled`,
            projectDir: profileDir,
            retrievedDir,
            profileFile: join(profileDir, profileFilePath(options.profileName)),
            files: [
                { path: join(profileDir, 'sfdx-project.json'), content: settingsProjectFiles(apiVersion)[0].content },
                {
                    path: join(profileDir, 'retrieve', 'package.xml'),
                    content: retrieveManifest(options.sourceProfile, apiVersion),
                },
            ],
            commands: [
                {
                    kind: 'run',
                    purpose:
                        'retrieve the source profile with the objects and tabs it grants (so that its object, field ' +
                        "and tab permissions come back, as Setup's Clone keeps them)",
                    args: [
                        'project',
                        'retrieve',
                        'start',
                        '--manifest',
                        join(profileDir, 'retrieve', 'package.xml'),
                        '--target-org',
                        org,
                        '--output-dir',
                        retrievedDir,
                    ],
                },
                {
                    kind: 'rewrite-profile',
                    purpose:
                        `write ${join(profileDir, profileFilePath(options.profileName))}: the retrieved profile with ` +
                        '<custom>true</custom> and <userPermissions> ApiEnabled true, same <userLicense>, the rest unchanged',
                },
                {
                    kind: 'run',
                    purpose: 'deploy the new profile',
                    args: [
                        'project',
                        'deploy',
                        'start',
                        '--source-dir',
                        join(profileDir, PACKAGE_DIR),
                        '--target-org',
                        org,
                        '--wait',
                        '30',
                        '--ignore-conflicts',
                    ],
                },
            ],
        },
        {
            id: 'site',
            title: `Create and publish the site "${options.siteName}" (template "${template.label}")`,
            files: [],
            commands: [
                {
                    kind: 'site-exists',
                    purpose: 'look for an existing site of that name (then create is skipped)',
                    args: [
                        'data',
                        'query',
                        '--query',
                        `SELECT Id, Name, Status, UrlPathPrefix FROM Network WHERE Name = ${soqlString(options.siteName)}`,
                        '--target-org',
                        org,
                        '--json',
                    ],
                },
                {
                    kind: 'site-create',
                    purpose: 'create the site (an asynchronous job)',
                    args: [
                        'community',
                        'create',
                        '--name',
                        options.siteName,
                        '--template-name',
                        template.cliName,
                        '--url-path-prefix',
                        options.urlPathPrefix,
                        '--description',
                        'Salesforce Contracts documents for Customer Community Plus users',
                        '--target-org',
                        org,
                        '--json',
                    ],
                },
                {
                    kind: 'site-wait',
                    purpose:
                        'wait for the creation job (every 10 s, up to 11 minutes: the job itself times out after 10)',
                    args: [
                        'data',
                        'query',
                        '--query',
                        "SELECT Id, Status FROM BackgroundOperation WHERE Id = '<jobId from create>'",
                        '--target-org',
                        org,
                        '--json',
                    ],
                },
                {
                    kind: 'run',
                    purpose: 'publish the site',
                    args: ['community', 'publish', '--name', options.siteName, '--target-org', org],
                },
            ],
        },
        {
            id: 'permset',
            title: `Assign the permission set ${ADMIN_PERMISSION_SET} to the CLI user`,
            files: [],
            commands: [
                {
                    kind: 'permset',
                    purpose: 'assign the admin permission set (already assigned counts as done)',
                    args: ['org', 'assign', 'permset', '--name', ADMIN_PERMISSION_SET, '--target-org', org, '--json'],
                },
            ],
        },
    ];
    const confirmFile = join(workDir, 'confirm', 'confirm-standard-external-profiles.apex');
    steps.push({
        id: 'confirm',
        title: 'Record that standard external profiles are allowed (readiness confirmation, through the package)',
        files: [{ path: confirmFile, content: confirmApex(options.installed ? 'ccsa.' : '') }],
        commands: [
            {
                kind: 'run',
                purpose:
                    'confirm the readiness row STANDARD_EXTERNAL_PROFILES as the CLI user (the guard needs ' +
                    `${ADMIN_PERMISSION_SET}; logged as CONFIRM_READINESS_STEP)`,
                args: ['apex', 'run', '--file', confirmFile, '--target-org', org],
            },
        ],
    });
    // The confirmation says what this run's deploy did: without the settings step there is nothing to confirm.
    const skipped = new Set(options.skip);
    if (skipped.has('settings')) skipped.add('confirm');
    return steps.filter((step) => !skipped.has(step.id));
}

/** What seed 000 still asks for after the site exists; the Setup Assistant can do all three. */
function remainingSiteSteps(options) {
    return [
        `In Setup > Digital Experiences > All Sites > "${options.siteName}" > Workspaces > Administration:`,
        `  - Members: search "Customer", add the profile "${options.profileName}" to Selected Profiles, Save`,
        '  - Preferences: select "Show All Settings in Workspace", Save',
        '  - Settings: Activate (publishing makes the site reachable; activating makes it Live)',
        'Or, in the org: App Launcher > Contracts Community Setup > Setup Assistant, readiness checklist:',
        `  its Fix buttons ("Activate ${options.siteName}", "Show all settings in ${options.siteName}",`,
        `  "Add ${options.profileName} to ${options.siteName}") do these three.`,
    ];
}

/** The command as a shell line, for printing (arguments with spaces or quotes are quoted). */
function shellLine(args) {
    return ['sf', ...args]
        .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `"${a.replace(/(["\\$`])/g, '\\$1')}"`))
        .join(' ');
}

module.exports = {
    ADMIN_PERMISSION_SET,
    DEFAULTS,
    STANDARD_OBJECTS,
    STEPS,
    USAGE,
    buildPlan,
    confirmApex,
    retrieveManifest,
    parseArgs,
    remainingSiteSteps,
    shellLine,
    soqlString,
};
