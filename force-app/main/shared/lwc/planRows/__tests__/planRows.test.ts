import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
    HeldRowView,
    Memo,
    PAGE_SIZE,
    STATUS_ICONS,
    countOutcomes,
    plainText,
    rowsThatFit,
    seatsByLicense,
    viewRows,
} from 'c/planRows';
import type { RowStatus } from 'c/planRows';

interface Row {
    key: string;
    status: RowStatus;
    name: string;
}

const STATUSES: RowStatus[] = ['ready', 'problem', 'done', 'failed', 'warning', 'notRun', 'checking'];

function rows(count: number): Row[] {
    return Array.from({ length: count }, (_, index) => ({
        key: `r${index}`,
        status: STATUSES[index % STATUSES.length],
        name: `Name ${String(count - index).padStart(4, '0')}`,
    }));
}

describe('viewRows', () => {
    it('pages 50 rows at a time and clamps the page', () => {
        const all = rows(120);
        const first = viewRows(all);
        expect(first.rows).toHaveLength(PAGE_SIZE);
        expect(first).toMatchObject({ page: 0, pageCount: 3, matching: 120, total: 120 });
        const last = viewRows(all, { page: 9 });
        expect(last.page).toBe(2);
        expect(last.rows).toHaveLength(20);
        expect(viewRows([], { page: 3 })).toMatchObject({ rows: [], page: 0, pageCount: 1 });
    });

    it('keeps only what needs the admin with "problems only"', () => {
        const view = viewRows(rows(14), { problemsOnly: true, pageSize: 100 });
        expect(new Set(view.rows.map((row) => row.status))).toEqual(
            new Set<RowStatus>(['problem', 'failed', 'warning', 'checking']),
        );
        expect(view.matching).toBe(8);
        expect(view.total).toBe(14);
    });

    it('sorts by a field either way, and by status with problems first; ties keep the plan order', () => {
        const all = rows(7);
        expect(viewRows(all, { sortBy: 'name' }).rows.map((row) => row.key)[0]).toBe('r6');
        expect(viewRows(all, { sortBy: 'name', sortDirection: 'desc' }).rows[0].key).toBe('r0');
        const byStatus = viewRows(all, { sortBy: 'status' }).rows.map((row) => row.status);
        expect(byStatus).toEqual(['problem', 'failed', 'checking', 'warning', 'ready', 'notRun', 'done']);
        const ties = viewRows(
            [
                { key: 'a', status: 'ready', name: 'x' },
                { key: 'b', status: 'ready', name: 'x' },
            ],
            { sortBy: 'name', sortDirection: 'desc' },
        );
        expect(ties.rows.map((row) => row.key)).toEqual(['a', 'b']);
    });

    it('keeps the rows a stopped job did not finish with the problems, right after the failed ones', () => {
        const all: Row[] = [
            { key: 'a', status: 'ready', name: 'a' },
            { key: 'b', status: 'unfinished', name: 'b' },
            { key: 'c', status: 'failed', name: 'c' },
            { key: 'd', status: 'notRun', name: 'd' },
        ];
        expect(viewRows(all, { problemsOnly: true }).rows.map((row) => row.key)).toEqual(['b', 'c']);
        expect(viewRows(all, { sortBy: 'status' }).rows.map((row) => row.status)).toEqual([
            'failed',
            'unfinished',
            'ready',
            'notRun',
        ]);
        expect(STATUS_ICONS.unfinished).toBe('utility:pause');
    });

    it('sorts numbers as numbers', () => {
        const numbered = [3, 10, 2].map((n) => ({ key: String(n), status: 'ready' as const, n }));
        expect(viewRows(numbered, { sortBy: 'n' }).rows.map((row) => row.n)).toEqual([2, 3, 10]);
    });
});

