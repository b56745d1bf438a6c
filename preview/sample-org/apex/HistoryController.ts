/**
 * Sample org implementation of `HistoryController` (force-app/main/history/classes): the
 * History over the sample org's `Setup_Assistant_Log__c` rows, which the other sample methods
 * write (license changes, enablements, readiness fixes), with the same filters, order, paging
 * limits and refusal as `HistoryService` and `HistorySelector`.
 */
import OFFSET_LIMIT from '@salesforce/label/c.CCSA_History_Offset_Limit';
import { formatLabel } from 'c/labelFormat';
import { apexMethod, ApexException } from '../apexMethod';
import { assertAdmin, requireCapability } from '../guard';
import { escapeLike } from 'c/enablementRun';
import { toId18 } from '../data/random';
import { profileById, userById } from '../org';
import { likeMatcher } from '../platform';
import { currentSession } from '../session';
import type { SampleOrg, SetupAssistantLog, User } from '../types';

type HistoryFilter = Apex.HistoryService.HistoryFilter;
type HistoryPage = Apex.HistoryService.HistoryPage;
type HistoryRow = Apex.HistoryService.HistoryRow;
type HistoryFilterOptions = Apex.HistoryService.HistoryFilterOptions;
type HistoryUserRow = Apex.HistoryService.HistoryUserRow;

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
export const MAX_OFFSET = 2000;
/** `HistoryService.MAX_SEARCH_ROWS`: one page of the user picker. */
export const MAX_SEARCH_ROWS = 200;
/** The package's object in a subscriber org: the preview stands for the installed package. */
export const LOG_OBJECT_API_NAME = 'ccsa__Setup_Assistant_Log__c';

/** The day of an instant in a time zone, `YYYY-MM-DD` (as Apex compares with the admin's midnight). */
function dayIn(iso: string, timeZone: string): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        new Date(iso),
    );
}

/** SOQL LIKE '%term%' is case-insensitive. */
function contains(value: string | null | undefined, term: string): boolean {
    return (value ?? '').toLowerCase().includes(term.toLowerCase());
}

/**
 * As `HistorySelector.whereClause`. The user filters look at Target_User__c only, never Before__c:
 * a license change refused before anything was done names its user in Before__c alone
 * (`JobChain.refusedChangeLog`), so a search for the user does not list it, as in the org. The
 * filter's `targetUserId` is an `Id` in Apex: a 15-character value is read as its 18-character form.
 */
function matches(org: SampleOrg, admin: User, log: SetupAssistantLog, filter: HistoryFilter): boolean {
    if (filter.targetUserId && log.Target_User__c !== (toId18(filter.targetUserId) ?? filter.targetUserId)) {
        return false;
    }
    const search = (filter.userSearch ?? '').trim();
    if (search !== '') {
        const target = userById(org, log.Target_User__c);
        if (!target || !(contains(target.Name, search) || contains(target.Username, search))) {
            return false;
        }
    }
    if (filter.action && log.Action__c !== filter.action) {
        return false;
    }
    if (filter.status && log.Status__c !== filter.status) {
        return false;
    }
    const day = dayIn(log.CreatedDate, admin.TimeZoneSidKey);
    if (filter.fromDate && day < filter.fromDate) {
        return false;
    }
    return !(filter.toDate && day > filter.toDate);
}

function toRow(org: SampleOrg, log: SetupAssistantLog): HistoryRow {
    const row: HistoryRow = {
        id: log.Id,
        name: log.Name,
        action: log.Action__c,
        status: log.Status__c,
        targetUserId: log.Target_User__c,
        targetUserName: userById(org, log.Target_User__c)?.Name ?? null,
        actingUserName: userById(org, log.CreatedById)?.Name ?? null,
        createdDate: log.CreatedDate,
        before: log.Before__c,
        after: log.After__c,
        snapshot: log.Snapshot__c,
        removed: log.Removed__c,
        restored: log.Restored__c,
        error: log.Error__c,
    };
    // Apex leaves null fields out of the JSON it returns.
    return Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as HistoryRow;
}

/** Record ids in the log's text fields: 15 or 18 letters and digits. */
const RECORD_ID = /\b[a-zA-Z0-9]{3}[0-9][a-zA-Z0-9]{11}(?:[a-zA-Z0-9]{3})?\b/g;

/**
 * `HistoryService.resolveNames`: the names of the users, contacts, profiles (and their license,
 * `license:<profile id>`), permission sets, accounts and sites the rows mention, by id.
 */
