/**
 * The sample org's imitation of the platform's Apex queue running a job (`JobService`,
 * `JobChain`): the same records (a job and one row per planned row), the same steps per chunk
 * (enable users: ENABLE then RECORD; license change: SNAPSHOT, APPLY, RECONCILE), the same rules
 * (cancel checked between chunks, a dead step marks the job Failed and leaves its rows Pending,
 * resume runs only Pending rows, a stale run stops), over the sample controllers' own enable and
 * license-change logic, so every row's effect and History record is real in the sample org.
 *
 * Timing: in the preview each step waits `latencyMs` (the page's `?jobLatency=`, default 400 ms)
 * and now and then a step dies (`failureRate`, default 1 in 50, from a seeded generator), as a
 * lock or a limit would kill a Queueable. Tests and Node turn `autoRun` off and call
 * {@link drainJobs}: zero latency, failures only where {@link failNextStep} forces one.
 *
 * Reload: the platform keeps running a job when the browser closes; the sample org is generated
 * again on every page load (org.ts). So the engine saves the jobs, the queued steps and the sample
 * org's tables in sessionStorage after every change, and puts them back when this module loads
 * (same seed only), then carries on with the queued steps. One tab, one session: a new tab starts
 * from the generated org. If the storage is full, the jobs run on without being saved.
 */
import ACCESS_DENIED from '@salesforce/label/c.CCSA_Access_Denied';
import ACCESS_LOST from '@salesforce/label/c.CCSA_Job_Access_Lost';
import CHUNK_FAILED from '@salesforce/label/c.CCSA_Job_Chunk_Failed';
import ROW_INVALID from '@salesforce/label/c.CCSA_Job_Row_Invalid';
import CONTRACTS_TARGET_INVALID from '@salesforce/label/c.CCSA_Upgrade_Contracts_Target_Invalid';
import { formatLabel } from 'c/labelFormat';
import { ApexException, implementationOf, reportUnexpected } from './apexMethod';
import { enableUsers, sampleSettings } from './apex/UserSetupController';
import { applyLicenseChanges, reconcileLicenseChanges, snapshotForJob } from './apex/LicenseUpgradeController';
import { toId18 } from './data/random';
import { forgetIssuedIds, licenseById, newRecordId, platformNow, profileById, sampleOrg, userById } from './org';
import {
    CONTRACTS_PERMISSION_SETS,
    NULL_ID,
    checkAssignableLicenses,
    checkAssignablePermissionSets,
    checkExternalUsers,
    checkTargetProfiles,
    isEnableLicense,
    throwIfRefused,
} from './policy';
import type { Refusal } from './policy';
import { ADMIN_PERMISSION_SET_LABEL, CUSTOM_PERMISSION, capability, isAdmin } from './guard';
import { currentSession, runAs } from './session';
import type { Session } from './session';
import { insertLogRecord } from './logWriter';
import type { Id, SampleOrg, SetupAssistantLog, User } from './types';

type EnableRequest = Apex.UserEnablementService.EnableRequest;
type EnableResult = Apex.UserEnablementService.EnableResult;
type ChangeItem = Apex.LicenseChangeService.ChangeItem;
type ChangeResult = Apex.LicenseChangeService.ChangeResult;

export type JobStepName = 'ENABLE' | 'RECORD' | 'SNAPSHOT' | 'APPLY' | 'RECONCILE';

/** `Setup_Assistant_Job__c`, as the sample org keeps it. */
export interface SampleJob {
    Id: Id;
    Name: string;
    Kind__c: 'ENABLE_USERS' | 'LICENSE_CHANGE';
    Status__c: 'Draft' | 'Queued' | 'Running' | 'Completed' | 'Cancelled' | 'Failed';
    Run__c: number;
    Requested__c: number;
    Processed__c: number;
    Created__c: number;
    Already_Enabled__c: number;
    Failed__c: number;
    Skipped__c: number;
    Current_Step__c: JobStepName | null;
    Current_Chunk__c: number | null;
    Chunk_Size__c: number | null;
    Started__c: string | null;
    Finished__c: string | null;
    Started_By__c: Id;
    Target_Profile_Id__c: Id | null;
    Last_Error__c: string | null;
    CreatedDate: string;
}

/** `Setup_Assistant_Job_Row__c`. */
export interface SampleJobRow {
    Id: Id;
    Job__c: Id;
    Row_Key__c: Id;
    Sequence__c: number;
    Label__c: string | null;
    Request__c: string;
    Status__c: 'Pending' | 'Done' | 'Existing' | 'Failed' | 'Skipped' | 'Refused';
    Result_User__c: Id | null;
    Log__c: Id | null;
    Error__c: string | null;
    Chunk__c: number | null;
}

/** A step waiting in the queue, with what the previous step handed on (a Queueable's state). */
interface QueuedStep {
    jobId: Id;
    run: number;
    chunk: number;
    step: JobStepName;
    rowIds: Id[];
    skipped: Array<[Id, string]>;
    enableResults: EnableResult[];
    /** ENABLE's log records, one per result in order, handed on unwritten: RECORD writes them. */
    logs: SetupAssistantLog[];
    rowByLog: Array<[Id, Id]>;
    changeResults: ChangeResult[];
}

