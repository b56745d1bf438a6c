/**
 * The table of a plan's page (enable users): a status column with its icon, text columns, cells
 * the admin edits in place, sortable headers and a remove button per row. A plain SLDS table with
 * the datatable's contract for what the panel uses (`data`, `columns`, `key-field`, `sorted-by`,
 * `sorted-direction`, `draft-values`; events `save`, `sort`, `rowaction`), drawn without a
 * component per cell: a page of 50 plan rows renders and updates within a keystroke, where
 * `lightning-datatable` spent most of a Check laying out its cells (issue 10 §5).
 *
 * Editing: the pencil of a cell opens an input; Enter or leaving the field keeps the value as a
 * draft (the cell is marked edited), Escape drops it; after Enter or Escape the focus goes back to
 * the pencil (a click elsewhere keeps it where the admin put it). "Save" hands every draft to the
 * panel in one `save` event (`{ draftValues: [{ key, field: value }] }`), which re-validates the
 * rows; "Cancel" drops the drafts. Both take their bar (and the focused button) away, so the focus
 * goes back into the table, never to nothing or to an element without a name: to the control last
 * edited (a pencil, a checkbox), else the table's tab stop, else (no control left) the table
 * itself, a region named for screen readers. A render that takes away the focused control later
 * (the panel's answer moves the row off a filtered page), or disables it (the row is locked), does
 * the same: the focus goes to the same column of the row now in its place (the nearest row with
 * that control), else the table's tab stop, else its region, unless the admin had taken it out of
 * the table, also by clicking away from an open input (WCAG 2.4.3 Focus Order: focus is never
 * dropped on the page's body, nor pulled back from where the admin put it). Checkbox cells take a
 * draft on change; a value set back to the row's own is no draft. Every change of the drafts is
 * told to the panel (`draftchange`, `{ draftValues }`), which owns them (`draft-values`): it holds
 * Run while any is unsaved, drops those of removed rows and clears them at a new Check. Rows whose
 * `editableField` is false (done, queued) show no pencil and no draft. The Save bar stays in view
 * at the bottom of the window while the table is on screen.
 *
 * Order: sorting is an action, as in lightning-datatable, not a live view. While the sort stays the
 * same and the host hands back the same rows in another order (an edit or a save changed a row's
 * status, which sorts elsewhere now), the rows keep their place, and so does the focus on the row
 * edited: the admin never edits a contact who slid under the pointer or the focus. A line above
 * the table says the order is held ("Sorted by Status before your changes…"), the sorted
 * header's `aria-sort` is `other` and it draws no direction arrow (the rows are in neither
 * direction); the next sort (a header click, the sort attributes changing) or other rows (a page,
 * a filter, a removal) show the host's order again. A click on the sorted header while the order
 * is held applies the sort that was shown again (the line says "Sort again to reorder"), in the
 * same direction, rather than turning it round; the table drops the order it held, and a host
 * that holds it (`order-changed`) applies its sort afresh on that `sort` event. A host whose view holds
 * rows itself across filters and pages (c/planRows `HeldRowView`) says so with `order-changed`,
 * which shows the same line.
 *
 * Keyboard: the table's controls (pencils, checkboxes, remove buttons) are one tab stop, as the
 * datatable's grid was (a roving tabindex): the arrow keys move between them, up and down in the
 * same column, left and right along the row; Home and End go to the row's first and last.
 */
import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/labelFormat';
import EDIT_CELL from '@salesforce/label/c.CCSA_Plan_Edit_Cell';
import SORT_BY from '@salesforce/label/c.CCSA_Plan_Sort_By';
import SAVE from '@salesforce/label/c.CCSA_Plan_Save';
import CANCEL from '@salesforce/label/c.CCSA_Plan_Cancel_Edits';
import UNSAVED from '@salesforce/label/c.CCSA_Plan_Unsaved';
import TABLE from '@salesforce/label/c.CCSA_Plan_Table';
import ORDER_HELD from '@salesforce/label/c.CCSA_Plan_Order_Held';
import ORDER_HELD_SORTED from '@salesforce/label/c.CCSA_Plan_Order_Held_Sorted';
import ORDER_HELD_FILTER from '@salesforce/label/c.CCSA_Plan_Order_Held_Filter';
import ORDER_HELD_FILTER_SORTED from '@salesforce/label/c.CCSA_Plan_Order_Held_Filter_Sorted';

