import { createElement } from 'lwc';
import ReadinessChecklist from 'c/readinessChecklist';
import getReadinessFacts from '@salesforce/apex/ReadinessController.getReadinessFacts';
import confirmReadinessStep from '@salesforce/apex/ReadinessController.confirmReadinessStep';
import clearReadinessConfirmation from '@salesforce/apex/ReadinessController.clearReadinessConfirmation';
import activateSite from '@salesforce/apex/ReadinessController.activateSite';
import showAllSettings from '@salesforce/apex/ReadinessController.showAllSettings';
import addSiteMember from '@salesforce/apex/ReadinessController.addSiteMember';
import searchInternalUsers from '@salesforce/apex/ReadinessController.searchInternalUsers';
import assignSharerPermissionSet from '@salesforce/apex/ReadinessController.assignSharerPermissionSet';
import LOAD_ERROR from '@salesforce/label/c.CCSA_Readiness_Load_Error';
import ACTION_ERROR from '@salesforce/label/c.CCSA_Readiness_Action_Error';
import FACTS from './data/ReadinessController.getReadinessFacts.json';

jest.mock('@salesforce/apex/ReadinessController.getReadinessFacts', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/ReadinessController.confirmReadinessStep', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/ReadinessController.clearReadinessConfirmation', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/ReadinessController.activateSite', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ReadinessController.showAllSettings', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/ReadinessController.addSiteMember', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/ReadinessController.searchInternalUsers', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/ReadinessController.assignSharerPermissionSet', () => ({ default: jest.fn() }), {
    virtual: true,
});

const mocked = (method: unknown): jest.Mock => method as jest.Mock;
type OrgFacts = Apex.ReadinessService.OrgFacts;

const SITE = '0DB000000000001AAA';
const PROFILE = '00e000000000010AAA';
const CONFIRMED = {
    rowId: 'STANDARD_EXTERNAL_PROFILES',
    confirmedByName: 'Avery Admin',
    confirmedAt: '2025-01-02T03:04:05.000Z',
};

