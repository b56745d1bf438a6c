/**
 * The plan as the one source of truth (issue 10 §2, §4): edits re-validated against the org and
 * the batch, rows locked after a run, Run disabled until the next Check, the summary, retries
 * with the current values, "Enable the N that fit", and the plan's filter, sort, pages and
 * remove. Contacts arrive handed over (as from a list view), so the picker is not involved.
 */
import { createElement } from 'lwc';
import EnableUsers from 'c/enableUsers';
import getEnablementFacts from '@salesforce/apex/UserSetupController.getEnablementFacts';
import enableUsers from '@salesforce/apex/UserSetupController.enableUsers';
import FACTS from './data/UserSetupController.getEnablementFacts.json';

jest.mock('@salesforce/apex/UserSetupController.searchContacts', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/UserSetupController.getEnablementFacts', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/UserSetupController.createAccountsAndContacts', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/UserSetupController.enableUsers', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/UserSetupController.findExistingCustomers', () => ({ default: jest.fn() }), {
    virtual: true,
});

const mocked = (method: unknown): jest.Mock => method as jest.Mock;
type EnableRequest = Apex.UserEnablementService.EnableRequest;
type EnableResult = Apex.UserEnablementService.EnableResult;
type Facts = Apex.UserSetupService.EnablementFacts;
type Row = Record<string, unknown>;

const ANN = '003000000000001AAA';
const BO = '003000000000002AAA';

/** Both contacts' account owners have a role: both rows ready at Check. */
function facts(seats = 10): Facts {
    const base = JSON.parse(JSON.stringify(FACTS)) as Facts;
    base.contacts = base.contacts.map((contact) => ({ ...contact, accountOwnerHasRole: true }));
    base.profiles = base.profiles.map((profile) => ({ ...profile, licenseSeatsLeft: seats }));
    return base;
}

/** The org: the Check's facts, and for an exact lookup of typed names, the users holding them. */
function org(seats = 10, holders: { usernames?: string[]; nicknames?: string[] } = {}): void {
    mocked(getEnablementFacts).mockImplementation(
        async (params: { contactIds: string[]; usernamePatterns: string[]; nicknamePatterns: string[] }) => {
            if (params.contactIds.length === 0) {
                return {
                    ...facts(seats),
                    contacts: [],
                    takenUsernames: (holders.usernames ?? []).filter((u) => params.usernamePatterns.includes(u)),
                    takenNicknames: (holders.nicknames ?? []).filter((n) => params.nicknamePatterns.includes(n)),
                };
            }
            return { ...facts(seats), contacts: facts(seats).contacts.filter((c) => params.contactIds.includes(c.id)) };
        },
    );
}

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function settle(): Promise<void> {
    for (let i = 0; i < 5; i++) {
        // eslint-disable-next-line no-await-in-loop
        await flush();
    }
}

async function render(): Promise<HTMLElement> {
    const element = createElement('c-enable-users', { is: EnableUsers });
    Object.assign(element, { contactIds: [ANN, BO] });
    document.body.appendChild(element);
    await settle();
    return element;
}

/** The panel's own markup, else the run bar's (Run, the fit button, the run-locked line, the job notice). */
const $ = <T = HTMLElement>(element: HTMLElement, selector: string): T =>
    (element.shadowRoot!.querySelector(selector) ??
        element.shadowRoot!.querySelector('c-run-bar')?.shadowRoot?.querySelector(selector) ??
        null) as unknown as T;

function fire(target: unknown, name: string, detail: unknown): void {
    (target as Element).dispatchEvent(new CustomEvent(name, { detail }));
}

const planRows = (element: HTMLElement): Row[] => $<{ data: Row[] }>(element, '.plan-table').data;
const rowOf = (element: HTMLElement, key: string): Row | undefined => planRows(element).find((row) => row.key === key);
const runButton = (element: HTMLElement): { disabled: boolean; click: () => void } =>
    $(element, 'lightning-button.run') as unknown as { disabled: boolean; click: () => void };

