import { createElement } from 'lwc';
import LicenseUpgrade from 'c/licenseUpgrade';
import getUpgradeTargets from '@salesforce/apex/LicenseUpgradeController.getUpgradeTargets';
import searchUpgradeCandidates from '@salesforce/apex/LicenseUpgradeController.searchUpgradeCandidates';
import getUpgradeFacts from '@salesforce/apex/LicenseUpgradeController.getUpgradeFacts';
import snapshotLicenseChanges from '@salesforce/apex/LicenseUpgradeController.snapshotLicenseChanges';
import applyLicenseChanges from '@salesforce/apex/LicenseUpgradeController.applyLicenseChanges';
import reconcileLicenseChanges from '@salesforce/apex/LicenseUpgradeController.reconcileLicenseChanges';
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

/**
 * "Change … that fit" when the seats fit fewer users than the verdicts allow (admin walk: 56 users,
 * 31 could change, 1 seat; the ready count said 0, every verdict on page 1 said Blocked, and the
 * fit button changed a user on page 2 whom nothing named): the count says what each button runs,
 * the button and a line name whom it changes, a name shows that verdict, and a user whose
 * irreversible change is not acknowledged is never taken.
 */
const mocked = (method: unknown): jest.Mock => method as jest.Mock;
type ChangeResult = Apex.LicenseChangeService.ChangeResult;
type ChangeRequest = Apex.LicenseChangeService.ChangeRequest;

const ISLA = '005000000000099AAA';
const [CASEY] = FACTS.users;

/** Customer Community users (to Customer Community Plus: an irreversible role change to acknowledge). */
function customers(count: number): (typeof FACTS.users)[number][] {
    return Array.from({ length: count }, (_, index) => ({
        ...CASEY,
        id: `0050000000001${String(index).padStart(2, '0')}AAA`,
        name: `Casey ${String(index).padStart(2, '0')}`,
        contactId: `0030000000001${String(index).padStart(2, '0')}AAA`,
    }));
}

/** Already role-based (Customer Community Plus Login): to Customer Community Plus needs no acknowledgement. */
const isla = {
    ...CASEY,
    id: ISLA,
    name: 'Isla Andersson',
    userType: 'PowerCustomerSuccess',
    licenseName: 'Customer Community Plus Login',
    profileId: '00e000000000003AAA',
    profileName: 'Customer Community Plus Login User',
    contactId: '003000000000099AAA',
    roleId: '00E000000000001AAA',
    roleName: 'Acme Customer User',
};

function changeResult(userId: string, status: string): ChangeResult {
    return { userId, status, logId: 'a00000000000001AAA', profileChanged: true, errors: [], restored: [], removed: [] };
}

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

const $ = <T extends Element = HTMLElement>(element: HTMLElement, selector: string): T =>
    (element.shadowRoot!.querySelector(selector) ??
        element.shadowRoot!.querySelector('c-run-bar')?.shadowRoot?.querySelector(selector) ??
        null) as T;

const $$ = (element: HTMLElement, selector: string): HTMLElement[] => [
    ...element.shadowRoot!.querySelectorAll<HTMLElement>(selector),
];

function fire(target: Element, name: string, detail: unknown): void {
    target.dispatchEvent(new CustomEvent(name, { detail }));
}

const inPicker = <T extends Element = HTMLElement>(element: HTMLElement, selector: string): T =>
    ($(element, 'c-record-picker').shadowRoot as ShadowRoot).querySelector(selector) as T;

async function validate(users: unknown[], seatsAvailable: number): Promise<HTMLElement> {
    mocked(getUpgradeFacts).mockResolvedValue({ ...FACTS, target: { ...FACTS.target, seatsAvailable }, users });
    const element = createElement('c-license-upgrade', { is: LicenseUpgrade });
    document.body.appendChild(element);
    await flush();
    inPicker(element, 'lightning-button.search').click();
    await flush();
    fire(inPicker(element, 'lightning-datatable'), 'rowselection', { selectedRows: CANDIDATES });
    fire($(element, 'lightning-combobox.target'), 'change', { value: TARGETS[0].profileId });
    await flush();
    $(element, 'lightning-button.validate').click();
    await flush();
    return element;
}

const text = (node: Element | null): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The verdict cards shown, by name, with their status text. */
function shownVerdicts(element: HTMLElement): { name: string; status: string }[] {
    return $$(element, '[data-status]').map((card) => ({
        name: (card.querySelector('c-upgrade-verdict') as unknown as { row: { name: string } }).row.name,
        status: text(card.querySelector('.status-text')),
    }));
}

