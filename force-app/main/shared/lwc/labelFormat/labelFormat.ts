/**
 * Fills `{0}`, `{1}`, ... in a Custom Label, as Apex `String.format` does, so one label
 * carries a whole sentence in every language and translators keep the word order.
 * A placeholder without a value stays as written, so a missing argument is visible.
 *
 * `''` is one apostrophe, as in `String.format` (Java MessageFormat drops a single quote), so a
 * label that Apex formats too must write `user''s` and then reads the same on both sides. A lone
 * `'` is kept as written here; the Apex scan (format-label-apostrophe) refuses it in labels that
 * `String.format` uses. Values are inserted as they are: their apostrophes are never touched.
 */
export function formatLabel(label: string, ...values: ReadonlyArray<string | number | null | undefined>): string {
    return label.replace(/''|\{(\d+)\}/g, (match: string, index: string | undefined) => {
        if (index === undefined) return "'";
        const value = values[Number(index)];
        return value === undefined || value === null ? match : String(value);
    });
}
