import {
    canCancel,
    canResume,
    countRows,
    isAccounted,
    pendingOf,
    stepText,
    summaryText,
    totalChunks,
    transition,
} from 'c/jobState';
import type { JobEvent, JobLike, JobStatus, RowStatus } from 'c/jobState';

/**
 * A job as the chain runs it (`JobChain`), reduced to what the UI sees: its status, and its rows,
 * each Pending until the chunk that holds it is recorded. A chunk takes the first Pending rows;
 * a chunk that dies records nothing (its transaction rolled back), and a resume runs only the
 * rows still Pending.
 */
class SimulatedJob {
    status: JobStatus = 'Draft';
    currentChunk = 0;
    readonly rows: Array<{ status: RowStatus }>;

    constructor(
        size: number,
        readonly chunkSize: number,
    ) {
        this.rows = Array.from({ length: size }, () => ({ status: 'Pending' as RowStatus }));
    }

    on(event: JobEvent): void {
        this.status = transition(this.status, event);
    }

    /**
     * Runs the next chunk; `outcome` is each of its rows' status, or 'dies' for a chunk that fails
     * (nothing recorded: a resume runs the same chunk again). A job that may not run a chunk (the
     * chain reads its status first) throws before any row changes.
     */
    runChunk(outcome: RowStatus | 'dies'): void {
        if (outcome === 'dies') {
            this.on('fail');
            return;
        }
        const pending = this.rows.filter((row) => row.status === 'Pending');
        const taken = pending.slice(0, this.chunkSize);
        const next = transition(this.status, taken.length === pending.length ? 'complete' : 'chunkRecorded');
        taken.forEach((row) => {
            row.status = outcome;
        });
        this.currentChunk++;
        this.status = next;
    }

    get summary(): JobLike {
        return {
            kind: 'ENABLE_USERS',
            status: this.status,
            currentStep: 'ENABLE',
            currentChunk: this.currentChunk,
            chunkSize: this.chunkSize,
            ownedByMe: true,
            ...countRows(this.rows),
        };
    }
}

describe('c/jobState: a job through its runs', () => {
    it('fails on a chunk that dies, keeps its rows Pending, and resumes without counting any row twice', () => {
        const job = new SimulatedJob(5, 2);
        job.on('start');
        job.runChunk('Done');
        job.runChunk('dies');

        expect(job.status).toBe('Failed');
        expect(job.summary).toMatchObject({ requested: 5, processed: 2, created: 2 });
        expect(pendingOf(job.summary)).toBe(3);
        expect(canResume(job.summary)).toBe(true);
        expect(canCancel(job.summary)).toBe(false);
        expect(stepText(job.summary)).toBe('');

        job.on('resume');
        expect(job.status).toBe('Queued');
        expect(canCancel(job.summary)).toBe(true);
        job.runChunk('Done');
        expect(job.status).toBe('Running');
        expect(stepText(job.summary)).toBe(`Chunk 2 of ${totalChunks(5, 2)} · Creating users and assignments`);
        job.runChunk('Existing');

        expect(job.status).toBe('Completed');
        expect(job.summary).toMatchObject({ requested: 5, processed: 5, created: 4, alreadyEnabled: 1 });
        expect(isAccounted(job.summary)).toBe(true);
        expect(canResume(job.summary)).toBe(false);
        expect(summaryText(job.summary)).toBe('4 created · 1 already enabled');
    });

    it('stops between chunks when cancelled and runs only the rest when resumed', () => {
        const job = new SimulatedJob(3, 1);
        job.on('start');
        job.runChunk('Done');
        job.on('cancel');

        expect(job.status).toBe('Cancelled');
        expect(() => job.runChunk('Done')).toThrow('A Cancelled job cannot chunkRecorded.');
        // The refused chunk recorded nothing: only chunk 1's row is processed.
        expect(countRows(job.rows)).toMatchObject({ processed: 1, created: 1 });
        expect(summaryText(job.summary)).toBe('1 created · 2 not finished');
        expect(canResume({ ...job.summary, ownedByMe: false })).toBe(false);

        job.on('resume');
        job.runChunk('Failed');
        job.runChunk('Done');

        expect(job.status).toBe('Completed');
        expect(job.summary).toMatchObject({ requested: 3, processed: 3, created: 2, failed: 1 });
        expect(isAccounted(job.summary)).toBe(true);
        expect(() => job.on('resume')).toThrow('A Completed job cannot resume.');
    });
});