export interface EngineOptions {
    /** Run queued steps by themselves, one every `latencyMs` (the preview); off: {@link drainJobs}. */
    autoRun: boolean;
    latencyMs: number;
    /** Chance that a step dies (0 to 1). */
    failureRate: number;
    /** Seed of the generator that decides failures. */
    seed: number;
    /** Save to sessionStorage after every change. */
    persist: boolean;
}

// v2: a queued RECORD carries ENABLE's logs unwritten (`logs`), not the Ids of logs written at once.
const STORAGE_KEY = 'ccsa.sampleOrg.jobs.v2';
const KEY_PREFIX_JOB = 'a01';
const KEY_PREFIX_ROW = 'a02';

function pageSearch(): string {
    return typeof globalThis.location === 'object' ? globalThis.location.search : '';
}

function hasStorage(): boolean {
    try {
        return typeof globalThis.sessionStorage === 'object' && globalThis.sessionStorage !== null;
    } catch {
        return false;
    }
}

function defaultOptions(): EngineOptions {
    const params = new URLSearchParams(pageSearch());
    const latency = Number(params.get('jobLatency') ?? 400);
    const failureRate = Number(params.get('jobFailureRate') ?? 0.02);
    const inPage = typeof globalThis.document === 'object' && typeof globalThis.location === 'object';
    return {
        autoRun: inPage && typeof globalThis.setTimeout === 'function',
        latencyMs: Number.isFinite(latency) && latency >= 0 ? latency : 400,
        failureRate: Number.isFinite(failureRate) && failureRate >= 0 ? failureRate : 0.02,
        seed: 20260501,
        persist: inPage && hasStorage(),
    };
}

const state: {
    jobs: SampleJob[];
    rows: Map<Id, SampleJobRow[]>;
    queue: QueuedStep[];
    nextId: number;
    options: EngineOptions;
    random: () => number;
    forced: Array<{ step?: JobStepName; message: string }>;
    /**
     * User.CreatedById, which the sample org's users do not carry: the admin each user inserted by
     * an engine step was created as (steps run as the job's owner).
     */
    createdBy: Map<Id, Id>;
    timer: ReturnType<typeof setTimeout> | null;
    listeners: Set<() => void>;
} = {
    jobs: [],
    rows: new Map(),
    queue: [],
    nextId: 1,
    options: defaultOptions(),
    random: seededRandom(20260501),
    forced: [],
    createdBy: new Map(),
    timer: null,
    listeners: new Set(),
};

