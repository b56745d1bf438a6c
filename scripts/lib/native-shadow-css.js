'use strict';
// The base components' stylesheets carry, beside the rules they need in synthetic shadow, a copy
// of SLDS for native shadow DOM with every rule under `:host([data-render-mode='shadow'])`. A base
// component sets that attribute only when it renders in native shadow (`if
// (!this.template.synthetic)`, lightning/shadowBaseClassPrivate and lightning/button); the preview
// runs synthetic shadow, as Lightning Experience does, so those rules can never match there.
// Injected anyway they were 97% of the page's component CSS (465 KB, 1,525 of 1,579 rules), parsed
// on first render. The preview build drops them; a rule that can match is never touched.
const postcss = require('postcss');

const NATIVE_SHADOW = /data-render-mode\s*=\s*["']?shadow/;

/**
 * @param {string} css a stylesheet of a base component
 * @param {string} [from] its path, for postcss's messages
 * @returns {{ css: string, removed: number }} the stylesheet without the selectors that need the
 *   native-shadow attribute (a rule whose every selector needs it goes, with an @media or
 *   @supports left empty), and how many rules went
 */
function dropNativeShadowRules(css, from) {
    if (!NATIVE_SHADOW.test(css)) return { css, removed: 0 };
    const root = postcss.parse(css, { from });
    let removed = 0;
    let firstRemoved = null;
    root.walkRules((rule) => {
        const kept = rule.selectors.filter((selector) => !NATIVE_SHADOW.test(selector));
        if (kept.length === 0) {
            firstRemoved = firstRemoved ?? rule.clone();
            rule.remove();
            removed++;
        } else if (kept.length < rule.selectors.length) {
            rule.selectors = kept;
        }
    });
    let emptied = true;
    while (emptied) {
        emptied = false;
        root.walkAtRules((atRule) => {
            if (atRule.nodes && atRule.nodes.length === 0) {
                atRule.remove();
                emptied = true;
            }
        });
    }
    // A stylesheet left without any rule compiles to no stylesheet at all, and the engine then
    // fails on the template that lists it: such a file keeps one rule (that cannot match).
    if (firstRemoved && !root.nodes.some((node) => node.type !== 'comment')) {
        root.append(firstRemoved);
        removed--;
    }
    return { css: root.toString(), removed };
}

module.exports = { dropNativeShadowRules, NATIVE_SHADOW };
