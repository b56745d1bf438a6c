import { LightningElement, api } from 'lwc';
import RUN_LOCKED_TEXT from '@salesforce/label/c.CCSA_Enable_Run_Locked';
import searchContacts from '@salesforce/apex/UserSetupController.searchContacts';
import getEnablementFacts from '@salesforce/apex/UserSetupController.getEnablementFacts';
import { SelectionModel } from 'c/selectionModel';
import { fetchInChunks, mergeEnablementFacts } from 'c/chunkedFacts';
import type { FetchProgress } from 'c/chunkedFacts';
import createAccountsAndContacts from '@salesforce/apex/UserSetupController.createAccountsAndContacts';
import findExistingCustomers from '@salesforce/apex/UserSetupController.findExistingCustomers';
import enableUsers from '@salesforce/apex/UserSetupController.enableUsers';
import { planEnablement, usernameSuffixProblem, DEFAULT_USERNAME_SUFFIX } from 'c/userEnablement';
import type { ContactFact, EnablementPlan, RowOverrides, WarningCode } from 'c/userEnablement';
import {
    NEW_CONTACT_PREFIX,
    blockedRows,
    customerDuplicate,
    customerMatches,
    enableChunkSize,
    enablementCsv,
    namePatterns,
    newCustomerFact,
    newCustomerProblem,
    toEnableRequest,
    toNewCustomer,
    toOrgFacts,
    DONE_STATUSES,
    OUTCOME_ORDER,
    editedSince,
    exactPatterns,
    lockedByRun,
    recordRun,
    retryFromPlan,
    licenseSeatsTakenByRun,
    missingCustomerFields,
    seatsTakenByRun,
    customerFieldsTooLong,
    CUSTOMER_FIELD_MAX_LENGTH,
    preferredProfileId,
} from 'c/enablementRun';
import type { CsvRow, CustomerChoice, CustomerField, CustomerMatch, RunRecord, TypedCustomer } from 'c/enablementRun';
import type { PlanColumn } from 'c/planTable';
import { HeldRowView, Memo, STATUS_ICONS, countOutcomes, rowsThatFit, seatsByLicense, viewRows } from 'c/planRows';
import type { RowStatus, SortDirection } from 'c/planRows';
import type { RowPlan } from 'c/userEnablement';
import { csvDataUrl } from 'c/csvExport';
import {
    fitLabel,
    planPageText,
    platformProblemMessage,
    problemMessage,
    profileOptionText,
    readyCountText,
    retryCountText,
    refusalProblemMessage,
    seatsLeftText,
    seatsNeededText,
    warningMessage,
} from 'c/enablementMessages';
import { runInChunks } from 'c/bulkRunner';
import { reduceErrors } from 'c/errorUtils';
import sendLoginEmails from '@salesforce/apex/UserDoctorController.sendLoginEmails';
import { enableResultOf, enableRow, startJobFromRows, waitForJob } from 'c/jobRunner';
import { isStopping, pendingOf, summaryText } from 'c/jobState';
import {
    focusIfLost,
    jobStartedEvent,
    revealStart,
    runCompletedEvent,
    startedRun,
    stoppedRun,
    unloadGuard,
} from 'c/runState';
import { formatLabel } from 'c/labelFormat';
import JOB_STOPPING_NOTICE from '@salesforce/label/c.CCSA_Job_Stopping_Notice';
import TITLE from '@salesforce/label/c.CCSA_Enable_Title';
import INTRO from '@salesforce/label/c.CCSA_Enable_Intro';
import SEARCH from '@salesforce/label/c.CCSA_Enable_Search';
import SEARCH_PLACEHOLDER from '@salesforce/label/c.CCSA_Enable_Search_Placeholder';
import SEARCH_BUTTON from '@salesforce/label/c.CCSA_Enable_Search_Button';
import NO_CONTACTS from '@salesforce/label/c.CCSA_Enable_No_Contacts';
import MORE from '@salesforce/label/c.CCSA_Enable_More';
import NEW_CUSTOMER from '@salesforce/label/c.CCSA_Enable_New_Customer';
import ACCOUNT_NAME from '@salesforce/label/c.CCSA_Enable_Account_Name';
import FIRST_NAME from '@salesforce/label/c.CCSA_Enable_First_Name';
import LAST_NAME from '@salesforce/label/c.CCSA_Enable_Last_Name';
import EMAIL from '@salesforce/label/c.CCSA_Enable_Email';
import ADD_CUSTOMER from '@salesforce/label/c.CCSA_Enable_Add_Customer';
import PROFILE from '@salesforce/label/c.CCSA_Enable_Profile';
import SUFFIX from '@salesforce/label/c.CCSA_Enable_Suffix';
import CHECK from '@salesforce/label/c.CCSA_Enable_Check';
import RUN from '@salesforce/label/c.CCSA_Enable_Run';
import RETRY from '@salesforce/label/c.CCSA_Enable_Retry';
import EXPORT from '@salesforce/label/c.CCSA_Enable_Export';
import PROGRESS from '@salesforce/label/c.CCSA_Enable_Progress';
import PLAN from '@salesforce/label/c.CCSA_Enable_Plan';
import RESULTS from '@salesforce/label/c.CCSA_Enable_Results';
import COLUMN_CONTACT from '@salesforce/label/c.CCSA_Enable_Column_Contact';
import COLUMN_ACCOUNT from '@salesforce/label/c.CCSA_Enable_Column_Account';
import COLUMN_USER from '@salesforce/label/c.CCSA_Enable_Column_User';
import COLUMN_RESULT_USER from '@salesforce/label/c.CCSA_Enable_Column_Result_User';
import OPEN_USER from '@salesforce/label/c.CCSA_Enable_Open_User';
import COLUMN_USERNAME from '@salesforce/label/c.CCSA_Enable_Column_Username';
import COLUMN_NICKNAME from '@salesforce/label/c.CCSA_Enable_Column_Nickname';
import COLUMN_ALIAS from '@salesforce/label/c.CCSA_Enable_Column_Alias';
import COLUMN_CHECK from '@salesforce/label/c.CCSA_Enable_Column_Check';
import COLUMN_STATUS from '@salesforce/label/c.CCSA_Enable_Column_Status';
import COLUMN_PROBLEMS from '@salesforce/label/c.CCSA_Enable_Column_Problems';
import READY from '@salesforce/label/c.CCSA_Enable_Ready';
import LOAD_ERROR from '@salesforce/label/c.CCSA_Enable_Load_Error';
import RUN_ERROR from '@salesforce/label/c.CCSA_Enable_Run_Error';
import STATUS_CREATED from '@salesforce/label/c.CCSA_Enable_Status_Created';
import STATUS_EXISTING from '@salesforce/label/c.CCSA_Enable_Status_Existing';
import STATUS_INCOMPLETE from '@salesforce/label/c.CCSA_Enable_Status_Incomplete';
import STATUS_FAILED from '@salesforce/label/c.CCSA_Enable_Status_Failed';
import STATUS_REFUSED from '@salesforce/label/c.CCSA_Enable_Status_Refused';
import STATUS_BLOCKED from '@salesforce/label/c.CCSA_Enable_Status_Blocked';
import USE_EXISTING from '@salesforce/label/c.CCSA_Enable_Use_Existing';
import CREATE_NEW from '@salesforce/label/c.CCSA_Enable_Create_New';
import EDIT_CUSTOMER from '@salesforce/label/c.CCSA_Enable_Edit_Customer';
import REMOVE_CUSTOMER from '@salesforce/label/c.CCSA_Enable_Remove_Customer';
import CREATING_NEW from '@salesforce/label/c.CCSA_Enable_Creating_New';
import USING_ACCOUNT from '@salesforce/label/c.CCSA_Enable_Using_Account';
import CUSTOMER_EMAIL_INVALID from '@salesforce/label/c.CCSA_Enable_Customer_Email_Invalid';
import CUSTOMER_TOO_LONG from '@salesforce/label/c.CCSA_Enable_Customer_Too_Long';
import SELECTION_NOT_CHECKED from '@salesforce/label/c.CCSA_Enable_Selection_Not_Checked';
import SELECTION_NOT_CHECKED_ONE from '@salesforce/label/c.CCSA_Enable_Selection_Not_Checked_One';
import CUSTOMER_REMOVED from '@salesforce/label/c.CCSA_Enable_Customer_Removed';
import ADD_CUSTOMER_NEEDS from '@salesforce/label/c.CCSA_Enable_Add_Customer_Needs';
import ROW_NOTE from '@salesforce/label/c.CCSA_Enable_Row_Note';
import VALUE_NOW from '@salesforce/label/c.CCSA_Enable_Value_Now';
import VALUE_BACK from '@salesforce/label/c.CCSA_Enable_Value_Back';
import CONTENT_USER from '@salesforce/label/c.CCSA_Enable_Content_User';
import COLUMN_CONTENT from '@salesforce/label/c.CCSA_Enable_Column_Content';
import CHECKING from '@salesforce/label/c.CCSA_Enable_Checking';
import PLAN_STATUS_READY from '@salesforce/label/c.CCSA_Plan_Status_ready';
import PLAN_STATUS_WARNING from '@salesforce/label/c.CCSA_Plan_Status_warning';
import PLAN_STATUS_PROBLEM from '@salesforce/label/c.CCSA_Plan_Status_problem';
import PLAN_STATUS_CHECKING from '@salesforce/label/c.CCSA_Plan_Status_checking';
import PLAN_STATUS_DONE from '@salesforce/label/c.CCSA_Plan_Status_done';
import PLAN_STATUS_FAILED from '@salesforce/label/c.CCSA_Plan_Status_failed';
import PLAN_STATUS_NOT_RUN from '@salesforce/label/c.CCSA_Plan_Status_notRun';
import PLAN_STATUS_UNFINISHED from '@salesforce/label/c.CCSA_Plan_Status_unfinished';
import UNFINISHED_CHECK from '@salesforce/label/c.CCSA_Plan_Unfinished_Check';
import PLAN_PROBLEMS_ONLY from '@salesforce/label/c.CCSA_Plan_Problems_Only';
import PLAN_REMOVE from '@salesforce/label/c.CCSA_Plan_Remove';
import PLAN_COLUMN_STATUS from '@salesforce/label/c.CCSA_Plan_Column_Status';
import PLAN_UNSAVED_RUN from '@salesforce/label/c.CCSA_Plan_Unsaved_Run';
import CUSTOMER_EDIT_RUN from '@salesforce/label/c.CCSA_Enable_Customer_Edit_Run';
import SUMMARY_CREATED from '@salesforce/label/c.CCSA_Enable_Summary_Created';
import SUMMARY_EXISTING from '@salesforce/label/c.CCSA_Enable_Summary_Existing';
import SUMMARY_INCOMPLETE from '@salesforce/label/c.CCSA_Enable_Summary_Incomplete';
import SUMMARY_FAILED from '@salesforce/label/c.CCSA_Enable_Summary_Failed';
import SUMMARY_REFUSED from '@salesforce/label/c.CCSA_Enable_Summary_Refused';
import SUMMARY_NOT_RUN from '@salesforce/label/c.CCSA_Enable_Summary_NotRun';
import SUMMARY_UNFINISHED from '@salesforce/label/c.CCSA_Enable_Summary_Unfinished';
import SUMMARY_BLOCKED from '@salesforce/label/c.CCSA_Enable_Summary_Blocked';
import STEP_CUSTOMERS from '@salesforce/label/c.CCSA_Enable_Step_Customers';
import STEP_USERS from '@salesforce/label/c.CCSA_Enable_Step_Users';
import STEP_RETRY from '@salesforce/label/c.CCSA_Enable_Step_Retry';
import STATUS_QUEUED from '@salesforce/label/c.CCSA_Enable_Status_Queued';
import QUEUED_CHECK from '@salesforce/label/c.CCSA_Enable_Queued_Check';
import STEP_JOB from '@salesforce/label/c.CCSA_Enable_Step_Job';
import JOB_STARTED from '@salesforce/label/c.CCSA_Enable_Job_Started';
import JOB_STOPPED from '@salesforce/label/c.CCSA_Enable_Job_Stopped';
import LOGIN_EMAIL from '@salesforce/label/c.CCSA_Enable_Login_Email';
import LOGIN_EMAIL_HELP from '@salesforce/label/c.CCSA_Enable_Login_Email_Help';
import LOGIN_EMAIL_SENT from '@salesforce/label/c.CCSA_Enable_Login_Email_Sent';
import LOGIN_EMAIL_REFUSED from '@salesforce/label/c.CCSA_Enable_Login_Email_Refused';
import SAVE_CUSTOMER from '@salesforce/label/c.CCSA_Enable_Save_Customer';
import CANCEL_CUSTOMER from '@salesforce/label/c.CCSA_Enable_Cancel_Customer';
import CUSTOMER_EDITING from '@salesforce/label/c.CCSA_Enable_Customer_Editing';
import CUSTOMER_FORM_BUSY from '@salesforce/label/c.CCSA_Enable_Customer_Form_Busy';
import CUSTOMER_FORM_BUSY_NEW from '@salesforce/label/c.CCSA_Enable_Customer_Form_Busy_New';
import CLEAR_CUSTOMER from '@salesforce/label/c.CCSA_Enable_Clear_Customer';
import CUSTOMER_SAVED from '@salesforce/label/c.CCSA_Enable_Customer_Saved';
import CUSTOMERS_NOT_CHECKED from '@salesforce/label/c.CCSA_Enable_Customers_Not_Checked';
import CUSTOMERS_NOT_CHECKED_ONE from '@salesforce/label/c.CCSA_Enable_Customers_Not_Checked_One';
import ORG_CHANGED from '@salesforce/label/c.CCSA_Enable_Org_Changed';
import NOT_FOUND from '@salesforce/label/c.CCSA_Enable_Not_Found';
import NOT_FOUND_ONE from '@salesforce/label/c.CCSA_Enable_Not_Found_One';
import IGNORED_IDS from '@salesforce/label/c.CCSA_Enable_Ignored_Ids';
import CUSTOMER_ALREADY_LISTED from '@salesforce/label/c.CCSA_Enable_Customer_Already_Listed';
import FIT_NAMES from '@salesforce/label/c.CCSA_Upgrade_Fit_Names';
import FIT_MORE from '@salesforce/label/c.CCSA_Upgrade_Fit_More';

