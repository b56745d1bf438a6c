/**
 * The sample org's simulated job engine (`jobEngine`, `apex/JobController`) imitates `JobService`
 * and `JobChain`: a job of up to 10,000 rows runs in chunks through the sample enable and
 * license-change logic, every row ends with an outcome and a History record, a cancel stops it
 * between chunks, a dead step marks it Failed with its rows Pending, and a resume runs the rest
 * without writing any row twice. A license-change job's rows agree about the Contracts option, or
 * `addJobRows` refuses the call (CONTRACTS_OPTION_MIXED) and writes nothing, as `JobService.addRows`.
 * A row refused as it is added gets the same Refused History record a chunk writes (`JobChain.
 * refusedChangeLog`: the user in Before__c, never in Target_User__c), and row keys are stored and
 * compared as 18-character Ids, as `Id.valueOf` makes them.
 * Zero latency, failures only where a test forces them.
 */
import {
    addJobRows,
    cancelJob,
    createJob,
    getJob,
    getJobs,
    resumeJob,
    startJob,
    STOPPING_WAIT_MINUTES,
} from '../sample-org/apex/JobController';
import {
    enableUsers,
    getEnablementFacts,
    resetSampleSettings,
    setSampleSettings,
} from '../sample-org/apex/UserSetupController';
import { getUpgradeFacts } from '../sample-org/apex/LicenseUpgradeController';
import {
    configureEngine,
    drainJobs,
    failNextStep,
    queuedSteps,
    resetEngine,
    restoreSaved,
    rowsOf,
    runNextStep,
    deferNextStep,
    jobById,
} from '../sample-org/jobEngine';
import type { JobStepName } from '../sample-org/jobEngine';
import { resetSampleOrg, sampleOrg as org } from '../sample-org/org';
import { toId18 } from '../sample-org/data/random';
import { currentSession } from '../sample-org/session';
import type { Contact, Id } from '../sample-org/types';
import { changeRow, enableRow, fetchWholeJob, jobCsv, startJobFromRows } from 'c/jobRunner';
import type { JobApi } from 'c/jobRunner';
import { isAccounted, isMoving, isStopping, stepText } from 'c/jobState';
import { changeItem } from 'c/upgradePlan';
import CONTRACTS_OPTION_MIXED_LABEL from '@salesforce/label/c.CCSA_Job_Contracts_Option_Mixed';

type EnableRequest = Apex.UserEnablementService.EnableRequest;

const API: JobApi = { createJob, addJobRows, startJob, getJob };
const PLUS_CONTRACTS = 'Customer Community Plus User - Contracts';

function profileId(name: string): Id {
    return org.Profile.find((p) => p.Name === name)?.Id as Id;
}

function slug(text: string | null | undefined): string {
    return (text ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function requestFor(contact: Pick<Contact, 'Id' | 'FirstName' | 'LastName' | 'Email'>, n: number): EnableRequest {
    return {
        ContactId: contact.Id,
        ProfileId: profileId(PLUS_CONTRACTS),
        Username: `job${n}.${slug(contact.LastName)}@example.invalid.ccsa`,
        Email: contact.Email ?? `job${n}@example.invalid`,
        Alias: `j${String(n).padStart(6, '0')}`.slice(0, 8),
        CommunityNickname: `job${n}.${slug(contact.FirstName)}`,
        FirstName: contact.FirstName,
        LastName: contact.LastName,
        TimeZoneSidKey: 'America/Los_Angeles',
        LocaleSidKey: 'en_US',
        LanguageLocaleKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        UserPermissionsSFContentUser: false,
        permissionSetIds: [],
        permissionSetLicenseIds: [],
    };
}

/** Contacts with an email and no user, whose account owner has a role: they can be enabled. */
function readyContacts(count: number): Contact[] {
    const withUser = new Set(org.User.map((u) => u.ContactId).filter(Boolean));
    const owners = new Map(org.User.map((u) => [u.Id, u]));
    return org.Contact.filter((c) => {
        const account = org.Account.find((a) => a.Id === c.AccountId);
        return (
            !withUser.has(c.Id) &&
            c.Email &&
            /^[^@\s]+@[^@\s]+\.[a-z]+$/i.test(c.Email) &&
            account &&
            owners.get(account.OwnerId)?.UserRoleId
        );
    }).slice(0, count);
}

/**
 * An Enable users job of `count` ready contacts, role-based inserts in chunks of `chunkSize` (the
 * sample setting), started as the panel starts it.
 */
async function startEnableJob(count: number, chunkSize: number) {
    setSampleSettings({ roleBasedInsertChunkSize: chunkSize });
    const contacts = readyContacts(count);
    const started = await startJobFromRows(
        'ENABLE_USERS',
        contacts.map((contact, n) => enableRow(requestFor(contact, n))),
        { api: API },
    );
    return { contacts, started };
}

/** A contact Id that no record has: the policy refuses the row (CONTACT_NOT_FOUND). */
function unknownContactId(n: number): Id {
    return `003ZZ00000${String(n).padStart(5, '0')}AAA`;
}

function statuses(rows: ReadonlyArray<{ status: string }>): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const row of rows) {
        counts[row.status] = (counts[row.status] ?? 0) + 1;
    }
    return counts;
}

beforeEach(() => {
    window.history.pushState({}, '', '/?latency=0');
    resetSampleOrg();
    resetSampleSettings();
    resetEngine();
    configureEngine({ autoRun: false, persist: false, failureRate: 0 });
    // Seats for the users the tests create (the sample license is nearly full on purpose).
    const plus = org.Profile.find((p) => p.Name === PLUS_CONTRACTS);
    const license = org.UserLicense.find((l) => l.Id === plus?.UserLicenseId);
    if (license) {
        license.TotalLicenses = license.UsedLicenses + 100;
    }
});

afterEach(() => {
    window.sessionStorage.clear();
});

/**
 * The Cancel as if it happened longer ago than the stopping wait (`STOPPING_WAIT_MINUTES`): a step
 * still queued then no longer holds a Resume back (as when its Apex job was aborted).
 */
