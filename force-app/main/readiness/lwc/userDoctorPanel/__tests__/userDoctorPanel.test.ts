import { createElement } from 'lwc';
import UserDoctorPanel from 'c/userDoctorPanel';
import searchDoctorUsers from '@salesforce/apex/UserDoctorController.searchDoctorUsers';
import getDoctorFacts from '@salesforce/apex/UserDoctorController.getDoctorFacts';
import activateUser from '@salesforce/apex/UserDoctorController.activateUser';
import enableContentUser from '@salesforce/apex/UserDoctorController.enableContentUser';
import assignPermissionSetLicense from '@salesforce/apex/UserDoctorController.assignPermissionSetLicense';
import assignPermissionSet from '@salesforce/apex/UserDoctorController.assignPermissionSet';
import activateSite from '@salesforce/apex/ReadinessController.activateSite';
import addSiteMember from '@salesforce/apex/ReadinessController.addSiteMember';
import sendLoginEmail from '@salesforce/apex/UserDoctorController.sendLoginEmail';
import LOAD_ERROR from '@salesforce/label/c.CCSA_Doctor_Load_Error';
import ACTION_ERROR from '@salesforce/label/c.CCSA_Doctor_Action_Error';
import NO_RESULTS from '@salesforce/label/c.CCSA_Picker_No_Results';
import UPGRADE from '@salesforce/label/c.CCSA_Doctor_Upgrade';
import FACTS from './data/UserDoctorController.getDoctorFacts.json';
import USERS from './data/UserDoctorController.searchDoctorUsers.json';

jest.mock('@salesforce/apex/UserDoctorController.searchDoctorUsers', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/UserDoctorController.getDoctorFacts', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/UserDoctorController.activateUser', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/UserDoctorController.enableContentUser', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/UserDoctorController.assignPermissionSetLicense', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/UserDoctorController.assignPermissionSet', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/ReadinessController.activateSite', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ReadinessController.addSiteMember', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/UserDoctorController.sendLoginEmail', () => ({ default: jest.fn() }), { virtual: true });

type DoctorFacts = Apex.UserDoctorService.DoctorFacts;
type DoctorUserFact = Apex.UserDoctorService.DoctorUserFact;

const mocked = (method: unknown): jest.Mock => method as jest.Mock;
const USER = FACTS.user.id;
const SITE = '0DB000000000001AAA';
const CCPLUS_PS = '0PS000000000002AAA';
const CCPLUS_PSL = '0PL000000000002AAA';

/** The fixture with the user's facts changed. */
function factsWith(user: Partial<DoctorUserFact> = {}, org: Partial<DoctorFacts['org']> = {}): DoctorFacts {
    const base = JSON.parse(JSON.stringify(FACTS)) as DoctorFacts;
    return { user: { ...base.user, ...user }, org: { ...base.org, ...org } };
}

/** The fixture's user with everything it lacks. */
function healthyFacts(): DoctorFacts {
    return factsWith({
        permissionSets: [
            ...FACTS.user.permissionSets,
            { id: CCPLUS_PS, name: 'ContractManagementCCPlusDigitalExperienceUser', label: 'CC Plus' },
        ],
        permissionSetLicenseIds: [...FACTS.user.permissionSetLicenseIds, CCPLUS_PSL],
    });
}

/** A capability of the shell's context, as `SetupAssistantAccess.capabilities()` gives it. */
function capability(name: string, available: boolean): Apex.SetupAssistantCapabilities.Capability {
    return {
        name,
        label: name,
        available,
        missingRequirements: available ? [] : ['X'],
        missingPermissions: available ? [] : ['Some Permission'],
        message: available ? null : `${name} needs Some Permission.`,
    };
}

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function render(userId?: string): HTMLElement {
    const element = createElement('c-user-doctor-panel', { is: UserDoctorPanel });
    if (userId) {
        (element as unknown as { userId: string }).userId = userId;
    }
    document.body.appendChild(element);
    return element;
}

const root = (element: HTMLElement): ShadowRoot => element.shadowRoot as ShadowRoot;

function check(element: HTMLElement, id: string): HTMLElement {
    return root(element).querySelector(`li.check-${id}`) as HTMLElement;
}

function clickButton(host: Element | null): void {
    host?.dispatchEvent(new CustomEvent('click'));
}