/** Every step done: the site Live, the step Apex cannot read confirmed. */
function readyFacts(): OrgFacts {
    return {
        ...(FACTS as OrgFacts),
        sites: [{ ...FACTS.sites[0], status: 'Live' }],
        confirmations: [CONFIRMED],
    };
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

function render(): HTMLElement {
    const element = createElement('c-readiness-checklist', { is: ReadinessChecklist });
    document.body.appendChild(element);
    return element;
}

const $ = <T extends Element = HTMLElement>(element: HTMLElement, selector: string): T =>
    element.shadowRoot!.querySelector(selector) as T;
const $$ = (element: HTMLElement, selector: string): HTMLElement[] =>
    Array.from(element.shadowRoot!.querySelectorAll(selector));
const text = (element: Element | null): string => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The fix outcome is shown by the shared c-fix-result-notice. */
function notice(element: HTMLElement, selector: string): HTMLElement {
    const child = element.shadowRoot!.querySelector('c-fix-result-notice');
    return child?.shadowRoot?.querySelector(selector) as HTMLElement;
}

describe('c-readiness-checklist', () => {
    beforeEach(() => {
        mocked(getReadinessFacts).mockResolvedValue(FACTS);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner while the org is measured', async () => {
        mocked(getReadinessFacts).mockReturnValue(new Promise(() => undefined));
        const element = render();
        await flush();
        expect($(element, 'lightning-spinner')).not.toBeNull();
        expect($(element, '.readiness-rows')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the error panel when the facts cannot be read', async () => {
        mocked(getReadinessFacts).mockRejectedValue({ body: { message: 'You need the permission set.' } });
        const element = render();
        await flush();
        const panel = $(element, 'c-error-panel') as HTMLElement & { friendlyMessage: string };
        expect(panel.friendlyMessage).toBe(LOAD_ERROR);
        expect($(element, 'lightning-spinner')).toBeNull();
        expect($(element, '.readiness-rows')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows every step of the seed done, with the progress at 100%', async () => {
        mocked(getReadinessFacts).mockResolvedValue(readyFacts());
        const element = render();
        await flush();
        const rows = $$(element, 'li.readiness-row');
        expect(rows).toHaveLength(8);
        expect(rows.every((row) => row.classList.contains('status-done'))).toBe(true);
        expect(($(element, 'lightning-progress-bar') as unknown as { value: number }).value).toBe(100);
        expect(text($(element, '.progress-text'))).toBe('8 of 8 steps done (100%)');
        expect(text($(element, '.ready-state'))).toBe('The org is ready for Contracts Customer Community Plus users.');
        expect(text($(element, '.row-STANDARD_EXTERNAL_PROFILES .reason'))).toBe(
            // In the admin's time zone (Jest's @salesforce/i18n/timeZone: America/Los_Angeles), named.
            'Confirmed by Avery Admin on Jan 01, 2025, 07:04 PM PST.',
        );
        expect($(element, '.row-STANDARD_EXTERNAL_PROFILES lightning-button.undo')).not.toBeNull();
        expect($$(element, 'lightning-button.fix')).toHaveLength(0);
        expect($(element, '.row-SITE a.setup-link').getAttribute('href')).toBe('/lightning/setup/SetupNetworks/home');
        // Each "Open in Setup" says which page it opens (issue 11 §1).
        const setupLinks: Record<string, string | null | undefined> = Object.fromEntries(
            $$(element, 'li.readiness-row').map((row) => [
                [...row.classList].find((name) => name.startsWith('row-')),
                row.querySelector('a.setup-link')?.getAttribute('aria-label'),
            ]),
        );
        expect(setupLinks['row-SITE']).toBe('Open in Setup: All Sites');
        expect(setupLinks['row-DIGITAL_EXPERIENCES']).toBe('Open in Setup: Digital Experiences Settings');
        expect(setupLinks['row-CONTRACTS_PERMISSION_SETS']).toBe('Open in Setup: Permission Sets');
        expect(Object.values(setupLinks).every((name) => /^Open in Setup: .+$/.test(name ?? ''))).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('offers the fix of a site in Preview, calls Apex and measures again', async () => {
        const element = render();
        await flush();
        const site = $(element, '.row-SITE');
        expect(site.classList.contains('status-needs-action')).toBe(true);
        expect(text(site.querySelector('.reason'))).toBe(
            'Contracts Portal is in Preview: users cannot log in until it is activated.',
        );
        expect(text($(element, '.progress-text'))).toBe('6 of 8 steps done (75%)');
        await expect(element).toBeAccessible();

        mocked(activateSite).mockResolvedValue({
            ok: true,
            message: 'Contracts Portal is now active.',
            setupUrl: '/lightning/setup/SetupNetworks/home',
        });
        mocked(getReadinessFacts).mockResolvedValue({
            ...FACTS,
            sites: [{ ...FACTS.sites[0], status: 'Live' }],
        });
        const fix = site.querySelector('lightning-button.fix') as HTMLElement & { label: string };
        expect(fix.label).toBe('Activate Contracts Portal');
        fix.click();
        await flush();
        // Activation can send welcome emails: nothing runs before the admin confirms.
        expect(activateSite).not.toHaveBeenCalled();
        // The setting was not read: the confirmation warns as if it were on.
        expect(text($(element, '.activation-confirm .confirm-welcome'))).toContain('sends a welcome email');
        await expect(element).toBeAccessible();
        ($(element, 'lightning-button.confirm-activation') as HTMLElement).click();
        await flush();
        await flush();
        expect(activateSite).toHaveBeenCalledWith({ networkId: SITE });
        expect(getReadinessFacts).toHaveBeenCalledTimes(2);
        expect(text(notice(element, '.fix-done'))).toBe('Contracts Portal is now active.');
        expect($(element, '.row-SITE').classList.contains('status-done')).toBe(true);
        expect(text($(element, '.progress-text'))).toBe('7 of 8 steps done (87%)');
        await expect(element).toBeAccessible();
    });

    it('calls the Apex of each fix with the ids the rules give', async () => {
        mocked(getReadinessFacts).mockResolvedValue({
            ...FACTS,
            sites: [{ ...FACTS.sites[0], status: 'Live', showAllSettings: false, memberParentIds: [] }],
        });
        const refused = { ok: false, message: 'No.', setupUrl: '/lightning/setup/SetupNetworks/home' };
        mocked(showAllSettings).mockResolvedValue(refused);
        mocked(addSiteMember).mockResolvedValue(refused);
        const element = render();
        await flush();
        const fixes = $$(element, '.row-SITE lightning-button.fix') as Array<HTMLElement & { label: string }>;
        expect(fixes.map((button) => button.label)).toEqual([
            'Show all settings in Contracts Portal',
            'Add CC Plus - Contracts to Contracts Portal',
        ]);
        fixes[0].click();
        await flush();
        expect(showAllSettings).toHaveBeenCalledWith({ networkId: SITE });
        ($$(element, '.row-SITE lightning-button.fix')[1] as HTMLElement).click();
        await flush();
        expect(addSiteMember).toHaveBeenCalledWith({ networkId: SITE, profileId: PROFILE });
    });

    it('shows the refusal of a fix with the Setup link, and does not pretend it is done', async () => {
        mocked(activateSite).mockResolvedValue({
            ok: false,
            message: 'Salesforce did not activate Contracts Portal: insufficient access. In Setup ...',
            setupUrl: '/lightning/setup/SetupNetworks/home',
        });
        const element = render();
        await flush();
        ($(element, '.row-SITE lightning-button.fix') as HTMLElement).click();
        await flush();
        ($(element, 'lightning-button.confirm-activation') as HTMLElement).click();
        await flush();
        const refusal = notice(element, '.fix-refused');
        expect(text(refusal.querySelector('.refusal-message'))).toContain('insufficient access');
        expect(refusal.querySelector('a')?.getAttribute('href')).toBe('/lightning/setup/SetupNetworks/home');
        expect(getReadinessFacts).toHaveBeenCalledTimes(1);
        expect($(element, '.row-SITE').classList.contains('status-needs-action')).toBe(true);
        await expect(element).toBeAccessible();

        $(element, 'lightning-button.refresh').click();
        await flush();
        expect(notice(element, '.fix-refused')).toBeNull();
        expect(getReadinessFacts).toHaveBeenCalledTimes(2);
    });

    it('persists a confirmation, and withdraws it', async () => {
        const element = render();
        await flush();
        const row = $(element, '.row-STANDARD_EXTERNAL_PROFILES');
        expect(row.classList.contains('status-confirm')).toBe(true);
        mocked(confirmReadinessStep).mockResolvedValue(CONFIRMED);
        mocked(getReadinessFacts).mockResolvedValue({ ...FACTS, confirmations: [CONFIRMED] });
        (row.querySelector('lightning-button.confirm') as HTMLElement).click();
        await flush();
        await flush();
        expect(confirmReadinessStep).toHaveBeenCalledWith({ rowId: 'STANDARD_EXTERNAL_PROFILES' });
        const confirmed = $(element, '.row-STANDARD_EXTERNAL_PROFILES');
        expect(confirmed.classList.contains('status-done')).toBe(true);
        expect(confirmed.querySelector('lightning-button.confirm')).toBeNull();
        await expect(element).toBeAccessible();

        mocked(clearReadinessConfirmation).mockResolvedValue(undefined);
        mocked(getReadinessFacts).mockResolvedValue(FACTS);
        (confirmed.querySelector('lightning-button.undo') as HTMLElement).click();
        await flush();
        await flush();
        expect(clearReadinessConfirmation).toHaveBeenCalledWith({ rowId: 'STANDARD_EXTERNAL_PROFILES' });
        expect($(element, '.row-STANDARD_EXTERNAL_PROFILES').classList.contains('status-confirm')).toBe(true);
    });

    it('disables the fixes and the sharer assignment the admin lacks the permission for, saying why', async () => {
        mocked(getReadinessFacts).mockResolvedValue({
            ...FACTS,
            sites: [{ ...FACTS.sites[0], status: 'Live', showAllSettings: false }],
        });
        mocked(searchInternalUsers).mockResolvedValue([
            { id: '005000000000099AAA', name: 'Iris Intern', profileName: 'Standard User' },
        ]);
        const element = createElement('c-readiness-checklist', { is: ReadinessChecklist });
        (element as unknown as { capabilities: unknown }).capabilities = [
            capability('READINESS', true),
            capability('READINESS_FIXES', false),
            capability('USER_DOCTOR_FIXES', false),
        ];
        document.body.appendChild(element);
        await flush();
        const fix = $(element, '.row-SITE lightning-button.fix') as HTMLElement & { label: string; disabled: boolean };
        expect(fix.label).toBe('Show all settings in Contracts Portal');
        expect(fix.disabled).toBe(true);
        expect(text($(element, '.row-SITE .fix-unavailable'))).toBe('READINESS_FIXES needs Some Permission.');
        fix.click();
        await flush();
        expect(showAllSettings).not.toHaveBeenCalled();
        $(element, 'lightning-button.sharer-search').click();
        await flush();
        $(element, 'lightning-checkbox-group.sharer-users').dispatchEvent(
            new CustomEvent('change', { detail: { value: ['005000000000099AAA'] } }),
        );
        await flush();
        expect(($(element, 'lightning-button.sharer-assign') as HTMLElement & { disabled: boolean }).disabled).toBe(
            true,
        );
        expect(text($(element, '.sharer-unavailable'))).toBe('USER_DOCTOR_FIXES needs Some Permission.');
        await expect(element).toBeAccessible();

        // With the permissions, the same fix is offered.
        (element as unknown as { capabilities: unknown }).capabilities = [capability('READINESS_FIXES', true)];
        await flush();
        expect(($(element, '.row-SITE lightning-button.fix') as HTMLElement & { disabled: boolean }).disabled).toBe(
            false,
        );
        expect($(element, '.fix-unavailable')).toBeNull();
    });

    describe('focus after an action (WCAG 2.4.3: never lost on the page)', () => {
        let focus: jest.SpyInstance;
        /** The element focused last (the stubs' buttons take no real focus: the call is what counts). */
        const focused = (): Element | undefined => focus.mock.contexts[focus.mock.contexts.length - 1] as Element;

        beforeEach(() => {
            focus = jest.spyOn(HTMLElement.prototype, 'focus');
        });
        afterEach(() => focus.mockRestore());

        it('moves from "Mark as done" to "Undo confirmation", and back', async () => {
            const element = render();
            await flush();
            mocked(confirmReadinessStep).mockResolvedValue(CONFIRMED);
            mocked(getReadinessFacts).mockResolvedValue({ ...FACTS, confirmations: [CONFIRMED] });
            $(element, '.row-STANDARD_EXTERNAL_PROFILES lightning-button.confirm').click();
            await flush();
            await flush();
            expect(focused()).toBe($(element, '.row-STANDARD_EXTERNAL_PROFILES lightning-button.undo'));

            mocked(clearReadinessConfirmation).mockResolvedValue(undefined);
            mocked(getReadinessFacts).mockResolvedValue(FACTS);
            $(element, '.row-STANDARD_EXTERNAL_PROFILES lightning-button.undo').click();
            await flush();
            await flush();
            expect(focused()).toBe($(element, '.row-STANDARD_EXTERNAL_PROFILES lightning-button.confirm'));
        });

        it('keeps focus on "Mark as done" when it failed', async () => {
            mocked(confirmReadinessStep).mockRejectedValue({ body: { message: 'Insufficient access' } });
            const element = render();
            await flush();
            $(element, 'lightning-button.confirm').click();
            await flush();
            expect(focused()).toBe($(element, '.row-STANDARD_EXTERNAL_PROFILES lightning-button.confirm'));
        });

        it('moves to the sharers row title and status once "Assign CLM Runtime User" is done', async () => {
            mocked(searchInternalUsers).mockResolvedValue([
                { id: '005000000000099AAA', name: 'Iris Intern', profileName: 'Standard User' },
            ]);
            mocked(assignSharerPermissionSet).mockResolvedValue({ ok: true, message: 'Assigned.', setupUrl: '/p' });
            const element = render();
            await flush();
            $(element, 'lightning-button.sharer-search').click();
            await flush();
            $(element, 'lightning-checkbox-group.sharer-users').dispatchEvent(
                new CustomEvent('change', { detail: { value: ['005000000000099AAA'] } }),
            );
            await flush();
            $(element, 'lightning-button.sharer-assign').click();
            await flush();
            await flush();
            expect(assignSharerPermissionSet).toHaveBeenCalled();
            expect($(element, 'lightning-button.sharer-assign')).toBeNull();
            const title = $(element, '.row-CONTRACT_SHARERS .row-title');
            expect(title.getAttribute('tabindex')).toBe('-1');
            expect(element.shadowRoot!.activeElement).toBe(title);
            await expect(element).toBeAccessible();
        });

        it('moves to the site row title once a fix is done, and back to Activate when cancelled', async () => {
            const element = render();
            await flush();
            $(element, '.row-SITE lightning-button.fix').click();
            await flush();
            $(element, 'lightning-button.cancel-activation').click();
            await flush();
            expect(focused()).toBe($(element, '.row-SITE lightning-button.fix'));

            mocked(activateSite).mockResolvedValue({ ok: true, message: 'Active.', setupUrl: '/s' });
            mocked(getReadinessFacts).mockResolvedValue({ ...FACTS, sites: [{ ...FACTS.sites[0], status: 'Live' }] });
            $(element, '.row-SITE lightning-button.fix').click();
            await flush();
            $(element, 'lightning-button.confirm-activation').click();
            await flush();
            await flush();
            expect($(element, '.row-SITE lightning-button.fix')).toBeNull();
            expect(element.shadowRoot!.activeElement).toBe($(element, '.row-SITE .row-title'));
        });
    });

    describe('Escape in the activation confirmation', () => {
        let focus: jest.SpyInstance;
        const focused = (): Element | undefined => focus.mock.contexts[focus.mock.contexts.length - 1] as Element;
        /** What reaches the page: an enclosing modal closes on an Escape it receives. */
        let page: jest.Mock;
        const escape = (target: Element): KeyboardEvent => {
            const event = new KeyboardEvent('keydown', {
                key: 'Escape',
                bubbles: true,
                composed: true,
                cancelable: true,
            });
            target.dispatchEvent(event);
            return event;
        };

        beforeEach(() => {
            focus = jest.spyOn(HTMLElement.prototype, 'focus');
            page = jest.fn();
            document.addEventListener('keydown', page);
        });
        afterEach(() => {
            focus.mockRestore();
            document.removeEventListener('keydown', page);
        });

        it('cancels it, returns focus to Activate and keeps the Escape from an enclosing modal', async () => {
            const element = render();
            await flush();
            $(element, '.row-SITE lightning-button.fix').click();
            await flush();
            expect($(element, '.activation-confirm')).not.toBeNull();
            const event = escape($(element, 'lightning-button.confirm-activation'));
            await flush();
            expect($(element, '.activation-confirm')).toBeNull();
            expect(activateSite).not.toHaveBeenCalled();
            expect(focused()).toBe($(element, '.row-SITE lightning-button.fix'));
            expect(event.defaultPrevented).toBe(true);
            expect(page).not.toHaveBeenCalled();
            await expect(element).toBeAccessible();
        });

        it('lets Escape through when no confirmation is open', async () => {
            const element = render();
            await flush();
            const event = escape($(element, '.row-SITE lightning-button.fix'));
            await flush();
            expect(event.defaultPrevented).toBe(false);
            expect(page).toHaveBeenCalledTimes(1);
            // Another key in an open confirmation leaves it open and goes on.
            $(element, '.row-SITE lightning-button.fix').click();
            await flush();
            $(element, 'lightning-button.confirm-activation').dispatchEvent(
                new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
            );
            await flush();
            expect($(element, '.activation-confirm')).not.toBeNull();
            expect(page).toHaveBeenCalledTimes(2);
        });
    });

    it('names the activation confirmation by its own title: a per-finding id, not one static id in the iteration', async () => {
        const element = render();
        await flush();
        $(element, '.row-SITE lightning-button.fix').click();
        await flush();
        const confirm = $(element, '.activation-confirm');
        const title = $(element, '.activation-confirm .activation-confirm-title');
        expect(title.id).toMatch(/^activation-confirm-title-SITE-0/);
        expect(confirm.getAttribute('aria-labelledby')).toBe(title.id);
        expect(text(title)).toBe(text(confirm.querySelector('h4')));
        await expect(element).toBeAccessible();
    });

    it('shows an action that failed in the error panel', async () => {
        mocked(confirmReadinessStep).mockRejectedValue({ body: { message: 'Insufficient access' } });
        const element = render();
        await flush();
        ($(element, 'lightning-button.confirm') as HTMLElement).click();
        await flush();
        const panel = $(element, 'c-error-panel') as HTMLElement & { friendlyMessage: string };
        expect(panel.friendlyMessage).toBe(ACTION_ERROR);
        await expect(element).toBeAccessible();
    });

    it('measures the site the admin chooses', async () => {
        mocked(getReadinessFacts).mockResolvedValue({
            ...FACTS,
            sites: [
                { ...FACTS.sites[0], status: 'Live' },
                { ...FACTS.sites[0], id: '0DB000000000002AAA', name: 'Second', memberParentIds: [] },
            ],
        });
        const element = render();
        await flush();
        expect($(element, '.row-SITE').classList.contains('status-done')).toBe(true);
        const choice = $(element, 'lightning-combobox.site-choice') as HTMLElement & {
            options: { label: string; value: string }[];
        };
        expect(choice.options.map((option) => option.label)).toEqual([
            'The site closest to ready',
            'Contracts Portal (Live)',
            'Second (Preview)',
        ]);
        choice.dispatchEvent(new CustomEvent('change', { detail: { value: '0DB000000000002AAA' } }));
        await flush();
        expect(text($(element, '.row-SITE .reason'))).toBe(
            'Second is in Preview: users cannot log in until it is activated.',
        );
    });

    it('says the welcome email goes out, and cancels the activation when asked', async () => {
        mocked(getReadinessFacts).mockResolvedValue({
            ...FACTS,
            sites: [{ ...FACTS.sites[0], sendWelcomeEmail: true }],
        });
        const element = render();
        await flush();
        expect(text($(element, '.row-SITE .note'))).toBe(
            'Contracts Portal sends a welcome email to new members ("Send welcome email" is on).',
        );
        ($(element, '.row-SITE lightning-button.fix') as HTMLElement).click();
        await flush();
        expect(text($(element, '.activation-confirm .confirm-welcome'))).toBe(
            'Contracts Portal has "Send welcome email" on: activating it sends a welcome email to every member.',
        );
        await expect(element).toBeAccessible();
        ($(element, 'lightning-button.cancel-activation') as HTMLElement).click();
        await flush();
        expect($(element, '.activation-confirm')).toBeNull();
        expect(activateSite).not.toHaveBeenCalled();
    });

    it('shows a membership that Salesforce is still adding as pending, not as done', async () => {
        mocked(getReadinessFacts).mockResolvedValue({
            ...FACTS,
            sites: [
                {
                    ...FACTS.sites[0],
                    status: 'Live',
                    memberParentIds: [],
                    members: [{ parentId: PROFILE, assignmentStatus: 'Add Calculated' }],
                },
            ],
        });
        const element = render();
        await flush();
        const site = $(element, '.row-SITE');
        expect(site.classList.contains('status-needs-action')).toBe(true);
        expect(text(site.querySelector('.reason'))).toContain('is being added to the members of Contracts Portal');
        expect(site.querySelector('lightning-button.fix')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the seats of each Customer Community Plus license separately, each with its verdict', async () => {
        type Icon = HTMLElement & { iconName: string; variant: string; alternativeText: string };
        const seatLines = (element: HTMLElement): [string, string, string][] =>
            $$(element, '.row-CCP_SEATS li.finding').map((line) => {
                const icon = line.querySelector('lightning-icon.seat-verdict') as Icon | null;
                return [text(line.querySelector('.reason')), icon?.variant ?? '', icon?.alternativeText ?? ''];
            });
        mocked(getReadinessFacts).mockResolvedValue({
            ...readyFacts(),
            userLicenses: [
                { name: 'Customer Community Plus', totalLicenses: 50, usedLicenses: 12 },
                { name: 'Customer Community Plus Login', totalLicenses: 0, usedLicenses: 0 },
            ],
        });
        const element = render();
        await flush();
        const seats = $(element, '.row-CCP_SEATS');
        expect(seats.classList.contains('status-done')).toBe(true);
        expect(seatLines(element)).toEqual([
            ['Customer Community Plus: 12 of 50 used, 38 left', 'success', 'Seats left'],
            ['Customer Community Plus Login: 0 of 0', 'warning', 'No seats left: warning'],
        ]);
        expect(text($(element, '.progress-text'))).toBe('8 of 8 steps done (100%)');
        await expect(element).toBeAccessible();

        mocked(getReadinessFacts).mockResolvedValue({
            ...readyFacts(),
            userLicenses: [{ name: 'Customer Community Plus', totalLicenses: 5, usedLicenses: 5 }],
        });
        ($(element, 'lightning-button.refresh') as HTMLElement).click();
        await flush();
        expect($(element, '.row-CCP_SEATS').classList.contains('status-needs-action')).toBe(true);
        expect(seatLines(element)).toEqual([
            [
                'No seats left on Customer Community Plus, Customer Community Plus Login. Buy more or free seats by deactivating users.',
                '',
                '',
            ],
            ['Customer Community Plus: 5 of 5 used, none left', 'error', 'No seats left: needs action'],
            ['Customer Community Plus Login: not in this org', 'error', 'No seats left: needs action'],
        ]);
        expect(text($(element, '.progress-text'))).toBe('7 of 8 steps done (87%)');
        await expect(element).toBeAccessible();
    });

    it('formats the counts of a large org, and says what the number behind each permission set counts', async () => {
        const facts = readyFacts();
        mocked(getReadinessFacts).mockResolvedValue({
            ...facts,
            userLicenses: [{ name: 'Customer Community Plus', totalLicenses: 12081, usedLicenses: 81 }],
            permissionSetLicenses: facts.permissionSetLicenses.map((psl) => ({
                ...psl,
                totalLicenses: 12000 + psl.usedLicenses,
            })),
        });
        const element = render();
        await flush();
        expect(text($(element, '.row-CCP_SEATS .reason'))).toBe(
            'Customer Community Plus: 81 of 12,081 used, 12,000 left',
        );
        // The set tied to a license says its seats left; the fixture's other set needs none.
        expect(text($(element, '.row-CONTRACTS_PERMISSION_SETS .reason'))).toBe(
            'Both Contracts permission sets are present: DocGen Run-time Community User: 12,000 seats left; Contract Management CC Plus Digital Experience User.',
        );
        await expect(element).toBeAccessible();
    });

    it('shows the license the chosen profile cannot use as not counted: a neutral icon and words, never a pass or a warning', async () => {
        type Icon = HTMLElement & { iconName: string; variant: string; alternativeText: string };
        const LOGIN_PROFILE = '00e000000000011AAA';
        const seatLines = (element: HTMLElement): [string, string, string, string, string][] =>
            $$(element, '.row-CCP_SEATS li.finding').map((line) => {
                const icon = line.querySelector('lightning-icon.seat-verdict') as Icon | null;
                return [
                    text(line.querySelector('.reason')),
                    icon?.iconName ?? '',
                    icon?.variant ?? '',
                    icon?.alternativeText ?? '',
                    text(line.querySelector('.seat-verdict-note')),
                ];
            });
        const facts = readyFacts();
        mocked(getReadinessFacts).mockResolvedValue({
            ...facts,
            profiles: [
                ...facts.profiles,
                {
                    id: LOGIN_PROFILE,
                    name: 'CC Plus Login - Contracts',
                    licenseName: 'Customer Community Plus Login',
                    apiEnabled: true,
                    isCustom: true,
                },
            ],
            userLicenses: [
                { name: 'Customer Community Plus', totalLicenses: 50, usedLicenses: 12 },
                { name: 'Customer Community Plus Login', totalLicenses: 10, usedLicenses: 10 },
            ],
        });
        const element = render();
        await flush();
        // No profile chosen: both licenses count, as before.
        expect(seatLines(element)).toEqual([
            ['Customer Community Plus: 12 of 50 used, 38 left', 'utility:success', 'success', 'Seats left', ''],
            [
                'Customer Community Plus Login: 10 of 10 used, none left',
                'utility:warning',
                'warning',
                'No seats left: warning',
                '',
            ],
        ]);
        expect($$(element, '.seat-verdict-note')).toHaveLength(0);

        // The Login profile chosen, without Login seats: the row fails, the other license is neutral.
        const choice = $(element, 'lightning-combobox.profile-choice');
        choice.dispatchEvent(new CustomEvent('change', { detail: { value: LOGIN_PROFILE } }));
        await flush();
        expect($(element, '.row-CCP_SEATS').classList.contains('status-needs-action')).toBe(true);
        const NOT_COUNTED = "Not counted: not the chosen profile's license";
        expect(seatLines(element)).toEqual([
            [
                'No seats left on Customer Community Plus Login. Buy more or free seats by deactivating users.',
                '',
                '',
                '',
                '',
            ],
            ['Customer Community Plus: 12 of 50 used, 38 left', 'utility:info', '', '', NOT_COUNTED],
            [
                'Customer Community Plus Login: 10 of 10 used, none left',
                'utility:error',
                'error',
                'No seats left: needs action',
                '',
            ],
        ]);
        await expect(element).toBeAccessible();

        // The Customer Community Plus profile chosen: the row passes, Login is neutral, not a warning.
        choice.dispatchEvent(new CustomEvent('change', { detail: { value: PROFILE } }));
        await flush();
        expect($(element, '.row-CCP_SEATS').classList.contains('status-done')).toBe(true);
        expect(seatLines(element)).toEqual([
            ['Customer Community Plus: 12 of 50 used, 38 left', 'utility:success', 'success', 'Seats left', ''],
            ['Customer Community Plus Login: 10 of 10 used, none left', 'utility:info', '', '', NOT_COUNTED],
        ]);
        await expect(element).toBeAccessible();
    });

    it('names the profile the admin chose on the profile row, and keeps the default choice as it was', async () => {
        const STANDARD_PROFILE = '00e000000000012AAA';
        const facts = readyFacts();
        mocked(getReadinessFacts).mockResolvedValue({
            ...facts,
            profiles: [
                ...facts.profiles,
                {
                    id: STANDARD_PROFILE,
                    name: 'Customer Community Plus User',
                    licenseName: 'Customer Community Plus',
                    apiEnabled: false,
                    isCustom: false,
                },
            ],
        });
        const element = render();
        await flush();
        const reasons = () => $$(element, 'li.row-CCP_PROFILE .reason').map(text);
        expect(reasons()).toEqual(['CC Plus - Contracts (Customer Community Plus) has API Enabled.']);

        const choice = $(element, 'lightning-combobox.profile-choice');
        choice.dispatchEvent(new CustomEvent('change', { detail: { value: STANDARD_PROFILE } }));
        await flush();
        expect(reasons()).toEqual([
            'Customer Community Plus User is a standard profile and cannot be edited. Clone it, then select API Enabled on the clone.',
        ]);

        choice.dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
        await flush();
        expect(reasons()).toEqual(['CC Plus - Contracts (Customer Community Plus) has API Enabled.']);
    });
});
