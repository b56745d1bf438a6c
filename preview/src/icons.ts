// Icons in the preview come from one small SVG document per symbol (the build splits the SLDS
// sprites: scripts/lib/icon-sprites.js), not from the ~460 KB sprites themselves.

const SPRITE_HREF = /^(.*\/[a-z]+-sprite)\/svg\/symbols(-rtl)?\.svg#([A-Za-z0-9_-]+)$/;

/**
 * The per-symbol file for a sprite reference (`…/<category>-sprite/svg/symbols[-rtl].svg#name`,
 * as lightning/iconUtils builds it); any other reference (a token's path, an icon's own `src`) is
 * returned as it is.
 */
export function splitSpriteHref(href: string): string {
    const match = SPRITE_HREF.exec(href ?? '');
    return match ? `${match[1]}/symbols${match[2] ?? ''}/${match[3]}.svg#${match[3]}` : href;
}

/** The page's path prefix: the preview is served from wherever the page is. */
export function pathPrefix(): string {
    return new URL('.', document.baseURI).pathname.replace(/\/$/, '');
}

/** An SLDS icon of a category (`utility`, `standard`, …), left to right. */
export function iconHref(category: string, name: string): string {
    return splitSpriteHref(`${pathPrefix()}/assets/icons/${category}-sprite/svg/symbols.svg#${name}`);
}