/** mulberry32: small, fast, deterministic. */
function seededRandom(seed: number): () => number {
    let value = seed >>> 0;
    return () => {
        value = (value + 0x6d2b79f5) >>> 0;
        let t = value;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** Changes how the engine runs (tests: `{ autoRun: false, persist: false, failureRate: 0 }`). */
export function configureEngine(changes: Partial<EngineOptions>): void {
    Object.assign(state.options, changes);
    if (changes.seed !== undefined) {
        state.random = seededRandom(changes.seed);
    }
    schedule();
}

/** Forgets every job and queued step (tests), and what was saved. */
export function resetEngine(): void {
    state.jobs = [];
    state.rows = new Map();
    state.queue = [];
    state.nextId = 1;
    state.forced = [];
    state.createdBy = new Map();
    if (state.timer) {
        clearTimeout(state.timer);
        state.timer = null;
    }
    state.options = defaultOptions();
    state.random = seededRandom(state.options.seed);
    if (hasStorage()) {
        globalThis.sessionStorage.removeItem(STORAGE_KEY);
    }
}

/** The next step to run dies, as a lock or a limit would kill it (one per call; `step` narrows it). */
export function failNextStep(
    step?: JobStepName,
    message = 'UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record',
): void {
    state.forced.push({ step, message });
}

/** Told after every change (the jobs panel may refresh). */
export function onJobsChanged(listener: () => void): () => void {
    state.listeners.add(listener);
    return () => state.listeners.delete(listener);
}

function newId(prefix: string): Id {
    const id = `${prefix}8d0000${String(state.nextId++).padStart(6, '0')}`;
    return `${id}AAA`;
}

/* Records ---------------------------------------------------------------------------------- */

export function jobs(): readonly SampleJob[] {
    return state.jobs;
}

export function jobById(jobId: Id | null | undefined): SampleJob | undefined {
    return jobId ? state.jobs.find((job) => job.Id === jobId) : undefined;
}

export function rowsOf(jobId: Id): SampleJobRow[] {
    let rows = state.rows.get(jobId);
    if (!rows) {
        rows = [];
        state.rows.set(jobId, rows);
    }
    return rows;
}

export function insertJob(fields: Pick<SampleJob, 'Kind__c' | 'Started_By__c' | 'Target_Profile_Id__c'>): SampleJob {
    const job: SampleJob = {
        Id: newId(KEY_PREFIX_JOB),
        Name: `JOB-${String(state.jobs.length + 1).padStart(7, '0')}`,
        Status__c: 'Draft',
        Run__c: 0,
        Requested__c: 0,
        Processed__c: 0,
        Created__c: 0,
        Already_Enabled__c: 0,
        Failed__c: 0,
        Skipped__c: 0,
        Current_Step__c: null,
        Current_Chunk__c: null,
        Chunk_Size__c: null,
        Started__c: null,
        Finished__c: null,
        Last_Error__c: null,
        CreatedDate: platformNow(),
        ...fields,
    };
    state.jobs.push(job);
    changed();
    return job;
}

export function insertRows(
    job: SampleJob,
    rows: ReadonlyArray<
        Pick<SampleJobRow, 'Row_Key__c' | 'Label__c' | 'Request__c'> &
            Partial<Pick<SampleJobRow, 'Status__c' | 'Error__c' | 'Log__c'>>
    >,
): void {
    const stored = rowsOf(job.Id);
    for (const row of rows) {
        stored.push({
            Id: newId(KEY_PREFIX_ROW),
            Job__c: job.Id,
            Sequence__c: stored.length + 1,
            Status__c: 'Pending',
            Result_User__c: null,
            Log__c: null,
            Error__c: null,
            Chunk__c: null,
            ...row,
        });
    }
    job.Requested__c = stored.length;
    changed();
}

/** As `JobService.Counts`: recomputed from the rows, never incremented. */
export function recount(job: SampleJob): number {
    let pending = 0;
    const counts = { created: 0, alreadyEnabled: 0, failed: 0, skipped: 0 };
    const rows = rowsOf(job.Id);
    for (const row of rows) {
        switch (row.Status__c) {
            case 'Done':
                counts.created++;
                break;
            case 'Existing':
                counts.alreadyEnabled++;
                break;
            case 'Failed':
                counts.failed++;
                break;
            case 'Skipped':
            case 'Refused':
                counts.skipped++;
                break;
            default:
                pending++;
        }
    }
    job.Requested__c = rows.length;
    job.Processed__c = rows.length - pending;
    job.Created__c = counts.created;
    job.Already_Enabled__c = counts.alreadyEnabled;
    job.Failed__c = counts.failed;
    job.Skipped__c = counts.skipped;
    return pending;
}

/* The queue ----------------------------------------------------------------------------------- */

export function firstStep(kind: SampleJob['Kind__c']): JobStepName {
    return kind === 'LICENSE_CHANGE' ? 'SNAPSHOT' : 'ENABLE';
}

function newStep(jobId: Id, run: number, chunk: number, step: JobStepName): QueuedStep {
    return {
        jobId,
        run,
        chunk,
        step,
        rowIds: [],
        skipped: [],
        enableResults: [],
        logs: [],
        rowByLog: [],
        changeResults: [],
    };
}

/** `System.enqueueJob`: the step runs later. */
export function enqueueStep(jobId: Id, run: number, chunk: number, step: JobStepName): void {
    enqueue(newStep(jobId, run, chunk, step));
}

function enqueue(step: QueuedStep): void {
    state.queue.push(step);
    changed();
    schedule();
}

function schedule(): void {
    if (!state.options.autoRun || state.timer || state.queue.length === 0) {
        return;
    }
    state.timer = setTimeout(() => {
        state.timer = null;
        runNextStep();
        schedule();
    }, state.options.latencyMs);
}

/** Steps waiting in the queue. */
export function queuedSteps(): number {
    return state.queue.length;
}

/**
 * Runs the oldest queued step now, as the platform would: as the job's owner, with a Finalizer
 * that marks the job Failed if the step dies.
 * @returns whether a step ran
 */
export function runNextStep(): boolean {
    const step = state.queue.shift();
    if (!step) {
        return false;
    }
    try {
        dieIfChosen(step);
        const job = jobById(step.jobId);
        const owner = job ? userById(sampleOrg, job.Started_By__c) : undefined;
        if (job && owner) {
            runAs(owner, () => execute(step, job, owner));
        }
    } catch (error) {
        finalize(step, error);
    }
    changed();
    return true;
}

/**
 * Tests: moves the oldest queued step to the end of the queue, as the platform may run two chains'
 * steps in any order (a chunk of a cancelled run still finishing beside the resumed run's).
 * @returns whether a step was moved
 */
export function deferNextStep(): boolean {
    const step = state.queue.shift();
    if (!step) {
        return false;
    }
    state.queue.push(step);
    return true;
}

/** Runs queued steps until none is left (or `maxSteps` ran): zero latency, for tests and Node. */
export function drainJobs(maxSteps = Number.POSITIVE_INFINITY): number {
    let ran = 0;
    while (ran < maxSteps && runNextStep()) {
        ran++;
    }
    return ran;
}

class SimulatedFailure extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'System.DmlException';
    }
}

function dieIfChosen(step: QueuedStep): void {
    const forced = state.forced.findIndex((failure) => !failure.step || failure.step === step.step);
    if (forced >= 0) {
        const [failure] = state.forced.splice(forced, 1);
        throw new SimulatedFailure(failure.message);
    }
    if (state.options.failureRate > 0 && state.random() < state.options.failureRate) {
        throw new SimulatedFailure(
            'UNABLE_TO_LOCK_ROW, unable to obtain exclusive access to this record (sample org: a simulated failure)',
        );
    }
}

