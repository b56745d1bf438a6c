import { LightningElement, api } from 'lwc';
import { SelectionModel, collectAllMatching } from 'c/selectionModel';
import type { Identified } from 'c/selectionModel';
import { reduceErrors } from 'c/errorUtils';
import { formatLabel } from 'c/labelFormat';
import SEARCH from '@salesforce/label/c.CCSA_Picker_Search';
import SEARCH_PLACEHOLDER from '@salesforce/label/c.CCSA_Picker_Search_Placeholder';
import SEARCH_BUTTON from '@salesforce/label/c.CCSA_Picker_Search_Button';
import MORE from '@salesforce/label/c.CCSA_Picker_More';
import SELECT_ALL from '@salesforce/label/c.CCSA_Picker_Select_All';
import HEADER_HINT from '@salesforce/label/c.CCSA_Picker_Header_Hint';
import HEADER_HINT_ONE from '@salesforce/label/c.CCSA_Picker_Header_Hint_One';
import SELECT_ALL_HINT from '@salesforce/label/c.CCSA_Picker_Select_All_Hint';
import SELECTING_ALL from '@salesforce/label/c.CCSA_Picker_Selecting_All';
import SELECT_ALL_TRUNCATED from '@salesforce/label/c.CCSA_Picker_Select_All_Truncated';
import CAP_REACHED from '@salesforce/label/c.CCSA_Picker_Cap_Reached';
import CLEAR from '@salesforce/label/c.CCSA_Picker_Clear';
import REMOVE from '@salesforce/label/c.CCSA_Picker_Remove';
import NO_RESULTS from '@salesforce/label/c.CCSA_Picker_No_Results';
import SELECTED_LIST from '@salesforce/label/c.CCSA_Picker_Selected_List';
import SELECTED_MORE from '@salesforce/label/c.CCSA_Picker_Selected_More';
import UNNAMED from '@salesforce/label/c.CCSA_Picker_Unnamed';
import RESULTS from '@salesforce/label/c.CCSA_Picker_Results';
import CONTACTS_ONE from '@salesforce/label/c.CCSA_Picker_Contacts_Selected_One';
import CONTACTS_MANY from '@salesforce/label/c.CCSA_Picker_Contacts_Selected_Many';
import USERS_ONE from '@salesforce/label/c.CCSA_Picker_Users_Selected_One';
import USERS_MANY from '@salesforce/label/c.CCSA_Picker_Users_Selected_Many';
import LOADING from '@salesforce/label/c.CCSA_Loading';
import PLAN_PAGE from '@salesforce/label/c.CCSA_Plan_Page';
import PLAN_PAGE_ONE from '@salesforce/label/c.CCSA_Plan_Page_One';
import RESULTS_FOLDED from '@salesforce/label/c.CCSA_Picker_Results_Folded';
import RESULTS_FOLDED_ONE from '@salesforce/label/c.CCSA_Picker_Results_Folded_One';
import SHOW_RESULTS from '@salesforce/label/c.CCSA_Picker_Show_Results';
import HIDE_RESULTS from '@salesforce/label/c.CCSA_Picker_Hide_Results';
import TRUNCATED from '@salesforce/label/c.CCSA_Picker_Truncated';

/** A row of the results: an id, and the fields the columns show. */
export type PickerRow = Identified;

/**
 * One page of a search: the rows matching `term` after the row `after` (the last row of the page
 * before; `undefined` for the first page), in the search's order, 200 a page in every Apex search.
 * The adapter turns the row into the Apex cursor (keyset paging: its name and id).
 */
export type PickerSearch<T extends PickerRow = PickerRow> = (term: string, after: T | undefined) => Promise<T[]>;

/** The record kinds the count can name, each with its singular and plural label. */
const COUNT_LABELS: Readonly<Record<string, { one: string; many: string }>> = {
    contacts: { one: CONTACTS_ONE, many: CONTACTS_MANY },
    users: { one: USERS_ONE, many: USERS_MANY },
};

