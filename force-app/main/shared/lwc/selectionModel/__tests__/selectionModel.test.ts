import { SELECTION_CAP, SelectionModel, collectAllMatching } from 'c/selectionModel';

interface Row {
    id: string;
    name: string;
}

const row = (n: number, name = `Contact ${n}`): Row => ({ id: `003${String(n).padStart(15, '0')}`, name });
const rows = (from: number, to: number): Row[] => Array.from({ length: to - from }, (_, i) => row(from + i));

describe('SelectionModel', () => {
    it('starts empty with the cap of 10,000', () => {
        const selection = SelectionModel.empty<Row>();
        expect(selection.count).toBe(0);
        expect(selection.isEmpty).toBe(true);
        expect(selection.isFull).toBe(false);
        expect(selection.cap).toBe(SELECTION_CAP);
        expect(SELECTION_CAP).toBe(10000);
        expect(selection.remaining).toBe(10000);
        expect(selection.ids).toEqual([]);
        expect(selection.records).toEqual([]);
    });

    it('refuses a cap that is not a positive integer', () => {
        expect(() => SelectionModel.empty({ cap: 0 })).toThrow(RangeError);
        expect(() => SelectionModel.empty({ cap: 2.5 })).toThrow(RangeError);
    });

    it('adds records with their display data, in selection order, without duplicates', () => {
        const first = SelectionModel.empty<Row>().add([row(1), row(2)]);
        expect(first.added).toBe(2);
        const second = first.selection.add([row(2, 'Renamed'), row(3)]);
        expect(second.added).toBe(1);
        expect(second.selection.count).toBe(3);
        expect(second.selection.ids).toEqual([row(1).id, row(2).id, row(3).id]);
        expect(second.selection.recordOf(row(2).id)?.name).toBe('Renamed');
        expect(second.selection.has(row(3).id)).toBe(true);
        expect(second.selection.has(row(4).id)).toBe(false);
        // Immutable: the earlier selection is unchanged.
        expect(first.selection.count).toBe(2);
    });

    it('returns the same selection when nothing changes', () => {
        const selection = SelectionModel.empty<Row>().add([row(1)]).selection;
        expect(selection.add([]).selection).toBe(selection);
        expect(selection.add([selection.recordOf(row(1).id) as Row]).selection).toBe(selection);
        expect(selection.remove([row(9).id])).toBe(selection);
        expect(selection.describe([row(9)])).toBe(selection);
        expect(SelectionModel.empty<Row>().clear().isEmpty).toBe(true);
    });

    it('survives new searches and paging: another page only changes its own rows', () => {
        let selection = SelectionModel.empty<Row>();
        // First search: two of three checked.
        const firstSearch = [row(1), row(2), row(3)];
        selection = selection.applyPage(firstSearch, [row(1).id, row(2).id]).selection;
        // Second search shows other rows: checking one keeps the first search's selection.
        const secondSearch = [row(3), row(4), row(5)];
        selection = selection.applyPage(secondSearch, [row(4).id]).selection;
        expect(selection.ids).toEqual([row(1).id, row(2).id, row(4).id]);
        // Unchecking a visible row removes only that row.
        selection = selection.applyPage(secondSearch, []).selection;
        expect(selection.ids).toEqual([row(1).id, row(2).id]);
        // A page that shows a selected row checked keeps it in place.
        selection = selection.applyPage([row(2), row(6)], [row(2).id, row(6).id]).selection;
        expect(selection.ids).toEqual([row(1).id, row(2).id, row(6).id]);
    });

    it('stops at the cap and counts what it refused', () => {
        const selection = SelectionModel.empty<Row>({ cap: 250 });
        const result = selection.add(rows(0, 300));
        expect(result.added).toBe(250);
        expect(result.refused).toBe(50);
        expect(result.selection.count).toBe(250);
        expect(result.selection.isFull).toBe(true);
        expect(result.selection.remaining).toBe(0);
        // An already selected record is still accepted at the cap (its data refreshes).
        const again = result.selection.add([row(0, 'New name'), row(400)]);
        expect(again.refused).toBe(1);
        expect(again.selection.recordOf(row(0).id)?.name).toBe('New name');
    });

    it('holds 10,000 records, and refuses the 10,001st', () => {
        const result = SelectionModel.empty<Row>().add(rows(0, 10001));
        expect(result.selection.count).toBe(10000);
        expect(result.refused).toBe(1);
    });

    it('removes and clears', () => {
        const selection = SelectionModel.empty<Row>().add(rows(0, 5)).selection;
        const removed = selection.remove([row(1).id, row(3).id]);
        expect(removed.ids).toEqual([row(0).id, row(2).id, row(4).id]);
        expect(removed.clear().count).toBe(0);
        expect(removed.clear().cap).toBe(SELECTION_CAP);
    });

    it('selects handed-over ids without display data, then learns it', () => {
        const handed = SelectionModel.empty<Row>().addIds([row(1).id, row(2).id]).selection;
        expect(handed.count).toBe(2);
        expect(handed.records).toEqual([]);
        expect(handed.undescribedIds).toEqual([row(1).id, row(2).id]);
        const described = handed.describe([row(2), row(7)]);
        expect(described.records).toEqual([row(2)]);
        expect(described.undescribedIds).toEqual([row(1).id]);
        expect(described.has(row(7).id)).toBe(false);
        // Adding known ids by id never forgets their data.
        expect(described.addIds([row(2).id]).selection.recordOf(row(2).id)).toEqual(row(2));
    });

    it('in single mode keeps only the last record chosen', () => {
        let selection = SelectionModel.empty<Row>({ single: true, cap: 50 });
        expect(selection.cap).toBe(1);
        selection = selection.add([row(1)]).selection;
        const replaced = selection.add([row(2), row(3)]);
        expect(replaced.selection.ids).toEqual([row(3).id]);
        expect(replaced.added).toBe(1);
        expect(replaced.selection.isFull).toBe(false);
        expect(replaced.selection.add([row(3)]).added).toBe(0);
        // A page where the admin checks another row: that row is the selection.
        const page = replaced.selection.applyPage([row(3), row(4)], [row(4).id]).selection;
        expect(page.ids).toEqual([row(4).id]);
    });
});

