// `lightning/primitiveIcon` for the preview. lightning-base-components 1.28 renders icons from
// inline SVG templates, one compiled template per icon (~25 MB of source for all sprites and
// both text directions). The preview stubs those libraries (build.mjs) and draws icons from the
// SLDS sprites instead, through the base components' own sprite path resolver (iconUtils,
// honouring configProvider's path prefix): the same icons, a small bundle, a fast build. Each
// icon is read from its own small document, split from the sprite at build time (./icons.ts).
import dir from '@salesforce/i18n/dir';
import { getIconPath } from 'lightning/iconUtils';
import LightningPrimitiveIcon from 'lightning-base-components/src/lightning/primitiveIcon/primitiveIcon.js';
import { splitSpriteHref } from './icons';

export default class PreviewPrimitiveIcon extends LightningPrimitiveIcon {
    get href() {
        return this.src ? super.href : splitSpriteHref(getIconPath(this.iconName, dir));
    }
}
