// Offline checks that the SFDX source would deploy as a package: well-formed XML, a clean
// metadata-format conversion (no TypeScript or tests shipped), and the cross-references an org
// deploy rejects only after a round trip (missing classes, tabs, labels, API versions), and icon
// names that SLDS does not ship (they render as nothing).
// CommonJS so that Jest (scripts/__tests__/package.test.ts) and scripts/check-package.mjs share it.
const { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { basename, dirname, extname, join, relative, sep } = require('node:path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');

/** The types this package must always contain: losing one means a folder was forceignored or moved. */
const REQUIRED_TYPES = [
    'ApexClass',
    'LightningComponentBundle',
    'CustomLabels',
    'CustomApplication',
    'CustomTab',
    'CustomPermission',
    'PermissionSet',
];

/** Admins get "You do not have access to the Apex class" unless this permission set grants each controller. */
const ADMIN_PERMISSION_SET = 'Contracts_Community_Setup_Admin';

/** What the LWC platform accepts in a bundle; anything else is a build or forceignore leak. */
const LWC_ALLOWED_EXTENSIONS = new Set(['.js', '.html', '.css', '.svg']);

/** Namespaces a label or Apex import may name in this package besides the default `c`. */
const OWN_NAMESPACES = new Set(['c', 'ccsa']);

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true });

/**
 * @typedef {{ check: string, file?: string, line?: number, message: string }} Finding
 */

function toPosix(path) {
    return path.split(sep).join('/');
}

function asArray(value) {
    if (value === undefined || value === null || value === '') return [];
    return Array.isArray(value) ? value : [value];
}

function text(value) {
    return value === undefined || value === null ? '' : String(value).trim();
}

/** Every file below `dir`, depth first, skipping folders that never hold source. */
function walk(dir, found = []) {
    if (!existsSync(dir)) return found;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) {
            if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full, found);
        } else {
            found.push(full);
        }
    }
    return found;
}

/**
 * Reads sfdx-project.json: package directories and the API version every meta file must declare.
 * @param {string} projectDir
 */
function readProject(projectDir) {
    const config = JSON.parse(readFileSync(join(projectDir, 'sfdx-project.json'), 'utf8'));
    const packageDirs = asArray(config.packageDirectories).map((entry) => join(projectDir, entry.path));
    return { projectDir, config, sourceApiVersion: text(config.sourceApiVersion), packageDirs };
}

// ---------------------------------------------------------------------------------------------
// XML well-formedness

/**
 * @param {{ file: string, xml: string }[]} files
 * @returns {Finding[]}
 */
function checkXmlWellFormed(files) {
    const problems = [];
    for (const { file, xml } of files) {
        const result = XMLValidator.validate(xml);
        if (result !== true) {
            problems.push({ check: 'xml', file, line: result.err.line, message: `${result.err.msg}` });
            continue;
        }
        // The validator accepts several top-level elements; the Metadata API does not.
        const roots = Object.keys(parser.parse(xml)).filter((key) => !key.startsWith('?'));
        if (roots.length !== 1) {
            problems.push({ check: 'xml', file, message: `expected one root element, found ${roots.length}` });
        }
    }
    return problems;
}

// ---------------------------------------------------------------------------------------------
// Source model: what the package declares, read from source format (forceignored files excluded,
// since they never reach the org and so cannot satisfy a reference).

/** Removes comments and string literals from Apex so that prose and messages never count as code. */
function stripApex(source) {
    let out = '';
    let i = 0;
    while (i < source.length) {
        const two = source.slice(i, i + 2);
        if (two === '//') {
            const end = source.indexOf('\n', i);
            i = end === -1 ? source.length : end;
        } else if (two === '/*') {
            const end = source.indexOf('*/', i + 2);
            i = end === -1 ? source.length : end + 2;
        } else if (source[i] === "'") {
            i++;
            while (i < source.length && source[i] !== "'") i += source[i] === '\\' ? 2 : 1;
            i++;
            out += "''";
        } else {
            out += source[i++];
        }
    }
    return out;
}

