// CSS the components must not use, each with the defect it caused. Reads every stylesheet of the
// package's components (force-app/**/lwc/<name>/*.css).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function stylesheets(dir: string, found: string[] = []): string[] {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '__tests__') {
            stylesheets(path, found);
        } else if (entry.isFile() && entry.name.endsWith('.css') && path.split(/[\\/]/).includes('lwc')) {
            found.push(path);
        }
    }
    return found;
}

/** Declarations that are refused, with why; comments are not declarations. */
const REFUSED: Array<{ pattern: RegExp; why: string }> = [
    {
        // ae0c05b put it on the plan's cells to skip drawing rows out of view (a faster keystroke);
        // the admin walk-through found Chromium then leaves the skipped cells' names and buttons out
        // of the accessibility tree, and find-in-page and End land on estimated heights.
        pattern: /content-visibility\s*:\s*(auto|hidden)/i,
        why: 'content-visibility hides content from screen readers and find-in-page (backed out in 09357c8)',
    },
];

function findings(css: string): string[] {
    const code = css.replace(/\/\*[\s\S]*?\*\//g, '');
    return REFUSED.filter(({ pattern }) => pattern.test(code)).map(({ why }) => why);
}

describe('component stylesheets', () => {
    it('finds the components to read', () => {
        expect(stylesheets(join(ROOT, 'force-app')).map((file) => relative(ROOT, file))).toContain(
            join('force-app', 'main', 'shared', 'lwc', 'planTable', 'planTable.css'),
        );
    });

    it('use none of the refused declarations', () => {
        const found = stylesheets(join(ROOT, 'force-app')).flatMap((file) =>
            findings(readFileSync(file, 'utf8')).map((why) => `${relative(ROOT, file)}: ${why}`),
        );
        expect(found).toEqual([]);
    });

    it('can fail: a refused declaration is found, one in a comment is not', () => {
        expect(findings('.cell > div {\n    content-visibility: auto;\n}')).toHaveLength(1);
        expect(findings('/* content-visibility: auto was tried */ .cell { color: red; }')).toEqual([]);
    });
});
