/**
 * Fills `{0}`, `{1}`, ... in a Custom Label, as Apex `String.format` does, so one label
 * carries a whole sentence in every language and translators keep the word order.
 * A placeholder without a value stays as written, so a missing argument is visible.
 *
 * `''` is one apostrophe, as in `String.format` (Java MessageFormat drops a single quote), so a
 * label that Apex formats too must write `user''s` and then reads the same on both sides. A lone
 * `'` is kept as written here; the Apex scan (format-label-apostrophe) refuses it in labels that
 * `String.format` uses. Values are inserted as they are: their apostrophes are never touched.
 *
 * A value that ends a sentence itself ("Acme Inc.", a platform message "Insufficient access.")
 * where the label puts a full stop right after it (`... the account {0}.`) keeps one full stop,
 * never "..".
 */
export function formatLabel(label: string, ...values: ReadonlyArray<string | number | null | undefined>): string {
    return label.replace(/''|\{(\d+)\}(\.?)/g, (match: string, index: string | undefined, stop = '') => {
        if (index === undefined) return "'";
        const value = values[Number(index)];
        if (value === undefined || value === null) return match;
        const text = String(value);
        return stop && /[.!?…]$/.test(text) ? text : text + stop;
    });
}

/**
 * Chooses the label for one or for many and fills it, so that no screen reads "1 users
 * selected" or "1 are left". Custom Labels have no plural forms: each count-bearing message
 * has two labels, `_One` and `_Many`, and `{0}` is the count in both.
 * @param count the number the message is about
 * @param one the label for exactly one (may omit `{0}`, as in "One user selected")
 * @param many the label for zero and more than one
 * @param values the values of `{1}`, `{2}`, ...
 * @returns the filled label
 */
export function pluralLabel(
    count: number,
    one: string,
    many: string,
    ...values: ReadonlyArray<string | number | null | undefined>
): string {
    return formatLabel(count === 1 ? one : many, count.toLocaleString(), ...values);
}

/**
 * A count as the admin reads it: grouped by the user's locale ("1,968"), not "1968".
 * @param count the number
 * @returns the text
 */
export function countText(count: number): string {
    return count.toLocaleString();
}

/**
 * Chooses, without filling it, the label for none, one or many, for a message whose count is not
 * `{0}` (e.g. "{1} {0} licenses and {2} are left", where `{2}` decides), so that the caller fills it
 * with `formatLabel` and the values in their order.
 * @param count the number that decides the wording (a number, or a number's text)
 * @param one the label for exactly one
 * @param many the label for zero (without `none`) and more than one
 * @param none the label for zero, where it reads better ("No license is left")
 * @returns the label to fill
 */
export function countedLabel(
    count: number | string | null | undefined,
    one: string,
    many: string,
    none?: string,
): string {
    const value = Number(count);
    if (value === 1) return one;
    return value === 0 && none !== undefined ? none : many;
}

/**
 * Joins sentences that may already end with a full stop, so that a message composed of a
 * label and a reason (itself a label ending with ".") never reads "..".
 * @param parts the sentences, empty ones left out
 * @returns the sentences separated by one space, each ending with one full stop (or ! ?)
 */
export function joinSentences(...parts: ReadonlyArray<string | null | undefined>): string {
    return parts
        .map((part) => (part ?? '').trim())
        .filter((part) => part.length > 0)
        .map((part) => (/[.!?:…]$/.test(part) ? part : `${part}.`))
        .join(' ');
}
