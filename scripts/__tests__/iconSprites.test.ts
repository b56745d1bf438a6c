// scripts/lib/icon-sprites.js: the preview build splits each SLDS sprite into one document per
// symbol, the symbol unchanged, under the sprite's root element.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const { splitSprite } = require('../lib/icon-sprites') as {
    splitSprite(sprite: string): { name: string; svg: string }[];
};

const SLDS_ICONS = join(dirname(require.resolve('@salesforce-ux/design-system/package.json')), 'assets', 'icons');

describe('splitSprite', () => {
    it('gives every symbol its own document under the sprite root, the symbol unchanged', () => {
        const root = '<svg xmlns="http://www.w3.org/2000/svg" display="none">';
        const one = '<symbol viewBox="0 0 520 520" id="check"><path d="M1 1"/></symbol>';
        const two = '<symbol id="close" viewBox="0 0 52 52"><g><path d="M2 2"/></g></symbol>';
        expect(splitSprite(`${root}${one}${two}</svg>`)).toEqual([
            { name: 'check', svg: `${root}${one}</svg>\n` },
            { name: 'close', svg: `${root}${two}</svg>\n` },
        ]);
    });

    it('refuses an id that cannot be a file name, a repeated id and a document that is no sprite', () => {
        expect(() => splitSprite('<svg><symbol id="../x"></symbol></svg>')).toThrow(/file name/);
        expect(() => splitSprite('<svg><symbol viewBox="0 0 1 1"></symbol></svg>')).toThrow(/file name/);
        expect(() => splitSprite('<svg><symbol id="a"></symbol><symbol id="a"></symbol></svg>')).toThrow(/share/);
        expect(() => splitSprite('<div><symbol id="a"></symbol></div>')).toThrow(/<svg>/);
    });

    it('reads every symbol of each SLDS sprite the preview serves, in both directions', () => {
        for (const category of ['action', 'custom', 'doctype', 'standard', 'utility']) {
            for (const direction of ['', '-rtl']) {
                const sprite = readFileSync(
                    join(SLDS_ICONS, `${category}-sprite`, 'svg', `symbols${direction}.svg`),
                    'utf8',
                );
                const symbols = splitSprite(sprite);
                expect(symbols.length).toBe((sprite.match(/<symbol\b/g) ?? []).length);
                expect(symbols.length).toBeGreaterThan(40);
                for (const { name, svg } of symbols.slice(0, 5)) {
                    expect(svg).toContain(`id="${name}"`);
                    expect(svg.startsWith('<svg')).toBe(true);
                }
            }
        }
        const utility = splitSprite(readFileSync(join(SLDS_ICONS, 'utility-sprite', 'svg', 'symbols.svg'), 'utf8'));
        expect(utility.map((symbol) => symbol.name)).toEqual(
            expect.arrayContaining(['check', 'error', 'warning', 'info']),
        );
    });
});
