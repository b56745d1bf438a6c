import { createElement } from 'lwc';
import RecordPicker from 'c/recordPicker';

/** A contact as the enable-users adapter lists it. */
interface PickerRow {
    id: string;
    name: string;
    email: string;
}
import { SelectionModel } from 'c/selectionModel';

interface PickerElement extends HTMLElement {
    search: (term: string, after: PickerRow | undefined) => Promise<PickerRow[]>;
    columns: unknown[];
    kind: string;
    single: boolean;
    singlePage: boolean;
    selection: SelectionModel<PickerRow>;
    foldResults: unknown;
    runSearch(term?: string): Promise<void>;
    refresh(): Promise<void>;
}

const contact = (n: number, last = 'Fischer'): PickerRow => ({
    id: `003${String(n).padStart(15, '0')}`,
    name: `Amara ${last} ${n}`,
    email: `amara${n}@example.com`,
});
const contacts = (count: number, last?: string, from = 0): PickerRow[] =>
    Array.from({ length: count }, (_, i) => contact(from + i, last));

/** A keyset search over rows, 200 a page, matching the term in the name: the page after the row `after`. */
function searchOver(all: PickerRow[]) {
    return jest.fn(async (term: string, after: PickerRow | undefined) => {
        const matching = all.filter((row) => String(row.name).includes(term));
        const from = after ? matching.findIndex((row) => row.id === after.id) + 1 : 0;
        return matching.slice(from, from + 200);
    });
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function render(props: Partial<PickerElement> = {}): { element: PickerElement; changes: SelectionModel<PickerRow>[] } {
    const element = createElement('c-record-picker', { is: RecordPicker }) as unknown as PickerElement;
    element.columns = [{ label: 'Name', fieldName: 'name' }];
    element.selection = SelectionModel.empty<PickerRow>({ single: props.single });
    Object.assign(element, props);
    const changes: SelectionModel<PickerRow>[] = [];
    // Controlled, as the panels use it: the parent takes each new selection and hands it back.
    element.addEventListener('selectionchange', (event) => {
        const selection = (event as CustomEvent<{ selection: SelectionModel<PickerRow> }>).detail.selection;
        changes.push(selection);
        element.selection = selection;
    });
    document.body.appendChild(element);
    return { element, changes };
}

const root = (element: HTMLElement) => element.shadowRoot as ShadowRoot;
const table = (element: HTMLElement) =>
    root(element).querySelector('lightning-datatable') as unknown as HTMLElement & {
        data: PickerRow[];
        selectedRows: string[];
        maxRowSelection: number;
    };

async function typeAndEnter(element: HTMLElement, term: string): Promise<void> {
    const input = root(element).querySelector('lightning-input.search-term') as HTMLElement;
    input.dispatchEvent(new CustomEvent('change', { detail: { value: term } }));
    input.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
    await flush();
}

function check(element: HTMLElement, rows: PickerRow[]): void {
    table(element).dispatchEvent(new CustomEvent('rowselection', { detail: { selectedRows: rows } }));
}

function clickButton(element: HTMLElement, selector: string): void {
    (root(element).querySelector(selector) as HTMLElement).click();
}

describe('c-record-picker', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('searches on Enter, shows the count in the plural and nothing selected', async () => {
        const search = searchOver(contacts(3));
        const { element } = render({ search });
        await typeAndEnter(element, 'Amara');
        expect(search).toHaveBeenCalledWith('Amara', undefined);
        expect(table(element).data).toHaveLength(3);
        expect(root(element).querySelector('.selected-count')?.textContent).toBe('0 contacts selected');
        expect(root(element).querySelector('.selected-list')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('keeps the selection across searches and counts in the singular and the plural', async () => {
        const all = [...contacts(3, 'Fischer'), ...contacts(2, 'Horvat', 10)];
        const { element, changes } = render({ search: searchOver(all) });
        await typeAndEnter(element, 'Fischer');
        check(element, [all[0]]);
        await flush();
        expect(root(element).querySelector('.selected-count')?.textContent).toBe('1 contact selected');
        await typeAndEnter(element, 'Horvat');
        expect(table(element).data.map((row) => row.name)).toEqual(['Amara Horvat 10', 'Amara Horvat 11']);
        check(element, [all[3], all[4]]);
        await flush();
        expect(changes[changes.length - 1].ids).toEqual([all[0].id, all[3].id, all[4].id]);
        expect(root(element).querySelector('.selected-count')?.textContent).toBe('3 contacts selected');
        // The first search's contact is still listed, removable.
        const labels = [...root(element).querySelectorAll('.pill-label')].map((pill) => pill.textContent);
        expect(labels).toEqual(['Amara Fischer 0', 'Amara Horvat 10', 'Amara Horvat 11']);
        await expect(element).toBeAccessible();
    });

    it('pages 200 at a time and checks the selected rows of every page', async () => {
        const all = contacts(450);
        const search = searchOver(all);
        const { element } = render({ search });
        await typeAndEnter(element, '');
        check(element, [all[1]]);
        clickButton(element, 'lightning-button.more');
        await flush();
        // The next page continues after the last row shown (the cursor), not from an offset.
        expect(search).toHaveBeenLastCalledWith('', all[199]);
        // 400 rows read, shown 50 at a time: the first of the new ones.
        const pager = (): HTMLElement & { text: string; isFirst: boolean; isLast: boolean } =>
            root(element).querySelector('c-plan-pager.view-pages') as HTMLElement & {
                text: string;
                isFirst: boolean;
                isLast: boolean;
            };
        expect(table(element).data).toHaveLength(50);
        expect(table(element).data[0]).toEqual(all[200]);
        expect(pager().text).toBe('Page 5 of 8 (400 rows)');
        expect(table(element).selectedRows).toEqual([]);
        for (let page = 0; page < 4; page++) {
            pager().dispatchEvent(new CustomEvent('previous'));
        }
        await flush();
        expect(pager().isFirst).toBe(true);
        expect(table(element).data[0]).toEqual(all[0]);
        expect(table(element).selectedRows).toEqual([all[1].id]);
        // Unchecking on a view page keeps what other pages selected.
        check(element, [all[2]]);
        await flush();
        expect(table(element).selectedRows).toEqual([all[2].id]);
        pager().dispatchEvent(new CustomEvent('next'));
        await flush();
        check(element, [all[60]]);
        await flush();
        expect(root(element).querySelector('.selected-count')?.textContent).toBe('2 contacts selected');
        clickButton(element, 'lightning-button.more');
        await flush();
        expect(pager().text).toBe('Page 9 of 9 (450 rows)');
        expect(table(element).data).toHaveLength(50);
        expect(pager().isLast).toBe(true);
        expect(root(element).querySelector('lightning-button.more')).toBeNull();
    });

    it('says that the header checkbox selects the rows of the page only, when there are more', async () => {
        const hint = (element: HTMLElement) => root(element).querySelector('.header-hint');
        const region = (element: HTMLElement) => root(element).querySelector('[role="region"]') as HTMLElement;
        // Three rows, all shown and nothing more to read: no hint.
        const few = render({ search: searchOver(contacts(3)) });
        await typeAndEnter(few.element, 'Amara');
        expect(hint(few.element)).toBeNull();
        // 450 matches, 200 read, 50 a page: the header checkbox takes 50, select all up to the cap.
        const many = render({ search: searchOver(contacts(450)) });
        await typeAndEnter(many.element, '');
        expect(hint(many.element)?.textContent?.trim()).toBe(
            'The checkbox in the column header selects the 50 rows on this page only. ' +
                'Select all matching adds every match until 10,000 are selected in total.',
        );
        // Read before the list and its header checkbox.
        expect(
            (hint(many.element) as Element).compareDocumentPosition(region(many.element)) &
                Node.DOCUMENT_POSITION_FOLLOWING,
        ).toBeTruthy();
        await expect(many.element).toBeAccessible();
    });

    it('words the hint for a page of one row, and drops Select all matching once the selection is full', async () => {
        const hint = (element: HTMLElement) => root(element).querySelector('.header-hint')?.textContent?.trim();
        // 201 matches: "Show more" reads the 201st and shows its view page, of one row.
        const { element } = render({ search: searchOver(contacts(201)) });
        await typeAndEnter(element, '');
        clickButton(element, 'lightning-button.more');
        await flush();
        expect(table(element).data).toHaveLength(1);
        expect(hint(element)).toBe(
            'The checkbox in the column header selects the one row on this page only. ' +
                'Select all matching adds every match until 10,000 are selected in total.',
        );
        // A selection at its cap: select all can add nothing, the hint no longer offers it.
        element.selection = SelectionModel.empty<PickerRow>({ cap: 1 }).add([contact(0)]).selection;
        await flush();
        expect(hint(element)).toBe('The checkbox in the column header selects the one row on this page only.');
    });

    it('selects all matching, adds a second search, removes one and clears', async () => {
        const all = [...contacts(250, 'Fischer'), ...contacts(60, 'Horvat', 1000)];
        const { element, changes } = render({ search: searchOver(all) });
        await typeAndEnter(element, 'Fischer');
        clickButton(element, 'lightning-button.select-all');
        await flush();
        expect(changes[changes.length - 1].count).toBe(250);
        await typeAndEnter(element, '');
        clickButton(element, 'lightning-button.select-all');
        await flush();
        expect(root(element).querySelector('.selected-count')?.textContent).toBe('310 contacts selected');
        expect(root(element).querySelectorAll('.selected-item')).toHaveLength(50);
        expect(root(element).querySelector('.selected-more')?.textContent?.trim()).toBe('and 260 more');
        await expect(element).toBeAccessible();

        const remove = root(element).querySelector('lightning-button-icon.remove-selected') as HTMLElement;
        expect(remove.getAttribute('data-id')).toBe(all[0].id);
        remove.click();
        await flush();
        expect(changes[changes.length - 1].has(all[0].id)).toBe(false);
        expect(root(element).querySelector('.selected-count')?.textContent).toBe('309 contacts selected');
        clickButton(element, 'lightning-button.clear-selection');
        await flush();
        expect(changes[changes.length - 1].count).toBe(0);
    });

    it('selects all matching beyond 2,000 rows, page after page', async () => {
        const all = contacts(2500);
        const search = searchOver(all);
        const { element, changes } = render({ search });
        await typeAndEnter(element, '');
        clickButton(element, 'lightning-button.select-all');
        await flush();
        expect(changes[changes.length - 1].count).toBe(2500);
        expect(search).toHaveBeenCalledTimes(1 + 13);
        expect(root(element).querySelector('.picker-notice')).toBeNull();
        expect(root(element).querySelector('.selected-count')?.textContent).toBe('2,500 contacts selected');
    });

    it('says when select all stopped at the one page a search gives, and at the cap', async () => {
        const all = contacts(500);
        const { element } = render({ search: searchOver(all), singlePage: true });
        await typeAndEnter(element, '');
        expect(root(element).querySelector('lightning-button.more')).toBeNull();
        // A search that cannot page says that more match than it shows (admin walk: the doctor's
        // 200 of 500 users, silently).
        expect(root(element).querySelector('.truncated')?.textContent).toBe(
            'Only the first 200 matches are shown: type more of the name to narrow the search.',
        );
        clickButton(element, 'lightning-button.select-all');
        await flush();
        expect(root(element).querySelector('.picker-notice')?.textContent).toContain('the first 200 matches');

        const capped = render({ search: searchOver(all), selection: SelectionModel.empty<PickerRow>({ cap: 100 }) });
        await typeAndEnter(capped.element, '');
        clickButton(capped.element, 'lightning-button.select-all');
        await flush();
        expect(capped.changes[capped.changes.length - 1].count).toBe(100);
        expect(root(capped.element).querySelector('.picker-notice')?.textContent).toBe(
            'At most 100 can be selected at a time: the rest was not added.',
        );
        await expect(capped.element).toBeAccessible();
    });

    it('names handed-over records once a search finds them', async () => {
        const all = contacts(3);
        const { element } = render({
            search: searchOver(all),
            selection: SelectionModel.empty<PickerRow>().addIds([all[2].id, '003000000000000999']).selection,
        });
        await flush();
        expect(root(element).querySelector('.pill-label')?.textContent).toBe(`Record ${all[2].id}`);
        await element.runSearch('');
        await flush();
        const labels = [...root(element).querySelectorAll('.pill-label')].map((pill) => pill.textContent);
        expect(labels).toEqual(['Amara Fischer 2', 'Record 003000000000000999']);
        expect(table(element).selectedRows).toEqual([all[2].id]);
    });

    it('in single mode offers one row and names users', async () => {
        const users = contacts(3);
        const { element, changes } = render({ search: searchOver(users), single: true, kind: 'users' });
        await typeAndEnter(element, '');
        expect(table(element).maxRowSelection).toBe(1);
        expect(root(element).querySelector('lightning-button.select-all')).toBeNull();
        check(element, [users[1]]);
        await flush();
        expect(root(element).querySelector('.selected-count')?.textContent).toBe('1 user selected');
        check(element, [users[2]]);
        await flush();
        expect(changes[changes.length - 1].ids).toEqual([users[2].id]);
        await expect(element).toBeAccessible();
    });

    it('shows a failed search and a search without results', async () => {
        const search = jest.fn().mockRejectedValueOnce({ body: { message: 'Search failed' } });
        search.mockResolvedValueOnce([]);
        const { element } = render({ search });
        await typeAndEnter(element, 'x');
        expect(root(element).querySelector('c-error-panel')).not.toBeNull();
        clickButton(element, 'lightning-button.search');
        await flush();
        expect(root(element).querySelector('.no-results')?.textContent).toBe('Nothing matches this search.');
        await expect(element).toBeAccessible();
    });
    it('folds its results to one line while a plan is shown, keeps the selection, and unfolds on request or search', async () => {
        const all = contacts(120);
        const search = searchOver(all);
        const { element } = render({ search });
        await typeAndEnter(element, 'Amara');
        check(element, all.slice(0, 3));
        await flush();
        // The panel shows its plan: the list folds to one line; the selection stays in view.
        element.foldResults = true;
        await flush();
        expect(table(element)).toBeNull();
        expect(root(element).querySelector('c-plan-pager')).toBeNull();
        expect(root(element).querySelector('lightning-button.select-all')).toBeNull();
        expect(root(element).querySelector('.folded-text')?.textContent).toBe(
            'The search results (120 listed) are folded away while you review the plan below. A new search shows them again.',
        );
        expect(root(element).querySelector('.selected-count')?.textContent).toBe('3 contacts selected');
        expect(root(element).querySelectorAll('.pill-label')).toHaveLength(3);
        await expect(element).toBeAccessible();
        // A refresh after a run reads the rows again but leaves them folded.
        await element.refresh();
        await flush();
        expect(table(element)).toBeNull();
        // "Show search results": the list is back on the page it was on, checked as before, and the
        // focus moves to the button that folds it again (the one clicked is gone).
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        clickButton(element, 'lightning-button.show-results');
        await flush();
        expect(table(element).data).toHaveLength(50);
        expect(table(element).selectedRows).toEqual(all.slice(0, 3).map((row) => row.id));
        const hide = root(element).querySelector('lightning-button.hide-results');
        expect(hide).not.toBeNull();
        expect(focus.mock.contexts[focus.mock.contexts.length - 1]).toBe(hide);
        await expect(element).toBeAccessible();
        clickButton(element, 'lightning-button.hide-results');
        await flush();
        expect(table(element)).toBeNull();
        expect(focus.mock.contexts[focus.mock.contexts.length - 1]).toBe(
            root(element).querySelector('lightning-button.show-results'),
        );
        focus.mockRestore();
        // A new search by the admin shows its results, though the plan is still shown.
        await typeAndEnter(element, 'Amara Fischer 1');
        expect(table(element)).not.toBeNull();
        // The next plan folds them again; no plan, nothing folds and nothing offers to.
        element.foldResults = false;
        await flush();
        expect(root(element).querySelector('lightning-button.hide-results')).toBeNull();
        element.foldResults = true;
        await flush();
        expect(table(element)).toBeNull();
        expect(root(element).querySelector('.folded-text')?.textContent).toMatch(
            /^The search results \(\d+ listed\) are folded away/,
        );
    });

    it('folds again for each new plan, not when the same plan is handed again', async () => {
        const { element } = render({ search: searchOver(contacts(3)) });
        await typeAndEnter(element, 'Amara');
        const firstPlan = { check: 1 };
        element.foldResults = firstPlan;
        await flush();
        clickButton(element, 'lightning-button.show-results');
        await flush();
        expect(table(element)).not.toBeNull();
        // The same plan again (the panel rendered for another reason): the admin's choice stays.
        element.foldResults = firstPlan;
        await flush();
        expect(table(element)).not.toBeNull();
        // A new Check: a new plan folds them again, without passing through "no plan".
        element.foldResults = { check: 2 };
        await flush();
        expect(table(element)).toBeNull();
        expect(root(element).querySelector('lightning-button.show-results')).not.toBeNull();
    });

    it('hands the focus on when a pill or the whole selection is removed: the next pill, the previous, the search', async () => {
        const all = contacts(3);
        const { element } = render({ search: searchOver(all) });
        await typeAndEnter(element, 'Amara');
        check(element, all);
        await flush();
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        const removeOf = (row: PickerRow) =>
            root(element).querySelector(`lightning-button-icon.remove-selected[data-id="${row.id}"]`) as HTMLElement;
        removeOf(all[1]).click();
        await flush();
        expect(focus.mock.contexts[focus.mock.contexts.length - 1]).toBe(removeOf(all[2]));
        removeOf(all[2]).click();
        await flush();
        expect(focus.mock.contexts[focus.mock.contexts.length - 1]).toBe(removeOf(all[0]));
        removeOf(all[0]).click();
        await flush();
        const search = root(element).querySelector('lightning-input.search-term');
        expect(focus.mock.contexts[focus.mock.contexts.length - 1]).toBe(search);
        check(element, all);
        await flush();
        clickButton(element, 'lightning-button.clear-selection');
        await flush();
        expect(focus.mock.contexts[focus.mock.contexts.length - 1]).toBe(search);
        focus.mockRestore();
    });

    it('words a single folded result in the singular', async () => {
        const { element } = render({ search: searchOver(contacts(1)) });
        await typeAndEnter(element, 'Amara');
        element.foldResults = true;
        await flush();
        expect(root(element).querySelector('.folded-text')?.textContent).toBe(
            'The search result (1 listed) is folded away while you review the plan below. A new search shows it again.',
        );
    });
});
