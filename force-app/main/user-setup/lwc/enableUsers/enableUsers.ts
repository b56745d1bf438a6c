import { LightningElement, api } from 'lwc';
import searchContacts from '@salesforce/apex/UserSetupController.searchContacts';
import getEnablementFacts from '@salesforce/apex/UserSetupController.getEnablementFacts';
import createAccountsAndContacts from '@salesforce/apex/UserSetupController.createAccountsAndContacts';
import findExistingCustomers from '@salesforce/apex/UserSetupController.findExistingCustomers';
import enableUsers from '@salesforce/apex/UserSetupController.enableUsers';
import { planEnablement, DEFAULT_USERNAME_SUFFIX } from 'c/userEnablement';
import type { ContactFact, EnablementPlan, RowOverrides } from 'c/userEnablement';
import {
    NEW_CONTACT_PREFIX,
    blockedRows,
    customerDuplicate,
    customerMatches,
    enableChunkSize,
    enablementCsv,
    mergeEnableResults,
    namePatterns,
    newCustomerFact,
    newCustomerProblem,
    retryRequests,
    toEnableRequest,
    toNewCustomer,
    toOrgFacts,
} from 'c/enablementRun';
import type { CsvRow, CustomerChoice, CustomerMatch, TypedCustomer } from 'c/enablementRun';
import { csvDataUrl } from 'c/csvExport';
import { platformProblemMessage, problemMessage, refusalProblemMessage, warningMessage } from 'c/enablementMessages';
import { runInChunks } from 'c/bulkRunner';
import { reduceErrors } from 'c/errorUtils';
import { formatLabel } from 'c/labelFormat';
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
import READY_COUNT from '@salesforce/label/c.CCSA_Enable_Ready_Count';
import PLAN from '@salesforce/label/c.CCSA_Enable_Plan';
import RESULTS from '@salesforce/label/c.CCSA_Enable_Results';
import COLUMN_CONTACT from '@salesforce/label/c.CCSA_Enable_Column_Contact';
import COLUMN_ACCOUNT from '@salesforce/label/c.CCSA_Enable_Column_Account';
import COLUMN_USER from '@salesforce/label/c.CCSA_Enable_Column_User';
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
import CONTENT_USER from '@salesforce/label/c.CCSA_Enable_Content_User';
import COLUMN_CONTENT from '@salesforce/label/c.CCSA_Enable_Column_Content';

type ContactOption = Apex.UserSetupService.ContactFact;
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
/** The per-row "Salesforce CRM Content User" checkbox (a boolean draft value). */
const CONTENT_FIELD = 'UserPermissionsSFContentUser';

/** Contacts per page of the picker (the Apex page size), and the most the picker pages through. */
const PAGE_SIZE = 200;
const MAX_PAGED = 2200;

