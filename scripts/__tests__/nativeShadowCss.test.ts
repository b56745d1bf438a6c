// scripts/lib/native-shadow-css.js: the preview drops the base components' rules that need native
// shadow DOM (`:host([data-render-mode='shadow'])`), and only those.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const { dropNativeShadowRules } = require('../lib/native-shadow-css') as {
    dropNativeShadowRules(css: string, from?: string): { css: string; removed: number };
};
const postcss = require('postcss') as {
    parse(css: string): { walkRules(callback: (rule: { selectors: string[] }) => void): void };
};

function selectorsOf(css: string): string[] {
    const found: string[] = [];
    postcss.parse(css).walkRules((rule) => found.push(...rule.selectors));
    return found;
}

describe('dropNativeShadowRules', () => {
    it('removes the rules whose every selector needs the native-shadow attribute', () => {
        const { css, removed } = dropNativeShadowRules(
            ":host([data-render-mode='shadow']) .slds-button { color: red; }\n" +
                '.slds-assistive-text { position: absolute; }\n' +
                ':host([data-render-mode="shadow"]) [part~=\'button\']:hover { color: blue; }',
        );
        expect(removed).toBe(2);
        expect(selectorsOf(css)).toEqual(['.slds-assistive-text']);
    });

    it('keeps the other selectors of a rule that lists both', () => {
        const { css, removed } = dropNativeShadowRules(
            ":host([data-render-mode='shadow']) h1, .title, :host { font-weight: bold; }",
        );
        expect(removed).toBe(0);
        expect(selectorsOf(css)).toEqual(['.title', ':host']);
        expect(css).toContain('font-weight: bold');
    });

    it('removes an @media left empty, keeps one with a rule left', () => {
        const { css } = dropNativeShadowRules(
            "@media (max-width: 48em) { :host([data-render-mode='shadow']) .a { display: none; } }\n" +
                "@supports (display: grid) { :host([data-render-mode='shadow']) .b { display: grid; } .c { display: grid; } }",
        );
        expect(css).not.toContain('@media');
        expect(css).toContain('@supports');
        expect(selectorsOf(css)).toEqual(['.c']);
    });

    it('keeps one rule when nothing else would be left (an empty stylesheet breaks the template)', () => {
        const { css, removed } = dropNativeShadowRules(
            "/* SLDS */\n:host([data-render-mode='shadow']) * { box-sizing: border-box; }\n" +
                ":host([data-render-mode='shadow']) p { margin: 0; }",
        );
        expect(removed).toBe(1);
        expect(selectorsOf(css)).toEqual([":host([data-render-mode='shadow']) *"]);
    });

    it('returns a stylesheet without the attribute unchanged', () => {
        const source = '@import "./other.css";\n.x { color: red; }';
        expect(dropNativeShadowRules(source)).toEqual({ css: source, removed: 0 });
    });

    it('leaves no selector that can match in synthetic shadow out of the real base components', () => {
        const lbc = join(dirname(require.resolve('lightning-base-components/package.json')), 'src', 'lightning');
        const files: string[] = [];
        const walk = (dir: string) => {
            for (const entry of readdirSync(dir)) {
                const full = join(dir, entry);
                if (statSync(full).isDirectory()) walk(full);
                else if (entry.endsWith('.css')) files.push(full);
            }
        };
        walk(lbc);
        let removedTotal = 0;
        for (const file of files) {
            const source = readFileSync(file, 'utf8');
            const { css, removed } = dropNativeShadowRules(source, file);
            removedTotal += removed;
            // What goes is only ever under a host that carries the attribute (a positive
            // `:host([data-render-mode="shadow"] ...)`), never e.g. a `:not(...)` of it, which would
            // match in synthetic shadow.
            const after = new Set(selectorsOf(css));
            const dropped = selectorsOf(source).filter((s) => !after.has(s));
            for (const selector of dropped) {
                expect({
                    file,
                    selector,
                    positive: /^:host\(\[data-render-mode=["']?shadow["']?\]/.test(selector),
                }).toEqual({
                    file,
                    selector,
                    positive: true,
                });
            }
            const kept = selectorsOf(source).filter((s) => !/data-render-mode\s*=\s*["']?shadow/.test(s));
            expect({ file, selectors: selectorsOf(css).filter((s) => kept.includes(s)) }).toEqual({
                file,
                selectors: kept,
            });
        }
        expect(removedTotal).toBeGreaterThan(1000);
    });
});
