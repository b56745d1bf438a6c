// Node module resolve hook: `c/<name>` -> force-app/main/<capability>/lwc/<name>/<name>.js (compiled).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const forceApp = new URL('../force-app/main/', import.meta.url).pathname;

function locate(name) {
    for (const capability of readdirSync(forceApp)) {
        const file = join(forceApp, capability, 'lwc', name, `${name}.js`);
        if (existsSync(file)) return file;
    }
    return undefined;
}

export async function resolve(specifier, context, nextResolve) {
    if (specifier.startsWith('c/')) {
        const file = locate(specifier.slice(2));
        if (!file) throw new Error(`${specifier}: no compiled module; run npm run build`);
        return { url: pathToFileURL(file).href, format: 'module', shortCircuit: true };
    }
    return nextResolve(specifier, context);
}
