import { createElement } from 'lwc';
import JobsPanel from 'c/jobsPanel';
import getJobs from '@salesforce/apex/JobController.getJobs';
import cancelJob from '@salesforce/apex/JobController.cancelJob';
import resumeJob from '@salesforce/apex/JobController.resumeJob';
import getJob from '@salesforce/apex/JobController.getJob';
import JOBS from './data/JobController.getJobs.json';

jest.mock('@salesforce/apex/JobController.getJobs', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.cancelJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.resumeJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.getJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.createJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.addJobRows', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.startJob', () => ({ default: jest.fn() }), { virtual: true });

type JobSummary = Apex.JobService.JobSummary;
const mockGetJobs = getJobs as unknown as jest.Mock;
const mockCancel = cancelJob as unknown as jest.Mock;
const mockResume = resumeJob as unknown as jest.Mock;
const mockGetJob = getJob as unknown as jest.Mock;

function flush(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function render(): Promise<HTMLElement> {
    const element = createElement('c-jobs-panel', { is: JobsPanel });
    Object.assign(element, { pollInterval: 0 });
    document.body.appendChild(element);
    await flush();
    return element;
}

function jobItems(element: HTMLElement): HTMLElement[] {
    return [...element.shadowRoot!.querySelectorAll('li.job')] as HTMLElement[];
}

function text(item: HTMLElement, selector: string): string | undefined {
    return item.querySelector(selector)?.textContent ?? undefined;
}

describe('c-jobs-panel', () => {
    beforeEach(() => {
        mockGetJobs.mockResolvedValue(JOBS as JobSummary[]);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.resetAllMocks();
    });

    it('lists running jobs first with "n of N", the chunk and step, and the summary', async () => {
        const element = await render();
        const items = jobItems(element);
        expect(items.map((item) => item.dataset.id)).toEqual([
            'a018d0000000002AAA',
            'a018d0000000001AAA',
            'a018d0000000003AAA',
        ]);
        const [running, completed, failed] = items;
        expect(text(running, '.job-title')).toBe('Enable users · JOB-0000002');
        expect(text(running, '.job-status')).toBe('Running');
        expect((running.querySelector('lightning-progress-bar') as unknown as { value: number }).value).toBe(33);
        expect(text(running, '.job-progress')).toContain('100 of 300');
        expect(text(running, '.job-step')).toBe('Chunk 3 of 6 · Creating users and assignments');
        expect(text(running, '.job-summary')).toBe('90 created · 5 already enabled · 3 failed · 2 skipped · 200 to go');
        expect(running.querySelector('lightning-button.cancel')).not.toBeNull();
        expect(text(completed, '.job-summary')).toBe('4 created · 2 failed');
        expect(completed.querySelector('lightning-button.cancel')).toBeNull();
        expect(text(failed, '.job-error')).toContain('Step APPLY of chunk 2 stopped');
        // Another admin's job: no Resume, and the reason why.
        expect(failed.querySelector('lightning-button.resume')).toBeNull();
        expect(text(failed, '.not-owner')).toBe('Only the admin who started this job can cancel or resume it.');
        await expect(element).toBeAccessible();
    });

    it('cancels a running job and resumes a stopped one of its own', async () => {
        const cancelled = { ...JOBS[1], status: 'Cancelled', currentStep: null };
        mockCancel.mockResolvedValue(cancelled);
        const element = await render();
        (jobItems(element)[0].querySelector('lightning-button.cancel') as HTMLElement).click();
        await flush();
        expect(mockCancel).toHaveBeenCalledWith({ jobId: 'a018d0000000002AAA' });
        const item = jobItems(element).find((i) => i.dataset.id === 'a018d0000000002AAA') as HTMLElement;
        expect(text(item, '.job-status')).toBe('Cancelled');
        expect(item.querySelector('lightning-button.cancel')).toBeNull();

        const resumed = jest.fn();
        element.addEventListener('jobresumed', resumed);
        mockResume.mockResolvedValue({ ...cancelled, status: 'Queued', currentStep: 'ENABLE' });
        (item.querySelector('lightning-button.resume') as HTMLElement).click();
        await flush();
        expect(mockResume).toHaveBeenCalledWith({ jobId: 'a018d0000000002AAA' });
        expect(text(jobItems(element)[0], '.job-status')).toBe('Queued');
        // Said to the shell, so that the panel whose run started the job follows it again.
        expect(resumed).toHaveBeenCalledTimes(1);
        expect(resumed.mock.calls[0][0].detail).toEqual({ jobId: 'a018d0000000002AAA', kind: cancelled.kind });
    });

    it('reads a cancelled job on while its step in flight finishes, then shows its counts and why that step died', async () => {
        const stopping = {
            ...JOBS[1],
            status: 'Cancelled',
            currentStep: 'RECORD',
            stopping: true,
        } as JobSummary;
        mockCancel.mockResolvedValue(stopping);
        const element = await render();
        Object.assign(element, { pollInterval: 5 });
        const settled = {
            ...stopping,
            currentStep: null,
            stopping: false,
            lastError: 'Chunk 2 failed at RECORD: UNABLE_TO_LOCK_ROW',
        } as JobSummary;
        mockGetJobs.mockReset();
        mockGetJobs.mockResolvedValue([JOBS[0], settled, JOBS[2]]);
        (jobItems(element)[0].querySelector('lightning-button.cancel') as HTMLElement).click();
        await flush();
        const item = () => jobItems(element).find((i) => i.dataset.id === 'a018d0000000002AAA') as HTMLElement;
        expect(text(item(), '.job-status')).toBe('Cancelled');
        expect(text(item(), '.job-step')).toContain('Stopping');
        // No Resume beside the step in flight.
        expect(item().querySelector('lightning-button.resume')).toBeNull();
        // Polled while stopping: the settled job, its step gone and the error shown.
        await new Promise((resolve) => setTimeout(resolve, 40));
        expect(mockGetJobs).toHaveBeenCalled();
        expect(item().querySelector('.job-step')).toBeNull();
        expect(text(item(), '.job-error')).toBe('Chunk 2 failed at RECORD: UNABLE_TO_LOCK_ROW');
        expect(item().querySelector('lightning-button.resume')).not.toBeNull();
        // Nothing moves any more: the panel stops reading.
        const calls = mockGetJobs.mock.calls.length;
        await new Promise((resolve) => setTimeout(resolve, 40));
        expect(mockGetJobs.mock.calls.length).toBe(calls);
    });

    it("gives the focus, lost with the clicked button, to the job's next action", async () => {
        const stopping = { ...JOBS[1], status: 'Cancelled', currentStep: 'RECORD', stopping: true } as JobSummary;
        mockCancel.mockResolvedValue(stopping);
        const element = await render();
        const item = () => jobItems(element).find((i) => i.dataset.id === 'a018d0000000002AAA') as HTMLElement;
        const cancel = item().querySelector('lightning-button.cancel') as HTMLElement;
        cancel.focus();
        cancel.click();
        await flush();
        await flush();
        // Stopping: no Resume yet, no Cancel any more: the job's title.
        expect(element.shadowRoot!.activeElement).toBe(item().querySelector('.job-title'));

        const settled = { ...stopping, currentStep: null, stopping: false };
        mockGetJobs.mockResolvedValue([JOBS[0], settled, JOBS[2]]);
        (element.shadowRoot!.querySelector('lightning-button.refresh') as HTMLElement).click();
        await flush();
        mockResume.mockResolvedValue({ ...stopping, status: 'Queued', currentStep: 'ENABLE', stopping: false });
        (element.shadowRoot!.activeElement as HTMLElement | null)?.blur();
        const focused: Element[] = [];
        const spy = jest.spyOn(HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement) {
            focused.push(this);
        });
        (item().querySelector('lightning-button.resume') as HTMLElement).click();
        await flush();
        await flush();
        spy.mockRestore();
        // Resumed: its title takes the focus, not its Cancel (a second Enter would cancel it again).
        expect(focused).toEqual([item().querySelector('.job-title')]);
    });

    it('says nothing resumed when Resume fails', async () => {
        mockCancel.mockResolvedValue({ ...JOBS[1], status: 'Cancelled', currentStep: null });
        const element = await render();
        (jobItems(element)[0].querySelector('lightning-button.cancel') as HTMLElement).click();
        await flush();
        const resumed = jest.fn();
        element.addEventListener('jobresumed', resumed);
        mockResume.mockRejectedValue({ body: { message: 'The job is running.' } });
        const item = jobItems(element).find((i) => i.dataset.id === 'a018d0000000002AAA') as HTMLElement;
        (item.querySelector('lightning-button.resume') as HTMLElement).click();
        await flush();
        expect(mockResume).toHaveBeenCalled();
        expect(resumed).not.toHaveBeenCalled();
    });

    it('offers the CSV of the whole job, read page after page', async () => {
        const rows = Array.from({ length: 2000 }, (_unused, i) => ({
            id: `row${i}`,
            sequence: i + 1,
            rowKey: `003${i}`,
            status: 'Done',
        }));
        mockGetJob.mockResolvedValueOnce({ job: JOBS[0], rows }).mockResolvedValueOnce({
            job: JOBS[0],
            rows: [{ id: 'last', sequence: 2001, rowKey: '=cmd', status: 'Failed' }],
        });
        const element = await render();
        const completed = jobItems(element)[1];
        // The browser downloads the link the panel clicks (jsdom does not navigate).
        const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
        (completed.querySelector('lightning-button.prepare-csv') as HTMLElement).click();
        await flush();
        // One click downloads: the link is clicked once and takes the focus (admin walk: two clicks).
        expect(clicked).toHaveBeenCalledTimes(1);
        expect(element.shadowRoot!.activeElement).toBe(jobItems(element)[1].querySelector('a.csv'));
        clicked.mockRestore();
        expect(mockGetJob.mock.calls.map(([params]) => params.afterSequence)).toEqual([0, 2000]);
        const link = jobItems(element)[1].querySelector('a.csv') as HTMLAnchorElement;
        expect(link.getAttribute('download')).toBe('JOB-0000001.csv');
        const csv = decodeURIComponent(link.getAttribute('href')!.replace('data:text/csv;charset=utf-8,', ''));
        expect(csv.startsWith('\uFEFFRow,Key,Name,Status')).toBe(true);
        expect(csv).toContain("2001,'=cmd,,Failed");
        await expect(element).toBeAccessible();

        // A refresh that finds the job as it was keeps its link, and the focus on it (admin re-walk:
        // every refresh dropped the links, and the focus to the body).
        await (element as unknown as { refresh: () => Promise<void> }).refresh();
        await flush();
        expect(jobItems(element)[1].querySelector('a.csv')).not.toBeNull();
        expect(element.shadowRoot!.activeElement).toBe(jobItems(element)[1].querySelector('a.csv'));
        // Its counts changed: the link goes, and the focus to the job's Download button.
        mockGetJobs.mockResolvedValue(
            (JOBS as JobSummary[]).map((job, index) => (index === 0 ? { ...job, failed: job.failed + 1 } : job)),
        );
        const focused: Element[] = [];
        const spy = jest.spyOn(HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement) {
            focused.push(this);
        });
        await (element as unknown as { refresh: () => Promise<void> }).refresh();
        await flush();
        await flush();
        spy.mockRestore();
        expect(jobItems(element)[1].querySelector('a.csv')).toBeNull();
        expect(focused).toEqual([jobItems(element)[1].querySelector('lightning-button.prepare-csv')]);
    });

    it("shows when a job started in the admin's Salesforce time zone, not the browser's, and says which", async () => {
        // Kathmandu is UTC+5:45: a browser anywhere else could not show :45 for a job started at 09:00 UTC.
        mockGetJobs.mockResolvedValue((JOBS as JobSummary[]).map((job) => ({ ...job, timeZone: 'Asia/Kathmandu' })));
        const element = await render();
        const completed = jobItems(element)[1];
        expect(completed.dataset.id).toBe('a018d0000000001AAA');
        // startedDate 2026-05-01T09:00:00.000Z; Jest's @salesforce/i18n/locale is en-US.
        expect(text(completed, '.job-started')).toBe('Started by Dana Admin on May 01, 2026, 02:45 PM');
        expect(element.shadowRoot!.querySelector('.time-zone')?.textContent).toBe('Times in Asia/Kathmandu');
        await expect(element).toBeAccessible();
    });

    it('shows the error and an empty state', async () => {
        mockGetJobs.mockRejectedValueOnce({ body: { message: 'Nope' } });
        const element = await render();
        expect(element.shadowRoot!.querySelector('c-error-panel')).not.toBeNull();
        mockGetJobs.mockResolvedValueOnce([]);
        (element.shadowRoot!.querySelector('lightning-button.refresh') as HTMLElement).click();
        await flush();
        expect(element.shadowRoot!.querySelector('.empty')?.textContent).toBe(
            'No jobs yet. A run of more than 200 rows appears here.',
        );
        await expect(element).toBeAccessible();
    });
});