describe('c-license-upgrade: the users that fit the seats left', () => {
    beforeEach(() => {
        mocked(getUpgradeTargets).mockResolvedValue(TARGETS);
        mocked(searchUpgradeCandidates).mockResolvedValue(CANDIDATES);
        mocked(snapshotLicenseChanges).mockImplementation(({ request }: { request: ChangeRequest }) =>
            Promise.resolve(request.users.map((item) => changeResult(item.userId, 'Snapshot'))),
        );
        mocked(applyLicenseChanges).mockResolvedValue([changeResult(ISLA, 'Applied')]);
        mocked(reconcileLicenseChanges).mockResolvedValue([changeResult(ISLA, 'Completed')]);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('says what each button runs: none together, one that fits, named on the button and under it', async () => {
        // 55 users whose change needs an acknowledgement, then Isla (page 2), one seat, nothing acknowledged.
        const element = await validate([...customers(55), isla], 1);
        expect(text($(element, '.ready-count'))).toBe(
            '0 of 56 users can be changed together with the seats left; 1 fits.',
        );
        const fit = $(element, 'lightning-button.run-fit') as unknown as { label: string };
        expect(fit.label).toBe('Change Isla Andersson, who fits');
        expect(text($(element, '.fit-names'))).toBe('The seats left fit: Isla Andersson');
        // Why the 55 before her are left out.
        expect($(element, '.fit-unacknowledged')).not.toBeNull();
        // Page 1: the users held back by the seats say so, not "Blocked".
        const page1 = shownVerdicts(element);
        expect(page1).toHaveLength(50);
        expect(new Set(page1.map((verdict) => verdict.status))).toEqual(new Set(['Not enough seats']));
        await expect(element).toBeAccessible();
    });

    it('shows the verdict of a user that fits, on its page, focused', async () => {
        const element = await validate([...customers(55), isla], 1);
        expect(shownVerdicts(element).some((verdict) => verdict.name === 'Isla Andersson')).toBe(false);
        ($(element, 'button.fit-name') as HTMLElement).click();
        await flush();
        const shown = shownVerdicts(element);
        expect(shown.find((verdict) => verdict.name === 'Isla Andersson')).toEqual({
            name: 'Isla Andersson',
            status: 'Fits the seats left',
        });
        const card = $$(element, '[data-verdict-id]').find((node) => node.dataset.verdictId === ISLA);
        expect(element.shadowRoot!.activeElement).toBe(card);
    });

    it('focuses the verdict of a user that fits when it is on the page shown', async () => {
        const element = await validate([...customers(3), isla], 1);
        ($(element, 'button.fit-name') as HTMLElement).click();
        await flush();
        const card = $$(element, '[data-verdict-id]').find((node) => node.dataset.verdictId === ISLA);
        expect(element.shadowRoot!.activeElement).toBe(card);
    });

    it('changes only the user named, never one whose irreversible change is not acknowledged', async () => {
        const element = await validate([...customers(3), isla], 1);
        ($(element, 'lightning-button.run-fit') as HTMLElement).click();
        await flush();
        await flush();
        expect(snapshotLicenseChanges).toHaveBeenCalledTimes(1);
        const request = mocked(snapshotLicenseChanges).mock.calls[0][0].request as ChangeRequest;
        expect(request.users.map((item) => item.userId)).toEqual([ISLA]);
        expect(request.users[0].acknowledgedIrreversible).toBe(false);
    });

    it('lists up to three names and counts the rest, and "Show only them" lists those that fit', async () => {
        const users = customers(8);
        const element = await validate(users, 5);
        // Acknowledge all is offered although the seats hold every change back.
        const acknowledgeAll = $(element, 'lightning-input.acknowledge-all');
        expect(acknowledgeAll).not.toBeNull();
        fire(acknowledgeAll, 'change', { checked: true });
        await flush();
        expect(($(element, 'lightning-button.run-fit') as unknown as { label: string }).label).toBe(
            'Change the 5 that fit',
        );
        expect(text($(element, '.fit-names'))).toBe(
            'The seats left fit: Casey 00, Casey 01, Casey 02 and 2 more Show only them',
        );
        expect($(element, '.fit-unacknowledged')).toBeNull();
        ($(element, 'button.fit-only') as HTMLElement).click();
        await flush();
        expect(shownVerdicts(element).map((verdict) => verdict.name)).toEqual(
            users.slice(0, 5).map((user) => user.name),
        );
        expect(text($(element, 'button.fit-only'))).toBe('Show every user');
        await expect(element).toBeAccessible();
    });
});
