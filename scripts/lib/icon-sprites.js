'use strict';
// The preview draws icons from the SLDS sprites (preview/src/primitiveIcon.mjs). A sprite is one
// SVG document of every icon of a category (utility and standard are ~460 KB each); an icon's
// `<use href="symbols.svg#name">` makes the browser fetch and parse the whole document on the
// page's main thread, ~200 ms of the first render for the two. The preview build splits each
// sprite into one small document per symbol, `<category>-sprite/symbols[-rtl]/<name>.svg`, with
// the sprite's root attributes and the symbol unchanged, so that an icon costs only itself (as in
// an org, where lightning-base-components renders each icon from its own inline template).

const SYMBOL = /<symbol\b[^>]*>[\s\S]*?<\/symbol>/g;
const ID = /\bid="([^"]*)"/;
const SAFE_NAME = /^[A-Za-z0-9_-]+$/;

/**
 * @param {string} sprite the text of an SLDS `symbols.svg`
 * @returns {{ name: string, svg: string }[]} one document per symbol, named by its id
 */
function splitSprite(sprite) {
    const root = /^\s*(?:<\?xml[^>]*\?>\s*)?(<svg\b[^>]*>)/.exec(sprite);
    if (!root) throw new Error('splitSprite: the sprite does not start with an <svg> element');
    const open = root[1];
    const symbols = [];
    const names = new Set();
    for (const [symbol] of sprite.matchAll(SYMBOL)) {
        const openingTag = symbol.slice(0, symbol.indexOf('>') + 1);
        const name = ID.exec(openingTag)?.[1];
        if (!name || !SAFE_NAME.test(name)) {
            throw new Error(`splitSprite: a symbol's id cannot be a file name: ${JSON.stringify(name ?? null)}`);
        }
        if (names.has(name)) throw new Error(`splitSprite: two symbols share the id ${name}`);
        names.add(name);
        symbols.push({ name, svg: `${open}${symbol}</svg>\n` });
    }
    const declared = (sprite.match(/<symbol\b/g) ?? []).length;
    if (declared !== symbols.length) {
        throw new Error(`splitSprite: ${declared} symbols declared, ${symbols.length} read`);
    }
    return symbols;
}

module.exports = { splitSprite };