/** Pills shown in the removable list; the rest is counted ("and 9,800 more"). */
const MAX_PILLS = 50;

/** Rows the list shows at full height; more scroll inside the list. */
const SCROLL_AFTER_ROWS = 8;

/**
 * Rows the list shows at a time; the pages read (200 rows a search call) are viewed 50 at a time.
 * A 200-row datatable is what every frame of the page paid for (its cells, laid out and composited
 * again on each keystroke elsewhere in the panel); 50 keep the page light.
 */
const VIEW_SIZE = 50;

/**
 * The one record picker of the assistant (enable users, license upgrades, user doctor, history):
 * search with Enter, pages of results, "Select all matching" up to the cap, the selected count
 * and a removable list of what is selected. The selection survives new searches and paging.
 *
 * Controlled: the parent owns the `SelectionModel` (`selection`), gives the search (`search`, an
 * adapter over its Apex method) and the columns, and takes each new selection from the
 * `selectionchange` event (`detail.selection`). `single` picks one record (radio buttons).
 */
export default class RecordPicker extends LightningElement {
    /** The rows of `term` after a row; a search that does not page sets `single-page`. */
    @api search?: PickerSearch;
    /** `lightning-datatable` columns of the results. */
    @api columns: unknown[] = [];
    /** `contacts` or `users`: names the selected count ("1 contact selected"). */
    @api kind = 'contacts';
    /** The field shown in the removable list. */
    @api nameField = 'name';
    /** Rows per page of the search: a shorter page is the last. */
    @api pageSize = 200;
    /** The search returns its first page only (it takes no cursor): no "Show more". */
    @api singlePage = false;
    /** One record at most. */
    @api single = false;
    /** The parent is busy (a Check, a run): searching and selecting wait. */
    @api disabled = false;
    @api searchLabel?: string;
    @api searchPlaceholder?: string;

    /**
     * The plan shown below the picker (after Check or Validate), or nothing: while there is one, the
     * results fold to one line, so that the admin reviews the plan without a long list above it,
     * and the page does not lay out and paint 50 rows of checkboxes again on every keystroke in the
     * plan. The selection (count and removable list) stays; "Show search results" or a new search
     * unfolds them. Each new plan (another object: a new Check or Validate) folds them again.
     */
    @api
    get foldResults(): unknown {
        return this.foldFor;
    }
    set foldResults(value: unknown) {
        if (value && value !== this.foldFor) {
            this.unfolded = false;
        }
        this.foldFor = value || undefined;
        this.fold = !!value;
    }

    /** What is selected; the parent keeps it and replaces it on `selectionchange`. */
    @api
    get selection(): SelectionModel<PickerRow> {
        return this.current;
    }
    set selection(value: SelectionModel<PickerRow> | undefined) {
        this.current = value ?? SelectionModel.empty<PickerRow>({ single: this.single });
    }

    labels = {
        searchButton: SEARCH_BUTTON,
        more: MORE,
        selectAll: SELECT_ALL,
        clear: CLEAR,
        noResults: NO_RESULTS,
        selectedList: SELECTED_LIST,
        results: RESULTS,
        loading: LOADING,
        showResults: SHOW_RESULTS,
        hideResults: HIDE_RESULTS,
    };

    term = '';
    rows: PickerRow[] = [];
    searched = false;
    hasMore = false;
    /** The last search of a `single-page` picker filled its page: more match than are shown. */
    truncated = false;

