/**
 * Starts a job (a large run on the platform's queue) from a panel's plan rows, and reads a whole
 * job back for its CSV. The panel that planned the rows calls {@link startJobFromRows}:
 * createJob → addJobRows in calls of 200, with progress → startJob. From then on the run does not
 * depend on the browser; the jobs panel (`c/jobsPanel`) follows it.
 *
 * No DOM and no `lightning/*`: the Apex methods are passed in (by default the platform's), so the
 * same code runs in Jest, in Node (the benchmark) and in the preview.
 */
import createJob from '@salesforce/apex/JobController.createJob';
import addJobRows from '@salesforce/apex/JobController.addJobRows';
import startJob from '@salesforce/apex/JobController.startJob';
import getJob from '@salesforce/apex/JobController.getJob';
import CSV_HEADER from '@salesforce/label/c.CCSA_Jobs_Csv_Header';
import PREPARING from '@salesforce/label/c.CCSA_Jobs_Preparing';
import { formatLabel } from 'c/labelFormat';
import { chunk } from 'c/bulkRunner';
import { toCsv } from 'c/csvExport';
import { ROWS_PER_CALL, isMoving } from 'c/jobState';

type JobSummary = Apex.JobService.JobSummary;
type JobRow = Apex.JobService.JobRow;
type RowInput = Apex.JobService.RowInput;

/** Rows per page when a whole job is read back (`JobService.MAX_PAGE_SIZE`). */
export const PAGE_SIZE = 2000;

/** The Apex methods the runner calls: the platform's, or the sample org's, or a test's. */
export interface JobApi {
    createJob: (params: { kind: string; targetProfileId?: string | null }) => Promise<JobSummary>;
    addJobRows: (params: { jobId: string; rows: RowInput[] }) => Promise<Apex.JobService.AddRowsResult>;
    startJob: (params: { jobId: string }) => Promise<JobSummary>;
    getJob: (params: {
        jobId: string;
        afterSequence?: number | null;
        pageSize?: number | null;
    }) => Promise<Apex.JobService.JobDetail>;
}

export const PLATFORM_API: JobApi = { createJob, addJobRows, startJob, getJob };

/** Progress of adding the rows to the job, before it starts. */
export interface AddProgress {
    added: number;
    total: number;
    percent: number;
}

/** A planned row of the enable-users panel: the request `c/userEnablement` built for the contact. */
export function enableRow(request: Apex.UserEnablementService.EnableRequest, label?: string | null): RowInput {
    const name = [request.FirstName, request.LastName].filter((part) => part && part.trim()).join(' ');
    return { rowKey: request.ContactId, label: label ?? name, request: JSON.stringify(request) };
}

/**
 * A license change's row as a job carries it: the `ChangeItem`, and the request's Contracts option
 * (`ChangeRequest.completeContractsSetup`), which the chain passes on to the snapshot of its chunk.
 */
export type JobChangeItem = Apex.LicenseChangeService.ChangeItem & { completeContractsSetup?: boolean | null };

/** A planned row of a license change: the validated user and the facts the validator saw. */
export function changeRow(item: JobChangeItem, label?: string | null): RowInput {
    return { rowKey: item.userId, label: label ?? null, request: JSON.stringify(item) };
}

/** The problems of a job row: each line of its error ("CODE: message"), as a result's problems. */
export function rowProblems(row: Pick<JobRow, 'error'>): Array<{ code: string; message: string }> {
    return (row.error ?? '')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => {
            const match = /^([A-Z][A-Z0-9_]*): ?([\s\S]*)$/.exec(line.trim());
            return match ? { code: match[1], message: match[2] } : { code: 'PLATFORM_ERROR', message: line.trim() };
        });
}

/** A job row's status (`JobService.ROW_*`) as an enable result's status; Pending has none. */
const ENABLE_OUTCOMES: Readonly<Record<string, string>> = {
    Done: 'Created',
    Existing: 'Existing',
    Failed: 'Failed',
    Refused: 'Refused',
    Skipped: 'Refused',
};

/** A job row's status as a license change result's status; Pending has none. */
const CHANGE_OUTCOMES: Readonly<Record<string, string>> = {
    Done: 'Completed',
    Existing: 'Completed',
    Failed: 'Failed',
    Refused: 'Refused',
    Skipped: 'Refused',
};

/**
 * A finished row of an enable-users job as the panel's result (`UserEnablementService.EnableResult`):
 * Done → Created, Existing, Failed, Refused or Skipped → Refused (nothing written); null while Pending.
 */
export function enableResultOf(row: JobRow): Apex.UserEnablementService.EnableResult | null {
    const status = ENABLE_OUTCOMES[row.status];
    if (!status) {
        return null;
    }
    const problems = rowProblems(row);
    return {
        contactId: row.rowKey,
        userId: row.resultUserId ?? null,
        status,
        assignedPermissionSetIds: [],
        problems,
        refusalCodes: status === 'Refused' ? problems.map((problem) => problem.code) : [],
    };
}

/**
 * A finished row of a license-change job as the panel's result (`LicenseChangeService.ChangeResult`):
 * Done → Completed, Failed, Refused or Skipped → Refused; null while Pending.
 */
