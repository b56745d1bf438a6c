import { createElement } from 'lwc';
import EnableUsers from 'c/enableUsers';
import getEnablementFacts from '@salesforce/apex/UserSetupController.getEnablementFacts';
import enableUsers from '@salesforce/apex/UserSetupController.enableUsers';
import createJob from '@salesforce/apex/JobController.createJob';
import addJobRows from '@salesforce/apex/JobController.addJobRows';
import startJob from '@salesforce/apex/JobController.startJob';
import getJob from '@salesforce/apex/JobController.getJob';
import sendLoginEmails from '@salesforce/apex/UserDoctorController.sendLoginEmails';
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
jest.mock('@salesforce/apex/JobController.createJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.addJobRows', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.startJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.getJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/UserDoctorController.sendLoginEmails', () => ({ default: jest.fn() }), {
    virtual: true,
});

const mocked = (method: unknown): jest.Mock => method as jest.Mock;
type EnableRequest = Apex.UserEnablementService.EnableRequest;
type JobSummary = Apex.JobService.JobSummary;
type JobRow = Apex.JobService.JobRow;
type Table = { data: Array<Record<string, string>> };

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

const contactId = (n: number): string => `003${String(n).padStart(12, '0')}AAA`;

/** `count` contacts whose accounts' owners have roles, and seats for all of them. */
function factsFor(count: number) {
    const contacts = Array.from({ length: count }, (_, n) => ({
        ...FACTS.contacts[0],
        id: contactId(n),
        firstName: 'Ann',
        lastName: `Doe${n}`,
        email: `ann${n}@acme.example`,
    }));
    const facts = {
        ...FACTS,
        takenNicknames: [],
        profiles: FACTS.profiles.map((profile) => ({ ...profile, licenseSeatsLeft: 10000 })),
        permissionSetLicenses: FACTS.permissionSetLicenses.map((license) => ({ ...license, seatsLeft: 10000 })),
    };
    mocked(getEnablementFacts).mockImplementation(({ contactIds }: { contactIds: string[] }) =>
        Promise.resolve({ ...facts, contacts: contacts.filter((contact) => contactIds.includes(contact.id)) }),
    );
    return contacts.map((contact) => contact.id);
}

function job(status: string, processed: number, requested: number): JobSummary {
    return {
        id: JOB_ID,
        name: 'JOB-0001',
        kind: 'ENABLE_USERS',
        status,
        requested,
        processed,
        created: processed,
        alreadyEnabled: 0,
        failed: 0,
        skipped: 0,
        chunkSize: 50,
        currentChunk: 1,
        currentStep: 'ENABLE',
        ownedByMe: true,
    } as JobSummary;
}

/**
 * A job that takes the rows (created, its rows added, started, then running); `finish()` makes it
 * answer Completed with `rows`, until then Running with `running`.
 */
function mockJob(rows: JobRow[], running: JobRow[] = []): { finish: () => void } {
    mocked(createJob).mockResolvedValue(job('Draft', 0, 0));
    mocked(addJobRows).mockResolvedValue({ added: 0, requested: 0 });
    mocked(startJob).mockResolvedValue(job('Queued', 0, rows.length));
    let finished = false;
    mocked(getJob).mockImplementation(() =>
        Promise.resolve(
            finished
                ? { job: job('Completed', rows.length, rows.length), rows }
                : { job: job('Running', 50, rows.length), rows: running },
        ),
    );
    return { finish: () => (finished = true) };
}

