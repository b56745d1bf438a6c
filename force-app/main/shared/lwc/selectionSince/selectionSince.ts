/**
 * How the picker's selection moved since the Check or Validate that read it: the records taken out
 * since (their rows leave the plan, and come back as they were when selected again) and the records
 * added since (never read: they wait for the next Check or Validate, which Run waits for). Both
 * panels that plan a selection (enable users, license upgrades) let their plan follow the picker
 * this way instead of dropping the admin's work on every change. Pure: no DOM, no labels.
 */

/** Characters of a Salesforce id that name its record: the rest of an 18-character id is a checksum. */
const ID_KEY_LENGTH = 15;

/**
 * A Salesforce id's first 15 characters: the same record whether it came with 15 (a URL, a list
 * view) or 18 (Apex).
 * @param id a record id
 * @returns its key
 */
export function idKey(id: string): string {
    return id.slice(0, ID_KEY_LENGTH);
}

/**
 * @param ids record ids, of 15 or 18 characters
 * @returns their keys
 */
export function idKeys(ids: Iterable<string>): Set<string> {
    const keys = new Set<string>();
    for (const id of ids) {
        keys.add(idKey(id));
    }
    return keys;
}

/** The selection against the ids the last Check or Validate read. */
export interface SelectionSince {
    /** Keys read then and no longer selected: their rows leave the plan until selected again. */
    removed: ReadonlySet<string>;
    /** Ids selected since and not read (in selection order): Run waits for the next Check or Validate. */
    added: string[];
}

/**
 * Compares the selection with what the last Check or Validate read.
 * @param read the keys (`idKey`) of the ids it read, found or not (a deleted record is no reason to wait)
 * @param selectedIds the ids selected now, of 15 or 18 characters
 * @returns the keys removed since and the ids added since
 */
export function selectionSince(read: ReadonlySet<string>, selectedIds: readonly string[]): SelectionSince {
    const selected = new Set<string>();
    const added: string[] = [];
    for (const id of selectedIds) {
        const key = idKey(id);
        if (!selected.has(key)) {
            selected.add(key);
            if (!read.has(key)) {
                added.push(id);
            }
        }
    }
    const removed = new Set<string>();
    read.forEach((key) => {
        if (!selected.has(key)) {
            removed.add(key);
        }
    });
    return { removed, added };
}

/**
 * The records the selection still holds: those removed since the read leave, unless `keep` holds
 * them (a row a run locked: its outcome stays on screen whatever the selection).
 * @param records what the read found, in its order
 * @param idOf a record's id
 * @param removed the keys removed since (`selectionSince`)
 * @param keep whether a removed record stays all the same
 * @returns the records kept, the same array when none left
 */
export function followSelection<T>(
    records: readonly T[],
    idOf: (record: T) => string,
    removed: ReadonlySet<string>,
    keep: (record: T) => boolean = () => false,
): readonly T[] {
    if (removed.size === 0) {
        return records;
    }
    const kept = records.filter((record) => !removed.has(idKey(idOf(record))) || keep(record));
    return kept.length === records.length ? records : kept;
}
