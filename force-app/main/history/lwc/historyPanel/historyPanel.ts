import { LightningElement, api } from 'lwc';
import getHistory from '@salesforce/apex/HistoryController.getHistory';
import getHistoryFilterOptions from '@salesforce/apex/HistoryController.getHistoryFilterOptions';
import searchHistoryUsers from '@salesforce/apex/HistoryController.searchHistoryUsers';
import { SelectionModel } from 'c/selectionModel';
import {
    EMPTY_FORM,
    MAX_OFFSET,
    PAGE_SIZE,
    actionLabel,
    beyondOffsetLimit,
    dateRangeReversed,
    detailSections,
    filterOptions,
    hasCriteria,
    logUrl,
    nextOffset,
    pageNames,
    pageRange,
    previousOffset,
    pickerRows,
    rowActionLabel,
    toHistoryFilter,
    toTableRow,
    rowSubject,
    fieldChanges,
    explainErrors,
    userUrl,
} from 'c/historyFormat';
import type {
    DetailSection,
    ErrorExplanation,
    FieldChange,
    FilterForm,
    HistoryPage,
    HistoryRow,
    HistoryTableRow,
    NameMap,
} from 'c/historyFormat';
import { formatLabel } from 'c/labelFormat';
import TITLE from '@salesforce/label/c.CCSA_History_Title';
import INTRO from '@salesforce/label/c.CCSA_History_Intro';
import USER_SEARCH from '@salesforce/label/c.CCSA_History_User_Search';
import USER_SEARCH_PLACEHOLDER from '@salesforce/label/c.CCSA_History_User_Search_Placeholder';
import ACTION from '@salesforce/label/c.CCSA_History_Action';
import OUTCOME from '@salesforce/label/c.CCSA_History_Outcome';
import ANY from '@salesforce/label/c.CCSA_History_Any';
import FROM from '@salesforce/label/c.CCSA_History_From';
import TO from '@salesforce/label/c.CCSA_History_To';
import APPLY from '@salesforce/label/c.CCSA_History_Apply';
import CLEAR from '@salesforce/label/c.CCSA_History_Clear';
import REFRESH from '@salesforce/label/c.CCSA_History_Refresh';
import PREVIOUS from '@salesforce/label/c.CCSA_History_Previous';
import NEXT from '@salesforce/label/c.CCSA_History_Next';
import LOAD_ERROR from '@salesforce/label/c.CCSA_History_Load_Error';
import EMPTY from '@salesforce/label/c.CCSA_History_Empty';
import RANGE from '@salesforce/label/c.CCSA_History_Range';
import OFFSET_LIMIT from '@salesforce/label/c.CCSA_History_Offset_Limit';
import COLUMN_WHEN from '@salesforce/label/c.CCSA_History_Column_When';
import COLUMN_LOG from '@salesforce/label/c.CCSA_History_Column_Log';
import COLUMN_USER from '@salesforce/label/c.CCSA_History_Column_User';
import COLUMN_USERNAME from '@salesforce/label/c.CCSA_History_Column_Username';
import COLUMN_BY from '@salesforce/label/c.CCSA_History_Column_By';
import DETAILS from '@salesforce/label/c.CCSA_History_Details';
import DETAILS_TITLE from '@salesforce/label/c.CCSA_History_Details_Title';
import DETAILS_EMPTY from '@salesforce/label/c.CCSA_History_Details_Empty';
import CLOSE from '@salesforce/label/c.CCSA_History_Close';
import NO_USER from '@salesforce/label/c.CCSA_History_No_User';
import LOADING from '@salesforce/label/c.CCSA_Loading';
import FIELD from '@salesforce/label/c.CCSA_History_Field';
import CHANGES from '@salesforce/label/c.CCSA_History_Changes';
import BEFORE from '@salesforce/label/c.CCSA_History_Before';
import AFTER from '@salesforce/label/c.CCSA_History_After';
import EXPLANATION from '@salesforce/label/c.CCSA_History_Explanation';
import TIME_ZONE from '@salesforce/label/c.CCSA_History_Time_Zone';
import DATE_RANGE_INVALID from '@salesforce/label/c.CCSA_History_Date_Range_Invalid';
import PICKER_CONTACT from '@salesforce/label/c.CCSA_History_Picker_Contact';

