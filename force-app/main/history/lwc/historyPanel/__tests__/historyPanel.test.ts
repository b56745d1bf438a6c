import { createElement } from 'lwc';
import HistoryPanel from 'c/historyPanel';
import getHistory from '@salesforce/apex/HistoryController.getHistory';
import getHistoryFilterOptions from '@salesforce/apex/HistoryController.getHistoryFilterOptions';
import searchHistoryUsers from '@salesforce/apex/HistoryController.searchHistoryUsers';
import { SelectionModel } from 'c/selectionModel';
import LOAD_ERROR from '@salesforce/label/c.CCSA_History_Load_Error';
import EMPTY from '@salesforce/label/c.CCSA_History_Empty';
import OFFSET_LIMIT from '@salesforce/label/c.CCSA_History_Offset_Limit';
import DETAILS_EMPTY from '@salesforce/label/c.CCSA_History_Details_Empty';
import DATE_RANGE_INVALID from '@salesforce/label/c.CCSA_History_Date_Range_Invalid';
import { readFileSync } from 'fs';
import { join } from 'path';
import { formatLabel } from 'c/labelFormat';
import PAGE from './data/HistoryController.getHistory.json';

jest.mock('@salesforce/apex/HistoryController.getHistory', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/HistoryController.getHistoryFilterOptions', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/HistoryController.searchHistoryUsers', () => ({ default: jest.fn() }), { virtual: true });

type HistoryPage = Apex.HistoryService.HistoryPage;
type HistoryUserRow = Apex.HistoryService.HistoryUserRow;
type Picker = HTMLElement & {
    search: (term: string, after: unknown) => Promise<HistoryUserRow[]>;
    selection: SelectionModel<HistoryUserRow>;
    single: boolean;
};
const MIA: HistoryUserRow = { id: '0058d00000USER1AAA', name: 'Mia Lopez', username: 'mia@acme.example' };

type Table = HTMLElement & { data: Array<Record<string, unknown>>; columns: Array<Record<string, unknown>> };
type Input = HTMLElement & {
    value: string;
    options?: Array<{ label: string; value: string }>;
    setCustomValidity: (message: string) => void;
    reportValidity: () => boolean;
};

const mocked = (method: unknown): jest.Mock => method as jest.Mock;
const OPTIONS = { actions: ['ENABLE_USER', 'LICENSE_CHANGE', 'NEW_ACTION'], statuses: ['Completed', 'Failed'] };

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function render(): HTMLElement {
    const element = createElement('c-history-panel', { is: HistoryPanel });
    document.body.appendChild(element);
    return element;
}

const $ = <T extends Element = HTMLElement>(element: HTMLElement, selector: string): T =>
    element.shadowRoot!.querySelector(selector) as T;
const $$ = (element: HTMLElement, selector: string): HTMLElement[] =>
    Array.from(element.shadowRoot!.querySelectorAll(selector));