/** The Finalizer: UNHANDLED_EXCEPTION → the job is Failed with the error; its rows stay Pending. */
function finalize(step: QueuedStep, error: unknown): void {
    const job = jobById(step.jobId);
    if (!job || (!isCurrent(job, step.run) && !stoppingInRun(job, step.run))) {
        return;
    }
    const failure = error instanceof Error ? error : new Error(String(error));
    // As `SetupAssistantErrorReporter.messageFor`: a DmlException or the package's own as it is,
    // anything else reported, shown as the generic message with its reference.
    const expected = failure instanceof ApexException || failure.name === 'System.DmlException';
    const shown = expected ? failure.message : reportUnexpected(failure).message;
    // The step in flight after a Cancel died: still Cancelled, no longer stopping, and says why.
    if (isCurrent(job, step.run)) {
        job.Status__c = 'Failed';
    } else {
        job.Current_Step__c = null;
    }
    job.Finished__c = platformNow();
    job.Last_Error__c = formatLabel(CHUNK_FAILED, step.step, step.chunk, shown);
}

function isCurrent(job: SampleJob, run: number): boolean {
    return (job.Status__c === 'Queued' || job.Status__c === 'Running') && job.Run__c === run;
}

/** As `JobChain.stoppingInThisRun`: cancelled in this run, a step (this one) still in flight. */
function stoppingInRun(job: SampleJob, run: number): boolean {
    return job.Status__c === 'Cancelled' && job.Run__c === run && job.Current_Step__c !== null;
}

/**
 * As `JobChain.settleIfStopping`: a step that stops by itself because the job was cancelled in its
 * run leaves the job without a step in flight, finished now; never a newer run's step.
 */
function settleIfStopping(step: QueuedStep, job: SampleJob): void {
    if (stoppingInRun(job, step.run)) {
        job.Current_Step__c = null;
        job.Finished__c = platformNow();
    }
}

function chunkSize(job: SampleJob): number {
    const setting = sampleSettings().roleBasedInsertChunkSize;
    return job.Chunk_Size__c ? Math.min(job.Chunk_Size__c, setting) : setting;
}

function pendingRows(job: SampleJob): SampleJobRow[] {
    const size = chunkSize(job);
    const rows: SampleJobRow[] = [];
    for (const row of rowsOf(job.Id)) {
        if (row.Status__c === 'Pending') {
            rows.push(row);
            if (rows.length === size) {
                break;
            }
        }
    }
    return rows;
}

/**
 * As `JobChain.accessHeld`: the guard and the capability of the job's kind, again before every step;
 * a job whose admin lost either is Failed with the reason, and the step writes nothing.
 */
function accessHeld(step: QueuedStep, job: SampleJob): boolean {
    if (!isCurrent(job, step.run)) {
        return true;
    }
    const session = currentSession();
    let missing: string | undefined;
    if (!isAdmin(session)) {
        missing = formatLabel(ACCESS_DENIED, ADMIN_PERMISSION_SET_LABEL, CUSTOM_PERMISSION);
    } else {
        const checked = capability(session, job.Kind__c === 'LICENSE_CHANGE' ? 'LICENSE_UPGRADES' : 'ENABLE_USERS');
        missing = checked.available ? undefined : (checked.message ?? undefined);
    }
    if (missing === undefined) {
        return true;
    }
    job.Status__c = 'Failed';
    job.Finished__c = platformNow();
    job.Last_Error__c = formatLabel(ACCESS_LOST, missing);
    return false;
}

function execute(step: QueuedStep, job: SampleJob, owner: User): void {
    if (!accessHeld(step, job)) {
        return;
    }
    switch (step.step) {
        case 'ENABLE':
            enableChunk(step, job);
            break;
        case 'RECORD':
            recordEnabled(step, job, owner);
            break;
        case 'SNAPSHOT':
            snapshotChunk(step, job, owner);
            break;
        case 'APPLY':
            applyChunk(step, job);
            break;
        case 'RECONCILE':
            reconcileChunk(step, job);
            break;
    }
}

/** Apex's JSON round trip: what a service receives and returns is a copy. */
function copy<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}

function callSync<P extends Record<string, unknown>, R>(method: ApexMethod<P, R>, params: P): R {
    const result = implementationOf(method)(copy(params));
    if (result instanceof Promise) {
        throw new Error('A sample service answered asynchronously; the engine runs steps synchronously');
    }
    return copy(result);
}

function invalidRow(row: SampleJobRow): string {
    return `ROW_INVALID: ${formatLabel(ROW_INVALID, row.Row_Key__c)}`;
}

/**
 * As `JobChain.readEnableRequest` and `readChangeItem`: the row's request when it names the row's
 * own contact or user, else null. The request's field is an `Id` in Apex, so a 15-character value
 * is read as its 18-character form (the row key is stored so by `addJobRows`), and the request the
 * chunk sends on carries it.
 */
function readRequest<T extends object>(row: SampleJobRow, field: 'ContactId' | 'userId'): T | null {
    try {
        const value = JSON.parse(row.Request__c) as (T & Record<string, unknown>) | null;
        const named = value ? toId18(value[field]) : null;
        if (!value || named === null || named !== toId18(row.Row_Key__c)) {
            return null;
        }
        return { ...value, [field]: named };
    } catch {
        return null;
    }
}

/* Enable users ------------------------------------------------------------------------------ */

