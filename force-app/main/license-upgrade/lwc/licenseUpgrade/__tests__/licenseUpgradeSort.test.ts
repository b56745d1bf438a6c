import { createElement } from 'lwc';
import LicenseUpgrade from 'c/licenseUpgrade';
import getUpgradeTargets from '@salesforce/apex/LicenseUpgradeController.getUpgradeTargets';
import searchUpgradeCandidates from '@salesforce/apex/LicenseUpgradeController.searchUpgradeCandidates';
import getUpgradeFacts from '@salesforce/apex/LicenseUpgradeController.getUpgradeFacts';
import snapshotLicenseChanges from '@salesforce/apex/LicenseUpgradeController.snapshotLicenseChanges';
import applyLicenseChanges from '@salesforce/apex/LicenseUpgradeController.applyLicenseChanges';
import reconcileLicenseChanges from '@salesforce/apex/LicenseUpgradeController.reconcileLicenseChanges';
import TARGETS from './data/LicenseUpgradeController.getUpgradeTargets.json';
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

const mocked = (method: unknown): jest.Mock => method as jest.Mock;
type ChangeResult = Apex.LicenseChangeService.ChangeResult;

/** 55 users: more than one page of 50. */
const COUNT = 55;
const userId = (n: number): string => `005${String(n).padStart(12, '0')}AAA`;
/** Names out of plan order (37 and 55 are coprime: every name once). */
const nameOf = (n: number): string => `User ${String((n * 37) % COUNT).padStart(2, '0')}`;
/** Every third user is a Gold Partner user (re-enable path: a problem); the others change profile. */
const isPartner = (n: number): boolean => n % 3 === 0;
const IDS = Array.from({ length: COUNT }, (_, n) => userId(n));
const NAMES = new Map(IDS.map((id, n) => [id, nameOf(n)]));

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function settle(times = 6): Promise<void> {
    for (let i = 0; i < times; i++) {
        // eslint-disable-next-line no-await-in-loop
        await flush();
    }
}

/** The panel's own markup, else the run bar's (Run, the fit button, the run-locked line, the job notice). */
const $ = <T extends Element = HTMLElement>(element: HTMLElement, selector: string): T =>
    (element.shadowRoot!.querySelector(selector) ??
        element.shadowRoot!.querySelector('c-run-bar')?.shadowRoot?.querySelector(selector) ??
        null) as T;

function fire(target: Element, name: string, detail?: unknown): void {
    target.dispatchEvent(new CustomEvent(name, { detail }));
}

interface Shown {
    userId: string;
    name: string;
    licenseName: string;
    status: string;
    acknowledged: boolean;
}

/** The verdicts rendered on the page, in order. */
function shown(element: HTMLElement): Shown[] {
    return Array.from(element.shadowRoot!.querySelectorAll('c-upgrade-verdict')).map(
        (node) => (node as unknown as { row: Shown }).row,
    );
}

const names = (element: HTMLElement): string[] => shown(element).map((row) => row.name);

function pager(element: HTMLElement): { text: string; isFirst: boolean } {
    return $(element, 'c-plan-pager.verdict-pages') as unknown as { text: string; isFirst: boolean };
}

function sortBy(element: HTMLElement, value: string): Promise<void> {
    fire($(element, 'lightning-combobox.verdict-sort'), 'change', { value });
    return flush();
}

function toggleDirection(element: HTMLElement): Promise<void> {
    $(element, 'lightning-button-icon.verdict-sort-direction').click();
    return flush();
}

async function nextPage(element: HTMLElement): Promise<void> {
    fire($(element, 'c-plan-pager.verdict-pages'), 'next');
    await flush();
    expect(pager(element).isFirst).toBe(false);
}

const direction = (element: HTMLElement): { iconName: string; alternativeText: string; disabled: boolean } =>
    $(element, 'lightning-button-icon.verdict-sort-direction') as unknown as {
        iconName: string;
        alternativeText: string;
        disabled: boolean;
    };

