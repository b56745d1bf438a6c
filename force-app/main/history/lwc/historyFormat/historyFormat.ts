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
import ACTION_ASSIGN_SHARER_PERMISSION_SET from '@salesforce/label/c.CCSA_History_Action_ASSIGN_SHARER_PERMISSION_SET';
import ACTION_SEND_LOGIN_EMAIL from '@salesforce/label/c.CCSA_History_Action_SEND_LOGIN_EMAIL';
import ACTION_ENABLE_PARTNER_ACCOUNT from '@salesforce/label/c.CCSA_History_Action_ENABLE_PARTNER_ACCOUNT';
import ACTION_LICENSE_CHANGE_APPLY from '@salesforce/label/c.CCSA_History_Action_LICENSE_CHANGE_APPLY';
import ACTION_ERROR from '@salesforce/label/c.CCSA_History_Action_ERROR';
import ACTION_ERROR_REFERENCE from '@salesforce/label/c.CCSA_History_Action_ERROR_Reference';
import ATTEMPT_ACTIVATE_USER from '@salesforce/label/c.CCSA_History_Attempt_ACTIVATE_USER';
import ATTEMPT_ENABLE_CONTENT_USER from '@salesforce/label/c.CCSA_History_Attempt_ENABLE_CONTENT_USER';
import ATTEMPT_ASSIGN_PSL from '@salesforce/label/c.CCSA_History_Attempt_ASSIGN_PSL';
import ATTEMPT_ASSIGN_PERMISSION_SET from '@salesforce/label/c.CCSA_History_Attempt_ASSIGN_PERMISSION_SET';
import ATTEMPT_ASSIGN_SHARER_PERMISSION_SET from '@salesforce/label/c.CCSA_History_Attempt_ASSIGN_SHARER_PERMISSION_SET';
import ATTEMPT_SEND_LOGIN_EMAIL from '@salesforce/label/c.CCSA_History_Attempt_SEND_LOGIN_EMAIL';
import ATTEMPT_ENABLE_PARTNER_ACCOUNT from '@salesforce/label/c.CCSA_History_Attempt_ENABLE_PARTNER_ACCOUNT';
import ATTEMPT_LICENSE_CHANGE_APPLY from '@salesforce/label/c.CCSA_History_Attempt_LICENSE_CHANGE_APPLY';
import ACTION_REFUSED from '@salesforce/label/c.CCSA_History_Action_Refused';
import ACTION_FAILED from '@salesforce/label/c.CCSA_History_Action_Failed';
import BEFORE from '@salesforce/label/c.CCSA_History_Before';
import AFTER from '@salesforce/label/c.CCSA_History_After';
import SNAPSHOT from '@salesforce/label/c.CCSA_History_Snapshot';
import REMOVED from '@salesforce/label/c.CCSA_History_Removed';
import RESTORED from '@salesforce/label/c.CCSA_History_Restored';
import ERRORS from '@salesforce/label/c.CCSA_History_Errors';
import EMPTY_VALUE from '@salesforce/label/c.CCSA_History_Empty_Value';
import VALUE_YES from '@salesforce/label/c.CCSA_History_Value_Yes';
import VALUE_NO from '@salesforce/label/c.CCSA_History_Value_No';
import CONTACT_OF_FAILED from '@salesforce/label/c.CCSA_History_Contact_Of_Failed';
import REFUSED_FOR from '@salesforce/label/c.CCSA_History_Refused_For';
import EXPLAIN_LICENSE_LIMIT from '@salesforce/label/c.CCSA_History_Explain_LICENSE_LIMIT';
import EXPLAIN_LICENSE_LIMIT_UNKNOWN from '@salesforce/label/c.CCSA_History_Explain_LICENSE_LIMIT_UNKNOWN';
import EXPLAIN_DUPLICATE_USERNAME from '@salesforce/label/c.CCSA_History_Explain_DUPLICATE_USERNAME';
import EXPLAIN_DUPLICATE_COMM_NICKNAME from '@salesforce/label/c.CCSA_History_Explain_DUPLICATE_COMM_NICKNAME';
import EXPLAIN_PORTAL_USER_EXISTS from '@salesforce/label/c.CCSA_History_Explain_PORTAL_USER_ALREADY_EXISTS_FOR_CONTACT';
import EXPLAIN_POLICY from '@salesforce/label/c.CCSA_History_Explain_POLICY';
import CONTEXT from '@salesforce/label/c.CCSA_History_Context';
import READINESS_STEP from '@salesforce/label/c.CCSA_History_Readiness_Step';
import DELETED_ROLE from '@salesforce/label/c.CCSA_History_Deleted_Role';
import DELETED_PERMISSION_SET_LICENSE from '@salesforce/label/c.CCSA_History_Deleted_Permission_Set_License';
import DELETED_PROFILE from '@salesforce/label/c.CCSA_History_Deleted_Profile';
import DELETED_PERMISSION_SET from '@salesforce/label/c.CCSA_History_Deleted_Permission_Set';
import ROW_ADMIN_ROLE from '@salesforce/label/c.CCSA_Readiness_Row_ADMIN_ROLE';
import ROW_CCP_PROFILE from '@salesforce/label/c.CCSA_Readiness_Row_CCP_PROFILE';
import ROW_CCP_SEATS from '@salesforce/label/c.CCSA_Readiness_Row_CCP_SEATS';
import ROW_CONTRACT_SHARERS from '@salesforce/label/c.CCSA_Readiness_Row_CONTRACT_SHARERS';
import ROW_CONTRACTS_PERMISSION_SETS from '@salesforce/label/c.CCSA_Readiness_Row_CONTRACTS_PERMISSION_SETS';
import ROW_DIGITAL_EXPERIENCES from '@salesforce/label/c.CCSA_Readiness_Row_DIGITAL_EXPERIENCES';
import ROW_SITE from '@salesforce/label/c.CCSA_Readiness_Row_SITE';
import ROW_STANDARD_EXTERNAL_PROFILES from '@salesforce/label/c.CCSA_Readiness_Row_STANDARD_EXTERNAL_PROFILES';
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
    /** A user's name, part of it, a username, or the id of a user (005...) or a contact (003...). */
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

