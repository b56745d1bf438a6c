import { changeResultOf, changeRow, enableResultOf, rowProblems, waitForJob } from 'c/jobRunner';
import type { JobApi } from 'c/jobRunner';

type JobRow = Apex.JobService.JobRow;

const row = (status: string, error: string | null = null): JobRow => ({
    id: 'a0K1',
    sequence: 1,
    rowKey: '003000000000001AAA',
    status,
    resultUserId: status === 'Done' ? '005000000000001AAA' : null,
    logId: 'a0L1',
    error,
});

describe('c/jobRunner: outcomes of job rows', () => {
    it('reads each line of a row error as a problem, with its code when it has one', () => {
        expect(rowProblems(row('Failed', 'DUPLICATE_USERNAME: Duplicate Username.\nsomething else'))).toEqual([
            { code: 'DUPLICATE_USERNAME', message: 'Duplicate Username.' },
            { code: 'PLATFORM_ERROR', message: 'something else' },
        ]);
        expect(rowProblems(row('Done'))).toEqual([]);
    });

    it('turns an enable row into the panel result; a pending row has none yet', () => {
        expect(enableResultOf(row('Done'))).toMatchObject({
            contactId: '003000000000001AAA',
            userId: '005000000000001AAA',
            status: 'Created',
        });
        expect(enableResultOf(row('Existing'))?.status).toBe('Existing');
        expect(enableResultOf(row('Refused', 'USER_NOT_EXTERNAL: not external'))).toMatchObject({
            status: 'Refused',
            refusalCodes: ['USER_NOT_EXTERNAL'],
        });
        expect(enableResultOf(row('Skipped', 'bad'))?.status).toBe('Refused');
        expect(enableResultOf(row('Pending'))).toBeNull();
    });

    it('turns a license-change row into the panel result', () => {
        expect(changeResultOf(row('Done'))).toMatchObject({ status: 'Completed', profileChanged: true, logId: 'a0L1' });
        expect(changeResultOf(row('Failed', 'a\nb'))).toMatchObject({ status: 'Failed', errors: ['a', 'b'] });
        expect(changeResultOf(row('Pending'))).toBeNull();
    });

    it('carries the Contracts option of the request on each license-change row', () => {
        const input = changeRow(
            {
                userId: '005000000000001AAA',
                profileId: '00e000000000001AAA',
                isActive: true,
                permissionSetIds: [],
                permissionSetLicenseIds: [],
                acknowledgedIrreversible: false,
                completeContractsSetup: true,
            },
            'Ann',
        );
        expect(JSON.parse(input.request)).toMatchObject({ userId: '005000000000001AAA', completeContractsSetup: true });
    });

    it('waits while the job runs, then reads every row; stops when told', async () => {
        const statuses = ['Queued', 'Running', 'Completed'];
        const getJob = jest.fn(({ pageSize }: { pageSize?: number | null }) =>
            Promise.resolve({
                job: { id: 'j', status: pageSize === 1 ? statuses.shift() : 'Completed' },
                rows: pageSize === 1 ? [] : [row('Done')],
            }),
        );
        const api = { getJob } as unknown as JobApi;
        const progress = jest.fn();
        const finished = await waitForJob('j', { intervalMs: 1, onProgress: progress, api });
        expect(progress).toHaveBeenCalledTimes(2);
        expect(finished?.rows).toHaveLength(1);
        expect(await waitForJob('j', { intervalMs: 1, stopped: () => true, api })).toBeNull();
    });
});