type ContactOption = Apex.UserSetupService.ContactFact;
/** A contact as the picker lists and the selection keeps it: the fact, and its name for the columns and pills. */
type ContactRow = ContactOption & { name: string };

const contactRow = (contact: ContactOption): ContactRow => ({
    ...contact,
    // `Contact.Name` as Apex reads it: the name shown, and the search's paging cursor.
    name: contact.name || [contact.firstName, contact.lastName].filter(Boolean).join(' '),
});
/** A contact a run created for a typed customer, as the picker shows a selected contact: by its name. */
const createdContactRow = (contact: ContactFact): ContactRow =>
    contactRow({
        id: contact.id,
        firstName: contact.firstName,
        lastName: contact.lastName,
        email: contact.email,
        accountId: contact.accountId,
        accountName: contact.accountName,
        accountOwnerHasRole: contact.accountOwnerHasRole,
    });
type EnablementFacts = Apex.UserSetupService.EnablementFacts;
type NewCustomer = Apex.UserSetupService.NewCustomer;
type CustomerMatches = Apex.UserSetupService.CustomerMatches;
type EnableRequest = Apex.UserEnablementService.EnableRequest;
type EnableResult = Apex.UserEnablementService.EnableResult;

const STATUS_LABELS: Readonly<Record<string, string>> = {
    Created: STATUS_CREATED,
    Existing: STATUS_EXISTING,
    Incomplete: STATUS_INCOMPLETE,
    Failed: STATUS_FAILED,
    Refused: STATUS_REFUSED,
};

/** A row the server's policy refused: nothing was written for it, and a retry is refused again. */
const REFUSED = 'Refused';

/** The sentences of a result's problems: the policy's refusal, or the platform's error with its fix. */
function resultProblemMessages(result: EnableResult): string[] {
    return result.problems.map(result.status === REFUSED ? refusalProblemMessage : platformProblemMessage);
}

/** Columns the admin may edit on a planned row: the derived values most likely to need it. */
const EDITABLE = new Set(['Username', 'CommunityNickname', 'Alias']);
/** The form's required fields by name, worded as their inputs are labelled. */
const CUSTOMER_FIELD_LABELS: Readonly<Record<CustomerField, string>> = {
    accountName: ACCOUNT_NAME,
    firstName: FIRST_NAME,
    lastName: LAST_NAME,
    email: EMAIL,
};
/** The form's fields, in its order. */
const CUSTOMER_FIELDS: readonly CustomerField[] = ['accountName', 'firstName', 'lastName', 'email'];

/** The "New customer" form, blank. */
const blankCustomer = (): NewCustomer => ({ accountName: '', firstName: '', lastName: '', email: '' });

/** A form field's text as a customer keeps it: no surrounding spaces. */
const fieldText = (customer: NewCustomer, field: CustomerField): string => (customer[field] ?? '').trim();

/** The form's customer as a typed row keeps it: each text without surrounding spaces. */
const trimmedCustomer = (customer: NewCustomer): NewCustomer => ({
    accountName: fieldText(customer, 'accountName'),
    firstName: fieldText(customer, 'firstName'),
    lastName: fieldText(customer, 'lastName'),
    email: fieldText(customer, 'email'),
});

/** Whether two customers hold the same text in every field (surrounding spaces aside). */
const sameCustomer = (a: NewCustomer, b: NewCustomer): boolean =>
    CUSTOMER_FIELDS.every((field) => fieldText(a, field) === fieldText(b, field));

/**
 * Whether two typed values match the same records (an email, an account name): `c/enablementRun`
 * customerMatches compares them without case and surrounding spaces.
 */