const text = (element: Element | null): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function change(element: HTMLElement, selector: string, value: string): void {
    $(element, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function rowAction(element: HTMLElement, rowId: string): void {
    $(element, 'lightning-datatable').dispatchEvent(
        new CustomEvent('rowaction', { detail: { action: { name: 'details' }, row: { id: rowId } } }),
    );
}

function click(element: HTMLElement, selector: string): void {
    $(element, selector).click();
}

/** The picker's answer to a pick: the selection the panel receives (c-record-picker is controlled). */
function pick(element: HTMLElement, user: HistoryUserRow | null): void {
    const picker = $<Picker>(element, 'c-record-picker.user-picker');
    const empty = SelectionModel.empty<HistoryUserRow>({ single: true });
    const selection = user ? empty.add([user]).selection : empty;
    picker.dispatchEvent(new CustomEvent('selectionchange', { detail: { selection } }));
}

describe('c-history-panel', () => {
    beforeEach(() => {
        mocked(getHistory).mockResolvedValue(PAGE);
        mocked(getHistoryFilterOptions).mockResolvedValue(OPTIONS);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner while the history is read', async () => {
        mocked(getHistory).mockReturnValue(new Promise(() => undefined));
        const element = render();
        await flush();
        expect($(element, 'lightning-spinner')).not.toBeNull();
        expect($(element, 'lightning-datatable')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('lists the log newest first, with links to the record and the user', async () => {
        const element = render();
        await flush();
        expect(getHistory).toHaveBeenCalledWith({
            filter: expect.objectContaining({ offset: 0, pageSize: 25, status: null, action: null }),
        });
        const table = $<Table>(element, 'lightning-datatable');
        expect(table.data.map((row) => row.name)).toEqual(['LOG-0000003', 'LOG-0000002', 'LOG-0000001']);
        expect(table.data[0]).toMatchObject({
            action: 'Enable user',
            status: 'Failed',
            targetUserName: 'Mia Lopez',
            targetUserUrl: '/lightning/r/User/0058d00000USER1AAA/view',
            logUrl: '/lightning/r/ccsa__Setup_Assistant_Log__c/a008d00000ABCD3AAA/view',
            actingUserName: 'Avery Admin',
        });
        expect(table.data[2]).toMatchObject({ targetUserName: 'No user', targetUserUrl: null });
        expect(text($(element, '.range'))).toBe('1–3 of 3');
        expect(($(element, 'lightning-button.previous') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
        expect(($(element, 'lightning-button.next') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
        expect($(element, '.offset-limit')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers the actions and outcomes the log holds', async () => {
        const element = render();
        await flush();
        expect($<Input>(element, 'lightning-combobox.action').options).toEqual([
            { label: 'All', value: '' },
            { label: 'Enable user', value: 'ENABLE_USER' },
            { label: 'License change', value: 'LICENSE_CHANGE' },
            { label: 'NEW_ACTION', value: 'NEW_ACTION' },
        ]);
        expect($<Input>(element, 'lightning-combobox.outcome').options?.map((o) => o.value)).toEqual([
            '',
            'Completed',
            'Failed',
        ]);
    });

    it('applies the filters from the first page, and clears them', async () => {
        const element = render();
        await flush();
        change(element, 'lightning-combobox.action', 'ENABLE_USER');
        change(element, 'lightning-combobox.outcome', 'Failed');
        change(element, 'lightning-input.from-date', '2025-03-01');
        change(element, 'lightning-input.to-date', '2025-03-05');
        mocked(getHistory).mockResolvedValue({ ...PAGE, rows: [PAGE.rows[0]], total: 1 });
        click(element, 'lightning-button.apply');
        await flush();
        expect(getHistory).toHaveBeenLastCalledWith({
            filter: {
                targetUserId: null,
                userSearch: null,
                action: 'ENABLE_USER',
                status: 'Failed',
                fromDate: '2025-03-01',
                toDate: '2025-03-05',
                pageSize: 25,
                offset: 0,
            },
        });
        expect($<Table>(element, 'lightning-datatable').data).toHaveLength(1);
        expect(text($(element, '.range'))).toBe('1–1 of 1');

        // Picking a user in the shared picker filters by that user's id at once.
        pick(element, MIA);
        await flush();
        expect(getHistory).toHaveBeenLastCalledWith({
            filter: expect.objectContaining({ targetUserId: MIA.id, userSearch: null, action: 'ENABLE_USER' }),
        });
        expect($<Picker>(element, 'c-record-picker.user-picker').selection.ids).toEqual([MIA.id]);

        click(element, 'lightning-button.clear');
        await flush();
        expect(getHistory).toHaveBeenLastCalledWith({
            filter: expect.objectContaining({ userSearch: null, action: null, status: null, fromDate: null }),
        });
        expect($<Input>(element, 'lightning-combobox.outcome').value).toBe('');
        expect($<Picker>(element, 'c-record-picker.user-picker').selection.ids).toEqual([]);
    });

    it('says a reversed date range on the To field and does not search, until the range is right', async () => {
        const element = render();
        await flush();
        const toDate = $<Input>(element, 'lightning-input.to-date');
        const validity = jest.spyOn(toDate, 'setCustomValidity');
        const report = jest.spyOn(toDate, 'reportValidity');
        mocked(getHistory).mockClear();
        change(element, 'lightning-input.from-date', '2025-03-05');
        change(element, 'lightning-input.to-date', '2025-03-01');
        expect(validity).toHaveBeenLastCalledWith(DATE_RANGE_INVALID);
        expect(report).toHaveBeenCalled();
        click(element, 'lightning-button.apply');
        await flush();
        expect(getHistory).not.toHaveBeenCalled();
        expect(validity).toHaveBeenLastCalledWith(DATE_RANGE_INVALID);

        // Picking a user applies the form too: still not with the reversed range.
        pick(element, MIA);
        await flush();
        expect(getHistory).not.toHaveBeenCalled();

        change(element, 'lightning-input.to-date', '2025-03-09');
        expect(validity).toHaveBeenLastCalledWith('');
        click(element, 'lightning-button.apply');
        await flush();
        expect(getHistory).toHaveBeenLastCalledWith({
            filter: expect.objectContaining({ fromDate: '2025-03-05', toDate: '2025-03-09', targetUserId: MIA.id }),
        });
        await expect(element).toBeAccessible();
    });

    it('offers the contact of a refused enable in the picker, marked as a contact, and filters by its id', async () => {
        // A refused or failed enable names only its contact: Apex offers it with no username.
        const CONTACT: HistoryUserRow = { id: '0038d00000CONT1AAA', name: 'Carla Weber' };
        mocked(searchHistoryUsers).mockResolvedValue([CONTACT, MIA]);
        const element = render();
        await flush();
        const picker = $<Picker>(element, 'c-record-picker.user-picker');
        await expect(picker.search('we', undefined)).resolves.toEqual([
            { ...CONTACT, username: 'Contact (no user)' },
            MIA,
        ]);
        pick(element, CONTACT);
        await flush();
        expect(getHistory).toHaveBeenLastCalledWith({
            filter: expect.objectContaining({ targetUserId: CONTACT.id, userSearch: null }),
        });
        await expect(element).toBeAccessible();
    });

    it('offers the users the log names in the shared picker, one at a time, and drops the filter with the pick', async () => {
        mocked(searchHistoryUsers).mockResolvedValue([MIA]);
        const element = render();
        await flush();
        const picker = $<Picker>(element, 'c-record-picker.user-picker');
        expect(picker.single).toBe(true);
        await expect(picker.search('mia', undefined)).resolves.toEqual([MIA]);
        expect(searchHistoryUsers).toHaveBeenLastCalledWith({ searchTerm: 'mia' });
        await picker.search('', undefined);
        expect(searchHistoryUsers).toHaveBeenLastCalledWith({ searchTerm: null });

        pick(element, MIA);
        await flush();
        expect(getHistory).toHaveBeenLastCalledWith({ filter: expect.objectContaining({ targetUserId: MIA.id }) });
        pick(element, null);
        await flush();
        expect(getHistory).toHaveBeenLastCalledWith({
            filter: expect.objectContaining({ targetUserId: null, userSearch: null }),
        });
        await expect(element).toBeAccessible();
    });

    it('reads a failed change for people: names, the comparison, the explained code and the time zone', async () => {
        const failed = {
            ...PAGE.rows[1],
            id: 'a008d00000ABCD4AAA',
            name: 'LOG-0000004',
            status: 'Failed',
            error: 'LICENSE_LIMIT_EXCEEDED: License Limit Exceeded.',
        };
        mocked(getHistory).mockResolvedValue({
            ...PAGE,
            rows: [failed, ...PAGE.rows],
            total: 4,
            timeZone: 'Europe/Paris',
            names: {
                '00e8d00000PROF1AAA': 'Customer Community User',
                '00e8d00000PROF2AAA': 'Contracts Plus User',
                'license:00e8d00000PROF2AAA': 'Customer Community Plus',
                '0PS8d00000PSET1AAA': 'Contracts Portal',
            },
        });
        const element = render();
        await flush();
        expect(text($(element, '.time-zone'))).toContain('Europe/Paris');
        rowAction(element, failed.id);
        await flush();
        // The comparison, in names.
        const profile = $$(element, '.change-row').find((row) => text(row.querySelector('th')) === 'Profile');
        expect(text(profile?.querySelector('.change-before') ?? null)).toBe('Customer Community User');
        expect(text(profile?.querySelector('.change-after') ?? null)).toBe('Contracts Plus User');
        // The code explained, naming the license concerned.
        const explanations = $$(element, '.explanation');
        expect(explanations.map((item) => item.dataset.code)).toEqual(['LICENSE_LIMIT_EXCEEDED']);
        expect(text(explanations[0])).toContain('Customer Community Plus');
        expect($$(element, '.explanation, .change-row, .detail-text').map(text).join(' ')).not.toMatch(/\.\./);
        await expect(element).toBeAccessible();
    });

    it('points a refused doctor fix to its message where it is: the Errors section, below the explanation', async () => {
        const refusedFix = {
            id: 'a008d00000ABCD8AAA',
            name: 'LOG-0000008',
            action: 'ASSIGN_PERMISSION_SET',
            // As UserDoctorFixService logs a policy refusal: Refused, as a refused enable reads.
            status: 'Refused',
            targetUserId: '0058d00000USER1AAA',
            targetUserName: 'Avery Admin',
            before: JSON.stringify({
                userId: '0058d00000USER1AAA',
                userName: 'Avery Admin',
                subjectId: '0PS8d00000PSET1AAA',
                subjectName: 'DocGen Run-time Community User',
            }),
            error: 'USER_NOT_EXTERNAL: Avery Admin is not an external user.',
        };
        mocked(getHistory).mockResolvedValue({ ...PAGE, rows: [refusedFix], total: 1 });
        const element = render();
        await flush();
        rowAction(element, refusedFix.id);
        await flush();
        expect(text($(element, '.details-status'))).toBe('Refused');
        const explanation = $(element, '.explanation[data-code="USER_NOT_EXTERNAL"]') as HTMLElement;
        expect(text(explanation)).toContain('The message under Errors, below, names what to change');
        const errors = $$(element, '.detail-section').find(
            (section) => text(section.querySelector('.detail-title')) === 'Errors',
        ) as HTMLElement;
        expect(text(errors)).toContain('USER_NOT_EXTERNAL: Avery Admin is not an external user.');
        // The Errors section follows the explanation in the page's reading order.
        expect(explanation.compareDocumentPosition(errors) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
        await expect(element).toBeAccessible();
    });

    it('shows a change the job refused as refused for its user, linked, not as a change made to them', async () => {
        const USER = '0058d00000USER7AAA';
        const refused = {
            id: 'a008d00000ABCD5AAA',
            name: 'LOG-0000005',
            action: 'LICENSE_CHANGE',
            status: 'Refused',
            before: JSON.stringify({ jobId: 'a018d00000JOB01AAA', userId: USER }),
            error: 'USER_NOT_EXTERNAL: not an external user',
            actingUserName: 'Avery Admin',
        };
        mocked(getHistory).mockResolvedValue({
            ...PAGE,
            rows: [refused, ...PAGE.rows],
            total: 4,
            names: { [USER]: 'Bruno Vargas' },
        });
        const element = render();
        await flush();
        // The user filter finds refused rows too (the Subject fields SetupAssistantLogWriter fills): the intro says so; the
        // cell does not read as if the change had been made to the user.
        expect(text($(element, 'lightning-card p'))).toContain('the changes the assistant refused included');
        expect(text($(element, 'lightning-card p'))).not.toContain('find those with Outcome Refused');
        expect($<Table>(element, 'lightning-datatable').data[0]).toMatchObject({
            targetUserName: 'Refused for Bruno Vargas',
            targetUserUrl: `/lightning/r/User/${USER}/view`,
        });
        rowAction(element, refused.id);
        await flush();
        expect(text($(element, '.details-user'))).toBe('Refused for Bruno Vargas');
        await expect(element).toBeAccessible();
    });

    it('says so when nothing matches', async () => {
        mocked(getHistory).mockResolvedValue({ ...PAGE, rows: [], total: 0 });
        const element = render();
        await flush();
        expect(text($(element, '.empty'))).toBe(EMPTY);
        expect($(element, 'lightning-datatable')).toBeNull();
        // No "0–0 of 0" beside the message.
        expect(text($(element, '.range'))).toBe('');
        await expect(element).toBeAccessible();
    });

    it('pages forward and back with the same filter', async () => {
        const first: HistoryPage = { ...PAGE, total: 60, hasMore: true };
        mocked(getHistory).mockResolvedValue(first);
        const element = render();
        await flush();
        expect(($(element, 'lightning-button.next') as HTMLElement & { disabled: boolean }).disabled).toBe(false);
        mocked(getHistory).mockResolvedValue({ ...first, offset: 25 });
        click(element, 'lightning-button.next');
        await flush();
        expect(getHistory).toHaveBeenLastCalledWith({ filter: expect.objectContaining({ offset: 25 }) });
        expect(text($(element, '.range'))).toBe('26–28 of 60');
        mocked(getHistory).mockResolvedValue(first);
        click(element, 'lightning-button.previous');
        await flush();
        expect(getHistory).toHaveBeenLastCalledWith({ filter: expect.objectContaining({ offset: 0 }) });

        // Refresh reads the same page again.
        click(element, 'lightning-button.refresh');
        await flush();
        expect(getHistory).toHaveBeenLastCalledWith({ filter: expect.objectContaining({ offset: 0 }) });
        expect(getHistoryFilterOptions).toHaveBeenCalledTimes(2);
        await expect(element).toBeAccessible();
    });

    it('explains the offset limit when older rows cannot be paged to', async () => {
        mocked(getHistory).mockResolvedValue({ ...PAGE, offset: 2000, total: 5000, hasMore: false });
        const element = render();
        await flush();
        expect(text($(element, '.offset-limit'))).toBe(formatLabel(OFFSET_LIMIT, 2000));
        expect(($(element, 'lightning-button.next') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('opens the details of a row, pretty-printed, and closes them', async () => {
        const element = render();
        await flush();
        rowAction(element, 'a008d00000ABCD2AAA');
        await flush();
        expect(text($(element, '.details-title'))).toBe('LOG-0000002: License change');
        // Opened below the table: the title takes the focus, so that the click is answered (admin walk).
        expect(element.shadowRoot!.activeElement).toBe($(element, '.details-title'));
        expect($(element, 'a.details-log').getAttribute('href')).toBe(
            '/lightning/r/ccsa__Setup_Assistant_Log__c/a008d00000ABCD2AAA/view',
        );
        expect($(element, 'a.details-user').getAttribute('href')).toBe('/lightning/r/User/0058d00000USER2AAA/view');
        // Before and After as a comparison of the fields that changed, not as JSON.
        // Before's permission sets, which After does not mention, are what the change recorded, not removed.
        expect($$(element, '.detail-title').map(text)).toEqual([
            'What changed',
            'Also recorded',
            'Snapshot',
            'Removed',
            'Restored',
        ]);
        expect($$(element, '.change-row').length).toBeGreaterThan(0);
        expect(text($$(element, '.change-row')[0].querySelector('th'))).toBe('Profile');
        await expect(element).toBeAccessible();

        rowAction(element, 'a008d00000ABCD3AAA');
        await flush();
        const sections = $$(element, '.detail-section');
        const errors = sections[sections.length - 1];
        expect(text(errors.querySelector('.detail-title'))).toBe('Errors');
        expect(text(errors.querySelector('.detail-text'))).toBe('Duplicate nickname: mlopez');

        rowAction(element, 'a008d00000ABCD1AAA');
        await flush();
        expect(text($(element, '.details-empty'))).toBe(DETAILS_EMPTY);
        expect($(element, 'a.details-user')).toBeNull();
        expect(text($(element, '.details-user'))).toBe('No user');

        // Details of the row already open, the focus elsewhere: it comes back to them.
        (element.shadowRoot!.activeElement as HTMLElement | null)?.blur();
        rowAction(element, 'a008d00000ABCD1AAA');
        await flush();
        expect(element.shadowRoot!.activeElement).toBe($(element, '.details-title'));

        const table = $(element, 'lightning-datatable') as HTMLElement;
        const tableFocus = jest.spyOn(table, 'focus');
        click(element, 'lightning-button.close-details');
        await flush();
        expect($(element, '.details')).toBeNull();
        expect(tableFocus).toHaveBeenCalled();
    });

    it('underlines the links inside the details line, so they do not rely on colour (axe link-in-text-block)', async () => {
        const element = render();
        await flush();
        rowAction(element, 'a008d00000ABCD2AAA');
        await flush();
        const css = readFileSync(join(__dirname, '..', 'historyPanel.css'), 'utf8');
        expect(css).toMatch(/\.details-meta a\s*\{[^}]*text-decoration:\s*underline/);
        for (const link of $$(element, '.details-meta a')) {
            expect(getComputedStyle(link).textDecoration).toContain('underline');
        }
        expect($$(element, '.details-meta a').map((link) => link.className)).toEqual(['details-log', 'details-user']);
        await expect(element).toBeAccessible();
    });

    it('reads the logs the writers leave as an admin does: names, the setting turned on, the step', async () => {
        const ROLE = '00E8d00000055zqEAA';
        const PSL = '0PL8d00000PSL01AAA';
        const licenseChange = {
            id: 'a008d00000ABCD7AAA',
            name: 'LOG-0000007',
            action: 'LICENSE_CHANGE',
            status: 'Completed',
            targetUserId: '0058d00000USER2AAA',
            targetUserName: 'Dmitri Varga',
            before: JSON.stringify({
                profileId: '00e8d00000PROF1AAA',
                profileName: 'Customer Community User',
                roleId: null,
                roleName: null,
                targetProfileId: '00e8d00000PROF2AAA',
                targetProfileName: 'Contracts Plus User',
            }),
            after: JSON.stringify({
                profileId: '00e8d00000PROF2AAA',
                profileName: 'Contracts Plus User',
                roleId: ROLE,
                roleName: 'Western Sales Partner User',
                contractsSetup: { permissionSetIds: ['0PS8d00000PSET1AAA'], permissionSetLicenseIds: [PSL] },
            }),
            // As LicenseChangeService.snapshotFor writes it: ids under Id keys, the page names them.
            snapshot: JSON.stringify({
                beforeProfileId: '00e8d00000PROF1AAA',
                targetProfileId: '00e8d00000PROF2AAA',
                permissionSetIds: ['0PS8d00000PSET1AAA'],
                permissionSetGroupIds: [],
                permissionSetLicenseIds: [],
                expirationDates: { '0PS8d00000PSET1AAA': '2026-01-31' },
                roleId: null,
                completeContractsSetup: true,
            }),
            removed: '[]',
            restored: JSON.stringify(['0PS8d00000PSET1AAA']),
        };
        const attempt = {
            id: 'a008d00000ABCD8AAA',
            name: 'LOG-0000008',
            action: 'LICENSE_CHANGE_APPLY',
            status: 'Completed',
            targetUserId: '0058d00000USER2AAA',
            before: JSON.stringify({ licenseChangeLogId: licenseChange.id }),
            after: JSON.stringify({ profileChanged: true }),
        };
        const showAll = {
            id: 'a008d00000ABCD9AAA',
            name: 'LOG-0000009',
            action: 'SHOW_ALL_SETTINGS',
            status: 'Completed',
            before: JSON.stringify({
                networkId: '0DB8d00000SITE1AAA',
                siteName: 'Contracts Portal',
                Status: 'Live',
                OptionsShowAllNetworkSettings: false,
            }),
            after: JSON.stringify({ fix: 'SHOW_ALL_SETTINGS', ok: true }),
        };
        const confirm = {
            id: 'a008d00000ABCDAAAA',
            name: 'LOG-0000010',
            action: 'CONFIRM_READINESS_STEP',
            status: 'Completed',
            after: 'STANDARD_EXTERNAL_PROFILES',
        };
        mocked(getHistory).mockResolvedValue({
            ...PAGE,
            rows: [confirm, showAll, attempt, licenseChange],
            total: 4,
            names: {
                '0PS8d00000PSET1AAA': 'Contracts Portal',
                '00e8d00000PROF1AAA': 'Customer Community User',
                '00e8d00000PROF2AAA': 'Contracts Plus User',
            },
        });
        const element = render();
        await flush();
        const changeRows = (): string[][] =>
            $$(element, '.change-row').map((row) => [
                text(row.querySelector('th')),
                text(row.querySelector('.change-before')),
                text(row.querySelector('.change-after')),
            ]);
        const details = (): string => text($(element, '.details'));

        rowAction(element, licenseChange.id);
        await flush();
        expect(changeRows()).toContainEqual(['Role', '(none)', 'Western Sales Partner User']);
        const contracts = changeRows().find(([field]) => field === 'Contracts setup');
        expect(contracts?.[2]).toBe(`Permission sets: Contracts Portal; Permission set licenses: ${PSL}`);
        expect(details()).not.toContain(ROLE);
        expect(details()).not.toMatch(/[{}]/);
        // The Snapshot, Removed and Restored read as fields and names, never as raw JSON.
        // The section's own lines (the pre keeps them), by its title.
        const section = (title: string): string =>
            $$(element, '.detail-section')
                .find((candidate) => text(candidate.querySelector('.detail-title')) === title)
                ?.querySelector('.detail-text')
                ?.textContent?.trim() ?? '';
        expect(section('Snapshot').split('\n')).toEqual([
            'Before profile: Customer Community User',
            'Target profile: Contracts Plus User',
            'Permission sets: Contracts Portal',
            'Permission set groups: (none)',
            'Permission set licenses: (none)',
            'Expiration dates: Contracts Portal: 2026-01-31',
            'Role: (none)',
            'Complete contracts setup: Yes',
        ]);
        expect(section('Removed')).toBe('(none)');
        expect(section('Restored')).toBe('Contracts Portal');
        expect(details()).not.toMatch(/[[\]"]|beforeProfileId|true/);
        await expect(element).toBeAccessible();

        rowAction(element, attempt.id);
        await flush();
        // The attempt's flag in words, not the raw boolean.
        expect(changeRows()).toEqual([['Profile changed', '(none)', 'Yes']]);

        rowAction(element, attempt.id);
        await flush();
        expect(details()).toContain('License change log: LOG-0000007');
        expect(details()).not.toContain(licenseChange.id);

        rowAction(element, showAll.id);
        await flush();
        expect(changeRows()).toEqual([['Options show all network settings', 'No', 'Yes']]);
        expect(details()).toContain('Network: Contracts Portal');
        expect(details()).not.toMatch(/→|Fix|Ok|SHOW_ALL_SETTINGS/);
        await expect(element).toBeAccessible();

        rowAction(element, confirm.id);
        await flush();
        expect($$(element, '.detail-title').map(text)).toEqual(['Readiness step']);
        expect(text($(element, '.detail-text'))).toBe('Standard external profiles allowed');
        expect(details()).not.toContain('STANDARD_EXTERNAL_PROFILES');
        await expect(element).toBeAccessible();
    });

    it('ignores other row actions and closes details of a row no longer listed', async () => {
        const element = render();
        await flush();
        $(element, 'lightning-datatable').dispatchEvent(
            new CustomEvent('rowaction', { detail: { action: { name: 'other' }, row: { id: PAGE.rows[0].id } } }),
        );
        await flush();
        expect($(element, '.details')).toBeNull();
        rowAction(element, PAGE.rows[0].id);
        await flush();
        expect($(element, '.details')).not.toBeNull();
        mocked(getHistory).mockResolvedValue({ ...PAGE, rows: [PAGE.rows[1]], total: 1 });
        click(element, 'lightning-button.refresh');
        await flush();
        expect($(element, '.details')).toBeNull();
    });

    it('shows the error panel when the history cannot be read', async () => {
        mocked(getHistory).mockRejectedValue({ body: { message: 'You need the permission set.' } });
        mocked(getHistoryFilterOptions).mockRejectedValue({ body: { message: 'You need the permission set.' } });
        const element = render();
        await flush();
        const panel = $(element, 'c-error-panel') as HTMLElement & { friendlyMessage: string };
        expect(panel.friendlyMessage).toBe(LOAD_ERROR);
        expect($(element, 'lightning-datatable')).toBeNull();
        expect($(element, '.empty')).toBeNull();
        expect($<Input>(element, 'lightning-combobox.action').options).toEqual([{ label: 'All', value: '' }]);
        await expect(element).toBeAccessible();
    });
});
