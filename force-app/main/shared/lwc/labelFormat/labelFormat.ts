/**
 * Fills `{0}`, `{1}`, ... in a Custom Label, as Apex `String.format` does, so one label
 * carries a whole sentence in every language and translators keep the word order.
 * A placeholder without a value stays as written, so a missing argument is visible.
 */
export function formatLabel(label: string, ...values: ReadonlyArray<string | number | null | undefined>): string {
    return label.replace(/\{(\d+)\}/g, (placeholder: string, index: string) => {
        const value = values[Number(index)];
        return value === undefined || value === null ? placeholder : String(value);
    });
}