function resolveNames(org: SampleOrg, logs: SetupAssistantLog[]): Record<string, string> {
    const ids = new Set<string>();
    for (const log of logs) {
        for (const text of [
            log.Before__c,
            log.After__c,
            log.Snapshot__c,
            log.Removed__c,
            log.Restored__c,
            log.Error__c,
        ]) {
            for (const id of (text ?? '').match(RECORD_ID) ?? []) ids.add(id);
        }
        if (log.Target_User__c) ids.add(log.Target_User__c);
    }
    const names: Record<string, string> = {};
    const add = <T extends { Id: string }>(records: T[], name: (record: T) => string | null | undefined): void => {
        for (const record of records) {
            const value = name(record);
            if (ids.has(record.Id) && value) names[record.Id] = value;
        }
    };
    add(org.User, (u) => u.Name);
    add(org.Contact, (c) => `${c.FirstName ?? ''} ${c.LastName}`.trim());
    add(org.Profile, (p) => p.Name);
    add(org.PermissionSet, (ps) => ps.Label);
    add(org.Account, (a) => a.Name);
    add(org.Network, (n) => n.Name);
    for (const profile of org.Profile) {
        const license = org.UserLicense.find((l) => l.Id === profile.UserLicenseId)?.Name;
        if (ids.has(profile.Id) && license) names[`license:${profile.Id}`] = license;
    }
    return names;
}

export const getHistory: typeof import('@salesforce/apex/HistoryController.getHistory').default = apexMethod<
    { filter?: HistoryFilter | null },
    HistoryPage
>(({ filter }) => {
    const session = currentSession();
    assertAdmin(session);
    requireCapability(session, 'HISTORY');
    const { org, user } = session;
    const wanted: HistoryFilter = filter ?? {};
    const pageSize =
        !wanted.pageSize || wanted.pageSize < 1 ? DEFAULT_PAGE_SIZE : Math.min(wanted.pageSize, MAX_PAGE_SIZE);
    const offset = !wanted.offset || wanted.offset < 0 ? 0 : wanted.offset;
    if (offset > MAX_OFFSET) {
        throw new ApexException(formatLabel(OFFSET_LIMIT, String(MAX_OFFSET)));
    }
    // ORDER BY CreatedDate DESC, Id DESC: record Ids grow with insertion, so later rows first.
    const matching = org.Setup_Assistant_Log__c.map((log, index) => ({ log, index }))
        .filter(({ log }) => matches(org, user, log, wanted))
        .sort((a, b) => b.log.CreatedDate.localeCompare(a.log.CreatedDate) || b.index - a.index)
        .map(({ log }) => log);
    const pageLogs = matching.slice(offset, offset + pageSize);
    const rows = pageLogs.map((log) => toRow(org, log));
    return {
        rows,
        total: matching.length,
        offset,
        pageSize,
        hasMore: offset + rows.length < matching.length && offset + pageSize <= MAX_OFFSET,
        maxOffset: MAX_OFFSET,
        objectApiName: LOG_OBJECT_API_NAME,
        names: resolveNames(org, pageLogs),
        timeZone: user.TimeZoneSidKey ?? null,
    };
});

export const getHistoryFilterOptions: typeof import('@salesforce/apex/HistoryController.getHistoryFilterOptions').default =
    apexMethod<void, HistoryFilterOptions>(() => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'HISTORY');
        const logs = session.org.Setup_Assistant_Log__c;
        const distinct = (values: Array<string | null>): string[] =>
            [...new Set(values.filter((value): value is string => !!value && value.trim() !== ''))].sort();
        return {
            actions: distinct(logs.map((log) => log.Action__c)),
            statuses: distinct(logs.map((log) => log.Status__c)),
        };
    });

/**
 * `HistoryController.searchHistoryUsers`: the users a log names as its target whose name or
 * username contains the term (`%`, `_` and `\\` literal, as `SoqlLike.contains`), by name then id.
 */
export const searchHistoryUsers: typeof import('@salesforce/apex/HistoryController.searchHistoryUsers').default =
    apexMethod<{ searchTerm?: string | null }, HistoryUserRow[]>(({ searchTerm }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'HISTORY');
        const { org } = session;
        const logged = new Set(org.Setup_Assistant_Log__c.map((log) => log.Target_User__c).filter(Boolean));
        const matches = likeMatcher(`%${escapeLike((searchTerm ?? '').trim())}%`);
        return org.User.filter((user) => logged.has(user.Id) && (matches(user.Name) || matches(user.Username)))
            .sort((a, b) => a.Name.localeCompare(b.Name) || a.Id.localeCompare(b.Id))
            .slice(0, MAX_SEARCH_ROWS)
            .map((user) => ({
                id: user.Id,
                name: user.Name,
                username: user.Username,
                profileName: profileById(org, user.ProfileId)?.Name ?? null,
            }));
    });
