/**
 * Sample org implementation of `JobController` (force-app/main/jobs/classes), over the simulated
 * queue of `../jobEngine`: the same guard, capability, owner check (JOB_NOT_OWNED), refusals
 * (CONTRACTS_OPTION_MIXED included) and DTOs as `JobService`.
 */
import JOB_NOT_FOUND from '@salesforce/label/c.CCSA_Job_Not_Found';
import KIND_INVALID from '@salesforce/label/c.CCSA_Job_Kind_Invalid';
import NOT_DRAFT from '@salesforce/label/c.CCSA_Job_Not_Draft';
import EMPTY from '@salesforce/label/c.CCSA_Job_Empty';
import NOT_CANCELLABLE from '@salesforce/label/c.CCSA_Job_Not_Cancellable';
import NOT_RESUMABLE from '@salesforce/label/c.CCSA_Job_Not_Resumable';
import STILL_STOPPING from '@salesforce/label/c.CCSA_Job_Still_Stopping';
import TOO_MANY_ROWS from '@salesforce/label/c.CCSA_Job_Too_Many_Rows';
import ROW_INVALID from '@salesforce/label/c.CCSA_Job_Row_Invalid';
import CONTRACTS_OPTION_MIXED_LABEL from '@salesforce/label/c.CCSA_Job_Contracts_Option_Mixed';
import PROFILE_NOT_FOUND from '@salesforce/label/c.CCSA_Policy_Profile_Not_Found';
import { formatLabel } from 'c/labelFormat';
import { apexMethod, ApexException } from '../apexMethod';
import { assertAdmin, requireCapability } from '../guard';
import type { CapabilityName } from '../guard';
import { toId18 } from '../data/random';
import { platformNow, userById } from '../org';
import { checkJobOwner, checkTargetProfiles, throwIfRefused } from '../policy';
import { currentSession } from '../session';
import type { Session } from '../session';
import { sampleSettings } from './UserSetupController';
import {
    contractsRefusal,
    enqueueStep,
    firstStep,
    insertJob,
    insertRows,
    jobById,
    jobChanged,
    jobs,
    recount,
    requestCompletesContractsSetup,
    rowsOf,
    writeRefusedChangeLog,
} from '../jobEngine';
import type { SampleJob, SampleJobRow } from '../jobEngine';
import type { User } from '../types';

type JobSummary = Apex.JobService.JobSummary;
type JobRow = Apex.JobService.JobRow;
type RowInput = Apex.JobService.RowInput;

/** As `JobService.MAX_ROWS_PER_CALL`, `MAX_ROWS_PER_JOB`, `MAX_PAGE_SIZE`, `RECENT_JOBS`. */
export const MAX_ROWS_PER_CALL = 200;
export const MAX_ROWS_PER_JOB = 10000;
export const MAX_PAGE_SIZE = 2000;
export const RECENT_JOBS = 20;

/**
 * As `JobService.CONTRACTS_OPTION_MIXED`: the code of `addJobRows`' refusal of license-change rows
 * that disagree about the Contracts option, among themselves or with the rows the job holds (a
 * chunk runs its rows as one request, so the option is the job's, never one row's).
 */
export const CONTRACTS_OPTION_MIXED = 'CONTRACTS_OPTION_MIXED';

/** `JobService.JobException`, as the controller hands it on. */
function jobError(label: string, ...values: Array<string | number>): ApexException {
    return new ApexException(formatLabel(label, ...values), 'ccsa.JobService.JobException');
}

function capabilityOf(kind: string | null | undefined): CapabilityName {
    return kind === 'LICENSE_CHANGE' ? 'LICENSE_UPGRADES' : 'ENABLE_USERS';
}

/** The guard, then the capability of the job's kind (as the Apex controller). */
function guard(kind: string | null | undefined): Session {
    const session = currentSession();
    assertAdmin(session);
    requireCapability(session, capabilityOf(kind));
    return session;
}

function requireJob(jobId: string | null | undefined): SampleJob {
    const job = jobById(jobId);
    if (!job) {
        throw jobError(JOB_NOT_FOUND, String(jobId));
    }
    return job;
}

function requireOwnJob(session: Session, jobId: string | null | undefined): SampleJob {
    const job = requireJob(jobId);
    throwIfRefused(checkJobOwner(session, job.Id, job.Name, job.Started_By__c));
    return job;
}