function enableChunk(step: QueuedStep, job: SampleJob): void {
    if (!isCurrent(job, step.run)) {
        settleIfStopping(step, job);
        return;
    }
    const rows = pendingRows(job);
    if (rows.length === 0) {
        finish(job);
        return;
    }
    const next = newStep(job.Id, step.run, step.chunk, 'RECORD');
    const requests: EnableRequest[] = [];
    for (const row of rows) {
        const request = readRequest<EnableRequest>(row, 'ContactId');
        if (request) {
            next.rowIds.push(row.Id);
            requests.push(request);
        } else {
            next.skipped.push([row.Id, invalidRow(row)]);
        }
    }
    if (requests.length > 0) {
        // The sample service writes its logs at once; on the platform `enableDeferringLogs` hands them
        // on unwritten and RECORD writes them, so a RECORD that dies leaves none: taken back here.
        const logsBefore = sampleOrg.Setup_Assistant_Log__c.length;
        next.enableResults = callSync(enableUsers, { requests });
        next.logs = sampleOrg.Setup_Assistant_Log__c.splice(logsBefore);
        for (const result of next.enableResults) {
            if (result.status === 'Created' && result.userId) {
                state.createdBy.set(result.userId, job.Started_By__c);
            }
        }
        claimOwnUsers(job, next.enableResults, next.logs);
    }
    enqueue(next);
}

/**
 * As `JobChain.claimOwnUsers`: on a resumed run (Run__c 2 and more), an existing user that the job's
 * owner created at or after the job's start, to the second, is one a chunk of this job inserted
 * before its RECORD died: its result and its log become Created (the row is Done, History says
 * "created" once). Any other existing user stays Existing. The creator comes from the engine's own
 * record (`state.createdBy`): the sample users carry no CreatedById.
 */
function claimOwnUsers(job: SampleJob, results: EnableResult[], logs: SetupAssistantLog[]): void {
    if (job.Run__c < 2 || !job.Started__c) {
        return;
    }
    const since = Math.floor(Date.parse(job.Started__c) / 1000) * 1000;
    results.forEach((result, i) => {
        if (result.status !== 'Existing' || !result.userId) {
            return;
        }
        const user = userById(sampleOrg, result.userId);
        const own =
            user !== undefined &&
            state.createdBy.get(user.Id) === job.Started_By__c &&
            Date.parse(user.CreatedDate) >= since;
        if (!own) {
            return;
        }
        result.status = 'Created';
        const log = logs[i];
        if (log && log.Target_User__c === result.userId) {
            log.Status__c = 'Created';
        }
    });
}

function rowStatusOf(enableStatus: string | null | undefined): SampleJobRow['Status__c'] {
    switch (enableStatus) {
        case 'Created':
            return 'Done';
        case 'Existing':
            return 'Existing';
        case 'Refused':
            return 'Refused';
        default:
            return 'Failed';
    }
}

function rowById(job: SampleJob): Map<Id, SampleJobRow> {
    return new Map(rowsOf(job.Id).map((row) => [row.Id, row]));
}

function setOutcome(
    row: SampleJobRow | undefined,
    chunk: number,
    status: SampleJobRow['Status__c'],
    userId: Id | null | undefined,
    logId: Id | null | undefined,
    errors: readonly string[],
): void {
    if (!row) {
        return;
    }
    row.Status__c = status;
    row.Result_User__c = userId ?? null;
    row.Log__c = logId ?? null;
    row.Error__c = errors.length === 0 ? null : errors.join('\n');
    row.Chunk__c = chunk;
}

/** `SetupAssistantLogWriter.write` of one record the chain or the job service built: its Id. */
function writeLog(
    org: SampleOrg,
    createdBy: User,
    fields: { action: string; status: string; targetUserId: Id | null; before: string; reason: string },
): Id {
    const id = newRecordId(org, 'Setup_Assistant_Log__c');
    insertLogRecord(org, {
        Id: id,
        Name: `LOG-${String(org.Setup_Assistant_Log__c.length + 1).padStart(7, '0')}`,
        Action__c: fields.action,
        Status__c: fields.status,
        Target_User__c: fields.targetUserId,
        Snapshot__c: null,
        Before__c: fields.before,
        After__c: null,
        Restored__c: null,
        Removed__c: null,
        Error__c: fields.reason,
        CreatedDate: platformNow(),
        CreatedById: createdBy.Id,
    });
    return id;
}

/** As `JobChain.skippedLog`: a row the chain could not read; Before__c names only the job. */
function writeSkippedLog(org: SampleOrg, owner: User, job: SampleJob, action: string, reason: string): Id {
    return writeLog(org, owner, {
        action,
        status: 'Skipped',
        targetUserId: null,
        before: JSON.stringify({ jobId: job.Id }),
        reason,
    });
}

/**
 * As `JobChain.refusedChangeLog`, written: the History record of a license-change row refused
 * before anything was written for its user, by a chunk or as the row is added
 * (`JobController.addJobRows`, a Contracts option the policy refuses). The user is named in
 * Before__c, never in Target_User__c: nothing was done to them. History's user filter still finds
 * it, by the user Before__c names (`HistoryController.ts`, as HistoryService.subjectsOf in the org).
 * @param org the sample org
 * @param createdBy the admin the record is written as
 * @param jobId the job
 * @param userId the row's user (18 characters)
 * @param reason the refusal, "CODE: reason"
 * @returns the record's Id
 */