    /** "Only the first 200 matches are shown: …", or nothing. */
    get truncatedText(): string {
        return this.truncated ? formatLabel(TRUNCATED, this.pageSize.toLocaleString()) : '';
    }
    loading = false;
    /** Rows found so far by "Select all matching", while it pages. */
    collecting?: number;
    notice = '';
    error?: string[];
    private current: SelectionModel<PickerRow> = SelectionModel.empty<PickerRow>();
    private checkedCache?: { rows: PickerRow[]; selection: SelectionModel<PickerRow>; ids: string[] };
    private fold = false;
    /** The plan the results fold for: a new one folds them again. */
    private foldFor?: unknown;
    /** The admin showed the folded results again (or searched) since the plan folded them. */
    unfolded = false;
    /** The fold button that takes the focus after the next render (the other one was clicked). */
    private focusAfterRender?: string;
    /** The view page of the rows read (0-based, {@link VIEW_SIZE} rows each). */
    viewPage = 0;
    private viewCache?: { rows: PickerRow[]; page: number; view: PickerRow[] };

    /**
     * Runs the search again from the first page (the parent changed a filter, or handed records
     * over and wants them listed).
     * @param term the text to search; the one typed when omitted
     * @returns when the first page is shown
     */
    @api
    runSearch(term?: string): Promise<void> {
        if (term !== undefined) {
            this.term = term;
        }
        return this.load();
    }

    /**
     * Reads the shown results again after a run changed them (new users, new licenses); nothing
     * when no search ran yet. The selection is untouched.
     * @returns when the first page is shown again
     */
    @api
    refresh(): Promise<void> {
        return this.searched ? this.load() : Promise.resolve();
    }

    get searchInputLabel(): string {
        return this.searchLabel || SEARCH;
    }

    get searchInputPlaceholder(): string {
        return this.searchPlaceholder || SEARCH_PLACEHOLDER;
    }