/** As `new JobService.JobSummary(job)`: nulls left out, as Apex leaves them out. */
export function toSummary(session: Session, job: SampleJob): JobSummary {
    const summary: JobSummary = {
        id: job.Id,
        name: job.Name,
        kind: job.Kind__c,
        status: job.Status__c,
        requested: job.Requested__c,
        processed: job.Processed__c,
        created: job.Created__c,
        alreadyEnabled: job.Already_Enabled__c,
        failed: job.Failed__c,
        skipped: job.Skipped__c,
        currentStep: job.Current_Step__c,
        currentChunk: job.Current_Chunk__c,
        chunkSize: job.Chunk_Size__c,
        startedDate: job.Started__c,
        finishedDate: job.Finished__c,
        createdDate: job.CreatedDate,
        startedById: job.Started_By__c,
        startedByName: userById(session.org, job.Started_By__c)?.Name ?? null,
        targetProfileId: job.Target_Profile_Id__c,
        lastError: job.Last_Error__c,
        ownedByMe: job.Started_By__c === session.user.Id,
        stopping: isStopping(job),
        // As `UserInfo.getTimeZone().getID()`: the admin's time zone, the History's too.
        timeZone: session.user.TimeZoneSidKey ?? null,
    };
    for (const key of Object.keys(summary) as Array<keyof JobSummary>) {
        if (summary[key] === null || summary[key] === undefined) {
            delete summary[key];
        }
    }
    return summary;
}

/**
 * As `new JobService.JobRow(row, user)`: the row, and the username and email of the user it produced
 * (`JobSelector.selectUsersById`, one query for the page); nothing for a row without a user.
 */
function toRow(session: Session, row: SampleJobRow, users: ReadonlyMap<string, User>): JobRow {
    const log = row.Log__c ? session.org.Setup_Assistant_Log__c.find((l) => l.Id === row.Log__c) : undefined;
    const user = row.Result_User__c ? users.get(row.Result_User__c) : undefined;
    const dto: JobRow = {
        id: row.Id,
        sequence: row.Sequence__c,
        rowKey: row.Row_Key__c,
        label: row.Label__c,
        status: row.Status__c,
        resultUserId: row.Result_User__c,
        username: user?.Username ?? null,
        email: user?.Email ?? null,
        logId: row.Log__c,
        logName: log?.Name ?? null,
        error: row.Error__c,
        chunk: row.Chunk__c,
    };
    for (const key of Object.keys(dto) as Array<keyof JobRow>) {
        if (dto[key] === null || dto[key] === undefined) {
            delete dto[key];
        }
    }
    return dto;
}

/**
 * As `JobService.requireOneContractsOption`: the Contracts option of the rows of a license-change
 * job (false for a job that enables users), the same for every row of the call and, when the job
 * holds rows already, the same as its first row's. Otherwise the whole call is refused
 * (CONTRACTS_OPTION_MIXED, the code leading and the label's words after it), before anything is
 * written: no row, no History record, the job still Draft with what it held.
 */
function requireOneContractsOption(job: SampleJob, rows: readonly RowInput[]): boolean {
    if (job.Kind__c !== 'LICENSE_CHANGE') {
        return false;
    }
    const option = requestCompletesContractsSetup(rows[0].request);
    let mixed = rows.some((row) => requestCompletesContractsSetup(row.request) !== option);
    if (!mixed && job.Requested__c > 0) {
        const held = rowsOf(job.Id)[0];
        mixed = held !== undefined && requestCompletesContractsSetup(held.Request__c) !== option;
    }
    if (mixed) {
        throw new ApexException(
            `${CONTRACTS_OPTION_MIXED}: ${CONTRACTS_OPTION_MIXED_LABEL}`,
            'ccsa.JobService.JobException',
        );
    }
    return option;
}

/**
 * As `JobService.rowKeyOf`: the row's key when its request names that same contact or user, as an
 * 18-character Id (`Id.valueOf`; the request's field is an `Id` too, so a 15- and an 18-character
 * form of the same record agree), or null.
 */
function rowKeyOf(kind: string, row: RowInput | null | undefined): string | null {
    const key = row?.request ? toId18(row.rowKey) : null;
    if (!row || key === null) {
        return null;
    }
    try {
        const request = JSON.parse(row.request) as { ContactId?: unknown; userId?: unknown } | null;
        const named = toId18(kind === 'LICENSE_CHANGE' ? request?.userId : request?.ContactId);
        return named === key ? key : null;
    } catch {
        return null;
    }
}