/** Names of the methods (not properties) annotated `@AuraEnabled`: only those make a class a controller. */
function auraEnabledMethods(code) {
    const methods = [];
    const annotation = /@AuraEnabled\b(\s*\([^)]*\))?/gi;
    while (annotation.exec(code) !== null) {
        // Skip further annotations, then see whether a parameter list comes before the end of a declaration.
        const rest = code.slice(annotation.lastIndex).replace(/^(\s*@\w+(\s*\([^)]*\))?)*/, '');
        const stop = rest.search(/[(;{=]/);
        if (stop !== -1 && rest[stop] === '(') {
            const name = /(\w+)\s*$/.exec(rest.slice(0, stop));
            if (name) methods.push(name[1]);
        }
    }
    return methods;
}

/** Custom Label names read by Apex: `System.Label.X`, `Label.X` (and `Label.ns.X`). */
function apexLabelReferences(code) {
    const names = [];
    const reference = /(?<![\w.])(?:System\s*\.\s*)?Label\s*\.\s*(\w+)(?:\s*\.\s*(\w+))?/gi;
    let match;
    while ((match = reference.exec(code)) !== null) {
        const [, first, second] = match;
        if (/^get$/i.test(first)) continue; // Label.get(ns, name): dynamic, cannot be checked statically.
        names.push(second && OWN_NAMESPACES.has(first.toLowerCase()) ? second : first);
    }
    return names;
}