function ageCancel(jobId: string): void {
    const job = jobById(jobId);
    if (!job) throw new Error(`no job ${jobId}`);
    job.Finished__c = new Date(Date.now() - (STOPPING_WAIT_MINUTES + 1) * 60 * 1000).toISOString();
}
describe('sample org: jobs', () => {
    it('runs a 10,000-row job to the end with every row accounted for and in History', async () => {
        const contacts = readyContacts(30);
        expect(contacts.length).toBeGreaterThanOrEqual(10);
        const rows = Array.from({ length: 10000 }, (_unused, n) =>
            enableRow(
                n < contacts.length
                    ? requestFor(contacts[n], n)
                    : requestFor(
                          { Id: unknownContactId(n), FirstName: 'No', LastName: `Contact ${n}`, Email: null },
                          n,
                      ),
            ),
        );
        const progress: number[] = [];
        const logsBefore = org.Setup_Assistant_Log__c.length;
        const started = await startJobFromRows('ENABLE_USERS', rows, {
            api: API,
            onProgress: ({ added }) => progress.push(added),
        });
        expect(started.status).toBe('Queued');
        expect(started.requested).toBe(10000);
        expect(progress).toHaveLength(50);
        expect(progress[49]).toBe(10000);

        // 200 chunks of 50, two steps each.
        expect(drainJobs()).toBe(400);
        const { job, rows: all } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        expect(job.processed).toBe(10000);
        expect(job.created + job.alreadyEnabled + job.failed + job.skipped).toBe(job.requested);
        expect(isAccounted(job)).toBe(true);
        expect(all).toHaveLength(10000);
        expect(statuses(all)).toEqual({ Done: contacts.length, Refused: 10000 - contacts.length });
        expect(all.every((row) => row.logId)).toBe(true);
        expect(org.Setup_Assistant_Log__c.length - logsBefore).toBe(10000);
        expect(all.find((row) => row.status === 'Refused')?.error).toMatch(/^CONTACT_NOT_FOUND: /);
        for (const contact of contacts) {
            expect(org.User.filter((u) => u.ContactId === contact.Id)).toHaveLength(1);
        }
    });

    it('marks a job Failed when a step dies, keeps its rows Pending, and resumes without writing any row twice', async () => {
        const { contacts, started } = await startEnableJob(6, 2);
        expect(drainJobs(2)).toBe(2); // chunk 1: ENABLE, RECORD
        runNextStep(); // chunk 2: ENABLE creates two users
        failNextStep('RECORD');
        runNextStep(); // chunk 2: RECORD dies
        expect(queuedSteps()).toBe(0);

        const failed = (await getJob({ jobId: started.id })).job;
        expect(failed.status).toBe('Failed');
        expect(failed.lastError).toContain('Step RECORD of chunk 2 stopped');
        // The platform's refusal (a DmlException) is shown as it is, without its type.
        expect(failed.lastError).not.toContain('System.DmlException');
        expect(failed.processed).toBe(2);
        const midway = (await getJob({ jobId: started.id })).rows;
        expect(statuses(midway)).toEqual({ Done: 2, Pending: 4 });

        const resumed = await resumeJob({ jobId: started.id });
        expect(resumed.status).toBe('Queued');
        drainJobs();
        const { job, rows } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        expect(isAccounted(job)).toBe(true);
        // Chunk 2's users were created before the failure: found again, never created twice, and
        // still this job's own (created by its owner after it started): Done, not Existing.
        expect(statuses(rows)).toEqual({ Done: 6 });
        expect(job.created).toBe(6);
        expect(job.alreadyEnabled).toBe(0);
        for (const contact of contacts) {
            expect(org.User.filter((u) => u.ContactId === contact.Id)).toHaveLength(1);
        }
        // Rows Done before the failure were not sent again: one enable log for each of their users.
        const firstUser = rows[0].resultUserId;
        expect(org.Setup_Assistant_Log__c.filter((l) => l.Target_User__c === firstUser)).toHaveLength(1);
    });

    it('counts the users a chunk created before its RECORD died as Created on resume, with one Created History record each', async () => {
        const { contacts, started } = await startEnableJob(3, 3);
        runNextStep(); // ENABLE creates the three users
        const created = contacts.map((contact) => org.User.find((u) => u.ContactId === contact.Id)?.Id);
        expect(created.every(Boolean)).toBe(true);
        failNextStep('RECORD');
        runNextStep(); // RECORD dies: as its rolled-back transaction, no row outcome and no History record
        const enableLogs = (userId: Id | undefined) =>
            org.Setup_Assistant_Log__c.filter((l) => l.Action__c === 'ENABLE_USER' && l.Target_User__c === userId);
        for (const userId of created) {
            expect(enableLogs(userId)).toHaveLength(0);
        }
        expect(statuses((await getJob({ jobId: started.id })).rows)).toEqual({ Pending: 3 });

        await resumeJob({ jobId: started.id });
        drainJobs();
        const { job, rows } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        expect(job.created).toBe(3);
        expect(job.alreadyEnabled).toBe(0);
        rows.forEach((row, i) => {
            expect(row.status).toBe('Done');
            expect(row.resultUserId).toBe(created[i]);
            const logs = enableLogs(created[i]);
            expect(logs.map((l) => l.Status__c)).toEqual(['Created']);
            expect(row.logId).toBe(logs[0].Id);
        });
        for (const contact of contacts) {
            expect(org.User.filter((u) => u.ContactId === contact.Id)).toHaveLength(1);
        }
    });

    it('keeps a user that existed before the job, or that someone else created, Existing on resume', async () => {
        setSampleSettings({ roleBasedInsertChunkSize: 3 });
        const [before, ownLater, otherLater] = readyContacts(3);
        // Customer "before": enabled by an earlier job of the same admin, which completed.
        const earlier = await startJobFromRows('ENABLE_USERS', [enableRow(requestFor(before, 100))], { api: API });
        drainJobs();
        expect((await getJob({ jobId: earlier.id })).job.created).toBe(1);
        const beforeUser = org.User.find((u) => u.ContactId === before.Id) as { CreatedDate: string };
        // The next job starts strictly later, to the second (here all runs in one second).
        beforeUser.CreatedDate = new Date(Date.parse(beforeUser.CreatedDate) - 60_000).toISOString();
        const started = await startJobFromRows(
            'ENABLE_USERS',
            [before, ownLater, otherLater].map((contact, n) => enableRow(requestFor(contact, n))),
            { api: API },
        );
        // Customer "otherLater": enabled after the job started by another admin.
        const other = org.User.find(
            (u) => u.Id !== started.startedById && u.IsActive && u.UserType === 'Standard' && u.Alias === 'rnoble',
        );
        expect(other).toBeDefined();
        window.history.pushState({}, '', `/?latency=0&as=${other?.Alias ?? 'rnoble'}`);
        await enableUsers({ requests: [requestFor(otherLater, 101)] });
        window.history.pushState({}, '', '/?latency=0');
        expect(currentSession().user.Id).toBe(started.startedById);

        runNextStep(); // ENABLE: creates ownLater's user, finds the two others
        failNextStep('RECORD');
        runNextStep(); // RECORD dies
        await resumeJob({ jobId: started.id });
        drainJobs();
        const { job, rows } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        // "before": its creator is the owner, but it predates the job; "otherLater": another creator.
        expect(rows.map((row) => row.status)).toEqual(['Existing', 'Done', 'Existing']);
        expect(job.created).toBe(1);
        expect(job.alreadyEnabled).toBe(2);
        for (const row of rows) {
            const userId = org.User.find((u) => u.ContactId === row.rowKey)?.Id;
            expect(row.resultUserId).toBe(userId);
            const linked = org.Setup_Assistant_Log__c.find((l) => l.Id === row.logId);
            expect(linked?.Status__c).toBe(row.status === 'Done' ? 'Created' : 'Existing');
        }
    });

    it('fails the job when its admin lost the admin permission set, and writes nothing more', async () => {
        const { started } = await startEnableJob(4, 2);
        expect(drainJobs(2)).toBe(2); // chunk 1: ENABLE, RECORD
        const adminSet = org.PermissionSet.find((ps) => ps.Label === 'Contracts Community Setup Admin');
        const assignments = org.PermissionSetAssignment;
        org.PermissionSetAssignment = assignments.filter(
            (a) => !(a.AssigneeId === org.defaultRunningUserId && a.PermissionSetId === adminSet?.Id),
        );
        const users = org.User.length;
        drainJobs();
        expect(org.User).toHaveLength(users);
        org.PermissionSetAssignment = assignments;
        const { job, rows } = await getJob({ jobId: started.id });
        expect(job.status).toBe('Failed');
        expect(job.lastError).toContain('Contracts Community Setup Admin');
        expect(statuses(rows)).toEqual({ Done: 2, Pending: 2 });
    });

    it('stops between chunks when cancelled, and resumes the rows not reached', async () => {
        const { contacts, started } = await startEnableJob(6, 2);
        drainJobs(2);
        const cancelled = await cancelJob({ jobId: started.id });
        expect(cancelled.status).toBe('Cancelled');
        drainJobs();
        const stopped = await getJob({ jobId: started.id });
        expect(stopped.job.status).toBe('Cancelled');
        expect(stopped.job.processed).toBe(2);
        expect(org.User.filter((u) => u.ContactId === contacts[5].Id)).toHaveLength(0);
        await expect(cancelJob({ jobId: started.id })).rejects.toMatchObject({
            body: { message: expect.stringContaining('only a queued or running job can be cancelled') },
        });

        await resumeJob({ jobId: started.id });
        drainJobs();
        const { job } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        expect(job.created).toBe(6);
    });

    it('records what a chunk wrote when cancelled before its RECORD, and never twice when a resumed run records the same rows first', async () => {
        const { contacts, started } = await startEnableJob(3, 3);
        expect(runNextStep()).toBe(true); // run 1: ENABLE creates the three users
        await cancelJob({ jobId: started.id });
        // A Resume waits for the RECORD in flight, unless it never ran within the stopping wait.
        await expect(resumeJob({ jobId: started.id })).rejects.toMatchObject({
            body: { message: expect.stringContaining('still finishing the chunk') },
        });
        ageCancel(started.id);
        await resumeJob({ jobId: started.id });
        // Queued: run 1's RECORD, run 2's ENABLE. Hostile order: run 2's chunk records first.
        expect(deferNextStep()).toBe(true);
        expect(runNextStep()).toBe(true); // run 2: ENABLE finds the users (its own: Created)
        expect(deferNextStep()).toBe(true); // run 2's RECORD before run 1's
        drainJobs();
        const { job, rows } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        expect(job.created).toBe(3);
        expect(isAccounted(job)).toBe(true);
        for (const contact of contacts) {
            const users = org.User.filter((u) => u.ContactId === contact.Id);
            expect(users).toHaveLength(1);
            const logs = org.Setup_Assistant_Log__c.filter(
                (l) => l.Target_User__c === users[0].Id && l.Action__c === 'ENABLE_USER',
            );
            expect(logs.map((l) => l.Status__c)).toEqual(['Created']);
            expect(rows.find((row) => row.resultUserId === users[0].Id)?.logId).toBe(logs[0].Id);
        }

        // Cancelled before RECORD, never resumed: what ENABLE wrote is still recorded.
        const more = readyContacts(2);
        const second = await startJobFromRows(
            'ENABLE_USERS',
            more.map((contact, n) => enableRow(requestFor(contact, 10 + n))),
            { api: API },
        );
        expect(runNextStep()).toBe(true); // ENABLE
        await cancelJob({ jobId: second.id });
        drainJobs(); // the RECORD queued before the Cancel
        const stopped = await fetchWholeJob(second.id, API);
        expect(stopped.job.status).toBe('Cancelled');
        expect(stopped.job.created).toBe(2);
        expect(stopped.rows.map((row) => row.status)).toEqual(['Done', 'Done']);
    });

    it('keeps a cancelled job stopping while its step in flight runs, then counts that chunk and settles', async () => {
        const { started } = await startEnableJob(4, 2);
        expect(runNextStep()).toBe(true); // chunk 1: ENABLE creates two users
        const cancelled = await cancelJob({ jobId: started.id });
        // ENABLE cannot write the job (User DML: mixed DML): the chunk still names it while RECORD is queued.
        expect(cancelled).toMatchObject({ status: 'Cancelled', currentStep: 'ENABLE', created: 0 });
        expect(isStopping(cancelled)).toBe(true);
        expect(isMoving(cancelled)).toBe(true);
        expect(stepText(cancelled)).toContain('Stopping');
        drainJobs(); // the RECORD queued before the Cancel
        const { job, rows } = await fetchWholeJob(started.id, API);
        // Null fields are left out of an Apex answer, as the platform serialises them.
        // A Resume numbers its first chunk after the one recorded.
        expect(job).toMatchObject({ status: 'Cancelled', created: 2, currentChunk: 2 });
        expect(job.currentStep ?? null).toBeNull();
        expect(job.finishedDate).toBeTruthy();
        expect(isMoving(job)).toBe(false);
        expect(statuses(rows)).toEqual({ Done: 2, Pending: 2 });

        // Cancelled before its first step ran: that step stops by itself and settles the job.
        const { started: second } = await startEnableJob(2, 2);
        expect((await cancelJob({ jobId: second.id })).currentStep).toBe('ENABLE');
        drainJobs();
        const settled = (await getJob({ jobId: second.id })).job;
        expect(settled.status).toBe('Cancelled');
        expect(settled.currentStep ?? null).toBeNull();
    });

    it("never clears a resumed run's step when a step of the cancelled run stops, and settles a step that died", async () => {
        const { started } = await startEnableJob(2, 2);
        await cancelJob({ jobId: started.id });
        ageCancel(started.id); // run 1's ENABLE never ran within the stopping wait
        await resumeJob({ jobId: started.id });
        expect(runNextStep()).toBe(true); // run 1's ENABLE, still queued: stops
        expect((await getJob({ jobId: started.id })).job).toMatchObject({
            status: 'Queued',
            currentStep: 'ENABLE',
        });
        expect((await getJob({ jobId: started.id })).job.finishedDate ?? null).toBeNull();
        drainJobs();
        expect((await getJob({ jobId: started.id })).job).toMatchObject({ status: 'Completed', created: 2 });

        const { started: second } = await startEnableJob(2, 2);
        expect(runNextStep()).toBe(true); // ENABLE
        await cancelJob({ jobId: second.id });
        failNextStep('RECORD');
        drainJobs();
        const { job, rows } = await getJob({ jobId: second.id });
        expect(job.status).toBe('Cancelled');
        expect(job.currentStep ?? null).toBeNull();
        expect(job.lastError).toContain('RECORD');
        expect(statuses(rows)).toEqual({ Pending: 2 });
    });

    it('changes no user when cancelled between SNAPSHOT and APPLY, and changes it once on resume', async () => {
        const { dmitri, target, profileBefore, started } = await startDmitriChange();
        expect(runNextStep()).toBe(true); // SNAPSHOT
        await cancelJob({ jobId: started.id });
        expect(runNextStep()).toBe(true); // the APPLY queued before the Cancel
        expect(queuedSteps()).toBe(0);
        expect(org.User.find((u) => u.Id === dmitri.Id)?.ProfileId).toBe(profileBefore);
        const changes = () =>
            org.Setup_Assistant_Log__c.filter(
                (l) => l.Target_User__c === dmitri.Id && l.Action__c === 'LICENSE_CHANGE',
            );
        expect(changes().map((l) => l.Status__c)).toEqual(['Snapshot']);
        expect((await fetchWholeJob(started.id, API)).rows[0].status).toBe('Pending');

        await resumeJob({ jobId: started.id });
        drainJobs();
        const { job, rows } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        expect(rows[0].status).toBe('Done');
        expect(org.User.find((u) => u.Id === dmitri.Id)?.ProfileId).toBe(target);
        expect(changes().map((l) => l.Status__c)).toEqual(['Completed']);
        expect(rows[0].logId).toBe(changes()[0].Id);
        expect(
            org.Setup_Assistant_Log__c.filter(
                (l) => l.Action__c === 'LICENSE_CHANGE_APPLY' && l.Target_User__c === dmitri.Id,
            ),
        ).toHaveLength(1);
    });

    it('refuses alone, on resume, a row whose open change holds a set the policy refuses now, and completes the job (security review)', async () => {
        const { dmitri, profileBefore, started } = await startDmitriChange();
        expect(runNextStep()).toBe(true); // SNAPSHOT: the change is open
        await cancelJob({ jobId: started.id });
        drainJobs(); // the APPLY queued before the Cancel stops
        const open = org.Setup_Assistant_Log__c.find(
            (l) => l.Target_User__c === dmitri.Id && l.Action__c === 'LICENSE_CHANGE',
        ) as (typeof org.Setup_Assistant_Log__c)[number];
        expect(open.Status__c).toBe('Snapshot');
        // A set of the snapshot gained View All Data since: APPLY would refuse the whole chunk for it.
        const privileged = `0PS8d00000PRIV${String(org.PermissionSet.length).padStart(4, '0')}`;
        org.PermissionSet.push({
            ...org.PermissionSet.find((ps) => !ps.IsOwnedByProfile && !ps.LicenseId),
            Id: privileged,
            Name: 'Privileged',
            Label: 'Privileged',
            IsOwnedByProfile: false,
            LicenseId: null,
            PermissionsViewAllData: true,
        } as (typeof org.PermissionSet)[number]);
        open.Snapshot__c = JSON.stringify({ ...JSON.parse(open.Snapshot__c ?? '{}'), permissionSetIds: [privileged] });
        ageCancel(started.id);
        await resumeJob({ jobId: started.id });
        drainJobs();
        const { job, rows } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        expect(rows[0]).toMatchObject({ status: 'Refused', logId: open.Id });
        expect(rows[0].error).toMatch(/^PERMISSION_SET_PRIVILEGED: /);
        expect(open.Status__c).toBe('Snapshot');
        expect(org.User.find((u) => u.Id === dmitri.Id)?.ProfileId).toBe(profileBefore);
    });

    it('leaves a half-done change Pending and the next chunk gives back what is missing (security review)', async () => {
        const { dmitri, target, started } = await startDmitriChange();
        expect(runNextStep()).toBe(true); // SNAPSHOT
        expect(runNextStep()).toBe(true); // APPLY: the profile changed, the permission sets given back
        // Someone takes the given-back permission sets away before RECONCILE: the change is half done.
        const held = org.PermissionSetAssignment.filter((a) => a.AssigneeId === dmitri.Id);
        org.PermissionSetAssignment = org.PermissionSetAssignment.filter((a) => a.AssigneeId !== dmitri.Id);
        expect(runNextStep()).toBe(true); // RECONCILE
        const changes = () =>
            org.Setup_Assistant_Log__c.filter(
                (l) => l.Target_User__c === dmitri.Id && l.Action__c === 'LICENSE_CHANGE',
            );
        expect(changes().map((l) => l.Status__c)).toEqual(['Applied']);
        expect((await fetchWholeJob(started.id, API)).rows[0].status).toBe('Pending');
        drainJobs();
        const { job, rows } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        expect(rows[0]).toMatchObject({ status: 'Done', logId: changes()[0].Id });
        expect(changes().map((l) => l.Status__c)).toEqual(['Completed']);
        expect(org.User.find((u) => u.Id === dmitri.Id)?.ProfileId).toBe(target);
        const back = org.PermissionSetAssignment.filter((a) => a.AssigneeId === dmitri.Id).map(
            (a) => a.PermissionSetId,
        );
        expect(back.sort()).toEqual(held.map((a) => a.PermissionSetId).sort());
    });

    it('lets only the admin who started a job cancel or resume it', async () => {
        const contacts = readyContacts(1);
        const started = await startJobFromRows('ENABLE_USERS', [enableRow(requestFor(contacts[0], 0))], { api: API });
        const other = org.User.find(
            (u) => u.Id !== started.startedById && u.IsActive && u.UserType === 'Standard' && u.Alias === 'rnoble',
        );
        window.history.pushState({}, '', `/?latency=0&as=${other?.Alias ?? 'rnoble'}`);
        await expect(cancelJob({ jobId: started.id })).rejects.toMatchObject({
            body: {
                message: expect.stringMatching(/^JOB_NOT_OWNED: The job JOB-0000001 was started by another admin/),
            },
        });
        const listed = await getJobs();
        expect(listed.map((j) => [j.id, j.ownedByMe])).toEqual([[started.id, false]]);
    });

    it('runs a license change in snapshot, apply and reconcile steps, and refuses a user who is no longer external', async () => {
        const dmitri = org.User.find((u) => u.Name === 'Dmitri Varga') as (typeof org.User)[number];
        const target = org.Profile.find((p) => p.Name === PLUS_CONTRACTS)?.Id as Id;
        const facts = await getUpgradeFacts({ userIds: [dmitri.Id], targetProfileId: target });
        const item = {
            userId: facts.users[0].id,
            profileId: facts.users[0].profileId,
            isActive: facts.users[0].isActive,
            contactId: facts.users[0].contactId ?? null,
            permissionSetIds: facts.users[0].permissionSets.map((permissionSet) => permissionSet.id),
            permissionSetLicenseIds: facts.users[0].permissionSetLicenses.map((license) => license.id),
            acknowledgedIrreversible: true,
        };
        const internal = org.User.find((u) => u.UserType === 'Standard' && u.IsActive) as (typeof org.User)[number];
        const hostile = { ...item, userId: internal.Id, contactId: null };
        const started = await startJobFromRows(
            'LICENSE_CHANGE',
            [changeRow(item, 'Dmitri'), changeRow(hostile, 'Admin')],
            {
                api: API,
                targetProfileId: target,
            },
        );
        expect(drainJobs()).toBe(3);
        const { job, rows } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        expect(isAccounted(job)).toBe(true);
        expect(rows.map((row) => row.status)).toEqual(['Done', 'Refused']);
        expect(rows[1].error).toMatch(/^USER_NOT_EXTERNAL: /);
        expect(rows.every((row) => row.logId)).toBe(true);
        expect(org.User.find((u) => u.Id === dmitri.Id)?.ProfileId).toBe(target);
        expect(org.User.find((u) => u.Id === internal.Id)?.ProfileId).toBe(internal.ProfileId);
        // As `JobChain.refusedChangeLog`: nothing was done to the user, who is named in Before__c only.
        const refusedLog = org.Setup_Assistant_Log__c.find((l) => l.Id === rows[1].logId);
        expect(refusedLog).toMatchObject({
            Action__c: 'LICENSE_CHANGE',
            Status__c: 'Refused',
            Target_User__c: null,
            Before__c: JSON.stringify({ jobId: started.id, userId: internal.Id }),
            Error__c: rows[1].error,
        });
    });

    /** The user's license-change item, with the facts the org holds (as the panel builds it). */
    async function itemOf(userId: Id, target: Id) {
        const facts = await getUpgradeFacts({ userIds: [userId], targetProfileId: target });
        return changeItem(facts.users[0], true, null);
    }

    /** A license-change job of one row: Dmitri Varga to the Contracts Plus profile, started, no step run. */
    async function startDmitriChange() {
        const dmitri = org.User.find((u) => u.Name === 'Dmitri Varga') as (typeof org.User)[number];
        const target = org.Profile.find((p) => p.Name === PLUS_CONTRACTS)?.Id as Id;
        const profileBefore = dmitri.ProfileId;
        const started = await startJobFromRows(
            'LICENSE_CHANGE',
            [changeRow(await itemOf(dmitri.Id, target), 'Dmitri')],
            {
                api: API,
                targetProfileId: target,
            },
        );
        return { dmitri, target, profileBefore, started };
    }

    it('refuses at SNAPSHOT an inactive user and a Partner Community row whose account is not a partner account, and writes nothing for them', async () => {
        const contracts = org.Profile.find((p) => p.Name === PLUS_CONTRACTS)?.Id as Id;
        const partner = org.Profile.find((p) => p.Name === 'Partner Community User')?.Id as Id;
        const inactive = org.User.find(
            (u) =>
                !u.IsActive &&
                u.ContactId !== null &&
                org.UserLicense.find((l) => l.Id === org.Profile.find((p) => p.Id === u.ProfileId)?.UserLicenseId)
                    ?.Name === 'Customer Community',
        ) as (typeof org.User)[number];
        const sofia = org.User.find((u) => u.Name === 'Sofia Xu') as (typeof org.User)[number];
        expect(org.Account.find((a) => a.Id === sofia.AccountId)?.IsPartner).toBe(false);
        const before = new Map([inactive, sofia].map((u) => [u.Id, u.ProfileId]));

        const inactiveJob = await startJobFromRows(
            'LICENSE_CHANGE',
            [changeRow(await itemOf(inactive.Id, contracts), 'Inactive')],
            {
                api: API,
                targetProfileId: contracts,
            },
        );
        const partnerJob = await startJobFromRows(
            'LICENSE_CHANGE',
            [changeRow(await itemOf(sofia.Id, partner), 'Sofia')],
            {
                api: API,
                targetProfileId: partner,
            },
        );
        drainJobs();
        const refused = [
            { jobId: inactiveJob.id, user: inactive, code: 'USER_INACTIVE' },
            { jobId: partnerJob.id, user: sofia, code: 'PARTNER_ACCOUNT_NOT_ENABLED' },
        ];
        for (const { jobId, user, code } of refused) {
            const { job, rows } = await fetchWholeJob(jobId, API);
            expect(job.status).toBe('Completed');
            expect(isAccounted(job)).toBe(true);
            expect(rows[0].status).toBe('Refused');
            // The code once, then the reason.
            expect(rows[0].error).toMatch(new RegExp(`^${code}: `));
            expect(rows[0].error?.indexOf(code, 1)).toBe(-1);
            expect(org.Setup_Assistant_Log__c.find((l) => l.Id === rows[0].logId)).toMatchObject({
                Action__c: 'LICENSE_CHANGE',
                Status__c: 'Refused',
                Target_User__c: null,
                Error__c: rows[0].error,
            });
            expect(org.User.find((u) => u.Id === user.Id)?.ProfileId).toBe(before.get(user.Id));
            expect(
                org.Setup_Assistant_Log__c.filter((l) => l.Target_User__c === user.Id && l.Status__c !== 'Refused'),
            ).toEqual([]);
        }
    });

    it('refuses at APPLY a row whose user was deactivated after SNAPSHOT: Refused row and log, the user unchanged', async () => {
        const { dmitri, profileBefore, started } = await startDmitriChange();
        expect(runNextStep()).toBe(true); // SNAPSHOT
        const snapshotLog = org.Setup_Assistant_Log__c.find(
            (l) => l.Target_User__c === dmitri.Id && l.Action__c === 'LICENSE_CHANGE' && l.Status__c === 'Snapshot',
        );
        expect(snapshotLog).toBeDefined();
        dmitri.IsActive = false;
        drainJobs(); // APPLY, RECONCILE
        const { job, rows } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        expect(isAccounted(job)).toBe(true);
        expect(rows[0].status).toBe('Refused');
        expect(rows[0].error).toMatch(/^USER_INACTIVE: /);
        // Nothing was written: no user is the row's result (as `JobChain.reconcileChunk`).
        expect(rows[0].resultUserId ?? null).toBeNull();
        expect(rows[0].logId).toBe(snapshotLog?.Id);
        expect(org.Setup_Assistant_Log__c.find((l) => l.Id === snapshotLog?.Id)?.Status__c).toBe('Refused');
        expect(
            org.Setup_Assistant_Log__c.find(
                (l) => l.Action__c === 'LICENSE_CHANGE_APPLY' && l.Target_User__c === dmitri.Id,
            ),
        ).toMatchObject({ Status__c: 'Refused' });
        expect(org.User.find((u) => u.Id === dmitri.Id)?.ProfileId).toBe(profileBefore);
    });

    it('names only the job in the Skipped History record of a row the chain cannot read', async () => {
        const [contact] = readyContacts(1);
        const job = await createJob({ kind: 'ENABLE_USERS' });
        await addJobRows({ jobId: job.id, rows: [enableRow(requestFor(contact, 0))] });
        // The stored request no longer names the row's contact (as a row the browser could not have added).
        const [stored] = rowsOf(job.id);
        stored.Request__c = JSON.stringify({ ...requestFor(contact, 0), ContactId: unknownContactId(1) });
        await startJob({ jobId: job.id });
        drainJobs();
        const { rows } = await fetchWholeJob(job.id, API);
        expect(rows[0].status).toBe('Skipped');
        // As `JobChain.skippedLog(action, null, reason)`: Before__c is the job alone.
        expect(org.Setup_Assistant_Log__c.find((l) => l.Id === rows[0].logId)).toMatchObject({
            Action__c: 'ENABLE_USER',
            Status__c: 'Skipped',
            Target_User__c: null,
            Before__c: JSON.stringify({ jobId: job.id }),
            Error__c: rows[0].error,
        });
    });

    it('passes the Contracts option its rows carry to the snapshot of each chunk', async () => {
        const dmitri = org.User.find((u) => u.Name === 'Dmitri Varga') as (typeof org.User)[number];
        const target = org.Profile.find((p) => p.Name === PLUS_CONTRACTS)?.Id as Id;
        const facts = await getUpgradeFacts({ userIds: [dmitri.Id], targetProfileId: target });
        const item = { ...changeItem(facts.users[0], true, null), completeContractsSetup: true };
        const started = await startJobFromRows('LICENSE_CHANGE', [changeRow(item, 'Dmitri')], {
            api: API,
            targetProfileId: target,
        });
        drainJobs();
        const { job, rows } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        expect(rows[0].status).toBe('Done');
        const labels = org.PermissionSetAssignment.filter((a) => a.AssigneeId === dmitri.Id).map(
            (a) => org.PermissionSet.find((ps) => ps.Id === a.PermissionSetId)?.Label,
        );
        expect(labels).toEqual(
            expect.arrayContaining([
                'Contract Management CC Plus Digital Experience User',
                'DocGen Run-time Community User',
            ]),
        );
        const log = org.Setup_Assistant_Log__c.find((row) => row.Id === rows[0].logId);
        expect(JSON.parse(log?.After__c ?? '{}')).toMatchObject({ contractsSetup: { complete: true } });
    });

    /** Dmitri's license-change item with the Contracts option, as the license-upgrade panel plans it. */
    async function contractsItem() {
        const dmitri = org.User.find((u) => u.Name === 'Dmitri Varga') as (typeof org.User)[number];
        const target = org.Profile.find((p) => p.Name === PLUS_CONTRACTS)?.Id as Id;
        const facts = await getUpgradeFacts({ userIds: [dmitri.Id], targetProfileId: target });
        const item = { ...changeItem(facts.users[0], true, null), completeContractsSetup: true };
        return { item, userId: dmitri.Id, target };
    }

    /** An admin gives the DocGen Contracts set Customize Application: the policy refuses it from now on. */
    function makeDocGenPrivileged(): string {
        const docGen = org.PermissionSet.find((ps) => ps.Label === 'DocGen Run-time Community User');
        if (!docGen) {
            throw new Error('The sample org has the DocGen Contracts set');
        }
        docGen.PermissionsCustomizeApplication = true;
        return docGen.Label;
    }

    it('refuses each row whose Contracts set the policy refuses when its chunk runs, and completes the job', async () => {
        const { item, userId, target } = await contractsItem();
        const profileBefore = org.User.find((u) => u.Id === userId)?.ProfileId;
        const assignmentsBefore = org.PermissionSetAssignment.filter((a) => a.AssigneeId === userId).length;
        const started = await startJobFromRows('LICENSE_CHANGE', [changeRow(item, 'Dmitri')], {
            api: API,
            targetProfileId: target,
        });
        const added = await fetchWholeJob(started.id, API);
        expect(added.rows.map((row) => row.status)).toEqual(['Pending']);
        const label = makeDocGenPrivileged();
        expect(drainJobs()).toBe(3);
        const { job, rows } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        expect(job.lastError).toBeUndefined();
        expect(job.skipped).toBe(1);
        expect(isAccounted(job)).toBe(true);
        expect(rows[0].status).toBe('Refused');
        expect(rows[0].error).toMatch(/^PERMISSION_SET_PRIVILEGED: /);
        expect(rows[0].error).toContain(label);
        expect(rows[0].chunk).toBe(1);
        const log = org.Setup_Assistant_Log__c.find((l) => l.Id === rows[0].logId);
        expect(log).toMatchObject({ Status__c: 'Refused', Error__c: rows[0].error });
        expect(org.User.find((u) => u.Id === userId)?.ProfileId).toBe(profileBefore);
        expect(org.PermissionSetAssignment.filter((a) => a.AssigneeId === userId)).toHaveLength(assignmentsBefore);
        expect(
            org.Setup_Assistant_Log__c.filter(
                (l) => l.Target_User__c === userId && l.Action__c === 'LICENSE_CHANGE' && l.Status__c !== 'Refused',
            ),
        ).toEqual([]);
    });

    it('adds the rows that carry the Contracts option Refused while the policy refuses a Contracts set', async () => {
        const { item, userId, target } = await contractsItem();
        const label = makeDocGenPrivileged();
        const job = await createJob({ kind: 'LICENSE_CHANGE', targetProfileId: target });
        const added = await addJobRows({ jobId: job.id, rows: [changeRow(item, 'Dmitri')] });
        expect(added).toMatchObject({ added: 1, duplicates: 0, requested: 1 });
        const { rows } = await getJob({ jobId: job.id, afterSequence: 0, pageSize: 10 });
        expect(rows[0].status).toBe('Refused');
        expect(rows[0].error).toMatch(/^PERMISSION_SET_PRIVILEGED: /);
        expect(rows[0].error).toContain(label);
        expect(rows[0].chunk).toBeUndefined();
        const profileBefore = org.User.find((u) => u.Id === userId)?.ProfileId;
        await startJob({ jobId: job.id });
        drainJobs();
        const done = await fetchWholeJob(job.id, API);
        expect(done.job.status).toBe('Completed');
        expect(done.rows[0].status).toBe('Refused');
        expect(org.User.find((u) => u.Id === userId)?.ProfileId).toBe(profileBefore);
    });

    it('writes each row refused as it is added the Refused History record a chunk writes, and links the row to it', async () => {
        const { items, target } = await changeItems(2, true);
        makeDocGenPrivileged();
        const job = await createJob({ kind: 'LICENSE_CHANGE', targetProfileId: target });
        const logsBefore = org.Setup_Assistant_Log__c.length;
        await addJobRows({ jobId: job.id, rows: items.map((item, n) => changeRow(item, `User ${n}`)) });
        const { rows } = await getJob({ jobId: job.id });
        expect(rows.map((row) => row.status)).toEqual(['Refused', 'Refused']);
        const written = org.Setup_Assistant_Log__c.slice(logsBefore);
        expect(written).toHaveLength(2);
        // As `JobService.addRows`: `JobChain.refusedChangeLog(jobId, userId, the row's error)`, written
        // as the admin; the row names its record.
        rows.forEach((row, n) => {
            expect(row.logId).toBe(written[n].Id);
            expect(row.logName).toBe(written[n].Name);
            expect(written[n]).toMatchObject({
                Action__c: 'LICENSE_CHANGE',
                Status__c: 'Refused',
                Target_User__c: null,
                Before__c: JSON.stringify({ jobId: job.id, userId: items[n].userId }),
                After__c: null,
                Snapshot__c: null,
                Error__c: row.error,
                CreatedById: currentSession().user.Id,
            });
            expect(row.error).toMatch(/^PERMISSION_SET_PRIVILEGED: /);
        });

        // The chain never runs them, and writes them no second record.
        await startJob({ jobId: job.id });
        drainJobs();
        const done = await fetchWholeJob(job.id, API);
        expect(done.job.status).toBe('Completed');
        expect(done.rows.map((row) => row.logId)).toEqual(rows.map((row) => row.logId));
        expect(org.Setup_Assistant_Log__c.slice(logsBefore)).toEqual(written);
    });

    it('writes no History record for rows added while the policy allows the Contracts option', async () => {
        const { items, target } = await changeItems(1, true);
        const job = await createJob({ kind: 'LICENSE_CHANGE', targetProfileId: target });
        const logsBefore = org.Setup_Assistant_Log__c.length;
        await addJobRows({ jobId: job.id, rows: [changeRow(items[0], 'First')] });
        const { rows } = await getJob({ jobId: job.id });
        expect(rows.map((row) => [row.status, row.logId])).toEqual([['Pending', undefined]]);
        expect(org.Setup_Assistant_Log__c).toHaveLength(logsBefore);
    });

    /** Active Customer Community users' license-change items to the Contracts profile, with or without the option. */
    async function changeItems(count: number, completeContractsSetup: boolean) {
        const target = profileId(PLUS_CONTRACTS);
        const community = profileId('Customer Community User');
        const users = org.User.filter((u) => u.ProfileId === community && u.IsActive).slice(0, count);
        expect(users).toHaveLength(count);
        const facts = await getUpgradeFacts({ userIds: users.map((u) => u.Id), targetProfileId: target });
        const items = facts.users.map((user) => ({ ...changeItem(user, true, null), completeContractsSetup }));
        return { items, target };
    }

    it('refuses rows that disagree about the Contracts option, in one call or with the rows the job holds, and writes nothing', async () => {
        const { items: withOption, target } = await changeItems(2, true);
        const withoutOption = withOption.map((item) => ({ ...item, completeContractsSetup: false }));
        const refusal = {
            body: {
                // As `JobService.requireOneContractsOption`: the code leads, the words are the label's.
                message: `CONTRACTS_OPTION_MIXED: ${CONTRACTS_OPTION_MIXED_LABEL}`,
                exceptionType: 'ccsa.JobService.JobException',
            },
        };
        expect(CONTRACTS_OPTION_MIXED_LABEL).toMatch(
            /^The rows of a license-change job must all complete the Contracts setup/,
        );
        const logsBefore = org.Setup_Assistant_Log__c.length;
        const job = await createJob({ kind: 'LICENSE_CHANGE', targetProfileId: target });

        await expect(
            addJobRows({
                jobId: job.id,
                rows: [changeRow(withOption[0], 'First'), changeRow(withoutOption[1], 'Second')],
            }),
        ).rejects.toMatchObject(refusal);
        const empty = await getJob({ jobId: job.id });
        expect(empty.rows).toEqual([]);
        expect(empty.job).toMatchObject({ status: 'Draft', requested: 0 });
        expect(org.Setup_Assistant_Log__c).toHaveLength(logsBefore);

        const added = await addJobRows({ jobId: job.id, rows: [changeRow(withOption[0], 'First')] });
        expect(added).toMatchObject({ added: 1, duplicates: 0, requested: 1 });
        await expect(
            addJobRows({ jobId: job.id, rows: [changeRow(withoutOption[1], 'Second')] }),
        ).rejects.toMatchObject(refusal);
        // Even a call of nothing but a row the job holds: the option is checked before duplicates.
        await expect(addJobRows({ jobId: job.id, rows: [changeRow(withoutOption[0], 'First')] })).rejects.toMatchObject(
            refusal,
        );
        const held = await getJob({ jobId: job.id });
        expect(held.rows.map((row) => [row.rowKey, row.status])).toEqual([[withOption[0].userId, 'Pending']]);
        expect(held.job).toMatchObject({ status: 'Draft', requested: 1 });
        expect(org.Setup_Assistant_Log__c).toHaveLength(logsBefore);
    });

    it('refuses rows that disagree about the Contracts option before the policy refuses a Contracts set', async () => {
        const { items, target } = await changeItems(2, true);
        makeDocGenPrivileged();
        const job = await createJob({ kind: 'LICENSE_CHANGE', targetProfileId: target });
        await expect(
            addJobRows({
                jobId: job.id,
                rows: [
                    changeRow(items[0], 'First'),
                    changeRow({ ...items[1], completeContractsSetup: false }, 'Second'),
                ],
            }),
        ).rejects.toMatchObject({ body: { message: expect.stringMatching(/^CONTRACTS_OPTION_MIXED: /) } });
        expect((await getJob({ jobId: job.id })).rows).toEqual([]);
    });

    it('runs a license-change job whose rows, added in two calls, agree about the Contracts option', async () => {
        const { items, target } = await changeItems(2, false);
        const job = await createJob({ kind: 'LICENSE_CHANGE', targetProfileId: target });
        await addJobRows({ jobId: job.id, rows: [changeRow(items[0], 'First')] });
        const added = await addJobRows({ jobId: job.id, rows: [changeRow(items[1], 'Second')] });
        expect(added).toMatchObject({ added: 1, duplicates: 0, requested: 2 });
        const started = await startJob({ jobId: job.id });
        expect(started.status).toBe('Queued');
        drainJobs();
        const { job: done, rows } = await fetchWholeJob(job.id, API);
        expect(done.status).toBe('Completed');
        expect(isAccounted(done)).toBe(true);
        expect(rows.map((row) => row.status)).toEqual(['Done', 'Done']);
        for (const item of items) {
            expect(org.User.find((u) => u.Id === item.userId)?.ProfileId).toBe(target);
            // The option off: neither Contracts set is assigned.
            const labels = org.PermissionSetAssignment.filter((a) => a.AssigneeId === item.userId).map(
                (a) => org.PermissionSet.find((ps) => ps.Id === a.PermissionSetId)?.Label,
            );
            expect(labels).not.toContain('DocGen Run-time Community User');
            expect(labels).not.toContain('Contract Management CC Plus Digital Experience User');
        }
    });

    it('converts a 15-character Id as Apex does: the case-safe suffix of the standard checksum', () => {
        // Salesforce's own example (Knowledge article "What are Salesforce IDs composed of?").
        expect(toId18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
        expect(toId18('001A0000006Vm9rIAC')).toBe('001A0000006Vm9rIAC');
        for (const notAnId of ['001A0000006Vm9', '001A0000006Vm9rI', '001A0000006Vm-r', null, undefined, 42]) {
            expect(toId18(notAnId)).toBeNull();
        }
        const contact = org.Contact[0];
        expect(toId18(contact.Id.slice(0, 15))).toBe(contact.Id);
    });

    it('stores 15-character row keys as 18-character Ids, and counts the two forms of one record as duplicates', async () => {
        const [first, second, third] = readyContacts(3);
        const job = await createJob({ kind: 'ENABLE_USERS' });
        const short = (id: Id): Id => id.slice(0, 15);
        const added = await addJobRows({
            jobId: job.id,
            rows: [
                // The key and the request's contact, both 15 characters.
                enableRow({ ...requestFor(first, 0), ContactId: short(first.Id) }),
                // A 15-character key for an 18-character contact in the request: the same record.
                { ...enableRow(requestFor(second, 1)), rowKey: short(second.Id) },
                // The 18-character form of a key this call already added.
                enableRow(requestFor(first, 2)),
            ],
        });
        expect(added).toMatchObject({ added: 2, duplicates: 1, requested: 2 });
        const again = await addJobRows({
            jobId: job.id,
            rows: [
                enableRow(requestFor(second, 3)),
                enableRow({ ...requestFor(third, 4), ContactId: short(third.Id) }),
            ],
        });
        expect(again).toMatchObject({ added: 1, duplicates: 1, requested: 3 });
        const { rows } = await getJob({ jobId: job.id });
        expect(rows.map((row) => row.rowKey)).toEqual([first.Id, second.Id, third.Id]);

        await startJob({ jobId: job.id });
        drainJobs();
        const done = await fetchWholeJob(job.id, API);
        expect(done.job.status).toBe('Completed');
        expect(done.rows.map((row) => row.status)).toEqual(['Done', 'Done', 'Done']);
        for (const contact of [first, second, third]) {
            expect(org.User.filter((u) => u.ContactId === contact.Id)).toHaveLength(1);
        }
    });

    it('runs a license-change row whose key and user are 15-character Ids', async () => {
        const { items, target } = await changeItems(1, false);
        const userId = items[0].userId as Id;
        const short = { ...items[0], userId: userId.slice(0, 15) };
        const job = await createJob({ kind: 'LICENSE_CHANGE', targetProfileId: target });
        await addJobRows({ jobId: job.id, rows: [changeRow(short, 'Short')] });
        const duplicate = await addJobRows({ jobId: job.id, rows: [changeRow(items[0], 'Long')] });
        expect(duplicate).toMatchObject({ added: 0, duplicates: 1, requested: 1 });
        await startJob({ jobId: job.id });
        drainJobs();
        const { rows } = await fetchWholeJob(job.id, API);
        expect(rows.map((row) => [row.rowKey, row.status, row.resultUserId])).toEqual([[userId, 'Done', userId]]);
        expect(org.User.find((u) => u.Id === userId)?.ProfileId).toBe(target);
    });

    it('refuses a row whose request names another contact', async () => {
        const [first, second] = readyContacts(2);
        const job = await createJob({ kind: 'ENABLE_USERS' });
        const forged = { ...enableRow(requestFor(first, 0)), rowKey: second.Id };
        await expect(addJobRows({ jobId: job.id, rows: [forged] })).rejects.toMatchObject({
            body: { message: expect.stringContaining(`The row ${second.Id} cannot be read`) },
        });
    });

    it('exports the whole job as CSV with the byte-order mark and neutralised formulas', async () => {
        const [contact] = readyContacts(1);
        const started = await startJobFromRows('ENABLE_USERS', [enableRow(requestFor(contact, 0), '=HYPERLINK("x")')], {
            api: API,
        });
        drainJobs();
        const { rows } = await fetchWholeJob(started.id, API);
        const csv = jobCsv(rows);
        expect(csv.startsWith('\uFEFFRow,Key,Name,Status,User,Username,Email,History record,Chunk,Error\r\n')).toBe(
            true,
        );
        expect(csv).toContain(`1,${contact.Id},"'=HYPERLINK(""x"")",Done,`);
    });

    it("gives each created row its user's username and email, read once per page, and none to a refused row", async () => {
        const [contact] = readyContacts(1);
        const planned = requestFor(contact, 0);
        const started = await startJobFromRows(
            'ENABLE_USERS',
            [
                enableRow(planned),
                enableRow(
                    requestFor({ Id: unknownContactId(1), FirstName: 'No', LastName: 'Contact', Email: null }, 1),
                ),
            ],
            { api: API },
        );
        drainJobs();
        const { rows } = await getJob({ jobId: started.id, afterSequence: 0, pageSize: 10 });
        const [created, refused] = rows;
        expect(created.status).toBe('Done');
        const user = org.User.find((u) => u.Id === created.resultUserId);
        expect(user?.Username).toBe(planned.Username);
        expect(created.username).toBe(planned.Username);
        expect(created.email).toBe(user?.Email);
        // As Apex leaves nulls out of the JSON: no user, no username.
        expect(refused.status).toBe('Refused');
        expect(refused).not.toHaveProperty('username');
        expect(refused).not.toHaveProperty('email');
        const lines = jobCsv(rows).slice(1).split('\r\n');
        expect(lines[1]).toContain(`,Done,${created.resultUserId},${planned.Username},${user?.Email},`);
        expect(lines[2]).toContain(',Refused,,,,');
    });

    it("gives every job the admin's time zone, the one History shows times in", async () => {
        const [contact] = readyContacts(1);
        const started = await startJobFromRows('ENABLE_USERS', [enableRow(requestFor(contact, 0))], { api: API });
        const admin = currentSession().user;
        expect(admin.TimeZoneSidKey).toBeTruthy();
        expect(started.timeZone).toBe(admin.TimeZoneSidKey);
        expect((await getJobs()).map((job) => job.timeZone)).toEqual([admin.TimeZoneSidKey]);
    });

    // Admin walk-through: Cancel, Resume, a chunk's step dies, Resume again to the end; the seats then
    // read in Enable users were 80 fewer than the org's (the panel's, see enableUsers.followJob), so
    // the sample org's side is pinned: a dead step leaves the org as a run without it would.
    it.each<JobStepName>(['ENABLE', 'RECORD'])(
        'leaves users, assignments and seat counts as a run without the failure would when %s dies after a Cancel and Resume, and a reload agrees',
        async (dies) => {
            const outcome = async (fail: JobStepName | null) => {
                resetSampleOrg();
                resetSampleSettings();
                resetEngine();
                configureEngine({ autoRun: false, persist: true, failureRate: 0 });
                setSampleSettings({ roleBasedInsertChunkSize: 2 });
                const plus = org.UserLicense.find(
                    (l) => l.Id === org.Profile.find((p) => p.Name === PLUS_CONTRACTS)?.UserLicenseId,
                );
                (plus as { TotalLicenses: number; UsedLicenses: number }).TotalLicenses =
                    (plus?.UsedLicenses ?? 0) + 100;
                for (const license of org.PermissionSetLicense) {
                    license.TotalLicenses = license.UsedLicenses + 100;
                }
                const contacts = readyContacts(6);
                // The permission sets that need a permission set license: the user, its assignments and
                // both kinds of seats are written by each created row.
                const facts = await getEnablementFacts({
                    contactIds: contacts.map((contact) => contact.Id),
                    usernamePatterns: [],
                    nicknamePatterns: [],
                });
                const licensed = facts.permissionSets.filter((permissionSet) => permissionSet.permissionSetLicenseId);
                expect(licensed.length).toBeGreaterThan(0);
                const started = await startJobFromRows(
                    'ENABLE_USERS',
                    contacts.map((contact, n) =>
                        enableRow({
                            ...requestFor(contact, n),
                            permissionSetIds: licensed.map((permissionSet) => permissionSet.id),
                            permissionSetLicenseIds: licensed.map(
                                (permissionSet) => permissionSet.permissionSetLicenseId as Id,
                            ),
                        }),
                    ),
                    { api: API },
                );
                drainJobs(3); // chunk 1: ENABLE, RECORD; chunk 2: ENABLE
                await cancelJob({ jobId: started.id });
                ageCancel(started.id);
                await resumeJob({ jobId: started.id });
                expect(runNextStep()).toBe(true); // run 1's RECORD of chunk 2, queued before the Cancel
                if (fail) {
                    failNextStep(fail);
                }
                drainJobs();
                if (fail) {
                    expect((await getJob({ jobId: started.id })).job.status).toBe('Failed');
                    await resumeJob({ jobId: started.id });
                    drainJobs();
                }
                const { job } = await fetchWholeJob(started.id, API);
                expect(job.status).toBe('Completed');
                expect(job.created).toBe(6);

                const keyOf = new Map(org.User.map((u) => [u.Id, u.ContactId ?? u.Id]));
                const profiles = new Set(
                    org.Profile.filter((p) => p.UserLicenseId === plus?.Id).map((profile) => profile.Id),
                );
                // As the platform counts them: the seats used are the active users of the license.
                expect(plus?.UsedLicenses).toBe(org.User.filter((u) => u.IsActive && profiles.has(u.ProfileId)).length);
                const state = {
                    users: org.User.map(
                        (u) => `${keyOf.get(u.Id)} ${u.ProfileId} ${u.UserRoleId} ${u.IsActive}`,
                    ).sort(),
                    permissionSets: org.PermissionSetAssignment.map(
                        (a) => `${keyOf.get(a.AssigneeId)} ${a.PermissionSetId}`,
                    ).sort(),
                    permissionSetLicenses: org.PermissionSetLicenseAssign.map(
                        (a) => `${keyOf.get(a.AssigneeId)} ${a.PermissionSetLicenseId}`,
                    ).sort(),
                    userLicenses: org.UserLicense.map((l) => `${l.Name} ${l.UsedLicenses}`),
                    permissionSetLicenseSeats: org.PermissionSetLicense.map(
                        (l) => `${l.MasterLabel} ${l.UsedLicenses}`,
                    ),
                    history: org.Setup_Assistant_Log__c.map(
                        (l) => `${keyOf.get(l.Target_User__c ?? '')} ${l.Action__c} ${l.Status__c}`,
                    ).sort(),
                };
                // A reload puts back what was saved: the same org as in memory.
                const inMemory = JSON.stringify(org);
                resetSampleOrg();
                expect(restoreSaved()).toBe(true);
                expect(JSON.stringify(org)).toBe(inMemory);
                return state;
            };
            const clean = await outcome(null);
            expect(await outcome(dies)).toEqual(clean);
        },
    );

    it('keeps jobs, queued steps and their effects across a page reload', async () => {
        configureEngine({ persist: true });
        const { started } = await startEnableJob(4, 2);
        drainJobs(2);
        const usersAfterChunk1 = org.User.length;

        // A reload: the org is generated again, the engine's memory is gone; the saved state comes back.
        const saved = window.sessionStorage.getItem('ccsa.sampleOrg.jobs.v2');
        resetSampleOrg();
        resetEngine();
        configureEngine({ autoRun: false, persist: true, failureRate: 0 });
        window.sessionStorage.setItem('ccsa.sampleOrg.jobs.v2', saved as string);
        expect(org.User.length).toBeLessThan(usersAfterChunk1);
        expect(restoreSaved()).toBe(true);
        expect(org.User.length).toBe(usersAfterChunk1);
        expect((await getJob({ jobId: started.id })).job.processed).toBe(2);

        drainJobs();
        const { job } = await fetchWholeJob(started.id, API);
        expect(job.status).toBe('Completed');
        expect(job.created).toBe(4);
    });
});