const userUrl = (userId: string): string => `/lightning/r/User/${userId}/view`;

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
            this.selectedIds = [...ids];
            this.check().then(() => this.revealPlan());
        }
    }
    /** One contact, one screen: no search, no typed customers (the quick action). */
    @api compact = false;

    labels = {
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
    };

    contactColumns = [
        { label: COLUMN_CONTACT, fieldName: 'name' },
        { label: EMAIL, fieldName: 'email' },
        { label: COLUMN_ACCOUNT, fieldName: 'accountName' },
        { label: COLUMN_USER, fieldName: 'existingUserLicenseName' },
    ];

    planColumns = [
        { label: COLUMN_CONTACT, fieldName: 'name' },
        { label: COLUMN_USERNAME, fieldName: 'Username', editable: true },
        { label: COLUMN_NICKNAME, fieldName: 'CommunityNickname', editable: true },
        { label: COLUMN_ALIAS, fieldName: 'Alias', editable: true },
        { label: COLUMN_CONTENT, fieldName: CONTENT_FIELD, type: 'boolean', editable: true },
        { label: COLUMN_CHECK, fieldName: 'check', wrapText: true },
    ];

    resultColumns = [
        { label: COLUMN_CONTACT, fieldName: 'name' },
        {
            label: COLUMN_USERNAME,
            fieldName: 'userUrl',
            type: 'url',
            typeAttributes: { label: { fieldName: 'username' } },
        },
        { label: COLUMN_STATUS, fieldName: 'status' },
        { label: COLUMN_PROBLEMS, fieldName: 'problems', wrapText: true },
    ];

    searchTerm = '';
    candidates: ContactOption[] = [];
    searched = false;
    hasMore = false;
    selectedIds: string[] = [];
    customer: NewCustomer = { accountName: '', firstName: '', lastName: '', email: '' };
    /** Customers typed inline, each with a stable key and the admin's choice on a match. */
    typedCustomers: TypedCustomer[] = [];
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
    draftValues: unknown[] = [];
    results: EnableResult[] = [];
    requests = new Map<string, EnableRequest>();
    progress = 0;
    busy = false;
    running = false;
    loadError?: unknown;
    runErrors?: string[];

    handedOver?: string[];
    connected = false;

    override connectedCallback(): void {
        this.connected = true;
        if (this.handedOver && this.handedOver.length > 0) {
            this.selectedIds = [...this.handedOver];
            this.check().then(() => this.revealPlan());
        }
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

    get hasCandidates(): boolean {
        return this.candidates.length > 0;
    }

    get noCandidates(): boolean {
        return this.searched && this.candidates.length === 0;
    }

    get candidateRows(): Array<ContactOption & { name: string }> {
        return this.candidates.map((contact) => ({
            ...contact,
            name: [contact.firstName, contact.lastName].filter(Boolean).join(' '),
        }));
    }

    get hasNewCustomers(): boolean {
        return this.typedCustomers.length > 0;
    }

    /** What each typed customer matches (by key), from the last Check's `findExistingCustomers`. */
    get customerMatchMap(): Map<string, CustomerMatch> {
        return customerMatches(this.typedCustomers, this.matches);
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
            return {
                key: typed.key,
                text: `${[customer.firstName, customer.lastName].filter(Boolean).join(' ')} <${customer.email}>, ${customer.accountName}`,
                duplicate: duplicate ? problemMessage({ ...duplicate, fix: 'CHOOSE_EXISTING_OR_NEW' }) : '',
                undecided: !!duplicate && !typed.choice,
                decision:
                    typed.choice === 'new' && duplicate
                        ? CREATING_NEW
                        : usesAccount
                          ? formatLabel(USING_ACCOUNT, match?.account?.name)
                          : '',
                editLabel: `${EDIT_CUSTOMER}: ${customer.lastName}`,
                removeLabel: `${REMOVE_CUSTOMER}: ${customer.lastName}`,
            };
        });
    }

    /** The form's problem: a valid email is required before "Add customer" accepts the row. */
    get customerFormProblem(): ReturnType<typeof newCustomerProblem> {
        return newCustomerProblem(this.customer);
    }

    get cannotAddCustomer(): boolean {
        return this.customerFormProblem !== null;
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
        const matchMap = this.customerMatchMap;
        const adminHasRole = this.facts.adminHasRole;
        return [
            ...this.facts.contacts,
            ...this.createdContacts,
            ...this.typedCustomers.map((typed) => newCustomerFact(typed, adminHasRole, matchMap.get(typed.key))),
        ];
    }

    get cannotCheck(): boolean {
        return this.busy || (this.selectedIds.length === 0 && this.typedCustomers.length === 0);
    }

    get profileOptions(): Array<{ label: string; value: string }> {
        return (this.facts?.profiles ?? []).map((profile) => ({
            label: `${profile.name} (${profile.licenseName})`,
            value: profile.id,
        }));
    }

    get plan(): EnablementPlan | undefined {
        if (!this.facts) {
            return undefined;
        }
        return planEnablement(this.contacts, toOrgFacts(this.facts, this.profileId || undefined), {
            usernameSuffix: this.suffix,
            overrides: this.overrides,
            contentUser: this.contentUser,
        });
    }

    get planRows(): Array<Record<string, string | boolean>> {
        const plan = this.plan;
        if (!plan) {
            return [];
        }
        const names = new Map(this.contacts.map((contact) => [contact.id, contact]));
        return plan.rows.map((row) => {
            const contact = names.get(row.contactId);
            const notes = [...row.problems.map(problemMessage), ...row.warnings.map(warningMessage)];
            return {
                key: row.contactId,
                name: [contact?.firstName, contact?.lastName].filter(Boolean).join(' '),
                Username: row.request.Username,
                CommunityNickname: row.request.CommunityNickname,
                Alias: row.request.Alias,
                [CONTENT_FIELD]: row.request.UserPermissionsSFContentUser,
                check: row.canEnable && notes.length === 0 ? READY : notes.join('\n'),
            };
        });
    }

    get selectionMessages(): Array<{ key: string; text: string }> {
        const plan = this.plan;
        if (!plan) {
            return [];
        }
        return [
            ...plan.selectionProblems.map((problem, index) => ({ key: `p${index}`, text: problemMessage(problem) })),
            ...plan.selectionWarnings.map((warning, index) => ({ key: `w${index}`, text: warningMessage(warning) })),
        ];
    }

    get readyText(): string {
        const plan = this.plan;
        return plan ? formatLabel(READY_COUNT, plan.enableCount, plan.rows.length) : '';
    }

    get cannotRun(): boolean {
        return this.busy || !this.plan?.canProceed;
    }

    get canRetry(): boolean {
        return !this.busy && retryRequests(this.results, this.requests).length > 0;
    }

    get resultRows(): Array<Record<string, string>> {
        const names = new Map(this.contacts.map((contact) => [contact.id, contact]));
        return this.results.map((result) => {
            const request = this.requests.get(result.contactId);
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
                status: STATUS_LABELS[result.status] ?? result.status,
                problems: resultProblemMessages(result).join('\n'),
            };
        });
    }

    /** The export: every result of the run, then every row the validation blocked before it. */
    get csvHref(): string {
        const header = [COLUMN_CONTACT, COLUMN_ACCOUNT, COLUMN_USERNAME, 'User Id', COLUMN_STATUS, COLUMN_PROBLEMS];
        const ran: CsvRow[] = this.resultRows.map((row) => ({
            contact: row.name,
            account: row.account,
            username: row.username,
            userId: row.userId,
            status: row.status,
            problems: row.problems,
        }));
        const names = new Map(this.contacts.map((contact) => [contact.id, contact]));
        const blocked: CsvRow[] = blockedRows(this.plan, this.results).map((row) => {
            const contact = names.get(row.contactId);
            return {
                contact: [contact?.firstName, contact?.lastName].filter(Boolean).join(' '),
                account: contact?.accountName ?? '',
                username: row.request.Username,
                userId: '',
                status: STATUS_BLOCKED,
                problems: row.problems.map(problemMessage).join('\n'),
            };
        });
        return csvDataUrl(enablementCsv(header, [...ran, ...blocked]));
    }

    handleSearchTerm(event: CustomEvent<{ value: string }>): void {
        this.searchTerm = event.detail.value;
    }

    handleSearch(): Promise<void> {
        return this.loadContacts(0);
    }

    handleMore(): Promise<void> {
        return this.loadContacts(this.candidates.length);
    }

    /** A page of 200 contacts: the first replaces the list, the next ones are added to it. */
    async loadContacts(pageOffset: number): Promise<void> {
        this.busy = true;
        this.loadError = undefined;
        try {
            const page = await searchContacts({ searchTerm: this.searchTerm || null, pageOffset });
            this.candidates = pageOffset === 0 ? page : [...this.candidates, ...page];
            this.hasMore = page.length === PAGE_SIZE && this.candidates.length < MAX_PAGED;
            this.searched = true;
        } catch (error) {
            this.loadError = error;
        } finally {
            this.busy = false;
        }
    }

    handleRowSelection(event: CustomEvent<{ selectedRows: ContactOption[] }>): void {
        this.selectedIds = event.detail.selectedRows.map((row) => row.id);
    }

    handleCustomerField(event: Event): void {
        const input = event.target as HTMLInputElement & { dataset: { field: keyof NewCustomer } };
        this.customer = {
            ...this.customer,
            [input.dataset.field]: (event as CustomEvent<{ value: string }>).detail.value,
        };
    }

    /** Adds the form's customer (only with a valid email); a change of the typed rows needs a new Check. */
    handleAddCustomer(): void {
        if (this.cannotAddCustomer) {
            return;
        }
        const key = `c${this.nextCustomerKey++}`;
        this.typedCustomers = [...this.typedCustomers, { key, customer: { ...this.customer } }];
        this.customer = { accountName: '', firstName: '', lastName: '', email: '' };
        this.typedChanged();
    }

    /** Puts a typed row back in the form to edit it; "Add customer" adds it again, checked anew. */
    handleEditCustomer(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key;
        const typed = this.typedCustomers.find((candidate) => candidate.key === key);
        if (!typed) {
            return;
        }
        this.customer = { ...typed.customer };
        this.removeTyped(typed.key);
    }

    handleRemoveCustomer(event: Event): void {
        this.removeTyped((event.currentTarget as HTMLElement).dataset.key as string);
    }

    /**
     * The admin's choice for a typed row that matches: "create new" keeps the row and saves it past
     * the duplicate rules; "use the existing one" uses the existing account (the row stays), or
     * replaces the row by the existing contact (selected, then checked), or, for another typed row
     * with the same email, drops this row.
     */
    handleCustomerChoice(event: Event): void {
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
        const overrides = { ...this.overrides };
        delete overrides[`${NEW_CONTACT_PREFIX}${key}`];
        this.overrides = overrides;
        this.typedChanged();
    }

    /** Typed rows changed: the plan is stale until the next Check (their names were not looked up). */
    typedChanged(): void {
        this.facts = undefined;
        this.results = [];
    }

    handleContentUser(event: CustomEvent<{ checked: boolean }>): void {
        this.contentUser = event.detail.checked;
    }

    handleCheck(): void {
        this.check();
    }

    /** Reads the facts for the selection (twice when only ids are known: names first, then patterns). */
    async check(): Promise<void> {
        this.busy = true;
        this.loadError = undefined;
        this.results = [];
        try {
            const known = this.candidates.filter((candidate) => this.selectedIds.includes(candidate.id));
            let selected: ContactFact[] = known;
            if (known.length < this.selectedIds.length) {
                const first = await getEnablementFacts({
                    contactIds: this.selectedIds,
                    usernamePatterns: [],
                    nicknamePatterns: [],
                });
                selected = first.contacts;
            }
            // Typed customers: the org's contacts (email) and accounts (name) they match, before any write.
            this.matches =
                this.typedCustomers.length > 0
                    ? await findExistingCustomers({
                          customers: this.typedCustomers.map((typed) => toNewCustomer(typed)),
                      })
                    : undefined;
            const typed = this.typedCustomers.map((customer) => newCustomerFact(customer, true));
            const patterns = namePatterns([...selected, ...typed]);
            const facts = await getEnablementFacts({
                contactIds: this.selectedIds,
                usernamePatterns: patterns.usernames,
                nicknamePatterns: patterns.nicknames,
            });
            this.facts = facts;
            // Contacts created inline by a run are selected now: the facts carry them.
            this.createdContacts = [];
            const preferred = facts.profiles.find((profile) => profile.permissionsApiEnabled) ?? facts.profiles[0];
            this.profileId = this.profileId || preferred?.id || '';
        } catch (error) {
            this.loadError = error;
        } finally {
            this.busy = false;
        }
    }

    handleProfile(event: CustomEvent<{ value: string }>): void {
        this.profileId = event.detail.value;
    }

    handleSuffix(event: CustomEvent<{ value: string }>): void {
        this.suffix = event.detail.value;
    }

    handleSave(event: CustomEvent<{ draftValues: Array<Record<string, string>> }>): void {
        const overrides = { ...this.overrides };
        for (const draft of event.detail.draftValues) {
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
        this.overrides = overrides;
        this.draftValues = [];
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

    async handleRun(): Promise<void> {
        const plan = this.plan;
        if (!plan?.canProceed) {
            return;
        }
        const ready = plan.rows.filter((row) => row.canEnable);
        this.startRun();
        try {
            const { contactIds, failed } = await this.createTyped(ready.map((row) => row.contactId));
            const requests = ready
                .filter((row) => !row.contactId.startsWith(NEW_CONTACT_PREFIX) || contactIds.has(row.contactId))
                .map((row) => toEnableRequest(row.request, contactIds));
            // Typed customers now have real contacts: show them under their real ids.
            this.createdContacts = [
                ...this.createdContacts,
                ...this.contacts
                    .filter((contact) => contactIds.has(contact.id))
                    .map((contact) => ({ ...contact, id: contactIds.get(contact.id) as string, duplicateOf: null })),
            ];
            // A later check includes them as contacts; they are never created twice.
            this.selectedIds = [...this.selectedIds, ...contactIds.values()];
            this.typedCustomers = this.typedCustomers.filter(
                (typed) => !contactIds.has(`${NEW_CONTACT_PREFIX}${typed.key}`),
            );
            this.requests = new Map(requests.map((request) => [request.ContactId, request]));
            const results = await this.send(requests);
            this.results = [...results, ...failed];
        } catch (error) {
            this.runErrors = reduceErrors(error);
        }
        this.endRun();
    }

    async handleRetry(): Promise<void> {
        this.startRun();
        const retried = await this.send(retryRequests(this.results, this.requests));
        this.results = mergeEnableResults(this.results, retried);
        this.endRun();
    }

    /** Call 3 of 3, in chunks of 200 with progress; a failed chunk fails its rows, not the run. */
    send(requests: EnableRequest[]): Promise<EnableResult[]> {
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
            (progress) => (this.progress = progress.percent),
            // Role-based users (Customer Community Plus): chunks of the setting, default 50.
            enableChunkSize(this.facts),
        );
    }

    startRun(): void {
        this.busy = true;
        this.running = true;
        this.progress = 0;
        this.runErrors = undefined;
    }

    endRun(): void {
        this.busy = false;
        this.running = false;
        const failures = this.results.filter(
            (result) => result.status === 'Failed' || result.status === 'Incomplete' || result.status === REFUSED,
        );
        if (!this.runErrors && failures.length > 0) {
            this.runErrors = failures.flatMap(resultProblemMessages);
        }
    }
}
