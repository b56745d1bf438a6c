import { addProgressText, changeRow, enableRow, fetchWholeJob, jobCsvFileName, startJobFromRows } from 'c/jobRunner';
import type { JobApi } from 'c/jobRunner';

jest.mock('@salesforce/apex/JobController.createJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.addJobRows', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.startJob', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/JobController.getJob', () => ({ default: jest.fn() }), { virtual: true });

type JobSummary = Apex.JobService.JobSummary;

const JOB = { id: 'a01', name: 'JOB-0000001', kind: 'ENABLE_USERS', status: 'Draft' } as JobSummary;

function api(): JobApi & Record<keyof JobApi, jest.Mock> {
    return {
        createJob: jest.fn().mockResolvedValue(JOB),
        addJobRows: jest
            .fn()
            .mockImplementation(({ rows }) => Promise.resolve({ added: rows.length, duplicates: 0, requested: 0 })),
        startJob: jest.fn().mockResolvedValue({ ...JOB, status: 'Queued' }),
        getJob: jest.fn(),
    };
}

describe('c/jobRunner', () => {
    it('creates a job, adds its rows in calls of 200 in order with progress, then starts it', async () => {
        const calls = api();
        const rows = Array.from({ length: 450 }, (_unused, i) => ({ rowKey: `003${i}`, request: '{}' }));
        const progress: number[] = [];
        const started = await startJobFromRows('ENABLE_USERS', rows, {
            api: calls,
            onProgress: ({ added, total, percent }) => progress.push(added, total, percent),
        });
        expect(calls.createJob).toHaveBeenCalledWith({ kind: 'ENABLE_USERS', targetProfileId: null });
        expect(calls.addJobRows.mock.calls.map(([params]) => params.rows.length)).toEqual([200, 200, 50]);
        expect(calls.addJobRows.mock.calls[2][0].rows[49].rowKey).toBe('003449');
        expect(progress).toEqual([200, 450, 44, 400, 450, 88, 450, 450, 100]);
        expect(addProgressText({ added: 400, total: 450, percent: 88 })).toBe('Adding rows to the job: 400 of 450');
        expect(calls.startJob).toHaveBeenCalledWith({ jobId: 'a01' });
        expect(started.status).toBe('Queued');
    });

    it('passes the target profile of a license change, and never starts a job whose rows failed to load', async () => {
        const calls = api();
        calls.addJobRows.mockRejectedValueOnce(new Error('JOB_NOT_OWNED'));
        await expect(
            startJobFromRows('LICENSE_CHANGE', [{ rowKey: '005x', request: '{}' }], {
                api: calls,
                targetProfileId: '00e1',
            }),
        ).rejects.toThrow('JOB_NOT_OWNED');
        expect(calls.createJob).toHaveBeenCalledWith({ kind: 'LICENSE_CHANGE', targetProfileId: '00e1' });
        expect(calls.startJob).not.toHaveBeenCalled();
    });

    it('turns plan rows into job rows keyed by contact or user, the request as JSON', () => {
        const request = {
            ContactId: '003A',
            FirstName: 'Ana',
            LastName: 'Ruiz',
        } as Apex.UserEnablementService.EnableRequest;
        expect(enableRow(request)).toEqual({ rowKey: '003A', label: 'Ana Ruiz', request: JSON.stringify(request) });
        expect(enableRow(request, 'Shown').label).toBe('Shown');
        const item = { userId: '005B', profileId: '00e', isActive: true } as Apex.LicenseChangeService.ChangeItem;
        expect(changeRow(item, 'Bo')).toEqual({ rowKey: '005B', label: 'Bo', request: JSON.stringify(item) });
    });

    it('reads a whole job page after page, by sequence', async () => {
        const calls = api();
        const page = (from: number, count: number) =>
            Array.from({ length: count }, (_unused, i) => ({
                id: `r${from + i}`,
                sequence: from + i,
                rowKey: 'k',
                status: 'Done',
            }));
        calls.getJob
            .mockResolvedValueOnce({ job: JOB, rows: page(1, 2000) })
            .mockResolvedValueOnce({ job: JOB, rows: page(2001, 2000) })
            .mockResolvedValueOnce({ job: JOB, rows: [] });
        const { rows } = await fetchWholeJob('a01', calls);
        expect(rows).toHaveLength(4000);
        expect(calls.getJob.mock.calls.map(([params]) => params.afterSequence)).toEqual([0, 2000, 4000]);
        expect(jobCsvFileName(JOB)).toBe('JOB-0000001.csv');
    });
});