/** A column of the plan table. */
export interface PlanColumn {
    label: string;
    /** The row field shown (text or boolean); for an action column, the action's name. */
    fieldName: string;
    /** text (default), boolean (a checkbox), or action (a button per row, e.g. remove). */
    type?: 'text' | 'boolean' | 'action';
    /** The row field holding an SLDS icon name drawn before the text (the status column). */
    iconField?: string;
    /** Cells take edits on rows whose `editableField` is true. */
    editable?: boolean;
    sortable?: boolean;
    /** Multi-line text (line breaks kept, long words wrapped). */
    wrap?: boolean;
    /**
     * CSS width of the column, e.g. "9rem" or "22%"; the rest share what is left. A share ("22%") holds
     * in a window wider than 1,200 px; narrower, it is the column's minimum (`minimumRem`), the
     * columns without a width share the rest, and the table scrolls sideways (planTable.css).
     */
    width?: string;
    /** Action column: the row field that disables the button when true. */
    disabledField?: string;
}

type Row = Record<string, unknown>;
type Draft = Record<string, string | boolean>;

interface CellView {
    key: string;
    /** The row's key (the cell's `key` is its field, unique in the row). */
    rowKey: string;
    /** 0 for the one control of the table in the tab order, -1 for the others (arrow keys reach them). */
    tabIndex: number;
    field: string;
    /** The column's label, on the cell as `data-label` (as the datatable marks its cells). */
    label: string;
    text: string;
    className: string;
    isText: boolean;
    isBoolean: boolean;
    isAction: boolean;
    isEditing: boolean;
    canEdit: boolean;
    checked: boolean;
    disabled: boolean;
    icon: string;
    editLabel: string;
    /** What a checkbox or a row button is for, with the row's name ("Remove from the plan: Ann Lee"). */
    actionLabel: string;
}

interface RowView {
    key: string;
    cells: CellView[];
}

interface HeaderView {
    key: string;
    field: string;
    label: string;
    sortable: boolean;
    /** An action column's header is read by screen readers only (the column is one button wide). */
    isAction: boolean;
    ariaSort: string | null;
    sortLabel: string;
    isAscending: boolean;
    isDescending: boolean;
    style: string;
    className: string;
}

/** The order of the rows last drawn (`PlanTable.shown`). */
interface ShownOrder {
    rows: Row[];
    sortedBy?: string;
    sortedDirection: string;
    view: Row[];
    held: boolean;
    armed: boolean;
}

/** Root font size the rem widths are counted in (SLDS: 16px). */
const REM_PX = 16;

/**
 * The narrowest a column is drawn, in rem: a fixed width ("10rem", "48px") as it is; a share or no
 * width by what it shows: a text wide enough for a name or a username (10rem), a wrapped text
 * (the check) for a few words a line (14rem), a checkbox (5rem), a button (3rem).
 * @param column the column
 * @returns its minimum width in rem
 */
function minimumRem(column: PlanColumn): number {
    const fixed = /^\s*(\d+(?:\.\d+)?)\s*(rem|px)\s*$/.exec(column.width ?? '');
    if (fixed) {
        return fixed[2] === 'px' ? Number(fixed[1]) / REM_PX : Number(fixed[1]);
    }
    switch (column.type ?? 'text') {
        case 'boolean':
            return 5;
        case 'action':
            return 3;
        default:
            return column.wrap ? 14 : 10;
    }
}

const TEXT_CLASS = 'slds-cell-wrap plan-cell';

export default class PlanTable extends LightningElement {
    /** Field naming each row (unique); the panel's rows use `key`. */
    @api keyField = 'key';
    /** Field naming the row in the edit buttons' labels ("Edit Username of Ann Lee"). */
    @api nameField = 'name';
    /** Field that says whether a row takes edits and removal. */
    @api editableField = 'editable';
    @api sortedBy?: string;
    @api sortedDirection: 'asc' | 'desc' = 'asc';
    /**
     * The host's rows keep the order of its last filter and sort although they changed since
     * (c/planRows `RowView.changed`): the table says so above the rows.
     */
    @api orderChanged = false;
    /**
     * The host's held rows include some its filter no longer keeps (`c/planRows` heldOutOfFilter,
     * e.g. a row fixed under "problems only"): the note says the filter is held, not only the order.
     */
    @api filterHeld = false;
    /** The columns, in order. */
    @api columns: PlanColumn[] = [];