export function changeResultOf(row: JobRow): Apex.LicenseChangeService.ChangeResult | null {
    const status = CHANGE_OUTCOMES[row.status];
    if (!status) {
        return null;
    }
    return {
        userId: row.rowKey,
        logId: row.logId ?? null,
        status,
        profileChanged: status === 'Completed',
        errors: (row.error ?? '').split('\n').filter((line) => line.trim()),
        restored: [],
        removed: [],
    };
}

export interface WaitOptions {
    /** Milliseconds between two reads of the job. */
    intervalMs: number;
    /** Told each time the job was read while it runs. */
    onProgress?: (job: JobSummary) => void;
    /** Stops waiting (the panel was removed): resolves with null. */
    stopped?: () => boolean;
    api?: JobApi;
}

/**
 * Waits until the job is no longer Queued or Running (Completed, or stopped: Cancelled or Failed)
 * nor stopping (`isStopping`: Cancelled while a step was in flight, which still records its chunk),
 * reading its summary every `intervalMs` (the chain does not call the browser back), then reads
 * every row. A panel that started a job shows its rows' outcomes with it.
 * @returns the job and all its rows, or null when `stopped()` said so first
 */
export async function waitForJob(
    jobId: string,
    options: WaitOptions,
): Promise<{ job: JobSummary; rows: JobRow[] } | null> {
    const api = options.api ?? PLATFORM_API;
    for (;;) {
        if (options.stopped?.()) {
            return null;
        }
        // eslint-disable-next-line no-await-in-loop
        const { job } = await api.getJob({ jobId, afterSequence: 0, pageSize: 1 });
        // Stopping (Cancelled, a step still in flight): read on, so that the rows include its chunk.
        if (!isMoving(job)) {
            return fetchWholeJob(jobId, api);
        }
        options.onProgress?.(job);
        // eslint-disable-next-line no-await-in-loop
        await new Promise((resolve) => {
            // Polling: the platform's chain does not call the browser back.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            setTimeout(resolve, options.intervalMs);
        });
    }
}

/** "Adding rows to the job: 400 of 450", for the panel's progress while it adds the rows. */
export function addProgressText(progress: AddProgress): string {
    return formatLabel(PREPARING, progress.added, progress.total);
}

export interface StartOptions {
    /** The target profile of a license change. */
    targetProfileId?: string | null;
    /** Told after each call of 200 rows. */
    onProgress?: (progress: AddProgress) => void;
    api?: JobApi;
}

/**
 * Creates a job, adds the rows in calls of 200 (in order, one after the other), and starts it.
 * @param kind ENABLE_USERS or LICENSE_CHANGE
 * @param rows the plan's rows, at most 10,000 (`enableRow`, `changeRow`)
 * @returns the started job (Queued)
 */
export async function startJobFromRows(
    kind: 'ENABLE_USERS' | 'LICENSE_CHANGE',
    rows: readonly RowInput[],
    options: StartOptions = {},
): Promise<JobSummary> {
    const api = options.api ?? PLATFORM_API;
    const job = await api.createJob({ kind, targetProfileId: options.targetProfileId ?? null });
    let added = 0;
    for (const part of chunk(rows, ROWS_PER_CALL)) {
        // Sequential: each call numbers its rows after the previous ones.
        // eslint-disable-next-line no-await-in-loop
        await api.addJobRows({ jobId: job.id, rows: part });
        added += part.length;
        options.onProgress?.({ added, total: rows.length, percent: Math.floor((added * 100) / rows.length) });
    }
    return api.startJob({ jobId: job.id });
}

/**
 * Every row of a job, in order, read page after page (by sequence: SOQL's OFFSET stops at 2,000).
 * @returns the job as of the last page, and all its rows
 */
export async function fetchWholeJob(
    jobId: string,
    api: JobApi = PLATFORM_API,
): Promise<{ job: JobSummary; rows: JobRow[] }> {
    const rows: JobRow[] = [];
    let after = 0;
    for (;;) {
        // eslint-disable-next-line no-await-in-loop
        const page = await api.getJob({ jobId, afterSequence: after, pageSize: PAGE_SIZE });
        rows.push(...page.rows);
        if (page.rows.length < PAGE_SIZE) {
            return { job: page.job, rows };
        }
        after = page.rows[page.rows.length - 1].sequence;
    }
}

/**
 * The CSV of a whole job (byte-order mark, formulas neutralised: `c/csvExport`). A row that produced
 * a user gives its username (what the admin tells the customer) and email; other rows leave them empty.
 */
export function jobCsv(rows: readonly JobRow[]): string {
    return toCsv(
        CSV_HEADER.split(','),
        rows.map((row) => [
            row.sequence,
            row.rowKey,
            row.label,
            row.status,
            row.resultUserId,
            row.username,
            row.email,
            row.logName ?? row.logId,
            row.chunk,
            row.error,
        ]),
    );
}

/** The file name of a job's CSV. */
export function jobCsvFileName(job: Pick<JobSummary, 'name'>): string {
    return `${job.name || 'job'}.csv`;
}
