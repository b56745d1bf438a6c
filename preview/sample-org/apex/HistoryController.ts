/**
 * Sample org implementation of `HistoryController` (force-app/main/history/classes): the
 * History over the sample org's `Setup_Assistant_Log__c` rows, which the other sample methods
 * write (license changes, enablements, readiness fixes), with the same filters, order, paging
 * limits and refusal as `HistoryService` and `HistorySelector`.
 */
import OFFSET_LIMIT from '@salesforce/label/c.CCSA_History_Offset_Limit';
import { formatLabel } from 'c/labelFormat';
import { apexMethod, ApexException } from '../apexMethod';
import { assertAdmin, heldPermissions, REQUIREMENT_FIELDS, requireCapability } from '../guard';
import type { Requirement } from '../guard';
import { escapeLike } from 'c/enablementRun';
import { toId18 } from '../data/random';
import { profileById, userById } from '../org';
import { likeMatcher } from '../platform';
import { currentSession } from '../session';
import type { Contact, Id, SampleOrg, SetupAssistantLog, User } from '../types';

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
/** `HistoryService.MAX_SEARCH_LENGTH`: a longer user search matches nothing. */
export const MAX_SEARCH_LENGTH = 255;
/** The package's object in a subscriber org: the preview stands for the installed package. */
export const LOG_OBJECT_API_NAME = 'ccsa__Setup_Assistant_Log__c';

/** The day of an instant in a time zone, `YYYY-MM-DD` (as Apex compares with the admin's midnight). */
function dayIn(iso: string, timeZone: string): string {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
        new Date(iso),
    );
}

/** SOQL `LIKE '%term%'` with the term escaped (`SoqlLike.contains`): `%` and `_` match themselves. */
function containsMatcher(term: string): (value: string | null | undefined) => boolean {
    return likeMatcher(`%${escapeLike(term.trim())}%`);
}

function contactName(contact: Contact): string {
    return `${contact.FirstName ?? ''} ${contact.LastName}`.trim();
}

/**
 * As `HistoryService.peopleOf`: the ids a picked user or contact stands for, itself and the
 * contact of a picked user or the user made for a picked contact (`HistorySelector.selectUsersOfPerson`).
 */
function peopleOf(org: SampleOrg, personId: Id): Set<Id> {
    const target = toId18(personId) ?? personId;
    const people = new Set<Id>([target]);
    for (const user of org.User) {
        if (user.Id === target || user.ContactId === target) {
            people.add(user.Id);
            if (user.ContactId) people.add(user.ContactId);
        }
    }
    return people;
}