    private rowsValue: Row[] = [];
    /** Edited cells not saved yet, by row key. */
    drafts: Map<string, Draft> = new Map();
    /** The cell whose input is open, and the value it opened with. */
    editing?: { key: string; field: string; initial: string };
    private focusInput = false;
    /** The control in the tab order (row key and field); the first one when none was focused yet. */
    active?: { key: string; field: string };
    /**
     * The control whose value the admin changed last (a pencil whose input kept a new value, a
     * checkbox): Save and Cancel return to it. An input opened and dropped (Escape, or left
     * unchanged) is no edit.
     */
    private lastEdited?: { key: string; field: string };
    /**
     * The element of the table (its region or its drafts bar) that had the focus last, while the
     * focus is within: a render that removes it (the row leaves the page when the panel's answer
     * comes) gives the focus back to the table instead of leaving it on nothing.
     */
    private focusWithin?: HTMLElement;
    /**
     * The cell of the control that had the focus last (its row key, the row's index on the page, its
     * column): a lost focus goes to the same column of the row that takes that index, not to the top
     * of the page. The index follows the row while it is on the page (`data`).
     */
    private focusCell?: { key: string; index: number; field: string };
    private editLabels = new Map<string, string>();
    /**
     * After a render, the focus goes to `selector` (a pencil, a button) if it is there, else to the
     * table's tab stop, else to the table itself: never to nothing, never to an element without a name.
     */
    private focusAfter?: { selector?: string };
    private headerCache?: {
        columns: PlanColumn[];
        sortedBy?: string;
        sortedDirection: string;
        held: boolean;
        view: HeaderView[];
    };
    /**
     * The order last drawn: the host's rows (`rows`), the sort they came with, the rows in the order
     * shown (`view`), whether that is not the host's order (`held`), and whether rows were handed in
     * under this sort already (`armed`): only then is a new order of the same rows held, so that a
     * host that sets the sort first and its sorted rows a moment later still has them shown sorted.
     */
    private shown?: ShownOrder;
    private viewCache?: {
        rows: Row[];
        columns: PlanColumn[];
        drafts: Map<string, Draft>;
        editing?: object;
        active?: object;
        view: RowView[];
    };

    readonly labels = { save: SAVE, cancel: CANCEL, table: TABLE };

    /** The rows of the page, in the order shown. */
    @api
    get data(): Row[] {
        return this.rowsValue;
    }
    set data(rows: Row[]) {
        const focusCell = this.focusCell;
        if (focusCell) {
            const index = this.drawnRows.findIndex((row) => String(row[this.keyField]) === focusCell.key);
            if (index >= 0) {
                focusCell.index = index;
            }
        }
        this.rowsValue = Array.isArray(rows) ? rows : [];
    }

    /** Drafts the panel hands in: an empty array (after a save) clears them. */
    @api
    get draftValues(): Draft[] {
        return [...this.drafts.entries()].map(([key, draft]) => ({ ...draft, [this.keyField]: key }));
    }
    set draftValues(values: Draft[]) {
        const drafts = new Map<string, Draft>();
        for (const value of Array.isArray(values) ? values : []) {
            const { [this.keyField]: key, ...fields } = value;
            if (typeof key === 'string') {
                drafts.set(key, fields);
            }
        }
        this.drafts = drafts;
    }

    /** The rows in the order last drawn (the host's until the first render). */
    private get drawnRows(): Row[] {
        return this.shown?.view ?? this.rowsValue;
    }

    /**
     * The rows in the order to draw: the host's, unless the sort is the one the rows on screen were
     * drawn under and the host hands back the same rows (by key) in another order; then each row
     * keeps its place, with its new values. Read by the render only (rows, headers, the line above),
     * when every attribute is set; the event handlers read the order drawn (`drawnRows`).
     */
    private shownState(): ShownOrder {
        const rows = this.rowsValue;
        const last = this.shown;
        const sameSort = !!last && last.sortedBy === this.sortedBy && last.sortedDirection === this.sortedDirection;
        if (last && sameSort && last.rows === rows) {
            return last;
        }
        let view = rows;
        if (last && sameSort && last.armed && this.sortedBy && this.sameKeys(last.view, rows)) {
            const byKey = new Map(rows.map((row) => [String(row[this.keyField]), row]));
            view = last.view.map((row) => byKey.get(String(row[this.keyField])) as Row);
        }
        const held = view.some((row, index) => row !== rows[index]);
        this.shown = {
            rows,
            sortedBy: this.sortedBy,
            sortedDirection: this.sortedDirection,
            view: held ? view : rows,
            held,
            // The first rows after a change of the sort are its sorted rows: taken as they come.
            armed: sameSort || !last || last.rows !== rows,
        };
        return this.shown;
    }

