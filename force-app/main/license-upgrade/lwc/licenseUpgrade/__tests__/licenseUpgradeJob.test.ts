import { createElement } from 'lwc';
import LicenseUpgrade from 'c/licenseUpgrade';
import type { SelectionModel } from 'c/selectionModel';
import getUpgradeTargets from '@salesforce/apex/LicenseUpgradeController.getUpgradeTargets';
import searchUpgradeCandidates from '@salesforce/apex/LicenseUpgradeController.searchUpgradeCandidates';
import getUpgradeFacts from '@salesforce/apex/LicenseUpgradeController.getUpgradeFacts';
import snapshotLicenseChanges from '@salesforce/apex/LicenseUpgradeController.snapshotLicenseChanges';
import createJob from '@salesforce/apex/JobController.createJob';
import addJobRows from '@salesforce/apex/JobController.addJobRows';
import startJob from '@salesforce/apex/JobController.startJob';
import getJob from '@salesforce/apex/JobController.getJob';
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
jest.mock('@salesforce/apex/JobController.createJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.addJobRows', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.startJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.getJob', () => ({ default: jest.fn() }), { virtual: true });

const mocked = (method: unknown): jest.Mock => method as jest.Mock;
const JOB_ID = 'a0J000000000001AAA';

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function settle(times = 6): Promise<void> {
    for (let i = 0; i < times; i++) {
        // eslint-disable-next-line no-await-in-loop
        await flush();
    }
}

const userId = (n: number): string => `005${String(n).padStart(12, '0')}AAA`;

function job(status: string, processed: number, requested: number): Apex.JobService.JobSummary {
    return {
        id: JOB_ID,
        name: 'JOB-0000002',
        kind: 'LICENSE_CHANGE',
        status,
        requested,
        processed,
        created: processed,
        alreadyEnabled: 0,
        failed: 0,
        skipped: 0,
        ownedByMe: true,
    } as Apex.JobService.JobSummary;
}

/** The panel's own markup, else the run bar's (Run, the fit button, the run-locked line, the job notice). */
const $ = <T extends Element = HTMLElement>(element: HTMLElement, selector: string): T =>
    (element.shadowRoot!.querySelector(selector) ??
        element.shadowRoot!.querySelector('c-run-bar')?.shadowRoot?.querySelector(selector) ??
        null) as T;

/** Facts for the users asked: external users, with seats enough for all of them. */
function mockFacts(): void {
    const [casey] = FACTS.users;
    mocked(getUpgradeTargets).mockResolvedValue(TARGETS);
    mocked(searchUpgradeCandidates).mockResolvedValue([]);
    mocked(getUpgradeFacts).mockImplementation(({ userIds }: { userIds: string[] }) =>
        Promise.resolve({
            ...FACTS,
            target: { ...FACTS.target, seatsAvailable: 1000 },
            users: userIds.map((id, n) => ({
                ...casey,
                id,
                name: `Casey ${n}`,
                contactId: `003${id.slice(3)}`,
            })),
        }),
    );
}

/**
 * 201 users, their facts, and a job that takes them (created, rows added, started, queued).
 * @returns the users' ids
 */
function mockJobStart(): string[] {
    mockFacts();
    mocked(createJob).mockResolvedValue(job('Draft', 0, 0));
    mocked(addJobRows).mockResolvedValue({ added: 0, requested: 0 });
    mocked(startJob).mockResolvedValue(job('Queued', 0, 201));
    return Array.from({ length: 201 }, (_, n) => userId(n));
}

/** The panel with `ids` handed over, the first target chosen, validated and acknowledged. */
async function validatedPanel(ids: string[]): Promise<HTMLElement> {
    const element = createElement('c-license-upgrade', { is: LicenseUpgrade });
    Object.assign(element, { userIds: ids, jobPollInterval: 5 });
    document.body.appendChild(element);
    await settle();
    $(element, 'lightning-combobox.target').dispatchEvent(
        new CustomEvent('change', { detail: { value: TARGETS[0].profileId } }),
    );
    await flush();
    $(element, 'lightning-button.validate').click();
    await settle();
    const acknowledgeAll = $(element, 'lightning-input.acknowledge-all');
    acknowledgeAll?.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await settle();
    return element;
}

/**
 * The validated panel that ran `ids` as a job, every row Done when the job ends: `finish()` ends it
 * (until then it runs, no row reached).
 */
async function runningJob(ids: string[]): Promise<{ finish: () => void; element: HTMLElement }> {
    let finished = false;
    const rows = ids.map((id, index) => ({ id: `a0K${index}`, sequence: index + 1, rowKey: id, status: 'Done' }));
    mocked(getJob).mockImplementation(() =>
        Promise.resolve(
            finished ? { job: job('Completed', 201, 201), rows } : { job: job('Running', 50, 201), rows: [] },
        ),
    );
    const element = await validatedPanel(ids);
    $(element, 'lightning-button.run').click();
    return { finish: () => (finished = true), element };
}

describe('c-license-upgrade: changes of more than 200 users as a job', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('adds the users to a job with the target and the Contracts option, queues the verdicts, then shows the outcomes', async () => {
        const ids = mockJobStart();
        let finished = false;
        const rows = ids.map((id, index) => ({
            id: `a0K${index}`,
            sequence: index + 1,
            rowKey: id,
            status: index === 0 ? 'Refused' : 'Done',
            error: index === 0 ? 'USER_NOT_EXTERNAL: not an external user' : null,
        }));
        mocked(getJob).mockImplementation(() =>
            Promise.resolve(
                finished ? { job: job('Completed', 201, 201), rows } : { job: job('Running', 50, 201), rows: [] },
            ),
        );
        const element = await validatedPanel(ids);
        const started = jest.fn();
        element.addEventListener('jobstarted', started);
        $(element, 'lightning-button.run').click();
        await settle();

        expect(snapshotLicenseChanges).not.toHaveBeenCalled();
        expect(createJob).toHaveBeenCalledWith({ kind: 'LICENSE_CHANGE', targetProfileId: TARGETS[0].profileId });
        expect(mocked(addJobRows).mock.calls.map(([args]) => args.rows.length)).toEqual([200, 1]);
        const first = mocked(addJobRows).mock.calls[0][0].rows[0];
        expect(first).toMatchObject({ rowKey: ids[0], label: 'Casey 0' });
        expect(JSON.parse(first.request)).toMatchObject({ userId: ids[0], completeContractsSetup: true });
        expect(started).toHaveBeenCalledTimes(1);
        type Verdict = { status: string; statusText: string };
        const verdict = (): Verdict => ($(element, 'c-upgrade-verdict') as unknown as { row: Verdict }).row;
        expect(verdict()).toMatchObject({ status: 'queued', statusText: 'Queued in job JOB-0000002' });
        expect($(element, '.job-notice').textContent).toMatch(/JOB-0000002/);
        await expect(element).toBeAccessible();

        finished = true;
        await settle(10);
        expect(verdict().status).toBe('failed');
        const second = ($(element, 'c-upgrade-verdict:nth-of-type(2)') ??
            $(element, 'c-upgrade-verdict')) as unknown as {
            row: Verdict;
        };
        expect(second.row.status).toMatch(/done|failed/);
        expect($(element, '.job-notice')).toBeNull();
    }, 30000);

    it('keeps following a job while the selection changes: its users stay queued, then take their outcome', async () => {
        const ids = mockJobStart();
        const { finish, element } = await runningJob(ids);
        await settle();
        type Picker = HTMLElement & { selection: SelectionModel<{ id: string }> };
        const picker = $<Picker>(element, 'c-record-picker');
        // The picker is not locked while the job runs on the platform: the admin takes a user out.
        expect((picker as unknown as { disabled: boolean }).disabled).toBe(false);
        picker.dispatchEvent(
            new CustomEvent('selectionchange', { detail: { selection: picker.selection.remove([ids[0]]) } }),
        );
        await settle();
        type Verdict = { userId: string; status: string };
        const first = (): Verdict => ($(element, 'c-upgrade-verdict') as unknown as { row: Verdict }).row;
        expect(first()).toMatchObject({ userId: ids[0], status: 'queued' });
        expect($(element, '.job-notice')).not.toBeNull();

        finish();
        await settle(10);
        expect(first()).toMatchObject({ userId: ids[0], status: 'done' });
        expect($(element, '.job-notice')).toBeNull();
    }, 30000);

    it('holds Validate while it follows a job, and lands a job that ends after a new validation in none of its verdicts', async () => {
        const ids = mockJobStart();
        const { finish, element } = await runningJob(ids);
        await settle();
        expect($(element, 'lightning-button.validate')).toMatchObject({ disabled: true });

        // A hand-over clears the verdicts (the path an admin can take: Validate is disabled, and a
        // click on it changes nothing): the job's end lands in none of what follows.
        Object.assign(element, { userIds: ids.slice(0, 3) });
        await settle();
        $(element, 'lightning-button.validate').click();
        await settle();
        finish();
        await settle(10);
        type Verdict = { userId: string; status: string };
        const statuses = Array.from(element.shadowRoot!.querySelectorAll('c-upgrade-verdict')).map(
            (node) => (node as unknown as { row: Verdict }).row.status,
        );
        expect(statuses).not.toContain('done');
        expect($(element, 'lightning-button.validate')).toMatchObject({ disabled: false });
        expect($(element, '.job-notice')).toBeNull();
    }, 30000);

    it('follows a job it started that stopped midway when the jobs panel resumes it; not another job', async () => {
        const ids = mockJobStart();
        const row = (id: string, index: number, status: string) => ({
            id: `a0K${index}`,
            sequence: index + 1,
            rowKey: id,
            status,
            error: null,
        });
        let state: 'stopped' | 'resumed' | 'completed' = 'stopped';
        mocked(getJob).mockImplementation(() => {
            if (state === 'stopped') {
                const rows = ids.map((id, index) => row(id, index, index < 150 ? 'Done' : 'Pending'));
                return Promise.resolve({ job: job('Cancelled', 150, 201), rows });
            }
            if (state === 'resumed') {
                return Promise.resolve({ job: job('Running', 150, 201), rows: [] });
            }
            return Promise.resolve({
                job: job('Completed', 201, 201),
                rows: ids.map((id, index) => row(id, index, 'Done')),
            });
        });
        const element = await validatedPanel(ids);
        const completed = jest.fn();
        element.addEventListener('runcompleted', completed);
        $(element, 'lightning-button.run').click();
        await settle(10);
        expect(completed).toHaveBeenCalledTimes(1);
        type Verdict = { status: string };
        const statuses = (): string[] =>
            [...element.shadowRoot!.querySelectorAll('c-upgrade-verdict')].map(
                (verdict) => (verdict as unknown as { row: Verdict }).row.status,
            );
        expect(statuses()[0]).toBe('done');
        // The users the stopped job did not record are Not finished (its APPLY may have changed
        // them), not Not run; the notice says where to resume it.
        const summary = (): string =>
            element.shadowRoot!.querySelector('c-run-results')?.shadowRoot?.querySelector('.run-summary')
                ?.textContent ?? '';
        expect(summary()).toMatch(/150 changed · 51 not finished/);
        expect(summary()).not.toMatch(/not run/);
        expect($(element, '.job-notice').textContent).toMatch(
            /^Job JOB-0000002 stopped before every user was changed \(150 changed · 51 not finished\)/,
        );
        const problemsOnly = $(element, 'lightning-input.problems-only');
        problemsOnly.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        await settle();
        const unfinished = [...element.shadowRoot!.querySelectorAll('c-upgrade-verdict')].map(
            (verdict) => (verdict as unknown as { row: { status: string; statusText: string } }).row,
        );
        expect(unfinished.length).toBeGreaterThan(0);
        expect(unfinished.every((view) => view.status === 'unfinished')).toBe(true);
        expect(unfinished[0].statusText).toBe('Not finished: job JOB-0000002 stopped (resume it under Jobs)');
        problemsOnly.dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
        await settle();

        const panel = element as HTMLElement & { followResumedJob(jobId: string): boolean };
        expect(panel.followResumedJob('a0J000000000009AAA')).toBe(false);
        state = 'resumed';
        expect(panel.followResumedJob(JOB_ID)).toBe(true);
        expect(panel.followResumedJob(JOB_ID)).toBe(false);
        await settle();
        expect($(element, '.job-notice').textContent).toMatch(/JOB-0000002 changes the 51 users/);
        // The first page's users were changed before the job stopped: they stay Done.
        expect(statuses()[0]).toBe('done');

        state = 'completed';
        await settle(10);
        expect(completed).toHaveBeenCalledTimes(2);
        expect($(element, '.job-notice')).toBeNull();
        expect(panel.followResumedJob(JOB_ID)).toBe(false);
    }, 30000);
});