function runResults(element: HTMLElement): ShadowRoot {
    return ($(element, 'c-run-results') as HTMLElement).shadowRoot!;
}

function created(request: EnableRequest, n: number): EnableResult {
    return {
        contactId: request.ContactId,
        userId: `00500000000000${n}AAA`,
        status: 'Created',
        assignedPermissionSetIds: request.permissionSetIds,
        problems: [],
    };
}

async function edit(element: HTMLElement, draft: Row): Promise<void> {
    fire($(element, '.plan-table'), 'save', { draftValues: [draft] });
    await settle();
}

describe('c-enable-users: the plan is the single source of truth', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.resetAllMocks();
    });

    it("says so on the row and politely when an edit moves another row's nickname (admin walk: it changed silently)", async () => {
        org(10);
        const element = await render();
        expect(rowOf(element, BO)).toMatchObject({ CommunityNickname: 'bli', status: 'ready' });
        const notice = $(element, '.edit-notice');
        expect(notice.getAttribute('role')).toBe('status');
        expect(notice.textContent).toBe('');

        // Ann takes the nickname derived for Bo: hers stays as typed, Bo's moves, and both say why.
        await edit(element, { key: ANN, CommunityNickname: 'bli' });
        expect(rowOf(element, ANN)).toMatchObject({ CommunityNickname: 'bli', status: 'ready' });
        expect(rowOf(element, BO)).toMatchObject({ CommunityNickname: 'bli1', status: 'warning' });
        expect(String(rowOf(element, BO)?.check)).toBe('Nickname changed to bli1 because Ann Doe now uses bli.');
        expect($(element, '.edit-notice').textContent).toBe(
            'Bo Li: Nickname changed to bli1 because Ann Doe now uses bli.',
        );
        await expect(element).toBeAccessible();

        // Ann types another: Bo's nickname comes back, and that is said too.
        await edit(element, { key: ANN, CommunityNickname: 'annie' });
        expect(rowOf(element, BO)).toMatchObject({ CommunityNickname: 'bli', status: 'ready' });
        expect($(element, '.edit-notice').textContent).toBe('Bo Li: Nickname is now bli.');

        // An edit that moves nothing else says nothing.
        await edit(element, { key: ANN, Alias: 'ann' });
        expect($(element, '.edit-notice').textContent).toBe('');

        // Ann's row removed with the nickname it typed: Bo's comes back, said as well.
        await edit(element, { key: ANN, CommunityNickname: 'bli' });
        expect(rowOf(element, BO)?.CommunityNickname).toBe('bli1');
        fire($(element, '.plan-table'), 'rowaction', { action: { name: 'remove' }, row: { key: ANN } });
        await settle();
        expect(rowOf(element, BO)).toMatchObject({ CommunityNickname: 'bli', status: 'ready' });
        // Says why (admin walk: it said only 'Bo Li: Nickname is now bli.').
        expect($(element, '.edit-notice').textContent).toBe(
            'Bo Li: Nickname is back to bli because Ann Doe was removed.',
        );
    });

    it("names the row that took another row's username, on that row and politely (was the generic 'was taken')", async () => {
        org(10);
        const element = await render();
        expect(rowOf(element, BO)).toMatchObject({ Username: 'bo@globex.example.ccsa', status: 'ready' });

        // Ann types the username derived for Bo: hers stays as typed, Bo's moves and names Ann.
        await edit(element, { key: ANN, Username: 'bo@globex.example.ccsa' });
        expect(rowOf(element, ANN)).toMatchObject({ Username: 'bo@globex.example.ccsa', status: 'ready' });
        expect(rowOf(element, BO)).toMatchObject({ Username: 'bo1@globex.example.ccsa', status: 'warning' });
        expect(String(rowOf(element, BO)?.check)).toBe(
            'Username changed to bo1@globex.example.ccsa because Ann Doe now uses bo@globex.example.ccsa.',
        );
        expect(String(rowOf(element, BO)?.check)).not.toMatch(/was taken/);
        expect($(element, '.edit-notice').textContent).toBe(
            'Bo Li: Username changed to bo1@globex.example.ccsa because Ann Doe now uses bo@globex.example.ccsa.',
        );
        await expect(element).toBeAccessible();

        // Ann's row removed: Bo's username comes back, and that is said.
        fire($(element, '.plan-table'), 'rowaction', { action: { name: 'remove' }, row: { key: ANN } });
        await settle();
        expect(rowOf(element, BO)).toMatchObject({ Username: 'bo@globex.example.ccsa', status: 'ready' });
        expect($(element, '.edit-notice').textContent).toBe(
            'Bo Li: Username is back to bo@globex.example.ccsa because Ann Doe was removed.',
        );
    });

    it('re-validates an edited nickname against the org: a taken one is not Ready, a free one is', async () => {
        org(10, { nicknames: ['zed'] });
        const element = await render();
        expect(rowOf(element, ANN)?.status).toBe('ready');

        await edit(element, { key: ANN, CommunityNickname: 'Zed' });
        expect(getEnablementFacts).toHaveBeenLastCalledWith({
            contactIds: [],
            usernamePatterns: [],
            nicknamePatterns: ['zed'],
        });
        expect(rowOf(element, ANN)).toMatchObject({ status: 'problem', statusIcon: 'utility:error' });
        expect(String(rowOf(element, ANN)?.check)).toMatch(/nickname/i);
        expect($(element, '.ready-count').textContent).toContain('1');
        await expect(element).toBeAccessible();

        await edit(element, { key: ANN, CommunityNickname: 'annie' });
        expect(rowOf(element, ANN)?.status).toBe('ready');
        expect(runButton(element).disabled).toBe(false);
    });

    it('says an invalid username suffix on the field and leaves no row Ready until it is fixed', async () => {
        org();
        const element = await render();
        const suffix = $(element, 'lightning-input.suffix') as HTMLElement & {
            setCustomValidity(message: string): void;
        };
        const validity = jest.spyOn(suffix, 'setCustomValidity');
        suffix.dispatchEvent(new CustomEvent('change', { detail: { value: '@evil.com' } }));
        await settle();
        expect(validity).toHaveBeenLastCalledWith(expect.stringMatching(/\.@evil\.com/));
        expect(rowOf(element, ANN)?.status).toBe('problem');
        expect(String(rowOf(element, ANN)?.check)).not.toMatch(/taken/i);
        expect($(element, '.ready-count').textContent).toMatch(/^0 of 2/);
        expect(runButton(element).disabled).toBe(true);

        suffix.dispatchEvent(new CustomEvent('change', { detail: { value: '.contracts' } }));
        await settle();
        expect(validity).toHaveBeenLastCalledWith('');
        expect(rowOf(element, ANN)?.status).toBe('ready');
        expect(rowOf(element, ANN)?.Username).toMatch(/\.contracts$/);
        expect(runButton(element).disabled).toBe(false);
    });

    // Admin walk: "Problems only" on, a bad suffix (".ccs!") then fixed (".ccsa"): the view kept
    // every row, Ready ones included, and the note spoke only of the sort.
    it('applies "problems only" and the sort afresh when the username suffix changes (every row), not when one row is edited', async () => {
        org(10, { nicknames: ['zed'] });
        const element = await render();
        const table = $<{ orderChanged: boolean; filterHeld: boolean }>(element, '.plan-table');
        const suffix = $(element, 'lightning-input.suffix') as HTMLElement;
        fire($(element, 'lightning-input.problems-only'), 'change', { checked: true });
        await settle();
        expect(planRows(element)).toEqual([]);
        fire(suffix, 'change', { value: '.ccs!' });
        await settle();
        expect(planRows(element).map((row) => row.key)).toEqual([ANN, BO]);
        fire(suffix, 'change', { value: '.ccsa' });
        await settle();
        // Every row changed: the filter applies again, and no Ready row is left under "problems only".
        expect(planRows(element)).toEqual([]);
        expect(table.orderChanged).toBe(false);
        expect(table.filterHeld).toBe(false);

        // One row edited: it keeps its place once fixed, and the table says the filter is held.
        await edit(element, { key: ANN, CommunityNickname: 'zed' });
        fire($(element, 'lightning-input.problems-only'), 'change', { checked: false });
        await settle();
        fire($(element, 'lightning-input.problems-only'), 'change', { checked: true });
        await settle();
        expect(planRows(element).map((row) => row.key)).toEqual([ANN]);
        expect(table.filterHeld).toBe(false);
        await edit(element, { key: ANN, CommunityNickname: 'annie' });
        expect(planRows(element).map((row) => row.key)).toEqual([ANN]);
        expect(rowOf(element, ANN)?.status).toBe('ready');
        expect(table.orderChanged).toBe(true);
        expect(table.filterHeld).toBe(true);
    });

    it('re-validates an edit against the rest of the batch: two rows with the same username are both blocked', async () => {
        org();
        const element = await render();
        fire($(element, '.plan-table'), 'save', {
            draftValues: [
                { key: ANN, Username: 'same@acme.example' },
                { key: BO, Username: 'SAME@acme.example' },
            ],
        });
        await settle();
        expect(rowOf(element, ANN)?.status).toBe('problem');
        expect(rowOf(element, BO)?.status).toBe('problem');
        expect(runButton(element).disabled).toBe(true);
    });

    it('after a run: Done rows locked, Run disabled until the next Check, a summary, an event', async () => {
        org();
        mocked(enableUsers).mockImplementation(async ({ requests }: { requests: EnableRequest[] }) =>
            requests.map((request, index) => created(request, index + 1)),
        );
        const element = await render();
        const completed = jest.fn();
        element.addEventListener('runcompleted', completed);
        runButton(element).click();
        await settle();

        expect(rowOf(element, ANN)).toMatchObject({ status: 'done', editable: false, statusIcon: 'utility:check' });
        expect(runButton(element).disabled).toBe(true);
        expect($(element, '.run-locked')).not.toBeNull();
        expect(runResults(element).querySelector('.run-summary')?.textContent).toBe('2 created');
        expect(completed).toHaveBeenCalledTimes(1);
        // Every row ran: nothing left to plan is no "Select at least one contact".
        expect(element.shadowRoot!.querySelectorAll('.selection-message')).toHaveLength(0);

        // A second click does nothing; an edit of a Done row is refused.
        runButton(element).click();
        await edit(element, { key: ANN, Username: 'other@acme.example' });
        expect(enableUsers).toHaveBeenCalledTimes(1);
        expect(rowOf(element, ANN)?.Username).not.toBe('other@acme.example');
        await expect(element).toBeAccessible();

        // The next Check plans again.
        ($(element, 'lightning-button.check') as HTMLElement).click();
        await settle();
        expect($(element, '.run-locked')).toBeNull();
    });

    it('retries a failed row with its current value, and shows the platform error without markup', async () => {
        org();
        mocked(enableUsers).mockImplementationOnce(async ({ requests }: { requests: EnableRequest[] }) =>
            requests.map((request, index) => {
                return request.ContactId === BO
                    ? {
                          contactId: BO,
                          status: 'Failed',
                          assignedPermissionSetIds: [],
                          problems: [
                              {
                                  code: 'USERNAME_TAKEN',
                                  message:
                                      'Duplicate Username.<br>The username already exists in another organization.',
                              },
                          ],
                      }
                    : created(request, index + 1);
            }),
        );
        const element = await render();
        runButton(element).click();
        await settle();
        expect(rowOf(element, BO)).toMatchObject({ status: 'failed' });
        expect(String(rowOf(element, BO)?.check)).not.toContain('<br>');
        expect(String(rowOf(element, BO)?.check)).toMatch(/Duplicate Username\. The username/);
        expect(runResults(element).querySelector('.run-summary')?.textContent).toBe('1 created · 1 failed');

        await edit(element, { key: BO, Username: 'bo.li@globex.example' });
        expect(rowOf(element, BO)?.status).toBe('ready');
        mocked(enableUsers).mockImplementationOnce(async ({ requests }: { requests: EnableRequest[] }) =>
            requests.map((request) => created(request, 7)),
        );
        ($(element, 'lightning-button.retry') as HTMLElement).click();
        await settle();
        const retried = mocked(enableUsers).mock.calls[1][0].requests as EnableRequest[];
        expect(retried.map((request) => [request.ContactId, request.Username])).toEqual([[BO, 'bo.li@globex.example']]);
        expect(rowOf(element, BO)?.status).toBe('done');
        expect(runResults(element).querySelector('.run-summary')?.textContent).toBe('2 created');
    });

    it('offers "Enable the N that fit" when seats run short, and leaves the others not run', async () => {
        org(1);
        mocked(enableUsers).mockImplementation(async ({ requests }: { requests: EnableRequest[] }) =>
            requests.map((request, index) => created(request, index + 1)),
        );
        const element = await render();
        expect(runButton(element).disabled).toBe(true);
        const fit = $(element, 'lightning-button.run-fit') as HTMLElement & { label: string };
        expect(fit.label).toBe('Enable the one that fits');
        // It names whom it enables (admin walk: the button named nobody).
        expect($(element, '.fit-names').textContent).toBe('The seats left fit: Ann Doe');
        expect([...element.shadowRoot!.querySelectorAll('.seat-line')].map((line) => line.textContent)).toContain(
            'Customer Community Plus: 1 seat left',
        );
        await expect(element).toBeAccessible();
        fit.click();
        await settle();
        expect(mocked(enableUsers).mock.calls[0][0].requests).toHaveLength(1);
        expect(rowOf(element, ANN)?.status).toBe('done');
        expect(rowOf(element, BO)?.status).toBe('notRun');
        expect(runResults(element).querySelector('.run-summary')?.textContent).toBe('1 created · 1 not run');
        expect($(element, 'lightning-button.run-fit')).toBeNull();
        expect($(element, '.fit-names')).toBeNull();
    });

    it('turning the page from the pager under the plan brings the table top into view, only when it is above the window', async () => {
        const ids = Array.from({ length: 60 }, (_, n) => `0030000000${String(n + 100).padStart(5, '0')}AAA`);
        const [model] = facts().contacts;
        const contacts = ids.map((id, n) => ({
            ...model,
            id,
            lastName: `Page${n}`,
            email: `page${n}@acme.example`,
        }));
        mocked(getEnablementFacts).mockImplementation(async (params: { contactIds: string[] }) => ({
            ...facts(100),
            contacts: contacts.filter((contact) => params.contactIds.includes(contact.id)),
        }));
        const element = createElement('c-enable-users', { is: EnableUsers });
        Object.assign(element, { contactIds: ids });
        document.body.appendChild(element);
        await settle();
        expect(planRows(element)).toHaveLength(50);
        const table = $(element, 'c-plan-table.plan-table');
        const scrolled = jest.fn();
        // jsdom lays nothing out: the table's top as the window shows it, and its scrolling.
        let top = -2500;
        table.getBoundingClientRect = () => ({ top }) as DOMRect;
        table.scrollIntoView = scrolled;

        fire($(element, 'c-plan-pager.plan-pages'), 'next', undefined);
        await settle();
        expect(planRows(element)).toHaveLength(10);
        expect(scrolled).toHaveBeenCalledWith({ block: 'start' });

        scrolled.mockClear();
        top = 200;
        fire($(element, 'c-plan-pager.plan-pages'), 'previous', undefined);
        await settle();
        expect(planRows(element)).toHaveLength(50);
        expect(scrolled).not.toHaveBeenCalled();
    });

    it('filters to problems, sorts, and removes a row from the plan', async () => {
        org(10, { nicknames: ['zed'] });
        const element = await render();
        await edit(element, { key: ANN, CommunityNickname: 'zed' });
        fire($(element, 'lightning-input.problems-only'), 'change', { checked: true });
        await settle();
        expect(planRows(element).map((row) => row.key)).toEqual([ANN]);
        fire($(element, 'lightning-input.problems-only'), 'change', { checked: false });
        fire($(element, '.plan-table'), 'sort', { fieldName: 'name', sortDirection: 'desc' });
        await settle();
        expect(planRows(element).map((row) => row.key)).toEqual([BO, ANN]);
        fire($(element, '.plan-table'), 'rowaction', { action: { name: 'remove' }, row: { key: ANN } });
        await settle();
        expect(planRows(element).map((row) => row.key)).toEqual([BO]);
        expect(runButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });
    it('keeps the order while the admin edits (admin walk: a fixed row left "problems only" and a sorted row jumped), until the next filter, sort or Check', async () => {
        org(10, { nicknames: ['zed'] });
        const element = await render();
        await edit(element, { key: ANN, CommunityNickname: 'zed' });
        fire($(element, 'lightning-input.problems-only'), 'change', { checked: true });
        await settle();
        expect(planRows(element).map((row) => row.key)).toEqual([ANN]);
        const table = $<{ orderChanged: boolean }>(element, '.plan-table');
        expect(table.orderChanged).toBe(false);

        // Fixed: still shown, now Ready, and the table is told the order is held.
        await edit(element, { key: ANN, CommunityNickname: 'annie' });
        expect(planRows(element).map((row) => row.key)).toEqual([ANN]);
        expect(rowOf(element, ANN)?.status).toBe('ready');
        expect(table.orderChanged).toBe(true);

        // The next filter applies afresh: no problem left.
        fire($(element, 'lightning-input.problems-only'), 'change', { checked: false });
        await settle();
        fire($(element, 'lightning-input.problems-only'), 'change', { checked: true });
        await settle();
        expect(planRows(element)).toEqual([]);
        expect(table.orderChanged).toBe(false);

        // Sorted by status, a row that becomes a problem keeps its place.
        fire($(element, 'lightning-input.problems-only'), 'change', { checked: false });
        fire($(element, '.plan-table'), 'sort', { fieldName: 'statusText', sortDirection: 'asc' });
        await settle();
        const sorted = planRows(element).map((row) => row.key);
        await edit(element, { key: sorted[1] as string, CommunityNickname: 'zed' });
        expect(rowOf(element, sorted[1] as string)?.status).toBe('problem');
        expect(planRows(element).map((row) => row.key)).toEqual(sorted);
        expect(table.orderChanged).toBe(true);

        // "Sort again to reorder": the same sort asked again applies afresh.
        fire($(element, '.plan-table'), 'sort', { fieldName: 'statusText', sortDirection: 'asc' });
        await settle();
        expect(table.orderChanged).toBe(false);
        expect(planRows(element).map((row) => row.key)).not.toEqual(sorted);
        expect(rowOf(element, sorted[1] as string)?.status).toBe('problem');

        // A new Check starts a new plan in a fresh order.
        ($(element, 'lightning-button.check') as HTMLElement).click();
        await settle();
        expect(table.orderChanged).toBe(false);
    });

    it('holds Run while the plan has unsaved edits, drops those of a removed row, and a new Check drops the rest', async () => {
        org(10);
        const element = await render();
        expect(runButton(element).disabled).toBe(false);
        const table = (): { draftValues: Row[] } => $<{ draftValues: Row[] }>(element, '.plan-table');
        fire($(element, '.plan-table'), 'draftchange', {
            draftValues: [
                { key: ANN, Alias: 'annie' },
                { key: BO, Alias: 'bobo' },
            ],
        });
        await settle();
        expect(runButton(element).disabled).toBe(true);
        expect($(element, '.unsaved-run')).not.toBeNull();
        expect(table().draftValues).toHaveLength(2);
        fire($(element, '.plan-table'), 'rowaction', { action: { name: 'remove' }, row: { key: ANN } });
        await settle();
        expect(table().draftValues).toEqual([{ key: BO, Alias: 'bobo' }]);
        expect(runButton(element).disabled).toBe(true);
        ($(element, 'lightning-button.check') as HTMLElement).click();
        await settle();
        expect(table().draftValues).toEqual([]);
        expect($(element, '.unsaved-run')).toBeNull();
        expect(runButton(element).disabled).toBe(false);
    });
});