    /** Whether two lists of rows hold the same keys (keys are unique). */
    private sameKeys(before: Row[], after: Row[]): boolean {
        if (before.length !== after.length) {
            return false;
        }
        const keys = new Set(before.map((row) => String(row[this.keyField])));
        return after.every((row) => keys.has(String(row[this.keyField])));
    }

    /** The rows are not in the order of the sort shown: the table holds them, or the host does (render only). */
    private get orderHeld(): boolean {
        return this.orderChanged === true || this.shownState().held;
    }

    /** The line above the rows while their order is held: what it was sorted by, and how to reorder. */
    get orderNote(): string {
        if (!this.orderHeld) {
            return '';
        }
        const sorted = this.sortedBy ? this.columns.find((column) => column.fieldName === this.sortedBy) : undefined;
        if (this.filterHeld === true) {
            return sorted ? formatLabel(ORDER_HELD_FILTER_SORTED, sorted.label) : ORDER_HELD_FILTER;
        }
        return sorted ? formatLabel(ORDER_HELD_SORTED, sorted.label) : ORDER_HELD;
    }

    /** The header cells, rebuilt only when the columns or the sort change (not on every keystroke). */
    get headers(): HeaderView[] {
        const cache = this.headerCache;
        const held = this.orderHeld;
        if (
            cache &&
            cache.columns === this.columns &&
            cache.sortedBy === this.sortedBy &&
            cache.sortedDirection === this.sortedDirection &&
            cache.held === held
        ) {
            return cache.view;
        }
        const view = this.headerViews(held);
        this.headerCache = {
            columns: this.columns,
            sortedBy: this.sortedBy,
            sortedDirection: this.sortedDirection,
            held,
            view,
        };
        return view;
    }

    /**
     * @param held the rows are not in the sort's order now: the sorted header's `aria-sort` is
     * `other` (WAI-ARIA: a sort other than ascending or descending) and it draws no arrow (an arrow
     * would claim an order the rows no longer have); the line above the rows says what it was.
     */
    private headerViews(held: boolean): HeaderView[] {
        return this.columns.map((column, index) => {
            const sorted = !!column.sortable && this.sortedBy === column.fieldName;
            let ariaSort: string | null = null;
            if (sorted) {
                ariaSort = held ? 'other' : this.sortedDirection === 'desc' ? 'descending' : 'ascending';
            }
            return {
                key: `${index}:${column.fieldName}`,
                field: column.fieldName,
                label: column.label,
                sortable: !!column.sortable,
                isAction: column.type === 'action',
                ariaSort,
                sortLabel: formatLabel(SORT_BY, column.label),
                isAscending: sorted && !held && this.sortedDirection !== 'desc',
                isDescending: sorted && !held && this.sortedDirection === 'desc',
                ...this.widthOf(column),
            };
        });
    }

    /**
     * A fixed width is the header's width; a share ("22%") is handed to the stylesheet with the
     * column's minimum: the share in a wide window, the minimum in a narrow one (`plan-col_share`).
     */
    private widthOf(column: PlanColumn): { style: string; className: string } {
        const width = column.width?.trim();
        if (!width) {
            return { style: '', className: '' };
        }
        if (width.endsWith('%')) {
            return {
                style: `--plan-col-share: ${width}; --plan-col-minimum: ${minimumRem(column)}rem`,
                className: 'plan-col_share',
            };
        }
        return { style: `width: ${width}`, className: '' };
    }

    /** The table's minimum width: every column at its minimum; narrower, the table scrolls sideways. */
    get gridStyle(): string {
        const rem = this.columns.reduce((sum, column) => sum + minimumRem(column), 0);
        return rem > 0 ? `min-width: ${rem}rem` : '';
    }

    /** The cells to draw, rebuilt only when the rows, the columns, the drafts or the open cell change. */
    get rows(): RowView[] {
        const shown = this.shownState().view;
        const cache = this.viewCache;
        if (
            cache &&
            cache.rows === shown &&
            cache.columns === this.columns &&
            cache.drafts === this.drafts &&
            cache.editing === this.editing &&
            cache.active === this.active
        ) {
            return cache.view;
        }
        const view = shown.map((row) => this.rowView(row));
        // One control in the tab order: the active one if it is still there, else the first.
        const controls = view.flatMap((row) => row.cells.filter((cell) => this.isControl(cell)));
        const active = this.active;
        const current =
            controls.find((cell) => active && cell.field === active.field && cell.rowKey === active.key) ?? controls[0];
        if (current) {
            current.tabIndex = 0;
        }
        this.viewCache = {
            rows: shown,
            columns: this.columns,
            drafts: this.drafts,
            editing: this.editing,
            active: this.active,
            view,
        };
        return view;
    }

