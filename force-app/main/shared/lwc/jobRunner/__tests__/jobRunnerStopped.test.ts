import { jobCsv, waitForJob } from 'c/jobRunner';
import type { JobApi } from 'c/jobRunner';

type JobRow = Apex.JobService.JobRow;
type JobSummary = Apex.JobService.JobSummary;

/** A job of three rows whose chain stopped after chunk 1: row 1 Done, rows 2 and 3 still Pending. */
const STOPPED_ROWS: JobRow[] = [
    { id: 'r1', sequence: 1, rowKey: '005A', label: 'Ann', status: 'Done', resultUserId: '005A', chunk: 1 },
    { id: 'r2', sequence: 2, rowKey: '005B', label: 'Bo', status: 'Pending' },
    { id: 'r3', sequence: 3, rowKey: '005C', label: 'Cy', status: 'Pending' },
];

/** The platform's job as the runner reads it: the summary while it runs, then every row. */
function platform(statuses: string[], rows: JobRow[]): { api: JobApi; getJob: jest.Mock } {
    const last = statuses[statuses.length - 1];
    const getJob = jest.fn(({ pageSize }: { pageSize?: number | null }) =>
        Promise.resolve({
            job: { id: 'j', status: pageSize === 1 ? (statuses.shift() ?? last) : last } as JobSummary,
            rows: pageSize === 1 ? [] : rows,
        }),
    );
    return { api: { getJob } as unknown as JobApi, getJob };
}

describe('c/jobRunner: a job that stops', () => {
    it.each(['Failed', 'Cancelled'])(
        'stops waiting when the job is %s and hands back every row, the Pending ones included',
        async (stopped) => {
            const { api, getJob } = platform(['Queued', 'Running', stopped], STOPPED_ROWS);
            const progress = jest.fn();
            const result = await waitForJob('j', { intervalMs: 1, onProgress: progress, api });
            // Told while Queued and Running; a stopped job is no longer followed.
            expect(progress.mock.calls.map(([job]) => job.status)).toEqual(['Queued', 'Running']);
            expect(result?.job.status).toBe(stopped);
            expect(result?.rows.map((row) => row.status)).toEqual(['Done', 'Pending', 'Pending']);
            // Three summary reads, then the rows read once, from the start: nothing is read twice.
            expect(getJob.mock.calls.map(([params]) => params.pageSize)).toEqual([1, 1, 1, 2000]);
            expect(getJob.mock.calls[3][0].afterSequence).toBe(0);
        },
    );

    it('reads a cancelled job on while its step in flight still runs, so that its rows include that chunk', async () => {
        const summaries: Array<Partial<JobSummary>> = [
            { status: 'Running', currentStep: 'ENABLE' },
            // Cancelled now: its ENABLE ran, its RECORD is queued.
            { status: 'Cancelled', currentStep: 'ENABLE', stopping: true },
            { status: 'Cancelled', currentStep: null, stopping: false },
        ];
        const getJob = jest.fn(({ pageSize }: { pageSize?: number | null }) =>
            Promise.resolve({
                job: { id: 'j', ...(pageSize === 1 ? summaries.shift() : { status: 'Cancelled' }) } as JobSummary,
                rows: pageSize === 1 ? [] : STOPPED_ROWS,
            }),
        );
        const progress = jest.fn();
        const result = await waitForJob('j', {
            intervalMs: 1,
            onProgress: progress,
            api: { getJob } as unknown as JobApi,
        });
        expect(progress.mock.calls.map(([job]) => `${job.status}:${job.currentStep}`)).toEqual([
            'Running:ENABLE',
            'Cancelled:ENABLE',
        ]);
        expect(getJob.mock.calls.map(([params]) => params.pageSize)).toEqual([1, 1, 1, 2000]);
        expect(result?.rows).toHaveLength(3);
    });

    it('stops reading a cancelled job the server no longer says is stopping (a step that never ran)', async () => {
        const getJob = jest.fn(({ pageSize }: { pageSize?: number | null }) =>
            Promise.resolve({
                job: { id: 'j', status: 'Cancelled', currentStep: 'RECORD', stopping: false } as JobSummary,
                rows: pageSize === 1 ? [] : STOPPED_ROWS,
            }),
        );
        const result = await waitForJob('j', { intervalMs: 60000, api: { getJob } as unknown as JobApi });
        expect(getJob).toHaveBeenCalledTimes(2);
        expect(result?.job.status).toBe('Cancelled');
    });

    it('reads the rows of a job that had already stopped without waiting', async () => {
        const { api, getJob } = platform(['Failed'], STOPPED_ROWS);
        const progress = jest.fn();
        const result = await waitForJob('j', { intervalMs: 60000, onProgress: progress, api });
        expect(progress).not.toHaveBeenCalled();
        expect(result?.rows).toHaveLength(3);
        expect(getJob).toHaveBeenCalledTimes(2);
    });
});

describe('c/jobRunner: the CSV of a job', () => {
    it('writes one line per row under the header, the History record by name when it has one', () => {
        const csv = jobCsv([
            { ...STOPPED_ROWS[0], logId: 'a0L1', logName: 'LOG-0001' },
            { ...STOPPED_ROWS[1], logId: 'a0L2', error: 'USER_NOT_EXTERNAL: not external, refused' },
        ]);
        expect(csv.startsWith('\uFEFF')).toBe(true);
        expect(csv.slice(1).split('\r\n')).toEqual([
            'Row,Key,Name,Status,User,Username,Email,History record,Chunk,Error',
            '1,005A,Ann,Done,005A,,,LOG-0001,1,',
            '2,005B,Bo,Pending,,,,a0L2,,"USER_NOT_EXTERNAL: not external, refused"',
            '',
        ]);
    });

    it("gives a created row's username and email, and leaves them empty for a failed or skipped row", () => {
        const csv = jobCsv([
            {
                ...STOPPED_ROWS[0],
                username: 'ann.lee@acme.example.ccsa',
                email: 'ann.lee@acme.example',
                logName: 'LOG-0001',
            },
            { ...STOPPED_ROWS[1], status: 'Failed', error: 'DUPLICATE_USERNAME: taken' },
            { ...STOPPED_ROWS[2], status: 'Skipped' },
        ]);
        const [header, created, failed, skipped] = csv.slice(1).split('\r\n');
        const columns = header.split(',');
        const cell = (line: string, column: string) => line.split(',')[columns.indexOf(column)];
        expect(columns).toEqual(expect.arrayContaining(['Username', 'Email']));
        expect(cell(created, 'Username')).toBe('ann.lee@acme.example.ccsa');
        expect(cell(created, 'Email')).toBe('ann.lee@acme.example');
        for (const line of [failed, skipped]) {
            expect(cell(line, 'Username')).toBe('');
            expect(cell(line, 'Email')).toBe('');
        }
    });

    it('neutralises a name a spreadsheet would run as a formula', () => {
        const csv = jobCsv([{ ...STOPPED_ROWS[2], label: '=HYPERLINK("http://x")' }]);
        expect(csv).toContain(`3,005C,"'=HYPERLINK(""http://x"")",Pending`);
    });
});