type FilterOptions = Apex.HistoryService.HistoryFilterOptions;
type HistoryUserRow = Apex.HistoryService.HistoryUserRow;
type FilterField = keyof FilterForm;

/**
 * "History" at the foot of the Setup Assistant: every change the assistant recorded in
 * `Setup_Assistant_Log__c`, newest first, filtered by user, action, outcome and dates, a page at
 * a time, with links to the user and the log record and the details (before, after, snapshot,
 * removed, restored, errors) of one row. The rules live in `c/historyFormat`.
 */
export default class HistoryPanel extends LightningElement {
    labels = {
        title: TITLE,
        intro: INTRO,
        userSearch: USER_SEARCH,
        userSearchPlaceholder: USER_SEARCH_PLACEHOLDER,
        action: ACTION,
        outcome: OUTCOME,
        from: FROM,
        to: TO,
        apply: APPLY,
        clear: CLEAR,
        refresh: REFRESH,
        previous: PREVIOUS,
        next: NEXT,
        loadError: LOAD_ERROR,
        empty: EMPTY,
        detailsEmpty: DETAILS_EMPTY,
        close: CLOSE,
        loading: LOADING,
        field: FIELD,
        changes: CHANGES,
        before: BEFORE,
        after: AFTER,
        explanation: EXPLANATION,
    };

    /** The columns; "When" in the admin's time zone (Apex gives it with the page). */
    get columns(): unknown[] {
        const timeZone = this.currentPage?.timeZone;
        return this.baseColumns.map((column) => {
            return column.fieldName === 'createdDate' && timeZone
                ? { ...column, typeAttributes: { ...column.typeAttributes, timeZone } }
                : column;
        });
    }

    /** "Times in Europe/Paris": the time zone the History shows times in. */
    get timeZoneText(): string {
        const timeZone = this.currentPage?.timeZone;
        return timeZone ? formatLabel(TIME_ZONE, timeZone) : '';
    }

    private baseColumns: Array<{
        fieldName?: string;
        typeAttributes?: Record<string, unknown>;
        [key: string]: unknown;
    }> = [
        {
            label: COLUMN_WHEN,
            fieldName: 'createdDate',
            type: 'date',
            typeAttributes: {
                year: 'numeric',
                month: 'short',
                day: '2-digit',
                hour: '2-digit',
                minute: '2-digit',
            },
        },
        {
            label: COLUMN_LOG,
            fieldName: 'logUrl',
            type: 'url',
            typeAttributes: { label: { fieldName: 'name' }, target: '_blank' },
        },
        { label: ACTION, fieldName: 'action' },
        { label: OUTCOME, fieldName: 'status' },
        {
            label: COLUMN_USER,
            fieldName: 'targetUserUrl',
            type: 'url',
            typeAttributes: { label: { fieldName: 'targetUserName' }, target: '_blank' },
        },
        { label: COLUMN_BY, fieldName: 'actingUserName' },
        {
            type: 'button',
            initialWidth: 110,
            typeAttributes: { label: DETAILS, name: 'details', variant: 'base', title: DETAILS },
        },
    ];

    /** What the admin is typing or picking. */
    form: FilterForm = { ...EMPTY_FORM };
    /** The user picked in the user filter (one at most); the form holds its id. */
    userSelection: SelectionModel<HistoryUserRow> = SelectionModel.empty<HistoryUserRow>({ single: true });
    /** The user picker's columns. */
    userColumns = [
        { label: COLUMN_USER, fieldName: 'name' },
        { label: COLUMN_USERNAME, fieldName: 'username' },
    ];
    /** The filter of the page shown (what Refresh and paging read again). */
    applied: FilterForm = { ...EMPTY_FORM };
    currentPage?: HistoryPage;
    options?: FilterOptions;
    loading = false;
    loadError?: unknown;
    /** The row whose details are open. */
    selectedId?: string;

    override connectedCallback(): void {
        this.loadOptions();
        this.load(0);
    }

