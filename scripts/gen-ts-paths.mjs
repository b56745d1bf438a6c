#!/usr/bin/env node
// Writes one `paths` entry per LWC (`c/<name>`) into tsconfig.json: TypeScript allows a
// single `*` per pattern, and our components live in several capability folders, so a
// wildcard cannot map them. `--check` fails instead of writing when the file is stale.
import { readFileSync, writeFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as prettier from 'prettier';

const root = new URL('..', import.meta.url).pathname;
const tsconfigPath = join(root, 'tsconfig.json');

function findLwcBundles(dir, found = []) {
    for (const entry of readdirSync(dir)) {
        const full = join(dir, entry);
        if (!statSync(full).isDirectory() || entry === '__tests__' || entry === 'node_modules') continue;
        if (entry === 'lwc') {
            for (const bundle of readdirSync(full)) {
                const source = join(full, bundle, `${bundle}.ts`);
                if (existsSync(source)) found.push({ name: bundle, source });
            }
        } else {
            findLwcBundles(full, found);
        }
    }
    return found;
}

const bundles = findLwcBundles(join(root, 'force-app')).sort((a, b) => a.name.localeCompare(b.name));
const duplicates = bundles.filter((b, i) => i > 0 && bundles[i - 1].name === b.name);
if (duplicates.length > 0) {
    console.error(`Two LWC bundles share a name: ${duplicates.map((d) => d.name).join(', ')}`);
    process.exit(1);
}
const paths = Object.fromEntries(bundles.map((b) => [`c/${b.name}`, [`./${relative(root, b.source)}`]]));
const tsconfig = JSON.parse(readFileSync(tsconfigPath, 'utf8'));
const before = JSON.stringify(tsconfig.compilerOptions.paths ?? {});
tsconfig.compilerOptions.paths = paths;
if (process.argv.includes('--check')) {
    if (before !== JSON.stringify(paths)) {
        console.error('tsconfig.json paths are stale: run `npm run gen:paths`.');
        process.exit(1);
    }
} else if (before !== JSON.stringify(paths)) {
    const options = await prettier.resolveConfig(tsconfigPath);
    writeFileSync(
        tsconfigPath,
        await prettier.format(JSON.stringify(tsconfig), { ...options, filepath: tsconfigPath }),
    );
    console.log(`tsconfig.json: ${bundles.length} LWC paths written.`);
}
