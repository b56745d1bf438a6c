/**
 * Keyset paging as the Apex searches do it (`UserSetupSelector.searchContacts`,
 * `LicenseUpgradeSelector.searchExternalUsers`): `ORDER BY Name, Id LIMIT 200` after the cursor
 * `WHERE Name > :afterName OR (Name = :afterName AND Id > :afterId)`. SOQL orders text without
 * case ("ORDER BY": in English locales by the upper-case UTF-8 values), and the cursor's
 * comparison uses the same collation, so one comparator serves both here. Id breaks ties, so the
 * order is total: a page never repeats nor skips a row, however many pages (no OFFSET, no 2,000
 * ceiling).
 */
import type { Id } from './types';

/** The last row of the page before: its `Name` and `Id`. Both, or no cursor (the first page). */
export interface KeysetCursor {
    afterName?: string | null;
    afterId?: Id | null;
}

/** Text as SOQL's ORDER BY and comparison operators see it in an English locale: without case. */
function collate(text: string): string {
    return text.toUpperCase();
}

/**
 * `Name, Id` order: names without case, then ids.
 * @returns negative, zero or positive as for `Array.prototype.sort`
 */
export function compareNameThenId(aName: string, aId: Id, bName: string, bId: Id): number {
    const a = collate(aName);
    const b = collate(bName);
    if (a !== b) {
        return a < b ? -1 : 1;
    }
    return aId < bId ? -1 : aId > bId ? 1 : 0;
}

/**
 * One page of rows in `Name, Id` order, after the cursor when it has both a name and an id.
 * @param rows the rows matching the search, any order
 * @param nameOf the row's `Name`
 * @param idOf the row's `Id`
 * @param cursor the last row of the page before
 * @param limit the page size (`LIMIT`)
 * @returns the page
 */
export function keysetPage<T>(
    rows: readonly T[],
    nameOf: (row: T) => string,
    idOf: (row: T) => Id,
    cursor: KeysetCursor,
    limit: number,
): T[] {
    const { afterName, afterId } = cursor;
    const continues = afterName !== null && afterName !== undefined && !!afterId;
    return rows
        .filter((row) => !continues || compareNameThenId(nameOf(row), idOf(row), afterName, afterId) > 0)
        .sort((a, b) => compareNameThenId(nameOf(a), idOf(a), nameOf(b), idOf(b)))
        .slice(0, limit);
}