export function writeRefusedChangeLog(org: SampleOrg, createdBy: User, jobId: Id, userId: Id, reason: string): Id {
    return writeLog(org, createdBy, {
        action: 'LICENSE_CHANGE',
        status: 'Refused',
        targetUserId: null,
        before: JSON.stringify({ jobId, userId }),
        reason,
    });
}

/**
 * As `JobChain.recordEnabled`: records what ENABLE wrote, for the rows still Pending only
 * (`JobSelector.lockPendingRowIds`): also after a Cancel (the users are there), and never a row a
 * newer run's chunk recorded meanwhile (History says "created" once).
 */
function recordEnabled(step: QueuedStep, job: SampleJob, owner: User): void {
    const rows = rowById(job);
    const pending = (rowId: Id): boolean => rows.get(rowId)?.Status__c === 'Pending';
    step.rowIds.forEach((rowId, i) => {
        if (!pending(rowId) || i >= step.logs.length) {
            return;
        }
        // `SetupAssistantLogWriter.write` of the log ENABLE handed on: inserted now, in this step.
        const logId = newRecordId(sampleOrg, 'Setup_Assistant_Log__c');
        insertLogRecord(sampleOrg, {
            ...step.logs[i],
            Id: logId,
            Name: `LOG-${String(sampleOrg.Setup_Assistant_Log__c.length + 1).padStart(7, '0')}`,
            CreatedDate: platformNow(),
        });
        const result = step.enableResults[i];
        const errors = (result?.problems ?? []).map((problem) => `${problem.code}: ${problem.message}`);
        setOutcome(rows.get(rowId), step.chunk, rowStatusOf(result?.status), result?.userId, logId, errors);
    });
    for (const [rowId, reason] of step.skipped) {
        if (pending(rowId)) {
            const logId = writeSkippedLog(sampleOrg, owner, job, 'ENABLE_USER', reason);
            setOutcome(rows.get(rowId), step.chunk, 'Skipped', null, logId, [reason]);
        }
    }
    advance(step, job, 'ENABLE');
}

/* License change ------------------------------------------------------------------------------ */

function snapshotChunk(step: QueuedStep, job: SampleJob, owner: User): void {
    if (!isCurrent(job, step.run)) {
        settleIfStopping(step, job);
        return;
    }
    const rows = pendingRows(job);
    if (rows.length === 0) {
        finish(job);
        return;
    }
    const session: Session = { org: sampleOrg, user: owner };
    const targetProfileId = job.Target_Profile_Id__c as Id;
    const items = new Map<Id, ChangeItem>();
    const refused = new Map<Id, string>();
    const skipped: Array<[Id, string]> = [];
    for (const row of rows) {
        const item = readRequest<ChangeItem>(row, 'userId');
        if (item) {
            items.set(row.Id, item);
        } else {
            skipped.push([row.Id, invalidRow(row)]);
        }
    }
    // As `JobChain.refuseByPolicy`: the target for every row, then each user (external only).
    const targetRefusal = [...checkTargetProfiles(session, [targetProfileId]).values()][0];
    const userRefusals = checkExternalUsers(
        session,
        [...items.values()].map((item) => item.userId),
    );
    // The validator's blockers (`SetupAssistantPolicy.checkLicenseChangeUsers`: inactive, the partner
    // account, the person-account limit) are checked by `snapshotForJob`, after the user's open change
    // is found, as the Apex does: an open log of the user is continued or refused, never left open.
    for (const [rowId, item] of items) {
        const refusal = targetRefusal ?? userRefusals.get(item.userId);
        if (refusal) {
            refused.set(rowId, `${refusal.code}: ${refusal.message}`);
        }
    }
    const sent = [...items.keys()].filter((rowId) => !refused.has(rowId));
    // As `JobChain`: the request's Contracts option, carried by the rows (`c/jobRunner.changeRow`).
    const completeContractsSetup = sent.some((rowId) => completesContractsSetup(items.get(rowId)));
    // As `LicenseChangeService.snapshotForJob`: a Contracts option the policy refuses now refuses each
    // user of the chunk, with the reason, instead of the whole call; nothing is written for them.
    const contractsRefusal = completeContractsSetup ? checkContractsSetup(session, targetProfileId) : null;
    let results: ChangeResult[];
    if (sent.length === 0) {
        results = [];
    } else if (contractsRefusal) {
        results = sent.map((rowId) => {
            const userId = (items.get(rowId) as ChangeItem).userId;
            return {
                userId,
                // As Apex: no log, not the user's open one either (it may be another admin's change,
                // and it is not what refused the row); the row gets a Refused log of its own below.
                logId: null,
                status: 'Refused',
                code: contractsRefusal.code,
                profileChanged: false,
                errors: [contractsRefusal.message],
                restored: [],
                removed: [],
            };
        });
    } else {
        results = callSync(snapshotForJob, {
            request: {
                targetProfileId,
                users: sent.map((rowId) => items.get(rowId) as ChangeItem),
                completeContractsSetup,
            },
        });
    }
    const next = newStep(job.Id, step.run, step.chunk, 'APPLY');
    const logOfRefused = new Map<Id, Id>();
    results.forEach((result, i) => {
        const open = result.logId && (result.status === 'Snapshot' || result.status === 'Applied');
        if (open) {
            next.rowByLog.push([result.logId as Id, sent[i]]);
        } else {
            // As `JobChain`: the code once, also when the service's reason already starts with it.
            const joined = result.errors.join('; ');
            const reason = result.code
                ? joined.startsWith(`${result.code}: `)
                    ? joined
                    : `${result.code}: ${joined}`
                : result.errors.join('\n');
            refused.set(sent[i], reason);
            if (result.logId) {
                logOfRefused.set(sent[i], result.logId);
            }
        }
    });
    const byId = rowById(job);
    for (const [rowId, reason] of refused) {
        const userId = (items.get(rowId) as ChangeItem).userId;
        const logId = logOfRefused.get(rowId) ?? writeRefusedChangeLog(sampleOrg, owner, job.Id, userId, reason);
        setOutcome(byId.get(rowId), step.chunk, 'Refused', null, logId, [reason]);
    }
    for (const [rowId, reason] of skipped) {
        const logId = writeSkippedLog(sampleOrg, owner, job, 'LICENSE_CHANGE', reason);
        setOutcome(byId.get(rowId), step.chunk, 'Skipped', null, logId, [reason]);
    }
    job.Current_Step__c = 'APPLY';
    job.Current_Chunk__c = step.chunk;
    if (job.Status__c === 'Queued') {
        job.Status__c = 'Running';
    }
    recount(job);
    enqueue(next);
}