    get busy(): boolean {
        return this.disabled || this.loading || this.collecting !== undefined;
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    /** The results list, its pages and its actions are on the page (not folded away). */
    get resultsShown(): boolean {
        return !this.fold || this.unfolded;
    }

    /** "Hide search results" is offered while a plan is shown and the admin unfolded them. */
    get canFold(): boolean {
        return this.fold && this.unfolded;
    }

    get foldedText(): string {
        const count = this.rows.length;
        return count === 1 ? RESULTS_FOLDED_ONE : formatLabel(RESULTS_FOLDED, count.toLocaleString());
    }

    handleShowResults(): void {
        this.unfolded = true;
        this.focusAfterRender = 'lightning-button.hide-results';
    }

    handleHideResults(): void {
        this.unfolded = false;
        this.focusAfterRender = 'lightning-button.show-results';
    }

    /** The control that replaced the one clicked takes the focus (it would be lost on the page). */
    override renderedCallback(): void {
        const selector = this.focusAfterRender;
        if (selector) {
            this.focusAfterRender = undefined;
            (this.template?.querySelector(selector) as HTMLElement | null)?.focus();
        }
    }

    get viewPageCount(): number {
        return Math.max(1, Math.ceil(this.rows.length / VIEW_SIZE));
    }

    /** The rows the datatable shows: the same array while the rows and the view page are the same. */
    get viewRows(): PickerRow[] {
        const page = Math.min(this.viewPage, this.viewPageCount - 1);
        const cache = this.viewCache;
        if (cache && cache.rows === this.rows && cache.page === page) {
            return cache.view;
        }
        const view = this.rows.slice(page * VIEW_SIZE, (page + 1) * VIEW_SIZE);
        this.viewCache = { rows: this.rows, page, view };
        return view;
    }

    get hasViewPages(): boolean {
        return this.rows.length > VIEW_SIZE;
    }

    get viewPageText(): string {
        const page = Math.min(this.viewPage, this.viewPageCount - 1);
        return formatLabel(
            this.rows.length === 1 ? PLAN_PAGE_ONE : PLAN_PAGE,
            page + 1,
            this.viewPageCount,
            this.rows.length.toLocaleString(),
        );
    }

    get isFirstViewPage(): boolean {
        return this.viewPage <= 0;
    }

    get isLastViewPage(): boolean {
        return Math.min(this.viewPage, this.viewPageCount - 1) >= this.viewPageCount - 1;
    }

    handlePreviousView(): void {
        this.viewPage = Math.max(0, this.viewPage - 1);
    }

    handleNextView(): void {
        this.viewPage = Math.min(this.viewPageCount - 1, this.viewPage + 1);
    }

    /** A long list scrolls in a box of its own (recordPicker.css); a short one takes its height. */
    get candidatesClass(): string {
        return this.rows.length > SCROLL_AFTER_ROWS
            ? 'slds-m-bottom_x-small candidates candidates_scroll'
            : 'slds-m-bottom_x-small candidates';
    }

    get noRows(): boolean {
        return this.searched && this.rows.length === 0 && !this.error;
    }

    /**
     * The visible rows that are selected: the datatable's checked rows. The same array while the
     * rows and the selection are the same: a new one makes the datatable lay out every row again
     * (a render of the picker for anything else, e.g. `disabled` during a Check, would cost that).
     */
    get checkedIds(): string[] {
        const rows = this.viewRows;
        const cache = this.checkedCache;
        if (cache && cache.rows === rows && cache.selection === this.current) {
            return cache.ids;
        }
        const ids = rows.filter((row) => this.current.has(row.id)).map((row) => row.id);
        this.checkedCache = { rows, selection: this.current, ids };
        return ids;
    }

    get maxRowSelection(): number {
        return this.single ? 1 : this.current.cap;
    }

    get showSelectAll(): boolean {
        return !this.single && this.hasRows;
    }

    /**
     * The datatable's header checkbox selects the rows of the view page only, not every match:
     * said above the list, as text read before it (not also as the list's description, which
     * would read it twice), whenever there are more rows than the page
     * shows (more view pages, or more to read); with what "Select all matching" does while it can
     * still add (the cap counts the whole selection).
     */
    get headerHint(): string {
        if (this.single || !(this.hasViewPages || this.hasMore)) {
            return '';
        }
        const shown = this.viewRows.length;
        const header = shown === 1 ? HEADER_HINT_ONE : formatLabel(HEADER_HINT, shown.toLocaleString());
        if (!this.showSelectAll || this.current.isFull) {
            return header;
        }
        return `${header} ${formatLabel(SELECT_ALL_HINT, this.current.cap.toLocaleString())}`;
    }

    get selectAllDisabled(): boolean {
        return this.busy || this.current.isFull;
    }

    get collectingText(): string {
        return this.collecting === undefined ? '' : formatLabel(SELECTING_ALL, this.collecting.toLocaleString());
    }

    /** "1 contact selected", "2,300 contacts selected". */
    get countText(): string {
        const labels = COUNT_LABELS[this.kind] ?? COUNT_LABELS.contacts;
        const count = this.current.count;
        return formatLabel(count === 1 ? labels.one : labels.many, count.toLocaleString());
    }

    get hasSelection(): boolean {
        return !this.current.isEmpty;
    }

    /** The first selected records as removable pills, each named by `nameField` (or its id). */
    get pills(): Array<{ id: string; label: string; removeLabel: string }> {
        return this.current.ids.slice(0, MAX_PILLS).map((id) => {
            const record = this.current.recordOf(id) as unknown as Record<string, unknown> | undefined;
            const name = record?.[this.nameField];
            const label = typeof name === 'string' && name ? name : formatLabel(UNNAMED, id);
            return { id, label, removeLabel: formatLabel(REMOVE, label) };
        });
    }

    get moreSelectedText(): string {
        const more = this.current.count - MAX_PILLS;
        return more > 0 ? formatLabel(SELECTED_MORE, more.toLocaleString()) : '';
    }

    handleTerm(event: CustomEvent<{ value: string }>): void {
        this.term = event.detail.value ?? '';
    }

    handleKeyUp(event: KeyboardEvent): void {
        if (event.key === 'Enter' && !this.busy) {
            this.handleSearch();
        }
    }

    /** The admin's own search shows its results, even while a plan folds them. */
    handleSearch(): Promise<void> {
        this.unfolded = true;
        return this.load();
    }

    /** The next page continues after the last row shown. */
    handleMore(): Promise<void> {
        return this.load(this.rows[this.rows.length - 1]);
    }

    /**
     * A page of the search: the first (no `after`) replaces the rows shown (never the selection),
     * the next ones add to them.
     * @param after the last row of the page before; none for the first page
     */
    async load(after?: PickerRow): Promise<void> {
        if (!this.search) {
            return;
        }
        this.loading = true;
        this.error = undefined;
        this.notice = '';
        try {
            const page = await this.search(this.term.trim(), after);
            const before = after === undefined ? 0 : this.rows.length;
            this.rows = after === undefined ? page : [...this.rows, ...page];
            // A new search shows its first rows; "Show 200 more" shows the first of the new ones.
            this.viewPage = Math.min(Math.floor(before / VIEW_SIZE), this.viewPageCount - 1);
            this.hasMore = !this.singlePage && page.length >= this.pageSize;
            // A search that does not page (the doctor's) and filled its page has more matches it
            // cannot show: the picker says so (admin walk: 200 of 500 users, silently).
            this.truncated = this.singlePage && page.length >= this.pageSize;
            this.searched = true;
            // Handed-over records found by the search: the list can name them now.
            this.change(this.current.describe(page));
        } catch (error) {
            this.error = reduceErrors(error);
        } finally {
            this.loading = false;
        }
    }

    handleRowSelection(event: CustomEvent<{ selectedRows: PickerRow[] }>): void {
        const checked = event.detail.selectedRows.map((row) => row.id);
        const result = this.current.applyPage(this.viewRows, checked);
        this.notice = result.refused > 0 ? formatLabel(CAP_REACHED, result.selection.cap.toLocaleString()) : '';
        this.change(result.selection);
    }

    /** Every record the search matches, page after page, up to the cap (one page when the search does not page). */
    async handleSelectAll(): Promise<void> {
        const search = this.search;
        if (!search) {
            return;
        }
        const term = this.term.trim();
        this.collecting = 0;
        this.error = undefined;
        this.notice = '';
        try {
            const found = await collectAllMatching((after) => search(term, after), {
                pageSize: this.pageSize,
                singlePage: this.singlePage,
                limit: this.current.cap,
                onPage: (count) => (this.collecting = count),
            });
            const result = this.current.add(found.records);
            if (result.refused > 0 || (found.truncated && result.selection.isFull)) {
                this.notice = formatLabel(CAP_REACHED, result.selection.cap.toLocaleString());
            } else if (found.truncated) {
                this.notice = formatLabel(SELECT_ALL_TRUNCATED, found.records.length.toLocaleString());
            }
            this.change(result.selection);
        } catch (error) {
            this.error = reduceErrors(error);
        } finally {
            this.collecting = undefined;
        }
    }

    /**
     * Its button leaves with the pill: the focus goes to the next pill's remove button, else the
     * previous one's, else the search field (never the page's body).
     */
    handleRemove(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        if (id) {
            const shown = this.current.ids.slice(0, MAX_PILLS);
            const index = shown.indexOf(id);
            const neighbour = shown[index + 1] ?? shown[index - 1];
            this.notice = '';
            this.focusAfterRender = neighbour
                ? `lightning-button-icon.remove-selected[data-id="${neighbour}"]`
                : 'lightning-input.search-term';
            this.change(this.current.remove([id]));
        }
    }

    /** Its button leaves with the selection: the focus goes to the search field. */
    handleClear(): void {
        this.notice = '';
        this.focusAfterRender = 'lightning-input.search-term';
        this.change(this.current.clear());
    }

    private change(selection: SelectionModel<PickerRow>): void {
        if (selection === this.current) {
            return;
        }
        this.current = selection;
        this.dispatchEvent(new CustomEvent('selectionchange', { detail: { selection } }));
    }
}