const sameMatchKey = (a: string | null | undefined, b: string | null | undefined): boolean =>
    (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();

/**
 * An account name as the panel matches it to the org's accounts: without case, surrounding spaces
 * or one trailing period ("nimbus freight co" is "Nimbus Freight Co."). Kept simple on purpose:
 * Salesforce's standard account duplicate rule matches more fuzzily (abbreviations, word order),
 * and may still block a save the assistant did not foresee; the run then says so on the row.
 * @param name an account name
 * @returns its matching key
 */
export function accountKey(name: string | null | undefined): string {
    return (name ?? '').trim().replace(/\.$/, '').trim().toLowerCase();
}

/**
 * The other spelling of an account name for the org's lookup (`Name IN :names` compares without
 * case only): with a trailing period when it has none, without it when it has one.
 * @param name an account name as typed
 * @returns that other spelling, or '' for a blank name
 */
function otherAccountSpelling(name: string): string {
    const text = name.trim();
    if (!text || text === '.') {
        return '';
    }
    return text.endsWith('.') ? text.slice(0, -1).trim() : `${text}.`;
}

/** Customers `findExistingCustomers` takes in one call (`UserSetupService.MAX_ROWS`). */
const MATCH_LOOKUP_SIZE = 200;

/** Derived values that an edit on another row can move (typed values are reserved first), with their column. */
const MOVABLE_FIELDS: ReadonlyArray<['Username' | 'CommunityNickname', string]> = [
    ['Username', COLUMN_USERNAME],
    ['CommunityNickname', COLUMN_NICKNAME],
];
/** The notes of a derived value that a value typed on another row moved: they say which row. */
const CHANGED_FOR_TYPED: ReadonlySet<WarningCode> = new Set<WarningCode>([
    'USERNAME_CHANGED_FOR_TYPED',
    'NICKNAME_CHANGED_FOR_TYPED',
]);
/** The per-row "Salesforce CRM Content User" checkbox (a boolean draft value). */
const CONTENT_FIELD = 'UserPermissionsSFContentUser';

const userUrl = (userId: string): string => `/lightning/r/User/${userId}/view`;

/** A Salesforce id's first 15 characters: the same record whether it came with 15 or 18. */
function idKey(id: string): string {
    return id.slice(0, 15);
}

/** After a run the admin started: Retry, else the export, else the plan. */
const RUN_FOCUS = ['lightning-button.retry', 'a.export', 'section.plan h2.plan-heading'];

/** The words of each row status (`c/planRows`). */
const ROW_STATUS_LABELS: Readonly<Record<RowStatus, string>> = {
    ready: PLAN_STATUS_READY,
    warning: PLAN_STATUS_WARNING,
    problem: PLAN_STATUS_PROBLEM,
    checking: PLAN_STATUS_CHECKING,
    done: PLAN_STATUS_DONE,
    failed: PLAN_STATUS_FAILED,
    notRun: PLAN_STATUS_NOT_RUN,
    unfinished: PLAN_STATUS_UNFINISHED,
    queued: STATUS_QUEUED,
};

/** The summary's words per outcome, in `OUTCOME_ORDER`, then the rows the run left out. */
const SUMMARY_LABELS: Readonly<Record<string, string>> = {
    Created: SUMMARY_CREATED,
    Existing: SUMMARY_EXISTING,
    Incomplete: SUMMARY_INCOMPLETE,
    Failed: SUMMARY_FAILED,
    Refused: SUMMARY_REFUSED,
    Unfinished: SUMMARY_UNFINISHED,
    NotRun: SUMMARY_NOT_RUN,
    Blocked: SUMMARY_BLOCKED,
};

/**
 * A row whose request is in a job (queued, or held by a job that stopped): the values sent, locked.
 * @param check the check column's label and the job's name
 */
function sentRow(
    key: string,
    name: string,
    sent: EnableRequest,
    status: RowStatus,
    statusText: string,
    [check, jobName]: [string, string],
): PlanTableRow {
    return {
        key,
        status,
        statusText,
        statusIcon: STATUS_ICONS[status],
        name,
        Username: sent.Username ?? '',
        CommunityNickname: sent.CommunityNickname ?? '',
        Alias: sent.Alias ?? '',
        [CONTENT_FIELD]: !!sent.UserPermissionsSFContentUser,
        check: formatLabel(check, jobName),
        editable: false,
    };
}

/** Selection problems "Enable the N that fit" answers: only seats are short. */
const SEAT_PROBLEMS: ReadonlySet<string> = new Set(['NOT_ENOUGH_LICENSE_SEATS', 'NOT_ENOUGH_PSL_SEATS']);
/** The seat key of the profile's user license among the permission set license ids. */
const LICENSE_SEAT = 'license';

/**
 * Above this many rows a run belongs to the server-side job engine (issue 10 §3), not to this
 * browser: `runRows` starts a job (`c/jobRunner`) and the rows wait in it. At or below, the
 * browser runs them in chunks with the step and "n of N". As `c/jobState.JOB_THRESHOLD`.
 */
export const BROWSER_RUN_LIMIT = 200;

/** How often the panel reads the job it started, until the job ends. */
const JOB_POLL_MS = 3000;

/** The job a run of more than {@link BROWSER_RUN_LIMIT} rows started: its rows wait in it. */
interface QueuedJob {
    id: string;
    name: string;
    /** The requests sent, by contact id: the rows show "Queued in job …" until the job ends. */
    requests: Map<string, EnableRequest>;
}

/** A row of the plan as the table shows it. */
interface PlanTableRow {
    key: string;
    status: RowStatus;
    statusText: string;
    statusIcon: string;
    name: string;
    Username: string;
    CommunityNickname: string;
    Alias: string;
    UserPermissionsSFContentUser: boolean;
    check: string;
    editable: boolean;
}

/**
 * "Enable users" in the Setup Assistant, and the body of the "Enable Portal User" quick action:
 * pick contacts (or receive them), type new customers, check the derived values and problems
 * (`c/userEnablement`), edit what needs it, run in chunks of 200 with a progress bar, see each
 * row's result with its fix, retry the failed rows, and export the results.
 */
export default class EnableUsers extends LightningElement {
    /** Contacts handed over by the quick action or a list view button: checked at once. */
    @api
    get contactIds(): string[] | undefined {
        return this.handedOver;
    }
    set contactIds(ids: string[] | undefined) {
        this.handedOver = ids;
        if (this.connected && ids && ids.length > 0) {
            // Handed over: selected (with whatever was selected before), then checked.
            this.selection = this.selection.addIds(ids).selection;
            this.check().then(() => this.revealPlan());
        }
    }
    /** One contact, one screen: no search, no typed customers (the quick action). */
    @api compact = false;

    /** The form's `max-length`s: no more than the records Apex creates take. */
    customerMaxLength = CUSTOMER_FIELD_MAX_LENGTH;

    labels = {
        runLocked: RUN_LOCKED_TEXT,
        customerEmailInvalid: CUSTOMER_EMAIL_INVALID,
        title: TITLE,
        intro: INTRO,
        search: SEARCH,
        searchPlaceholder: SEARCH_PLACEHOLDER,
        searchButton: SEARCH_BUTTON,
        more: MORE,
        noContacts: NO_CONTACTS,
        newCustomer: NEW_CUSTOMER,
        accountName: ACCOUNT_NAME,
        firstName: FIRST_NAME,
        lastName: LAST_NAME,
        email: EMAIL,
        addCustomer: ADD_CUSTOMER,
        profile: PROFILE,
        suffix: SUFFIX,
        check: CHECK,
        run: RUN,
        retry: RETRY,
        exportCsv: EXPORT,
        progress: PROGRESS,
        plan: PLAN,
        results: RESULTS,
        loadError: LOAD_ERROR,
        runError: RUN_ERROR,
        useExisting: USE_EXISTING,
        createNew: CREATE_NEW,
        editCustomer: EDIT_CUSTOMER,
        removeCustomer: REMOVE_CUSTOMER,
        contentUser: CONTENT_USER,
        problemsOnly: PLAN_PROBLEMS_ONLY,
        unsavedRun: PLAN_UNSAVED_RUN,
        customerEditRun: CUSTOMER_EDIT_RUN,
        loginEmail: LOGIN_EMAIL,
        loginEmailHelp: LOGIN_EMAIL_HELP,
        saveCustomer: SAVE_CUSTOMER,
        cancelCustomer: CANCEL_CUSTOMER,
        clearCustomer: CLEAR_CUSTOMER,
        customerEditing: CUSTOMER_EDITING,
    };
    /**
     * What the last Save or removal did to rows it did not touch (a derived username or nickname
     * that another row's typed value moved, or gave back), one sentence per row: the plan's status
     * line reads it politely.
     */
    editNotice = '';

    contactColumns = [
        { label: COLUMN_CONTACT, fieldName: 'name' },
        { label: EMAIL, fieldName: 'email' },
        { label: COLUMN_ACCOUNT, fieldName: 'accountName' },
        { label: COLUMN_USER, fieldName: 'existingUserLicenseName' },
    ];

    /** Done and queued rows are locked: their cells take no edit and they cannot be removed (`editable` per row). */
    planColumns: PlanColumn[] = [
        { label: PLAN_COLUMN_STATUS, fieldName: 'statusText', iconField: 'statusIcon', sortable: true, width: '10rem' },
        { label: COLUMN_CONTACT, fieldName: 'name', sortable: true },
        { label: COLUMN_USERNAME, fieldName: 'Username', editable: true, sortable: true, width: '22%' },
        { label: COLUMN_NICKNAME, fieldName: 'CommunityNickname', editable: true, sortable: true },
        { label: COLUMN_ALIAS, fieldName: 'Alias', editable: true, width: '7rem' },
        { label: COLUMN_CONTENT, fieldName: CONTENT_FIELD, type: 'boolean', editable: true, width: '6rem' },
        { label: COLUMN_CHECK, fieldName: 'check', wrap: true, width: '24%' },
        { label: PLAN_REMOVE, fieldName: 'remove', type: 'action', width: '3rem' },
    ];

    resultColumns = [
        { label: COLUMN_CONTACT, fieldName: 'name' },
        // The username sent, for every row (a failed one too: admin walk, two "Aisha Keller" rows and
        // no way to tell which one failed); the link only where a user exists (a url cell without a
        // value shows nothing).
        { label: COLUMN_USERNAME, fieldName: 'username' },
        {
            label: COLUMN_RESULT_USER,
            fieldName: 'userUrl',
            type: 'url',
            typeAttributes: { label: { fieldName: 'userLink' } },
        },
        { label: COLUMN_STATUS, fieldName: 'status' },
        { label: COLUMN_PROBLEMS, fieldName: 'problems', wrapText: true },
    ];

    /** The contacts selected in the picker, across searches and pages (the one source of the selection). */
    selection: SelectionModel<ContactRow> = SelectionModel.empty<ContactRow>();
    /** While Check reads the facts 200 at a time: how far it got. */
    checkProgress?: FetchProgress;

    /** The selected contact ids, in selection order: what Check reads the facts of. */
    get selectedIds(): string[] {
        return this.selection.ids;
    }
    set selectedIds(ids: string[]) {
        const wanted = new Set(ids);
        const dropped = this.selection.ids.filter((id) => !wanted.has(id));
        this.selection = this.selection.remove(dropped).addIds(ids).selection;
    }

    /**
     * The picker's search (`UserSetupController.searchContacts`): a page of 200 contacts by name,
     * after the last contact of the page before (keyset paging: its name and id).
     */
    searchContactRows = async (term: string, after: ContactRow | undefined): Promise<ContactRow[]> =>
        (
            await searchContacts({
                searchTerm: term || null,
                afterName: after?.name ?? null,
                afterId: after?.id ?? null,
            })
        ).map(contactRow);
    customer: NewCustomer = blankCustomer();
    /** Customers typed inline, each with a stable key and the admin's choice on a match. */
    typedCustomers: TypedCustomer[] = [];
    /**
     * The key of the typed customer the form edits (its Edit): the row stays in the list and the
     * plan, unchanged, until Save replaces it in place; Cancel leaves it as it was.
     */
    editingKey?: string;
    /** Why the form refused the last Edit (it holds unsaved typing): shown on its reason line. */
    customerFormRefusal = '';
    nextCustomerKey = 0;
    /** The org's contacts and accounts the typed customers matched at the last Check. */
    matches?: CustomerMatches;
    facts?: EnablementFacts;
    /** Contacts created inline by a run, under their real ids (the results name them). */
    createdContacts: ContactFact[] = [];
    profileId = '';
    suffix = DEFAULT_USERNAME_SUFFIX;
    /** "Salesforce CRM Content User" for every row (seed 000); a row may turn it off. */
    contentUser = true;
    overrides: Record<string, RowOverrides> = {};
    /** The plan table's edits not saved yet (`{ key, field: value }`), as the table reports them. */
    draftValues: Array<Record<string, unknown>> = [];
    /** What the runs since the last Check did, per row: the request sent and its result. */
    records: Map<string, RunRecord> = new Map();
    /** Ids the last Check sent that no contact answered (not found, or not visible): they left the selection. */
    notFoundIds: string[] = [];
    /** A run happened since the last Check: Run stays disabled until the next one. */
    ranSinceCheck = false;
    /**
     * A run elsewhere in the assistant (License upgrades, or a job) created or changed users since
     * the last Check (`orgChanged`, from the shell): the seats and facts checked may be gone, so Run
     * and "Enable the N that fit" wait for the next Check, and the bar says why.
     */
    orgChangedSinceCheck = false;
    /** Rows the admin removed from the plan (by contact id). */
    removed: Set<string> = new Set();
    /** Typed usernames and nicknames looked up in the org since the Check ('u:' / 'n:' + lower case). */
    lookedUp: Set<string> = new Set();
    /** Those being looked up now: their rows show "Checking" and do not run. */
    pendingLookups: Set<string> = new Set();
    /** What the lookups found taken. */
    lookedUpTaken: { usernames: string[]; nicknames: string[] } = { usernames: [], nicknames: [] };
    problemsOnly = false;
    sortBy?: string;
    sortDirection: SortDirection = 'asc';
    page = 0;
    progress = 0;
    step = '';
    stepDone = 0;
    stepTotal = 0;
    private planMemo = new Memo<EnablementPlan | undefined>();
    private rowsMemo = new Memo<PlanTableRow[]>();
    private contactsMemo = new Memo<ContactFact[]>();
    private lastContacts?: ContactFact[];
    private selectedKeysMemo = new Memo<Set<string>>();
    private typedFactsMemo = new Memo<ContactFact[]>();
    private plannedIdsMemo = new Memo<Set<string>>();
    private uncheckedMemo = new Memo<number>();
    /**
     * The typed customers the last Check read (their matches and name patterns), by key, as they
     * were then: a row added or saved with other values since is not in the plan until the next Check.
     */
    private checkedTyped: ReadonlyMap<string, NewCustomer> = new Map();
    /** The selected ids the last Check read (first 15 characters), found or not. */
    private checkedKeys: Set<string> = new Set();
    /** The Check was the admin's click (not a hand-over): the focus may land on its plan. */
    private focusAfterCheck = false;
    private readyMemo = new Memo<RowPlan[]>();
    private viewMemo = new Memo<ReturnType<typeof viewRows<PlanTableRow>>>();
    /**
     * The plan's order, held while the admin edits (as lightning-datatable sorts only when asked):
     * a saved edit, a fix or a run leaves each row where it was, in "problems only" too, until the
     * admin filters, sorts or pages again or a new Check starts a new plan.
     */
    private planOrder = new HeldRowView<PlanTableRow>();
    /** Every sort the admin asks, the same one again included: part of the view's memo key. */
    private sortRequests = 0;
    private lockedMemo = new Memo<ReturnType<typeof lockedByRun>>();
    private csvMemo = new Memo<string>();
    private resultsMemo = new Memo<Array<Record<string, string>>>();
    private draftsMemo = new Memo<Array<Record<string, unknown>>>();
    private profileOptionsMemo = new Memo<Array<{ label: string; value: string }>>();
    busy = false;
    running = false;
    loadError?: unknown;
    runErrors?: string[];
    /** The job the last large run started, while it runs (its rows are queued, not ready). */
    job?: QueuedJob;
    /** That job when it stopped before every row ran: Resume (jobs panel) hands it back here. */
    stoppedJob?: QueuedJob;
    /** That job, resumed from the jobs panel while a run of this panel was busy: followed after it. */
    private resumeAfterRun?: string;
    /** Milliseconds between two reads of that job (tests shorten it). */
    @api jobPollInterval = JOB_POLL_MS;

    /** Counts the plans (every Check or new selection, `resetRun`): a job's end lands only in the plan it ran from. */
    plans = 0;
    /** What the panel says about the job: started, or stopped midway. */
    jobNotice = '';
    /**
     * "Generate new password and notify user" after a browser run (seed 000's Setup step): off by
     * default, since the users should get the email when the site is ready for them.
     */
    sendLoginEmail = false;
    /** The login email's outcome per created user id (sent, or the refusal). */
    loginEmails: Map<string, Apex.ReadinessFixService.FixResult> = new Map();

    handedOver?: string[];
    connected = false;
    /** The email problem last reported on the email input ('' once valid or blank). */
    private reportedEmailError = '';
    /** The email was trimmed when left: its input reports its validity again, on the value it now holds. */
    private revalidateEmail = false;
    /**
     * Where the focus goes once the typed customers are drawn again (a Remove, an Edit, a Save or a
     * Cancel took or changed the button that had it): a selector in this template; undefined when
     * nothing waits.
     */
    private focusAfterRender?: string;
    /** Where the focus goes after a Check or a run, if their disabled button lost it: the first found. */
    private focusLanding?: string[];
    /** What the last Remove of a typed customer did, read politely (a visually hidden status line). */
    customerNotice = '';

    override connectedCallback(): void {
        this.connected = true;
        if (this.handedOver && this.handedOver.length > 0) {
            this.selection = this.selection.addIds(this.handedOver).selection;
            this.check().then(() => this.revealPlan());
        }
    }

    /**
     * Reports the typed email's problem on its own input: lightning-input shows the message under it,
     * ties it to the input (aria-describedby) and marks the input aria-invalid. Reported only when
     * the message changes, so a valid email is not nagged at each render. Then hands the focus on
     * after a Remove, once the list is drawn without the removed row.
     */
    override renderedCallback(): void {
        const input = this.template?.querySelector('lightning-input[data-field="email"]') as
            (HTMLElement & { setCustomValidity?: (message: string) => void; reportValidity?: () => boolean }) | null;
        const message = this.customerEmailError;
        if (input && (message !== this.reportedEmailError || this.revalidateEmail)) {
            this.reportedEmailError = message;
            input.setCustomValidity?.(message);
            input.reportValidity?.();
        }
        this.revalidateEmail = false;
        if (this.focusAfterRender !== undefined) {
            const selector = this.focusAfterRender;
            this.focusAfterRender = undefined;
            (this.template?.querySelector(selector) as HTMLElement | null)?.focus();
        }
        const landing = this.focusLanding;
        if (landing && !this.busy) {
            this.focusLanding = undefined;
            // Check and Run disable their button while they work: the focus lands on what they produced.
            focusIfLost(this.template, landing);
        }
    }

    override disconnectedCallback(): void {
        // A browser run goes on while the page lives: its guard stays until `endRun` (review).
        // A job keeps running on the platform; this panel stops reading it (the jobs panel shows it).
        this.connected = false;
    }

    /** Handed-over contacts arrive checked: the page scrolls to their plan (issue 10 §1). */
    private revealPlan(): void {
        Promise.resolve().then(() => {
            const plan = this.template?.querySelector('section.plan') as HTMLElement | null;
            if (plan && typeof plan.scrollIntoView === 'function') {
                plan.scrollIntoView({ behavior: 'smooth', block: 'start' });
            }
        });
    }

    get showPicker(): boolean {
        return !this.compact;
    }

    /** "Checking 400 of 2,300" while the facts arrive. */
    get checkingText(): string {
        const progress = this.checkProgress;
        return progress ? formatLabel(CHECKING, progress.done.toLocaleString(), progress.total.toLocaleString()) : '';
    }

    get hasNewCustomers(): boolean {
        return this.typedCustomers.length > 0;
    }

    /** What each typed customer matches (by key), from the last Check's `findExistingCustomers`. */
    get customerMatchMap(): Map<string, CustomerMatch> {
        // An account whose name matches by `accountKey` is matched as if typed as the org spells it
        // (`customerMatches` compares without case and spaces only).
        const accounts = new Map<string, string>();
        for (const account of this.matches?.accounts ?? []) {
            if (!accounts.has(accountKey(account.name))) {
                accounts.set(accountKey(account.name), account.name);
            }
        }
        const typed = this.typedCustomers.map((row) => {
            const name = accounts.get(accountKey(row.customer.accountName));
            return name === undefined || name === row.customer.accountName
                ? row
                : { ...row, customer: { ...row.customer, accountName: name } };
        });
        return customerMatches(typed, this.matches);
    }

    /**
     * The org's contacts and accounts the typed customers match (`findExistingCustomers`), each
     * account name asked in both spellings of a trailing period (`accountKey`), 200 names a call.
     */
    async findCustomerMatches(typedCustomers = this.typedCustomers): Promise<CustomerMatches | undefined> {
        if (typedCustomers.length === 0) {
            return undefined;
        }
        const customers: NewCustomer[] = typedCustomers.map((typed) => toNewCustomer(typed));
        const asked = new Set(customers.map((customer) => customer.accountName.trim().toLowerCase()));
        for (const customer of [...customers]) {
            const other = otherAccountSpelling(customer.accountName);
            if (other && !asked.has(other.toLowerCase())) {
                asked.add(other.toLowerCase());
                // A name only: no email, nothing created from it.
                customers.push({ accountName: other, firstName: null, lastName: '', email: null });
            }
        }
        const answers = await fetchInChunks(
            customers,
            (chunk) => findExistingCustomers({ customers: chunk }),
            undefined,
            MATCH_LOOKUP_SIZE,
        );
        // A record two calls both found is listed once.
        const unique = <T extends { id: string }>(records: T[]): T[] => [
            ...new Map(records.map((record) => [record.id, record])).values(),
        ];
        return {
            contacts: unique(answers.flatMap((answer) => answer.contacts)),
            accounts: unique(answers.flatMap((answer) => answer.accounts)),
        };
    }

    /**
     * The typed customers as listed: the text, and for a row that matches a record or another typed
     * row, the problem and the two choices; once chosen, what will happen.
     */
    get newCustomerRows(): Array<Record<string, unknown>> {
        const matchMap = this.customerMatchMap;
        return this.typedCustomers.map((typed) => {
            const { customer } = typed;
            const match = matchMap.get(typed.key);
            const duplicate = customerDuplicate({ ...typed, choice: undefined }, match);
            const usesAccount = typed.choice === 'existing' && !match?.contact && match?.account;
            const name = [customer.firstName, customer.lastName].filter(Boolean).join(' ');
            return {
                key: typed.key,
                text: `${name} <${customer.email}>, ${customer.accountName}`,
                // Its values are in the form: the row stays as it is until Save.
                editing: typed.key === this.editingKey,
                // Once the admin chose, the decision below says what happens: the problem goes.
                duplicate:
                    duplicate && !typed.choice ? problemMessage({ ...duplicate, fix: 'CHOOSE_EXISTING_OR_NEW' }) : '',
                undecided: !!duplicate && !typed.choice,
                decision:
                    typed.choice === 'new' && duplicate
                        ? CREATING_NEW
                        : usesAccount
                          ? formatLabel(USING_ACCOUNT, match?.account?.name)
                          : '',
                // Full name and email: two typed Smiths are two different buttons to a screen reader.
                editLabel: formatLabel(EDIT_CUSTOMER, name, customer.email),
                removeLabel: formatLabel(REMOVE_CUSTOMER, name, customer.email),
            };
        });
    }

    /** The typed customer the form edits, while it is in the list. */
    get editingCustomer(): TypedCustomer | undefined {
        const key = this.editingKey;
        return key === undefined ? undefined : this.typedCustomers.find((typed) => typed.key === key);
    }

    /** The form edits a typed customer and holds changes not saved: Run waits (it would send the old values). */
    get customerEditPending(): boolean {
        return this.isEditingCustomer && this.customerFormHasTyping;
    }

    /** The form edits a typed row: it offers Save and Cancel instead of "Add customer". */
    get isEditingCustomer(): boolean {
        return this.editingCustomer !== undefined;
    }

    /**
     * The form holds typing an Edit would lose: a new customer not added yet, or changes to the row
     * it edits (surrounding spaces aside).
     */
    get customerFormHasTyping(): boolean {
        const editing = this.editingCustomer;
        if (editing) {
            return !sameCustomer(this.customer, editing.customer);
        }
        return CUSTOMER_FIELDS.some((field) => fieldText(this.customer, field) !== '');
    }

    /** The form's problem: a valid email is required before "Add customer" accepts the row. */
    get customerFormProblem(): ReturnType<typeof newCustomerProblem> {
        return newCustomerProblem(this.customer);
    }

    get cannotAddCustomer(): boolean {
        return this.customerFormProblem !== null;
    }

    /**
     * Why "Add customer" waits, next to it and its description: the required fields still blank,
     * else the email's problem. A hint in the form's words, not an error: nothing is wrong yet.
     */
    get addCustomerReason(): string {
        if (this.customerFormRefusal) {
            return this.customerFormRefusal;
        }
        const missing = missingCustomerFields(this.customer);
        if (missing.length > 0) {
            return formatLabel(ADD_CUSTOMER_NEEDS, missing.map((field) => CUSTOMER_FIELD_LABELS[field]).join(', '));
        }
        const tooLong = customerFieldsTooLong(this.customer)[0];
        if (tooLong) {
            return formatLabel(CUSTOMER_TOO_LONG, CUSTOMER_FIELD_LABELS[tooLong], CUSTOMER_FIELD_MAX_LENGTH[tooLong]);
        }
        return this.cannotAddCustomer ? CUSTOMER_EMAIL_INVALID : '';
    }

    /** `aria-disabled` of "Add customer": it stays focusable while it waits, so its reason is read. */
    get addCustomerDisabled(): string {
        return String(this.busy || this.cannotAddCustomer);
    }

    /** Shown once an email was typed and is not valid. */
    get customerEmailError(): string {
        return this.customer.email?.trim() && this.customerFormProblem === 'EMAIL_INVALID'
            ? CUSTOMER_EMAIL_INVALID
            : '';
    }

    /**
     * The rows the plan covers: the checked contacts, those created inline by a run, and the typed
     * customers (with their match and choice), all derived from state.
     */
    get contacts(): ContactFact[] {
        if (!this.facts) {
            return [];
        }
        const facts = this.facts;
        // Read many times per render (the plan, its rows, the results): built once per change.
        const keys = this.selectedKeys;
        const typed = this.typedFacts;
        const reached = this.reachedKeys;
        const contacts = this.contactsMemo.get([facts, this.createdContacts, typed, keys, reached], () => {
            // The plan follows the selection: a contact taken out of it since the Check leaves the
            // plan at once, and is never run (the admin walk-through ran one after Clear); so does a
            // contact a run created inline and selected. Ids compare on their first 15 characters
            // (an id handed over in a URL may have 15, Apex answers 18). A contact a run already
            // reached for good (queued in a job, or its user there) stays with its outcome: the job
            // still runs it, and the summary counts it (admin walk: a pill removed mid-job took its
            // row out of the plan while the job created the user).
            const planned = (contact: ContactFact): boolean =>
                keys.has(idKey(contact.id)) || reached.has(idKey(contact.id));
            const next = [
                ...facts.contacts.filter(planned),
                ...this.createdContacts.filter((contact) => keys.has(idKey(contact.id))),
                ...typed,
            ];
            // A picker tick that changed nothing planned gives the same array: the plan of up to
            // 10,000 rows is not derived again.
            const previous = this.lastContacts;
            return previous &&
                previous.length === next.length &&
                previous.every((contact, index) => contact === next[index])
                ? previous
                : next;
        });
        this.lastContacts = contacts;
        return contacts;
    }

    /**
     * Contacts a run reached for good, by their first 15 characters: queued in the job this panel
     * follows or in the one that stopped, or whose user exists after a run (Created, Existing).
     * Once per change of the runs.
     */
    get reachedKeys(): Set<string> {
        return this.reachedMemo.get([this.records, this.job, this.stoppedJob], () => {
            const keys = new Set<string>();
            for (const [contactId, record] of this.records) {
                if (DONE_STATUSES.has(record.result.status)) {
                    keys.add(idKey(contactId));
                }
            }
            // Queued in the job followed now: all of them. Held by a stopped job: those it did not
            // record (their chunk may have written them); a row it recorded Failed is the admin's
            // to take out, and Retry never runs it then.
            this.job?.requests.forEach((_request, contactId) => keys.add(idKey(contactId)));
            this.stoppedJob?.requests.forEach((_request, contactId) => {
                if (!this.records.has(contactId)) {
                    keys.add(idKey(contactId));
                }
            });
            return keys;
        });
    }

    private reachedMemo = new Memo<Set<string>>();

    /** The selection's ids by their first 15 characters: once per selection. */
    get selectedKeys(): Set<string> {
        return this.selectedKeysMemo.get([this.selection], () => new Set(this.selection.ids.map(idKey)));
    }

    /** The typed customers as contact facts, with their match and choice: once per change of them. */
    get typedFacts(): ContactFact[] {
        const facts = this.facts;
        if (!facts) {
            return [];
        }
        return this.typedFactsMemo.get([facts, this.typedCustomers, this.matches, this.checkedTyped], () => {
            const matchMap = this.customerMatchMap;
            // A row added or changed since the Check waits for the next one (its names and matches
            // were not looked up), as a contact selected since does.
            return this.typedCustomers
                .filter((typed) => this.checkedTyped.get(typed.key) === typed.customer)
                .map((typed) => newCustomerFact(typed, facts.adminHasRole, matchMap.get(typed.key)));
        });
    }

    /** The ids of the plan's rows (contacts, created and typed): what a run or a retry may send. */
    get plannedIds(): Set<string> {
        return this.plannedIdsMemo.get([this.contacts], () => new Set(this.contacts.map((contact) => contact.id)));
    }

    get cannotCheck(): boolean {
        // Not while this panel follows a job: its rows' outcomes land in the plan when it ends (a
        // Check meanwhile took the job's rows for seats still to fill: admin walk, 80 seats off).
        return this.busy || !!this.job || (this.selectedIds.length === 0 && this.typedCustomers.length === 0);
    }

    /**
     * The profile choices with the seats left. The same array while the facts and the runs are the
     * same: a new one makes the combobox rebuild its list and lay out the page on every keystroke.
     */
    get profileOptions(): Array<{ label: string; value: string }> {
        return this.profileOptionsMemo.get([this.facts, this.records], () => {
            const taken = this.seatsTaken;
            return (this.facts?.profiles ?? []).map((profile) => {
                const left = Math.max(0, profile.licenseSeatsLeft - (taken.get(profile.licenseName) ?? 0));
                return { label: profileOptionText(profile.name, profile.licenseName, left), value: profile.id };
            });
        });
    }

    /** The run records as results, in run order (the results table, the retry, the export). */
    get results(): EnableResult[] {
        return [...this.records.values()].map((record) => record.result);
    }

    /** The rows the runs locked (Done, or refused) and the names they took: derived once per run. */
    get locked(): ReturnType<typeof lockedByRun> {
        return this.lockedMemo.get([this.records], () => lockedByRun(this.records));
    }

    /** Seats the runs since the Check took, by license name. */
    get seatsTaken(): Map<string, number> {
        const licenses = new Map((this.facts?.profiles ?? []).map((profile) => [profile.id, profile.licenseName]));
        return seatsTakenByRun(this.records, licenses);
    }

    /**
     * The plan: every row not removed and not locked by a run, derived once per change of its
     * inputs (the getters below read it many times per render). The names the runs took and the
     * names the edits looked up count as taken, as a new Check would say.
     */
    get plan(): EnablementPlan | undefined {
        const facts = this.facts;
        if (!facts) {
            return undefined;
        }
        const contacts = this.contacts;
        return this.planMemo.get(
            [
                facts,
                // The rows: a new array when the selection, the typed customers or their matches change.
                contacts,
                this.createdContacts,
                this.typedCustomers,
                this.matches,
                this.profileId,
                this.suffix,
                this.overrides,
                this.contentUser,
                this.records,
                this.removed,
                this.lookedUpTaken,
            ],
            () => {
                const locked = this.locked;
                const planned = contacts.filter(
                    (contact) => !this.removed.has(contact.id) && !locked.ids.has(contact.id),
                );
                const org = toOrgFacts(facts, this.profileId || undefined);
                const license = org.profile ? org.profile.licenseName : '';
                // The seats a run took since the Check are gone: the plan counts what is left.
                const pslTaken = licenseSeatsTakenByRun(this.records);
                return planEnablement(
                    planned,
                    {
                        ...org,
                        permissionSetLicenses: org.permissionSetLicenses.map((psl) => ({
                            ...psl,
                            seatsLeft: Math.max(0, psl.seatsLeft - (pslTaken.get(psl.id) ?? 0)),
                        })),
                        takenUsernames: [...facts.takenUsernames, ...this.lookedUpTaken.usernames, ...locked.usernames],
                        takenNicknames: [...facts.takenNicknames, ...this.lookedUpTaken.nicknames, ...locked.nicknames],
                        licenseSeatsLeft: Math.max(0, org.licenseSeatsLeft - (this.seatsTaken.get(license) ?? 0)),
                    },
                    {
                        usernameSuffix: this.suffix,
                        overrides: this.overrides,
                        contentUser: this.contentUser,
                    },
                );
            },
        );
    }

    /** Whether a planned row waits on a lookup of a value typed on it. */
    isChecking(row: RowPlan): boolean {
        if (this.pendingLookups.size === 0) {
            return false;
        }
        const typed = this.overrides[row.contactId];
        return (
            (!!typed?.Username && this.pendingLookups.has(`u:${typed.Username.trim().toLowerCase()}`)) ||
            (!!typed?.CommunityNickname && this.pendingLookups.has(`n:${typed.CommunityNickname.trim().toLowerCase()}`))
        );
    }

    /** The rows a run sends now: no problem, no lookup pending, not locked, not waiting in a job. */
    get readyRows(): RowPlan[] {
        const plan = this.plan;
        const queued = this.job?.requests;
        // Read several times per render (counts, seats, Run, "the N that fit"): filtered once per change.
        return this.readyMemo.get([plan, this.pendingLookups, this.overrides, queued], () =>
            (plan?.rows ?? []).filter((row) => row.canEnable && !this.isChecking(row) && !queued?.has(row.contactId)),
        );
    }

    /**
     * Every row of the plan with its status, in selection order: rows a run locked (Done, or
     * refused) from their run record, the others from the plan. Only rows whose inputs changed
     * are rebuilt (a keystroke re-derives the plan, then reuses the unchanged rows' objects).
     */
    get allPlanRows(): PlanTableRow[] {
        const plan = this.plan;
        if (!plan) {
            return [];
        }
        return this.rowsMemo.get(
            [plan, this.records, this.pendingLookups, this.ranSinceCheck, this.job, this.stoppedJob, this.loginEmails],
            () => {
                const planned = new Map<string, RowPlan>();
                for (const row of plan.rows) {
                    if (!planned.has(row.contactId)) {
                        planned.set(row.contactId, row);
                    }
                }
                const rows: PlanTableRow[] = [];
                const seen = new Set<string>();
                for (const contact of this.contacts) {
                    if (seen.has(contact.id) || this.removed.has(contact.id)) {
                        continue;
                    }
                    seen.add(contact.id);
                    const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
                    const record = this.records.get(contact.id);
                    const row = planned.get(contact.id);
                    if (!row && record) {
                        rows.push(this.lockedRow(contact.id, name, record));
                    } else if (row) {
                        rows.push(this.plannedRow(row, name, record));
                    }
                }
                return rows;
            },
        );
    }

    /** A row a run locked: Done (its user exists) or Failed (refused, or assignments missing). */
    lockedRow(key: string, name: string, record: RunRecord): PlanTableRow {
        const status: RowStatus = DONE_STATUSES.has(record.result.status) ? 'done' : 'failed';
        return {
            key,
            status,
            statusText: ROW_STATUS_LABELS[status],
            statusIcon: STATUS_ICONS[status],
            name,
            Username: record.request.Username ?? '',
            CommunityNickname: record.request.CommunityNickname ?? '',
            Alias: record.request.Alias ?? '',
            [CONTENT_FIELD]: !!record.request.UserPermissionsSFContentUser,
            check:
                status === 'done'
                    ? [STATUS_LABELS[record.result.status] ?? '', this.loginEmailText(record.result.userId)]
                          .filter(Boolean)
                          .join('\n')
                    : resultProblemMessages(record.result).join('\n'),
            editable: false,
        };
    }

    /** A planned row: its check, or, failed in the last run and not edited since, the failure and its fix. */
    plannedRow(row: RowPlan, name: string, record: RunRecord | undefined): PlanTableRow {
        const failedAsSent = record?.result.status === 'Failed' && !editedSince(record.request, row.request);
        const queued = this.job?.requests.get(row.contactId);
        if (queued && this.job) {
            // Sent to the job as it was then: the values sent, locked until the job ends.
            return sentRow(row.contactId, name, queued, 'queued', formatLabel(STATUS_QUEUED, this.job.name), [
                QUEUED_CHECK,
                this.job.name,
            ]);
        }
        // Sent to a job that stopped before recording it: its chunk may have been written (an ENABLE
        // whose RECORD died), so not "Not run"; a Resume completes it with the values sent, which
        // the row shows, locked (as while queued) until the next Check.
        const sent = record ? undefined : this.stoppedJob?.requests.get(row.contactId);
        if (sent && this.stoppedJob) {
            return sentRow(row.contactId, name, sent, 'unfinished', ROW_STATUS_LABELS.unfinished, [
                UNFINISHED_CHECK,
                this.stoppedJob.name,
            ]);
        }
        let status: RowStatus;
        if (failedAsSent) {
            status = 'failed';
        } else if (this.isChecking(row)) {
            status = 'checking';
        } else if (!row.canEnable) {
            status = 'problem';
        } else if (this.ranSinceCheck && !record) {
            status = 'notRun';
        } else {
            status = row.warnings.length > 0 ? 'warning' : 'ready';
        }
        // Worded when the table shows the row (a page of 50), not for each of the plan's rows on
        // every keystroke: a getter, kept once read.
        let check: string | undefined;
        const word = (): string => {
            const notes = [...row.problems.map(problemMessage), ...row.warnings.map(warningMessage)];
            if (status === 'failed') {
                return [...resultProblemMessages((record as RunRecord).result), ...notes].join('\n');
            }
            return row.canEnable && notes.length === 0 ? READY : notes.join('\n');
        };
        return {
            key: row.contactId,
            status,
            statusText: ROW_STATUS_LABELS[status],
            statusIcon: STATUS_ICONS[status],
            name,
            Username: row.request.Username,
            CommunityNickname: row.request.CommunityNickname,
            Alias: row.request.Alias,
            [CONTENT_FIELD]: row.request.UserPermissionsSFContentUser,
            get check(): string {
                check ??= word();
                return check;
            },
            editable: true,
        };
    }

    /** The page of the plan the table shows: filtered ("problems only"), sorted, 50 rows at most. */
    get planView(): ReturnType<typeof viewRows<PlanTableRow>> {
        // The same page while nothing it shows changed: a render for anything else (a typed
        // customer, a progress step) does not hand the table new rows to lay out again.
        const rows = this.allPlanRows;
        return this.viewMemo.get(
            [rows, this.problemsOnly, this.sortBy, this.sortDirection, this.page, this.sortRequests],
            () =>
                this.planOrder.view(rows, {
                    problemsOnly: this.problemsOnly,
                    sortBy: this.sortBy === 'statusText' ? 'status' : this.sortBy,
                    sortDirection: this.sortDirection,
                    page: this.page,
                }),
        );
    }

    get planRows(): PlanTableRow[] {
        return this.planView.rows;
    }

    /** The rows shown keep an order the filter and sort no longer give (the table says so). */
    get planOrderChanged(): boolean {
        return this.planView.changed;
    }

    /** Rows shown under "problems only" are no longer problems (an edit fixed them): the table says the filter is held. */
    get planFilterHeld(): boolean {
        return this.planView.heldOutOfFilter > 0;
    }

    get pageText(): string {
        const view = this.planView;
        return planPageText(view.page + 1, view.pageCount, view.matching);
    }

    get hasPages(): boolean {
        return this.planView.pageCount > 1;
    }

    get isFirstPage(): boolean {
        return this.planView.page === 0;
    }

    get isLastPage(): boolean {
        return this.planView.page >= this.planView.pageCount - 1;
    }

    /**
     * Seats left per license (Customer Community Plus and Plus Login apart), less what the runs
     * took, and what this plan needs of the chosen profile's license.
     */
    get seatLines(): Array<{ key: string; text: string }> {
        const facts = this.facts;
        if (!facts) {
            return [];
        }
        const lines = seatsByLicense(
            facts.profiles.map((profile) => ({
                licenseName: profile.licenseName,
                seatsLeft: profile.licenseSeatsLeft,
            })),
            this.seatsTaken,
        ).map(([license, left]) => ({ key: license, text: seatsLeftText(license, left) }));
        const profile = facts.profiles.find((candidate) => candidate.id === this.profileId);
        if (profile && this.readyRows.length > 0) {
            lines.push({ key: 'needed', text: seatsNeededText(this.readyRows.length, profile.licenseName) });
        }
        return lines;
    }

    /**
     * "Enable the N that fit": when only seats are short, the first ready rows that the seats
     * left allow (the profile's license and each permission set license); none otherwise.
     */
    get fitRows(): RowPlan[] {
        const plan = this.plan;
        if (!plan || this.ranSinceCheck || plan.selectionProblems.length === 0) {
            return [];
        }
        if (!plan.selectionProblems.every((problem) => SEAT_PROBLEMS.has(problem.code))) {
            return [];
        }
        const facts = this.facts as EnablementFacts;
        const profile = facts.profiles.find((candidate) => candidate.id === this.profileId);
        const seats = new Map<string, number>(
            facts.permissionSetLicenses.map((license) => [license.id, Math.max(0, license.seatsLeft)]),
        );
        seats.set(
            LICENSE_SEAT,
            Math.max(0, (profile?.licenseSeatsLeft ?? 0) - (this.seatsTaken.get(profile?.licenseName ?? '') ?? 0)),
        );
        const ready = this.readyRows;
        const fit = rowsThatFit(ready, (row) => [LICENSE_SEAT, ...row.request.permissionSetLicenseIds], seats);
        return fit.length < ready.length ? fit : [];
    }

    get canFit(): boolean {
        return (
            !this.busy &&
            !this.orgChangedSinceCheck &&
            !this.hasUnsavedEdits &&
            !this.customerEditPending &&
            this.uncheckedSelected === 0 &&
            this.uncheckedTyped === 0 &&
            this.fitRows.length > 0
        );
    }

    get fitLabel(): string {
        return fitLabel(this.fitRows.length);
    }

    /**
     * Whom "Enable the N that fit" enables, the first three by name (admin walk: the button named
     * nobody, and the rows it leaves out read Ready like the others): "The seats left fit: Aisha
     * Costa, Aisha Edwards, Aisha Becker and 2 more".
     */
    get fitNamesText(): string {
        if (!this.canFit) {
            return '';
        }
        const rows = this.fitRows;
        const names = rows
            .slice(0, 3)
            .map(
                (row) =>
                    [row.request.FirstName, row.request.LastName].filter(Boolean).join(' ') || row.request.Username,
            )
            .join(', ');
        const more = rows.length > 3 ? ` ${formatLabel(FIT_MORE, (rows.length - 3).toLocaleString())}` : '';
        return `${FIT_NAMES} ${names}${more}`;
    }

    /** "4 created · 2 failed · 1 not run": each outcome of the runs since the Check. */
    get summary(): string {
        if (this.records.size === 0) {
            return '';
        }
        const counts = countOutcomes(
            [...this.records.values()].map((record) => record.result.status),
            OUTCOME_ORDER,
        );
        for (const [status, outcome] of [
            ['unfinished', 'Unfinished'],
            ['notRun', 'NotRun'],
        ] as const) {
            const count = this.allPlanRows.filter((row) => row.status === status).length;
            if (count > 0) {
                counts.push([outcome, count]);
            }
        }
        // Every row of the plan is accounted for: those its check blocked were never sent.
        const blocked = this.blocked.length;
        if (blocked > 0) {
            counts.push(['Blocked', blocked]);
        }
        return counts
            .map(([status, count]) => formatLabel(SUMMARY_LABELS[status] ?? `{0} ${status}`, count))
            .join(' · ');
    }

    get selectionMessages(): Array<{ key: string; text: string }> {
        const plan = this.plan;
        if (!plan) {
            return [];
        }
        // Every row selected is Done or locked by the run: nothing left to plan is no selection problem.
        const locked = this.locked.ids;
        const ranAll =
            locked.size > 0 && this.contacts.every((contact) => this.removed.has(contact.id) || locked.has(contact.id));
        const problems = ranAll
            ? plan.selectionProblems.filter((problem) => problem.code !== 'NO_CONTACTS_SELECTED')
            : plan.selectionProblems;
        return [
            ...problems.map((problem, index) => ({ key: `p${index}`, text: problemMessage(problem) })),
            ...plan.selectionWarnings.map((warning, index) => ({ key: `w${index}`, text: warningMessage(warning) })),
        ];
    }

    get readyText(): string {
        if (!this.plan) {
            return '';
        }
        const total = this.allPlanRows.length;
        if (this.ranSinceCheck) {
            const retryable = this.busy ? 0 : this.retryRequests.length;
            return retryable > 0 ? retryCountText(retryable, total) : readyCountText(0, total);
        }
        return readyCountText(this.readyRows.length, total);
    }

    /**
     * The plan table's unsaved edits, less those of rows a run locked or a job holds (they show
     * what was sent): the same array while nothing they depend on changed.
     */
    get tableDrafts(): Array<Record<string, unknown>> {
        return this.draftsMemo.get([this.draftValues, this.records, this.job, this.stoppedJob], () => {
            const locked = this.locked.ids;
            const queued = this.job?.requests;
            const stopped = this.stoppedJob?.requests;
            const kept = this.draftValues.filter(
                (draft) =>
                    !locked.has(String(draft.key)) &&
                    !queued?.has(String(draft.key)) &&
                    !(stopped?.has(String(draft.key)) && !this.records.has(String(draft.key))),
            );
            return kept.length === this.draftValues.length ? this.draftValues : kept;
        });
    }

    /** Edits typed in the plan and not saved: Run waits for Save or Cancel. */
    get hasUnsavedEdits(): boolean {
        return this.tableDrafts.length > 0;
    }

    /** Run: a checked plan with rows ready, no edit unsaved, no lookup pending, and no run since the Check. */
    /**
     * Contacts selected since the Check: their facts were never read, so they are not in the plan;
     * Run and "the N that fit" wait for the next Check, which plans them with the rest.
     */
    get uncheckedSelected(): number {
        const facts = this.facts;
        if (!facts) {
            return 0;
        }
        return this.uncheckedMemo.get([facts, this.selectedKeys, this.checkedKeys, this.createdContacts], () => {
            // Asked at the Check (found or not: a deleted or unreadable contact is no reason to wait),
            // or created inline by a run.
            const known = new Set([...this.checkedKeys, ...this.createdContacts.map((contact) => idKey(contact.id))]);
            let count = 0;
            this.selectedKeys.forEach((key) => {
                if (!known.has(key)) {
                    count++;
                }
            });
            return count;
        });
    }

    /** "2 contacts selected since the Check are not in the plan yet: Check again to plan them." */
    get uncheckedText(): string {
        const count = this.uncheckedSelected;
        if (count === 0) {
            return '';
        }
        return count === 1 ? SELECTION_NOT_CHECKED_ONE : formatLabel(SELECTION_NOT_CHECKED, count.toLocaleString());
    }

    /**
     * Typed customers added, or saved with other values, since the Check: not in the plan yet; Run
     * and "the N that fit" wait for the next Check, as for contacts selected since.
     */
    get uncheckedTyped(): number {
        if (!this.facts) {
            return 0;
        }
        return this.typedCustomers.filter((typed) => this.checkedTyped.get(typed.key) !== typed.customer).length;
    }

    /** "2 new customers added or changed since the Check are not in the plan yet: Check again …" */
    get uncheckedTypedText(): string {
        const count = this.uncheckedTyped;
        if (count === 0) {
            return '';
        }
        return count === 1 ? CUSTOMERS_NOT_CHECKED_ONE : formatLabel(CUSTOMERS_NOT_CHECKED, count.toLocaleString());
    }

    get cannotRun(): boolean {
        return (
            this.orgChangedSinceCheck ||
            this.uncheckedSelected > 0 ||
            this.uncheckedTyped > 0 ||
            this.hasUnsavedEdits ||
            this.customerEditPending ||
            this.busy ||
            this.ranSinceCheck ||
            this.pendingLookups.size > 0 ||
            !this.plan?.canProceed ||
            this.readyRows.length === 0
        );
    }

    get showRunLocked(): boolean {
        return this.ranSinceCheck && !this.busy;
    }

    /**
     * Called by the shell when a run in another panel created or changed users: a plan checked
     * before it is out of date (see `orgChangedSinceCheck`).
     */
    @api
    orgChanged(): void {
        if (this.facts) {
            this.orgChangedSinceCheck = true;
        }
    }

    /**
     * What the hand-over (`c__contactIds`) held that is no contact id, as the shell read it: named,
     * never dropped without a word (admin re-walk: a JSON array read "0 contacts selected").
     */
    @api ignoredContactIds: string[] = [];

    /** "Left out of the hand-over, not contact ids: …" */
    get ignoredText(): string {
        const ignored = this.ignoredContactIds ?? [];
        return ignored.length > 0 ? formatLabel(IGNORED_IDS, ignored.join(', ')) : '';
    }

    /** "2 contacts were not found, or you cannot see them, and left the selection: …" */
    get notFoundText(): string {
        const ids = this.notFoundIds;
        if (ids.length === 0) {
            return '';
        }
        const shown = ids.slice(0, 10).join(', ') + (ids.length > 10 ? ', …' : '');
        return ids.length === 1
            ? formatLabel(NOT_FOUND_ONE, shown)
            : formatLabel(NOT_FOUND, ids.length.toLocaleString(), shown);
    }

    /** Why Run waits after a run elsewhere; empty otherwise. */
    get orgChangedText(): string {
        return this.orgChangedSinceCheck && !this.busy ? ORG_CHANGED : '';
    }

    /** Retry: failed rows ready again with their current (saved) values, or rows whose assignments are missing. */
    get canRetry(): boolean {
        return !this.busy && !this.hasUnsavedEdits && this.pendingLookups.size === 0 && this.retryRequests.length > 0;
    }

    /** What Retry sends: the failed rows with their current values, only those still in the plan. */
    get retryRequests(): EnableRequest[] {
        const planned = this.plannedIds;
        return retryFromPlan(this.records, this.plan).filter((request) => planned.has(request.ContactId));
    }

    /**
     * The rows the plan's check blocked and no run sent (after a run only): the results table and
     * the export list them with their reason and fix, and the summary counts them.
     */
    get blocked(): RowPlan[] {
        if (this.records.size === 0) {
            return [];
        }
        // A row a stopped job holds is Not finished (counted as such), whatever its check says now.
        const held = this.stoppedJob?.requests;
        const rows = blockedRows(this.plan, this.results);
        return held ? rows.filter((row) => !held.has(row.contactId)) : rows;
    }

    /** Every row of the runs since the Check, then every row the check blocked before them: as the export. */
    get resultRows(): Array<Record<string, string>> {
        // Read by the table and the export on each render: built once per run, edit or email outcome.
        return this.resultsMemo.get([this.records, this.plan, this.contacts, this.loginEmails, this.stoppedJob], () =>
            this.buildResultRows(),
        );
    }

    buildResultRows(): Array<Record<string, string>> {
        // Every contact the Check read, those taken out of the selection since included: a row that
        // ran keeps its name and account in the results.
        const names = new Map(
            [...(this.facts?.contacts ?? []), ...this.contacts].map((contact) => [contact.id, contact]),
        );
        const ran = [...this.records.values()].map(({ request, result }) => {
            const contact = names.get(result.contactId);
            return {
                key: result.contactId,
                name: contact
                    ? [contact.firstName, contact.lastName].filter(Boolean).join(' ')
                    : [request?.FirstName, request?.LastName].filter(Boolean).join(' '),
                account: contact?.accountName ?? '',
                username: request?.Username ?? '',
                userId: result.userId ?? '',
                userUrl: result.userId ? userUrl(result.userId) : '',
                userLink: result.userId ? OPEN_USER : '',
                status: STATUS_LABELS[result.status] ?? result.status,
                problems: [...resultProblemMessages(result), this.loginEmailText(result.userId)]
                    .filter(Boolean)
                    .join('\n'),
            };
        });
        const blocked = this.blocked.map((row) => {
            const contact = names.get(row.contactId);
            return {
                key: row.contactId,
                name: [contact?.firstName, contact?.lastName].filter(Boolean).join(' '),
                account: contact?.accountName ?? '',
                username: row.request.Username,
                userId: '',
                userUrl: '',
                userLink: '',
                status: STATUS_BLOCKED,
                problems: row.problems.map(problemMessage).join('\n'),
            };
        });
        return [...ran, ...blocked];
    }

    /** The export: every result of the run, then every row the validation blocked before it (as the table). */
    get csvHref(): string {
        if (this.records.size === 0) {
            return '';
        }
        // Rebuilt with the rows it lists (a login email's outcome arrives after the run's results).
        return this.csvMemo.get([this.resultRows], () => this.buildCsv());
    }

    buildCsv(): string {
        const header = [COLUMN_CONTACT, COLUMN_ACCOUNT, COLUMN_USERNAME, 'User Id', COLUMN_STATUS, COLUMN_PROBLEMS];
        const rows: CsvRow[] = this.resultRows.map((row) => ({
            contact: row.name,
            account: row.account,
            username: row.username,
            userId: row.userId,
            status: row.status,
            problems: row.problems,
        }));
        return csvDataUrl(enablementCsv(header, rows));
    }

    /**
     * The picker's results fold to one line while the plan below is shown, and again after each new one
     * (c/recordPicker: each Check gives a new object).
     */
    get foldPickerResults(): unknown {
        return this.facts;
    }

    /** The picker's new selection: kept whole, across searches and pages. */
    handleSelectionChange(event: CustomEvent<{ selection: SelectionModel<ContactRow> }>): void {
        const selection = event.detail.selection;
        // A contact selected again after its row was removed from the plan: the admin wants it back.
        const back = [...this.removed].filter((id) => selection.has(id) && !this.selection.has(id));
        if (back.length > 0) {
            this.removed = new Set([...this.removed].filter((id) => !back.includes(id)));
        }
        this.selection = selection;
        // The line naming ids a Check did not find speaks of that Check only.
        this.notFoundIds = [];
        // A contact taken out of the selection takes its unsaved edits along (typed customers stay).
        const kept = this.draftValues.filter(
            (draft) => String(draft.key).startsWith(NEW_CONTACT_PREFIX) || selection.has(String(draft.key)),
        );
        if (kept.length !== this.draftValues.length) {
            this.draftValues = kept;
        }
    }

    handleCustomerField(event: Event): void {
        const input = event.target as HTMLInputElement & { dataset: { field: keyof NewCustomer } };
        this.customer = {
            ...this.customer,
            [input.dataset.field]: (event as CustomEvent<{ value: string }>).detail.value,
        };
        this.customerFormRefusal = '';
    }

    /**
     * A field left: its text without surrounding spaces, in the field too. The email input then
     * checks its own validity again (lightning-input type=email judged the value with its spaces
     * "invalid" while the reason line and "Add customer" took it): the field, the line, the list
     * and the plan agree on one value.
     */
    handleCustomerBlur(event: Event): void {
        const field = (event.target as HTMLElement).dataset.field as CustomerField;
        const value = this.customer[field] ?? '';
        if (value === value.trim()) {
            return;
        }
        this.customer = { ...this.customer, [field]: value.trim() };
        if (field === 'email') {
            this.revalidateEmail = true;
        }
    }

    /**
     * Adds the form's customer (only with a valid email); a change of the typed rows needs a new
     * Check. While the form lacks something the button only takes the admin to the first such field.
     */
    handleAddCustomer(): void {
        if (this.busy) {
            // A Check or a run reads the typed customers it started with: nothing changes them meanwhile.
            return;
        }
        if (this.focusFormProblem()) {
            return;
        }
        // The same customer twice (every field the same, case and surrounding spaces aside) is a slip, not a
        // second customer: refused here, before the Check (admin re-walk: accepted twice).
        const folded = (customer: NewCustomer): string =>
            CUSTOMER_FIELDS.map((field) => fieldText(customer, field).toLowerCase()).join('\u0000');
        if (this.typedCustomers.some((typed) => folded(typed.customer) === folded(this.customer))) {
            this.customerFormRefusal = CUSTOMER_ALREADY_LISTED;
            this.customerNotice = CUSTOMER_ALREADY_LISTED;
            return;
        }
        const key = `c${this.nextCustomerKey++}`;
        this.customerNotice = '';
        // After a Check, the new row waits for the next one (`uncheckedTyped`): the plan stays.
        this.typedCustomers = [...this.typedCustomers, { key, customer: trimmedCustomer(this.customer) }];
        this.clearCustomerForm();
        // The button is disabled with the form blank again: the focus goes back to the form's first
        // field, for the next customer (admin walk: it stayed on the disabled button).
        (this.template?.querySelector('lightning-input[data-field="accountName"]') as HTMLElement | null)?.focus();
    }

    /**
     * While the form cannot be added or saved, takes the admin to the field its reason names: a
     * blank one, else one too long, else the email.
     * @returns whether the form has a problem (nothing is added or saved)
     */
    focusFormProblem(): boolean {
        if (!this.cannotAddCustomer) {
            return false;
        }
        const field = missingCustomerFields(this.customer)[0] ?? customerFieldsTooLong(this.customer)[0] ?? 'email';
        (this.template?.querySelector(`lightning-input[data-field="${field}"]`) as HTMLElement | null)?.focus();
        return true;
    }

    /** The form blank again, editing nothing. */
    clearCustomerForm(): void {
        this.customer = blankCustomer();
        this.editingKey = undefined;
        this.customerFormRefusal = '';
    }

    /** A new customer typed and not added: Clear empties the form (an Edit waits for it), the focus on its first field. */
    handleClearCustomer(): void {
        if (this.busy) {
            return;
        }
        this.clearCustomerForm();
        this.customerNotice = '';
        this.focusAfterRender = 'lightning-input[data-field="accountName"]';
    }

    /** Clear is offered while the form holds a new customer not added. */
    get canClearCustomer(): boolean {
        return !this.isEditingCustomer && this.customerFormHasTyping;
    }

    /**
     * Puts a typed row in the form to edit it. The row stays in the list (marked as edited) and in
     * the plan until Save; the focus goes to the form's first field. Never loses typing: while the
     * form holds a new customer not added, or changes to the row it edits, an Edit of another row
     * is refused with the reason on the form's line, and the focus goes to the form's button that
     * ends it (Save, or "Add customer"), which that line describes.
     */
    handleEditCustomer(event: Event): void {
        if (this.busy) {
            // A Check or a run reads the typed customers it started with: nothing changes them meanwhile.
            return;
        }
        const key = (event.currentTarget as HTMLElement).dataset.key;
        const typed = this.typedCustomers.find((candidate) => candidate.key === key);
        if (!typed) {
            return;
        }
        if (typed.key !== this.editingKey && this.customerFormHasTyping) {
            // Add mode has no Save or Cancel: it says Add or Clear (review).
            const refusal = this.isEditingCustomer ? CUSTOMER_FORM_BUSY : CUSTOMER_FORM_BUSY_NEW;
            this.customerFormRefusal = refusal;
            this.customerNotice = refusal;
            this.focusAfterRender = this.isEditingCustomer ? 'button.save-customer' : 'button.add-customer';
            return;
        }
        this.customerNotice = '';
        this.customerFormRefusal = '';
        if (typed.key !== this.editingKey) {
            this.editingKey = typed.key;
            this.customer = { ...typed.customer };
        }
        this.focusAfterRender = 'lightning-input[data-field="accountName"]';
    }

    /**
     * Saves the form over the row it edits, in place (re-validated as "Add customer" is). A row
     * whose email and account did not change keeps the admin's choice on its match; otherwise the
     * next Check matches it anew. The focus goes back to the row's Edit.
     */
    handleSaveCustomer(): void {
        if (this.busy) {
            // A Check or a run reads the typed customers it started with: nothing changes them meanwhile.
            return;
        }
        const editing = this.editingCustomer;
        if (!editing) {
            this.clearCustomerForm();
            return;
        }
        if (this.focusFormProblem()) {
            return;
        }
        const customer = trimmedCustomer(this.customer);
        const key = editing.key;
        if (!sameCustomer(customer, editing.customer)) {
            const sameMatch =
                sameMatchKey(customer.email, editing.customer.email) &&
                accountKey(customer.accountName) === accountKey(editing.customer.accountName);
            this.typedCustomers = this.typedCustomers.map((typed) => {
                return typed.key === key ? { key, customer, choice: sameMatch ? typed.choice : undefined } : typed;
            });
            // Its values are new: what was typed on its plan row was for the old ones.
            const overrides = { ...this.overrides };
            delete overrides[`${NEW_CONTACT_PREFIX}${key}`];
            this.overrides = overrides;
            this.draftValues = this.draftValues.filter((draft) => draft.key !== `${NEW_CONTACT_PREFIX}${key}`);
            // After a Check, its new values wait for the next one (`uncheckedTyped`): the plan stays.
        }
        this.clearCustomerForm();
        this.customerNotice = formatLabel(
            CUSTOMER_SAVED,
            [customer.firstName, customer.lastName].filter(Boolean).join(' '),
            customer.email,
        );
        this.focusAfterRender = `button.edit-customer[data-key="${key}"]`;
    }

    /** Leaves the row as it was and the form blank; the focus goes back to the row's Edit. */
    handleCancelCustomer(): void {
        if (this.busy) {
            // A Check or a run reads the typed customers it started with: nothing changes them meanwhile.
            return;
        }
        const key = this.editingKey;
        this.clearCustomerForm();
        this.customerNotice = '';
        this.focusAfterRender =
            key !== undefined && this.typedCustomers.some((typed) => typed.key === key)
                ? `button.edit-customer[data-key="${key}"]`
                : 'lightning-input[data-field="accountName"]';
    }

    /**
     * Removes a typed customer. Its button leaves with it, so the focus goes to the next typed
     * customer's Remove, else the previous one's, else the form's first field (never the page's
     * body), and the status line says who was removed.
     */
    handleRemoveCustomer(event: Event): void {
        if (this.busy) {
            // A Check or a run reads the typed customers it started with: nothing changes them meanwhile.
            return;
        }
        const key = (event.currentTarget as HTMLElement).dataset.key as string;
        const index = this.typedCustomers.findIndex((typed) => typed.key === key);
        if (index < 0) {
            return;
        }
        const { customer } = this.typedCustomers[index];
        const neighbour = this.typedCustomers[index + 1] ?? this.typedCustomers[index - 1];
        const before = this.plan;
        const name = this.contactName(`${NEW_CONTACT_PREFIX}${key}`);
        this.removeTyped(key);
        // As a row removed from the plan: a row whose value it had moved gets its own back, and says why.
        this.editNotice = this.movedByEdit(before, new Set([`${NEW_CONTACT_PREFIX}${key}`]), name);
        this.focusAfterRender = neighbour
            ? `button.remove-customer[data-key="${neighbour.key}"]`
            : 'lightning-input[data-field="accountName"]';
        this.customerNotice = formatLabel(
            CUSTOMER_REMOVED,
            [customer.firstName, customer.lastName].filter(Boolean).join(' '),
            customer.email,
        );
    }

    /**
     * The admin's choice for a typed row that matches: "create new" keeps the row and saves it past
     * the duplicate rules; "use the existing one" uses the existing account (the row stays), or
     * replaces the row by the existing contact (selected, then checked), or, for another typed row
     * with the same email, drops this row.
     */
    handleCustomerChoice(event: Event): void {
        if (this.busy) {
            // A Check or a run reads the typed customers it started with: nothing changes them meanwhile.
            return;
        }
        const { key, choice } = (event.currentTarget as HTMLElement).dataset as { key: string; choice: CustomerChoice };
        const match = this.customerMatchMap.get(key);
        if (choice === 'existing' && match?.contact) {
            this.selectedIds = [...new Set([...this.selectedIds, match.contact.id])];
            this.removeTyped(key);
            this.check();
            return;
        }
        if (choice === 'existing' && match?.typedRow && !match.account) {
            this.removeTyped(key);
            return;
        }
        this.typedCustomers = this.typedCustomers.map((typed) => (typed.key === key ? { ...typed, choice } : typed));
    }

    removeTyped(key: string): void {
        this.typedCustomers = this.typedCustomers.filter((typed) => typed.key !== key);
        if (key === this.editingKey) {
            // The row the form edited is gone (removed, or replaced by the existing contact): so is its edit.
            this.clearCustomerForm();
        }
        // The plan stays and drops the row, as it drops a removed contact's.
        const overrides = { ...this.overrides };
        delete overrides[`${NEW_CONTACT_PREFIX}${key}`];
        this.overrides = overrides;
        this.draftValues = this.draftValues.filter((draft) => draft.key !== `${NEW_CONTACT_PREFIX}${key}`);
    }

    /** A new Check or a new selection: no run yet, nothing removed, nothing looked up. */
    resetRun(): void {
        this.plans += 1;
        this.records = new Map();
        this.ranSinceCheck = false;
        this.removed = new Set();
        this.lookedUp = new Set();
        this.pendingLookups = new Set();
        this.lookedUpTaken = { usernames: [], nicknames: [] };
        this.page = 0;
        this.planOrder.reapply();
        this.loginEmails = new Map();
        this.draftValues = [];
        this.editNotice = '';
        // A new plan: a job that stopped before it is the jobs panel's to resume alone.
        if (this.stoppedJob) {
            this.stoppedJob = undefined;
            this.jobNotice = '';
        }
    }

    handleContentUser(event: CustomEvent<{ checked: boolean }>): void {
        this.contentUser = event.detail.checked;
    }

    handleCheck(): void {
        this.focusAfterCheck = true;
        this.check();
    }

    /** Reads the facts for the selection (twice when only ids are known: names first, then patterns). */
    async check(): Promise<void> {
        if (this.busy || this.job) {
            // Not during a Check, a run or a followed job (a hand-over or "Use the existing one"
            // calls this too): the selection changed, and its new rows wait for the next Check.
            return;
        }
        this.busy = true;
        this.loadError = undefined;
        this.resetRun();
        try {
            // The names come with the selection; contacts handed over by id are read first (200 a call).
            let selected: ContactFact[] = this.selection.records;
            const undescribed = this.selection.undescribedIds;
            if (undescribed.length > 0) {
                const first = await fetchInChunks(
                    undescribed,
                    (contactIds) => getEnablementFacts({ contactIds, usernamePatterns: [], nicknamePatterns: [] }),
                    (progress) => (this.checkProgress = progress),
                );
                selected = [...selected, ...first.flatMap((facts) => facts.contacts)];
            }
            // Typed customers: the org's contacts (email) and accounts (name) they match, before any write.
            // One snapshot of the typed customers for their matches and their rows: one added or
            // saved while the lookup runs waits for the next Check (review: it was planned Ready
            // without the lookup, and a run created a duplicate).
            const typedNow = this.typedCustomers;
            this.matches = await this.findCustomerMatches(typedNow);
            const typed = typedNow.map((customer) => newCustomerFact(customer, true));
            const checkedTyped = new Map(typedNow.map((customer) => [customer.key, customer.customer]));
            // Any size: the facts 200 contacts a call (the server's cap), each call with the name
            // patterns of its own contacts (typed customers last, no id sent), merged into one plan.
            const known = new Map(selected.map((contact) => [idKey(contact.id), contact]));
            const items: Array<{ id?: string; fact?: ContactFact }> = [
                ...this.selectedIds.map((id) => ({ id, fact: known.get(idKey(id)) })),
                ...typed.map((fact) => ({ fact })),
            ];
            const chunks = await fetchInChunks(
                items,
                (chunk) => {
                    const patterns = namePatterns(chunk.flatMap((item) => (item.fact ? [item.fact] : [])));
                    return getEnablementFacts({
                        contactIds: chunk.flatMap((item) => (item.id ? [item.id] : [])),
                        usernamePatterns: patterns.usernames,
                        nicknamePatterns: patterns.nicknames,
                    });
                },
                (progress) => (this.checkProgress = progress),
            );
            const facts = mergeEnablementFacts(chunks);
            this.checkedTyped = checkedTyped;
            this.checkedKeys = new Set(items.flatMap((item) => (item.id ? [idKey(item.id)] : [])));
            this.facts = facts;
            this.orgChangedSinceCheck = false;
            // Handed-over contacts get their names in the picker's list (matched on 15 characters); an
            // id no contact answered leaves the selection, and the panel says which (admin walk: "5
            // contacts selected" beside a plan of 3, two pills reading "Record 003…").
            const byKey = new Map(facts.contacts.map((contact) => [idKey(contact.id), contact]));
            this.selection = this.selection.describe(
                this.selection.ids.flatMap((id) => {
                    const contact = this.selection.recordOf(id) ? undefined : byKey.get(idKey(id));
                    return contact ? [{ ...contactRow(contact), id }] : [];
                }),
            );
            // Only ids this Check sent: one handed over while it ran waits for the next Check.
            const sent = new Set(items.flatMap((item) => (item.id ? [idKey(item.id)] : [])));
            const notFound = this.selection.ids.filter((id) => sent.has(idKey(id)) && !byKey.has(idKey(id)));
            this.notFoundIds = notFound;
            if (notFound.length > 0) {
                this.selection = this.selection.remove(notFound);
            }
            // Contacts created inline by a run are selected now: the facts carry them.
            this.createdContacts = [];
            this.profileId = this.profileId || preferredProfileId(facts.profiles);
        } catch (error) {
            this.loadError = error;
        } finally {
            this.busy = false;
            this.checkProgress = undefined;
            if (this.focusAfterCheck) {
                this.focusAfterCheck = false;
                this.focusLanding = ['section.plan h2.plan-heading', 'lightning-button.check'];
            }
        }
    }

    handleProfile(event: CustomEvent<{ value: string }>): void {
        this.profileId = event.detail.value;
    }

    /**
     * A new suffix re-derives every username at once; one that makes no valid username is said on
     * the field itself (its message, `aria-invalid`), and the rows wait for it.
     */
    handleSuffix(event: CustomEvent<{ value: string }>): void {
        this.suffix = event.detail.value ?? '';
        // Every username moves, as the admin asked: what the last edit moved is no longer what the rows show.
        this.editNotice = '';
        // A change of every row, not an edit of one: the filter and the sort apply afresh, so the
        // rows, the count and the pager are the problems now (a held view kept 950 rows under
        // "problems only" once a bad suffix was fixed).
        this.planOrder.reapply();
        const input = event.target as unknown as {
            setCustomValidity?: (message: string) => void;
            reportValidity?: () => boolean;
        };
        const invalid = usernameSuffixProblem(this.suffix);
        input.setCustomValidity?.(invalid ? problemMessage(invalid) : '');
        input.reportValidity?.();
    }

    /**
     * Takes the edited cells as the rows' values, re-validated at once by the plan (the same rules
     * as at Check, against the batch); a typed username or nickname the Check's facts did not
     * cover is looked up in the org, and its row is "Checking" until the answer. Locked rows
     * (Done) take no edit.
     */
    handleSave(event: CustomEvent<{ draftValues: Array<Record<string, string>> }>): void {
        const locked = this.locked.ids;
        const overrides = { ...this.overrides };
        for (const draft of event.detail.draftValues) {
            if (locked.has(draft.key)) {
                continue;
            }
            const row: RowOverrides = { ...(overrides[draft.key] ?? {}) };
            for (const [field, value] of Object.entries(draft)) {
                if (EDITABLE.has(field)) {
                    (row as Record<string, string>)[field] = value;
                } else if (field === CONTENT_FIELD) {
                    row.UserPermissionsSFContentUser = (value as unknown) === true || value === 'true';
                }
            }
            overrides[draft.key] = row;
        }
        const before = this.plan;
        this.overrides = overrides;
        this.draftValues = [];
        this.editNotice = this.movedByEdit(before, new Set(event.detail.draftValues.map((draft) => String(draft.key))));
        this.lookUpTyped(event.detail.draftValues);
    }

    /**
     * The rows an edit moved without touching them: a derived username or nickname that a value
     * typed on another row took. Each says its new value, and why when the plan knows (the
     * USERNAME_ / NICKNAME_CHANGED_FOR_TYPED note the row also shows): the admin never finds a value changed
     * without a word.
     * A row a removal gave its own value back says so, naming the row removed.
     * @param before the plan before the edit
     * @param edited the keys of the rows the admin edited (or removed)
     * @param removedName the name of the row removed, when the edit was a removal
     * @returns one sentence per moved row, or ''
     */
    movedByEdit(before: EnablementPlan | undefined, edited: ReadonlySet<string>, removedName?: string): string {
        const after = this.plan;
        if (!before || !after) {
            return '';
        }
        const previous = new Map(before.rows.map((row) => [row.contactId, row]));
        const sentences: string[] = [];
        for (const row of after.rows) {
            const was = previous.get(row.contactId);
            if (!was || edited.has(row.contactId)) {
                continue;
            }
            const name = this.contactName(row.contactId);
            for (const [field, column] of MOVABLE_FIELDS) {
                if (was.request[field] === row.request[field]) {
                    continue;
                }
                const note = row.warnings.find(
                    (warning) => warning.field === field && CHANGED_FOR_TYPED.has(warning.code),
                );
                // Moved before by the row now removed: [value, that row's name, value it typed].
                const freed = was.warnings.some(
                    (warning) =>
                        warning.field === field &&
                        CHANGED_FOR_TYPED.has(warning.code) &&
                        warning.values[1] === removedName &&
                        warning.values[2]?.toLowerCase() === String(row.request[field]).toLowerCase(),
                );
                let sentence: string;
                if (note) {
                    sentence = formatLabel(ROW_NOTE, name, warningMessage(note));
                } else if (removedName !== undefined && freed) {
                    sentence = formatLabel(VALUE_BACK, name, column, String(row.request[field]), removedName);
                } else {
                    sentence = formatLabel(VALUE_NOW, name, column, String(row.request[field]));
                }
                sentences.push(sentence);
            }
        }
        return sentences.join(' ');
    }

    /**
     * @param contactId a row's contact id
     * @returns the row's name as the plan shows it, '' when it is not a row
     */
    contactName(contactId: string): string {
        const contact = this.contacts.find((candidate) => candidate.id === contactId);
        return contact ? [contact.firstName, contact.lastName].filter(Boolean).join(' ') : '';
    }

    /** Looks up, in one call, the typed usernames and nicknames not looked up yet. */
    async lookUpTyped(drafts: ReadonlyArray<Record<string, string>>): Promise<void> {
        const usernames = new Set<string>();
        const nicknames = new Set<string>();
        for (const draft of drafts) {
            const username = typeof draft.Username === 'string' ? draft.Username.trim().toLowerCase() : '';
            const nickname =
                typeof draft.CommunityNickname === 'string' ? draft.CommunityNickname.trim().toLowerCase() : '';
            if (username && !this.lookedUp.has(`u:${username}`)) {
                usernames.add(username);
            }
            if (nickname && !this.lookedUp.has(`n:${nickname}`)) {
                nicknames.add(nickname);
            }
        }
        if (usernames.size === 0 && nicknames.size === 0) {
            return;
        }
        const keys = [...[...usernames].map((u) => `u:${u}`), ...[...nicknames].map((n) => `n:${n}`)];
        this.pendingLookups = new Set([...this.pendingLookups, ...keys]);
        try {
            const found = await getEnablementFacts({
                contactIds: [],
                usernamePatterns: exactPatterns(usernames),
                nicknamePatterns: exactPatterns(nicknames),
            });
            this.lookedUpTaken = {
                usernames: [...this.lookedUpTaken.usernames, ...found.takenUsernames],
                nicknames: [...this.lookedUpTaken.nicknames, ...found.takenNicknames],
            };
            this.lookedUp = new Set([...this.lookedUp, ...keys]);
        } catch (error) {
            this.loadError = error;
        } finally {
            const pending = new Set(this.pendingLookups);
            keys.forEach((key) => pending.delete(key));
            this.pendingLookups = pending;
        }
    }

    /** The plan table's edits not saved yet: the panel owns them (Run waits; a new Check drops them). */
    handleDraftChange(event: CustomEvent<{ draftValues: Array<Record<string, unknown>> }>): void {
        this.draftValues = event.detail.draftValues;
    }

    /** The remove button of a row: the row leaves the plan with its unsaved edits (a locked row stays). */
    handlePlanRowAction(event: CustomEvent<{ action: { name: string }; row: { key: string } }>): void {
        const key = event.detail.row.key;
        // A row a stopped job still holds stays: a Resume completes it whatever the plan says.
        const held = !this.records.has(key) && this.stoppedJob?.requests.has(key) === true;
        if (event.detail.action.name !== 'remove' || this.locked.ids.has(key) || held) {
            return;
        }
        const before = this.plan;
        this.removed = new Set([...this.removed, key]);
        this.draftValues = this.draftValues.filter((draft) => draft.key !== key);
        // The row leaves with the values it typed: a row they had moved gets its own back, and says why.
        this.editNotice = this.movedByEdit(before, new Set([key]), this.contactName(key));
    }

    handleProblemsOnly(event: CustomEvent<{ checked: boolean }>): void {
        this.problemsOnly = event.detail.checked;
        this.page = 0;
    }

    /** A new order starts on its first page. */
    handleSort(event: CustomEvent<{ fieldName: string; sortDirection: SortDirection }>): void {
        this.sortBy = event.detail.fieldName;
        this.sortDirection = event.detail.sortDirection;
        this.page = 0;
        // "Sort again to reorder": the same sort asked again applies afresh the order it held.
        this.planOrder.reapply();
        this.sortRequests += 1;
    }

    handlePrevious(): void {
        this.page = Math.max(0, this.planView.page - 1);
        this.revealPlanStart();
    }

    handleNext(): void {
        this.page = Math.min(this.planView.pageCount - 1, this.planView.page + 1);
        this.revealPlanStart();
    }

    /** The pager is under the table, whose top does not move with the page: the new page from its first row. */
    revealPlanStart(): void {
        revealStart(this.template?.querySelector('c-plan-table.plan-table'));
    }

    /** Creates the typed customers' accounts and contacts: call 2 of 3, only when there are some. */
    async createTyped(ids: string[]): Promise<{ contactIds: Map<string, string>; failed: EnableResult[] }> {
        const contactIds = new Map<string, string>();
        const failed: EnableResult[] = [];
        const typed = ids.filter((id) => id.startsWith(NEW_CONTACT_PREFIX));
        if (typed.length === 0) {
            return { contactIds, failed };
        }
        const matchMap = this.customerMatchMap;
        const byKey = new Map(this.typedCustomers.map((customer) => [customer.key, customer]));
        const customers = typed.map((id) => {
            const key = id.slice(NEW_CONTACT_PREFIX.length);
            return toNewCustomer(byKey.get(key) as TypedCustomer, matchMap.get(key));
        });
        const created = await createAccountsAndContacts({ customers });
        created.forEach((result, index) => {
            if (result.contactId) {
                contactIds.set(typed[index], result.contactId);
            } else {
                // A duplicate rule still blocked it: the message names the existing record.
                const code = result.errorCode === 'DUPLICATES_DETECTED' ? 'DUPLICATES_DETECTED' : 'PLATFORM_ERROR';
                failed.push({
                    contactId: typed[index],
                    status: 'Failed',
                    assignedPermissionSetIds: [],
                    problems: [{ code, message: result.error ?? '' }],
                });
            }
        });
        return { contactIds, failed };
    }

    handleRun(): Promise<void> {
        if (this.cannotRun) {
            return Promise.resolve();
        }
        return this.runRows(this.readyRows);
    }

    /** "Enable the N that fit": the first N ready rows; the others stay in the plan, not run. */
    handleRunFit(): Promise<void> {
        // The button's own conditions, again: a click may land before the render that disables it.
        if (!this.canFit) {
            return Promise.resolve();
        }
        return this.runRows(this.fitRows);
    }

    /**
     * Runs the rows: typed customers' accounts and contacts first, then the users: in chunks from
     * this browser, or, above {@link BROWSER_RUN_LIMIT} rows, in a job on the platform's queue
     * (issue 10 §3, {@link startJob}).
     */
    async runRows(ready: RowPlan[]): Promise<void> {
        this.startRun();
        const plan = this.plans;
        try {
            this.step = STEP_CUSTOMERS;
            const { contactIds, failed } = await this.createTyped(ready.map((row) => row.contactId));
            const requests = ready
                .filter((row) => !row.contactId.startsWith(NEW_CONTACT_PREFIX) || contactIds.has(row.contactId))
                .map((row) => toEnableRequest(row.request, contactIds));
            // Typed customers now have real contacts: show them under their real ids.
            const createdNow = this.contacts
                .filter((contact) => contactIds.has(contact.id))
                .map((contact) => ({ ...contact, id: contactIds.get(contact.id) as string, duplicateOf: null }));
            this.createdContacts = [...this.createdContacts, ...createdNow];
            // A later check includes them as contacts; they are never created twice. Selected with
            // their name, email and account (as a searched contact is), never as a bare id.
            this.selection = this.selection.add(createdNow.map(createdContactRow)).selection;
            this.typedCustomers = this.typedCustomers.filter(
                (typed) => !contactIds.has(`${NEW_CONTACT_PREFIX}${typed.key}`),
            );
            if (requests.length > BROWSER_RUN_LIMIT) {
                // The run ends when the job does (followJob), not here; the job runs on the platform
                // once started, and the page may go.
                await this.startJob(requests, failed);
                this.unload.release();
                return;
            }
            this.step = STEP_USERS;
            const results = await this.send(requests);
            if (plan === this.plans) {
                this.records = recordRun(this.records, requests, [...results, ...failed]);
            }
            await this.notifyCreated(results);
        } catch (error) {
            this.runErrors = reduceErrors(error);
        }
        this.endRun();
        // The admin's Run, just finished (not a job ending minutes later while they read the page).
        this.focusLanding = RUN_FOCUS;
    }

    /**
     * More than {@link BROWSER_RUN_LIMIT} rows: a job on the platform's queue (createJob, the rows
     * 200 a call with "n of N", startJob). The requests carry the plan's current values. The rows
     * show "Queued in job …"; the browser may close (the jobs panel follows the job); while this
     * panel stays open it reads the job until it ends, and the rows take their outcome.
     */
    async startJob(requests: EnableRequest[], failed: EnableResult[]): Promise<void> {
        this.step = STEP_JOB;
        this.stepDone = 0;
        this.stepTotal = requests.length;
        const job = await startJobFromRows(
            'ENABLE_USERS',
            requests.map((request) => enableRow(request)),
            {
                onProgress: (progress) => {
                    this.progress = progress.percent;
                    this.stepDone = progress.added;
                },
            },
        );
        this.records = recordRun(this.records, [], failed);
        this.job = {
            id: job.id,
            name: job.name,
            requests: new Map(requests.map((request) => [request.ContactId, request])),
        };
        this.jobNotice = formatLabel(JOB_STARTED, job.name, requests.length.toLocaleString());
        Object.assign(this, stoppedRun());
        this.ranSinceCheck = true;
        // Run is disabled now: the focus lands on the plan, whose rows say "Queued in job".
        this.focusLanding = ['section.plan h2.plan-heading'];
        this.dispatchEvent(jobStartedEvent('ENABLE_USERS', job.id));
        this.followJob(job.id);
    }

    /**
     * Reads the job until it ends, then moves its rows to their outcome (`c/jobRunner.enableResultOf`)
     * and ends the run (History refreshes). Rows a cancelled or failed job did not reach show Not
     * run; the jobs panel offers Resume.
     */
    async followJob(jobId: string): Promise<void> {
        const plan = this.plans;
        try {
            const finished = await waitForJob(jobId, {
                intervalMs: this.jobPollInterval,
                // Cancelled, the chunk in flight still running: the notice no longer says it runs.
                onProgress: (job) => {
                    if (isStopping(job)) {
                        this.jobNotice = formatLabel(JOB_STOPPING_NOTICE, job.name);
                    }
                },
                stopped: () => !this.connected || this.job?.id !== jobId,
            });
            if (!finished) {
                return;
            }
            if (plan !== this.plans) {
                // A new plan since the job started: its outcomes are the jobs panel's and History's,
                // never records of rows this plan has not run, and this plan has not run either.
                this.job = undefined;
                this.jobNotice = '';
                this.refreshLists();
                return;
            }
            const results = finished.rows
                .map(enableResultOf)
                .filter((result): result is EnableResult => result !== null);
            this.records = recordRun(this.records, [...(this.job?.requests.values() ?? [])], results);
            // Stopped with rows to resume (a Cancel during the last chunk leaves none: nothing to say).
            const stopped = finished.job.status !== 'Completed' && pendingOf(finished.job) > 0;
            this.jobNotice = stopped
                ? formatLabel(JOB_STOPPED, finished.job.name, summaryText(finished.job, finished.job.kind))
                : '';
            this.stoppedJob = stopped ? this.job : undefined;
        } catch (error) {
            this.runErrors = reduceErrors(error);
        }
        this.job = undefined;
        this.endRun();
    }

    /**
     * The jobs panel resumed a job (through the shell). When it is the job this panel's last run
     * handed its rows to, and it stopped midway, the panel reads it again: the rows not run yet
     * show "Queued in job …" and every row takes its outcome when the job ends, as after a run
     * (History and the lists refresh). Any other job is the jobs panel's alone.
     * @param jobId the job resumed
     * @returns whether this panel follows it
     */
    @api
    followResumedJob(jobId: string): boolean {
        const stopped = this.stoppedJob;
        if (!stopped || stopped.id !== jobId || this.job) {
            return false;
        }
        if (this.busy) {
            // A Retry runs: the job is followed when it ends (`endRun`), not left "Not finished".
            this.resumeAfterRun = jobId;
            return true;
        }
        // Only the rows not run yet wait in the job; the others keep their outcome.
        const waiting = new Map(
            [...stopped.requests].filter(
                ([contactId]) => !DONE_STATUSES.has(this.records.get(contactId)?.result.status ?? ''),
            ),
        );
        this.stoppedJob = undefined;
        this.job = { ...stopped, requests: waiting };
        this.jobNotice = formatLabel(JOB_STARTED, stopped.name, waiting.size.toLocaleString());
        this.runErrors = undefined;
        this.followJob(jobId);
        return true;
    }

    handleSendLoginEmail(event: CustomEvent<{ checked: boolean }>): void {
        this.sendLoginEmail = event.detail.checked;
    }

    /**
     * "Generate new password and notify user" (seed 000's Setup step) for the users this run
     * created, when the admin chose it: one `UserDoctorController.sendLoginEmails` call (at most
     * 200 users, a browser run's size); each user's refusal shows on its row.
     */
    async notifyCreated(results: readonly EnableResult[]): Promise<void> {
        const userIds = results
            .filter((result) => result.status === 'Created' && result.userId)
            .map((result) => result.userId as string);
        if (!this.sendLoginEmail || userIds.length === 0) {
            return;
        }
        const emails = new Map(this.loginEmails);
        try {
            for (const outcome of await sendLoginEmails({ userIds })) {
                emails.set(outcome.userId, outcome.result);
            }
        } catch (error) {
            // The users exist; only the emails failed: each row says why.
            const message = reduceErrors(error).join(' ');
            userIds.forEach((userId) => emails.set(userId, { ok: false, message, setupUrl: '' }));
        }
        this.loginEmails = emails;
    }

    /** The login email's outcome for a created user, or nothing when none was sent. */
    loginEmailText(userId: string | null | undefined): string {
        const outcome = userId ? this.loginEmails.get(userId) : undefined;
        if (!outcome) {
            return '';
        }
        return outcome.ok ? LOGIN_EMAIL_SENT : formatLabel(LOGIN_EMAIL_REFUSED, outcome.message);
    }

    /** Retry: the failed rows with their current values (re-validated), the incomplete ones as sent. */
    async handleRetry(): Promise<void> {
        // The button's own conditions, again: a click may land before the render that disables it.
        if (!this.canRetry) {
            return;
        }
        const requests = this.retryRequests;
        this.startRun();
        this.step = STEP_RETRY;
        const retried = await this.send(requests);
        this.records = recordRun(this.records, requests, retried);
        await this.notifyCreated(retried);
        this.endRun();
        this.focusLanding = RUN_FOCUS;
    }

    /** Call 3 of 3, in chunks of 200 with progress; a failed chunk fails its rows, not the run. */
    send(requests: EnableRequest[]): Promise<EnableResult[]> {
        this.stepDone = 0;
        this.stepTotal = requests.length;
        return runInChunks<EnableRequest, EnableResult>(
            requests,
            (chunk) => enableUsers({ requests: chunk }),
            (chunk, error) =>
                chunk.map((request) => ({
                    contactId: request.ContactId,
                    status: 'Failed',
                    assignedPermissionSetIds: [],
                    problems: reduceErrors(error).map((message) => ({ code: 'PLATFORM_ERROR', message })),
                })),
            (progress) => {
                this.progress = progress.percent;
                this.stepDone = progress.done;
            },
            // Role-based users (Customer Community Plus): chunks of the setting, default 50.
            enableChunkSize(this.facts),
        );
    }

    /** A run starts: actions wait, the progress restarts, the last run's errors go (`c/runState`). */
    startRun(): void {
        Object.assign(this, startedRun());
        this.unload.hold();
    }

    /** Asks before the page is left while this panel's run sends chunks (`c/runState.unloadGuard`). */
    private unload = unloadGuard();

    /**
     * After a run: Run stays disabled until the next Check, the rows done are locked, and the
     * lists that show users refresh: the `runcompleted` event (bubbles, composed: the shell
     * refreshes History on it) and the picker's `refresh()` when it has one.
     */
    endRun(): void {
        Object.assign(this, stoppedRun());
        this.unload.release();
        this.ranSinceCheck = true;
        this.page = Math.min(this.page, this.planView.pageCount - 1);
        const failures = this.results.filter(
            (result) => result.status === 'Failed' || result.status === 'Incomplete' || result.status === REFUSED,
        );
        if (!this.runErrors && failures.length > 0) {
            this.runErrors = failures.flatMap(resultProblemMessages);
        }
        this.refreshLists();
        const resumed = this.resumeAfterRun;
        this.resumeAfterRun = undefined;
        if (resumed) {
            this.followResumedJob(resumed);
        }
    }

    refreshLists(): void {
        const created = this.results.filter((result) => result.userId).map((result) => result.userId as string);
        this.dispatchEvent(runCompletedEvent('enableUsers', created));
        const picker = this.template?.querySelector('c-record-picker') as
            (HTMLElement & { refresh?: () => unknown }) | null;
        if (picker && typeof picker.refresh === 'function') {
            picker.refresh();
        }
    }
}