export const createJob: typeof import('@salesforce/apex/JobController.createJob').default = apexMethod<
    { kind: string; targetProfileId?: string | null },
    JobSummary
>(({ kind, targetProfileId }) => {
    const session = guard(kind);
    if (kind !== 'ENABLE_USERS' && kind !== 'LICENSE_CHANGE') {
        throw jobError(KIND_INVALID, String(kind));
    }
    if (kind === 'LICENSE_CHANGE') {
        if (!targetProfileId) {
            throw jobError(PROFILE_NOT_FOUND, 'null');
        }
        throwIfRefused(checkTargetProfiles(session, [targetProfileId]));
    }
    const job = insertJob({
        Kind__c: kind,
        Started_By__c: session.user.Id,
        Target_Profile_Id__c: kind === 'LICENSE_CHANGE' ? (targetProfileId ?? null) : null,
    });
    return toSummary(session, job);
});

export const addJobRows: typeof import('@salesforce/apex/JobController.addJobRows').default = apexMethod<
    { jobId: string; rows: RowInput[] },
    Apex.JobService.AddRowsResult
>(({ jobId, rows }) => {
    const session = guard(jobById(jobId)?.Kind__c);
    const job = requireOwnJob(session, jobId);
    const result = { added: 0, duplicates: 0, requested: job.Requested__c };
    if (!rows || rows.length === 0) {
        return result;
    }
    if (job.Status__c !== 'Draft') {
        throw jobError(NOT_DRAFT, job.Name, job.Status__c);
    }
    if (rows.length > MAX_ROWS_PER_CALL || job.Requested__c + rows.length > MAX_ROWS_PER_JOB) {
        throw jobError(TOO_MANY_ROWS, MAX_ROWS_PER_CALL, MAX_ROWS_PER_JOB);
    }
    const keys: string[] = [];
    for (const row of rows) {
        const key = rowKeyOf(job.Kind__c, row);
        if (!key) {
            throw jobError(ROW_INVALID, String(row?.rowKey));
        }
        keys.push(key);
    }
    const contractsOption = requireOneContractsOption(job, rows);
    // As `JobService.contractsRefusalOf`: the rows (all of them carry the Contracts option, or none)
    // are added Refused when the policy refuses a Contracts set or license now (the browser is not
    // trusted with it).
    const contractsRefused = contractsOption ? contractsRefusal(session, job.Target_Profile_Id__c) : null;
    // Keys are 18-character Ids, stored and compared so: a 15- and an 18-character key of the same
    // record are duplicates.
    const taken = new Set(rowsOf(job.Id).map((row) => row.Row_Key__c));
    const inserts: Array<
        Pick<SampleJobRow, 'Row_Key__c' | 'Label__c' | 'Request__c'> &
            Partial<Pick<SampleJobRow, 'Status__c' | 'Error__c' | 'Log__c'>>
    > = [];
    rows.forEach((row, i) => {
        const key = keys[i];
        if (taken.has(key)) {
            result.duplicates++;
            return;
        }
        taken.add(key);
        const added = {
            Row_Key__c: key,
            Label__c: row.label?.slice(0, 255) ?? null,
            Request__c: row.request,
        };
        if (contractsRefused === null) {
            inserts.push(added);
            return;
        }
        // As `JobService.linkRefusedLogs`: the Refused History record a chunk writes for a row it
        // refuses (`JobChain.refusedChangeLog`), and the row linked to it.
        inserts.push({
            ...added,
            Status__c: 'Refused',
            Error__c: contractsRefused,
            Log__c: writeRefusedChangeLog(session.org, session.user, job.Id, key, contractsRefused),
        });
    });
    insertRows(job, inserts);
    result.added = inserts.length;
    result.requested = job.Requested__c;
    return result;
});

export const startJob: typeof import('@salesforce/apex/JobController.startJob').default = apexMethod<
    { jobId: string },
    JobSummary
