#!/usr/bin/env node
// Builds the local preview into preview/dist: the package's real components (the compiled .js
// of `npm run build`), real lightning base components and SLDS, with every platform module
// that needs an org (`@salesforce/apex/*`, labels, schema, user, toasts) replaced by the
// sample org in preview/sample-org. Fails when a component imports something the sample org
// does not provide, so that the preview never silently diverges from the package.
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import ts from 'typescript';
import { minify } from 'terser';
import { SAMPLE_ORG_BANNER } from './constants.mjs';

const require = createRequire(import.meta.url);
const { readLabels } = require('../scripts/lib/labels.js');
const { dropNativeShadowRules } = require('../scripts/lib/native-shadow-css.js');
const { splitSprite } = require('../scripts/lib/icon-sprites.js');

const PREVIEW = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(PREVIEW);
export const DIST = join(PREVIEW, 'dist');
const SAMPLE_APEX = join(PREVIEW, 'sample-org', 'apex');
const LBC = dirname(require.resolve('lightning-base-components/package.json'));
const SLDS = join(dirname(require.resolve('@salesforce-ux/design-system/package.json')), 'assets');
const SPRITES = ['action', 'custom', 'doctype', 'standard', 'utility'];

/** Every LWC bundle of the package, `c/<name>` → its compiled .js (several capability folders). */
export function findComponents(dir = join(ROOT, 'force-app'), found = new Map()) {
    for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (!statSync(full).isDirectory() || entry === '__tests__' || entry === 'node_modules') continue;
        if (entry === 'lwc') {
            for (const bundle of readdirSync(full)) {
                const source = join(full, bundle, `${bundle}.ts`);
                const compiled = join(full, bundle, `${bundle}.js`);
                if (existsSync(source) || existsSync(compiled)) {
                    if (found.has(bundle)) throw new Error(`Two LWC bundles share the name ${bundle}`);
                    found.set(bundle, { source: existsSync(source) ? source : null, compiled });
                }
            }
        } else {
            findComponents(full, found);
        }
    }
    return found;
}

/** The compiled .js must exist and be newer than its .ts, or the preview would show old code. */
async function assertCompiled(components) {
    const problems = [];
    for (const [name, { source, compiled }] of components) {
        if (!existsSync(compiled)) {
            problems.push(`c/${name}: ${relative(ROOT, compiled)} is missing`);
        } else if (source && (await stat(source)).mtimeMs > (await stat(compiled)).mtimeMs + 1000) {
            problems.push(`c/${name}: ${relative(ROOT, compiled)} is older than its .ts`);
        }
    }
    if (problems.length > 0) {
        throw new Error(`Compile the components first (npm run build):\n  ${problems.join('\n  ')}`);
    }
}

/** The methods a sample Apex class exports (`export const name` / `export function name`). */
async function sampleApexExports(className) {
    const file = join(SAMPLE_APEX, `${className}.ts`);
    if (!existsSync(file)) return { file, methods: new Set() };
    const source = await readFile(file, 'utf8');
    const methods = new Set(
        [...source.matchAll(/export\s+(?:const|function|async\s+function)\s+(\w+)/g)].map((m) => m[1]),
    );
    return { file, methods };
}

const VIRTUAL = '\0preview:';

/**
 * Resolves the platform's `@salesforce/*` and `lightning/*` modules that need an org or a
 * Lightning Experience container to sample-org or preview implementations.
 */
/** Base component feature gates the preview keeps closed (all others are open, as shipped). */
const CLOSED_GATES = new Set(['@salesforce/gate/bc.260.enableComboboxElementInternals']);