    get hasDrafts(): boolean {
        return this.drafts.size > 0;
    }

    get unsavedText(): string {
        let count = 0;
        this.drafts.forEach((draft) => (count += Object.keys(draft).length));
        return formatLabel(UNSAVED, count);
    }

    /** "Edit Username of Ann Lee", worded once per column and name (four a row, every render). */
    private editLabel(column: string, name: string): string {
        const key = `${column}\u0000${name}`;
        let label = this.editLabels.get(key);
        if (label === undefined) {
            label = formatLabel(EDIT_CELL, column, name);
            this.editLabels.set(key, label);
        }
        return label;
    }

    /** The data-key / data-field selector of a cell's element. */
    private cellSelector(element: string, key: string, field: string): string {
        const quoted = (value: string): string => `"${value.replace(/["\\]/g, '\\$&')}"`;
        return `${element}[data-key=${quoted(key)}][data-field=${quoted(field)}]`;
    }

    private rowView(row: Row): RowView {
        const key = String(row[this.keyField]);
        const editable = row[this.editableField] === true;
        // A locked row (done, queued) shows what was sent, never a draft.
        const draft = editable ? this.drafts.get(key) : undefined;
        const name = String(row[this.nameField] ?? '');
        const cells = this.columns.map((column): CellView => {
            const field = column.fieldName;
            const type = column.type ?? 'text';
            const edited = !!draft && field in draft;
            const value = edited ? (draft as Draft)[field] : row[field];
            const canEdit = editable && !!column.editable;
            const isEditing = !!this.editing && this.editing.key === key && this.editing.field === field;
            // As the datatable: a column wraps when it says so; the others keep one line, cut with
            // an ellipsis (the whole value in the tooltip and in the edit input). One-line cells
            // also cost a keystroke far less to lay out and paint again.
            let className = TEXT_CLASS;
            className += column.wrap ? ' plan-cell_wrap' : ' plan-cell_truncate';
            if (edited) className += ' slds-is-edited';
            return {
                key: field,
                rowKey: key,
                tabIndex: -1,
                field,
                label: column.label,
                text: type === 'text' ? String(value ?? '') : '',
                className,
                isText: type === 'text' && !isEditing,
                isBoolean: type === 'boolean',
                isAction: type === 'action',
                isEditing: type === 'text' && isEditing,
                canEdit: canEdit && type === 'text',
                checked: value === true || value === 'true',
                disabled:
                    type === 'boolean'
                        ? !canEdit
                        : type === 'action'
                          ? !editable || !!row[column.disabledField ?? '']
                          : false,
                icon: column.iconField ? String(row[column.iconField] ?? '') : '',
                editLabel: canEdit ? this.editLabel(column.label, name) : '',
                actionLabel: type === 'text' ? '' : `${column.label}: ${name}`,
            };
        });
        return { key, cells };
    }

    /** A control the arrow keys stop on: a pencil, an enabled checkbox or button. */
    private isControl(cell: CellView): boolean {
        return cell.canEdit || ((cell.isBoolean || cell.isAction) && !cell.disabled);
    }

    /** The element of a control in the DOM. */
    private controlElement(cell: CellView): HTMLElement | null {
        const element = cell.canEdit
            ? 'button.edit-button'
            : cell.isBoolean
              ? 'input.cell-checkbox'
              : 'button.action-button';
        return this.template?.querySelector<HTMLElement>(this.cellSelector(element, cell.rowKey, cell.field)) ?? null;
    }

    /** The element of the table's tab stop (the one control with tabindex 0), if it has a control. */
    private tabStopElement(): HTMLElement | null {
        for (const row of this.rows) {
            const cell = row.cells.find((candidate) => candidate.tabIndex === 0);
            if (cell) {
                return this.controlElement(cell);
            }
        }
        return null;
    }

    /** Makes a control (its row key and field) the table's tab stop; the open input is none. */
    private takeTabStop(element: HTMLElement): void {
        const { key, field } = element.dataset ?? {};
        if (key && field && !element.classList.contains('cell-input')) {
            if (this.active?.key !== key || this.active?.field !== field) {
                this.active = { key, field };
            }
        }
    }

