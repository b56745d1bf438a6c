/**
 * The History panel's rules, with no DOM: the filter the admin typed turned into the Apex request,
 * paging within SOQL's OFFSET limit, links to the user and to the log record, and the log's JSON
 * fields pretty-printed for reading.
 */
import ACTION_LICENSE_CHANGE from '@salesforce/label/c.CCSA_History_Action_LICENSE_CHANGE';
import ACTION_ENABLE_USER from '@salesforce/label/c.CCSA_History_Action_ENABLE_USER';
import ACTION_CREATE_ACCOUNT from '@salesforce/label/c.CCSA_History_Action_CREATE_ACCOUNT';
import ACTION_CREATE_CONTACT from '@salesforce/label/c.CCSA_History_Action_CREATE_CONTACT';
import ACTION_ACTIVATE_SITE from '@salesforce/label/c.CCSA_History_Action_ACTIVATE_SITE';
import ACTION_SHOW_ALL_SETTINGS from '@salesforce/label/c.CCSA_History_Action_SHOW_ALL_SETTINGS';
import ACTION_ADD_PROFILE_MEMBER from '@salesforce/label/c.CCSA_History_Action_ADD_PROFILE_MEMBER';
import ACTION_CONFIRM_READINESS_STEP from '@salesforce/label/c.CCSA_History_Action_CONFIRM_READINESS_STEP';
import ACTION_CLEAR_READINESS_CONFIRMATION from '@salesforce/label/c.CCSA_History_Action_CLEAR_READINESS_CONFIRMATION';
import ACTION_ACTIVATE_USER from '@salesforce/label/c.CCSA_History_Action_ACTIVATE_USER';
import ACTION_ENABLE_CONTENT_USER from '@salesforce/label/c.CCSA_History_Action_ENABLE_CONTENT_USER';
import ACTION_ASSIGN_PSL from '@salesforce/label/c.CCSA_History_Action_ASSIGN_PSL';
import ACTION_ASSIGN_PERMISSION_SET from '@salesforce/label/c.CCSA_History_Action_ASSIGN_PERMISSION_SET';
import ACTION_ENABLE_PARTNER_ACCOUNT from '@salesforce/label/c.CCSA_History_Action_ENABLE_PARTNER_ACCOUNT';
import ACTION_ERROR from '@salesforce/label/c.CCSA_History_Action_ERROR';
import ACTION_ERROR_REFERENCE from '@salesforce/label/c.CCSA_History_Action_ERROR_Reference';
import BEFORE from '@salesforce/label/c.CCSA_History_Before';
import AFTER from '@salesforce/label/c.CCSA_History_After';
import SNAPSHOT from '@salesforce/label/c.CCSA_History_Snapshot';
import REMOVED from '@salesforce/label/c.CCSA_History_Removed';
import RESTORED from '@salesforce/label/c.CCSA_History_Restored';
import ERRORS from '@salesforce/label/c.CCSA_History_Errors';
import { formatLabel } from 'c/labelFormat';

export type HistoryFilter = Apex.HistoryService.HistoryFilter;
export type HistoryPage = Apex.HistoryService.HistoryPage;
export type HistoryRow = Apex.HistoryService.HistoryRow;

/** Rows per page the panel asks for (Apex allows up to 200). */
export const PAGE_SIZE = 25;

/** The largest page Apex returns. */
export const MAX_PAGE_SIZE = 200;

/** SOQL's largest OFFSET: rows past it are reached by narrowing the filter. */
export const MAX_OFFSET = 2000;

/** The unprefixed API name of the log object (the namespaced one comes from Apex). */
export const LOG_OBJECT = 'Setup_Assistant_Log__c';

/** What the admin typed or picked; empty strings mean "any". */
export interface FilterForm {
    /** A user's name, part of it, a username, or a user id (005...). */
    userSearch: string;
    action: string;
    status: string;
    /** `YYYY-MM-DD`, as lightning-input type="date" gives it. */
    fromDate: string;
    toDate: string;
}

export const EMPTY_FORM: Readonly<FilterForm> = Object.freeze({
    userSearch: '',
    action: '',
    status: '',
    fromDate: '',
    toDate: '',
});