>(({ jobId }) => {
    const session = guard(jobById(jobId)?.Kind__c);
    const job = requireOwnJob(session, jobId);
    if (job.Status__c !== 'Draft') {
        throw jobError(NOT_DRAFT, job.Name, job.Status__c);
    }
    recount(job);
    if (job.Requested__c === 0) {
        throw jobError(EMPTY, job.Name);
    }
    job.Status__c = 'Queued';
    job.Run__c = 1;
    job.Started__c = platformNow();
    job.Chunk_Size__c = sampleSettings().roleBasedInsertChunkSize;
    job.Current_Chunk__c = 1;
    job.Current_Step__c = firstStep(job.Kind__c);
    enqueueStep(job.Id, job.Run__c, 1, firstStep(job.Kind__c));
    return toSummary(session, job);
});

export const getJobs: typeof import('@salesforce/apex/JobController.getJobs').default = apexMethod<void, JobSummary[]>(
    () => {
        const session = guard('ENABLE_USERS');
        return [...jobs()]
            .reverse()
            .slice(0, RECENT_JOBS)
            .map((job) => toSummary(session, job));
    },
);

export const getJob: typeof import('@salesforce/apex/JobController.getJob').default = apexMethod<
    { jobId: string; afterSequence?: number | null; pageSize?: number | null },
    Apex.JobService.JobDetail
>(({ jobId, afterSequence, pageSize }) => {
    const session = guard(jobById(jobId)?.Kind__c);
    const job = requireJob(jobId);
    const size = !pageSize || pageSize < 1 ? MAX_ROWS_PER_CALL : Math.min(pageSize, MAX_PAGE_SIZE);
    const after = afterSequence ?? 0;
    const page = rowsOf(job.Id)
        .filter((row) => row.Sequence__c > after)
        .slice(0, size);
    // As `JobSelector.selectUsersById`: the page's users, read once for the whole page.
    const userIds = new Set(page.map((row) => row.Result_User__c).filter((id): id is string => !!id));
    const users = new Map(session.org.User.filter((user) => userIds.has(user.Id)).map((user) => [user.Id, user]));
    const rows = page.map((row) => toRow(session, row, users));
    return { job: toSummary(session, job), rows };
});

/** As `JobService.STOPPING_WAIT_MINUTES`. */
export const STOPPING_WAIT_MINUTES = 10;

/**
 * As `JobService.isStopping`: Cancelled, still naming the step that was in flight, within
 * `STOPPING_WAIT_MINUTES` of the Cancel.
 */
export function isStopping(job: SampleJob, now: number = Date.now()): boolean {
    const cancelledAt = job.Finished__c ? Date.parse(job.Finished__c) : Number.NaN;
    return (
        job.Status__c === 'Cancelled' &&
        job.Current_Step__c !== null &&
        !Number.isNaN(cancelledAt) &&
        cancelledAt > now - STOPPING_WAIT_MINUTES * 60 * 1000
    );
}

export const cancelJob: typeof import('@salesforce/apex/JobController.cancelJob').default = apexMethod<
    { jobId: string },
    JobSummary
>(({ jobId }) => {
    const session = guard(jobById(jobId)?.Kind__c);
    const job = requireOwnJob(session, jobId);
    if (job.Status__c !== 'Queued' && job.Status__c !== 'Running') {
        throw jobError(NOT_CANCELLABLE, job.Name, job.Status__c);
    }
    job.Status__c = 'Cancelled';
    job.Finished__c = platformNow();
    jobChanged();
    return toSummary(session, job);
});

export const resumeJob: typeof import('@salesforce/apex/JobController.resumeJob').default = apexMethod<
    { jobId: string },
    JobSummary
>(({ jobId }) => {
    const session = guard(jobById(jobId)?.Kind__c);
    const job = requireOwnJob(session, jobId);
    if (job.Status__c !== 'Failed' && job.Status__c !== 'Cancelled') {
        throw jobError(NOT_RESUMABLE, job.Name, job.Status__c);
    }
    if (isStopping(job)) {
        // As `JobService.resumeJob`: never beside the step still in flight on the same rows.
        throw jobError(STILL_STOPPING, job.Name);
    }
    const pending = recount(job);
    job.Run__c += 1;
    if (pending === 0) {
        job.Status__c = 'Completed';
        job.Finished__c = platformNow();
        job.Current_Step__c = null;
        jobChanged();
        return toSummary(session, job);
    }
    job.Status__c = 'Queued';
    job.Finished__c = null;
    job.Last_Error__c = null;
    job.Current_Step__c = firstStep(job.Kind__c);
    enqueueStep(job.Id, job.Run__c, job.Current_Chunk__c ?? 1, firstStep(job.Kind__c));
    return toSummary(session, job);
});