    /** A control that takes the focus (a click, the arrow keys) becomes the table's tab stop. */
    handleGridFocus(event: FocusEvent): void {
        this.takeTabStop(event.target as HTMLElement);
    }

    /** Whether a node is in the table: its region or its drafts bar. */
    private inTable(node: EventTarget | null): boolean {
        if (!(node instanceof Node)) {
            return false;
        }
        const parts = this.template?.querySelectorAll('.plan-table-scroll, .plan-drafts') ?? [];
        return [...parts].some((part) => part.contains(node));
    }

    /** The focus is within the table (the region or the drafts bar): kept until the admin moves it out. */
    handleFocusIn(event: FocusEvent): void {
        const target = event.target as HTMLElement;
        this.focusWithin = target;
        const { key, field } = target.dataset ?? {};
        this.focusCell =
            key && field
                ? { key, field, index: this.drawnRows.findIndex((row) => String(row[this.keyField]) === key) }
                : undefined;
    }

    /**
     * The focus leaves an element of the table. To an element outside, the admin moved it: the table
     * lets it be. To nothing (no related target), it is either the admin clicking where nothing takes
     * the focus, or the element leaving the DOM (a browser may tell no focusout then at all): once
     * the render is over, an element still there with the focus elsewhere was left on purpose.
     */
    handleFocusOut(event: FocusEvent): void {
        const left = event.target as HTMLElement;
        // Only an element takes the focus (jsdom's blur() names the document).
        const next = event.relatedTarget instanceof Element ? event.relatedTarget : null;
        if (next) {
            if (!this.inTable(next)) {
                this.focusWithin = undefined;
            }
            return;
        }
        Promise.resolve().then(() => {
            if (this.focusWithin === left && left.isConnected && this.focusable(left) && !this.hasFocus()) {
                this.focusWithin = undefined;
            }
        });
    }

    /** An element of the table holds the focus. */
    private hasFocus(): boolean {
        const active = this.template?.activeElement as Element | null | undefined;
        return !!active && active.isConnected;
    }

    /** Whether an element of the table still takes the focus (a disabled checkbox or button does not). */
    private focusable(element: HTMLElement): boolean {
        return !(element as HTMLButtonElement).disabled && !element.hidden;
    }

    /**
     * The focus was in the table and a render removed the element that held it, or disabled it (its
     * row was locked): the page has it on nothing (the body), or on the disabled control until the
     * browser drops it there. It goes to the same column of the row now at that control's place
     * (`focusCell`), else the table's tab stop, else the table's named region. Focus the admin took
     * elsewhere (another element of the page, of the table) is left where it is.
     */
    private restoreLostFocus(): void {
        const last = this.focusWithin;
        if (!last || (last.isConnected && this.focusable(last))) {
            return;
        }
        const inside = this.template?.activeElement as Element | null | undefined;
        if (inside && inside.isConnected && inside !== last) {
            return;
        }
        const pageFocus = document.activeElement;
        if (inside !== last && pageFocus && pageFocus !== document.body) {
            this.focusWithin = undefined;
            return;
        }
        const target =
            this.focusCellElement() ??
            this.tabStopElement() ??
            this.template?.querySelector<HTMLElement>('.plan-table-scroll');
        if (target) {
            target.focus();
            this.takeTabStop(target);
            this.focusWithin = target;
        }
    }

    /**
     * The control of `focusCell` on its own row when the row is still drawn (it moved: the host sorted
     * the rows again), else the control in its column on the row now at its index (the last row when
     * the page is shorter), else on the nearest row that has one (below first): where the lost focus
     * goes. The same contact first: the admin goes on with the row they were on.
     */
    private focusCellElement(): HTMLElement | null {
        const focusCell = this.focusCell;
        const rows = this.rows;
        if (!focusCell || rows.length === 0) {
            return null;
        }
        const own = rows
            .find((row) => row.key === focusCell.key)
            ?.cells.find((cell) => cell.field === focusCell.field && this.isControl(cell));
        if (own) {
            return this.controlElement(own);
        }
        const start = Math.min(Math.max(focusCell.index, 0), rows.length - 1);
        const inColumn = (index: number): CellView | undefined =>
            rows[index]?.cells.find((cell) => cell.field === focusCell.field && this.isControl(cell));
        for (let distance = 0; distance < rows.length; distance++) {
            const cell = inColumn(start + distance) ?? (distance > 0 ? inColumn(start - distance) : undefined);
            if (cell) {
                return this.controlElement(cell);
            }
        }
        return null;
    }