export function platformModules({ labels }) {
    return {
        name: 'preview-platform-modules',
        async resolveId(source, importer) {
            if (source.startsWith('@salesforce/apex/')) {
                const match = /^@salesforce\/apex\/(?:(\w+)__)?(\w+)\.(\w+)$/.exec(source);
                if (!match) this.error(`Unsupported Apex import ${source}`);
                const [, , className, method] = match;
                const { file, methods } = await sampleApexExports(className);
                if (!methods.has(method)) {
                    this.error(
                        `No sample implementation for ${source} (imported by ${relative(ROOT, importer ?? '?')}): ` +
                            `export \`${method}\` from ${relative(ROOT, file)}.`,
                    );
                }
                return `${VIRTUAL}apex:${className}.${method}`;
            }
            if (source.startsWith('@salesforce/label/c.')) {
                const name = source.slice('@salesforce/label/c.'.length);
                if (!labels.has(name)) {
                    this.error(`Unknown Custom Label ${name} (imported by ${relative(ROOT, importer ?? '?')})`);
                }
                return `${VIRTUAL}label:${name}`;
            }
            if (source.startsWith('@salesforce/schema/')) return `${VIRTUAL}schema:${source.slice(19)}`;
            if (source.startsWith('@salesforce/user/')) return `${VIRTUAL}user:${source.slice(17)}`;
            if (source.startsWith('@salesforce/customPermission/')) {
                return `${VIRTUAL}customPermission:${source.slice(29)}`;
            }
            if (source.startsWith('@salesforce/i18n/')) {
                // The base components ship the en-US values; our own components get the same.
                const file = join(LBC, 'scopedImports', `@salesforce-i18n-${source.slice(17)}.js`);
                if (!existsSync(file)) this.error(`No preview value for ${source}`);
                return file;
            }
            if (source === '@salesforce/client/formFactor') {
                return join(LBC, 'scopedImports', '@salesforce-client-formFactor.js');
            }
            // ElementInternals needs native shadow DOM; the preview runs synthetic shadow, as
            // Lightning Experience does, so the combobox's form-association gate stays closed.
            if (CLOSED_GATES.has(source)) return `${VIRTUAL}closedGate`;
            if (source === 'lightning/navigation') return join(PREVIEW, 'src', 'navigation.mjs');
            if (source === 'lightning/actions') return join(PREVIEW, 'src', 'actions.mjs');
            if (source === 'lightning/platformShowToastEvent')
                return join(PREVIEW, 'src', 'platformShowToastEvent.mjs');
            if (source === 'lightning/primitiveIcon') return join(PREVIEW, 'src', 'primitiveIcon.mjs');
            if (source.startsWith('lightning-base-components/')) return join(LBC, source.slice(26));
            if (/^lightning\/iconSvgTemplates\w*$/.test(source)) return `${VIRTUAL}iconTemplates`;
            // Anything else from @salesforce/* that the base components do not provide has no
            // sample-org equivalent yet: fail here rather than with an obscure resolve error.
            if (source.startsWith('@salesforce/') && !(importer ?? '').startsWith(LBC)) {
                this.error(`The preview has no implementation of ${source} (imported by ${relative(ROOT, importer)})`);
            }
            return null;
        },
        load(id) {
            if (!id.startsWith(VIRTUAL)) return null;
            const [kind, ...rest] = id.slice(VIRTUAL.length).split(':');
            const value = rest.join(':');
            if (kind === 'closedGate') return 'export default { isOpen: () => false };';
            switch (kind) {
                case 'apex': {
                    const [className, method] = value.split('.');
                    const file = JSON.stringify(join(SAMPLE_APEX, `${className}.ts`));
                    return `export { ${method} as default } from ${file};`;
                }
                case 'label':
                    return `export default ${JSON.stringify(labels.get(value))};`;
                case 'schema': {
                    // `Account` → object; `Account.Name` / `Contact.Account.Name` → object and field path.
                    const [objectApiName, ...field] = value.split('.');
                    const reference =
                        field.length > 0 ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
                    return `export default ${JSON.stringify(reference)};`;
                }
                case 'user': {
                    const session = JSON.stringify(join(PREVIEW, 'sample-org', 'session.ts'));
                    const getters = {
                        Id: 'user.Id',
                        isGuest: 'false',
                    };
                    if (!getters[value]) this.error(`The preview has no value for @salesforce/user/${value}`);
                    return (
                        `import { currentSession } from ${session};\n` +
                        `let user;\ntry { user = currentSession().user; } catch { user = { Id: null }; }\n` +
                        `export default ${getters[value]};`
                    );
                }
                case 'customPermission': {
                    const name = value.replace(/^\w+__/, '');
                    const session = JSON.stringify(join(PREVIEW, 'sample-org', 'session.ts'));
                    const org = JSON.stringify(join(PREVIEW, 'sample-org', 'org.ts'));
                    return (
                        `import { currentSession } from ${session};\nimport { hasCustomPermission } from ${org};\n` +
                        `let granted = false;\ntry { const s = currentSession(); ` +
                        `granted = hasCustomPermission(s.org, s.user.Id, ${JSON.stringify(name)}); } catch { granted = false; }\n` +
                        `export default granted;`
                    );
                }
                case 'iconTemplates':
                    // An empty library: primitiveIcon falls back to its sprite template (src/primitiveIcon.mjs).
                    return 'export default Object.freeze({});';
                default:
                    return null;
            }
        },
    };
}