function render(props: Record<string, unknown>): HTMLElement {
    const element = createElement('c-enable-users', { is: EnableUsers });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

/** The panel's own markup, else the run bar's (Run, the fit button, the run-locked line, the job notice). */
const $ = <T = HTMLElement>(element: HTMLElement, selector: string): T =>
    (element.shadowRoot!.querySelector(selector) ??
        element.shadowRoot!.querySelector('c-run-bar')?.shadowRoot?.querySelector(selector) ??
        null) as unknown as T;

/**
 * 201 contacts checked, handed to a job that starts (created, rows added, Queued), and the job's
 * rows as it reads them: each row's status (a Done row has its user) and error by position.
 */
function startedJobRows(
    status: (index: number) => string,
    error: (index: number) => string | null = () => null,
): { ids: string[]; rows: JobRow[] } {
    const ids = factsFor(201);
    mocked(createJob).mockResolvedValue(job('Draft', 0, 0));
    mocked(addJobRows).mockResolvedValue({ added: 0, requested: 0 });
    mocked(startJob).mockResolvedValue(job('Queued', 0, 201));
    const rows: JobRow[] = ids.map((id, index) => ({
        id: `a0K${index}`,
        sequence: index + 1,
        rowKey: id,
        status: status(index),
        resultUserId: status(index) === 'Done' ? `005${String(index).padStart(12, '0')}AAA` : null,
        error: error(index),
    }));
    return { ids, rows };
}

describe('c-enable-users: large runs as jobs, and the login email', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('starts a job for more than 200 rows: rows added 200 a call, queued in the job, then their outcome', async () => {
        const ids = factsFor(201);
        const rows: JobRow[] = ids.map((id, index) => ({
            id: `a0K${index}`,
            sequence: index + 1,
            rowKey: id,
            status: index === 0 ? 'Failed' : 'Done',
            resultUserId: index === 0 ? null : `005${String(index).padStart(12, '0')}AAA`,
            error: index === 0 ? 'DUPLICATE_USERNAME: Duplicate Username.' : null,
        }));
        const { finish } = mockJob(rows, rows.slice(0, 1));
        const element = render({ contactIds: ids, jobPollInterval: 5 });
        const started = jest.fn();
        const completed = jest.fn();
        element.addEventListener('jobstarted', started);
        element.addEventListener('runcompleted', completed);
        await settle();
        expect($(element, '.ready-count').textContent).toMatch(/201 of 201/);
        // An edit before the run: the job carries the current value.
        $(element, 'c-plan-table.plan-table').dispatchEvent(
            new CustomEvent('save', {
                detail: { draftValues: [{ key: ids[0], Username: 'ann.edited@acme.example' }] },
            }),
        );
        await settle();

        $(element, 'lightning-button.run').click();
        await settle();

        expect(enableUsers).not.toHaveBeenCalled();
        expect(mocked(createJob).mock.calls[0][0]).toMatchObject({ kind: 'ENABLE_USERS' });
        const sizes = mocked(addJobRows).mock.calls.map(([args]) => args.rows.length);
        expect(sizes).toEqual([200, 1]);
        // The rows sent are the plan's current values.
        const sent = JSON.parse(mocked(addJobRows).mock.calls[0][0].rows[0].request) as EnableRequest;
        expect(sent).toMatchObject({ ContactId: ids[0], Username: 'ann.edited@acme.example' });
        expect(startJob).toHaveBeenCalledWith({ jobId: JOB_ID });
        expect(started).toHaveBeenCalledTimes(1);
        const queued = $<Table>(element, 'c-plan-table.plan-table').data[0];
        expect(queued).toMatchObject({ status: 'queued', statusText: 'Queued in job JOB-0001', editable: false });
        expect($(element, '.job-notice').textContent).toMatch(/JOB-0001/);
        expect($(element, 'lightning-button.run')).toMatchObject({ disabled: true });
        await expect(element).toBeAccessible();

        finish();
        await settle(10);
        const plan = $<Table>(element, 'c-plan-table.plan-table').data;
        expect(plan[1]).toMatchObject({ status: 'done' });
        expect(plan[0]).toMatchObject({ status: 'failed' });
        expect(plan[0].check).toMatch(/username/i);
        expect(completed).toHaveBeenCalledTimes(1);
        expect($(element, '.job-notice')).toBeNull();
    }, 30000);

    it('holds Check while it follows a job (a hand-over selects and waits), then counts the seats afresh', async () => {
        const ids = factsFor(201);
        const rows: JobRow[] = ids.map((id, index) => ({
            id: `a0K${index}`,
            sequence: index + 1,
            rowKey: id,
            status: 'Done',
            resultUserId: `005${String(index).padStart(12, '0')}AAA`,
            error: null,
        }));
        const { finish } = mockJob(rows);
        const element = render({ contactIds: ids, jobPollInterval: 5 });
        await settle();
        const seats = (): string => element.shadowRoot!.querySelector('.seats')?.textContent ?? '';
        const before = seats();
        $(element, 'lightning-button.run').click();
        await settle();
        // Admin walk: a Check while the job ran took the job's rows off the seats a second time.
        expect($(element, 'lightning-button.check')).toMatchObject({ disabled: true });

        // A hand-over (the quick action, the list view) selects, and checks nothing while the job
        // runs: the plan the job ran from stays, and takes the job's outcomes when it ends.
        const calls = mocked(getEnablementFacts).mock.calls.length;
        Object.assign(element, { contactIds: ids.slice(0, 3) });
        await settle();
        expect(mocked(getEnablementFacts).mock.calls.length).toBe(calls);
        finish();
        await settle(10);
        const statuses = $<Table>(element, 'c-plan-table.plan-table').data.map((row) => row.status);
        expect(statuses.every((status) => status === 'done')).toBe(true);
        expect($(element, 'lightning-button.check')).toMatchObject({ disabled: false });
        expect($(element, '.job-notice')).toBeNull();
        // The next Check reads the seats afresh: the job's users are counted once, by the org.
        $(element, 'lightning-button.check').click();
        await settle();
        expect(seats()).toBe(before);
    }, 30000);

    it('follows a job it started that stopped midway when the jobs panel resumes it; not another job', async () => {
        const { ids, rows } = startedJobRows((index) => (index < 150 ? 'Done' : 'Pending'));
        let state: 'stopped' | 'resumed' | 'completed' = 'stopped';
        mocked(getJob).mockImplementation(() => {
            if (state === 'stopped') {
                return Promise.resolve({ job: { ...job('Failed', 150, 201), failed: 0 }, rows });
            }
            if (state === 'resumed') {
                return Promise.resolve({ job: job('Running', 150, 201), rows: rows.slice(0, 1) });
            }
            const done = rows.map((row, index) => ({
                ...row,
                status: 'Done',
                resultUserId: `005${String(index).padStart(12, '0')}AAA`,
            }));
            return Promise.resolve({ job: job('Completed', 201, 201), rows: done });
        });
        const element = render({ contactIds: ids, jobPollInterval: 5 });
        const completed = jest.fn();
        element.addEventListener('runcompleted', completed);
        await settle();
        $(element, 'lightning-button.run').click();
        await settle(10);
        // Stopped: the rows it reached are Done, the others Not finished (their chunk may have been
        // written: an ENABLE whose RECORD died), and the notice says Resume.
        const summary = (): string =>
            element.shadowRoot!.querySelector('c-run-results')?.shadowRoot?.querySelector('.run-summary')
                ?.textContent ?? '';
        const firstPage = (): Table['data'] => {
            const table = $<Table & { data: Table['data'] }>(element, 'c-plan-table.plan-table');
            return table.data;
        };
        expect(summary()).toMatch(/150 created/);
        expect(summary()).toMatch(/51 not finished/);
        expect(summary()).not.toMatch(/not run/);
        expect($(element, '.job-notice').textContent).toMatch(/JOB-0001 stopped/);
        const problemsOnly = $(element, 'lightning-input.problems-only');
        problemsOnly.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        await settle();
        const unfinished = firstPage();
        expect(unfinished).toHaveLength(50);
        expect(unfinished.every((row) => row.status === 'unfinished')).toBe(true);
        expect(unfinished[0]).toMatchObject({ statusText: 'Not finished', statusIcon: 'utility:pause' });
        expect(unfinished[0].check).toMatch(/^Job JOB-0001 stopped before this row was recorded/);
        // Locked with the values sent (a Resume writes those): no edit, no Remove.
        expect(unfinished.every((row) => (row as Record<string, unknown>).editable === false)).toBe(true);
        problemsOnly.dispatchEvent(new CustomEvent('change', { detail: { checked: false } }));
        await settle();
        expect(completed).toHaveBeenCalledTimes(1);

        const panel = element as HTMLElement & { followResumedJob(jobId: string): boolean };
        expect(panel.followResumedJob('a0J000000000009AAA')).toBe(false);
        state = 'resumed';
        expect(panel.followResumedJob(JOB_ID)).toBe(true);
        // A second call while it follows the job changes nothing.
        expect(panel.followResumedJob(JOB_ID)).toBe(false);
        await settle();
        expect($(element, '.job-notice').textContent).toMatch(/JOB-0001 runs the 51 rows/);
        // The first page (rows 1 to 50) was done before; the rows not run yet wait in the job again.
        expect(firstPage().every((row) => row.status === 'done')).toBe(true);
        expect($(element, '.ready-count').textContent).toMatch(/^0 of 201/);

        state = 'completed';
        await settle(10);
        expect(summary()).toMatch(/201 created/);
        expect(summary()).not.toMatch(/not run/);
        expect($(element, '.job-notice')).toBeNull();
        expect(completed).toHaveBeenCalledTimes(2);
        // Ended: nothing left to follow.
        expect(panel.followResumedJob(JOB_ID)).toBe(false);
    }, 30000);

    it('says a cancelled job is stopping while its chunk in flight runs, then shows every outcome', async () => {
        const { ids, rows } = startedJobRows((index) => (index < 100 ? 'Done' : 'Pending'));
        let state: 'stopping' | 'settled' = 'stopping';
        mocked(getJob).mockImplementation(() =>
            Promise.resolve(
                state === 'stopping'
                    ? { job: { ...job('Cancelled', 50, 201), stopping: true }, rows: [] }
                    : { job: { ...job('Cancelled', 100, 201), currentStep: null, stopping: false }, rows },
            ),
        );
        const element = render({ contactIds: ids, jobPollInterval: 5 });
        await settle();
        $(element, 'lightning-button.run').click();
        await settle(10);
        expect($(element, '.job-notice').textContent).toBe(
            'Job JOB-0001 is cancelled: the chunk in flight finishes and is counted first, then the outcomes show here.',
        );
        // Not read as ended yet: the rows the chunk in flight writes are still to come.
        expect(mocked(getJob).mock.calls.every(([params]) => params.pageSize === 1)).toBe(true);
        state = 'settled';
        await settle(10);
        expect($(element, '.job-notice').textContent).toMatch(
            /^Job JOB-0001 stopped before every row ran \(100 created/,
        );
    }, 30000);

    it('offers no Resume for a job cancelled during its last chunk: every row was recorded', async () => {
        const { ids, rows } = startedJobRows(() => 'Done');
        mocked(getJob).mockResolvedValue({
            job: { ...job('Cancelled', 201, 201), currentStep: null, stopping: false },
            rows,
        });
        const element = render({ contactIds: ids, jobPollInterval: 5 });
        await settle();
        $(element, 'lightning-button.run').click();
        await settle(10);
        expect($(element, '.job-notice')).toBeNull();
        const summary = element.shadowRoot!.querySelector('c-run-results')?.shadowRoot?.querySelector('.run-summary');
        expect(summary?.textContent).toBe('201 created');
    }, 30000);

    it('follows a job resumed while its Retry runs once the Retry ends, instead of leaving its rows Not finished', async () => {
        // Row 1 failed (Retry offers it), rows 2 to 100 done, the rest not recorded.
        const { ids, rows } = startedJobRows(
            (index) => (index === 0 ? 'Failed' : index < 100 ? 'Done' : 'Pending'),
            (index) => (index === 0 ? 'UNABLE_TO_LOCK_ROW: try again' : null),
        );
        let state: 'stopped' | 'resumed' = 'stopped';
        mocked(getJob).mockImplementation(() =>
            Promise.resolve(
                state === 'stopped'
                    ? { job: { ...job('Failed', 100, 201), failed: 1, created: 99 }, rows }
                    : { job: job('Running', 100, 201), rows: [] },
            ),
        );
        const element = render({ contactIds: ids, jobPollInterval: 5 });
        await settle();
        $(element, 'lightning-button.run').click();
        await settle(10);
        expect($(element, '.job-notice').textContent).toMatch(/JOB-0001 stopped/);
        let finishRetry: (results: unknown) => void = () => undefined;
        mocked(enableUsers).mockImplementation(
            () =>
                new Promise((resolve) => {
                    finishRetry = resolve;
                }),
        );
        $(element, 'lightning-button.retry').click();
        await settle();
        const panel = element as HTMLElement & { followResumedJob(jobId: string): boolean };
        state = 'resumed';
        // Busy with the Retry: taken, followed when it ends.
        expect(panel.followResumedJob(JOB_ID)).toBe(true);
        finishRetry([
            {
                contactId: ids[0],
                userId: '005000000000999AAA',
                status: 'Created',
                assignedPermissionSetIds: [],
                problems: [],
            },
        ]);
        await settle(10);
        expect($(element, '.job-notice').textContent).toMatch(/JOB-0001 runs the 101 rows/);
    }, 30000);

    it('runs 200 rows or fewer in the browser, without a job', async () => {
        const ids = factsFor(200);
        mocked(enableUsers).mockImplementation(({ requests }: { requests: EnableRequest[] }) =>
            Promise.resolve(
                requests.map((request, n) => ({
                    contactId: request.ContactId,
                    userId: `005${String(n).padStart(12, '0')}AAA`,
                    status: 'Created',
                    assignedPermissionSetIds: [],
                    problems: [],
                })),
            ),
        );
        const element = render({ contactIds: ids });
        await settle();
        $(element, 'lightning-button.run').click();
        await settle();
        expect(createJob).not.toHaveBeenCalled();
        expect(enableUsers).toHaveBeenCalled();
        // The option is off by default: no login email.
        expect(sendLoginEmails).not.toHaveBeenCalled();
    });

    it('sends the login email once for the created users when chosen, and shows each refusal on its row', async () => {
        const ids = factsFor(2);
        mocked(enableUsers).mockImplementation(({ requests }: { requests: EnableRequest[] }) =>
            Promise.resolve(
                requests.map((request, n) => ({
                    contactId: request.ContactId,
                    userId: `00500000000000${n}AAA`,
                    status: 'Created',
                    assignedPermissionSetIds: [],
                    problems: [],
                })),
            ),
        );
        mocked(sendLoginEmails).mockImplementation(({ userIds }: { userIds: string[] }) =>
            Promise.resolve(
                userIds.map((userId, n) => ({
                    userId,
                    result:
                        n === 0
                            ? { ok: true, message: 'Sent', setupUrl: '' }
                            : { ok: false, message: 'USER_INACTIVE: the user is inactive', setupUrl: '/x' },
                })),
            ),
        );
        const element = render({ contactIds: ids });
        await settle();
        const option = $(element, 'lightning-input.send-login-email');
        expect(option).toMatchObject({ checked: false });
        option.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
        await flush();
        $(element, 'lightning-button.run').click();
        await settle();
        expect(sendLoginEmails).toHaveBeenCalledTimes(1);
        expect(mocked(sendLoginEmails).mock.calls[0][0].userIds).toEqual(['005000000000000AAA', '005000000000001AAA']);
        const results = (element.shadowRoot!.querySelector('c-run-results') as HTMLElement & { rows: Table['data'] })
            .rows;
        expect(results[0].problems).toBe('Login email sent.');
        expect(results[1].problems).toBe('Login email not sent: USER_INACTIVE: the user is inactive');
        await expect(element).toBeAccessible();
    });
});