    /** Arrow keys, Home and End between the table's controls. */
    handleGridKey(event: KeyboardEvent): void {
        const target = event.target as HTMLElement;
        if (target.classList.contains('cell-input')) {
            return;
        }
        const rows = this.rows
            .map((row) => row.cells.filter((cell) => this.isControl(cell)))
            .filter((row) => row.length > 0);
        const rowIndex = rows.findIndex((row) => row.some((cell) => cell.rowKey === target.dataset.key));
        if (rowIndex < 0) {
            return;
        }
        const row = rows[rowIndex];
        const index = Math.max(
            0,
            row.findIndex((cell) => cell.field === target.dataset.field),
        );
        const sameColumn = (other: CellView[]): CellView =>
            other.find((cell) => cell.field === row[index].field) ?? other[Math.min(index, other.length - 1)];
        let next: CellView | undefined;
        switch (event.key) {
            case 'ArrowDown':
                next = rows[rowIndex + 1] ? sameColumn(rows[rowIndex + 1]) : undefined;
                break;
            case 'ArrowUp':
                next = rows[rowIndex - 1] ? sameColumn(rows[rowIndex - 1]) : undefined;
                break;
            case 'ArrowRight':
                next = row[index + 1];
                break;
            case 'ArrowLeft':
                next = row[index - 1];
                break;
            case 'Home':
                next = row[0];
                break;
            case 'End':
                next = row[row.length - 1];
                break;
            default:
                return;
        }
        event.preventDefault();
        if (next) {
            this.active = { key: next.rowKey, field: next.field };
            this.controlElement(next)?.focus();
        }
    }

    override renderedCallback(): void {
        if (this.focusInput) {
            this.focusInput = false;
            const input = this.template?.querySelector<HTMLInputElement>('input.cell-input');
            if (input && this.editing) {
                // Set once, when the input opens: a render while the admin types (a lookup
                // answering, a job's progress) must not put the row's value back.
                input.value = this.editing.initial;
                input.focus();
                input.select();
            }
        }
        if (this.focusAfter) {
            const { selector } = this.focusAfter;
            this.focusAfter = undefined;
            const target =
                (selector ? this.template?.querySelector<HTMLElement>(selector) : null) ??
                this.tabStopElement() ??
                this.template?.querySelector<HTMLElement>('.plan-table-scroll');
            if (target) {
                target.focus();
                // The control focused is the tab stop, whether or not the browser told focusin.
                this.takeTabStop(target);
            }
        }
        this.restoreLostFocus();
    }

    /**
     * A header click: another column sorts ascending; the sorted column turns its direction round,
     * unless the order is held (the line says "Sort again to reorder"): then the sort shown is
     * applied again, in its direction, and the order the table held is dropped (the host's rows,
     * in the host's order, are drawn).
     */
    handleSort(event: Event): void {
        const field = (event.currentTarget as HTMLElement).dataset.field as string;
        const sorted = this.sortedBy === field;
        // The state drawn: the order the table held at the last render, or the host's `order-changed`.
        const held = sorted && (this.orderChanged === true || !!this.shown?.held);
        let direction: 'asc' | 'desc' = sorted && this.sortedDirection === 'asc' ? 'desc' : 'asc';
        if (held) {
            direction = this.sortedDirection === 'desc' ? 'desc' : 'asc';
            const shown = this.shown;
            if (shown) {
                // The table's own hold ends: its host's rows are in the sort's order already. A host
                // that holds the order (`order-changed`) answers with its rows in the fresh order:
                // those are taken as they come, not held in the old order again.
                this.shown = { ...shown, view: shown.rows, held: false, armed: this.orderChanged !== true };
            }
        }
        this.dispatchEvent(new CustomEvent('sort', { detail: { fieldName: field, sortDirection: direction } }));
    }

    handleEdit(event: Event): void {
        const { key, field } = (event.currentTarget as HTMLElement).dataset as { key: string; field: string };
        const row = this.rowsValue.find((candidate) => String(candidate[this.keyField]) === key);
        const current = this.drafts.get(key)?.[field] ?? row?.[field];
        this.editing = { key, field, initial: String(current ?? '') };
        // Set here too: a click does not focus a button in every browser (Safari).
        this.active = { key, field };
        this.focusInput = true;
    }

