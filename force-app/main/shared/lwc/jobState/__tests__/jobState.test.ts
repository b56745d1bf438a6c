import {
    TRANSITIONS,
    canCancel,
    canResume,
    canTransition,
    countRows,
    formatJobTime,
    isAccounted,
    isActive,
    isConsistent,
    isFinished,
    isMoving,
    isStopped,
    isStopping,
    kindLabel,
    pendingOf,
    progressOf,
    progressText,
    rowBucket,
    sortJobs,
    statusLabel,
    stepText,
    summaryText,
    totalChunks,
    transition,
} from 'c/jobState';
import type { JobEvent, JobLike, JobStatus } from 'c/jobState';

const STATUSES: JobStatus[] = ['Draft', 'Queued', 'Running', 'Completed', 'Cancelled', 'Failed'];
const EVENTS: JobEvent[] = ['start', 'chunkRecorded', 'complete', 'cancel', 'fail', 'resume'];

function job(overrides: Partial<JobLike> = {}): JobLike {
    return {
        kind: 'ENABLE_USERS',
        status: 'Running',
        requested: 10,
        processed: 4,
        created: 2,
        alreadyEnabled: 1,
        failed: 1,
        skipped: 0,
        currentStep: 'ENABLE',
        currentChunk: 2,
        chunkSize: 4,
        ownedByMe: true,
        ...overrides,
    };
}

describe('c/jobState: the state machine', () => {
    it('walks a job from Draft to Completed', () => {
        let status: JobStatus = 'Draft';
        for (const event of ['start', 'chunkRecorded', 'chunkRecorded', 'complete'] as JobEvent[]) {
            status = transition(status, event);
        }
        expect(status).toBe('Completed');
    });

    it('stops a job by cancel or failure and resumes it as Queued', () => {
        expect(transition('Running', 'cancel')).toBe('Cancelled');
        expect(transition('Queued', 'fail')).toBe('Failed');
        expect(transition('Cancelled', 'resume')).toBe('Queued');
        expect(transition('Failed', 'resume')).toBe('Queued');
    });

    it('refuses every transition the table does not list', () => {
        const pairs = STATUSES.flatMap((status) => EVENTS.map((event) => [status, event] as const));
        for (const [status, event] of pairs) {
            expect(canTransition(status, event)).toBe(TRANSITIONS[status][event] !== undefined);
        }
        for (const [status, event] of pairs.filter(([from, on]) => !canTransition(from, on))) {
            expect(() => transition(status, event)).toThrow(`A ${status} job cannot ${event}.`);
        }
        expect(canTransition('Completed', 'resume')).toBe(false);
        expect(canTransition('Draft', 'cancel')).toBe(false);
    });

    it('names the phases', () => {
        expect(STATUSES.filter(isActive)).toEqual(['Queued', 'Running']);
        expect(STATUSES.filter(isStopped)).toEqual(['Cancelled', 'Failed']);
        expect(STATUSES.filter(isFinished)).toEqual(['Completed']);
    });
});

describe('c/jobState: counts and accounting', () => {
    it('puts every row status in exactly one bucket, Refused with skipped', () => {
        expect(['Done', 'Existing', 'Failed', 'Skipped', 'Refused', 'Pending', undefined].map(rowBucket)).toEqual([
            'created',
            'alreadyEnabled',
            'failed',
            'skipped',
            'skipped',
            'pending',
            'pending',
        ]);
    });

    it('counts rows so that created + already enabled + failed + skipped = requested once none is pending', () => {
        const rows = ['Done', 'Done', 'Existing', 'Failed', 'Refused', 'Skipped'].map((status) => ({ status }));
        const counts = countRows(rows);
        expect(counts).toEqual({ requested: 6, processed: 6, created: 2, alreadyEnabled: 1, failed: 1, skipped: 2 });
        expect(isAccounted(counts)).toBe(true);
        expect(isConsistent(counts)).toBe(true);

        const midway = countRows([...rows, { status: 'Pending' }]);
        expect(isAccounted(midway)).toBe(false);
        expect(isConsistent(midway)).toBe(true);
        expect(pendingOf(midway)).toBe(1);
    });

    it('shows progress as "n of N" and a bounded percentage', () => {
        expect(progressText(job())).toBe('4 of 10');
        expect(progressOf(job())).toEqual({ value: 4, total: 10, percent: 40 });
        expect(progressOf(job({ requested: 0, processed: 0 })).percent).toBe(0);
        expect(progressOf(job({ processed: 12 })).value).toBe(10);
    });

    it('summarises the non-zero outcomes in a fixed order', () => {
        expect(summaryText({ requested: 6, processed: 6, created: 4, alreadyEnabled: 0, failed: 2, skipped: 0 })).toBe(
            '4 created · 2 failed',
        );
        // Running: the rows not reached are to go; stopped, they are not finished.
        expect(summaryText(job())).toBe('2 created · 1 already enabled · 1 failed · 6 to go');
        expect(summaryText(job({ status: 'Queued', processed: 0, created: 0, alreadyEnabled: 0, failed: 0 }))).toBe(
            '10 to go',
        );
        expect(summaryText(job({ status: 'Cancelled' }))).toBe(
            '2 created · 1 already enabled · 1 failed · 6 not finished',
        );
        expect(
            summaryText(
                job({ kind: 'LICENSE_CHANGE', status: 'Failed', processed: 2, alreadyEnabled: 0, failed: 0 }),
                'LICENSE_CHANGE',
            ),
        ).toBe('2 changed · 8 not finished');
        expect(summaryText({ requested: 0, processed: 0, created: 0, alreadyEnabled: 0, failed: 0, skipped: 0 })).toBe(
            '',
        );
    });
});