/** A user (005) or contact (003) id: who a row is about, as the user filter's picker gives it. */
const PERSON_ID = /^00[35][a-zA-Z0-9]{12}(?:[a-zA-Z0-9]{3})?$/;
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
 * Whether From is later than To (ISO dates compare as text): the panel says so on the field and
 * does not search, rather than guess which date the admin meant.
 */
export function dateRangeReversed(form: Pick<FilterForm, 'fromDate' | 'toDate'>): boolean {
    const fromDate = dateOrNull(form.fromDate);
    const toDate = dateOrNull(form.toDate);
    return !!fromDate && !!toDate && fromDate > toDate;
}

/**
 * The Apex request for a form and a page. A user or contact id (the picker's) filters by id:
 * Apex finds the rows about that person, refused ones included; the dates
 * are sent as typed (a reversed range is refused before, `dateRangeReversed`); the page is kept
 * within Apex's limits.
 */
export function toHistoryFilter(form: FilterForm, offset = 0, pageSize = PAGE_SIZE): HistoryFilter {
    const search = blankToNull(form.userSearch);
    const isId = search !== null && PERSON_ID.test(search);
    return {
        targetUserId: isId ? search : null,
        userSearch: isId ? null : search,
        action: blankToNull(form.action),
        status: blankToNull(form.status),
        fromDate: dateOrNull(form.fromDate),
        toDate: dateOrNull(form.toDate),
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

/**
 * The readable name of each action code the Apex and the sample org write to Action__c (a Jest
 * test reads the writers' sources and fails on a code missing here).
 */
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
    ASSIGN_SHARER_PERMISSION_SET: ACTION_ASSIGN_SHARER_PERMISSION_SET,
    SEND_LOGIN_EMAIL: ACTION_SEND_LOGIN_EMAIL,
    ENABLE_PARTNER_ACCOUNT: ACTION_ENABLE_PARTNER_ACCOUNT,
    LICENSE_CHANGE_APPLY: ACTION_LICENSE_CHANGE_APPLY,
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
 * The actions whose readable name says the change happened ("Permission set assigned"), by the
 * name of the attempt ("Assign permission set"): what a Refused or Failed row reads as, since
 * nothing was changed. The other actions' names already name the attempt ("Activate site").
 */
const ATTEMPTS: Readonly<Record<string, string>> = {
    ACTIVATE_USER: ATTEMPT_ACTIVATE_USER,
    ENABLE_CONTENT_USER: ATTEMPT_ENABLE_CONTENT_USER,
    ASSIGN_PSL: ATTEMPT_ASSIGN_PSL,
    ASSIGN_PERMISSION_SET: ATTEMPT_ASSIGN_PERMISSION_SET,
    ASSIGN_SHARER_PERMISSION_SET: ATTEMPT_ASSIGN_SHARER_PERMISSION_SET,
    SEND_LOGIN_EMAIL: ATTEMPT_SEND_LOGIN_EMAIL,
    ENABLE_PARTNER_ACCOUNT: ATTEMPT_ENABLE_PARTNER_ACCOUNT,
    LICENSE_CHANGE_APPLY: ATTEMPT_LICENSE_CHANGE_APPLY,
};

/**
 * The Status__c of a change the assistant's policy refused: nothing was written (JobChain,
 * LicenseChangeService, UserEnablementService, UserDoctorFixService, ReadinessFixService).
 */
export const REFUSED_STATUS = 'Refused';

/** The Status__c of a change the platform refused (a failed DML, an exception). */
export const FAILED_STATUS = 'Failed';

/**
 * What a row's action reads as: its readable name and, for an unexpected error, the reference the
 * admin was shown, so that "Something went wrong. Reference: CCSA-..." finds its row. Given the
 * row's status (the details title passes the whole row), a Refused or Failed row names the attempt
 * and its outcome ("Assign permission set: refused"): nothing was changed, so the title must not
 * read as a change made. Without a status (the Action column, whose Status column sits beside it)
 * the name is the action's.
 */
export function rowActionLabel(
    row: Pick<HistoryRow, 'action' | 'error'> & Partial<Pick<HistoryRow, 'status'>>,
): string {
    const reference = errorReference(row);
    if (reference) {
        return formatLabel(ACTION_ERROR_REFERENCE, reference);
    }
    if (row.action && row.action !== ERROR_ACTION) {
        if (row.status === REFUSED_STATUS) {
            return formatLabel(ACTION_REFUSED, attemptLabel(row.action));
        }
        if (row.status === FAILED_STATUS) {
            return formatLabel(ACTION_FAILED, attemptLabel(row.action));
        }
    }
    return actionLabel(row.action);
}

/** The name of an action as an attempt ("Assign permission set"); else its readable name. */
export function attemptLabel(action: string | null | undefined): string {
    if (action && Object.prototype.hasOwnProperty.call(ATTEMPTS, action)) {
        return ATTEMPTS[action];
    }
    return actionLabel(action);
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

/**
 * The non-empty long fields of a row, in reading order, in words (`readableText`: a JSON record
 * field by field, a list item by item, ids replaced by names, never raw JSON; errors as written).
 * Before and After are left out when `fieldChanges` compares them (the panel shows the table);
 * what Before recorded that After does not repeat (the site a fix was made to, the log an attempt
 * belongs to) is listed then as "Also recorded", field by field. The row id of a confirmed or
 * cleared readiness step reads as the step's name.
 */
export function detailSections(row: HistoryRow, names?: NameMap | null): DetailSection[] {
    const comparison = compareSides(row.before, row.after, names);
    const step = readinessStepOf(row);
    const sections: DetailSection[] = [];
    if (step) {
        sections.push({ key: 'step', title: READINESS_STEP, text: readinessStepName(step.rowId), isError: false });
    }
    if (comparison && comparison.context.length > 0) {
        sections.push({
            key: 'context',
            title: CONTEXT,
            text: comparison.context.map((item) => `${item.field}: ${item.value}`).join('\n'),
            isError: false,
        });
    }
    const fields: [keyof HistoryRow, string][] = [
        ['before', BEFORE],
        ['after', AFTER],
        ['snapshot', SNAPSHOT],
        ['removed', REMOVED],
        ['restored', RESTORED],
        ['error', ERRORS],
    ];
    const shown = fields
        .filter(([field]) => !((comparison || step?.field === field) && (field === 'before' || field === 'after')))
        .map(([field, title]) => ({
            key: field,
            title,
            text:
                field === 'error'
                    ? withNames(prettyJson(row.error), names)
                    : readableText(row[field] as string | null | undefined, names),
            isError: field === 'error',
        }))
        .filter((section) => section.text !== '');
    return [...sections, ...shown];
}

/**
 * The readiness steps an admin confirms or clears by hand, by the row id Apex logs
 * (`ReadinessService.confirm`, `clearConfirmation`), named as the checklist names them.
 */
const READINESS_STEPS: Readonly<Record<string, string>> = {
    ADMIN_ROLE: ROW_ADMIN_ROLE,
    CCP_PROFILE: ROW_CCP_PROFILE,
    CCP_SEATS: ROW_CCP_SEATS,
    CONTRACT_SHARERS: ROW_CONTRACT_SHARERS,
    CONTRACTS_PERMISSION_SETS: ROW_CONTRACTS_PERMISSION_SETS,
    DIGITAL_EXPERIENCES: ROW_DIGITAL_EXPERIENCES,
    SITE: ROW_SITE,
    STANDARD_EXTERNAL_PROFILES: ROW_STANDARD_EXTERNAL_PROFILES,
};

/** The actions whose After (confirm) or Before (clear) is a readiness step's row id, as text. */
const STEP_FIELDS: Readonly<Record<string, 'before' | 'after'>> = {
    CONFIRM_READINESS_STEP: 'after',
    CLEAR_READINESS_CONFIRMATION: 'before',
};

function readinessStepOf(row: HistoryRow): { field: 'before' | 'after'; rowId: string } | null {
    const field =
        row.action && Object.prototype.hasOwnProperty.call(STEP_FIELDS, row.action) ? STEP_FIELDS[row.action] : null;
    const rowId = field ? (row[field] ?? '').trim() : '';
    return field && /^[A-Za-z0-9_]+$/.test(rowId) ? { field, rowId } : null;
}

/**
 * The name of a readiness step from its row id (`STANDARD_EXTERNAL_PROFILES`): the checklist's
 * name, or for a step this version does not know, the id in words ("Standard external profiles").
 */
export function readinessStepName(rowId: string): string {
    const id = rowId.trim();
    if (Object.prototype.hasOwnProperty.call(READINESS_STEPS, id)) {
        return READINESS_STEPS[id];
    }
    const words = id.replace(/_/g, ' ').toLowerCase().trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
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

export function toTableRow(
    row: HistoryRow,
    objectApiName?: string | null,
    noUser = '',
    names?: NameMap | null,
): HistoryTableRow {
    return {
        id: row.id,
        name: row.name,
        logUrl: logUrl(row.id, objectApiName),
        // The action's name: the Status column beside it says the outcome.
        action: rowActionLabel({ action: row.action, error: row.error }),
        status: row.status ?? '',
        targetUserName: rowSubject(row, names, noUser),
        targetUserUrl: subjectUrl(row),
        actingUserName: row.actingUserName ?? '',
        createdDate: row.createdDate ?? null,
    };
}

// ---------------------------------------------------------------------------------------------
// For people: names instead of ids, what changed instead of JSON, errors explained
// ---------------------------------------------------------------------------------------------

/** Names of the records a page mentions, by id (15 or 18 characters), as Apex resolves them. */
export type NameMap = Readonly<Record<string, string>>;

/** A Salesforce record id: 15 or 18 characters, letters and digits, not all digits. */
const RECORD_ID = /\b[a-zA-Z0-9]{3}[0-9][a-zA-Z0-9]{11}(?:[a-zA-Z0-9]{3})?\b/g;

/** The name of a record id, matched on its 18 or its first 15 characters; null when unknown. */
export function nameOf(id: string | null | undefined, names: NameMap | null | undefined): string | null {
    if (!id || !names) {
        return null;
    }
    return names[id] ?? names[id.slice(0, 15)] ?? null;
}

/**
 * The setup records Apex names by their key prefix, and how one it did not find reads: roles,
 * profiles, permission sets and permission set licenses are not hidden by sharing, so when Apex
 * read that kind for the page (`resolved:<prefix>` in the names, `HistoryService.resolveNames`)
 * an id without a name is a record the org no longer has. Prefixes are case-sensitive: 00E is a
 * role, 00e a profile.
 */
const DELETED_BY_PREFIX: Readonly<Record<string, string>> = {
    '00E': DELETED_ROLE,
    '0PL': DELETED_PERMISSION_SET_LICENSE,
    '00e': DELETED_PROFILE,
    '0PS': DELETED_PERMISSION_SET,
};

/** The key under which Apex says it read one kind of record for the page (`HistoryService.RESOLVED`). */
export const RESOLVED_PREFIX = 'resolved:';

/**
 * What an id without a name reads as: "Deleted role (00E...)" when Apex read the page's roles and
 * found none with that id; null when the kind is not one of those or was not read (the admin
 * lacks the permission, or an older server), so that the id is shown as it is.
 * @param id the record id
 * @param names the page's names
 * @returns the text, or null
 */
export function missingName(id: string, names: NameMap | null | undefined): string | null {
    const prefix = id.slice(0, 3);
    if (!names || !Object.prototype.hasOwnProperty.call(DELETED_BY_PREFIX, prefix)) {
        return null;
    }
    return names[`${RESOLVED_PREFIX}${prefix}`] ? formatLabel(DELETED_BY_PREFIX[prefix], id) : null;
}

/**
 * Text with every id that has a name replaced by the name, a role, profile, permission set or
 * permission set license the org no longer has by "Deleted role (id)" and the like; other
 * unknown ids stay as written.
 */
export function withNames(text: string, names: NameMap | null | undefined): string {
    return text.replace(RECORD_ID, (id) => nameOf(id, names) ?? missingName(id, names) ?? id);
}

/**
 * The user filter's picker rows: a contact (a refused or failed enable named only its contact)
 * has no username, so its username column says it is a contact.
 * @param rows the people `HistoryController.searchHistoryUsers` returned
 * @param contactText what the username column reads for a contact
 * @returns the rows to show
 */
export function pickerRows<T extends { id: string; username?: string | null }>(
    rows: readonly T[],
    contactText: string,
): T[] {
    return rows.map((row) => (row.id.startsWith('003') && !row.username ? { ...row, username: contactText } : row));
}

/** One row of the comparison: a field, its value before and after, in words. */
export interface FieldChange {
    key: string;
    field: string;
    before: string;
    after: string;
}

/** A field Before recorded that After does not repeat: context of the change, not a change. */
export interface RecordedField {
    key: string;
    field: string;
    value: string;
}

function parseObject(text: string | null | undefined): Record<string, unknown> | null {
    const trimmed = (text ?? '').trim();
    if (!trimmed.startsWith('{')) {
        return null;
    }
    try {
        const value: unknown = JSON.parse(trimmed);
        return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
        return null;
    }
}

/** "permissionSetIds" and "PermissionSetIds" read "Permission sets"; "ProfileId" reads "Profile". */
export function fieldName(key: string): string {
    const words = key
        .replace(/Ids$/, 's')
        .replace(/Id$/, '')
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/_/g, ' ')
        .trim()
        .toLowerCase();
    return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The names the writers log beside an id under another name than `<prefix>Name`: a site fix's
 * `networkId` and `siteName`, a member fix's `profileId` and `memberName` (ReadinessFixService).
 */
const NAME_ALIASES: Readonly<Record<string, readonly string[]>> = {
    network: ['sitename'],
    profile: ['membername'],
};

/** One field of a side, its id and the name the side gives it read as one. */
interface SideField {
    key: string;
    /** What is compared: the id, or the name when the side gives no id. */
    value: unknown;
    display: string;
}

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';

/**
 * The fields of one side, lower-cased key first. An id logged beside its name (`roleId` and
 * `roleName`, `networkId` and `siteName`) is one field shown by the name; without a name it is
 * shown by the page's name for the id, else as the id.
 */
function sideFields(side: Record<string, unknown>, names: NameMap | null | undefined): Map<string, SideField> {
    const keys = new Map(Object.keys(side).map((key) => [key.toLowerCase(), key]));
    const pairs = new Map<string, string>();
    for (const key of Object.keys(side)) {
        const prefix = /^(.+)id$/i.exec(key)?.[1]?.toLowerCase();
        const nameKey = prefix
            ? [`${prefix}name`, ...(NAME_ALIASES[prefix] ?? [])].map((candidate) => keys.get(candidate)).find(Boolean)
            : undefined;
        if (nameKey) {
            pairs.set(key, nameKey);
        }
    }
    const folded = new Set(pairs.values());
    const fields = new Map<string, SideField>();
    for (const [key, value] of Object.entries(side)) {
        if (folded.has(key) && !pairs.has(key)) {
            continue;
        }
        const nameKey = pairs.get(key);
        const name = nameKey ? side[nameKey] : undefined;
        const hasName = typeof name === 'string' && name.trim() !== '';
        fields.set(key.toLowerCase(), {
            key,
            value: isBlank(value) && hasName ? name : value,
            display: hasName ? name : displayValue(value, names),
        });
    }
    return fields;
}

/**
 * The name of a key of a logged record: a record id used as a key (the snapshot's
 * `expirationDates`, by permission set) reads as the record's name, any other key in words.
 */
function keyName(key: string, names: NameMap | null | undefined): string {
    return new RegExp(`^${RECORD_ID.source}$`).test(key) ? withNames(key, names) : fieldName(key);
}

function displayValue(value: unknown, names: NameMap | null | undefined): string {
    if (isBlank(value)) {
        return EMPTY_VALUE;
    }
    if (typeof value === 'boolean') {
        // A flag (the attempt's `profileChanged`, the Contracts setup's `complete`) in words, not `true`.
        return value ? VALUE_YES : VALUE_NO;
    }
    if (Array.isArray(value)) {
        return value.length === 0 ? EMPTY_VALUE : value.map((item) => displayValue(item, names)).join(', ');
    }
    if (typeof value === 'object') {
        // A nested record (the Contracts setup of a license change): its fields in words.
        const fields = [...sideFields(value as Record<string, unknown>, names).values()];
        return fields.length === 0
            ? EMPTY_VALUE
            : fields.map((field) => `${keyName(field.key, names)}: ${field.display}`).join('; ');
    }
    return withNames(String(value), names);
}

/**
 * A long field of a log in words: a JSON record one field a line ("Target profile: Customer
 * Community Plus User"; an id and the name logged beside it as one field, as the comparison reads
 * them), a JSON list one item a line, an empty one "(none)", ids replaced by names, flags as
 * Yes or No. The license change's Snapshot, Removed and Restored are JSON the admin never reads
 * as such. Text that is not JSON stays as written, ids replaced by names; blank is ''.
 * @param text the field as logged
 * @param names the page's names
 * @returns the text to show
 */
export function readableText(text: string | null | undefined, names?: NameMap | null): string {
    const trimmed = (text ?? '').trim();
    if (trimmed === '') {
        return '';
    }
    let value: unknown;
    try {
        value = /^[[{"]/.test(trimmed) ? JSON.parse(trimmed) : undefined;
    } catch {
        value = undefined;
    }
    if (value === undefined) {
        return withNames(text as string, names);
    }
    if (Array.isArray(value)) {
        return value.length === 0 ? EMPTY_VALUE : value.map((item) => displayValue(item, names)).join('\n');
    }
    if (value && typeof value === 'object') {
        const fields = [...sideFields(value as Record<string, unknown>, names).values()];
        return fields.length === 0
            ? EMPTY_VALUE
            : fields.map((field) => `${keyName(field.key, names)}: ${field.display}`).join('\n');
    }
    return displayValue(value, names);
}

/**
 * What the readiness and doctor fixes change, by the `fix` their After names: they log the state
 * before (`ReadinessFixService.updateSite`: the site's Status and OptionsShowAllNetworkSettings)
 * and `{fix, ok: true}` after, so the state after is the state before with the fix's field set.
 */
const FIX_EFFECTS: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
    ACTIVATE_SITE: { Status: 'Live' },
    SHOW_ALL_SETTINGS: { OptionsShowAllNetworkSettings: true },
};

/** The fix an After of a fix names (`{"fix": "SHOW_ALL_SETTINGS", "ok": true}`), or null. */
function fixOf(after: Record<string, unknown>): string | null {
    const entries = Object.entries(after).map(([key, value]) => [key.toLowerCase(), value] as const);
    const fix = entries.find(([key]) => key === 'fix')?.[1];
    return typeof fix === 'string' && entries.every(([key]) => key === 'fix' || key === 'ok') ? fix : null;
}

/**
 * Before and After side by side: the fields that differ (changes) and the fields Before recorded
 * that After does not mention (context: what the change was about, not something removed).
 * After a fix, its internal `fix` and `ok` give way to the field the fix sets.
 */
function compareSides(
    before: string | null | undefined,
    after: string | null | undefined,
    names: NameMap | null | undefined,
): { changes: FieldChange[]; context: RecordedField[] } | null {
    const was = parseObject(before) ?? (before ? null : {});
    const parsedAfter = parseObject(after) ?? (after ? null : {});
    if (!was || !parsedAfter || (!before && !after)) {
        return null;
    }
    const fix = fixOf(parsedAfter);
    const is = fix === null ? parsedAfter : { ...(FIX_EFFECTS[fix] ?? {}) };
    const wasFields = sideFields(was, names);
    const isFields = sideFields(is, names);
    const same = (a: unknown, b: unknown): boolean => {
        if (Array.isArray(a) && Array.isArray(b)) {
            return a.length === b.length && a.every((item) => b.includes(item));
        }
        return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
    };
    const changes: FieldChange[] = [];
    const context: RecordedField[] = [];
    for (const [lower, field] of wasFields) {
        const next = isFields.get(lower);
        if (!next) {
            context.push({ key: field.key, field: fieldName(field.key), value: field.display });
        } else if (!same(field.value, next.value)) {
            changes.push({ key: field.key, field: fieldName(field.key), before: field.display, after: next.display });
        }
    }
    for (const [lower, field] of isFields) {
        if (!wasFields.has(lower)) {
            changes.push({ key: field.key, field: fieldName(field.key), before: EMPTY_VALUE, after: field.display });
        }
    }
    return { changes, context };
}

/**
 * The fields that differ between a log's Before and After, in words: ids become names (the name
 * the side logs beside the id, else the page's), lists are compared as sets, keys match whatever
 * their case (`contactId` and `ContactId` are one field), nested records read as their fields.
 * A field only Before holds is context, not a change (`detailSections` lists it). After a fix
 * (`{fix, ok}`) the fix's field is compared, not the internal keys.
 * Null when either side is not a JSON object: the panel shows the text as it is then.
 * @param before the log's Before__c
 * @param after the log's After__c
 * @param names the page's names
 * @returns the changed fields, in the order they appear
 */
export function fieldChanges(
    before: string | null | undefined,
    after: string | null | undefined,
    names?: NameMap | null,
): FieldChange[] | null {
    return compareSides(before, after, names)?.changes ?? null;
}

/**
 * The names a page gives: Apex's (`HistoryPage.names`), and each listed log's name by its id, so
 * that a log naming another (an attempt's `licenseChangeLogId`) reads "LOG-0000007".
 */
export function pageNames(page: HistoryPage | null | undefined): NameMap | null {
    if (!page) {
        return null;
    }
    const names: Record<string, string> = { ...((page.names as NameMap | null | undefined) ?? {}) };
    for (const row of page.rows ?? []) {
        if (row.id && row.name) {
            names[row.id] ??= row.name;
            names[row.id.slice(0, 15)] ??= row.name;
        }
    }
    return names;
}

/**
 * The page of who a row is about: its user's, or, for an enable that created no user, its
 * contact's, or else the user Before names (a refused change, or a fix logged without
 * Target_User__c): the table's User column is a link, without one it would show no name at all.
 * @param row the log row
 * @returns the record page, or null when the row is about nobody
 */
export function subjectUrl(row: HistoryRow): string | null {
    if (row.targetUserId) {
        return userUrl(row.targetUserId);
    }
    const before = parseObject(row.before);
    const contactId = before?.contactId ?? before?.ContactId;
    if (typeof contactId === 'string' && contactId) {
        return `/lightning/r/Contact/${contactId}/view`;
    }
    return userUrl(beforeUserId(before));
}

/**
 * The user Before names when Target_User__c is empty: a change the job refused names the user in
 * Before's `userId` only (nothing was done to them, JobChain); a fix may be logged without
 * Target_User__c too (the preview's contract sharers), its Before naming `userId` and `userName`.
 */
function beforeUserId(before: Record<string, unknown> | null | undefined): string | null {
    const userId = before?.userId ?? before?.UserId;
    return typeof userId === 'string' && userId ? userId : null;
}

/** The name Before gives its user (`userName`), or null. */
function beforeUserName(before: Record<string, unknown> | null | undefined): string | null {
    const name = before?.userName ?? before?.UserName;
    return typeof name === 'string' && name.trim() ? name : null;
}

/**
 * Who a row is about: its user, or for an enable that created no user, its contact (named from
 * Before's `contactId`), so that a failed enable names its contact; else the user Before names.
 * Only a row whose outcome is Refused is worded "Refused for {0}": nothing was done to that user
 * (the user filter finds the row all the same, by the Subject fields the log writer fills), so the cell must not
 * read as if the row were a change made to that user. A Completed or Failed row names its user
 * plainly, as the rows with a target user do.
 * @param row the log row
 * @param names the page's names
 * @param noUser the text when the row is about nobody
 * @returns the name to show
 */
export function rowSubject(row: HistoryRow, names?: NameMap | null, noUser = ''): string {
    if (row.targetUserId || row.targetUserName) {
        return row.targetUserName ?? nameOf(row.targetUserId, names) ?? row.targetUserId ?? noUser;
    }
    const before = parseObject(row.before);
    const contactId = (before?.contactId ?? before?.ContactId) as string | undefined;
    if (typeof contactId === 'string' && contactId) {
        return formatLabel(CONTACT_OF_FAILED, nameOf(contactId, names) ?? contactId);
    }
    const userId = beforeUserId(before);
    if (!userId) {
        return noUser;
    }
    const name = nameOf(userId, names) ?? beforeUserName(before) ?? userId;
    return row.status === REFUSED_STATUS ? formatLabel(REFUSED_FOR, name) : name;
}

/** Refusals of SetupAssistantPolicy (force-app/main/policy): the assistant wrote nothing. */
export const POLICY_CODES: ReadonlySet<string> = new Set([
    'ACCOUNT_NOT_IN_CHANGE',
    'ACCOUNT_OWNER_WITHOUT_ROLE',
    'CONTACT_NOT_FOUND',
    'JOB_NOT_OWNED',
    'LOG_NOT_FOUND',
    'LOG_NOT_OPEN',
    'LOG_NOT_OWNED',
    'LOG_TARGET_MISMATCH',
    'PARTNER_ACCOUNT_NOT_ENABLED',
    'PATH_NOT_PROFILE_CHANGE',
    'PERMISSION_SET_GROUP_NOT_ALLOWED',
    'PERMISSION_SET_LICENSE_NOT_ALLOWED',
    'PERMISSION_SET_NOT_ALLOWED',
    'PERMISSION_SET_NOT_FOUND',
    'PERMISSION_SET_PRIVILEGED',
    'PERSON_ACCOUNTS_OVER_LIMIT',
    'PROFILE_INTERNAL',
    'PROFILE_NOT_ENABLE_LICENSE',
    'PROFILE_NOT_FOUND',
    'PROFILE_NOT_TARGET_LICENSE',
    'ROLE_BASED_BATCH_TOO_LARGE',
    'ROLE_NOT_ALLOWED',
    'SITE_MEMBER_NOT_ALLOWED',
    'SITE_NOT_FOUND',
    'UNFINISHED_CHANGE',
    'USER_DUPLICATE',
    'USER_INACTIVE',
    'USER_NOT_EXTERNAL',
    'USER_NOT_FOUND',
    'USER_NOT_INTERNAL',
]);

/** The license a row is about: `licenseName` in After or Before, else the license of the profile named there. */
function licenseOf(row: HistoryRow, names?: NameMap | null): string | null {
    for (const side of [parseObject(row.after), parseObject(row.before), parseObject(row.snapshot)]) {
        if (!side) continue;
        const entries = Object.entries(side);
        const license = entries.find(([key]) => key.toLowerCase() === 'licensename')?.[1];
        if (typeof license === 'string' && license) {
            return license;
        }
    }
    for (const side of [parseObject(row.after), parseObject(row.snapshot)]) {
        const profileId = side
            ? Object.entries(side).find(([key]) => ['profileid', 'targetprofileid'].includes(key.toLowerCase()))?.[1]
            : null;
        const license = typeof profileId === 'string' ? nameOf(`license:${profileId}`, names) : null;
        if (license) {
            return license;
        }
    }
    return null;
}

/** One explained error code. */
export interface ErrorExplanation {
    key: string;
    code: string;
    text: string;
}

/**
 * What each platform or policy code in a row's errors means and how to fix it, naming the
 * license concerned where the row says which (LICENSE_LIMIT_EXCEEDED). Codes are read at the
 * start of a line (`CODE: message`) or anywhere as a whole word; each is explained once.
 * @param row the log row
 * @param names the page's names (`license:<profile id>` gives a profile's license)
 * @returns the explanations, in the order the codes appear
 */
export function explainErrors(row: HistoryRow, names?: NameMap | null): ErrorExplanation[] {
    const text = row.error ?? '';
    const codes = [...new Set(text.match(/\b[A-Z][A-Z_]{5,}\b/g) ?? [])];
    const explained: ErrorExplanation[] = [];
    for (const code of codes) {
        let explanation: string | null = null;
        if (code === 'LICENSE_LIMIT_EXCEEDED' || code === 'LICENSE_LIMIT_EXCEPTION') {
            const license = licenseOf(row, names);
            explanation = license ? formatLabel(EXPLAIN_LICENSE_LIMIT, license) : EXPLAIN_LICENSE_LIMIT_UNKNOWN;
        } else if (code === 'DUPLICATE_USERNAME') {
            explanation = EXPLAIN_DUPLICATE_USERNAME;
        } else if (code === 'DUPLICATE_COMM_NICKNAME') {
            explanation = EXPLAIN_DUPLICATE_COMM_NICKNAME;
        } else if (code === 'PORTAL_USER_ALREADY_EXISTS_FOR_CONTACT') {
            explanation = EXPLAIN_PORTAL_USER_EXISTS;
        } else if (POLICY_CODES.has(code)) {
            explanation = formatLabel(EXPLAIN_POLICY, code);
        }
        if (explanation && !explained.some((item) => item.text === explanation)) {
            explained.push({ key: code, code, text: explanation });
        }
    }
    return explained;
}