/** The base components' native-shadow rules, which never match in the preview (scripts/lib/native-shadow-css.js). */
export function nativeShadowRules() {
    return {
        name: 'preview-drop-native-shadow-rules',
        transform(code, id) {
            // The rules dropped below match only under a component rendered in native shadow: a
            // bundled component that opts into it (`static shadowSupportMode = 'native'`, e.g.
            // lightning/primitiveFigure) would need them. Fail rather than render it unstyled.
            if (id.endsWith('.js') && /shadowSupportMode\s*=\s*['"]native['"]/.test(code)) {
                this.error(
                    `${relative(ROOT, id)} renders in native shadow: the preview drops the base ` +
                        `components' native-shadow CSS (scripts/lib/native-shadow-css.js); keep it for this component first.`,
                );
            }
            if (!id.endsWith('.css') || !id.startsWith(LBC)) return null;
            const { css, removed } = dropNativeShadowRules(code, id);
            return removed === 0 && css === code ? null : { code: css, map: null };
        },
    };
}

/** TypeScript of the sample org (type annotations only; type checking is `npm run typecheck`). */
export function typescript() {
    return {
        name: 'preview-typescript',
        resolveId(source, importer) {
            // Extensionless relative imports between the sample org's .ts files.
            if (importer && importer.endsWith('.ts') && source.startsWith('.') && !/\.\w+$/.test(source)) {
                const file = join(dirname(importer), `${source}.ts`);
                if (existsSync(file)) return file;
            }
            if (importer && importer.endsWith('.mjs') && importer.startsWith(PREVIEW) && source.startsWith('.')) {
                const file = join(dirname(importer), `${source}.ts`);
                if (!/\.\w+$/.test(source) && existsSync(file)) return file;
            }
            return null;
        },
        transform(code, id) {
            if (!id.endsWith('.ts') || !id.startsWith(PREVIEW)) return null;
            const output = ts.transpileModule(code, {
                fileName: id,
                compilerOptions: {
                    target: ts.ScriptTarget.ES2022,
                    module: ts.ModuleKind.ESNext,
                    useDefineForClassFields: true,
                    isolatedModules: true,
                },
            });
            return { code: output.outputText, map: null };
        },
    };
}

async function bundle(components, labels, dist, size) {
    const modules = [
        ...[...components].map(([name, { compiled }]) => ({ name: `c/${name}`, path: compiled })),
        { npm: 'lightning-base-components' },
    ];
    const warnings = [];
    const build = await rollup({
        input: join(PREVIEW, 'src', 'main.mjs'),
        onwarn(warning) {
            warnings.push(warning);
        },
        plugins: [
            platformModules({ labels }),
            typescript(),
            nativeShadowRules(),
            lwc({
                rootDir: join(PREVIEW, 'src'),
                modules,
                enableDynamicComponents: true,
                // The sample org is plain TypeScript, not components.
                exclude: [`${PREVIEW}${sep}sample-org${sep}**`, '**/*.ts'],
            }),
            replace({
                preventAssignment: true,
                values: {
                    'import.meta.env.SSR': 'false',
                    'process.env.NODE_ENV': JSON.stringify('production'),
                    // The sample org's size (preview/sample-org/org.ts); `?org=` on the page overrides it.
                    __SAMPLE_ORG_SIZE__: JSON.stringify(size),
                },
            }),
            nodeResolve({ extensions: ['.mjs', '.js', '.ts', '.json'] }),
        ],
    });
    // Two ES modules, as an org serves them apart: platform.js, what Lightning Experience loads for
    // every page (the LWC engine, synthetic shadow, the base components and the preview's stand-ins
    // for platform modules), and app.js, the package's components with the sample org. The browser
    // downloads and compiles both at once (index.html preloads platform.js), each on a thread of
    // its own: one 1.6 MB script compiled on one thread was most of the first visit.
    const { output } = await build.generate({
        dir: dist,
        format: 'es',
        sourcemap: true,
        entryFileNames: 'app.js',
        chunkFileNames: '[name].js',
        manualChunks: (id) => (isPlatformModule(id) ? 'platform' : undefined),
    });
    await build.close();
    const chunks = output.filter((item) => item.type === 'chunk');
    const names = chunks.map((chunk) => chunk.fileName).sort();
    if (names.join() !== 'app.js,platform.js' || chunks.find((c) => c.fileName === 'platform.js').imports.length > 0) {
        throw new Error(`Expected app.js importing platform.js, got ${names.join(', ')}`);
    }
    const sizes = {};
    for (const chunk of chunks) {
        // Minified, as Salesforce serves JavaScript outside debug mode: local names mangled and
        // whitespace gone, the code otherwise as written (no compression passes). Class and
        // function names are kept, so that the engine's messages and the stack traces the e2e
        // reports still name them; each licence header is kept once. The source map still leads
        // to the sources.
        const minified = await minify(chunk.code, {
            ecma: 2022,
            module: true,
            compress: false,
            mangle: true,
            keep_classnames: true,
            keep_fnames: true,
            format: { comments: licenceOnce() },
            sourceMap: { content: chunk.map, filename: chunk.fileName, url: `${chunk.fileName}.map` },
        });
        await writeFile(join(dist, chunk.fileName), minified.code);
        await writeFile(join(dist, `${chunk.fileName}.map`), minified.map);
        assertSourcesResolve(dist, JSON.parse(minified.map), chunk.fileName);
        sizes[chunk.fileName] = Buffer.byteLength(minified.code);
    }
    // Circular dependencies inside the base components are theirs; report anything else.
    const relevant = warnings.filter((w) => w.code !== 'CIRCULAR_DEPENDENCY' && w.code !== 'THIS_IS_UNDEFINED');
    if (relevant.some((w) => w.code === 'UNRESOLVED_IMPORT' || w.code === 'MISSING_EXPORT')) {
        throw new Error(relevant.map((w) => w.message).join('\n'));
    }
    return { warnings: relevant, sizes };
}

/** Platform stand-ins of preview/src (the rest of it, main.mjs and its helpers, is the app's). */
const PLATFORM_STAND_INS = new Set(
    ['navigation.mjs', 'actions.mjs', 'platformShowToastEvent.mjs', 'primitiveIcon.mjs'].map((file) =>
        join(PREVIEW, 'src', file),
    ),
);
/** The preview's virtual modules that are the org's (Apex, labels, schema references, the user): app.js. */
const APP_VIRTUAL = ['apex:', 'label:', 'schema:', 'user:', 'customPermission:'].map((kind) => `${VIRTUAL}${kind}`);

/**
 * Whether a module belongs in platform.js: an npm package (the LWC engine, synthetic shadow, the
 * base components), a stand-in for a platform module, or a virtual module that is not the org's.
 */
function isPlatformModule(id) {
    if (id.includes(`${sep}node_modules${sep}`) || PLATFORM_STAND_INS.has(id)) return true;
    return id.startsWith('\0') && !APP_VIRTUAL.some((prefix) => id.startsWith(prefix));
}

/**
 * Terser's comment filter: a licence or copyright header the first time its text appears (the
 * base components repeat the same header in each of their 400-odd files), no other comment.
 */
function licenceOnce() {
    const seen = new Set();
    return (node, comment) => {
        if (!/copyright|@license|@preserve/i.test(comment.value)) return false;
        const text = comment.value.replace(/[\s*]+/g, ' ').trim();
        if (seen.has(text)) return false;
        seen.add(text);
        return true;
    };
}

/**
 * Every source the map names is a file, found from the map's folder as the browser would find it
 * (virtual modules excepted): a map whose paths lead nowhere sends the developer tools to the
 * wrong file.
 */
export function assertSourcesResolve(dist, map, file = 'app.js') {
    // The LWC compiler's own virtual modules (an empty template) have no file.
    const virtual = (source) => source.includes('\0') || source.includes('/@lwc/resources/');
    const missing = map.sources.filter((source) => !virtual(source) && !existsSync(join(dist, source.split('?')[0])));
    if (missing.length > 0) {
        throw new Error(`${file}.map names ${missing.length} source(s) not found from ${dist}, e.g. ${missing[0]}`);
    }
}

/** The TypeScript generator, bundled to one ES module and loaded in Node. */
async function loadGenerator() {
    const build = await rollup({
        input: join(PREVIEW, 'sample-org', 'data', 'generate.ts'),
        plugins: [typescript()],
        onwarn() {},
    });
    const { output } = await build.generate({ format: 'es' });
    await build.close();
    const url = `data:text/javascript;base64,${Buffer.from(output[0].code).toString('base64')}`;
    return import(url);
}

/** Writes the org the page starts from, for the e2e tests to read (the same seed and size). */
async function writeSampleOrgJson(org, dist) {
    await writeFile(join(dist, 'sample-org.json'), `${JSON.stringify(org, null, 2)}\n`);
}

async function copyAssets(dist) {
    await cp(
        join(SLDS, 'styles', 'salesforce-lightning-design-system.min.css'),
        join(dist, 'assets', 'styles', 'salesforce-lightning-design-system.min.css'),
    );
    await cp(join(SLDS, 'images'), join(dist, 'assets', 'images'), { recursive: true });
    // Only the sprites, one small document per symbol (scripts/lib/icon-sprites.js):
    // `<category>-sprite/symbols[-rtl]/<name>.svg`, which preview/src/icons.ts points icons to.
    for (const sprite of SPRITES) {
        for (const direction of ['', '-rtl']) {
            const text = await readFile(
                join(SLDS, 'icons', `${sprite}-sprite`, 'svg', `symbols${direction}.svg`),
                'utf8',
            );
            const folder = join(dist, 'assets', 'icons', `${sprite}-sprite`, `symbols${direction}`);
            await mkdir(folder, { recursive: true });
            await Promise.all(splitSprite(text).map(({ name, svg }) => writeFile(join(folder, `${name}.svg`), svg)));
        }
    }
    await cp(join(PREVIEW, 'preview.css'), join(dist, 'preview.css'));
    const html = await readFile(join(PREVIEW, 'index.html'), 'utf8');
    await writeFile(join(dist, 'index.html'), html.replaceAll('%SAMPLE_ORG_BANNER%', SAMPLE_ORG_BANNER));
}

/**
 * Builds preview/dist.
 * @param options.dist where to build (the benchmark builds its large org elsewhere)
 * @param options.sampleOrg the sample org's size: `default` or `large` (`SAMPLE_ORG`)
 * @returns counts for the log line
 */
export async function buildPreview({ log = console.log, dist = DIST, sampleOrg = process.env.SAMPLE_ORG } = {}) {
    const started = Date.now();
    const components = findComponents();
    await assertCompiled(components);
    const generator = await loadGenerator();
    const size = generator.sampleOrgSize(sampleOrg);
    await rm(dist, { recursive: true, force: true });
    await mkdir(dist, { recursive: true });
    const labels = readLabels();
    const org = generator.generateSampleOrg(generator.SAMPLE_ORG_SEED, size);
    const [{ warnings, sizes }] = await Promise.all([
        bundle(components, labels, dist, size),
        writeSampleOrgJson(org, dist),
        copyAssets(dist),
    ]);
    for (const warning of warnings) {
        log(`preview build warning: ${warning.message}`);
    }
    const kb = (file) => `${file} ${Math.round(sizes[file] / 1024)} KB`;
    log(
        `Preview built in ${Date.now() - started} ms: ${components.size} components, ${kb('app.js')}, ${kb('platform.js')}, ` +
            `${size} sample org with ${org.User.length} users, ${org.Contact.length} contacts, ${org.Account.length} accounts.`,
    );
    return { components: components.size, size: sizes['app.js'] + sizes['platform.js'] };
}

// Run when invoked directly (`node preview/build.mjs`), not when imported by the e2e runner.
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
    buildPreview().catch((error) => {
        console.error(error.message ?? error);
        process.exit(1);
    });
}
