import { createElement } from 'lwc';
import SetupAssistant from 'c/setupAssistant';
import getAssistantContext from '@salesforce/apex/SetupAssistantController.getAssistantContext';
import RUNNING_AS from '@salesforce/label/c.CCSA_Running_As';
import CONTEXT_ERROR from '@salesforce/label/c.CCSA_Context_Error';
import CAPABILITIES_TITLE from '@salesforce/label/c.CCSA_Capabilities_Title';
import CAPABILITY_ITEM from '@salesforce/label/c.CCSA_Capability_Item';
import CAPABILITY_MISSING from '@salesforce/label/c.CCSA_Capability_Missing';
import PERMISSION_VIEW_ROLES from '@salesforce/label/c.CCSA_Permission_VIEW_ROLES';
import { formatLabel } from 'c/labelFormat';
import CONTEXT from './data/SetupAssistantController.getAssistantContext.json';
import { CurrentPageReference } from 'lightning/navigation';
import getEnablementFacts from '@salesforce/apex/UserSetupController.getEnablementFacts';
import searchUpgradeCandidates from '@salesforce/apex/LicenseUpgradeController.searchUpgradeCandidates';
import SUMMARY_MANY from '@salesforce/label/c.CCSA_Readiness_Summary_Many';
import getReadinessFacts from '@salesforce/apex/ReadinessController.getReadinessFacts';

jest.mock(
    '@salesforce/apex/SetupAssistantController.getAssistantContext',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true },
);

jest.mock(
    '@salesforce/apex/LicenseUpgradeController.getUpgradeTargets',
    () => ({ default: jest.fn(() => Promise.resolve([])) }),
    {
        virtual: true,
    },
);

jest.mock(
    '@salesforce/apex/LicenseUpgradeController.searchUpgradeCandidates',
    () => ({ default: jest.fn(() => Promise.resolve([])) }),
    { virtual: true },
);

jest.mock(
    '@salesforce/apex/ReadinessController.getReadinessFacts',
    () => ({ default: jest.fn(() => Promise.reject(new Error('not measured in this test'))) }),
    { virtual: true },
);

jest.mock(
    '@salesforce/apex/UserSetupController.getEnablementFacts',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true,
    },
);

jest.mock(
    '@salesforce/apex/HistoryController.getHistory',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true },
);

jest.mock(
    '@salesforce/apex/HistoryController.getHistoryFilterOptions',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true },
);

interface TestWireAdapter {
    emit(value: unknown): void;
    error(body?: unknown, status?: number, statusText?: string): void;
}
const contextAdapter = getAssistantContext as unknown as TestWireAdapter;

const flush = (): Promise<void> => Promise.resolve();

function render(): HTMLElement {
    const element = createElement('c-setup-assistant', { is: SetupAssistant });
    document.body.appendChild(element);
    return element;
}