/** As `JobService.completesContractsSetup`: the Contracts option a license-change row carries. */
function completesContractsSetup(item: ChangeItem | undefined): boolean {
    return (item as { completeContractsSetup?: boolean | null } | undefined)?.completeContractsSetup === true;
}

/**
 * As `LicenseChangeService.checkContractsSetup`: the policy's first refusal of the Contracts option
 * for the target, never thrown: a target that is not Customer Community Plus, then the Contracts
 * permission sets (`selectContractsPermissionSets`: by name or label, ordered by label), then the
 * permission set licenses they need, each once.
 */
function checkContractsSetup(session: Session, targetProfileId: Id | null): Refusal | null {
    const { org } = session;
    const target = profileById(org, targetProfileId);
    if (!target || !isEnableLicense(licenseById(org, target.UserLicenseId))) {
        return {
            subjectId: target?.Id ?? NULL_ID,
            code: 'PROFILE_NOT_ENABLE_LICENSE',
            message: CONTRACTS_TARGET_INVALID,
        };
    }
    const permissionSets = org.PermissionSet.filter(
        (ps) =>
            !ps.IsOwnedByProfile &&
            !ps.PermissionSetGroupId &&
            (CONTRACTS_PERMISSION_SETS.includes(ps.Name) || CONTRACTS_PERMISSION_SETS.includes(ps.Label)),
    ).sort((a, b) => a.Label.localeCompare(b.Label));
    const licenseIds = [
        ...new Set(
            permissionSets
                .map((ps) => ps.LicenseId)
                .filter((id): id is Id => !!id && org.PermissionSetLicense.some((l) => l.Id === id)),
        ),
    ];
    const first = (refusals: Map<Id, Refusal>): Refusal | null => [...refusals.values()][0] ?? null;
    const setRefusal =
        permissionSets.length > 0
            ? first(
                  checkAssignablePermissionSets(
                      session,
                      permissionSets.map((ps) => ps.Id),
                  ),
              )
            : null;
    if (setRefusal) {
        return setRefusal;
    }
    return licenseIds.length > 0 ? first(checkAssignableLicenses(session, licenseIds)) : null;
}

/**
 * As `LicenseChangeService.contractsRefusal`: why the Contracts option cannot be carried out for a
 * license change to this target now ("CODE: reason"), or null; a target the policy refuses throws
 * (`requireTargetProfile`). `JobController.addJobRows` refuses the rows that carry the option with it.
 */
export function contractsRefusal(session: Session, targetProfileId: Id | null): string | null {
    throwIfRefused(checkTargetProfiles(session, [targetProfileId]));
    const refusal = checkContractsSetup(session, targetProfileId);
    return refusal ? `${refusal.code}: ${refusal.message}` : null;
}

/** As `JobService.completesContractsSetup`, from a row's request as JSON. */
export function requestCompletesContractsSetup(request: string | null | undefined): boolean {
    try {
        return completesContractsSetup(JSON.parse(request ?? '') as ChangeItem);
    } catch {
        return false;
    }
}

/**
 * As `JobChain.applyChunk`: only while the job is still this run's and Queued or Running; a Cancel
 * (or a newer run) since SNAPSHOT stops the chunk before any user is written, its logs open and its
 * rows Pending for a resume to continue.
 */
