/**
 * The state machine of a job: a large run on the platform's queue (`JobService`, `JobChain`), as
 * the UI and the sample org's simulated engine both follow it. Pure: no DOM, no Apex.
 *
 * Draft (rows being added) → start → Queued → a chunk recorded → Running → … → Completed, when no
 * row is Pending. Queued or Running → cancel → Cancelled (the chain stops between chunks); → fail →
 * Failed (a chunk died; the Finalizer records it). A Cancelled job that still names a step is
 * stopping: the step in flight finishes (and records its chunk) first, then the chain clears it
 * (`JobChain.settleIfStopping`, `advance`). Cancelled or Failed → resume → Queued (only the
 * Pending rows run again). Every row ends in one bucket, so that created + already enabled + failed +
 * skipped = requested once nothing is pending.
 */
import PROGRESS from '@salesforce/label/c.CCSA_Job_Progress';
import CHUNK from '@salesforce/label/c.CCSA_Job_Chunk';
import STOPPING from '@salesforce/label/c.CCSA_Job_Stopping';
import SUMMARY_CREATED from '@salesforce/label/c.CCSA_Job_Summary_Created';
import SUMMARY_CHANGED from '@salesforce/label/c.CCSA_Job_Summary_Changed';
import SUMMARY_ALREADY_ENABLED from '@salesforce/label/c.CCSA_Job_Summary_Already_Enabled';
import SUMMARY_FAILED from '@salesforce/label/c.CCSA_Job_Summary_Failed';
import SUMMARY_SKIPPED from '@salesforce/label/c.CCSA_Job_Summary_Skipped';
import SUMMARY_PENDING from '@salesforce/label/c.CCSA_Job_Summary_Pending';
import SUMMARY_WAITING from '@salesforce/label/c.CCSA_Job_Summary_Waiting';
import STATUS_DRAFT from '@salesforce/label/c.CCSA_Job_Status_Draft';
import STATUS_QUEUED from '@salesforce/label/c.CCSA_Job_Status_Queued';
import STATUS_RUNNING from '@salesforce/label/c.CCSA_Job_Status_Running';
import STATUS_COMPLETED from '@salesforce/label/c.CCSA_Job_Status_Completed';
import STATUS_CANCELLED from '@salesforce/label/c.CCSA_Job_Status_Cancelled';
import STATUS_FAILED from '@salesforce/label/c.CCSA_Job_Status_Failed';
import STEP_ENABLE from '@salesforce/label/c.CCSA_Job_Step_ENABLE';
import STEP_RECORD from '@salesforce/label/c.CCSA_Job_Step_RECORD';
import STEP_SNAPSHOT from '@salesforce/label/c.CCSA_Job_Step_SNAPSHOT';
import STEP_APPLY from '@salesforce/label/c.CCSA_Job_Step_APPLY';
import STEP_RECONCILE from '@salesforce/label/c.CCSA_Job_Step_RECONCILE';
import KIND_ENABLE_USERS from '@salesforce/label/c.CCSA_Job_Kind_ENABLE_USERS';
import KIND_LICENSE_CHANGE from '@salesforce/label/c.CCSA_Job_Kind_LICENSE_CHANGE';
import LOCALE from '@salesforce/i18n/locale';
import { formatLabel } from 'c/labelFormat';

/** As `JobService.KIND_*`. */
export type JobKind = 'ENABLE_USERS' | 'LICENSE_CHANGE';
/** As `JobService.STATUS_*`. */
export type JobStatus = 'Draft' | 'Queued' | 'Running' | 'Completed' | 'Cancelled' | 'Failed';
/** As `JobService.ROW_*`. */
export type RowStatus = 'Pending' | 'Done' | 'Existing' | 'Failed' | 'Skipped' | 'Refused';
/** As `JobChain.Step`. */
export type JobStep = 'ENABLE' | 'RECORD' | 'SNAPSHOT' | 'APPLY' | 'RECONCILE';
/** What moves a job from one status to the next. */
export type JobEvent = 'start' | 'chunkRecorded' | 'complete' | 'cancel' | 'fail' | 'resume';

