import { followSelection, idKey, idKeys, selectionSince } from 'c/selectionSince';

const ID_18 = (n: number): string => `005000000000${String(n).padStart(3, '0')}AAA`;
const ID_15 = (n: number): string => ID_18(n).slice(0, 15);

describe('c/selectionSince', () => {
    it('keys an id by its first 15 characters, whether it came with 15 or 18', () => {
        expect(idKey(ID_18(1))).toBe(ID_15(1));
        expect(idKey(ID_15(1))).toBe(ID_15(1));
        expect(idKeys([ID_18(1), ID_15(1), ID_18(2)])).toEqual(new Set([ID_15(1), ID_15(2)]));
    });

    it('says which read ids were deselected since, and which selected ids were never read', () => {
        const read = idKeys([ID_18(1), ID_18(2), ID_18(3)]);
        const since = selectionSince(read, [ID_18(1), ID_18(3), ID_18(4)]);
        expect(since.removed).toEqual(new Set([ID_15(2)]));
        expect(since.added).toEqual([ID_18(4)]);
    });

    it('sees no change when the same records come back with the other length of id', () => {
        const since = selectionSince(idKeys([ID_15(1), ID_15(2)]), [ID_18(2), ID_18(1)]);
        expect(since.removed.size).toBe(0);
        expect(since.added).toEqual([]);
    });

    it('counts a record selected twice (15 and 18 characters) once', () => {
        expect(selectionSince(new Set(), [ID_15(5), ID_18(5)]).added).toEqual([ID_15(5)]);
    });

    it('keeps the records still selected, and those a run locked, in their order', () => {
        const records = [{ id: ID_18(1) }, { id: ID_18(2) }, { id: ID_18(3) }];
        const removed = new Set([ID_15(1), ID_15(3)]);
        expect(followSelection(records, (record) => record.id, removed)).toEqual([{ id: ID_18(2) }]);
        expect(
            followSelection(
                records,
                (record) => record.id,
                removed,
                (record) => record.id === ID_18(3),
            ),
        ).toEqual([{ id: ID_18(2) }, { id: ID_18(3) }]);
    });

    it('gives the same array back when nothing left, so that what is derived from it is not derived again', () => {
        const records = [{ id: ID_18(1) }];
        expect(followSelection(records, (record) => record.id, new Set())).toBe(records);
        expect(followSelection(records, (record) => record.id, new Set([ID_15(9)]))).toBe(records);
        expect(
            followSelection(
                records,
                (record) => record.id,
                new Set([ID_15(1)]),
                () => true,
            ),
        ).toBe(records);
    });
});
