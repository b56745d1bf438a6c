import { createElement } from 'lwc';
import LicenseUpgrade, { withFixes } from 'c/licenseUpgrade';
import type { SelectionModel } from 'c/selectionModel';
import getUpgradeTargets from '@salesforce/apex/LicenseUpgradeController.getUpgradeTargets';
import searchUpgradeCandidates from '@salesforce/apex/LicenseUpgradeController.searchUpgradeCandidates';
import getUpgradeFacts from '@salesforce/apex/LicenseUpgradeController.getUpgradeFacts';
import snapshotLicenseChanges from '@salesforce/apex/LicenseUpgradeController.snapshotLicenseChanges';
import applyLicenseChanges from '@salesforce/apex/LicenseUpgradeController.applyLicenseChanges';
import reconcileLicenseChanges from '@salesforce/apex/LicenseUpgradeController.reconcileLicenseChanges';
import enablePartnerAccounts from '@salesforce/apex/LicenseUpgradeController.enablePartnerAccounts';
import cancelLicenseChange from '@salesforce/apex/LicenseUpgradeController.cancelLicenseChange';
import TARGETS from './data/LicenseUpgradeController.getUpgradeTargets.json';
import CANDIDATES from './data/LicenseUpgradeController.searchUpgradeCandidates.json';
import FACTS from './data/LicenseUpgradeController.getUpgradeFacts.json';

jest.mock('@salesforce/apex/LicenseUpgradeController.getUpgradeTargets', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/LicenseUpgradeController.searchUpgradeCandidates', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/LicenseUpgradeController.getUpgradeFacts', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/LicenseUpgradeController.snapshotLicenseChanges', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/LicenseUpgradeController.applyLicenseChanges', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/LicenseUpgradeController.reconcileLicenseChanges', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/LicenseUpgradeController.enablePartnerAccounts', () => ({ default: jest.fn() }), {
    virtual: true,
});
jest.mock('@salesforce/apex/LicenseUpgradeController.cancelLicenseChange', () => ({ default: jest.fn() }), {
    virtual: true,
});

const mocked = (method: unknown): jest.Mock => method as jest.Mock;
type ChangeResult = Apex.LicenseChangeService.ChangeResult;

const CASEY = '005000000000001AAA';
const GALE = '005000000000002AAA';

function changeResult(userId: string, status: string, overrides: Partial<ChangeResult> = {}): ChangeResult {
    return {
        userId,
        status,
        logId: 'a00000000000001AAA',
        profileChanged: false,
        errors: [],
        restored: [],
        removed: [],
        ...overrides,
    };
}

/** Lets every pending promise (the Apex mocks and the re-render) settle. */
function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

function render(): HTMLElement {
    const element = createElement('c-license-upgrade', { is: LicenseUpgrade });
    document.body.appendChild(element);
    return element;
}

/** The panel's own markup, else the run bar's (Run, the fit button, the run-locked line, the job notice). */
const $ = <T extends Element = HTMLElement>(element: HTMLElement, selector: string): T =>
    (element.shadowRoot!.querySelector(selector) ??
        element.shadowRoot!.querySelector('c-run-bar')?.shadowRoot?.querySelector(selector) ??
        null) as T;

function fire(target: Element, name: string, detail: unknown): void {
    target.dispatchEvent(new CustomEvent(name, { detail }));
}

/** The results table and its error panel live in the shared c-run-results. */
function runResults(element: HTMLElement): ShadowRoot {
    return (element.shadowRoot!.querySelector('c-run-results') as HTMLElement).shadowRoot!;
}

/** What the shared c-record-picker inside the panel renders. */
const inPicker = <T extends Element = HTMLElement>(element: HTMLElement, selector: string): T =>
    ($(element, 'c-record-picker').shadowRoot as ShadowRoot).querySelector(selector) as T;

async function searchSelectAndValidate(element: HTMLElement): Promise<void> {
    fire($(element, 'lightning-combobox.license-filter'), 'change', { value: 'Customer Community' });
    fire(inPicker(element, 'lightning-input.search-term'), 'change', { value: 'a' });
    inPicker(element, 'lightning-button.search').click();
    await flush();
    fire(inPicker(element, 'lightning-datatable'), 'rowselection', { selectedRows: CANDIDATES });
    fire($(element, 'lightning-combobox.target'), 'change', { value: TARGETS[0].profileId });
    await flush();
    $(element, 'lightning-button.validate').click();
    await flush();
}

/** Casey's change runs through: snapshot, applied with the profile changed, completed. */
function mockCaseyChanged(): void {
    mocked(snapshotLicenseChanges).mockResolvedValue([changeResult(CASEY, 'Snapshot')]);
    mocked(applyLicenseChanges).mockResolvedValue([changeResult(CASEY, 'Applied', { profileChanged: true })]);
    mocked(reconcileLicenseChanges).mockResolvedValue([changeResult(CASEY, 'Completed', { profileChanged: true })]);
}