/** The action, outcome and dates of `HistorySelector.criteria`. */
function meetsCriteria(admin: User, log: SetupAssistantLog, filter: HistoryFilter): boolean {
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

/**
 * As `HistorySelector.whereClause`. The user criteria find a row by its target user or by who it
 * is about (`Subject_Id__c`, `Subject_Name__c`, `Subject_Username__c`, which the log writer fills,
 * sample `logWriter.ts`): a license change refused before anything was done names its user in
 * Before__c only (`JobChain.refusedChangeLog`), a refused or failed enable its contact. A picked
 * user finds the rows of its contact, a picked contact (003) those of the user made for it. The
 * filter's `targetUserId` is an `Id` in Apex: a 15-character value is read as its 18-character form.
 */
function matches(
    org: SampleOrg,
    admin: User,
    log: SetupAssistantLog,
    filter: HistoryFilter,
    people: ReadonlySet<Id> | null,
): boolean {
    if (people) {
        const about = (id: Id | null | undefined): boolean => !!id && people.has(id);
        if (!about(log.Target_User__c) && !about(log.Subject_Id__c)) {
            return false;
        }
    }
    const search = (filter.userSearch ?? '').trim();
    if (search !== '') {
        if (search.length > MAX_SEARCH_LENGTH) {
            return false;
        }
        const like = containsMatcher(search);
        const target = userById(org, log.Target_User__c);
        const found =
            (!!target && (like(target.Name) || like(target.Username))) ||
            like(log.Subject_Name__c) ||
            like(log.Subject_Username__c);
        if (!found) {
            return false;
        }
    }
    return meetsCriteria(admin, log, filter);
}

/** ORDER BY CreatedDate DESC, Id DESC: record Ids grow with insertion, so later rows first. */
function newestFirst(logs: SetupAssistantLog[]): SetupAssistantLog[] {
    return logs
        .map((log, index) => ({ log, index }))
        .sort((a, b) => b.log.CreatedDate.localeCompare(a.log.CreatedDate) || b.index - a.index)
        .map(({ log }) => log);
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

/** `HistoryService.RESOLVED`: the key prefix under which the names say a kind of record was read. */
export const RESOLVED = 'resolved:';

/** Record ids in the log's text fields: 15 or 18 letters and digits. */
const RECORD_ID = /\b[a-zA-Z0-9]{3}[0-9][a-zA-Z0-9]{11}(?:[a-zA-Z0-9]{3})?\b/g;

/**
 * `HistoryService.resolveNames`: the names of the users, contacts, profiles (and their license,
 * `license:<profile id>`), permission sets, accounts, sites, roles and permission set licenses the
 * rows mention, by id (every admin of the sample org can view roles).
 */
function resolveNames(org: SampleOrg, logs: SetupAssistantLog[], held: ReadonlySet<string>): Record<string, string> {
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
    // `HistoryService.readable`: setup records are read when some are mentioned and the admin
    // holds what a user-mode query of them needs; `resolved:<prefix>` says the kind was read.
    const readable = (prefix: string, requirement: Requirement): boolean => {
        const read =
            [...ids].some((id) => id.startsWith(prefix)) &&
            REQUIREMENT_FIELDS[requirement].some((field) => held.has(field));
        if (read) names[`${RESOLVED}${prefix}`] = 'true';
        return read;
    };
    add(org.User, (u) => u.Name);
    add(org.Contact, (c) => `${c.FirstName ?? ''} ${c.LastName}`.trim());
    if (readable('00e', 'VIEW_SETUP')) add(org.Profile, (p) => p.Name);
    if (readable('0PS', 'VIEW_SETUP')) add(org.PermissionSet, (ps) => ps.Label);
    add(org.Account, (a) => a.Name);
    add(org.Network, (n) => n.Name);
    // As `HistoryService.resolveNames`: a log another log names (an attempt's license change) reads LOG-….
    add(org.Setup_Assistant_Log__c, (l) => l.Name);
    if (readable('00E', 'VIEW_ROLES')) add(org.UserRole, (r) => r.Name);
    if (readable('0PL', 'VIEW_SETUP')) add(org.PermissionSetLicense, (l) => l.MasterLabel);
    for (const profile of org.Profile) {
        const license = org.UserLicense.find((l) => l.Id === profile.UserLicenseId)?.Name;
        if (ids.has(profile.Id) && license && names[profile.Id]) names[`license:${profile.Id}`] = license;
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
    const people = wanted.targetUserId ? peopleOf(org, wanted.targetUserId) : null;
    const matching = newestFirst(org.Setup_Assistant_Log__c.filter((log) => matches(org, user, log, wanted, people)));
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
        names: resolveNames(org, pageLogs, heldPermissions(session)),
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
 * `HistoryController.searchHistoryUsers`: the users a log names as its target, and the users and
 * contacts a row without a target user is about, whose name or username contains the term (`%`,
 * `_` and `\\` literal, as `SoqlLike.contains`), by name then id; a contact has no username. A
 * term longer than `MAX_SEARCH_LENGTH` finds nobody.
 */
export const searchHistoryUsers: typeof import('@salesforce/apex/HistoryController.searchHistoryUsers').default =
    apexMethod<{ searchTerm?: string | null }, HistoryUserRow[]>(({ searchTerm }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'HISTORY');
        const { org } = session;
        const term = (searchTerm ?? '').trim();
        if (term.length > MAX_SEARCH_LENGTH) {
            return [];
        }
        const like = containsMatcher(term);
        const userIds = new Set(org.Setup_Assistant_Log__c.map((log) => log.Target_User__c).filter(Boolean));
        // `HistorySelector.selectSubjectsWithoutTarget`: who the rows without a target user are
        // about, by the name and username the log writer stored, grouped, at most a page of them.
        const subjects = [
            ...new Set(
                org.Setup_Assistant_Log__c.filter(
                    (log) =>
                        !log.Target_User__c &&
                        !!log.Subject_Id__c &&
                        (term === '' || like(log.Subject_Name__c) || like(log.Subject_Username__c)),
                )
                    .sort((a, b) => (a.Subject_Name__c ?? '').localeCompare(b.Subject_Name__c ?? ''))
                    .map((log) => log.Subject_Id__c as Id),
            ),
        ].slice(0, MAX_SEARCH_ROWS);
        const contactIds = new Set<Id>();
        for (const id of subjects) {
            if (id.startsWith('005')) userIds.add(id);
            else if (id.startsWith('003')) contactIds.add(id);
        }
        const subjectIds = new Set(subjects);
        // The users a log targets match by their name now; the others by what the writer stored.
        const users: HistoryUserRow[] = org.User.filter(
            (user) => userIds.has(user.Id) && (subjectIds.has(user.Id) || like(user.Name) || like(user.Username)),
        ).map((user) => ({
            id: user.Id,
            name: user.Name,
            username: user.Username,
            profileName: profileById(org, user.ProfileId)?.Name ?? null,
        }));
        const contacts: HistoryUserRow[] = org.Contact.filter((contact) => contactIds.has(contact.Id)).map(
            (contact) => ({ id: contact.Id, name: contactName(contact) }),
        );
        return [...users, ...contacts]
            .sort((a, b) => {
                const x = (a.name ?? '').toLowerCase();
                const y = (b.name ?? '').toLowerCase();
                return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
            })
            .slice(0, MAX_SEARCH_ROWS);
    });