/** The shared picker's shadow root inside the panel (null when the panel shows no search). */
function picker(element: HTMLElement): ShadowRoot | null {
    return root(element).querySelector('c-record-picker')?.shadowRoot ?? null;
}

async function searchFor(element: HTMLElement, term: string): Promise<void> {
    const input = picker(element)?.querySelector('lightning-input.search-term') as HTMLElement;
    input.dispatchEvent(new CustomEvent('change', { detail: { value: term } }));
    input.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter' }));
    await flush();
}

type Table = HTMLElement & { data: Array<{ id: string; name: string }>; maxRowSelection: number };

function results(element: HTMLElement): Table {
    return picker(element)?.querySelector('lightning-datatable') as Table;
}

/** Chooses a row of the picker's results, as the datatable's radio button does. */
async function choose(element: HTMLElement, index: number): Promise<void> {
    const table = results(element);
    table.dispatchEvent(new CustomEvent('rowselection', { detail: { selectedRows: [table.data[index]] } }));
    await flush();
}

describe('c-user-doctor-panel', () => {
    beforeEach(() => {
        mocked(getDoctorFacts).mockResolvedValue(factsWith());
        mocked(searchDoctorUsers).mockResolvedValue(USERS);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('offers the shared picker in single mode, and reads nothing before a user is picked', async () => {
        const element = render();
        await flush();
        const shared = root(element).querySelector('c-record-picker') as unknown as { single: boolean; kind: string };
        expect(shared.single).toBe(true);
        expect(shared.kind).toBe('users');
        expect(picker(element)?.querySelector('lightning-input.search-term')).not.toBeNull();
        expect(getDoctorFacts).not.toHaveBeenCalled();
        expect(root(element).querySelector('.doctor-checks')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('searches external users with Enter and examines the one chosen, then another', async () => {
        const element = render();
        await flush();
        await searchFor(element, 'bru');
        expect(searchDoctorUsers).toHaveBeenCalledWith({ searchTerm: 'bru' });
        expect(results(element).data.map((row) => row.name)).toEqual(['Bruno Vargas', 'Bruna Vance']);
        expect(results(element).maxRowSelection).toBe(1);
        // One page: the doctor's search takes no cursor, so no "Show more" and no "Select all".
        expect(picker(element)?.querySelector('lightning-button.more')).toBeNull();
        expect(picker(element)?.querySelector('lightning-button.select-all')).toBeNull();
        await expect(element).toBeAccessible();

        await choose(element, 0);
        expect(getDoctorFacts).toHaveBeenCalledWith({ userId: USER });
        expect(root(element).querySelector('.examined-user')?.textContent).toBe('Bruno Vargas');
        expect(root(element).querySelectorAll('li.doctor-check')).toHaveLength(12);
        expect(root(element).querySelector('.summary')?.textContent).toBe('10 passed, 2 failed, 0 unknown');
        // The picker stays, naming the user chosen, to pick another.
        expect(picker(element)?.querySelector('.selected-count')?.textContent).toBe('1 user selected');
        expect(picker(element)?.querySelector('.pill-label')?.textContent).toBe('Bruno Vargas');
        await expect(element).toBeAccessible();

        const other = USERS[1].id;
        mocked(getDoctorFacts).mockResolvedValue(factsWith({ id: other, name: 'Bruna Vance' }));
        await choose(element, 1);
        expect(getDoctorFacts).toHaveBeenLastCalledWith({ userId: other });
        expect(root(element).querySelector('.examined-user')?.textContent).toBe('Bruna Vance');
        expect(picker(element)?.querySelector('.pill-label')?.textContent).toBe('Bruna Vance');
    });

    it('clears the diagnosis when the chosen user is removed', async () => {
        const element = render();
        await flush();
        await searchFor(element, 'bru');
        await choose(element, 0);
        expect(root(element).querySelector('.doctor-checks')).not.toBeNull();
        (picker(element)?.querySelector('lightning-button-icon.remove-selected') as HTMLElement).click();
        await flush();
        expect(root(element).querySelector('.doctor-checks')).toBeNull();
        expect(picker(element)?.querySelector('.selected-count')?.textContent).toBe('0 users selected');
        expect(getDoctorFacts).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('says when no user matches', async () => {
        mocked(searchDoctorUsers).mockResolvedValue([]);
        const element = render();
        await flush();
        clickButton(picker(element)?.querySelector('lightning-button.search') ?? null);
        await flush();
        expect(searchDoctorUsers).toHaveBeenCalledWith({ searchTerm: null });
        expect(picker(element)?.querySelector('.no-results')?.textContent).toBe(NO_RESULTS);
        await expect(element).toBeAccessible();
    });

    it('examines a handed-over user without a search: a fix, and a fix that waits for it', async () => {
        const element = render(USER);
        await flush();
        expect(root(element).querySelector('c-record-picker')).toBeNull();
        const license = check(element, 'CCPLUS_PERMISSION_SET_LICENSE');
        expect(license.classList).toContain('status-fail');
        const fix = license.querySelector('lightning-button.fix') as unknown as { label: string };
        expect(fix.label).toBe('Assign Contract Management CC Plus Digital Experience');
        const set = check(element, 'CCPLUS_PERMISSION_SET');
        expect(set.querySelector('lightning-button.fix')).toBeNull();
        expect(set.querySelector('.blocked')?.textContent).toBe(
            'Fix first: License for Contract Management CC Plus Digital Experience User',
        );
        expect(check(element, 'ACTIVE').querySelector('.check-status')?.textContent).toBe('Passed');
        await expect(element).toBeAccessible();
    });

    it('runs a fix, reports it and reads the facts again', async () => {
        mocked(assignPermissionSetLicense).mockResolvedValue({ ok: true, message: 'Assigned.', setupUrl: '/u' });
        const element = render(USER);
        await flush();
        mocked(getDoctorFacts).mockResolvedValue(healthyFacts());
        clickButton(check(element, 'CCPLUS_PERMISSION_SET_LICENSE').querySelector('lightning-button.fix'));
        await flush();
        expect(assignPermissionSetLicense).toHaveBeenCalledWith({ userId: USER, pslId: CCPLUS_PSL });
        expect(getDoctorFacts).toHaveBeenCalledTimes(2);
        expect(
            root(element)
                .querySelector('c-fix-result-notice')
                ?.shadowRoot?.querySelector('.fix-done')
                ?.textContent?.trim(),
        ).toBe('Assigned.');
        expect(check(element, 'CCPLUS_PERMISSION_SET').classList).toContain('status-pass');
        expect(root(element).querySelector('.healthy')?.textContent).toBe(
            'Bruno Vargas has everything a Salesforce Contracts portal user needs.',
        );
        await expect(element).toBeAccessible();
    });

    it('shows a refused fix with its Setup link, and the checks as they are', async () => {
        mocked(assignPermissionSet).mockResolvedValue({ ok: false, message: 'No license.', setupUrl: '/setup/u' });
        mocked(getDoctorFacts).mockResolvedValue(
            factsWith({ permissionSetLicenseIds: ['0PL000000000001AAA', CCPLUS_PSL] }),
        );
        const element = render(USER);
        await flush();
        clickButton(check(element, 'CCPLUS_PERMISSION_SET').querySelector('lightning-button.fix'));
        await flush();
        expect(assignPermissionSet).toHaveBeenCalledWith({ userId: USER, permissionSetId: CCPLUS_PS });
        const refused = root(element)
            .querySelector('c-fix-result-notice')
            ?.shadowRoot?.querySelector('.fix-refused') as HTMLElement;
        expect(refused.querySelector('.refusal-message')?.textContent).toBe('No license.');
        expect(refused.querySelector('a')?.getAttribute('href')).toBe('/setup/u');
        expect(getDoctorFacts).toHaveBeenCalledTimes(2);
        await expect(element).toBeAccessible();
    });

    it.each([
        ['ACTIVE', { isActive: false }, activateUser, { userId: USER }],
        ['CONTENT_USER', { contentUser: false }, enableContentUser, { userId: USER }],
        [
            'SITE_MEMBER',
            {
                sites: [
                    {
                        id: SITE,
                        name: 'Customer Portal',
                        status: 'UnderConstruction',
                        via: 'profile',
                        assignmentStatus: 'Added',
                    },
                ],
            },
            activateSite,
            { networkId: SITE },
        ],
        ['SITE_MEMBER', { sites: [] }, addSiteMember, { networkId: SITE, profileId: FACTS.user.profileId }],
    ])('calls the Apex of the %s fix', async (id, user, method, params) => {
        mocked(method).mockResolvedValue({ ok: true, message: 'Done.', setupUrl: '/x' });
        mocked(getDoctorFacts).mockResolvedValue(factsWith(user as Partial<DoctorUserFact>));
        const element = render(USER);
        await flush();
        clickButton(check(element, id).querySelector('lightning-button.fix'));
        await flush();
        expect(method).toHaveBeenCalledWith(params);
    });

    it('disables every fix and "Send login email" for an admin without the assignment permissions, saying why', async () => {
        mocked(getDoctorFacts).mockResolvedValue(factsWith({ contentUser: false, sites: [] }));
        const element = createElement('c-user-doctor-panel', { is: UserDoctorPanel });
        Object.assign(element, {
            userId: USER,
            capabilities: [capability('USER_DOCTOR', true), capability('USER_DOCTOR_FIXES', false)],
        });
        document.body.appendChild(element);
        await flush();
        type Button = HTMLElement & { disabled: boolean };
        const content = check(element, 'CONTENT_USER');
        expect((content.querySelector('lightning-button.fix') as Button).disabled).toBe(true);
        expect(content.querySelector('.fix-unavailable')?.textContent?.trim()).toBe(
            'USER_DOCTOR_FIXES needs Some Permission.',
        );
        expect(
            (check(element, 'CCPLUS_PERMISSION_SET_LICENSE').querySelector('lightning-button.fix') as Button).disabled,
        ).toBe(true);
        // The site fix needs the readiness fixes' permissions, which this admin holds.
        expect((check(element, 'SITE_MEMBER').querySelector('lightning-button.fix') as Button).disabled).toBe(false);
        expect(check(element, 'SITE_MEMBER').querySelector('.fix-unavailable')).toBeNull();
        expect((root(element).querySelector('lightning-button.send-login-email') as Button).disabled).toBe(true);
        expect(root(element).querySelector('.send-login-email-unavailable')?.textContent?.trim()).toBe(
            'USER_DOCTOR_FIXES needs Some Permission.',
        );
        clickButton(content.querySelector('lightning-button.fix'));
        await flush();
        expect(enableContentUser).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    describe('focus after a fix (WCAG 2.4.3: never lost on the page)', () => {
        it.each([
            ['CONTENT_USER', { contentUser: false }, enableContentUser, 'Select Salesforce CRM Content User'],
            ['ACTIVE', { isActive: false }, activateUser, 'Reactivate Bruno Vargas'],
        ])('moves to the %s check title and new status once its fix is done', async (id, user, method, label) => {
            mocked(method).mockResolvedValue({ ok: true, message: 'Done.', setupUrl: '/x' });
            mocked(getDoctorFacts).mockResolvedValue(factsWith(user as Partial<DoctorUserFact>));
            const element = render(USER);
            await flush();
            const button = check(element, id).querySelector('lightning-button.fix') as unknown as { label: string };
            expect(button.label).toBe(label);
            mocked(getDoctorFacts).mockResolvedValue(factsWith());
            clickButton(check(element, id).querySelector('lightning-button.fix'));
            await flush();
            await flush();
            expect(check(element, id).querySelector('lightning-button.fix')).toBeNull();
            const title = check(element, id).querySelector('.check-title') as HTMLElement;
            expect(title.getAttribute('tabindex')).toBe('-1');
            expect(root(element).activeElement).toBe(title);
            expect(title.textContent).toContain('Passed');
            await expect(element).toBeAccessible();
        });

        it('keeps focus on the Fix button when the fix was refused', async () => {
            const focus = jest.spyOn(HTMLElement.prototype, 'focus');
            mocked(enableContentUser).mockResolvedValue({ ok: false, message: 'No.', setupUrl: '/x' });
            mocked(getDoctorFacts).mockResolvedValue(factsWith({ contentUser: false }));
            const element = render(USER);
            await flush();
            clickButton(check(element, 'CONTENT_USER').querySelector('lightning-button.fix'));
            await flush();
            await flush();
            expect(focus.mock.contexts[focus.mock.contexts.length - 1]).toBe(
                check(element, 'CONTENT_USER').querySelector('lightning-button.fix'),
            );
            focus.mockRestore();
        });
    });

    describe('"Send login email" (resets the password: confirmed first, sent once)', () => {
        type Button = HTMLElement & { disabled: boolean; label: string };
        const $ = (element: HTMLElement, selector: string): Button | null =>
            root(element).querySelector(selector) as Button | null;
        const sendButton = (element: HTMLElement): Button | null => $(element, 'lightning-button.send-login-email');
        const confirmButton = (element: HTMLElement): Button | null =>
            $(element, '.login-email-confirm lightning-button.confirm-login-email');
        const cancelButton = (element: HTMLElement): Button | null =>
            $(element, '.login-email-confirm lightning-button.cancel-login-email');
        const notice = (element: HTMLElement, selector: string): HTMLElement | null =>
            root(element).querySelector('c-fix-result-notice')?.shadowRoot?.querySelector(selector) ?? null;
        let focus: jest.SpyInstance;
        /** The element focused last (the stubs' buttons take no real focus: the call is what counts). */
        const focused = (): unknown => focus.mock.contexts[focus.mock.contexts.length - 1];

        beforeEach(() => {
            focus = jest.spyOn(HTMLElement.prototype, 'focus');
        });

        afterEach(() => {
            focus.mockRestore();
        });

        it('asks first: the first click sends nothing, says what happens and focuses "Send"', async () => {
            const element = render(USER);
            await flush();
            expect(sendButton(element)?.label).toBe('Send login email');
            expect($(element, '.login-email-confirm')).toBeNull();
            clickButton(sendButton(element));
            await flush();
            expect(sendLoginEmail).not.toHaveBeenCalled();
            const confirm = $(element, '.login-email-confirm') as HTMLElement;
            expect(confirm.querySelector('h3')?.textContent?.trim()).toBe('Send a login email to Bruno Vargas?');
            expect(confirm.querySelector('.confirm-body')?.textContent).toBe(
                'The password of Bruno Vargas is reset: their current password stops working at once, and Salesforce emails them a link to set a new one.',
            );
            expect(confirmButton(element)?.label).toBe('Send');
            expect(cancelButton(element)?.label).toBe('Cancel');
            expect(focused()).toBe(confirmButton(element));
            // A second click keeps the one confirmation, still sending nothing.
            clickButton(sendButton(element));
            await flush();
            expect(root(element).querySelectorAll('.login-email-confirm')).toHaveLength(1);
            expect(focused()).toBe(confirmButton(element));
            expect(sendLoginEmail).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('sends nothing on Cancel, and focus goes back to "Send login email"', async () => {
            const element = render(USER);
            await flush();
            clickButton(sendButton(element));
            await flush();
            clickButton(cancelButton(element));
            await flush();
            expect($(element, '.login-email-confirm')).toBeNull();
            expect(sendLoginEmail).not.toHaveBeenCalled();
            expect(sendButton(element)?.disabled).toBe(false);
            expect(focused()).toBe(sendButton(element));
            await expect(element).toBeAccessible();
        });

        it('closes on Escape as on Cancel: nothing sent, focus back on "Send login email", the modal kept open', async () => {
            const page = jest.fn();
            document.addEventListener('keydown', page);
            try {
                const element = render(USER);
                await flush();
                clickButton(sendButton(element));
                await flush();
                const escape = new KeyboardEvent('keydown', {
                    key: 'Escape',
                    bubbles: true,
                    composed: true,
                    cancelable: true,
                });
                confirmButton(element)!.dispatchEvent(escape);
                await flush();
                expect($(element, '.login-email-confirm')).toBeNull();
                expect(sendLoginEmail).not.toHaveBeenCalled();
                expect(focused()).toBe(sendButton(element));
                // Used to close the confirmation, Escape does not reach the quick action's modal.
                expect(escape.defaultPrevented).toBe(true);
                expect(page).not.toHaveBeenCalled();
                await expect(element).toBeAccessible();

                // Nothing open: Escape goes on (the modal closes).
                const next = new KeyboardEvent('keydown', {
                    key: 'Escape',
                    bubbles: true,
                    composed: true,
                    cancelable: true,
                });
                sendButton(element)!.dispatchEvent(next);
                expect(next.defaultPrevented).toBe(false);
                expect(page).toHaveBeenCalledTimes(1);
            } finally {
                document.removeEventListener('keydown', page);
            }
        });

        it('leaves Escape to a control that handled it first (an open list)', async () => {
            const element = render(USER);
            await flush();
            clickButton(sendButton(element));
            await flush();
            const handled = new KeyboardEvent('keydown', {
                key: 'Escape',
                bubbles: true,
                composed: true,
                cancelable: true,
            });
            handled.preventDefault();
            confirmButton(element)!.dispatchEvent(handled);
            await flush();
            expect($(element, '.login-email-confirm')).not.toBeNull();
        });

        it('sends once on "Send", shows the result and offers it no more until the user is read again', async () => {
            mocked(sendLoginEmail).mockResolvedValue({ ok: true, message: 'Login email sent.', setupUrl: '/u' });
            mocked(enableContentUser).mockResolvedValue({ ok: false, message: 'No.', setupUrl: '/x' });
            mocked(getDoctorFacts).mockResolvedValue(factsWith({ contentUser: false }));
            const element = render(USER);
            await flush();
            clickButton(sendButton(element));
            await flush();
            const send = confirmButton(element);
            // A double click on "Send": one reset, not two.
            clickButton(send);
            clickButton(send);
            await flush();
            await flush();
            expect(sendLoginEmail).toHaveBeenCalledTimes(1);
            expect(sendLoginEmail).toHaveBeenCalledWith({ userId: USER });
            expect(notice(element, '.fix-done')?.textContent?.trim()).toBe('Login email sent.');
            expect($(element, '.login-email-confirm')).toBeNull();
            expect(sendButton(element)).toBeNull();
            const name = $(element, '.examined-user') as HTMLElement;
            expect(name.getAttribute('tabindex')).toBe('-1');
            expect(focused()).toBe(name);
            await expect(element).toBeAccessible();

            // "Check again" reads the user again: offered afresh, and confirmed first again.
            clickButton(root(element).querySelector('lightning-button.refresh'));
            await flush();
            expect(getDoctorFacts).toHaveBeenCalledTimes(2);
            expect(sendButton(element)?.disabled).toBe(false);
            clickButton(sendButton(element));
            await flush();
            expect(sendLoginEmail).toHaveBeenCalledTimes(1);
            clickButton(confirmButton(element));
            await flush();
            expect(sendLoginEmail).toHaveBeenCalledTimes(2);
            expect(sendButton(element)).toBeNull();
        });

        it('offers it again after the re-read that follows a fix, as after "Check again"', async () => {
            mocked(sendLoginEmail).mockResolvedValue({ ok: true, message: 'Login email sent.', setupUrl: '/u' });
            mocked(enableContentUser).mockResolvedValue({ ok: true, message: 'Done.', setupUrl: '/x' });
            mocked(getDoctorFacts).mockResolvedValue(factsWith({ contentUser: false }));
            const element = render(USER);
            await flush();
            clickButton(sendButton(element));
            await flush();
            clickButton(confirmButton(element));
            await flush();
            await flush();
            expect(sendButton(element)).toBeNull();

            // The fix re-reads the user: the offer is worked out again, as a manual re-read does.
            mocked(getDoctorFacts).mockResolvedValue(factsWith({ contentUser: true }));
            clickButton(check(element, 'CONTENT_USER').querySelector('lightning-button.fix'));
            await flush();
            await flush();
            expect(enableContentUser).toHaveBeenCalledTimes(1);
            expect(getDoctorFacts).toHaveBeenCalledTimes(2);
            expect(sendButton(element)?.disabled).toBe(false);
            expect($(element, '.login-email-confirm')).toBeNull();
            // Offered afresh, it still asks first.
            clickButton(sendButton(element));
            await flush();
            expect(sendLoginEmail).toHaveBeenCalledTimes(1);
            expect(confirmButton(element)).not.toBeNull();
            await expect(element).toBeAccessible();
        });

        it('offers it again when the user is picked again', async () => {
            mocked(sendLoginEmail).mockResolvedValue({ ok: true, message: 'Login email sent.', setupUrl: '/u' });
            const element = render();
            await flush();
            await searchFor(element, 'bru');
            await choose(element, 0);
            clickButton(sendButton(element));
            await flush();
            clickButton(confirmButton(element));
            await flush();
            expect(sendButton(element)).toBeNull();
            (picker(element)?.querySelector('lightning-button-icon.remove-selected') as HTMLElement).click();
            await flush();
            await searchFor(element, 'bru');
            await choose(element, 0);
            expect(getDoctorFacts).toHaveBeenCalledTimes(2);
            expect(sendButton(element)).not.toBeNull();
            expect($(element, '.login-email-confirm')).toBeNull();
        });

        it('stays offered when sending failed or was refused, with focus back on it', async () => {
            mocked(sendLoginEmail).mockRejectedValue({ body: { message: 'boom' } });
            const element = render(USER);
            await flush();
            clickButton(sendButton(element));
            await flush();
            clickButton(confirmButton(element));
            await flush();
            await flush();
            const panel = root(element).querySelector('c-error-panel') as unknown as { friendlyMessage: string };
            expect(panel.friendlyMessage).toBe(ACTION_ERROR);
            expect(sendButton(element)?.disabled).toBe(false);
            expect($(element, '.login-email-confirm')).toBeNull();
            expect(focused()).toBe(sendButton(element));
            await expect(element).toBeAccessible();

            mocked(sendLoginEmail).mockResolvedValue({ ok: false, message: 'Not external.', setupUrl: '/setup/u' });
            clickButton(sendButton(element));
            await flush();
            expect(sendLoginEmail).toHaveBeenCalledTimes(1);
            clickButton(confirmButton(element));
            await flush();
            await flush();
            expect(sendLoginEmail).toHaveBeenCalledTimes(2);
            expect(notice(element, '.fix-refused .refusal-message')?.textContent).toBe('Not external.');
            expect(sendButton(element)?.disabled).toBe(false);
            expect(focused()).toBe(sendButton(element));
            await expect(element).toBeAccessible();
        });

        it('asks nothing for an admin who may not send it', async () => {
            const element = createElement('c-user-doctor-panel', { is: UserDoctorPanel });
            Object.assign(element, { userId: USER, capabilities: [capability('USER_DOCTOR_FIXES', false)] });
            document.body.appendChild(element);
            await flush();
            clickButton(sendButton(element));
            await flush();
            expect($(element, '.login-email-confirm')).toBeNull();
            expect(sendLoginEmail).not.toHaveBeenCalled();
        });
    });

    it('hands a user on another license over to the license upgrade, and links to Setup', async () => {
        mocked(getDoctorFacts).mockResolvedValue(
            factsWith({ licenseName: 'Customer Community', profileApiEnabled: false }),
        );
        const element = render(USER);
        const upgrade = jest.fn();
        element.addEventListener('upgrade', upgrade);
        await flush();
        const license = check(element, 'LICENSE');
        const button = license.querySelector('lightning-button.upgrade') as unknown as { label: string };
        expect(button.label).toBe(UPGRADE);
        clickButton(license.querySelector('lightning-button.upgrade'));
        expect(upgrade).toHaveBeenCalledTimes(1);
        expect((upgrade.mock.calls[0][0] as CustomEvent).detail).toEqual({ userId: USER });
        const link = check(element, 'PROFILE_API_ENABLED').querySelector('a.setup-link');
        expect(link?.getAttribute('href')).toContain('EnhancedProfiles');
        expect(link?.getAttribute('aria-label')).toBe('Open in Setup: the profile');
        await expect(element).toBeAccessible();
    });

    it('shows the error when the facts cannot be read, and reads again on request', async () => {
        mocked(getDoctorFacts).mockRejectedValue({ body: { message: 'No user with the id.' } });
        const element = render(USER);
        await flush();
        const panel = root(element).querySelector('c-error-panel') as unknown as { friendlyMessage: string };
        expect(panel.friendlyMessage).toBe(LOAD_ERROR);
        expect(root(element).querySelector('.doctor-checks')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('re-reads on "Check again" and shows a failed action', async () => {
        const element = render(USER);
        await flush();
        clickButton(root(element).querySelector('lightning-button.refresh'));
        await flush();
        expect(getDoctorFacts).toHaveBeenCalledTimes(2);
        mocked(assignPermissionSetLicense).mockRejectedValue({ body: { message: 'boom' } });
        clickButton(check(element, 'CCPLUS_PERMISSION_SET_LICENSE').querySelector('lightning-button.fix'));
        await flush();
        const panel = root(element).querySelector('c-error-panel') as unknown as { friendlyMessage: string };
        expect(panel.friendlyMessage).toBe(ACTION_ERROR);
        await expect(element).toBeAccessible();
    });
});
