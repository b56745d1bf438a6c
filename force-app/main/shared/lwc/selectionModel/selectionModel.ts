/**
 * What the admin has selected in a record picker (contacts to enable, users to upgrade, the user
 * to examine): the records by id with the data to show them, whatever search or page they were
 * found on. Pure and immutable: every change returns a new selection, so a component that keeps
 * one in a field re-renders when it is replaced, and everything on screen (the count, the list,
 * the checked rows, the enabled buttons) is derived from the one value (STYLE convention 14).
 */

/** The most records one selection holds: the product's limit for one Check or Validate (issue 10 §2). */
export const SELECTION_CAP = 10000;

/** A record the picker lists: only its id matters to the selection, the rest is display data. */
export interface Identified {
    id: string;
}

/** What `SelectionModel.add` did: the new selection, and how many records the cap turned away. */
export interface AddResult<T extends Identified> {
    selection: SelectionModel<T>;
    added: number;
    refused: number;
}

/** Options of an empty selection. */
export interface SelectionOptions {
    /** The most records it holds (at least 1); `SELECTION_CAP` by default. */
    cap?: number;
    /** One record at most: a new one replaces the last (the user doctor, the history filter). */
    single?: boolean;
}

/**
 * An immutable selection. Records handed over by id alone (a list view button, the quick action)
 * are selected without display data until `describe` learns it.
 */
export class SelectionModel<T extends Identified> {
    /** Insertion order is selection order; `undefined` marks an id without display data yet. */
    private readonly entries: ReadonlyMap<string, T | undefined>;
    readonly cap: number;
    readonly single: boolean;

    private constructor(entries: ReadonlyMap<string, T | undefined>, cap: number, single: boolean) {
        this.entries = entries;
        this.cap = cap;
        this.single = single;
    }

    /**
     * A selection with nothing in it.
     * @param options the cap, and whether one record at most may be selected
     * @returns the empty selection
     */
    static empty<T extends Identified>(options: SelectionOptions = {}): SelectionModel<T> {
        const single = options.single === true;
        const cap = single ? 1 : (options.cap ?? SELECTION_CAP);
        if (!Number.isInteger(cap) || cap < 1) {
            throw new RangeError(`A selection cap must be a positive integer, got ${cap}`);
        }
        return new SelectionModel<T>(new Map(), cap, single);
    }

    /** How many records are selected. */
    get count(): number {
        return this.entries.size;
    }

    get isEmpty(): boolean {
        return this.entries.size === 0;
    }

    /** No more records can be added (a single selection is never full: a new record replaces it). */
    get isFull(): boolean {
        return !this.single && this.entries.size >= this.cap;
    }

    /** How many more records fit under the cap. */
    get remaining(): number {
        return Math.max(0, this.cap - this.entries.size);
    }

    /** The selected ids, in the order they were selected: what Check and Validate receive. */
    get ids(): string[] {
        return [...this.entries.keys()];
    }

    /** The selected records whose display data is known, in selection order. */
    get records(): T[] {
        const known: T[] = [];
        for (const record of this.entries.values()) {
            if (record !== undefined) {
                known.push(record);
            }
        }
        return known;
    }

    /** Ids selected without display data (handed over, not yet described). */
    get undescribedIds(): string[] {
        return [...this.entries].filter(([, record]) => record === undefined).map(([id]) => id);
    }

    /**
     * @param id a record id
     * @returns whether it is selected
     */
    has(id: string): boolean {
        return this.entries.has(id);
    }

    /**
     * @param id a record id
     * @returns its display data, when selected and known
     */
    recordOf(id: string): T | undefined {
        return this.entries.get(id);
    }

    /**
     * Selects records; those already selected keep their place and take the newer display data.
     * Beyond the cap, the rest is refused (counted, never silently dropped). In single mode the
     * last record given replaces the selection.
     * @param records the records to select
     * @returns the new selection, how many were added and how many the cap refused
     */
    add(records: readonly T[]): AddResult<T> {
        return this.addEntries(records.map((record) => [record.id, record]));
    }

    /**
     * Selects records known by id alone (handed over by a list view or the quick action).
     * @param ids the ids
     * @returns as `add`
     */
    addIds(ids: readonly string[]): AddResult<T> {
        return this.addEntries(ids.map((id) => [id, this.entries.get(id)]));
    }

    /**
     * Deselects records.
     * @param ids the ids to remove; unknown ones are ignored
     * @returns the new selection (this one when nothing changed)
     */
    remove(ids: readonly string[]): SelectionModel<T> {
        const removed = ids.filter((id) => this.entries.has(id));
        if (removed.length === 0) {
            return this;
        }
        const gone = new Set(removed);
        const entries = new Map([...this.entries].filter(([id]) => !gone.has(id)));
        return new SelectionModel<T>(entries, this.cap, this.single);
    }