function applyChunk(step: QueuedStep, job: SampleJob): void {
    if (!isCurrent(job, step.run)) {
        settleIfStopping(step, job);
        return;
    }
    const next = newStep(job.Id, step.run, step.chunk, 'RECONCILE');
    next.rowByLog = step.rowByLog;
    if (step.rowByLog.length > 0) {
        next.changeResults = callSync(applyLicenseChanges, {
            logIds: step.rowByLog.map(([logId]) => logId),
            targetProfileId: job.Target_Profile_Id__c as Id,
        });
    }
    enqueue(next);
}

/**
 * As `JobChain.reconcileChunk`: closes what APPLY wrote, also after a Cancel, for the rows still
 * Pending only (never a row a newer run's chunk recorded meanwhile).
 */
function reconcileChunk(step: QueuedStep, job: SampleJob): void {
    const rowByLog = new Map(step.rowByLog);
    const byId = rowById(job);
    const open = step.changeResults.filter((result) => {
        const rowId = result.logId ? rowByLog.get(result.logId) : undefined;
        return rowId !== undefined && byId.get(rowId)?.Status__c === 'Pending';
    });
    const results =
        open.length === 0
            ? []
            : callSync(reconcileLicenseChanges, {
                  outcomes: open,
                  targetProfileId: job.Target_Profile_Id__c as Id,
              });
    for (const result of results) {
        const rowId = result.logId ? rowByLog.get(result.logId) : undefined;
        if (rowId && result.status === 'Applied' && result.profileChanged) {
            // As `JobChain.continuesLater`: on the target, an assignment not back yet: the row stays
            // Pending and the next chunk continues its open change (the sample Apex writes every
            // attempt; reconcile closes the log after MAX_RESTORE_ATTEMPTS of them).
            continue;
        }
        if (rowId) {
            // As `JobChain.reconcileChunk`: a row APPLY's policy check skipped is Refused, never written.
            const status = result.status === 'Completed' ? 'Done' : result.status === 'Refused' ? 'Refused' : 'Failed';
            // A row refused at APPLY wrote nothing: no user is its result.
            const userId = status === 'Refused' ? null : result.userId;
            setOutcome(byId.get(rowId), step.chunk, status, userId, result.logId, result.errors);
        }
    }
    advance(step, job, 'SNAPSHOT');
}

/* Shared -------------------------------------------------------------------------------------- */

/** As `JobChain.advance`: counts, then the next chunk unless cancelled, resumed as a new run, or done. */
function advance(step: QueuedStep, job: SampleJob, nextStep: JobStepName): void {
    const pending = recount(job);
    const current = isCurrent(job, step.run);
    if (current && pending === 0) {
        job.Status__c = 'Completed';
        job.Finished__c = platformNow();
        job.Current_Step__c = null;
    } else if (current) {
        job.Status__c = 'Running';
        job.Current_Step__c = nextStep;
        job.Current_Chunk__c = step.chunk + 1;
        enqueue(newStep(job.Id, step.run, step.chunk + 1, nextStep));
    } else if (stoppingInRun(job, step.run)) {
        // Cancelled in this run: the chunk in flight is recorded, the job no longer stopping, and a
        // Resume numbers its first chunk after this one.
        job.Current_Chunk__c = step.chunk + 1;
        settleIfStopping(step, job);
    }
}

function finish(job: SampleJob): void {
    recount(job);
    job.Status__c = 'Completed';
    job.Finished__c = platformNow();
    job.Current_Step__c = null;
}

/* Persistence across page loads -------------------------------------------------------------- */

interface Saved {
    seed: number;
    nextId: number;
    jobs: SampleJob[];
    rows: Array<[Id, SampleJobRow[]]>;
    queue: QueuedStep[];
    org: SampleOrg;
    /** `state.createdBy`; absent from a save made before it was kept. */
    createdBy?: Array<[Id, Id]>;
}

/** Saves and tells the listeners: after a change the controller made to a job (cancel, resume). */
export function jobChanged(): void {
    changed();
}

function changed(): void {
    save();
    for (const listener of state.listeners) {
        listener();
    }
}

function save(): void {
    if (!state.options.persist || !hasStorage() || state.jobs.length === 0) {
        return;
    }
    const saved: Saved = {
        seed: sampleOrg.seed,
        nextId: state.nextId,
        jobs: state.jobs,
        rows: [...state.rows],
        queue: state.queue,
        org: sampleOrg,
        createdBy: [...state.createdBy],
    };
    try {
        globalThis.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(saved));
    } catch {
        // Full (a very large job): the jobs run on in this page, unsaved.
    }
}

/**
 * Puts back the jobs, their queued steps and the sample org's tables saved before a reload, when
 * the org was generated from the same seed. Called when this module loads.
 * @returns whether anything was restored
 */
export function restoreSaved(): boolean {
    if (!hasStorage()) {
        return false;
    }
    let saved: Saved | null = null;
    try {
        saved = JSON.parse(globalThis.sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Saved | null;
    } catch {
        saved = null;
    }
    if (!saved || saved.seed !== sampleOrg.seed) {
        return false;
    }
    Object.assign(sampleOrg, saved.org);
    forgetIssuedIds(sampleOrg);
    state.jobs = saved.jobs;
    state.rows = new Map(saved.rows);
    state.queue = saved.queue;
    state.nextId = saved.nextId;
    state.createdBy = new Map(saved.createdBy ?? []);
    schedule();
    return true;
}

restoreSaved();