describe('collectAllMatching', () => {
    /** A keyset search over rows in order: the page after the given row's position. */
    const searchOver = (all: Row[], pageSize = 200) =>
        jest.fn(async (after: Row | undefined) => {
            const from = after ? all.findIndex((r) => r.id === after.id) + 1 : 0;
            return all.slice(from, from + pageSize);
        });

    it('pages after the last row until a short page and reports the running count', async () => {
        const all = rows(0, 450);
        const search = searchOver(all);
        const onPage = jest.fn();
        const result = await collectAllMatching(search, { pageSize: 200, limit: 10000, onPage });
        expect(result.records).toHaveLength(450);
        expect(result.truncated).toBe(false);
        expect(search.mock.calls.map(([after]) => after)).toEqual([undefined, all[199], all[399]]);
        expect(onPage.mock.calls.map(([found]) => found)).toEqual([200, 400, 450]);
    });

    it('stops at the limit, saying more may match', async () => {
        const result = await collectAllMatching(searchOver(rows(0, 1000)), { pageSize: 200, limit: 300 });
        expect(result.records).toHaveLength(300);
        expect(result.truncated).toBe(true);
    });

    it('goes past 2,000 rows: a cursor has no OFFSET ceiling', async () => {
        const search = searchOver(rows(0, 3000));
        const result = await collectAllMatching(search, { pageSize: 200, limit: 10000 });
        expect(result.records).toHaveLength(3000);
        expect(new Set(result.records.map((r) => r.id)).size).toBe(3000);
        expect(result.truncated).toBe(false);
        expect(search).toHaveBeenCalledTimes(16);
    });

    it('reads one page of a search that does not page, and skips repeated rows', async () => {
        const search = jest.fn(async () => [row(1), row(1), row(2)]);
        const result = await collectAllMatching(search, { pageSize: 200, limit: 10000, singlePage: true });
        expect(result.records).toEqual([row(1), row(2)]);
        expect(search).toHaveBeenCalledTimes(1);
    });

    it('stops, saying more may match, when a full page brings nothing new (a search that ignores the cursor)', async () => {
        const page = rows(0, 200);
        const search = jest.fn(async () => page);
        const result = await collectAllMatching(search, { pageSize: 200, limit: 10000 });
        expect(result.records).toHaveLength(200);
        expect(result.truncated).toBe(true);
        expect(search).toHaveBeenCalledTimes(2);
    });

    it('stops after a full single page of a search that does not page, saying more may match', async () => {
        const search = searchOver(rows(0, 500));
        const result = await collectAllMatching(search, { pageSize: 200, limit: 10000, singlePage: true });
        expect(result.records).toHaveLength(200);
        expect(result.truncated).toBe(true);
        expect(search).toHaveBeenCalledTimes(1);
    });
});
