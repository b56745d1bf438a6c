import { createElement } from 'lwc';
import SetupAssistant from 'c/setupAssistant';
import getAssistantContext from '@salesforce/apex/SetupAssistantController.getAssistantContext';
import getJobs from '@salesforce/apex/JobController.getJobs';
import getHistory from '@salesforce/apex/HistoryController.getHistory';
import getReadinessFacts from '@salesforce/apex/ReadinessController.getReadinessFacts';
import { CurrentPageReference } from 'lightning/navigation';
import CONTEXT from './data/SetupAssistantController.getAssistantContext.json';

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
    '@salesforce/apex/HistoryController.getHistory',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true,
    },
);
jest.mock(
    '@salesforce/apex/HistoryController.getHistoryFilterOptions',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    { virtual: true },
);
jest.mock('@salesforce/apex/JobController.getJobs', () => ({ default: jest.fn(() => Promise.resolve([])) }), {
    virtual: true,
});

interface TestWireAdapter {
    emit(value: unknown): void;
}

const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function render(tab: string): Promise<HTMLElement> {
    const element = createElement('c-setup-assistant', { is: SetupAssistant });
    document.body.appendChild(element);
    (getAssistantContext as unknown as TestWireAdapter).emit(CONTEXT);
    (CurrentPageReference as unknown as TestWireAdapter).emit({
        type: 'standard__navItemPage',
        state: { c__tab: tab },
    });
    await flush();
    return element;
}

/** Clicks a tab: its panel is rendered the first time. */
async function openTab(element: HTMLElement, tab: string): Promise<void> {
    (element.shadowRoot!.querySelector(`[role="tab"][data-tab="${tab}"]`) as HTMLElement).click();
    await flush();
}

function selectedTab(element: HTMLElement): string | undefined {
    return (element.shadowRoot!.querySelector('[role="tab"][aria-selected="true"]') as HTMLElement | null)?.dataset.tab;
}

describe('c-setup-assistant: jobs', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows the jobs of each flow under Enable users and License upgrades, c__tab still opening the tab', async () => {
        const element = await render('licenseUpgrades');
        expect(selectedTab(element)).toBe('licenseUpgrades');
        await openTab(element, 'enableUsers');
        const panels = [...element.shadowRoot!.querySelectorAll('c-jobs-panel')] as unknown as Array<
            HTMLElement & { kind: string }
        >;
        expect(panels.map((panel) => panel.kind)).toEqual(['ENABLE_USERS', 'LICENSE_CHANGE']);
        expect(panels[0].closest('section')!.classList.contains('enable-users')).toBe(true);
        expect(panels[1].closest('section')!.classList.contains('license-upgrade')).toBe(true);
        expect(getJobs).toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('refreshes the jobs panels when a panel started a job, and History when a run completed', async () => {
        const element = await render('enableUsers');
        await openTab(element, 'history');
        await openTab(element, 'licenseUpgrades');
        const enable = element.shadowRoot!.querySelector('c-enable-users') as HTMLElement;
        const jobsCalls = (getJobs as jest.Mock).mock.calls.length;
        enable.dispatchEvent(new CustomEvent('jobstarted', { detail: { kind: 'ENABLE_USERS' } }));
        await flush();
        expect((getJobs as jest.Mock).mock.calls.length).toBe(jobsCalls + 2);

        const historyCalls = (getHistory as jest.Mock).mock.calls.length;
        const upgrade = element.shadowRoot!.querySelector('c-license-upgrade') as HTMLElement;
        upgrade.dispatchEvent(new CustomEvent('runcompleted', { detail: { kind: 'licenseChange', userIds: [] } }));
        await flush();
        expect((getHistory as jest.Mock).mock.calls.length).toBe(historyCalls + 1);
    });

    it('tells the other run panel, not the one that ran, that users changed since its Check or Validate', async () => {
        const element = await render('enableUsers');
        await openTab(element, 'licenseUpgrades');
        const enable = element.shadowRoot!.querySelector('c-enable-users') as HTMLElement & { orgChanged(): void };
        const upgrade = element.shadowRoot!.querySelector('c-license-upgrade') as HTMLElement & {
            orgChanged(): void;
        };
        const enableChanged = jest.spyOn(enable, 'orgChanged');
        const upgradeChanged = jest.spyOn(upgrade, 'orgChanged');

        enable.dispatchEvent(new CustomEvent('runcompleted', { detail: { kind: 'enableUsers', userIds: [] } }));
        await flush();
        expect(upgradeChanged).toHaveBeenCalledTimes(1);
        expect(enableChanged).not.toHaveBeenCalled();

        upgrade.dispatchEvent(new CustomEvent('runcompleted', { detail: { kind: 'licenseChange', userIds: [] } }));
        await flush();
        expect(enableChanged).toHaveBeenCalledTimes(1);
        expect(upgradeChanged).toHaveBeenCalledTimes(1);
    });

    it('hands a job resumed in a jobs panel to the panel whose runs start that kind of job', async () => {
        const element = await render('enableUsers');
        await openTab(element, 'licenseUpgrades');
        const [enableJobs, changeJobs] = [...element.shadowRoot!.querySelectorAll('c-jobs-panel')] as HTMLElement[];
        const enable = element.shadowRoot!.querySelector('c-enable-users') as HTMLElement & {
            followResumedJob(jobId: string): boolean;
        };
        const upgrade = element.shadowRoot!.querySelector('c-license-upgrade') as HTMLElement & {
            followResumedJob(jobId: string): boolean;
        };
        const followEnable = jest.spyOn(enable, 'followResumedJob');
        const followUpgrade = jest.spyOn(upgrade, 'followResumedJob');

        enableJobs.dispatchEvent(new CustomEvent('jobresumed', { detail: { jobId: 'a0J1', kind: 'ENABLE_USERS' } }));
        expect(followEnable).toHaveBeenCalledWith('a0J1');
        expect(followUpgrade).not.toHaveBeenCalled();

        changeJobs.dispatchEvent(new CustomEvent('jobresumed', { detail: { jobId: 'a0J2', kind: 'LICENSE_CHANGE' } }));
        expect(followUpgrade).toHaveBeenCalledWith('a0J2');

        // A kind no panel runs is the jobs panel's alone.
        changeJobs.dispatchEvent(new CustomEvent('jobresumed', { detail: { jobId: 'a0J3', kind: 'OTHER' } }));
        expect(followEnable).toHaveBeenCalledTimes(1);
        expect(followUpgrade).toHaveBeenCalledTimes(1);
    });

    it('measures readiness again after a run elsewhere and when the admin comes back to its tab', async () => {
        const element = await render('enableUsers');
        const readinessCalls = (): number => (getReadinessFacts as jest.Mock).mock.calls.length;
        const before = readinessCalls();
        expect(before).toBeGreaterThan(0);

        const enable = element.shadowRoot!.querySelector('c-enable-users') as HTMLElement;
        enable.dispatchEvent(new CustomEvent('runcompleted', { detail: { kind: 'enableUsers', userIds: [] } }));
        await flush();
        expect(readinessCalls()).toBe(before + 1);

        await openTab(element, 'readiness');
        expect(readinessCalls()).toBe(before + 2);
        // Already on Readiness: no second measure.
        await openTab(element, 'readiness');
        expect(readinessCalls()).toBe(before + 2);
    });
});