describe('HeldRowView', () => {
    const plan: Row[] = [
        { key: 'a', status: 'ready', name: 'Ann' },
        { key: 'b', status: 'problem', name: 'Bo' },
        { key: 'c', status: 'warning', name: 'Cy' },
        { key: 'd', status: 'problem', name: 'Di' },
    ];
    /** The plan after an edit fixed row `key`: a new array and a new row object, as a panel derives them. */
    const fixed = (before: Row[], key: string): Row[] =>
        before.map((row) => (row.key === key ? { ...row, status: 'ready' } : row));
    const keys = (view: { rows: Row[] }): string[] => view.rows.map((row) => row.key);

    it('keeps an edited row in its place until the sort is applied again', () => {
        const held = new HeldRowView<Row>();
        const byStatus = { sortBy: 'status', sortDirection: 'asc' as const };
        expect(keys(held.view(plan, byStatus))).toEqual(['b', 'd', 'c', 'a']);
        const afterEdit = fixed(plan, 'b');
        const view = held.view(afterEdit, byStatus);
        // 'b' is ready now and would sort last; it stays first, with its new status.
        expect(keys(view)).toEqual(['b', 'd', 'c', 'a']);
        expect(view.rows[0].status).toBe('ready');
        expect(view.changed).toBe(true);
        expect(viewRows(afterEdit, byStatus).changed).toBe(false);
        // The admin sorts again (the other way, then back): the new order, nothing held.
        const desc = held.view(afterEdit, { sortBy: 'status', sortDirection: 'desc' });
        expect(keys(desc)).toEqual(['a', 'b', 'c', 'd']);
        expect(desc.changed).toBe(false);
        expect(keys(held.view(afterEdit, byStatus))).toEqual(['d', 'c', 'a', 'b']);
    });

    it('counts the rows held in view that the filter no longer keeps', () => {
        const held = new HeldRowView<Row>();
        const problems = { problemsOnly: true };
        expect(held.view(plan, problems).heldOutOfFilter).toBe(0);
        expect(held.view(fixed(plan, 'b'), problems).heldOutOfFilter).toBe(1);
        expect(viewRows(fixed(plan, 'b'), problems).heldOutOfFilter).toBe(0);
        // Sorted, not filtered: an order held, no filter.
        const sorted = new HeldRowView<Row>();
        sorted.view(plan, { sortBy: 'status' });
        expect(sorted.view(fixed(plan, 'b'), { sortBy: 'status' }).heldOutOfFilter).toBe(0);
    });

    it('keeps a fixed row in "problems only", counted, until the next filter, and tells it changed', () => {
        const held = new HeldRowView<Row>();
        const problems = { problemsOnly: true };
        expect(keys(held.view(plan, problems))).toEqual(['b', 'c', 'd']);
        const view = held.view(fixed(plan, 'b'), problems);
        expect(keys(view)).toEqual(['b', 'c', 'd']);
        expect(view).toMatchObject({ matching: 3, total: 4, pageCount: 1, changed: true });
        expect(held.view(fixed(plan, 'b'), {})).toMatchObject({ matching: 4, changed: false });
        const again = held.view(fixed(plan, 'b'), problems);
        expect(keys(again)).toEqual(['c', 'd']);
        expect(again).toMatchObject({ matching: 2, changed: false });
    });

    it('drops a removed row, adds a new one last, and is not changed when the order is the fresh one', () => {
        const held = new HeldRowView<Row>();
        const byName = { sortBy: 'name', sortDirection: 'desc' as const };
        held.view(plan, byName);
        const grown = [...plan.filter((row) => row.key !== 'c'), { key: 'e', status: 'ready' as const, name: 'Al' }];
        const view = held.view(grown, byName);
        expect(keys(view)).toEqual(['d', 'b', 'a', 'e']);
        expect(view.changed).toBe(false);
        const more = [...grown, { key: 'f', status: 'ready' as const, name: 'Zo' }];
        const later = held.view(more, byName);
        expect(keys(later)).toEqual(['d', 'b', 'a', 'e', 'f']);
        expect(later.changed).toBe(true);
    });

    it('applies the view afresh on another page, keeping the counts of what it shows', () => {
        const held = new HeldRowView<Row>();
        const many = rows(120);
        const first = held.view(many, { sortBy: 'status' });
        const edited = many.map((row) => (row.key === first.rows[0].key ? { ...row, status: 'done' as const } : row));
        const kept = held.view(edited, { sortBy: 'status' });
        expect(kept.rows[0].key).toBe(first.rows[0].key);
        expect(kept).toMatchObject({ page: 0, pageCount: 3, matching: 120, changed: true });
        const next = held.view(edited, { sortBy: 'status', page: 1 });
        expect(next).toEqual(viewRows(edited, { sortBy: 'status', page: 1 }));
        held.reapply();
        expect(held.view(edited, { sortBy: 'status', page: 1 }).changed).toBe(false);
    });
});

