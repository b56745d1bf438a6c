/**
 * The view of a plan (enable users, license changes): each row's status with its SLDS icon, the
 * "problems only" filter, sorting, paging (a small DOM for selections of thousands), the summary
 * line of a run ("4 created · 2 failed") and the rows that fit the seats left. Pure: no DOM, no
 * labels; the panels word the statuses. `HeldRowView` keeps rows in place after edits until the
 * admin sorts, filters or pages again.
 */

/**
 * Where a row stands in its flow:
 * - ready: validated, will run; warning: will run, with something to read;
 * - problem: blocked before the run; checking: an edited value is being looked up in the org;
 * - done: the run succeeded (locked, never run again); failed: the run failed (retry or edit);
 * - notRun: ready, but left out of the last run ("the N that fit"), waits for the next Check;
 * - unfinished: sent to a job that stopped (cancelled, or a chunk failed) before recording it: its
 *   chunk may have been written; a Resume completes it;
 * - queued: sent to a job on the platform's queue (a run of more than 200 rows), outcome to come.
 */
export type RowStatus =
    'ready' | 'warning' | 'problem' | 'checking' | 'done' | 'failed' | 'notRun' | 'unfinished' | 'queued';

/** One icon per status; every name exists in @salesforce-ux/design-system (`check-package` verifies). */
export const STATUS_ICONS: Readonly<Record<RowStatus, string>> = {
    ready: 'utility:success',
    warning: 'utility:warning',
    problem: 'utility:error',
    checking: 'utility:clock',
    done: 'utility:check',
    failed: 'utility:close',
    notRun: 'utility:ban',
    unfinished: 'utility:pause',
    queued: 'utility:hourglass',
};

/** Statuses the "problems only" filter keeps: what needs the admin. */
export const PROBLEM_STATUSES: ReadonlySet<RowStatus> = new Set([
    'problem',
    'failed',
    'unfinished',
    'warning',
    'checking',
]);

/** Rows per page of a plan: enough to review, small enough to re-render within a keystroke. */
export const PAGE_SIZE = 50;

/** A row of a plan as the view handles it: a key, a status and any sortable fields. */
export interface ViewRow {
    key: string;
    status: RowStatus;
}

export type SortDirection = 'asc' | 'desc';

export interface ViewOptions {
    problemsOnly?: boolean;
    /** Field to sort by; none keeps the plan's order. */
    sortBy?: string;
    sortDirection?: SortDirection;
    /** 0-based page; clamped to the pages there are. */
    page?: number;
    pageSize?: number;
}

export interface RowView<T> {
    /** The rows of the page, filtered and sorted. */
    rows: T[];
    /** The page shown (clamped), 0-based. */
    page: number;
    pageCount: number;
    /** Rows after the filter (all pages). */
    matching: number;
    /** Rows in the plan. */
    total: number;
    /**
     * The rows keep the order (and the rows) of the last filter and sort although the plan changed
     * since: applying them now would show other rows or another order (`HeldRowView`).
     */
    changed: boolean;
    /**
     * Rows kept in view (all pages) that the filter no longer keeps ("problems only" after a row was
     * fixed): the filter is held, not only the order; 0 when nothing is filtered or held.
     */
    heldOutOfFilter: number;
}

/** Status order used when sorting by status: what needs the admin first. */
const STATUS_ORDER: Readonly<Record<RowStatus, number>> = {
    problem: 0,
    failed: 1,
    unfinished: 2,
    checking: 3,
    warning: 4,
    ready: 5,
    notRun: 6,
    queued: 7,
    done: 8,
};

function sortValue(row: ViewRow, field: string): string | number {
    if (field === 'status') {
        return STATUS_ORDER[row.status];
    }
    const value = (row as unknown as Record<string, unknown>)[field];
    return typeof value === 'number' ? value : String(value ?? '').toLowerCase();
}