/** Rows per `addJobRows` call, as `JobService.MAX_ROWS_PER_CALL`. */
export const ROWS_PER_CALL = 200;
/** Rows per job, as `JobService.MAX_ROWS_PER_JOB`. */
export const MAX_ROWS_PER_JOB = 10000;
/** Above this many rows a run becomes a job (issue 10 §3); at or below, the browser may run it. */
export const JOB_THRESHOLD = 200;

/** Every allowed transition; anything else is refused. */
export const TRANSITIONS: Readonly<Record<JobStatus, Readonly<Partial<Record<JobEvent, JobStatus>>>>> = {
    Draft: { start: 'Queued' },
    Queued: { chunkRecorded: 'Running', complete: 'Completed', cancel: 'Cancelled', fail: 'Failed' },
    Running: { chunkRecorded: 'Running', complete: 'Completed', cancel: 'Cancelled', fail: 'Failed' },
    Cancelled: { resume: 'Queued' },
    Failed: { resume: 'Queued' },
    Completed: {},
};

/** Whether the event is allowed in the status. */
export function canTransition(status: JobStatus, event: JobEvent): boolean {
    return TRANSITIONS[status]?.[event] !== undefined;
}

/**
 * The status after an event.
 * @throws Error when the event is not allowed in the status (a bug in the caller: the server refuses it too)
 */
export function transition(status: JobStatus, event: JobEvent): JobStatus {
    const next = TRANSITIONS[status]?.[event];
    if (next === undefined) {
        throw new Error(`A ${status} job cannot ${event}.`);
    }
    return next;
}

/** Queued or Running: the chain is (or will be) working on it. */
export function isActive(status: string | null | undefined): boolean {
    return status === 'Queued' || status === 'Running';
}

/** Cancelled or Failed: stopped midway, resumable. */
export function isStopped(status: string | null | undefined): boolean {
    return status === 'Cancelled' || status === 'Failed';
}

/** What `isStopping` and `isMoving` read of a job. */
export interface StepOfJob {
    status: string;
    stopping?: boolean | null;
}

/**
 * Cancelled while a step was in flight, which still finishes and records what its chunk wrote
 * before the job stops: its counts and rows may still change, and a Resume waits. The server
 * judges it (`JobService.isStopping`: a step still named, within 10 minutes of the Cancel, on its
 * own clock), so that a step that never runs cannot keep a job stopping for ever.
 */
export function isStopping(job: StepOfJob): boolean {
    return job.status === 'Cancelled' && job.stopping === true;
}

/** Whether the UI should read the job again: Queued, Running or stopping. */
export function isMoving(job: StepOfJob): boolean {
    return isActive(job.status) || isStopping(job);
}

/** Nothing more will happen to it. */
export function isFinished(status: string | null | undefined): boolean {
    return status === 'Completed';
}

/** The counts a job shows, as `JobService.Counts` recomputes them from the rows. */
export interface JobCounts {
    requested: number;
    processed: number;
    created: number;
    alreadyEnabled: number;
    failed: number;
    skipped: number;
}

/** The bucket a row's status counts in: Refused rows are skipped (nothing written, reason given). */
export type RowBucket = 'created' | 'alreadyEnabled' | 'failed' | 'skipped' | 'pending';

export function rowBucket(status: string | null | undefined): RowBucket {
    switch (status) {
        case 'Done':
            return 'created';
        case 'Existing':
            return 'alreadyEnabled';
        case 'Failed':
            return 'failed';
        case 'Skipped':
        case 'Refused':
            return 'skipped';
        default:
            return 'pending';
    }
}