describe('c/jobState: what the jobs panel shows', () => {
    it('describes the chunk and step of an active job only', () => {
        expect(stepText(job())).toBe('Chunk 2 of 3 · Creating users and assignments');
        expect(stepText(job({ currentStep: 'APPLY', kind: 'LICENSE_CHANGE' }))).toBe(
            'Chunk 2 of 3 · Changing licenses',
        );
        expect(stepText(job({ status: 'Completed' }))).toBe('');
        expect(stepText(job({ currentStep: null }))).toBe('');
        expect(stepText(job({ currentChunk: 9 }))).toBe('Chunk 3 of 3 · Creating users and assignments');
    });

    it('counts chunks', () => {
        expect(totalChunks(10000, 50)).toBe(200);
        expect(totalChunks(201, 50)).toBe(5);
        expect(totalChunks(0, 50)).toBe(1);
        expect(totalChunks(10, null)).toBe(10);
    });

    it('offers Cancel for an active job and Resume for a stopped one with rows left, to its owner only', () => {
        expect(canCancel(job())).toBe(true);
        expect(canCancel(job({ ownedByMe: false }))).toBe(false);
        expect(canCancel(job({ status: 'Failed' }))).toBe(false);
        expect(canResume(job({ status: 'Failed' }))).toBe(true);
        expect(canResume(job({ status: 'Cancelled', ownedByMe: false }))).toBe(false);
        expect(canResume(job({ status: 'Cancelled', processed: 10 }))).toBe(false);
        expect(canResume(job())).toBe(false);
    });

    it('lists active jobs first, then the newest', () => {
        const sorted = sortJobs([
            job({ status: 'Completed', createdDate: '2026-01-03T00:00:00.000Z' }),
            job({ status: 'Running', createdDate: '2026-01-01T00:00:00.000Z' }),
            job({ status: 'Failed', createdDate: '2026-01-04T00:00:00.000Z' }),
        ]);
        expect(sorted.map((j) => j.status)).toEqual(['Running', 'Failed', 'Completed']);
    });

    it('labels statuses and kinds, and passes unknown values through', () => {
        expect(statusLabel('Failed')).toBe('Stopped by an error');
        expect(statusLabel('Odd')).toBe('Odd');
        expect(statusLabel(null)).toBe('');
        expect(kindLabel('LICENSE_CHANGE')).toBe('License change');
        expect(kindLabel(undefined)).toBe('');
    });
});

describe('c/jobState: job times in the admin time zone', () => {
    const STARTED = '2026-01-15T23:30:00.000Z';

    it("formats a time in the admin's time zone and locale, whatever the browser's", () => {
        expect(formatJobTime(STARTED, 'Europe/Paris', 'en-US')).toBe('Jan 16, 2026, 12:30 AM');
        expect(formatJobTime(STARTED, 'America/Los_Angeles', 'en-US')).toBe('Jan 15, 2026, 03:30 PM');
        expect(formatJobTime(STARTED, 'Europe/Paris', 'de-DE')).toBe('16. Jan. 2026, 00:30');
    });

    it('uses the running user locale by default', () => {
        // Jest's @salesforce/i18n/locale: en-US.
        expect(formatJobTime(STARTED, 'Asia/Tokyo')).toBe('Jan 16, 2026, 08:30 AM');
    });

    it('names UTC for a zone the browser does not know, and passes what is not a date through', () => {
        expect(formatJobTime(STARTED, 'Mars/Olympus_Mons', 'en-US')).toBe('Jan 15, 2026, 11:30 PM UTC');
        expect(formatJobTime('not a date', 'Europe/Paris')).toBe('not a date');
        expect(formatJobTime(null, 'Europe/Paris')).toBe('');
        expect(formatJobTime(undefined, null)).toBe('');
    });
});

describe('c/jobState: a cancelled job whose step is still in flight', () => {
    it('is stopping while the server says so, read again, not resumable, and listed first', () => {
        const stopping = job({ status: 'Cancelled', currentStep: 'RECORD', stopping: true, processed: 4 });
        expect(isStopping(stopping)).toBe(true);
        expect(isMoving(stopping)).toBe(true);
        expect(canResume(stopping)).toBe(false);
        // Settled (the step cleared, or the server's wait over): resumable, no longer read again.
        const settled = job({ status: 'Cancelled', currentStep: 'RECORD', stopping: false, processed: 4 });
        expect(isStopping(settled)).toBe(false);
        expect(isMoving(settled)).toBe(false);
        expect(canResume(settled)).toBe(true);
        // Only a Cancelled job stops that way; a Failed one keeps the step it died in.
        expect(isStopping(job({ status: 'Failed', currentStep: 'APPLY', stopping: true }))).toBe(false);
        expect(isMoving(job({ status: 'Running' }))).toBe(true);
        const older = { ...job({ status: 'Completed' }), createdDate: '2026-12-01T09:00:00.000Z' };
        const newer = { ...job({ status: 'Completed' }), createdDate: '2026-12-01T10:00:00.000Z' };
        const cancelling = { ...stopping, createdDate: '2026-12-01T08:00:00.000Z' };
        expect(sortJobs([older, newer, cancelling])).toEqual([cancelling, newer, older]);
    });

    it('says it is stopping with the chunk in flight, not a step the job may no longer be in', () => {
        expect(stepText(job({ status: 'Cancelled', currentStep: 'ENABLE', currentChunk: 2, stopping: true }))).toBe(
            'Stopping: chunk 2 of 3, in flight when the job was cancelled, finishes and is counted first',
        );
        expect(stepText(job({ status: 'Cancelled', currentStep: 'ENABLE', stopping: false }))).toBe('');
        expect(stepText(job({ status: 'Cancelled', currentStep: null }))).toBe('');
        expect(stepText(job({ status: 'Failed', currentStep: 'APPLY' }))).toBe('');
    });
});