/** The rows the view keeps, filtered and sorted (stable: equal rows keep the plan's order). */
function selectRows<T extends ViewRow>(rows: readonly T[], options: ViewOptions): T[] {
    let selected: T[] = options.problemsOnly ? rows.filter((row) => PROBLEM_STATUSES.has(row.status)) : [...rows];
    if (options.sortBy) {
        const field = options.sortBy;
        const sign = options.sortDirection === 'desc' ? -1 : 1;
        selected = selected
            .map((row, index) => ({ row, index, value: sortValue(row, field) }))
            .sort((a, b) => {
                if (a.value < b.value) return -sign;
                if (a.value > b.value) return sign;
                return a.index - b.index;
            })
            .map((entry) => entry.row);
    }
    return selected;
}

function pageSizeOf(options: ViewOptions): number {
    return Math.max(1, Math.floor(options.pageSize ?? PAGE_SIZE));
}

/** The page of `selected` that `options` asks for (clamped), with its counts. */
function pageOf<T>(
    selected: T[],
    total: number,
    options: ViewOptions,
    changed: boolean,
    heldOutOfFilter = 0,
): RowView<T> {
    const pageSize = pageSizeOf(options);
    const pageCount = Math.max(1, Math.ceil(selected.length / pageSize));
    const page = Math.min(Math.max(0, Math.floor(options.page ?? 0)), pageCount - 1);
    return {
        rows: selected.slice(page * pageSize, (page + 1) * pageSize),
        page,
        pageCount,
        matching: selected.length,
        total,
        changed,
        heldOutOfFilter,
    };
}

/**
 * Filters, sorts (stable: equal rows keep the plan's order) and pages the rows.
 * @param rows the plan's rows, in plan order
 * @param options filter, sort and page
 * @returns the page and its counts
 */
export function viewRows<T extends ViewRow>(rows: readonly T[], options: ViewOptions = {}): RowView<T> {
    return pageOf(selectRows(rows, options), rows.length, options, false);
}

/**
 * A view whose order is an action, as in lightning-datatable: the filter, the sort and the page are
 * applied when the admin changes one of them, not on every change of the rows. Until then an edited
 * row keeps its place (and so does the focus on it), even when its new status sorts elsewhere or no
 * longer passes "problems only" (a fixed row stays in view, counted, until the next filter, sort or
 * page); a row removed from the plan goes; a new row that passes the filter comes last. `changed`
 * tells when the rows shown are no longer what applying the view now would show, for the table to
 * say so. Pure, like `viewRows`; one instance per list (a panel's field).
 */
export class HeldRowView<T extends ViewRow> {
    /** The options last applied and the keys of every row they selected, in order (all pages). */
    private applied?: { signature: string; keys: string[] };

    /**
     * @param rows the plan's rows, in plan order
     * @param options filter, sort and page; a change of any of them applies them afresh
     * @returns the page and its counts, `changed` when the held order is not the fresh one
     */
    view(rows: readonly T[], options: ViewOptions = {}): RowView<T> {
        const signature = JSON.stringify([
            !!options.problemsOnly,
            options.sortBy ?? '',
            options.sortBy && options.sortDirection === 'desc' ? 'desc' : 'asc',
            Math.max(0, Math.floor(options.page ?? 0)),
            pageSizeOf(options),
        ]);
        const fresh = selectRows(rows, options);
        const applied = this.applied;
        if (!applied || applied.signature !== signature) {
            this.applied = { signature, keys: fresh.map((row) => row.key) };
            return pageOf(fresh, rows.length, options, false);
        }
        const byKey = new Map(rows.map((row) => [row.key, row]));
        const heldKeys = new Set(applied.keys);
        const held = applied.keys.map((key) => byKey.get(key)).filter((row): row is T => row !== undefined);
        const selected = [...held, ...fresh.filter((row) => !heldKeys.has(row.key))];
        applied.keys = selected.map((row) => row.key);
        const changed = selected.length !== fresh.length || selected.some((row, index) => row !== fresh[index]);
        const heldOutOfFilter = options.problemsOnly
            ? selected.filter((row) => !PROBLEM_STATUSES.has(row.status)).length
            : 0;
        return pageOf(selected, rows.length, options, changed, heldOutOfFilter);
    }