    /**
     * Deselects everything.
     * @returns the empty selection with the same cap and mode
     */
    clear(): SelectionModel<T> {
        return this.isEmpty ? this : new SelectionModel<T>(new Map(), this.cap, this.single);
    }

    /**
     * The checkboxes of one visible page changed: the page's checked rows are selected, its
     * unchecked rows deselected, and every record of other searches and pages stays as it was.
     * @param visible the rows on screen
     * @param checkedIds the ids of the visible rows that are checked
     * @returns as `add`
     */
    applyPage(visible: readonly T[], checkedIds: readonly string[]): AddResult<T> {
        const checked = new Set(checkedIds);
        const unchecked = visible.filter((record) => !checked.has(record.id)).map((record) => record.id);
        const kept = this.remove(unchecked);
        // Newly checked rows, in the page's order (a single selection takes the newly checked one).
        const fresh = visible.filter((record) => checked.has(record.id) && !kept.has(record.id));
        return kept.add(fresh);
    }

    /**
     * Learns display data for selected records (e.g. handed-over ids found by a search or in
     * facts); records not selected are ignored, and nothing is added.
     * @param records records that may be selected
     * @returns the new selection (this one when nothing was learnt)
     */
    describe(records: readonly T[]): SelectionModel<T> {
        const known = records.filter((record) => this.entries.has(record.id));
        if (known.length === 0) {
            return this;
        }
        const entries = new Map(this.entries);
        for (const record of known) {
            entries.set(record.id, record);
        }
        return new SelectionModel<T>(entries, this.cap, this.single);
    }

    private addEntries(given: ReadonlyArray<[string, T | undefined]>): AddResult<T> {
        if (given.length === 0) {
            return { selection: this, added: 0, refused: 0 };
        }
        if (this.single) {
            const [id, record] = given[given.length - 1];
            const added = this.entries.has(id) ? 0 : 1;
            return {
                selection: new SelectionModel<T>(new Map([[id, record]]), this.cap, true),
                added,
                refused: 0,
            };
        }
        const entries = new Map(this.entries);
        let added = 0;
        let refused = 0;
        for (const [id, record] of given) {
            if (entries.has(id)) {
                // Already selected: keep its place, refresh what is shown (never lose known data).
                entries.set(id, record ?? entries.get(id));
            } else if (entries.size < this.cap) {
                entries.set(id, record);
                added++;
            } else {
                refused++;
            }
        }
        const selection = added === 0 && refused === 0 && sameEntries(entries, this.entries) ? this : undefined;
        return {
            selection: selection ?? new SelectionModel<T>(entries, this.cap, false),
            added,
            refused,
        };
    }
}

function sameEntries<T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>): boolean {
    if (a.size !== b.size) {
        return false;
    }
    for (const [id, value] of a) {
        if (b.get(id) !== value) {
            return false;
        }
    }
    return true;
}

/**
 * One page of a search in the search's own order, continuing after `after`: the last row of the
 * previous page, from which the search takes its cursor (keyset paging: Apex reads `ORDER BY Name,
 * Id` from the row's name and id, with no OFFSET and so no 2,000-row ceiling). `undefined` asks
 * for the first page.
 */
export type PageAfter<T extends Identified> = (after: T | undefined) => Promise<T[]>;

/**
 * Pages through a search until it runs dry or the cap is reached: what "Select all matching"
 * selects. Each page continues after the last row of the page before (keyset paging), so the
 * pages are read one after the other.
 * @param search one page of results after a row (`undefined`: the first page)
 * @param options `pageSize` (a shorter page is the last), `limit` (the most records wanted),
 * `singlePage` (the search does not page: only its first page is read), `onPage` (told the
 * running count after each page)
 * @returns the records found, and whether more matched than were read
 */
export async function collectAllMatching<T extends Identified>(
    search: PageAfter<T>,
    options: { pageSize: number; limit: number; singlePage?: boolean; onPage?: (found: number) => void },
): Promise<{ records: T[]; truncated: boolean }> {
    const records: T[] = [];
    const seen = new Set<string>();
    let after: T | undefined;
    for (;;) {
        // One page after the other: each cursor is the last row the previous page returned.
        // eslint-disable-next-line no-await-in-loop
        const page = await search(after);
        let fresh = 0;
        for (const record of page) {
            if (!seen.has(record.id)) {
                seen.add(record.id);
                records.push(record);
                fresh++;
            }
        }
        options.onPage?.(Math.min(records.length, options.limit));
        const full = page.length >= options.pageSize;
        if (records.length >= options.limit) {
            // At the limit: more may match when this page was full or went past it.
            const truncated = records.length > options.limit || full;
            return { records: records.slice(0, options.limit), truncated };
        }
        if (!full) {
            return { records, truncated: false };
        }
        if (options.singlePage || fresh === 0) {
            // A full page from a search that cannot go further (or did not move on): more may match.
            return { records, truncated: true };
        }
        after = page[page.length - 1];
    }
}