describe('STATUS_ICONS', () => {
    it('names icons that exist in @salesforce-ux/design-system', () => {
        const root = join(require.resolve('@salesforce-ux/design-system/package.json'), '..', 'assets', 'icons');
        for (const icon of Object.values(STATUS_ICONS)) {
            const [category, name] = icon.split(':');
            expect(existsSync(join(root, category, `${name}.svg`))).toBe(true);
        }
    });
});

describe('countOutcomes', () => {
    it('counts in the given order, then the others, leaving out zeros', () => {
        expect(countOutcomes(['Failed', 'Created', 'Created', 'Odd'], ['Created', 'Existing', 'Failed'])).toEqual([
            ['Created', 2],
            ['Failed', 1],
            ['Odd', 1],
        ]);
        expect(countOutcomes([])).toEqual([]);
    });
});

describe('rowsThatFit', () => {
    const seats = new Map([
        ['license', 3],
        ['psl', 2],
    ]);

    it('keeps the first rows whose every seat fits, and stops at the first that does not', () => {
        const fit = rowsThatFit(['a', 'b', 'c', 'd'], () => ['license'], seats);
        expect(fit).toEqual(['a', 'b', 'c']);
        const withPsl = rowsThatFit(
            ['a', 'b', 'c', 'd'],
            (row) => (row === 'a' ? ['license'] : ['license', 'psl']),
            seats,
        );
        expect(withPsl).toEqual(['a', 'b', 'c']);
        const pslShort = rowsThatFit(['a', 'b', 'c'], () => ['license', 'psl'], seats);
        expect(pslShort).toEqual(['a', 'b']);
    });

    it('does not count a seat the facts do not describe, and takes none when nothing is left', () => {
        expect(rowsThatFit(['a', 'b'], () => ['unknown'], seats)).toEqual(['a', 'b']);
        expect(rowsThatFit(['a'], () => ['license'], new Map([['license', 0]]))).toEqual([]);
    });
});

describe('seatsByLicense', () => {
    it('counts each license once, Plus and Plus Login apart, less what the runs took', () => {
        const seats = seatsByLicense(
            [
                { licenseName: 'Customer Community Plus', seatsLeft: 5 },
                { licenseName: 'Customer Community Plus Login', seatsLeft: 100 },
                { licenseName: 'Customer Community Plus', seatsLeft: 5 },
            ],
            new Map([
                ['Customer Community Plus', 2],
                ['Customer Community Plus Login', 200],
            ]),
        );
        expect(seats).toEqual([
            ['Customer Community Plus', 3],
            ['Customer Community Plus Login', 0],
        ]);
    });
});

describe('plainText', () => {
    it('shows the platform message without markup', () => {
        expect(plainText('Duplicate Username.<br>The username already exists.<br/>Use &quot;another&quot;')).toBe(
            'Duplicate Username. The username already exists. Use "another"',
        );
        expect(plainText('<b>bold</b> &lt;tag&gt; &amp; &#39;x&#39;&nbsp;y')).toBe("bold <tag> & 'x' y");
        expect(plainText(null)).toBe('');
    });
});

describe('Memo', () => {
    it('computes once while the inputs are the same objects', () => {
        const memo = new Memo<number>();
        const compute = jest.fn(() => 42);
        const input = {};
        expect(memo.get([input, 'a'], compute)).toBe(42);
        expect(memo.get([input, 'a'], compute)).toBe(42);
        expect(compute).toHaveBeenCalledTimes(1);
        memo.get([{}, 'a'], compute);
        memo.get([{}, 'a', 1], compute);
        expect(compute).toHaveBeenCalledTimes(3);
    });
});