/** `@salesforce/...` module specifiers imported by an LWC source file (static and dynamic imports). */
function salesforceImports(source) {
    const specifiers = [];
    const pattern = /(?:\bfrom|\bimport)\s*\(?\s*['"](@salesforce\/[^'"]+)['"]/g;
    let match;
    while ((match = pattern.exec(source)) !== null) specifiers.push(match[1]);
    return specifiers;
}

/** `$Label.X` in Visualforce, Aura, flows and other metadata. */
function mergeFieldLabelReferences(source) {
    return [...source.matchAll(/\$Label\.(?:(?:c|ccsa)\.)?(?:ccsa__)?(\w+)/g)].map((m) => m[1]);
}

function isInTests(rel) {
    return rel.split('/').includes('__tests__');
}

/**
 * Builds the model of the package from its source files.
 * @param {string} projectDir
 * @param {{ abs: string, ignored: boolean }[]} files every file of the package directories
 */
function buildModel(projectDir, files) {
    const model = {
        classes: new Map(), // name -> { rel, code, isTest, auraMethods, metaRel, meta }
        triggers: new Map(),
        bundles: new Map(), // name -> { dir, rel, files: rel[] (all, incl. ignored), meta, metaRel }
        tabs: new Map(),
        apps: new Map(),
        permsets: new Map(),
        customPermissions: new Map(),
        labels: new Map(), // name -> rel of the labels file
        labelFiles: [],
        labelClashes: [], // { rel, fullName, clash }: names equal but for case
        lwcSources: [], // { rel, bundle, isTest, source }
        otherSources: [], // { rel, source } for $Label references
    };
    const parse = (abs) => {
        try {
            return parser.parse(readFileSync(abs, 'utf8'));
        } catch {
            return {}; // Already reported by the XML check.
        }
    };
    for (const { abs, ignored } of files) {
        const rel = toPosix(relative(projectDir, abs));
        const name = basename(abs);
        const parts = rel.split('/');
        const lwcIndex = parts.lastIndexOf('lwc');
        if (lwcIndex !== -1 && lwcIndex < parts.length - 2) {
            // Bundle files are kept even when forceignored: the build check needs to see the .ts.
            const bundleName = parts[lwcIndex + 1];
            const bundleRel = parts.slice(0, lwcIndex + 2).join('/');
            if (!model.bundles.has(bundleName)) {
                model.bundles.set(bundleName, { dir: join(projectDir, bundleRel), rel: bundleRel, files: [] });
            }
            const bundle = model.bundles.get(bundleName);
            bundle.files.push({ rel, abs, ignored });
            if (rel === `${bundleRel}/${bundleName}.js-meta.xml` && !ignored) {
                bundle.metaRel = rel;
                bundle.meta = parse(abs).LightningComponentBundle ?? {};
            }
            if (/\.(ts|js)$/.test(name) && !name.endsWith('.d.ts')) {
                model.lwcSources.push({
                    rel,
                    bundle: bundleName,
                    isTest: isInTests(rel),
                    source: readFileSync(abs, 'utf8'),
                });
            }
            continue;
        }
        if (ignored) continue;
        let match;
        if ((match = /^(\w+)\.cls$/.exec(name))) {
            const code = stripApex(readFileSync(abs, 'utf8'));
            model.classes.set(match[1], {
                rel,
                code,
                isTest: /@isTest\b/i.test(code),
                auraMethods: auraEnabledMethods(code),
                ...model.classes.get(match[1]),
            });
        } else if ((match = /^(\w+)\.cls-meta\.xml$/.exec(name))) {
            const entry = model.classes.get(match[1]) ?? {};
            model.classes.set(match[1], { ...entry, metaRel: rel, meta: parse(abs).ApexClass ?? {} });
        } else if ((match = /^(\w+)\.trigger$/.exec(name))) {
            const code = stripApex(readFileSync(abs, 'utf8'));
            model.triggers.set(match[1], { ...model.triggers.get(match[1]), rel, code });
        } else if ((match = /^(\w+)\.trigger-meta\.xml$/.exec(name))) {
            const entry = model.triggers.get(match[1]) ?? {};
            model.triggers.set(match[1], { ...entry, metaRel: rel, meta: parse(abs).ApexTrigger ?? {} });
        } else if ((match = /^(\w+)\.tab-meta\.xml$/.exec(name))) {
            model.tabs.set(match[1], { rel, meta: parse(abs).CustomTab ?? {} });
        } else if ((match = /^(\w+)\.app-meta\.xml$/.exec(name))) {
            model.apps.set(match[1], { rel, meta: parse(abs).CustomApplication ?? {} });
        } else if ((match = /^(\w+)\.permissionset-meta\.xml$/.exec(name))) {
            model.permsets.set(match[1], { rel, meta: parse(abs).PermissionSet ?? {} });
        } else if ((match = /^(\w+)\.customPermission-meta\.xml$/.exec(name))) {
            model.customPermissions.set(match[1], { rel });
        } else if (name.endsWith('.labels-meta.xml')) {
            model.labelFiles.push(rel);
            for (const label of asArray(parse(abs).CustomLabels?.labels)) {
                const fullName = text(label.fullName);
                // Salesforce API names are case-insensitive: two spellings are one label to a deploy.
                const clash = [...model.labels.keys()].find((known) => known.toLowerCase() === fullName.toLowerCase());
                if (clash) model.labelClashes.push({ rel, fullName, clash });
                model.labels.set(fullName, rel);
            }
        } else if (/\.(page|component|cmp|evt|app|email|flow-meta\.xml|flexipage-meta\.xml)$/.test(name)) {
            model.otherSources.push({ rel, source: readFileSync(abs, 'utf8') });
        }
    }
    return model;
}

// ---------------------------------------------------------------------------------------------
// LWC sources: every TypeScript module must have been compiled, since only the .js deploys.

/**
 * @returns {{ problems: Finding[], warnings: Finding[], handWritten: string[] }}
 */
function checkLwcBuild(model) {
    const problems = [];
    const warnings = [];
    const handWritten = [];
    for (const [name, bundle] of model.bundles) {
        const shipped = bundle.files.filter((f) => !isInTests(f.rel));
        const byRel = new Map(shipped.map((f) => [f.rel, f]));
        for (const file of shipped) {
            if (file.rel.endsWith('.ts') && !file.rel.endsWith('.d.ts')) {
                const js = byRel.get(file.rel.replace(/\.ts$/, '.js'));
                if (!js) {
                    problems.push({
                        check: 'lwc-build',
                        file: file.rel,
                        message: `no compiled ${basename(file.rel, '.ts')}.js next to it: run npm run build`,
                    });
                } else if (statSync(file.abs).mtimeMs > statSync(js.abs).mtimeMs + 1000) {
                    warnings.push({
                        check: 'lwc-build',
                        file: js.rel,
                        message: 'older than its .ts: run npm run build if the .ts changed',
                    });
                }
            } else if (file.rel.endsWith('.js') && !byRel.has(file.rel.replace(/\.js$/, '.ts'))) {
                handWritten.push(file.rel);
            }
        }
        if (!bundle.metaRel) {
            problems.push({
                check: 'lwc-meta',
                file: bundle.rel,
                message: `bundle ${name} has no ${name}.js-meta.xml`,
            });
        }
    }
    return { problems, warnings, handWritten };
}

// ---------------------------------------------------------------------------------------------
// Conversion to metadata format, as `sf project deploy start` does before zipping.

/**
 * Converts the package directories into metadata format in a fresh temp directory.
 * @returns {Promise<{ outputDir: string, problems: Finding[] }>}
 */
async function convertToMetadata(project) {
    // Lazy: the library is heavy and only this step needs it.
    const { ComponentSet, MetadataConverter } = require('@salesforce/source-deploy-retrieve');
    const outputDir = mkdtempSync(join(tmpdir(), 'ccsa-package-'));
    try {
        const set = ComponentSet.fromSource({ fsPaths: project.packageDirs });
        // As the CLI does; it also keeps SDR from asking an org for its API version.
        set.sourceApiVersion = project.sourceApiVersion;
        await new MetadataConverter().convert(set, 'metadata', {
            type: 'directory',
            outputDirectory: outputDir,
            genUniqueDir: false,
        });
        return { outputDir, problems: [] };
    } catch (error) {
        return { outputDir, problems: [{ check: 'convert', message: `conversion failed: ${error.message}` }] };
    }
}

/** Marks each file of the package directories as forceignored or not, as SDR sees it. */
function listSourceFiles(project) {
    const { ForceIgnore } = require('@salesforce/source-deploy-retrieve');
    const files = [];
    for (const dir of project.packageDirs) {
        const forceIgnore = ForceIgnore.findAndCreate(dir);
        for (const abs of walk(dir)) files.push({ abs, ignored: forceIgnore.denies(abs) });
    }
    return files;
}

function describeLeak(rel) {
    const name = basename(rel);
    if (name.endsWith('.ts')) return 'TypeScript source';
    if (rel.split('/').includes('__tests__')) return 'test file';
    if (name.startsWith('tsconfig')) return 'TypeScript config';
    if (name.startsWith('jsconfig')) return 'jsconfig';
    // Custom metadata records convert to customMetadata/<Type>.<Record>.md: metadata, not Markdown.
    if (name.endsWith('.md') && !rel.split('/').includes('customMetadata')) return 'Markdown';
    return undefined;
}

/**
 * Checks the converted metadata-format directory: manifest, leaks, LWC bundle contents.
 * @param {string} outputDir
 * @returns {Finding[]}
 */
function checkConvertedOutput(outputDir, model, { sourceApiVersion, requiredTypes = REQUIRED_TYPES } = {}) {
    const problems = [];
    const add = (file, message) => problems.push({ check: 'converted', file, message });
    const manifestPath = join(outputDir, 'package.xml');
    if (!existsSync(manifestPath)) {
        add('package.xml', 'the conversion wrote no package.xml');
        return problems;
    }
    const manifest = parser.parse(readFileSync(manifestPath, 'utf8')).Package ?? {};
    const members = new Map(asArray(manifest.types).map((t) => [text(t.name), new Set(asArray(t.members).map(text))]));
    for (const type of requiredTypes) {
        if (!members.has(type)) add('package.xml', `no ${type} in the converted package`);
    }
    for (const [name, bundle] of model.bundles) {
        if (bundle.metaRel && !members.get('LightningComponentBundle')?.has(name)) {
            add('package.xml', `LWC bundle ${name} is missing from the converted package`);
        }
    }
    for (const [name, apexClass] of model.classes) {
        if (apexClass.metaRel && !members.get('ApexClass')?.has(name)) {
            add('package.xml', `Apex class ${name} is missing from the converted package`);
        }
    }
    const version = text(manifest.version);
    if (version !== sourceApiVersion) {
        add(
            'package.xml',
            `<version> is ${version || 'missing'}, sfdx-project.json sourceApiVersion is ${sourceApiVersion}`,
        );
    }

    const files = walk(outputDir).map((abs) => toPosix(relative(outputDir, abs)));
    for (const rel of files) {
        const leak = describeLeak(rel);
        if (leak) add(rel, `${leak} in the deployable package (check .forceignore)`);
    }
    const outputBundles = new Map();
    for (const rel of files) {
        const parts = rel.split('/');
        if (parts[0] !== 'lwc' || parts.length < 3) continue;
        if (!outputBundles.has(parts[1])) outputBundles.set(parts[1], []);
        outputBundles.get(parts[1]).push(parts.slice(2).join('/'));
    }
    for (const [name, bundleFiles] of outputBundles) {
        for (const file of bundleFiles) {
            const allowed = file === `${name}.js-meta.xml` || LWC_ALLOWED_EXTENSIONS.has(extname(file));
            if (!allowed && !describeLeak(`lwc/${name}/${file}`)) {
                add(`lwc/${name}/${file}`, 'not a .js, .html, .css, .svg or -meta.xml file: LWC rejects it');
            }
        }
        if (!bundleFiles.includes(`${name}.js`)) {
            const hasTs = model.bundles.get(name)?.files.some((f) => f.rel.endsWith(`/${name}.ts`));
            add(`lwc/${name}`, `no ${name}.js in the bundle${hasTs ? ': run npm run build' : ''}`);
        }
    }
    return problems;
}

// ---------------------------------------------------------------------------------------------
// Cross-references an org deploy would reject.

/** Standard tabs and apps exist in every org; only our own must be in source. */
function isStandardTab(name) {
    return name.startsWith('standard-');
}

function isStandardApp(name) {
    return name.startsWith('standard__');
}

/**
 * @returns {Finding[]}
 */
function checkCrossReferences(model, { adminPermissionSet = ADMIN_PERMISSION_SET } = {}) {
    const problems = [];
    const add = (file, message) => problems.push({ check: 'references', file, message });

    for (const [, { rel, meta }] of model.permsets) {
        for (const access of asArray(meta.classAccesses)) {
            const apexClass = text(access.apexClass);
            if (!model.classes.has(apexClass)) add(rel, `classAccesses names Apex class ${apexClass}, not in source`);
        }
        for (const setting of asArray(meta.tabSettings)) {
            const tab = text(setting.tab);
            if (!isStandardTab(tab) && !model.tabs.has(tab)) add(rel, `tabSettings names tab ${tab}, not in source`);
        }
        for (const visibility of asArray(meta.applicationVisibilities)) {
            const app = text(visibility.application);
            if (!isStandardApp(app) && !model.apps.has(app)) {
                add(rel, `applicationVisibilities names app ${app}, not in source`);
            }
        }
        for (const permission of asArray(meta.customPermissions)) {
            const custom = text(permission.name);
            if (!model.customPermissions.has(custom)) {
                add(rel, `customPermissions names ${custom}, not in source`);
            }
        }
    }
    for (const [, { rel, meta }] of model.apps) {
        for (const tab of [...asArray(meta.tabs), ...asArray(meta.defaultLandingTab)].map(text)) {
            if (!isStandardTab(tab) && !model.tabs.has(tab)) add(rel, `app names tab ${tab}, not in source`);
        }
    }
    for (const [, { rel, meta }] of model.tabs) {
        const component = text(meta.lwcComponent);
        if (!component) continue;
        const bundle = model.bundles.get(component);
        if (!bundle || !bundle.meta) {
            add(rel, `lwcComponent ${component} is not an LWC bundle in source`);
            continue;
        }
        const targets = asArray(bundle.meta.targets?.target).map(text);
        if (!targets.includes('lightning__Tab'))
            add(bundle.metaRel, `${component} is a tab but lacks target lightning__Tab`);
        if (text(bundle.meta.isExposed) !== 'true')
            add(bundle.metaRel, `${component} is a tab but isExposed is not true`);
    }

    // Controllers: what the admin permission set must grant for the UI to call Apex at all.
    const admin = model.permsets.get(adminPermissionSet);
    if (!admin) {
        add(undefined, `admin permission set ${adminPermissionSet} is not in source`);
    }
    const granted = new Set(
        asArray(admin?.meta.classAccesses)
            .filter((access) => text(access.enabled) === 'true')
            .map((access) => text(access.apexClass)),
    );
    const adminRel = admin?.rel ?? `${adminPermissionSet}.permissionset-meta.xml`;
    for (const [name, apexClass] of model.classes) {
        if (!apexClass.code || apexClass.isTest || apexClass.auraMethods.length === 0) continue;
        if (!granted.has(name)) {
            add(adminRel, `@AuraEnabled controller ${name} is not granted (enabled classAccesses) to admins`);
        }
    }
    for (const { rel, source } of model.lwcSources) {
        for (const specifier of salesforceImports(source)) {
            const apex = /^@salesforce\/apex\/([\w.]+)$/.exec(specifier);
            if (!apex) continue;
            const parts = apex[1].split('.');
            if (parts.length === 3 && !OWN_NAMESPACES.has(parts[0])) continue; // another package's class
            const [className, method] = parts.slice(-2);
            const apexClass = model.classes.get(className);
            if (!apexClass?.code) {
                add(rel, `imports ${specifier}: no Apex class ${className} in source`);
            } else if (!apexClass.auraMethods.some((m) => m.toLowerCase() === method.toLowerCase())) {
                add(rel, `imports ${specifier}: ${className} has no @AuraEnabled method ${method}`);
            }
        }
    }
    return problems;
}

// ---------------------------------------------------------------------------------------------
// Custom Labels: every reference exists, every label is read by shipped code.

/**
 * @returns {Finding[]}
 */
function checkLabels(model) {
    const problems = model.labelClashes.map(({ rel, fullName, clash }) => ({
        check: 'labels',
        file: rel,
        message: `Custom Label ${fullName} has the same API name as ${clash} (names are case-insensitive)`,
    }));
    const used = new Map(); // label -> files of shipped code reading it
    const testOnly = new Map();
    const reference = (name, rel, shipped) => {
        const target = shipped ? used : testOnly;
        if (!target.has(name)) target.set(name, []);
        target.get(name).push(rel);
        if (!model.labels.has(name)) {
            problems.push({ check: 'labels', file: rel, message: `Custom Label ${name} does not exist` });
        }
    };
    for (const [, apexClass] of model.classes) {
        if (!apexClass.code) continue;
        for (const name of new Set(apexLabelReferences(apexClass.code))) {
            reference(name, apexClass.rel, !apexClass.isTest);
        }
    }
    for (const [, trigger] of model.triggers) {
        for (const name of new Set(apexLabelReferences(trigger.code ?? ''))) reference(name, trigger.rel, true);
    }
    for (const { rel, source, isTest } of model.lwcSources) {
        for (const specifier of salesforceImports(source)) {
            const label = /^@salesforce\/label\/(\w+)\.(\w+)$/.exec(specifier);
            if (label && OWN_NAMESPACES.has(label[1])) reference(label[2], rel, !isTest);
        }
    }
    for (const { rel, source } of model.otherSources) {
        for (const name of new Set(mergeFieldLabelReferences(source))) reference(name, rel, true);
    }
    for (const [name, rel] of model.labels) {
        if (used.has(name)) continue;
        const tests = testOnly.get(name);
        problems.push({
            check: 'labels',
            file: rel,
            message: tests
                ? `Custom Label ${name} is only read by tests (${tests.join(', ')}): dead label`
                : `Custom Label ${name} is not used anywhere: dead label`,
        });
    }
    return problems;
}

// ---------------------------------------------------------------------------------------------
// SLDS icons: every `category:name` in LWC markup and code is an icon that ships in SLDS. An
// unknown name renders nothing (lightning-icon and lightning-button show an empty space), and
// no compiler, test or deploy reports it.

const ICON_CATEGORIES = ['action', 'custom', 'doctype', 'standard', 'utility'];

/**
 * The icon names of the Salesforce Lightning Design System, read from the SVG files that
 * @salesforce-ux/design-system ships in assets/icons/<category>/<name>.svg (the same icons as the
 * sprites). Resolved from this repository's node_modules, whatever project is checked.
 *
 * @param {string} [iconsDir] the assets/icons folder
 * @returns {Map<string, Set<string>>} category to icon names
 */
function sldsIconNames(
    iconsDir = join(dirname(require.resolve('@salesforce-ux/design-system/package.json')), 'assets', 'icons'),
) {
    const icons = new Map();
    for (const category of ICON_CATEGORIES) {
        const dir = join(iconsDir, category);
        const names = existsSync(dir)
            ? readdirSync(dir)
                  .filter((file) => file.endsWith('.svg'))
                  .map((file) => file.slice(0, -'.svg'.length))
            : [];
        icons.set(category, new Set(names));
    }
    return icons;
}

/** Quoted `category:name` literals: `icon-name="utility:add"`, `iconName: 'standard:contact'`. */
const ICON_LITERAL = new RegExp(`(["'\`])(${ICON_CATEGORIES.join('|')}):([A-Za-z0-9_]+)\\1`, 'g');

/**
 * @param {object} model from {@link buildModel}
 * @param {Map<string, Set<string>>} [icons] from {@link sldsIconNames}
 * @returns {Finding[]}
 */
function checkIcons(model, icons = sldsIconNames()) {
    const problems = [];
    if ([...icons.values()].every((names) => names.size === 0)) {
        return [{ check: 'icons', message: 'no SLDS icons found in @salesforce-ux/design-system: run npm ci' }];
    }
    for (const [, bundle] of model.bundles) {
        const sources = bundle.files.filter(({ rel }) => !isInTests(rel) && /\.(html|ts|js)$/.test(rel));
        // The compiled .js repeats its .ts: read a .js only when it is hand-written.
        const typescript = new Set(sources.filter(({ rel }) => rel.endsWith('.ts')).map(({ rel }) => rel.slice(0, -3)));
        for (const { rel, abs } of sources) {
            if (rel.endsWith('.js') && typescript.has(rel.slice(0, -3))) continue;
            readFileSync(abs, 'utf8')
                .split('\n')
                .forEach((line, index) => {
                    for (const [, , category, name] of line.matchAll(ICON_LITERAL)) {
                        if (icons.get(category).has(name)) continue;
                        const similar = [...icons.get(category)]
                            .filter((known) => known.includes(name) || name.includes(known))
                            .slice(0, 5);
                        problems.push({
                            check: 'icons',
                            file: rel,
                            line: index + 1,
                            message: `SLDS has no icon ${category}:${name}${
                                similar.length > 0
                                    ? ` (similar: ${similar.map((n) => `${category}:${n}`).join(', ')})`
                                    : ''
                            }: see assets/icons/${category}/ in @salesforce-ux/design-system`,
                        });
                    }
                });
        }
    }
    return problems;
}

// ---------------------------------------------------------------------------------------------
// API versions: one version for the whole package, the one sfdx-project.json declares.

/**
 * @returns {Finding[]}
 */
function checkApiVersions(model, sourceApiVersion) {
    const problems = [];
    if (!/^\d+\.0$/.test(sourceApiVersion)) {
        problems.push({
            check: 'api-version',
            file: 'sfdx-project.json',
            message: `sourceApiVersion "${sourceApiVersion}" is not a version like 65.0`,
        });
    }
    const expect = (file, version, what) => {
        if (text(version) !== sourceApiVersion) {
            problems.push({
                check: 'api-version',
                file,
                message: `${what} apiVersion is ${text(version) || 'missing'}, sourceApiVersion is ${sourceApiVersion}`,
            });
        }
    };
    for (const [name, bundle] of model.bundles) {
        if (bundle.meta) expect(bundle.metaRel, bundle.meta.apiVersion, `LWC ${name}`);
    }
    for (const [name, apexClass] of model.classes) {
        if (!apexClass.metaRel) {
            problems.push({
                check: 'api-version',
                file: apexClass.rel,
                message: `Apex class ${name} has no -meta.xml`,
            });
        } else {
            expect(apexClass.metaRel, apexClass.meta.apiVersion, `Apex class ${name}`);
        }
    }
    for (const [name, trigger] of model.triggers) {
        if (trigger.metaRel) expect(trigger.metaRel, trigger.meta.apiVersion, `Apex trigger ${name}`);
    }
    return problems;
}

// ---------------------------------------------------------------------------------------------

/**
 * Runs every check on an SFDX project directory.
 * @param {string} projectDir
 * @returns {Promise<{ problems: Finding[], warnings: Finding[], notes: string[] }>}
 */
async function checkPackage(projectDir, options = {}) {
    const project = readProject(projectDir);
    const files = listSourceFiles(project);
    const notes = [];

    // XML outside the package directories too (e.g. manifest/package.xml, config): deploys read them.
    const extraXml = ['manifest', 'config'].flatMap((dir) => walk(join(projectDir, dir)));
    const xmlFiles = [...files.map((f) => f.abs), ...extraXml]
        .filter((abs) => abs.endsWith('.xml'))
        .map((abs) => ({ file: toPosix(relative(projectDir, abs)), xml: readFileSync(abs, 'utf8') }));
    const problems = checkXmlWellFormed(xmlFiles);
    notes.push(`${xmlFiles.length} XML files parsed`);

    const model = buildModel(projectDir, files);
    const build = checkLwcBuild(model);
    problems.push(...build.problems);
    if (build.handWritten.length > 0) {
        notes.push(`${build.handWritten.length} hand-written LWC .js (no .ts): ${build.handWritten.join(', ')}`);
    }

    // Without sourceApiVersion, SDR would ask an org for its API version: offline, that hangs.
    const conversion = project.sourceApiVersion
        ? await convertToMetadata(project)
        : {
              problems: [
                  { check: 'convert', file: 'sfdx-project.json', message: 'no sourceApiVersion: not converted' },
              ],
          };
    problems.push(...conversion.problems);
    if (conversion.problems.length === 0) {
        problems.push(
            ...checkConvertedOutput(conversion.outputDir, model, {
                sourceApiVersion: project.sourceApiVersion,
                requiredTypes: options.requiredTypes,
            }),
        );
    }
    if (conversion.outputDir && !options.keepOutput) rmSync(conversion.outputDir, { recursive: true, force: true });

    problems.push(...checkCrossReferences(model, options));
    problems.push(...checkLabels(model));
    problems.push(...checkIcons(model));
    problems.push(...checkApiVersions(model, project.sourceApiVersion));
    notes.push(
        `${model.classes.size} Apex classes, ${model.bundles.size} LWC bundles, ${model.labels.size} labels, ` +
            `${model.permsets.size} permission sets, ${model.tabs.size} tabs, ${model.apps.size} apps`,
    );
    return {
        problems,
        warnings: build.warnings,
        notes,
        outputDir: options.keepOutput ? conversion.outputDir : undefined,
    };
}

/** One line per finding, `file:line` first so that editors and CI logs link to it. */
function formatFinding({ check, file, line, message }) {
    const where = file ? `${file}${line ? `:${line}` : ''}: ` : '';
    return `[${check}] ${where}${message}`;
}

module.exports = {
    ADMIN_PERMISSION_SET,
    REQUIRED_TYPES,
    apexLabelReferences,
    auraEnabledMethods,
    buildModel,
    checkApiVersions,
    checkConvertedOutput,
    checkCrossReferences,
    checkIcons,
    checkLabels,
    checkLwcBuild,
    checkPackage,
    checkXmlWellFormed,
    formatFinding,
    salesforceImports,
    sldsIconNames,
    stripApex,
};