/** The counts of a set of rows, as `JobService.Counts`. */
export function countRows(rows: ReadonlyArray<{ status?: string | null }>): JobCounts {
    const counts: JobCounts = { requested: 0, processed: 0, created: 0, alreadyEnabled: 0, failed: 0, skipped: 0 };
    for (const row of rows) {
        counts.requested++;
        const bucket = rowBucket(row.status);
        if (bucket !== 'pending') {
            counts[bucket]++;
            counts.processed++;
        }
    }
    return counts;
}

/** Rows not finished: not run yet, or in a chunk that stopped before recording them. */
export function pendingOf(counts: JobCounts): number {
    return Math.max(0, counts.requested - counts.processed);
}

/** Every processed row is in exactly one bucket (always true of counts from `countRows`). */
export function isConsistent(counts: JobCounts): boolean {
    return counts.created + counts.alreadyEnabled + counts.failed + counts.skipped === counts.processed;
}

/** created + already enabled + failed + skipped = requested: every row has an outcome. */
export function isAccounted(counts: JobCounts): boolean {
    return counts.created + counts.alreadyEnabled + counts.failed + counts.skipped === counts.requested;
}

/** Progress for a bar: processed of requested, and the percentage (0 for an empty job). */
export function progressOf(counts: JobCounts): { value: number; total: number; percent: number } {
    const total = Math.max(0, counts.requested);
    const value = Math.min(Math.max(0, counts.processed), total);
    return { value, total, percent: total === 0 ? 0 : Math.floor((value * 100) / total) };
}

/** "n of N". */
export function progressText(counts: JobCounts): string {
    const { value, total } = progressOf(counts);
    return formatLabel(PROGRESS, value, total);
}

/**
 * "4 created · 2 failed": each non-zero outcome, in a fixed order, and the rows not run yet when
 * there are any: "to go" while the job is queued or running, "not finished" once it stopped (a
 * queued job read "402 not finished" before anything ran, like a failure: admin walk). A license
 * change says "changed" instead of "created".
 */
export function summaryText(counts: JobCounts & { status?: string | null }, kind: string = 'ENABLE_USERS'): string {
    const parts: string[] = [];
    const add = (count: number, label: string) => {
        if (count > 0) {
            parts.push(formatLabel(label, count));
        }
    };
    add(counts.created, kind === 'LICENSE_CHANGE' ? SUMMARY_CHANGED : SUMMARY_CREATED);
    add(counts.alreadyEnabled, SUMMARY_ALREADY_ENABLED);
    add(counts.failed, SUMMARY_FAILED);
    add(counts.skipped, SUMMARY_SKIPPED);
    const moving = counts.status === 'Queued' || counts.status === 'Running';
    add(pendingOf(counts), moving ? SUMMARY_WAITING : SUMMARY_PENDING);
    return parts.join(' · ');
}

/** Chunks a job of this size takes. */
export function totalChunks(requested: number, chunkSize: number | null | undefined): number {
    const size = chunkSize && chunkSize > 0 ? chunkSize : 1;
    return Math.max(1, Math.ceil(Math.max(0, requested) / size));
}

const STATUS_LABELS: Readonly<Record<JobStatus, string>> = {
    Draft: STATUS_DRAFT,
    Queued: STATUS_QUEUED,
    Running: STATUS_RUNNING,
    Completed: STATUS_COMPLETED,
    Cancelled: STATUS_CANCELLED,
    Failed: STATUS_FAILED,
};

const STEP_LABELS: Readonly<Record<JobStep, string>> = {
    ENABLE: STEP_ENABLE,
    RECORD: STEP_RECORD,
    SNAPSHOT: STEP_SNAPSHOT,
    APPLY: STEP_APPLY,
    RECONCILE: STEP_RECONCILE,
};

const KIND_LABELS: Readonly<Record<JobKind, string>> = {
    ENABLE_USERS: KIND_ENABLE_USERS,
    LICENSE_CHANGE: KIND_LICENSE_CHANGE,
};