    /**
     * Reads the first page of the applied filter again: a run or a job that finished elsewhere in
     * the assistant wrote new rows (the shell calls it on `runcompleted`).
     */
    @api
    async refresh(): Promise<void> {
        await this.load(0);
    }

    /** Reads one page of the applied filter. */
    async load(offset: number): Promise<void> {
        this.loading = true;
        try {
            this.currentPage = await getHistory({ filter: toHistoryFilter(this.applied, offset, PAGE_SIZE) });
            this.loadError = undefined;
            if (this.selectedId && !this.currentPage.rows.some((row) => row.id === this.selectedId)) {
                this.selectedId = undefined;
            }
        } catch (error) {
            this.loadError = error;
        } finally {
            this.loading = false;
        }
    }

    /** The choices of the action and outcome filters; without them, only "All" is offered. */
    async loadOptions(): Promise<void> {
        try {
            this.options = await getHistoryFilterOptions();
        } catch (error) {
            this.loadError = error;
        }
    }

    get actionOptions(): { label: string; value: string }[] {
        return filterOptions(this.options?.actions, ANY, actionLabel);
    }

    get outcomeOptions(): { label: string; value: string }[] {
        return filterOptions(this.options?.statuses, ANY);
    }

    get rows(): HistoryTableRow[] {
        const objectApiName = this.currentPage?.objectApiName;
        return (this.currentPage?.rows ?? []).map((row) => toTableRow(row, objectApiName, NO_USER, this.names));
    }

    get hasRows(): boolean {
        return (this.currentPage?.rows.length ?? 0) > 0;
    }

    get isEmpty(): boolean {
        return !!this.currentPage && this.currentPage.rows.length === 0 && !this.loadError;
    }

    /** "1–25 of 60"; nothing when no row is shown ("No changes match these filters" says it). */
    get rangeText(): string {
        if (!this.currentPage || this.currentPage.rows.length === 0) {
            return '';
        }
        const range = pageRange(this.currentPage);
        return formatLabel(RANGE, range.first, range.last, range.total);
    }

    get offsetLimitText(): string {
        return this.currentPage && beyondOffsetLimit(this.currentPage) ? formatLabel(OFFSET_LIMIT, MAX_OFFSET) : '';
    }

    get previousDisabled(): boolean {
        return this.loading || !this.currentPage || previousOffset(this.currentPage) === null;
    }

    get nextDisabled(): boolean {
        return this.loading || !this.currentPage || nextOffset(this.currentPage) === null;
    }

    get clearDisabled(): boolean {
        return this.loading || (!hasCriteria(this.form) && !hasCriteria(this.applied));
    }

    get selectedRow(): HistoryRow | undefined {
        return this.currentPage?.rows.find((row) => row.id === this.selectedId);
    }

    get detailTitle(): string {
        const row = this.selectedRow;
        return row ? formatLabel(DETAILS_TITLE, row.name, rowActionLabel(row)) : '';
    }

    get detailLogUrl(): string {
        const row = this.selectedRow;
        return row ? logUrl(row.id, this.currentPage?.objectApiName) : '';
    }

    get detailUserUrl(): string | null {
        return userUrl(this.selectedRow?.targetUserId);
    }

    get detailUserName(): string {
        const row = this.selectedRow;
        return row ? rowSubject(row, this.names, NO_USER) : NO_USER;
    }

    get detailSections(): DetailSection[] {
        const row = this.selectedRow;
        return row
            ? detailSections(row, this.names).map((section) => ({
                  ...section,
                  key: `${row.id}-${section.key}`,
              }))
            : [];
    }

    get hasDetailSections(): boolean {
        return this.detailSections.length > 0 || this.changes.length > 0;
    }

    /** The names of the records the page mentions (Apex resolves them in bulk), and its logs' names. */
    private get names(): NameMap | null {
        return pageNames(this.currentPage);
    }

    /** Before and After compared field by field, ids as names. */
    get changes(): FieldChange[] {
        const row = this.selectedRow;
        return row ? (fieldChanges(row.before, row.after, this.names) ?? []) : [];
    }

