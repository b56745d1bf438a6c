/** preview/src/icons.ts: icons point to the per-symbol documents the build splits from the sprites. */
import { iconHref, splitSpriteHref } from '../src/icons';

describe('preview icons', () => {
    it("maps a sprite reference of lightning/iconUtils to the symbol's own document, both directions", () => {
        expect(splitSpriteHref('/assets/icons/utility-sprite/svg/symbols.svg#check')).toBe(
            '/assets/icons/utility-sprite/symbols/check.svg#check',
        );
        expect(splitSpriteHref('/sub/assets/icons/standard-sprite/svg/symbols-rtl.svg#user_role')).toBe(
            '/sub/assets/icons/standard-sprite/symbols-rtl/user_role.svg#user_role',
        );
    });

    it('leaves any other reference as it is', () => {
        for (const href of ['', '/resource/logo.svg#logo', '/assets/icons/utility-sprite/svg/symbols.svg', 'x#../y']) {
            expect(splitSpriteHref(href)).toBe(href);
        }
    });

    it('builds an icon reference under the page path', () => {
        expect(iconHref('utility', 'success')).toBe('/assets/icons/utility-sprite/symbols/success.svg#success');
    });
});