    handleInputKey(event: KeyboardEvent): void {
        if (event.key === 'Enter') {
            event.preventDefault();
            const editing = this.editing;
            this.commit(event.currentTarget as HTMLInputElement);
            if (editing) {
                this.focusAfter = { selector: this.cellSelector('button.edit-button', editing.key, editing.field) };
            }
        } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            const editing = this.editing;
            this.editing = undefined;
            if (editing) {
                this.focusAfter = { selector: this.cellSelector('button.edit-button', editing.key, editing.field) };
            }
        }
    }

    /**
     * Leaving the open input keeps its value (`commit`). Left for nothing or for an element outside
     * the table (a click elsewhere), the admin took the focus away: the render that closes the input
     * must not bring it back. Chrome tells this blur (and runs its render) before the focusout that
     * `handleFocusOut` watches, so the focus is let go here. Enter and Escape close the input
     * themselves and say where the focus goes (`focusAfter`).
     */
    handleInputBlur(event: FocusEvent): void {
        const input = event.currentTarget as HTMLInputElement;
        const next = event.relatedTarget instanceof Element ? event.relatedTarget : null;
        if (!this.focusAfter && !this.inTable(next)) {
            this.focusWithin = undefined;
        }
        this.commit(input);
    }

    handleCheckbox(event: Event): void {
        const input = event.currentTarget as HTMLInputElement;
        const key = input.dataset.key as string;
        const field = input.dataset.field as string;
        const row = this.rowsValue.find((candidate) => String(candidate[this.keyField]) === key);
        this.active = { key, field };
        this.lastEdited = { key, field };
        this.setDraft(key, field, input.checked, row?.[field] === true);
    }

    handleAction(event: Event): void {
        const { key, field } = (event.currentTarget as HTMLElement).dataset as { key: string; field: string };
        const drawn = this.drawnRows;
        const index = drawn.findIndex((candidate) => String(candidate[this.keyField]) === key);
        if (index >= 0) {
            // The focus goes to the same button of the row that takes this one's place.
            const next = drawn[index + 1] ?? drawn[index - 1];
            this.focusAfter = {
                selector: next
                    ? `${this.cellSelector('button.action-button', String(next[this.keyField]), field)}:not([disabled])`
                    : undefined,
            };
            const row = drawn[index];
            this.dispatchEvent(new CustomEvent('rowaction', { detail: { action: { name: field }, row } }));
        }
    }

    handleSave(): void {
        const draftValues = this.draftValues;
        this.drafts = new Map();
        this.editing = undefined;
        this.returnFocusToTable();
        this.dispatchEvent(new CustomEvent('save', { detail: { draftValues } }));
    }

    handleCancel(): void {
        this.drafts = new Map();
        this.editing = undefined;
        this.returnFocusToTable();
        this.draftsChanged();
    }

    /**
     * Save and Cancel take their bar (and the focused button) away: the focus goes back to the
     * control last edited, made the tab stop (WAI-ARIA APG grid: the grid keeps one cell to come
     * back to).
     * When that row is gone or locked after the panel's answer, the tab stop falls back to the first
     * control (the `rows` getter), and with none, to the table's named region (`renderedCallback`).
     */
    private returnFocusToTable(): void {
        if (this.lastEdited) {
            this.active = this.lastEdited;
            this.lastEdited = undefined;
        }
        this.focusAfter = {};
    }

    /** Keeps the open input's value as a draft when it differs from the row's; closes the input. */
    private commit(input: HTMLInputElement): void {
        const editing = this.editing;
        if (!editing || input.dataset.key !== editing.key || input.dataset.field !== editing.field) {
            return;
        }
        this.editing = undefined;
        const row = this.rowsValue.find((candidate) => String(candidate[this.keyField]) === editing.key);
        if (input.value !== editing.initial) {
            this.lastEdited = { key: editing.key, field: editing.field };
            this.setDraft(editing.key, editing.field, input.value, String(row?.[editing.field] ?? ''));
        }
    }

    /** Keeps `value` as the draft of a cell; the row's own value (`original`) is no draft. */
    private setDraft(key: string, field: string, value: string | boolean, original: string | boolean): void {
        const drafts = new Map(this.drafts);
        const draft: Draft = { ...(drafts.get(key) ?? {}) };
        if (value === original) {
            delete draft[field];
        } else {
            draft[field] = value;
        }
        if (Object.keys(draft).length > 0) {
            drafts.set(key, draft);
        } else {
            drafts.delete(key);
        }
        this.drafts = drafts;
        this.draftsChanged();
    }

    /** Tells the panel the drafts now (`draftchange`): it holds Run while any is unsaved. */
    private draftsChanged(): void {
        this.dispatchEvent(new CustomEvent('draftchange', { detail: { draftValues: this.draftValues } }));
    }
}