    get hasChanges(): boolean {
        return this.changes.length > 0;
    }

    /** The error codes of the row, explained with their fix. */
    get explanations(): ErrorExplanation[] {
        const row = this.selectedRow;
        return row ? explainErrors(row, this.names) : [];
    }

    get hasExplanations(): boolean {
        return this.explanations.length > 0;
    }

    handleFieldChange(event: CustomEvent<{ value: string }>): void {
        const field = (event.target as HTMLElement).dataset.field as FilterField;
        this.form = { ...this.form, [field]: event.detail.value ?? '' };
        if (field === 'fromDate' || field === 'toDate') {
            this.reportDateRange();
        }
    }

    /**
     * From later than To is said on the To field (its message, `aria-invalid`), and cleared as
     * soon as the range is right again.
     * @returns whether the range can be searched
     */
    private reportDateRange(): boolean {
        const reversed = dateRangeReversed(this.form);
        const input = this.template?.querySelector('lightning-input.to-date') as unknown as {
            setCustomValidity?: (message: string) => void;
            reportValidity?: () => boolean;
        } | null;
        input?.setCustomValidity?.(reversed ? DATE_RANGE_INVALID : '');
        input?.reportValidity?.();
        return !reversed;
    }

    /**
     * Who the History is about, for the picker (`HistoryController.searchHistoryUsers`): the users
     * a log targets, and the users and contacts of rows without a target (refused ones included);
     * a contact says so in the username column.
     */
    searchUserRows = async (term: string): Promise<HistoryUserRow[]> =>
        pickerRows(await searchHistoryUsers({ searchTerm: term || null }), PICKER_CONTACT);

    /**
     * The user or contact picked (or the pick removed): the user filter is its id, applied at once,
     * as Enter did in the free-text search the picker replaces.
     */
    handleUserSelection(event: CustomEvent<{ selection: SelectionModel<HistoryUserRow> }>): void {
        this.userSelection = event.detail.selection;
        const [userId] = this.userSelection.ids;
        this.form = { ...this.form, userSearch: userId ?? '' };
        this.handleApply();
    }

    /** Searches with the form; a reversed date range is said on the field and not searched. */
    handleApply(): void {
        if (!this.reportDateRange()) {
            return;
        }
        this.applied = { ...this.form };
        this.selectedId = undefined;
        this.load(0);
    }

    handleClear(): void {
        this.form = { ...EMPTY_FORM };
        this.userSelection = SelectionModel.empty<HistoryUserRow>({ single: true });
        this.handleApply();
    }

    handleRefresh(): void {
        this.loadOptions();
        this.load(this.currentPage?.offset ?? 0);
    }

    handleNext(): void {
        const offset = this.currentPage ? nextOffset(this.currentPage) : null;
        if (offset !== null) {
            this.load(offset);
        }
    }

    handlePrevious(): void {
        const offset = this.currentPage ? previousOffset(this.currentPage) : null;
        if (offset !== null) {
            this.load(offset);
        }
    }

    handleRowAction(event: CustomEvent<{ action: { name: string }; row: HistoryTableRow }>): void {
        if (event.detail.action.name === 'details') {
            this.selectedId = event.detail.row.id;
            // After the render this change queued (none when the row's details are already open):
            // the details come into view and take the focus either way.
            Promise.resolve().then(() => this.revealDetails());
        }
    }

    handleCloseDetails(): void {
        this.selectedId = undefined;
        // The Close button goes with the details: the focus returns to the table they were opened
        // from (lightning-datatable's focus() focuses its active cell).
        (this.template?.querySelector('lightning-datatable') as HTMLElement | null)?.focus();
    }

    /**
     * The details open under the table, often below the window (admin walk: 25 rows a page, the
     * details 800 px down, nothing visible happened): their title comes into view and takes the
     * focus, so that the click is answered and a screen reader reads them.
     */
    private revealDetails(): void {
        const title = this.template?.querySelector('section.details h3.details-title') as HTMLElement | null;
        if (!title) {
            return;
        }
        if (typeof title.scrollIntoView === 'function') {
            title.scrollIntoView({ block: 'start' });
        }
        title.focus();
    }
}