    /** Forgets the order: the next `view` applies the filter and the sort afresh (e.g. after a new Check). */
    reapply(): void {
        this.applied = undefined;
    }
}

/**
 * How many rows ended in each outcome, in the order given, leaving out outcomes with none.
 * @param outcomes each row's outcome
 * @param order the outcomes in the order the summary names them; others follow in order of appearance
 * @returns [outcome, count] pairs
 */
export function countOutcomes(outcomes: Iterable<string>, order: readonly string[] = []): Array<[string, number]> {
    const counts = new Map<string, number>(order.map((outcome) => [outcome, 0]));
    for (const outcome of outcomes) {
        counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    }
    return [...counts].filter(([, count]) => count > 0);
}

/**
 * The first rows, in order, whose seats all fit: each row needs one seat of each key `needs`
 * names (a user license, permission set licenses); a row that does not fit ends the list, so
 * that "the N that fit" are always the first N.
 * @param rows the ready rows, in plan order
 * @param needs the seat keys a row takes
 * @param seatsLeft seats left per key; a key not described is not counted
 * @returns the rows that fit
 */
export function rowsThatFit<T>(
    rows: readonly T[],
    needs: (row: T) => readonly string[],
    seatsLeft: ReadonlyMap<string, number>,
): T[] {
    const left = new Map(seatsLeft);
    const fit: T[] = [];
    for (const row of rows) {
        const keys = needs(row).filter((key) => left.has(key));
        if (keys.some((key) => (left.get(key) as number) < 1)) {
            break;
        }
        keys.forEach((key) => left.set(key, (left.get(key) as number) - 1));
        fit.push(row);
    }
    return fit;
}

/**
 * Seats left per user license, each license once (Customer Community Plus and Customer
 * Community Plus Login are separate licenses with their own seats), less what a run took.
 * @param licenses license name and seats left, as the facts carry them (one per profile: repeats)
 * @param takenByRun seats the runs since the facts were read took, by license name
 * @returns [license, seats left] in the order first seen
 */
export function seatsByLicense(
    licenses: Iterable<{ licenseName: string; seatsLeft: number }>,
    takenByRun: ReadonlyMap<string, number> = new Map(),
): Array<[string, number]> {
    const seats = new Map<string, number>();
    for (const { licenseName, seatsLeft } of licenses) {
        if (!seats.has(licenseName)) {
            seats.set(licenseName, Math.max(0, seatsLeft - (takenByRun.get(licenseName) ?? 0)));
        }
    }
    return [...seats];
}

/**
 * Text a platform error may carry as HTML (Salesforce's "Duplicate Username.<br>The username…"),
 * as plain text: line breaks become spaces, other tags go, the common entities are decoded.
 * @param message the platform's message
 * @returns the text an admin reads
 */
export function plainText(message: string | null | undefined): string {
    return String(message ?? '')
        .replace(/<br\s*\/?>/gi, ' ')
        .replace(/<\/?[a-z][^>]*>/gi, '')
        .replace(/&nbsp;/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim();
}

/**
 * Remembers the last result of a computation and returns it while its inputs are the same
 * objects: the getters of a panel read the plan many times per render, and it is derived once.
 */
export class Memo<T> {
    private inputs: readonly unknown[] | undefined;
    private value: T | undefined;

    /**
     * @param inputs the values the result depends on (compared by identity)
     * @param compute derives the result
     * @returns the remembered or the new result
     */
    get(inputs: readonly unknown[], compute: () => T): T {
        const same =
            this.inputs !== undefined &&
            this.inputs.length === inputs.length &&
            this.inputs.every((input, index) => Object.is(input, inputs[index]));
        if (!same) {
            this.value = compute();
            this.inputs = inputs;
        }
        return this.value as T;
    }
}