export function statusLabel(status: string | null | undefined): string {
    return STATUS_LABELS[status as JobStatus] ?? String(status ?? '');
}

export function kindLabel(kind: string | null | undefined): string {
    return KIND_LABELS[kind as JobKind] ?? String(kind ?? '');
}

/** The fields of a job the UI reads (a subset of `Apex.JobService.JobSummary`). */
export interface JobLike extends JobCounts {
    kind: string;
    status: string;
    stopping?: boolean | null;
    currentStep?: string | null;
    currentChunk?: number | null;
    chunkSize?: number | null;
    ownedByMe?: boolean;
    createdDate?: string | null;
}

/**
 * "Chunk 3 of 40 · Creating users and assignments" for an active job; for a stopping one, "Stopping:
 * chunk 3 of 40, in flight when the job was cancelled, finishes and is counted first" (not the step:
 * ENABLE and APPLY cannot write the job, so it may still name the step before the one running);
 * empty otherwise.
 */
export function stepText(job: JobLike): string {
    const chunks = totalChunks(job.requested, job.chunkSize);
    const chunk = Math.min(job.currentChunk ?? 1, chunks);
    if (isStopping(job)) {
        return formatLabel(STOPPING, chunk, chunks);
    }
    if (!isActive(job.status) || !job.currentStep) {
        return '';
    }
    const step = STEP_LABELS[job.currentStep as JobStep] ?? job.currentStep;
    return `${formatLabel(CHUNK, chunk, chunks)} · ${step}`;
}

/** Cancel: an active job of the running admin. */
export function canCancel(job: JobLike): boolean {
    return isActive(job.status) && job.ownedByMe !== false;
}

/** Resume: a stopped job of the running admin with rows not run yet, once no step is in flight. */
export function canResume(job: JobLike): boolean {
    return isStopped(job.status) && !isStopping(job) && job.ownedByMe !== false && pendingOf(job) > 0;
}

/** Active (or stopping) jobs first, then the newest. */
export function sortJobs<T extends JobLike>(jobs: readonly T[]): T[] {
    return [...jobs].sort((a, b) => {
        const active = Number(isMoving(b)) - Number(isMoving(a));
        return active !== 0 ? active : String(b.createdDate ?? '').localeCompare(String(a.createdDate ?? ''));
    });
}

/**
 * The date and time of the History's "When" column (`historyPanel`, a `lightning-datatable` date
 * column): "May 01, 2026, 09:00 AM".
 */
const TIME_FORMAT: Readonly<Intl.DateTimeFormatOptions> = {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
};

/**
 * A job's time (an Apex Datetime, ISO 8601 in UTC) as the History shows its times: in the admin's
 * Salesforce time zone, which Apex sends with the job (`JobSummary.timeZone`, the same
 * `UserInfo.getTimeZone()` as `HistoryPage.timeZone`), and the admin's locale, never the
 * browser's zone. Without a zone (an older server), the browser's; a zone this browser does not
 * know gives UTC, named, rather than a wrong time. Anything that is not a date is shown as it is.
 * @param value the Datetime
 * @param timeZone the time zone (a TimeZoneSidKey, e.g. Europe/Paris)
 * @param locale the locale to format for; the running user's by default
 */
export function formatJobTime(
    value: string | null | undefined,
    timeZone: string | null | undefined,
    locale: string = LOCALE,
): string {
    if (!value) {
        return '';
    }
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) {
        return value;
    }
    try {
        return new Intl.DateTimeFormat(locale || undefined, { ...TIME_FORMAT, timeZone: timeZone || undefined }).format(
            date,
        );
    } catch {
        // RangeError: a time zone or locale this browser does not know.
        return new Intl.DateTimeFormat(undefined, { ...TIME_FORMAT, timeZone: 'UTC', timeZoneName: 'short' }).format(
            date,
        );
    }
}