describe('c-license-upgrade', () => {
    beforeEach(() => {
        mocked(getUpgradeTargets).mockResolvedValue(TARGETS);
        mocked(searchUpgradeCandidates).mockResolvedValue(CANDIDATES);
        mocked(getUpgradeFacts).mockResolvedValue(FACTS);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('offers the target profiles with their license and seats', async () => {
        const element = render();
        await flush();
        const options = ($(element, 'lightning-combobox.target') as unknown as { options: { label: string }[] })
            .options;
        expect(options.map((option) => option.label)).toEqual([
            'Customer Community Plus User - Contracts (Customer Community Plus, seats left: 5)',
            'Partner Community User (Partner Community, seats left: 3)',
        ]);
        expect(($(element, 'lightning-button.validate') as unknown as { disabled: boolean }).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('narrows the profiles to the chosen target license, and drops a profile no longer offered', async () => {
        const element = render();
        await flush();
        const licenses = (
            $(element, 'lightning-combobox.target-license') as unknown as { options: { value: string }[] }
        ).options;
        expect(licenses.map((option) => option.value)).toEqual(['', 'Customer Community Plus', 'Partner Community']);
        fire($(element, 'lightning-combobox.target'), 'change', { value: TARGETS[0].profileId });
        fire($(element, 'lightning-combobox.target-license'), 'change', { value: 'Partner Community' });
        await flush();
        const target = $(element, 'lightning-combobox.target') as unknown as {
            options: { value: string }[];
            value: string;
        };
        expect(target.options.map((option) => option.value)).toEqual([TARGETS[1].profileId]);
        expect(target.value).toBe('');
    });

    it('searches by license and term, and says when nothing matches', async () => {
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        expect(searchUpgradeCandidates).toHaveBeenCalledWith({
            licenseName: 'Customer Community',
            searchTerm: 'a',
            afterName: null,
            afterId: null,
        });

        mocked(searchUpgradeCandidates).mockResolvedValue([]);
        inPicker(element, 'lightning-button.search').click();
        await flush();
        expect(inPicker(element, '.no-results')).not.toBeNull();
        expect(inPicker(element, 'lightning-datatable')).toBeNull();
        // The selection survives the search that found nothing.
        expect(inPicker(element, '.selected-count').textContent).toBe(`${CANDIDATES.length} users selected`);
    });

    // Admin walk: Validate disables its button while it works and the browser dropped the focus to
    // the page's body: it lands on the verdicts' heading (only when it was lost).
    it('lands the focus on the verdicts after Validate when its button lost it', async () => {
        const element = render();
        await flush();
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        await searchSelectAndValidate(element);
        await flush();
        const heading = $(element, 'h2.verdicts-heading');
        expect(heading.getAttribute('tabindex')).toBe('-1');
        expect(focus.mock.contexts).toContain(heading);
        focus.mockRestore();
    });

    it('validates the selection and shows each verdict, with the steps for a non-profile path', async () => {
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        expect(getUpgradeFacts).toHaveBeenCalledWith({ userIds: [CASEY, GALE], targetProfileId: TARGETS[0].profileId });
        const verdicts = element.shadowRoot!.querySelectorAll('c-upgrade-verdict');
        expect(verdicts).toHaveLength(2);
        const [casey, gale] = Array.from(verdicts).map(
            (node) =>
                (
                    node as unknown as {
                        row: {
                            pathLabel: string;
                            requiresAcknowledgement: boolean;
                            steps: unknown[];
                            canChange: boolean;
                        };
                    }
                ).row,
        );
        expect(casey.pathLabel).toBe('Profile change');
        expect(casey.requiresAcknowledgement).toBe(true);
        expect(gale.pathLabel).toBe('Disable and re-enable as customer');
        expect(gale.canChange).toBe(false);
        expect(gale.steps.length).toBeGreaterThanOrEqual(3);
        expect($(element, '.ready-count').textContent).toBe('0 of 2 users can be changed now.');
        expect(($(element, 'lightning-button.run') as unknown as { disabled: boolean }).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('ticks "Acknowledge all" only while every change that asks for it is acknowledged', async () => {
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        const all = (): { checked: boolean } =>
            $(element, 'lightning-input.acknowledge-all') as unknown as { checked: boolean };
        expect(all().checked).toBe(false);
        // Casey's own acknowledgement is the only one asked for: the box follows it.
        fire($(element, 'c-upgrade-verdict'), 'acknowledge', { userId: CASEY, checked: true });
        await flush();
        expect(all().checked).toBe(true);
        fire($(element, 'c-upgrade-verdict'), 'acknowledge', { userId: CASEY, checked: false });
        await flush();
        expect(all().checked).toBe(false);
        expect($(element, '.ready-count').textContent).toBe('0 of 2 users can be changed now.');
        fire($(element, 'lightning-input.acknowledge-all'), 'change', { checked: true });
        await flush();
        expect(all().checked).toBe(true);
        expect($(element, '.ready-count').textContent).toBe('1 of 2 users can be changed now.');
        // Validated again: every acknowledgement is asked for again, and the box says so.
        $(element, 'lightning-button.validate').click();
        await flush();
        await flush();
        expect(all().checked).toBe(false);
    });

    it('runs the three steps for acknowledged users only and shows the results', async () => {
        mocked(snapshotLicenseChanges).mockResolvedValue([changeResult(CASEY, 'Snapshot')]);
        mocked(applyLicenseChanges).mockResolvedValue([changeResult(CASEY, 'Applied', { profileChanged: true })]);
        mocked(reconcileLicenseChanges).mockResolvedValue([
            changeResult(CASEY, 'Completed', { profileChanged: true, restored: ['0PS000000000001AAA'] }),
        ]);
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        fire($(element, 'c-upgrade-verdict'), 'acknowledge', { userId: CASEY, checked: true });
        await flush();
        expect($(element, '.ready-count').textContent).toBe('1 of 2 users can be changed now.');
        $(element, 'lightning-button.run').click();
        await flush();
        await flush();

        const request = mocked(snapshotLicenseChanges).mock.calls[0][0].request;
        expect(request.targetProfileId).toBe(TARGETS[0].profileId);
        expect(request.users).toEqual([
            expect.objectContaining({
                userId: CASEY,
                acknowledgedIrreversible: true,
                permissionSetIds: ['0PS000000000001AAA'],
            }),
        ]);
        expect(request.users[0]).not.toHaveProperty('path');
        expect(applyLicenseChanges).toHaveBeenCalledWith({
            logIds: ['a00000000000001AAA'],
            targetProfileId: TARGETS[0].profileId,
        });
        expect(reconcileLicenseChanges).toHaveBeenCalledWith({
            outcomes: [expect.objectContaining({ userId: CASEY, status: 'Applied' })],
            targetProfileId: TARGETS[0].profileId,
        });
        const table = runResults(element).querySelector('lightning-datatable') as unknown as {
            data: { name: string; status: string }[];
        };
        expect(table.data).toEqual([expect.objectContaining({ name: 'Casey Customer', status: 'Done' })]);
        expect($(element, 'lightning-button.retry')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('holds Run and "Change … that fit" after a run elsewhere in the assistant, until the next Validate (admin walk)', async () => {
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        fire($(element, 'c-upgrade-verdict'), 'acknowledge', { userId: CASEY, checked: true });
        await flush();
        const run = (): { disabled: boolean } => $(element, 'lightning-button.run') as unknown as { disabled: boolean };
        expect(run().disabled).toBe(false);
        expect($(element, '.org-changed-run')).toBeNull();
        // The shell: Enable users created users (their seats are gone from this plan's count).
        (element as unknown as { orgChanged: () => void }).orgChanged();
        await flush();
        expect(run().disabled).toBe(true);
        expect($(element, 'lightning-button.run-fit')).toBeNull();
        expect($(element, '.org-changed-run').textContent?.trim()).toBe(
            'Users were enabled or licenses changed elsewhere in the assistant since you validated: the seats and verdicts shown may be out of date. Validate again before you change licenses.',
        );
        $(element, 'lightning-button.validate').click();
        await flush();
        await flush();
        fire($(element, 'c-upgrade-verdict'), 'acknowledge', { userId: CASEY, checked: true });
        await flush();
        expect($(element, '.org-changed-run')).toBeNull();
        expect(run().disabled).toBe(false);
    });

    it('ignores a run elsewhere before any Validate: there is no plan to hold', async () => {
        const element = render();
        await flush();
        (element as unknown as { orgChanged: () => void }).orgChanged();
        await searchSelectAndValidate(element);
        expect($(element, '.org-changed-run')).toBeNull();
    });

    it('explains a seat refusal of the platform with its fix, naming the target license', async () => {
        mocked(snapshotLicenseChanges).mockResolvedValue([changeResult(CASEY, 'Snapshot')]);
        mocked(applyLicenseChanges).mockResolvedValue([
            changeResult(CASEY, 'Snapshot', { errors: ['LICENSE_LIMIT_EXCEEDED: License Limit Exceeded'] }),
        ]);
        mocked(reconcileLicenseChanges).mockResolvedValue([
            changeResult(CASEY, 'Snapshot', { errors: ['LICENSE_LIMIT_EXCEEDED: License Limit Exceeded'] }),
        ]);
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        fire($(element, 'c-upgrade-verdict'), 'acknowledge', { userId: CASEY, checked: true });
        await flush();
        $(element, 'lightning-button.run').click();
        await flush();
        await flush();
        const table = runResults(element).querySelector('lightning-datatable') as unknown as {
            data: { errors: string }[];
        };
        expect(table.data[0].errors).toContain('LICENSE_LIMIT_EXCEEDED: License Limit Exceeded');
        expect(table.data[0].errors).toContain(`No ${FACTS.target.licenseName} license is left.`);
    });

    it('names no license for a seat refusal once the profile changed (another license refused it)', () => {
        const lines = withFixes(['LICENSE_LIMIT_EXCEEDED: License Limit Exceeded'], 'Customer Community Plus', true);
        expect(lines[1]).toMatch(/^No license of the kind this user needs is left\./);
        expect(withFixes(['FIELD_CUSTOM_VALIDATION_EXCEPTION: no'], 'Customer Community Plus')).toEqual([
            'FIELD_CUSTOM_VALIDATION_EXCEPTION: no',
        ]);
    });

    it('reads the target profiles again after a run: their seats left changed, grouped as the seat line writes them', async () => {
        mockCaseyChanged();
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        fire($(element, 'c-upgrade-verdict'), 'acknowledge', { userId: CASEY, checked: true });
        await flush();
        expect(getUpgradeTargets).toHaveBeenCalledTimes(1);
        mocked(getUpgradeTargets).mockResolvedValue(
            TARGETS.map((target, index) => (index === 0 ? { ...target, seatsAvailable: 11999 } : target)),
        );
        $(element, 'lightning-button.run').click();
        await flush();
        await flush();
        await flush();
        expect(getUpgradeTargets).toHaveBeenCalledTimes(2);
        const options = ($(element, 'lightning-combobox.target') as unknown as { options: { label: string }[] })
            .options;
        expect(options[0].label).toBe(`${TARGETS[0].profileName} (${TARGETS[0].licenseName}, seats left: 11,999)`);
    });

    it('drops the validated seat shortage once a run took the seats that fit (the seat line counts them)', async () => {
        // Two users who can change and one seat: "Change the one that fits".
        const second = { ...FACTS.users[0], id: GALE, name: 'Casey Two', contactId: '003000000000002AAA' };
        mocked(getUpgradeFacts).mockResolvedValue({
            ...FACTS,
            target: { ...FACTS.target, seatsAvailable: 1 },
            users: [FACTS.users[0], second],
        });
        mockCaseyChanged();
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        for (const userId of [CASEY, GALE]) {
            for (const verdict of element.shadowRoot!.querySelectorAll('c-upgrade-verdict')) {
                fire(verdict, 'acknowledge', { userId, checked: true });
            }
        }
        await flush();
        const blockers = (): string[] =>
            [...element.shadowRoot!.querySelectorAll('.selection-blocker')].map((line) => line.textContent ?? '');
        expect(blockers().join(' ')).toMatch(/seat|left/i);
        const fit = $(element, 'lightning-button.run-fit') as HTMLElement | null;
        expect(fit).not.toBeNull();
        fit!.click();
        await flush();
        await flush();
        expect(snapshotLicenseChanges).toHaveBeenCalledTimes(1);
        expect(blockers().join(' ')).not.toMatch(/seat|left/i);
        expect($(element, '.seat-line').textContent).toMatch(/0 seats left|no seat/i);
    });

    it('counts every validated user in the summary after "Change the one that fits": the changed, the ones left out for lack of seats, the blocked', async () => {
        // Six users who could change and one seat, and Gale (Gold Partner) whose own verdict blocks her.
        const [casey, gale] = FACTS.users;
        const others = [2, 3, 4, 5, 6].map((n) => ({
            ...casey,
            id: `00500000000001${n}AAA`,
            name: `Casey ${n}`,
            contactId: `00300000000001${n}AAA`,
        }));
        mocked(getUpgradeFacts).mockResolvedValue({
            ...FACTS,
            target: { ...FACTS.target, seatsAvailable: 1 },
            users: [casey, ...others, gale],
        });
        mockCaseyChanged();
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        for (const userId of [CASEY, ...others.map((user) => user.id)]) {
            fire(element.shadowRoot!.querySelector('c-upgrade-verdict')!, 'acknowledge', { userId, checked: true });
        }
        await flush();
        ($(element, 'lightning-button.run-fit') as HTMLElement).click();
        await flush();
        await flush();
        expect(snapshotLicenseChanges).toHaveBeenCalledTimes(1);
        expect(runResults(element).querySelector('.run-summary')!.textContent).toBe(
            '1 changed · 5 not changed: not enough seats · 1 not changed: blocked by their verdict',
        );
        // The rows say the same: the five left out are Not run (not a Problem with no reason shown).
        const statuses = [...element.shadowRoot!.querySelectorAll('c-upgrade-verdict')].map(
            (verdict) => (verdict as unknown as { row: { userId: string; status: string } }).row,
        );
        expect(statuses.map((row) => row.status)).toEqual([
            'done',
            'notRun',
            'notRun',
            'notRun',
            'notRun',
            'notRun',
            'problem',
        ]);
        await expect(element).toBeAccessible();
    });

    it('runs a change to a role-based target in chunks of the role-based insert chunk size', async () => {
        const [casey] = FACTS.users;
        const second = { ...casey, id: '005000000000003AAA', name: 'Cody Customer', contactId: '003000000000003AAA' };
        mocked(getUpgradeFacts).mockResolvedValue({ ...FACTS, users: [casey, second], roleBasedInsertChunkSize: 1 });
        mocked(snapshotLicenseChanges).mockImplementation(({ request }) =>
            Promise.resolve(
                request.users.map((item: { userId: string }) =>
                    changeResult(item.userId, 'Snapshot', { logId: `a00${item.userId.slice(3)}` }),
                ),
            ),
        );
        mocked(applyLicenseChanges).mockImplementation(({ logIds }) =>
            Promise.resolve(logIds.map((logId: string) => changeResult(CASEY, 'Applied', { logId }))),
        );
        mocked(reconcileLicenseChanges).mockImplementation(({ outcomes }) =>
            Promise.resolve(outcomes.map((outcome: ChangeResult) => ({ ...outcome, status: 'Completed' }))),
        );
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        for (const verdict of Array.from(element.shadowRoot?.querySelectorAll('c-upgrade-verdict') ?? [])) {
            fire(verdict, 'acknowledge', {
                userId: (verdict as unknown as { row: { userId: string } }).row.userId,
                checked: true,
            });
        }
        await flush();
        $(element, 'lightning-button.run').click();
        // Two chunks of three steps each.
        await flush();
        await flush();
        await flush();
        await flush();
        await flush();
        await flush();
        // Customer Community Plus takes roles: one user a call, as the setting says (Apex refuses more).
        expect(snapshotLicenseChanges).toHaveBeenCalledTimes(2);
        expect(mocked(applyLicenseChanges).mock.calls.map(([call]) => call.logIds.length)).toEqual([1, 1]);
    });

    it('offers a retry when a change is left half done, and finishes it', async () => {
        mocked(snapshotLicenseChanges).mockResolvedValue([changeResult(CASEY, 'Snapshot')]);
        mocked(applyLicenseChanges).mockResolvedValue([
            changeResult(CASEY, 'Applied', { errors: ['UNKNOWN_EXCEPTION: lock'] }),
        ]);
        mocked(reconcileLicenseChanges).mockResolvedValueOnce([
            changeResult(CASEY, 'Applied', { profileChanged: true, errors: ['UNKNOWN_EXCEPTION: lock'] }),
        ]);
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        fire($(element, 'lightning-input.acknowledge-all'), 'change', { checked: true });
        await flush();
        $(element, 'lightning-button.run').click();
        await flush();
        await flush();
        expect(runResults(element).querySelector('c-error-panel')).not.toBeNull();
        mocked(reconcileLicenseChanges).mockResolvedValueOnce([
            changeResult(CASEY, 'Completed', { profileChanged: true }),
        ]);
        $(element, 'lightning-button.retry').click();
        await flush();
        await flush();
        expect(applyLicenseChanges).toHaveBeenCalledTimes(2);
        const table = runResults(element).querySelector('lightning-datatable') as unknown as {
            data: { status: string }[];
        };
        expect(table.data[0].status).toBe('Done');
        expect($(element, 'lightning-button.retry')).toBeNull();
        expect($(element, 'lightning-button.cancel')).toBeNull();
    });

    it('cancels a change left half done, and the unfinished change that refused a user', async () => {
        const blocked = changeResult(GALE, 'Refused', {
            logId: 'a00000000000009AAA',
            code: 'UNFINISHED_CHANGE',
            errors: ['UNFINISHED_CHANGE: Unfinished change to Partner Community User: finish or cancel it.'],
        });
        mocked(snapshotLicenseChanges).mockResolvedValue([changeResult(CASEY, 'Snapshot'), blocked]);
        mocked(applyLicenseChanges).mockResolvedValue([
            changeResult(CASEY, 'Snapshot', { errors: ['UNKNOWN_EXCEPTION: lock'] }),
        ]);
        mocked(reconcileLicenseChanges).mockResolvedValue([
            changeResult(CASEY, 'Snapshot', { errors: ['UNKNOWN_EXCEPTION: lock'] }),
        ]);
        mocked(cancelLicenseChange).mockImplementation(({ logId }: { logId: string }) =>
            Promise.resolve(changeResult(logId === 'a00000000000009AAA' ? GALE : CASEY, 'Cancelled', { logId })),
        );
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        fire($(element, 'lightning-input.acknowledge-all'), 'change', { checked: true });
        await flush();
        $(element, 'lightning-button.run').click();
        await flush();
        await flush();
        const cancel = $(element, 'lightning-button.cancel') as unknown as { label: string } & HTMLElement;
        expect(cancel).not.toBeNull();
        expect($(element, 'lightning-button.retry')).not.toBeNull();
        await expect(element).toBeAccessible();
        cancel.click();
        await flush();
        await flush();
        expect(mocked(cancelLicenseChange).mock.calls.map(([args]) => args)).toEqual([
            { logId: 'a00000000000001AAA' },
            { logId: 'a00000000000009AAA' },
        ]);
        const table = runResults(element).querySelector('lightning-datatable') as unknown as {
            data: { status: string }[];
        };
        expect(table.data.map((row) => row.status)).toEqual(['Cancelled', 'Cancelled']);
        expect($(element, 'lightning-button.cancel')).toBeNull();
        expect($(element, 'lightning-button.retry')).toBeNull();
        expect($(element, '.notice')).not.toBeNull();
    });

    it('shows a cancel the server refuses, and keeps the row', async () => {
        mocked(snapshotLicenseChanges).mockResolvedValue([
            changeResult(CASEY, 'Refused', { logId: 'a00000000000009AAA', code: 'UNFINISHED_CHANGE' }),
        ]);
        mocked(cancelLicenseChange).mockRejectedValue({
            body: { message: 'LOG_NOT_OWNED: The change LOG-0000009 was started by another admin.' },
        });
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        fire($(element, 'lightning-input.acknowledge-all'), 'change', { checked: true });
        await flush();
        $(element, 'lightning-button.run').click();
        await flush();
        await flush();
        ($(element, 'lightning-button.cancel') as HTMLElement).click();
        await flush();
        await flush();
        expect(runResults(element).querySelector('c-error-panel')).not.toBeNull();
        const table = runResults(element).querySelector('lightning-datatable') as unknown as {
            data: { status: string }[];
        };
        expect(table.data.map((row) => row.status)).toEqual(['Refused']);
    });

    it('gives every user of a failed chunk the error, and shows load errors in the panel', async () => {
        mocked(snapshotLicenseChanges).mockRejectedValue({ body: { message: 'Insufficient access' } });
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        fire($(element, 'c-upgrade-verdict'), 'acknowledge', { userId: CASEY, checked: true });
        await flush();
        $(element, 'lightning-button.run').click();
        await flush();
        const table = runResults(element).querySelector('lightning-datatable') as unknown as {
            data: { status: string; errors: string }[];
        };
        expect(table.data).toEqual([expect.objectContaining({ status: 'Failed', errors: 'Insufficient access' })]);

        mocked(getUpgradeFacts).mockRejectedValue({ body: { message: 'Choose between 1 and 200 users at a time.' } });
        $(element, 'lightning-button.validate').click();
        await flush();
        expect($(element, 'c-error-panel')).not.toBeNull();
        expect(element.shadowRoot!.querySelectorAll('c-upgrade-verdict')).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('enables a partner account when the admin asks, then asks to validate again', async () => {
        mocked(getUpgradeFacts).mockResolvedValue({
            ...FACTS,
            target: { ...FACTS.target, licenseName: 'Partner Community' },
        });
        mocked(enablePartnerAccounts).mockResolvedValue({});
        mocked(snapshotLicenseChanges).mockResolvedValue([changeResult(CASEY, 'Snapshot')]);
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        const casey = $(element, 'c-upgrade-verdict') as unknown as { row: { partnerAccountId?: string } } & Element;
        expect(casey.row.partnerAccountId).toBe('001000000000001AAA');
        fire(casey, 'acknowledge', { userId: CASEY, checked: true });
        await flush();
        fire(casey, 'enablepartner', { accountId: '001000000000001AAA' });
        await flush();
        await flush();
        // Apex enables only accounts of users in an open change: the account's user is snapshotted first.
        const request = mocked(snapshotLicenseChanges).mock.calls[0][0].request;
        expect(request.users).toEqual([expect.objectContaining({ userId: CASEY, acknowledgedIrreversible: true })]);
        expect(enablePartnerAccounts).toHaveBeenCalledWith({ accountIds: ['001000000000001AAA'] });
        expect($(element, '.notice').textContent).toContain('partner account');
    });

    it('does not ask Apex to enable a partner account when the snapshot of its user is refused', async () => {
        mocked(getUpgradeFacts).mockResolvedValue({
            ...FACTS,
            target: { ...FACTS.target, licenseName: 'Partner Community' },
        });
        mocked(snapshotLicenseChanges).mockResolvedValue([
            changeResult(CASEY, 'Refused', { logId: null, errors: ['ACKNOWLEDGEMENT_REQUIRED: acknowledge first'] }),
        ]);
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        fire($(element, 'c-upgrade-verdict'), 'enablepartner', { accountId: '001000000000001AAA' });
        await flush();
        await flush();
        expect(enablePartnerAccounts).not.toHaveBeenCalled();
        const panel = $(element, 'c-error-panel') as unknown as { errors: unknown } | null;
        expect(panel).not.toBeNull();
        expect(JSON.stringify(panel?.errors)).toContain('acknowledge first');
    });

    it('lets the admin choose a role and finish the Contracts setup, and sends both to Apex', async () => {
        const [casey, ...others] = FACTS.users;
        mocked(getUpgradeFacts).mockResolvedValue({
            ...FACTS,
            target: {
                ...FACTS.target,
                apiEnabled: false,
                contractsPermissionSets: [
                    {
                        id: '0PS00000000000DAAA',
                        name: 'DocGenRuntimeCommunityUser',
                        label: 'DocGen Run-time Community User',
                    },
                ],
            },
            users: [
                {
                    ...casey,
                    accountRoles: [
                        { id: '00E000000000011AAA', name: 'Customer Acme Executive', portalType: 'CustomerPortal' },
                        { id: '00E000000000012AAA', name: 'Customer Acme User', portalType: 'CustomerPortal' },
                        { id: '00E000000000021AAA', name: 'Partner Acme User', portalType: 'Partner' },
                    ],
                },
                ...others,
            ],
        });
        mocked(snapshotLicenseChanges).mockResolvedValue([changeResult(CASEY, 'Refused', { logId: null })]);
        const element = render();
        await flush();
        await searchSelectAndValidate(element);
        const option = $(element, 'lightning-input.contracts-setup') as unknown as { checked: boolean } & HTMLElement;
        expect(option.checked).toBe(true);
        type Row = {
            roleOptions: { value: string }[];
            chosenRoleId: string;
            actions: unknown[];
            warnings: { text: string }[];
        };
        const row = (): Row => ($(element, 'c-upgrade-verdict') as unknown as { row: Row }).row;
        // Only the customer roles of the account, after Salesforce's default.
        expect(row().roleOptions.map((choice) => choice.value)).toEqual([
            '',
            '00E000000000011AAA',
            '00E000000000012AAA',
        ]);
        expect(
            row()
                .warnings.map((line) => line.text)
                .join(' '),
        ).toContain('API Enabled');
        const actionsWithContracts = row().actions.length;
        await expect(element).toBeAccessible();

        fire($(element, 'c-upgrade-verdict'), 'rolechange', { userId: CASEY, roleId: '00E000000000011AAA' });
        fire(option, 'change', { checked: false });
        await flush();
        expect(row().chosenRoleId).toBe('00E000000000011AAA');
        expect(row().actions.length).toBeLessThan(actionsWithContracts);

        fire($(element, 'c-upgrade-verdict'), 'acknowledge', { userId: CASEY, checked: true });
        await flush();
        $(element, 'lightning-button.run').click();
        await flush();
        const request = mocked(snapshotLicenseChanges).mock.calls[0][0].request;
        expect(request.completeContractsSetup).toBe(false);
        expect(request.users).toEqual([expect.objectContaining({ userId: CASEY, roleId: '00E000000000011AAA' })]);
        await expect(element).toBeAccessible();
    });
});

/**
 * The verdicts follow the picker's selection, as the plan of Enable users does (admin walk: five
 * users validated, three irreversible changes acknowledged, one pill removed, and every verdict and
 * acknowledgement was gone): a user taken out leaves the verdicts and the counts, the others keep
 * theirs, a user added waits for the next Validate and holds Run, a user selected again comes back
 * with its acknowledgement, and ids compare on their first 15 characters.
 */
describe('c-license-upgrade: the verdicts follow the selection', () => {
    type ChangeRequest = Apex.LicenseChangeService.ChangeRequest;
    type UserOption = Apex.LicenseUpgradeService.UserOption;
    type Picker = HTMLElement & { selection: SelectionModel<UserOption> };

    const caseyId = (n: number): string => `0050000000002${String(n).padStart(2, '0')}AAA`;

    /** The picker's row of a Customer Community user (to Customer Community Plus: an acknowledgement). */
    const option = (n: number): UserOption => ({
        ...CANDIDATES[0],
        id: caseyId(n),
        name: `Casey ${n}`,
        username: `casey${n}@acme.example`,
    });
    const FIVE = [1, 2, 3, 4, 5].map(option);
    /** The five verdicts as `validated` leaves them: the first three acknowledged. */
    const AS_ACKNOWLEDGED = [1, 2, 3, 4, 5].map((n): [string, boolean] => [caseyId(n), n <= 3]);

    /** Facts of the users asked, answered with 18-character ids as Apex does (whatever length was asked). */
    function mockFacts(seatsAvailable: number): void {
        mocked(getUpgradeFacts).mockImplementation(({ userIds }: { userIds: string[] }) =>
            Promise.resolve({
                ...FACTS,
                target: { ...FACTS.target, seatsAvailable },
                users: userIds.map((id) => ({ ...FACTS.users[0], id: caseyId(Number(id.slice(13, 15))) })),
            }),
        );
    }

    const picker = (element: HTMLElement): Picker => $<Picker>(element, 'c-record-picker');
    const text = (node: Element | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const isDisabled = (node: Element | null): boolean =>
        (node as unknown as { disabled?: boolean })?.disabled === true;

    /** The verdicts shown: user id, whether acknowledged, status text. */
    function verdicts(element: HTMLElement): { id: string; acknowledged: boolean; status: string }[] {
        return [...element.shadowRoot!.querySelectorAll<HTMLElement>('[data-verdict-id]')].map((card) => ({
            id: card.dataset.verdictId ?? '',
            acknowledged: (card.querySelector('c-upgrade-verdict') as unknown as { row: { acknowledged: boolean } }).row
                .acknowledged,
            status: text(card.querySelector('.status-text')),
        }));
    }
    const acknowledgements = (element: HTMLElement): Array<[string, boolean]> =>
        verdicts(element).map((verdict) => [verdict.id, verdict.acknowledged]);

    /** Ticks the "irreversible" acknowledgement of each user's verdict, as the admin does. */
    async function acknowledge(element: HTMLElement, ...ns: number[]): Promise<void> {
        for (const n of ns) {
            const card = element.shadowRoot!.querySelector(`[data-verdict-id="${caseyId(n)}"]`)!;
            const verdict = card.querySelector('c-upgrade-verdict') as HTMLElement;
            fire(verdict.shadowRoot!.querySelector('lightning-input.acknowledge')!, 'change', { checked: true });
            // eslint-disable-next-line no-await-in-loop
            await flush();
        }
    }

    /** Removes a user's pill from the picker's selected list. */
    async function removePill(element: HTMLElement, id: string): Promise<void> {
        inPicker(element, `lightning-button-icon.remove-selected[data-id="${id}"]`).click();
        await flush();
    }

    /** Ticks rows of the results (the page's others unticked), shown again first when the verdicts folded them. */
    async function tick(element: HTMLElement, rows: UserOption[]): Promise<void> {
        inPicker(element, 'lightning-button.show-results')?.click();
        await flush();
        fire(inPicker(element, 'lightning-datatable'), 'rowselection', { selectedRows: rows });
        await flush();
    }

    async function clickValidate(element: HTMLElement): Promise<void> {
        $(element, 'lightning-button.validate').click();
        await flush();
        await flush();
    }

    /** Search (finding `found`), tick the first five, the Contracts target, Validate, acknowledge users 1 to `acknowledged`. */
    async function validated(found: UserOption[], seatsAvailable = 10, acknowledged = 3): Promise<HTMLElement> {
        mocked(searchUpgradeCandidates).mockResolvedValue(found);
        mockFacts(seatsAvailable);
        const element = render();
        await flush();
        inPicker(element, 'lightning-button.search').click();
        await flush();
        await tick(element, FIVE);
        fire($(element, 'lightning-combobox.target'), 'change', { value: TARGETS[0].profileId });
        await flush();
        await clickValidate(element);
        await acknowledge(element, ...[1, 2, 3, 4, 5].slice(0, acknowledged));
        return element;
    }

    beforeEach(() => {
        mocked(getUpgradeTargets).mockResolvedValue(TARGETS);
        // Each log id names its user, so that apply and reconcile answer for the users sent.
        mocked(snapshotLicenseChanges).mockImplementation(({ request }: { request: ChangeRequest }) =>
            Promise.resolve(
                request.users.map((item) => changeResult(item.userId, 'Snapshot', { logId: `L${item.userId}` })),
            ),
        );
        mocked(applyLicenseChanges).mockImplementation(({ logIds }: { logIds: string[] }) =>
            Promise.resolve(logIds.map((logId) => ({ logId, status: 'Applied', errors: [] }))),
        );
        mocked(reconcileLicenseChanges).mockImplementation(({ outcomes }: { outcomes: { logId: string }[] }) =>
            Promise.resolve(
                outcomes.map(({ logId }) => changeResult(logId.slice(1), 'Completed', { logId, profileChanged: true })),
            ),
        );
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('takes a removed user out of the verdicts and the counts; the others keep their verdict and acknowledgement', async () => {
        const element = await validated(FIVE);
        expect(text($(element, '.ready-count'))).toBe('3 of 5 users can be changed now.');

        await removePill(element, caseyId(2));

        expect(acknowledgements(element)).toEqual([
            [caseyId(1), true],
            [caseyId(3), true],
            [caseyId(4), false],
            [caseyId(5), false],
        ]);
        expect(verdicts(element)[0].status).toBe('Ready');
        expect(text($(element, '.ready-count'))).toBe('2 of 4 users can be changed now.');
        expect(isDisabled($(element, 'lightning-button.run'))).toBe(false);
        expect($(element, '.unchecked-run')).toBeNull();
        // Nothing was read again, and the removed user is never run.
        expect(getUpgradeFacts).toHaveBeenCalledTimes(1);
        $(element, 'lightning-button.run').click();
        await flush();
        await flush();
        const request = mocked(snapshotLicenseChanges).mock.calls[0][0].request as ChangeRequest;
        expect(request.users.map((item) => item.userId)).toEqual([caseyId(1), caseyId(3)]);
        await expect(element).toBeAccessible();
    });

    it('counts the seats again: a removal that brings the selection within the seats left ends the shortage and "the N that fit"', async () => {
        const element = await validated(FIVE, 4, 5);
        expect(text($(element, '.selection-blocker'))).toBe(
            'The selection needs 5 Customer Community Plus licenses and 4 are left. Buy licenses or choose fewer users.',
        );
        expect(text($(element, '.ready-count'))).toBe(
            '0 of 5 users can be changed together with the seats left; 4 fit.',
        );
        expect($(element, 'lightning-button.run-fit')).not.toBeNull();

        await removePill(element, caseyId(5));

        expect($(element, '.selection-blocker')).toBeNull();
        expect(text($(element, '.ready-count'))).toBe('4 of 4 users can be changed now.');
        expect($(element, 'lightning-button.run-fit')).toBeNull();
        expect(isDisabled($(element, 'lightning-button.run'))).toBe(false);
    });

    it('holds Run with a message for a user added after Validate, until the next Validate judges it', async () => {
        const six = [...FIVE, option(6)];
        const element = await validated(six);

        await tick(element, six);

        // The verdicts and acknowledgements stay; the new user has none yet, and Run waits.
        expect(acknowledgements(element)).toEqual(AS_ACKNOWLEDGED);
        expect(text($(element, '.ready-count'))).toBe('3 of 5 users can be changed now.');
        expect(text($(element, '.unchecked-run'))).toBe(
            '1 user selected since Validate has no verdict yet: Validate again to include it before you run.',
        );
        expect(isDisabled($(element, 'lightning-button.run'))).toBe(true);
        $(element, 'lightning-button.run').click();
        await flush();
        expect(snapshotLicenseChanges).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();

        await clickValidate(element);
        expect(mocked(getUpgradeFacts).mock.calls[1][0].userIds).toEqual(six.map((row) => row.id));
        expect(verdicts(element)).toHaveLength(6);
        expect($(element, '.unchecked-run')).toBeNull();
    });

    it('counts the users added since Validate in the message, and holds "Change … that fit" too', async () => {
        const seven = [...FIVE, option(6), option(7)];
        const element = await validated(seven, 3, 5);
        expect($(element, 'lightning-button.run-fit')).not.toBeNull();

        await tick(element, seven);

        expect(text($(element, '.unchecked-run'))).toBe(
            '2 users selected since Validate have no verdict yet: Validate again to include them before you run.',
        );
        expect($(element, 'lightning-button.run-fit')).toBeNull();
    });

    it('catches up with a selection change made while it enabled a partner account', async () => {
        const element = await validated(FIVE);
        let release: (value: Record<string, string>) => void = () => undefined;
        mocked(enablePartnerAccounts).mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
        // An account none of the verdicts holds: no snapshot first, straight to the Apex call.
        fire($(element, 'c-upgrade-verdict'), 'enablepartner', { accountId: '001000000000099AAA' });
        await flush();
        // The picker is disabled meanwhile; a change that arrives anyway waits for the end.
        const selection = picker(element).selection.remove([caseyId(2)]);
        fire(picker(element), 'selectionchange', { selection });
        await flush();
        expect(verdicts(element).map((verdict) => verdict.id)).toContain(caseyId(2));
        release({});
        await flush();
        await flush();
        expect(verdicts(element).map((verdict) => verdict.id)).not.toContain(caseyId(2));
    });

    it('brings a user selected again back with its verdict, to acknowledge again, without a new Validate', async () => {
        const element = await validated(FIVE);
        await removePill(element, caseyId(2));
        expect(verdicts(element).map((verdict) => verdict.id)).not.toContain(caseyId(2));

        await tick(element, FIVE);

        // An acknowledgement confirms a verdict the admin saw: the one given before the removal is
        // not brought back with the user (review: its verdict may have changed meanwhile).
        expect(acknowledgements(element)).toEqual(
            AS_ACKNOWLEDGED.map(([id, acknowledged]): [string, boolean] => [id, acknowledged && id !== caseyId(2)]),
        );
        expect(text($(element, '.ready-count'))).toBe('2 of 5 users can be changed now.');
        expect($(element, '.unchecked-run')).toBeNull();
        expect(isDisabled($(element, 'lightning-button.run'))).toBe(false);
        expect(getUpgradeFacts).toHaveBeenCalledTimes(1);
    });

    it('compares ids on their first 15 characters: users handed over with 15, answered and picked with 18', async () => {
        mocked(searchUpgradeCandidates).mockResolvedValue(FIVE);
        mockFacts(10);
        const element = createElement('c-license-upgrade', { is: LicenseUpgrade });
        Object.assign(element, { userIds: FIVE.map((row) => row.id.slice(0, 15)) });
        document.body.appendChild(element);
        await flush();
        await flush();
        fire($(element, 'lightning-combobox.target'), 'change', { value: TARGETS[0].profileId });
        await flush();
        await clickValidate(element);
        // The facts answer with 18 characters: none of the users is new.
        expect(verdicts(element).map((verdict) => verdict.id)).toEqual(FIVE.map((row) => row.id));
        // The users handed over by id are named in the selection's list from the facts (admin walk:
        // "Record 0058d…" after the doctor's hand-over).
        const pills = [...picker(element).shadowRoot!.querySelectorAll('.pill-label')].map((pill) => pill.textContent);
        expect(pills).toHaveLength(5);
        expect(pills.some((label) => /^Record /.test(label ?? ''))).toBe(false);
        expect($(element, '.unchecked-run')).toBeNull();
        await acknowledge(element, 1, 2);

        // The pill carries the id handed over (15 characters); its verdict (18) leaves.
        await removePill(element, caseyId(2).slice(0, 15));
        expect(verdicts(element).map((verdict) => verdict.id)).toEqual([
            caseyId(1),
            caseyId(3),
            caseyId(4),
            caseyId(5),
        ]);
        expect(text($(element, '.ready-count'))).toBe('1 of 4 users can be changed now.');

        // Picked again from the results (18 characters): the same user, back, to acknowledge again.
        const selection = picker(element).selection.add([option(2)]).selection;
        fire(picker(element), 'selectionchange', { selection });
        await flush();
        expect(verdicts(element).find((verdict) => verdict.id === caseyId(2))?.acknowledged).toBe(false);
        expect(text($(element, '.ready-count'))).toBe('1 of 5 users can be changed now.');
        expect($(element, '.unchecked-run')).toBeNull();
        expect(isDisabled($(element, 'lightning-button.run'))).toBe(false);
    });

    it('leaves a run in progress alone: a user it sent stays with its outcome though taken out of the selection meanwhile', async () => {
        const element = await validated(FIVE, 10, 2);
        let releaseSnapshot: () => void = () => undefined;
        const snapshot = mocked(snapshotLicenseChanges).getMockImplementation()!;
        mocked(snapshotLicenseChanges).mockImplementationOnce(
            (args: { request: ChangeRequest }) =>
                new Promise((resolve) => {
                    releaseSnapshot = () => resolve(snapshot(args));
                }),
        );
        $(element, 'lightning-button.run').click();
        await flush();
        // While it runs the picker takes no change from the admin.
        expect(isDisabled(picker(element))).toBe(true);
        // A change that arrives all the same (the picker's own refresh) does not touch the run's verdicts.
        fire(picker(element), 'selectionchange', { selection: picker(element).selection.remove([caseyId(1)]) });
        await flush();
        expect(verdicts(element)).toHaveLength(5);

        releaseSnapshot();
        await flush();
        await flush();
        await flush();

        const request = mocked(snapshotLicenseChanges).mock.calls[0][0].request as ChangeRequest;
        expect(request.users.map((item) => item.userId)).toEqual([caseyId(1), caseyId(2)]);
        // The user the run changed keeps its Done verdict; one taken out and never run leaves.
        await removePill(element, caseyId(3));
        const shown = verdicts(element);
        expect(shown.find((verdict) => verdict.id === caseyId(1))?.status).toBe('Done');
        expect(shown.map((verdict) => verdict.id)).toEqual([caseyId(1), caseyId(2), caseyId(4), caseyId(5)]);
    });
});