const USER_ID = /^005[a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function blankToNull(value: string | null | undefined): string | null {
    const trimmed = (value ?? '').trim();
    return trimmed === '' ? null : trimmed;
}

function dateOrNull(value: string | null | undefined): string | null {
    const trimmed = blankToNull(value);
    return trimmed && ISO_DATE.test(trimmed) ? trimmed : null;
}

/**
 * The Apex request for a form and a page. A user id in the search box filters by id; dates given
 * the wrong way round are swapped (ISO dates compare as text); the page is kept within Apex's
 * limits.
 */
export function toHistoryFilter(form: FilterForm, offset = 0, pageSize = PAGE_SIZE): HistoryFilter {
    const search = blankToNull(form.userSearch);
    const isId = search !== null && USER_ID.test(search);
    let fromDate = dateOrNull(form.fromDate);
    let toDate = dateOrNull(form.toDate);
    if (fromDate && toDate && fromDate > toDate) {
        [fromDate, toDate] = [toDate, fromDate];
    }
    return {
        targetUserId: isId ? search : null,
        userSearch: isId ? null : search,
        action: blankToNull(form.action),
        status: blankToNull(form.status),
        fromDate,
        toDate,
        pageSize: Math.min(Math.max(1, Math.floor(pageSize)), MAX_PAGE_SIZE),
        offset: Math.min(Math.max(0, Math.floor(offset)), MAX_OFFSET),
    };
}

/** Whether any criterion is set (the Clear button is offered then). */
export function hasCriteria(form: FilterForm): boolean {
    return Object.values(form).some((value) => (value ?? '').trim() !== '');
}

/** Where "Next" goes, or null on the last page or past SOQL's OFFSET limit. */
export function nextOffset(page: HistoryPage): number | null {
    const next = page.offset + page.pageSize;
    return page.hasMore && next <= MAX_OFFSET ? next : null;
}

/** Where "Previous" goes, or null on the first page. */
export function previousOffset(page: HistoryPage): number | null {
    return page.offset > 0 ? Math.max(0, page.offset - page.pageSize) : null;
}

/** The 1-based positions of the page's first and last rows, and the total. */
export function pageRange(page: HistoryPage): { first: number; last: number; total: number } {
    const count = page.rows.length;
    return { first: count === 0 ? 0 : page.offset + 1, last: page.offset + count, total: page.total };
}

/** Whether rows match that paging cannot reach (older than the newest offset + page). */
export function beyondOffsetLimit(page: HistoryPage): boolean {
    return !page.hasMore && page.offset + page.rows.length < page.total;
}

/** The user's record page in Lightning Experience. */
export function userUrl(userId: string | null | undefined): string | null {
    return userId ? `/lightning/r/User/${userId}/view` : null;
}

/**
 * The log record's page. The object's name is namespaced in a namespaced org
 * (`ccsa__Setup_Assistant_Log__c`): Apex gives it; without it the unprefixed name is used.
 */
export function logUrl(logId: string, objectApiName?: string | null): string {
    return `/lightning/r/${objectApiName || LOG_OBJECT}/${logId}/view`;
}

/**
 * A log field for reading: JSON pretty-printed with two spaces, anything else (text, errors one
 * per line) as written; blank is ''.
 */
export function prettyJson(text: string | null | undefined): string {
    if (text === null || text === undefined || text.trim() === '') {
        return '';
    }
    const trimmed = text.trim();
    if (!/^[[{"]/.test(trimmed)) {
        return text;
    }
    try {
        return JSON.stringify(JSON.parse(trimmed), null, 2);
    } catch {
        return text;
    }
}

const ACTIONS: Readonly<Record<string, string>> = {
    LICENSE_CHANGE: ACTION_LICENSE_CHANGE,
    ENABLE_USER: ACTION_ENABLE_USER,
    CREATE_ACCOUNT: ACTION_CREATE_ACCOUNT,
    CREATE_CONTACT: ACTION_CREATE_CONTACT,
    ACTIVATE_SITE: ACTION_ACTIVATE_SITE,
    SHOW_ALL_SETTINGS: ACTION_SHOW_ALL_SETTINGS,
    ADD_PROFILE_MEMBER: ACTION_ADD_PROFILE_MEMBER,
    CONFIRM_READINESS_STEP: ACTION_CONFIRM_READINESS_STEP,
    CLEAR_READINESS_CONFIRMATION: ACTION_CLEAR_READINESS_CONFIRMATION,
    ACTIVATE_USER: ACTION_ACTIVATE_USER,
    ENABLE_CONTENT_USER: ACTION_ENABLE_CONTENT_USER,
    ASSIGN_PSL: ACTION_ASSIGN_PSL,
    ASSIGN_PERMISSION_SET: ACTION_ASSIGN_PERMISSION_SET,
    ENABLE_PARTNER_ACCOUNT: ACTION_ENABLE_PARTNER_ACCOUNT,
    ERROR: ACTION_ERROR,
};

/** The action of the logs that Apex writes for an unexpected exception (`SetupAssistantErrorEventHandler`). */
export const ERROR_ACTION = 'ERROR';

/** The reference an admin was shown for an unexpected error: the first line of its log's Error__c. */
const ERROR_REFERENCE = /^\s*(CCSA-[0-9A-F]{10})\b/i;

/** The reference of an ERROR log row (`CCSA-` and ten hexadecimal digits), or null. */
export function errorReference(row: Pick<HistoryRow, 'action' | 'error'>): string | null {
    if (row.action !== ERROR_ACTION) {
        return null;
    }
    const match = ERROR_REFERENCE.exec(row.error ?? '');
    return match ? match[1].toUpperCase() : null;
}

/**
 * What a row's action reads as: its readable name and, for an unexpected error, the reference the
 * admin was shown, so that "Something went wrong. Reference: CCSA-..." finds its row.
 */
export function rowActionLabel(row: Pick<HistoryRow, 'action' | 'error'>): string {
    const reference = errorReference(row);
    return reference ? formatLabel(ACTION_ERROR_REFERENCE, reference) : actionLabel(row.action);
}

/** The readable name of an action code; an unknown code (a newer writer) is shown as it is. */
export function actionLabel(action: string | null | undefined): string {
    if (!action) {
        return '';
    }
    return Object.prototype.hasOwnProperty.call(ACTIONS, action) ? ACTIONS[action] : action;
}

/** Combobox options: "any" first, then each value (actions by their readable name). */
export function filterOptions(
    values: readonly string[] | null | undefined,
    anyLabel: string,
    labelOf: (value: string) => string = (value) => value,
): { label: string; value: string }[] {
    return [{ label: anyLabel, value: '' }, ...(values ?? []).map((value) => ({ label: labelOf(value), value }))];
}

export interface DetailSection {
    key: string;
    title: string;
    text: string;
    isError: boolean;
}

/** The non-empty long fields of a row, in reading order, pretty-printed. */
export function detailSections(row: HistoryRow): DetailSection[] {
    const fields: [keyof HistoryRow, string][] = [
        ['before', BEFORE],
        ['after', AFTER],
        ['snapshot', SNAPSHOT],
        ['removed', REMOVED],
        ['restored', RESTORED],
        ['error', ERRORS],
    ];
    return fields
        .map(([field, title]) => ({
            key: field,
            title,
            text: prettyJson(row[field] as string | null | undefined),
            isError: field === 'error',
        }))
        .filter((section) => section.text !== '');
}

/** What the datatable shows for a row: links, readable action, the id as the key. */
export interface HistoryTableRow {
    id: string;
    name: string;
    logUrl: string;
    action: string;
    status: string;
    targetUserName: string;
    targetUserUrl: string | null;
    actingUserName: string;
    createdDate: string | null;
}

export function toTableRow(row: HistoryRow, objectApiName?: string | null, noUser = ''): HistoryTableRow {
    return {
        id: row.id,
        name: row.name,
        logUrl: logUrl(row.id, objectApiName),
        action: rowActionLabel(row),
        status: row.status ?? '',
        targetUserName: row.targetUserName ?? row.targetUserId ?? noUser,
        targetUserUrl: userUrl(row.targetUserId),
        actingUserName: row.actingUserName ?? '',
        createdDate: row.createdDate ?? null,
    };
}