describe('c-setup-assistant', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner until the context arrives', async () => {
        const element = render();
        await flush();
        expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
        expect(element.shadowRoot?.querySelector('.running-as')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('names the running admin, the org and the role', async () => {
        const element = render();
        contextAdapter.emit(CONTEXT);
        await flush();
        const root = element.shadowRoot!;
        expect(root.querySelector('lightning-spinner')).toBeNull();
        expect(root.querySelector('.running-as')?.textContent).toBe(
            formatLabel(RUNNING_AS, 'Avery Admin', 'Northwind Contracts'),
        );
        expect(root.querySelector('.role')?.textContent).toContain('CEO');
        expect(root.querySelector('.role-warning')).toBeNull();
        expect(root.querySelector('c-readiness-checklist')).not.toBeNull();
        // The other panels are rendered the first time their tab opens.
        expect(root.querySelector('c-license-upgrade')).toBeNull();
        await expect(element).toBeAccessible();
        await openTab(element, 'licenseUpgrades');
        expect(root.querySelector('c-license-upgrade')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('warns an admin without a role, with a link to Users in Setup', async () => {
        const element = render();
        contextAdapter.emit({ ...CONTEXT, hasRole: false, roleName: null });
        await flush();
        const warning = element.shadowRoot?.querySelector('.role-warning');
        expect(warning).not.toBeNull();
        expect(warning?.querySelector('a')?.getAttribute('href')).toBe('/lightning/setup/ManageUsers/home');
        expect(element.shadowRoot?.querySelector('.role')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the guard message in the error panel when access is denied', async () => {
        const element = render();
        contextAdapter.error({ message: 'You need the Contracts Community Setup Admin permission set.' });
        await flush();
        const panel = element.shadowRoot?.querySelector('c-error-panel') as
            (HTMLElement & { friendlyMessage: string; errors: unknown }) | null;
        expect(panel).not.toBeNull();
        expect(panel?.friendlyMessage).toBe(CONTEXT_ERROR);
        expect(element.shadowRoot?.querySelector('lightning-spinner')).toBeNull();
        expect(element.shadowRoot?.querySelector('.running-as')).toBeNull();
        expect(element.shadowRoot?.querySelector('c-license-upgrade')).toBeNull();
        expect(element.shadowRoot?.querySelector('c-readiness-checklist')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('hands the contacts of the list view button over to Enable users', async () => {
        const element = render();
        contextAdapter.emit(CONTEXT);
        (CurrentPageReference as unknown as TestWireAdapter).emit({
            type: 'standard__navItemPage',
            state: { c__contactIds: '003000000000001AAA,003000000000002AAA,bogus' },
        });
        await flush();
        const enable = element.shadowRoot?.querySelector('c-enable-users') as unknown as { contactIds: string[] };
        expect(enable.contactIds).toEqual(['003000000000001AAA', '003000000000002AAA']);
        expect(activeTab(element)).toBe('enableUsers');
        expect(getEnablementFacts).toHaveBeenCalledWith(
            expect.objectContaining({ contactIds: ['003000000000001AAA', '003000000000002AAA'] }),
        );
    });

    it('shows which capabilities an admin without View Roles cannot use, and the reason instead of their panels', async () => {
        const withoutViewRoles = (capability: Apex.SetupAssistantCapabilities.Capability) => {
            return ['READINESS', 'ENABLE_USERS', 'LICENSE_UPGRADES', 'USER_DOCTOR'].includes(capability.name)
                ? {
                      ...capability,
                      available: false,
                      missingRequirements: ['VIEW_ROLES'],
                      missingPermissions: [PERMISSION_VIEW_ROLES],
                      message: formatLabel(CAPABILITY_MISSING, capability.label, PERMISSION_VIEW_ROLES),
                  }
                : capability;
        };
        const element = render();
        contextAdapter.emit({ ...CONTEXT, roleName: null, capabilities: CONTEXT.capabilities.map(withoutViewRoles) });
        await flush();
        const root = element.shadowRoot!;
        const notice = root.querySelector('.capability-notice');
        expect(notice?.textContent).toContain(CAPABILITIES_TITLE);
        const items = [...(notice?.querySelectorAll('li') ?? [])];
        expect(items.map((item) => item.getAttribute('data-capability'))).toEqual([
            'READINESS',
            'ENABLE_USERS',
            'LICENSE_UPGRADES',
            'USER_DOCTOR',
        ]);
        expect(items[0].textContent).toBe(formatLabel(CAPABILITY_ITEM, 'Readiness checklist', PERMISSION_VIEW_ROLES));
        // The unavailable panels are not loaded: their first Apex call would only fail.
        expect(root.querySelector('c-readiness-checklist')).toBeNull();
        expect(root.querySelector('c-enable-users')).toBeNull();
        expect(root.querySelector('c-license-upgrade')).toBeNull();
        expect(root.querySelector('c-user-doctor-panel')).toBeNull();
        expect(root.querySelector('section.readiness .capability-unavailable')?.textContent).toContain(
            PERMISSION_VIEW_ROLES,
        );
        await openTab(element, 'history');
        expect(root.querySelector('c-history-panel')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows no capability notice when every capability is available', async () => {
        const element = render();
        contextAdapter.emit(CONTEXT);
        await flush();
        expect(element.shadowRoot?.querySelector('.capability-notice')).toBeNull();
        expect(element.shadowRoot?.querySelector('.capability-unavailable')).toBeNull();
    });

    it('opens License upgrades with the user selected when the user doctor hands a user over', async () => {
        const element = render();
        contextAdapter.emit(CONTEXT);
        await flush();
        expect(activeTab(element)).toBe('readiness');
        await openTab(element, 'userDoctor');
        const doctor = element.shadowRoot?.querySelector('section.user-doctor c-user-doctor-panel');
        expect(doctor).not.toBeNull();
        doctor?.dispatchEvent(new CustomEvent('upgrade', { detail: { userId: '005000000000001AAA' } }));
        await flush();
        expect(activeTab(element)).toBe('licenseUpgrades');
        // The doctor's panel stays rendered, hidden, with its state.
        expect(element.shadowRoot?.querySelector('section.user-doctor c-user-doctor-panel')).toBe(doctor);
        const upgrade = element.shadowRoot?.querySelector('c-license-upgrade') as unknown as { userIds: string[] };
        expect(upgrade.userIds).toEqual(['005000000000001AAA']);
        expect(searchUpgradeCandidates).toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('offers the five tabs and opens the one named in c__tab', async () => {
        const element = render();
        contextAdapter.emit(CONTEXT);
        (CurrentPageReference as unknown as TestWireAdapter).emit({
            type: 'standard__navItemPage',
            state: { c__tab: 'history' },
        });
        await flush();
        const root = element.shadowRoot!;
        const tabs = [...root.querySelectorAll('[role="tab"]')] as HTMLElement[];
        expect(tabs.map((tab) => tab.dataset.tab)).toEqual([
            'readiness',
            'enableUsers',
            'licenseUpgrades',
            'userDoctor',
            'history',
        ]);
        expect(activeTab(element)).toBe('history');
        // Each tab names its panel and each panel its tab; only the open tab is a tab stop.
        for (const tab of tabs) {
            const panel = root.querySelector(`[role="tabpanel"][data-panel="${tab.dataset.tab}"]`)!;
            expect(tab.getAttribute('aria-controls')).toBe(panel.id);
            expect(panel.getAttribute('aria-labelledby')).toBe(tab.id);
            expect(tab.getAttribute('tabindex')).toBe(tab.dataset.tab === 'history' ? '0' : '-1');
        }
        await expect(element).toBeAccessible();
    });

    it('moves between the tabs with the arrow keys, Home and End, and keeps the panels already opened', async () => {
        const element = render();
        contextAdapter.emit(CONTEXT);
        await flush();
        const root = element.shadowRoot!;
        const list = root.querySelector('[role="tablist"]')!;
        const press = async (key: string): Promise<void> => {
            list.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
            await flush();
        };
        await press('ArrowRight');
        expect(activeTab(element)).toBe('enableUsers');
        expect((root.activeElement as HTMLElement | null)?.dataset.tab).toBe('enableUsers');
        const enable = root.querySelector('c-enable-users');
        expect(enable).not.toBeNull();
        await press('End');
        expect(activeTab(element)).toBe('history');
        expect(root.querySelector('c-history-panel')).not.toBeNull();
        // Enable users stays rendered (the same element, its selection kept), hidden.
        expect(root.querySelector('c-enable-users')).toBe(enable);
        expect(root.querySelector('[data-panel="enableUsers"]')?.classList.contains('slds-hide')).toBe(true);
        await press('Home');
        expect(activeTab(element)).toBe('readiness');
        await press('ArrowLeft');
        expect(activeTab(element)).toBe('history');
        await press('ArrowRight');
        expect(activeTab(element)).toBe('readiness');
        await press('ArrowLeft');
        // Any other key, or an arrow with Alt (the browser's Back), leaves the tab as it is.
        await press('Enter');
        expect(activeTab(element)).toBe('history');
        list.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'ArrowLeft', altKey: true, bubbles: true, cancelable: true }),
        );
        await flush();
        expect(activeTab(element)).toBe('history');
        expect(root.querySelector('c-license-upgrade')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('swaps the arrow keys when the page reads right to left', async () => {
        const element = render();
        contextAdapter.emit(CONTEXT);
        await flush();
        const list = element.shadowRoot!.querySelector('[role="tablist"]')!;
        document.dir = 'rtl';
        try {
            list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true, cancelable: true }));
            await flush();
            expect(activeTab(element)).toBe('enableUsers');
            list.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true }));
            await flush();
            expect(activeTab(element)).toBe('readiness');
        } finally {
            document.dir = '';
        }
    });

    it('outlines the tab that has the focus (SLDS slds-has-focus), and no other', async () => {
        const element = render();
        contextAdapter.emit(CONTEXT);
        await flush();
        const root = element.shadowRoot!;
        const tab = root.querySelector('[role="tab"][data-tab="history"]') as HTMLElement;
        tab.dispatchEvent(new CustomEvent('focus'));
        await flush();
        const focused = () =>
            [...root.querySelectorAll('li.slds-has-focus [role="tab"]')].map(
                (link) => (link as HTMLElement).dataset.tab,
            );
        expect(focused()).toEqual(['history']);
        tab.dispatchEvent(new CustomEvent('blur'));
        await flush();
        expect(focused()).toEqual([]);
    });

    it('keeps the panels already opened when the page state changes, and hands later contacts over', async () => {
        const element = render();
        contextAdapter.emit(CONTEXT);
        await flush();
        const root = element.shadowRoot!;
        await openTab(element, 'userDoctor');
        const doctor = root.querySelector('c-user-doctor-panel');
        expect(doctor).not.toBeNull();
        // The list view button, with the assistant already open on the User doctor.
        (CurrentPageReference as unknown as TestWireAdapter).emit({
            type: 'standard__navItemPage',
            state: { c__contactIds: '003000000000001AAA' },
        });
        await flush();
        expect(activeTab(element)).toBe('enableUsers');
        const enable = root.querySelector('c-enable-users') as unknown as { contactIds: string[] };
        expect(enable.contactIds).toEqual(['003000000000001AAA']);
        expect(root.querySelector('c-user-doctor-panel')).toBe(doctor);
        // A link back to Readiness measures the org again, as a click on its tab does.
        const measured = (getReadinessFacts as jest.Mock).mock.calls.length;
        (CurrentPageReference as unknown as TestWireAdapter).emit({
            type: 'standard__navItemPage',
            state: { c__tab: 'readiness' },
        });
        await flush();
        expect(activeTab(element)).toBe('readiness');
        expect((getReadinessFacts as jest.Mock).mock.calls.length).toBe(measured + 1);
        expect(root.querySelector('c-enable-users')).toBe(enable);
        expect(root.querySelector('c-user-doctor-panel')).toBe(doctor);
    });

    it('opens the User doctor for one user handed over in c__userIds', async () => {
        const element = render();
        contextAdapter.emit(CONTEXT);
        (CurrentPageReference as unknown as TestWireAdapter).emit({
            type: 'standard__navItemPage',
            state: { c__userIds: '005000000000001AAA' },
        });
        await flush();
        expect(activeTab(element)).toBe('userDoctor');
        const doctor = element.shadowRoot?.querySelector('c-user-doctor-panel') as unknown as { userId: string };
        expect(doctor.userId).toBe('005000000000001AAA');
    });

    it('never opens a tab the admin cannot use', async () => {
        const element = render();
        const capabilities = CONTEXT.capabilities.map((capability: Apex.SetupAssistantCapabilities.Capability) => {
            return capability.name === 'HISTORY'
                ? capability
                : { ...capability, available: false, message: 'No access.' };
        });
        contextAdapter.emit({ ...CONTEXT, capabilities });
        (CurrentPageReference as unknown as TestWireAdapter).emit({
            type: 'standard__navItemPage',
            state: { c__tab: 'userDoctor' },
        });
        await flush();
        expect(activeTab(element)).toBe('history');
    });

    it('shows the summary the checklist reports in the header, and keeps the steps while some are open', async () => {
        const element = render();
        contextAdapter.emit(CONTEXT);
        await flush();
        const checklist = element.shadowRoot!.querySelector('c-readiness-checklist')!;
        checklist.dispatchEvent(new CustomEvent('summary', { detail: summary(7, false) }));
        await flush();
        expect(element.shadowRoot!.querySelector('.readiness-summary')?.textContent).toBe(
            formatLabel(SUMMARY_MANY, 8, 7),
        );
        expect(element.shadowRoot!.querySelector('.readiness-collapsed')).toBeNull();
        // The last step done while the admin watches: the steps stay on screen.
        checklist.dispatchEvent(new CustomEvent('summary', { detail: summary(8, true) }));
        await flush();
        expect(element.shadowRoot!.querySelector('.readiness-summary')?.textContent).toBe(
            formatLabel(SUMMARY_MANY, 8, 8),
        );
        expect(element.shadowRoot!.querySelector('.readiness-collapsed')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('collapses the checklist to its summary when every step is already done, and shows the steps on request', async () => {
        const element = render();
        contextAdapter.emit(CONTEXT);
        await flush();
        const checklist = element.shadowRoot!.querySelector('c-readiness-checklist')!;
        checklist.dispatchEvent(new CustomEvent('summary', { detail: summary(8, true) }));
        await flush();
        const collapsed = element.shadowRoot!.querySelector('.readiness-collapsed');
        expect(collapsed?.textContent).toContain(formatLabel(SUMMARY_MANY, 8, 8));
        expect(checklist.parentElement?.classList.contains('slds-hide')).toBe(true);
        await expect(element).toBeAccessible();
        (element.shadowRoot!.querySelector('lightning-button.show-steps') as HTMLElement).click();
        await flush();
        expect(element.shadowRoot!.querySelector('.readiness-collapsed')).toBeNull();
        expect(checklist.parentElement?.classList.contains('slds-hide')).toBe(false);
    });
});

/** The tab on screen: the one selected, and the only panel shown (the others hidden, or not rendered). */
function activeTab(element: HTMLElement): string | undefined {
    const root = element.shadowRoot!;
    const selected = [...root.querySelectorAll('[role="tab"][aria-selected="true"]')] as HTMLElement[];
    const shown = [...root.querySelectorAll('[role="tabpanel"]')].filter((panel) =>
        panel.classList.contains('slds-show'),
    );
    expect(selected).toHaveLength(1);
    expect(shown.map((panel) => (panel as HTMLElement).dataset.panel)).toEqual([selected[0].dataset.tab]);
    return selected[0].dataset.tab;
}

/** Clicks a tab. */
async function openTab(element: HTMLElement, tab: string): Promise<void> {
    (element.shadowRoot!.querySelector(`[role="tab"][data-tab="${tab}"]`) as HTMLElement).click();
    await Promise.resolve();
}

function summary(done: number, ready: boolean) {
    return {
        total: 8,
        counts: { done, 'needs-action': 8 - done, confirm: 0 },
        percentDone: Math.floor((done * 100) / 8),
        ready,
    };
}