async function renderValidated(ids: string[] = IDS): Promise<HTMLElement> {
    const [casey, gale] = FACTS.users;
    mocked(getUpgradeTargets).mockResolvedValue(TARGETS);
    mocked(searchUpgradeCandidates).mockResolvedValue([]);
    mocked(getUpgradeFacts).mockImplementation(({ userIds }: { userIds: string[] }) =>
        Promise.resolve({
            ...FACTS,
            target: { ...FACTS.target, seatsAvailable: 1000 },
            users: userIds.map((id) => {
                const n = IDS.indexOf(id);
                const base = isPartner(n) ? gale : casey;
                return { ...base, id, name: nameOf(n), contactId: `003${id.slice(3)}` };
            }),
        }),
    );
    const element = createElement('c-license-upgrade', { is: LicenseUpgrade });
    Object.assign(element, { userIds: ids });
    document.body.appendChild(element);
    await settle();
    fire($(element, 'lightning-combobox.target'), 'change', { value: TARGETS[0].profileId });
    await flush();
    $(element, 'lightning-button.validate').click();
    await settle();
    return element;
}

describe('c-license-upgrade: sorting the verdicts', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('offers plan order, status, user name and current license, in plan order at first', async () => {
        const element = await renderValidated();
        const combobox = $(element, 'lightning-combobox.verdict-sort') as unknown as {
            label: string;
            value: string;
            options: { label: string; value: string }[];
        };
        expect(combobox.label).toBe('Sort by');
        expect(combobox.value).toBe('');
        expect(combobox.options).toEqual([
            { label: 'Plan order', value: '' },
            { label: 'Status', value: 'status' },
            { label: 'User name', value: 'name' },
            { label: 'Current license', value: 'licenseName' },
        ]);
        // The plan's order has no direction.
        expect(direction(element).disabled).toBe(true);
        expect(names(element)).toEqual(IDS.slice(0, 50).map((id) => NAMES.get(id)));
        expect(pager(element).text).toBe(`Page 1 of 2 (${COUNT} rows)`);
    }, 30000);

    it('names the sort controls for assistive technology, either way', async () => {
        // Three users: axe over a short list.
        const element = await renderValidated(IDS.slice(0, 3));
        await sortBy(element, 'name');
        expect(names(element)).toEqual(
            IDS.slice(0, 3)
                .map((id) => NAMES.get(id))
                .sort(),
        );
        await expect(element).toBeAccessible();
        await toggleDirection(element);
        expect(names(element)).toEqual(
            IDS.slice(0, 3)
                .map((id) => NAMES.get(id))
                .sort()
                .reverse(),
        );
        expect(direction(element).alternativeText).toBe('Descending order: select to sort ascending');
        await expect(element).toBeAccessible();
    }, 30000);

    it('sorts by user name both ways, back on page 1 each time', async () => {
        const element = await renderValidated();
        const sorted = [...NAMES.values()].sort();

        await nextPage(element);
        await sortBy(element, 'name');
        expect(pager(element).isFirst).toBe(true);
        expect(names(element)).toEqual(sorted.slice(0, 50));
        expect(direction(element)).toMatchObject({
            iconName: 'utility:arrowup',
            alternativeText: 'Ascending order: select to sort descending',
            disabled: false,
        });

        await nextPage(element);
        expect(names(element)).toEqual(sorted.slice(50));
        await toggleDirection(element);
        expect(pager(element).isFirst).toBe(true);
        expect(names(element)).toEqual([...sorted].reverse().slice(0, 50));
        expect(direction(element)).toMatchObject({
            iconName: 'utility:arrowdown',
            alternativeText: 'Descending order: select to sort ascending',
        });

        await toggleDirection(element);
        expect(names(element)).toEqual(sorted.slice(0, 50));

        // Plan order again: the plan's own order, whatever the direction.
        await toggleDirection(element);
        await sortBy(element, '');
        expect(names(element)).toEqual(IDS.slice(0, 50).map((id) => NAMES.get(id)));
    }, 30000);

    it('turning the page from the pager under the verdicts brings the first verdict into view, only when it is above the window', async () => {
        const element = await renderValidated();
        const first = (): HTMLElement => $(element, '[data-verdict-id]');
        const scrolled = jest.fn();
        // jsdom lays nothing out: the first verdict's top as the window shows it, and its scrolling.
        let top = -3000;
        const place = (): void => {
            first().getBoundingClientRect = () => ({ top }) as DOMRect;
            first().scrollIntoView = scrolled;
        };
        place();
        await nextPage(element);
        expect(scrolled).toHaveBeenCalledWith({ block: 'start' });
        expect(pager(element).text).toMatch(/^Page 2 of 2/);

        // Its top in view (Previous clicked with the list's start on screen): the window stays.
        scrolled.mockClear();
        top = 300;
        place();
        fire($(element, 'c-plan-pager.verdict-pages'), 'previous');
        await flush();
        expect(pager(element).isFirst).toBe(true);
        expect(scrolled).not.toHaveBeenCalled();
    }, 30000);

    it('sorts by current license, keeping the plan order among equal licenses', async () => {
        const element = await renderValidated();
        await sortBy(element, 'licenseName');
        const rows = shown(element);
        const partners = IDS.filter((_, n) => isPartner(n));
        // "Customer Community" sorts before "Gold Partner".
        expect(rows.slice(0, COUNT - partners.length).every((row) => row.licenseName === 'Customer Community')).toBe(
            true,
        );
        await toggleDirection(element);
        expect(shown(element).map((row) => row.userId)).toEqual(
            [...partners, ...IDS.filter((_, n) => !isPartner(n))].slice(0, 50),
        );
    }, 30000);

    it('sorts by status (what needs the admin first, or last), and acknowledgements and a run keep the sort', async () => {
        const partners = IDS.filter((_, n) => isPartner(n));
        const changeable = IDS.filter((_, n) => !isPartner(n));
        const element = await renderValidated();

        await nextPage(element);
        await sortBy(element, 'status');
        expect(pager(element).isFirst).toBe(true);
        let rows = shown(element);
        // Problems (the re-enables) first, then the warnings (an acknowledgement to give), each in plan order.
        expect(rows.map((row) => row.userId)).toEqual([...partners, ...changeable].slice(0, 50));
        expect(rows.slice(0, partners.length).every((row) => row.status === 'problem')).toBe(true);
        expect(rows.slice(partners.length).every((row) => row.status === 'warning')).toBe(true);

        // The acknowledgement from a sorted row reaches that user, and only that user.
        const [first, second] = changeable;
        for (const id of [second, first]) {
            const index = shown(element).findIndex((row) => row.userId === id);
            const verdict = element.shadowRoot!.querySelectorAll('c-upgrade-verdict')[index];
            const acknowledge = verdict.shadowRoot!.querySelector('lightning-input.acknowledge') as HTMLElement;
            fire(acknowledge, 'change', { checked: true });
            // eslint-disable-next-line no-await-in-loop
            await flush();
        }
        expect($(element, '.ready-count').textContent).toBe(`2 of ${COUNT} users can be changed now.`);

        await toggleDirection(element);
        expect(pager(element).isFirst).toBe(true);
        rows = shown(element);
        // Descending: the ready ones first (in plan order), then the warnings.
        expect(rows.slice(0, 3).map((row) => [row.userId, row.status, row.acknowledged])).toEqual([
            [first, 'ready', true],
            [second, 'ready', true],
            [changeable[2], 'warning', false],
        ]);

        mocked(snapshotLicenseChanges).mockImplementation(({ request }: { request: { users: { userId: string }[] } }) =>
            Promise.resolve(request.users.map((item) => result(item.userId, 'Snapshot'))),
        );
        mocked(applyLicenseChanges).mockImplementation(({ logIds }: { logIds: string[] }) =>
            Promise.resolve(logIds.map((logId) => result(logId.slice(1), 'Applied'))),
        );
        mocked(reconcileLicenseChanges).mockImplementation(({ outcomes }: { outcomes: ChangeResult[] }) =>
            Promise.resolve(outcomes.map((outcome) => ({ ...outcome, status: 'Completed' }))),
        );
        $(element, 'lightning-button.run').click();
        await settle();
        expect(
            mocked(snapshotLicenseChanges).mock.calls[0][0].request.users.map((item: ChangeResult) => item.userId),
        ).toEqual([first, second]);

        // After the run the same sort holds: Done first (descending), then Not run, problems last.
        expect(($(element, 'lightning-combobox.verdict-sort') as unknown as { value: string }).value).toBe('status');
        rows = shown(element);
        expect(rows.slice(0, 3).map((row) => [row.userId, row.status])).toEqual([
            [first, 'done'],
            [second, 'done'],
            [changeable[2], 'notRun'],
        ]);
        await toggleDirection(element);
        expect(shown(element)[0]).toMatchObject({ userId: partners[0], status: 'problem' });
    }, 30000);
});

function result(id: string, status: string): ChangeResult {
    return {
        userId: id,
        status,
        logId: `L${id}`,
        profileChanged: status !== 'Snapshot',
        errors: [],
        restored: [],
        removed: [],
    };
}
