/**
 * The sample org's license change is the preview's stand-in for `LicenseChangeService` and
 * `PartnerAccountService`: the same three steps, refusals and log records as the Apex, over
 * records that change the way the platform changes them (profile, role, seats, assignments).
 */
import ACKNOWLEDGEMENT_REQUIRED from '@salesforce/label/c.CCSA_Upgrade_Acknowledgement_Required';
import ACCESS_DENIED from '@salesforce/label/c.CCSA_Access_Denied';
import BATCH_SIZE from '@salesforce/label/c.CCSA_Upgrade_Batch_Size';
import FACTS_CHANGED from '@salesforce/label/c.CCSA_Upgrade_Facts_Changed';
import PARTNER_ACCOUNT_NOT_ENABLED from '@salesforce/label/c.CCSA_Policy_Partner_Account_Not_Enabled';
import PERSON_ACCOUNTS_OVER_LIMIT from '@salesforce/label/c.CCSA_Policy_Person_Accounts_Over_Limit';
import USER_INACTIVE from '@salesforce/label/c.CCSA_Policy_User_Inactive';
import { formatLabel } from 'c/labelFormat';
import { changeItem } from 'c/upgradePlan';
import { validateUpgrade } from 'c/upgradeValidator';
import {
    applyLicenseChanges,
    cancelLicenseChange,
    enablePartnerAccounts,
    getUpgradeFacts,
    getUpgradeTargets,
    reconcileLicenseChanges,
    searchUpgradeCandidates,
    snapshotLicenseChanges,
} from '../sample-org/apex/LicenseUpgradeController';
import { getDoctorFacts } from '../sample-org/apex/UserDoctorController';
import { resetSampleSettings, setSampleSettings } from '../sample-org/apex/UserSetupController';
import { newRecordId, platformNow, resetSampleOrg, sampleOrg as org } from '../sample-org/org';
import { insertLogRecord } from '../sample-org/logWriter';
import { examineUser } from 'c/userDoctor';
import type { Id, Profile, User } from '../sample-org/types';

type ChangeItem = Apex.LicenseChangeService.ChangeItem;
type ChangeResult = Apex.LicenseChangeService.ChangeResult;

const CONTRACTS_PROFILE = 'Customer Community Plus User - Contracts';

function userNamed(name: string): User {
    const user = org.User.find((u) => u.Name === name);
    if (!user) {
        throw new Error(`No sample user named ${name}`);
    }
    return user;
}

function profileNamed(name: string): Profile {
    return org.Profile.find((p) => p.Name === name) as Profile;
}

function licenseOf(profileName: string) {
    const profile = profileNamed(profileName);
    return org.UserLicense.find((l) => l.Id === profile.UserLicenseId) as (typeof org.UserLicense)[number];
}

function permissionSetLabels(userId: Id): string[] {
    return org.PermissionSetAssignment.filter((a) => a.AssigneeId === userId)
        .map((a) => org.PermissionSet.find((ps) => ps.Id === a.PermissionSetId)?.Label ?? '')
        .sort();
}

/** The change items the UI sends: the facts the validator saw and the acknowledgement (no path). */
async function itemsFor(
    users: User[],
    targetProfileId: Id,
    overrides: Partial<ChangeItem> = {},
): Promise<ChangeItem[]> {
    const facts = await getUpgradeFacts({ userIds: users.map((u) => u.Id), targetProfileId });
    return facts.users.map((user) => ({ ...changeItem(user, true, null), ...overrides }));
}

/** The three steps, as the UI runs them. */
async function change(
    users: User[],
    targetProfileId: Id,
): Promise<{ snapshot: ChangeResult[]; applied: ChangeResult[]; reconciled: ChangeResult[] }> {
    const snapshot = await snapshotLicenseChanges({
        request: { targetProfileId, users: await itemsFor(users, targetProfileId) },
    });
    const logIds = snapshot.map((r) => r.logId).filter((id): id is string => !!id);
    const applied = await applyLicenseChanges({ logIds, targetProfileId });
    const reconciled = await reconcileLicenseChanges({ outcomes: applied, targetProfileId });
    return { snapshot, applied, reconciled };
}

beforeEach(() => {
    resetSampleOrg();
    window.history.pushState({}, '', '/?latency=0');
});
afterEach(() => window.history.pushState({}, '', '/'));

describe('license change, snapshot → apply → reconcile', () => {
    it('upgrades a Customer Community user to the Contracts profile and restores the permission set', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const target = profileNamed(CONTRACTS_PROFILE);
        const before = { ...dmitri };
        const caseAccess = org.PermissionSet.find((ps) => ps.Label === 'Portal Case Access') as { Id: Id };
        const ccSeats = licenseOf('Customer Community User').UsedLicenses;
        const plusSeats = licenseOf(CONTRACTS_PROFILE).UsedLicenses;
        const account = org.Account.find((a) => a.Id === dmitri.AccountId) as (typeof org.Account)[number];
        const owner = org.User.find((u) => u.Id === account.OwnerId) as User;

        const { snapshot, applied, reconciled } = await change([dmitri], target.Id);

        expect(snapshot).toEqual([
            expect.objectContaining({ userId: dmitri.Id, status: 'Snapshot', errors: [], profileChanged: false }),
        ]);
        const logId = snapshot[0].logId as Id;
        expect(logId).toMatch(/^a00[0-9A-Za-z]{15}$/);
        expect(applied).toEqual([
            {
                userId: dmitri.Id,
                logId,
                status: 'Applied',
                profileChanged: true,
                errors: [],
                restored: [],
                removed: [],
            },
        ]);
        expect(reconciled).toEqual([
            {
                userId: dmitri.Id,
                logId,
                status: 'Completed',
                profileChanged: true,
                errors: [],
                restored: [caseAccess.Id],
                removed: [],
            },
        ]);

        // The user: new profile and user type, a new portal role under the owner's role, a new stamp.
        const user = userNamed('Dmitri Varga');
        expect(user.ProfileId).toBe(target.Id);
        expect(user.UserType).toBe('PowerCustomerSuccess');
        expect(Date.parse(user.SystemModstamp)).toBeGreaterThan(Date.parse(before.SystemModstamp));
        const role = org.UserRole.find((r) => r.Id === user.UserRoleId);
        expect(role).toMatchObject({
            Name: `Customer ${account.Name} User`,
            PortalType: 'CustomerPortal',
            PortalAccountId: account.Id,
            PortalRole: 'User',
            ParentRoleId: owner.UserRoleId,
        });
        expect(account.IsCustomerPortal).toBe(true);
        expect(permissionSetLabels(user.Id)).toEqual(['Portal Case Access']);
        // The seat moved from Customer Community to Customer Community Plus.
        expect(licenseOf('Customer Community User').UsedLicenses).toBe(ccSeats - 1);
        expect(licenseOf(CONTRACTS_PROFILE).UsedLicenses).toBe(plusSeats + 1);
        const targets = await getUpgradeTargets();
        expect(targets.find((t) => t.profileId === target.Id)?.seatsAvailable).toBe(0);

        // The log, as the Apex writes it.
        const log = org.Setup_Assistant_Log__c.find((l) => l.Id === logId);
        expect(log).toMatchObject({
            Name: 'LOG-0000001',
            Action__c: 'LICENSE_CHANGE',
            Status__c: 'Completed',
            Target_User__c: dmitri.Id,
            Restored__c: JSON.stringify([caseAccess.Id]),
            Removed__c: '[]',
            Error__c: null,
            CreatedById: org.defaultRunningUserId,
        });
        expect(JSON.parse(log?.Snapshot__c ?? '')).toEqual({
            beforeProfileId: before.ProfileId,
            targetProfileId: target.Id,
            permissionSetIds: [caseAccess.Id],
            permissionSetGroupIds: [],
            permissionSetLicenseIds: [],
            expirationDates: {},
            roleId: null,
            completeContractsSetup: false,
            contractsPermissionSetIds: [],
            contractsPermissionSetLicenseIds: [],
        });
        expect(JSON.parse(log?.Before__c ?? '')).toEqual({
            profileId: before.ProfileId,
            profileName: 'Customer Community User',
            licenseName: 'Customer Community',
            roleId: null,
            roleName: null,
            targetProfileId: target.Id,
            targetProfileName: CONTRACTS_PROFILE,
            targetLicenseName: 'Customer Community Plus',
        });
        expect(JSON.parse(log?.After__c ?? '')).toEqual({
            profileId: target.Id,
            profileName: CONTRACTS_PROFILE,
            licenseName: 'Customer Community Plus',
            roleId: role?.Id,
            roleName: role?.Name,
            restoreAttempts: 1,
            // Apex serializes a null map too: no Contracts setup was asked.
            contractsSetup: null,
        });
        // The facts read again show the change.
        const facts = await getUpgradeFacts({ userIds: [dmitri.Id], targetProfileId: target.Id });
        expect(facts.users[0]).toMatchObject({ profileName: CONTRACTS_PROFILE, roleName: role?.Name });
    });

    it('tells the validator whose account owner has no role, and the validator blocks that user before any change', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const target = profileNamed(CONTRACTS_PROFILE);
        const account = org.Account.find((a) => a.Id === dmitri.AccountId) as (typeof org.Account)[number];
        const owner = org.User.find((u) => u.Id === account.OwnerId) as User;
        let facts = await getUpgradeFacts({ userIds: [dmitri.Id], targetProfileId: target.Id });
        expect(facts.users[0]).toEqual(
            expect.objectContaining({ accountOwnerHasRole: true, accountOwnerName: owner.Name }),
        );
        expect(validateUpgrade(facts.users, facts.target).users[0].canChange).toBe(true);

        owner.UserRoleId = null;
        facts = await getUpgradeFacts({ userIds: [dmitri.Id], targetProfileId: target.Id });
        expect(facts.users[0].accountOwnerHasRole).toBe(false);
        const verdict = validateUpgrade(facts.users, facts.target).users[0];
        expect(verdict.canChange).toBe(false);
        expect(verdict.blockers.find((item) => item.code === 'ACCOUNT_OWNER_WITHOUT_ROLE')?.values).toEqual([
            owner.Name,
            account.Name,
        ]);
    });

    it('gives the lowest existing role of the account to a user without one', async () => {
        const isla = userNamed('Isla Keller');
        const existing = org.UserRole.filter((r) => r.PortalAccountId === isla.AccountId);
        const { reconciled } = await change([isla], profileNamed(CONTRACTS_PROFILE).Id);
        expect(reconciled[0]).toMatchObject({ status: 'Completed', errors: [] });
        expect(org.UserRole.filter((r) => r.PortalAccountId === isla.AccountId)).toEqual(existing);
        expect(existing.map((r) => r.Id)).toContain(userNamed('Isla Keller').UserRoleId);
    });

    it('restores permission set licenses, then the permission sets that need them (as the Apex)', async () => {
        const isla = userNamed('Isla Andersson');
        const pslIds = org.PermissionSetLicenseAssign.filter((a) => a.AssigneeId === isla.Id).map(
            (a) => a.PermissionSetLicenseId,
        );
        const psIds = org.PermissionSetAssignment.filter((a) => a.AssigneeId === isla.Id).map((a) => a.PermissionSetId);
        expect(pslIds).toHaveLength(2);
        const pslSeats = org.PermissionSetLicense.map((l) => l.UsedLicenses);
        const { reconciled } = await change([isla], profileNamed(CONTRACTS_PROFILE).Id);
        // Plus Login to Plus is role-based to role-based: reversible, role kept.
        expect(userNamed('Isla Andersson').UserRoleId).toBe(isla.UserRoleId);
        // Permission sets tied to a permission set license come back once the license is restored.
        const labelsBefore = psIds.map((id) => org.PermissionSet.find((p) => p.Id === id)?.Label).sort();
        expect(reconciled[0]).toMatchObject({ status: 'Completed', restored: [...pslIds, ...psIds], removed: [] });
        expect(permissionSetLabels(isla.Id).sort()).toEqual(labelsBefore);
        expect(org.PermissionSetLicense.map((l) => l.UsedLicenses)).toEqual(pslSeats);
    });
});

describe('license change refusals', () => {
    const target = () => profileNamed(CONTRACTS_PROFILE).Id;

    it('refuses a user changed since validation, and creates no log', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const items = await itemsFor([dmitri], target());
        dmitri.ProfileId = profileNamed('Customer Community Login User').Id;
        const results = await snapshotLicenseChanges({ request: { targetProfileId: target(), users: items } });
        expect(results).toEqual([
            {
                userId: dmitri.Id,
                status: 'Refused',
                code: 'FACTS_CHANGED',
                profileChanged: false,
                errors: [`FACTS_CHANGED: ${FACTS_CHANGED}`],
                restored: [],
                removed: [],
            },
        ]);
        expect(org.Setup_Assistant_Log__c).toHaveLength(0);
    });

    it('refuses a stale profile, active flag, contact or set of assignments', async () => {
        const dmitri = userNamed('Dmitri Varga');
        for (const stale of [
            { profileId: profileNamed('Customer Community Login User').Id },
            { isActive: false },
            { contactId: null },
            { permissionSetIds: [] },
            { permissionSetLicenseIds: ['0PL8d000000ZZZZAAA'] },
        ]) {
            const users = await itemsFor([dmitri], target(), stale);
            const [result] = await snapshotLicenseChanges({ request: { targetProfileId: target(), users } });
            expect(result).toMatchObject({ code: 'FACTS_CHANGED', errors: [`FACTS_CHANGED: ${FACTS_CHANGED}`] });
        }
    });

    it('ignores SystemModstamp: an unrelated system update does not refuse the user', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const users = await itemsFor([dmitri], target());
        dmitri.SystemModstamp = new Date(Date.parse(dmitri.SystemModstamp) + 60_000).toISOString();
        const [result] = await snapshotLicenseChanges({ request: { targetProfileId: target(), users } });
        expect(result.status).toBe('Snapshot');
    });

    it('refuses an irreversible change without acknowledgement', async () => {
        const users = await itemsFor([userNamed('Dmitri Varga')], target(), { acknowledgedIrreversible: false });
        const [result] = await snapshotLicenseChanges({ request: { targetProfileId: target(), users } });
        expect(result).toMatchObject({
            status: 'Refused',
            code: 'ACKNOWLEDGEMENT_REQUIRED',
            errors: [`ACKNOWLEDGEMENT_REQUIRED: ${ACKNOWLEDGEMENT_REQUIRED}`],
        });
        // Customer Community to Customer Community Login is reversible: no acknowledgement needed.
        const login = profileNamed('Customer Community Login User').Id;
        const reversible = await itemsFor([userNamed('Dmitri Varga')], login, { acknowledgedIrreversible: false });
        const [ok] = await snapshotLicenseChanges({ request: { targetProfileId: login, users: reversible } });
        expect(ok.status).toBe('Snapshot');
    });

    it('refuses a hostile request that leaves the acknowledgement out: the server decides it is required', async () => {
        // A client that skips the UI ("Change … that fit" with nothing acknowledged) and sends no
        // flag at all, or null: Customer Community to Customer Community Plus is irreversible.
        for (const acknowledgedIrreversible of [undefined, null]) {
            const users = await itemsFor([userNamed('Dmitri Varga')], target(), {
                acknowledgedIrreversible: acknowledgedIrreversible as unknown as boolean,
            });
            const [result] = await snapshotLicenseChanges({ request: { targetProfileId: target(), users } });
            expect(result).toMatchObject({ status: 'Refused', code: 'ACKNOWLEDGEMENT_REQUIRED' });
            expect(result.logId ?? null).toBeNull();
        }
    });

    it('computes the path itself and refuses any path but a profile change, before the facts', async () => {
        const bruno = userNamed('Bruno Becker');
        expect(licenseOf(org.Profile.find((p) => p.Id === bruno.ProfileId)?.Name as string).Name).toBe('Gold Partner');
        const users = await itemsFor([bruno], target(), { permissionSetIds: ['stale'] });
        const [result] = await snapshotLicenseChanges({ request: { targetProfileId: target(), users } });
        expect(result).toMatchObject({ status: 'Refused', code: 'PATH_NOT_PROFILE_CHANGE' });
        expect(result.errors[0]).toMatch(/^PATH_NOT_PROFILE_CHANGE: .*reenable-as-customer/);
    });

    it('refuses a user that does not exist, and a target outside the six licenses', async () => {
        const users = await itemsFor([userNamed('Dmitri Varga')], target(), { userId: '0058d000000ZZZZAAA' });
        await expect(snapshotLicenseChanges({ request: { targetProfileId: target(), users } })).rejects.toMatchObject({
            body: { message: expect.stringMatching(/^USER_NOT_FOUND: /) },
        });
        await expect(
            snapshotLicenseChanges({
                request: { targetProfileId: profileNamed('Gold Partner User').Id, users },
            }),
        ).rejects.toMatchObject({
            body: {
                message: expect.stringMatching(/^PROFILE_NOT_TARGET_LICENSE: /),
                exceptionType: 'ccsa.SetupAssistantPolicy.PolicyException',
            },
        });
        expect(org.Setup_Assistant_Log__c).toHaveLength(0);
    });

    it('answers an empty request with no results and refuses more than 200 users', async () => {
        expect(await snapshotLicenseChanges({ request: { targetProfileId: target(), users: [] } })).toEqual([]);
        const [item] = await itemsFor([userNamed('Dmitri Varga')], target());
        await expect(
            snapshotLicenseChanges({
                request: { targetProfileId: target(), users: Array.from({ length: 201 }, () => item) },
            }),
        ).rejects.toMatchObject({ body: { message: formatLabel(BATCH_SIZE, 200) } });
    });

    it('denies every write to a user without the admin permission set', async () => {
        window.history.pushState({}, '', '/?as=jprice&latency=0');
        const denied = {
            body: {
                message: formatLabel(
                    ACCESS_DENIED,
                    'Contracts Community Setup Admin',
                    'Manage_Contracts_Community_Users',
                ),
            },
        };
        await expect(searchUpgradeCandidates({})).rejects.toMatchObject(denied);
        await expect(
            snapshotLicenseChanges({ request: { targetProfileId: target(), users: [] } }),
        ).rejects.toMatchObject(denied);
        await expect(applyLicenseChanges({ logIds: [], targetProfileId: target() })).rejects.toMatchObject(denied);
        await expect(reconcileLicenseChanges({ outcomes: [], targetProfileId: target() })).rejects.toMatchObject(
            denied,
        );
        await expect(cancelLicenseChange({ logId: 'a008d000000ZZZZAAA' })).rejects.toMatchObject(denied);
        await expect(enablePartnerAccounts({ accountIds: [] })).rejects.toMatchObject(denied);
    });
});

describe('license change retries', () => {
    it('returns the open log instead of a second snapshot', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const targetId = profileNamed(CONTRACTS_PROFILE).Id;
        const users = await itemsFor([dmitri], targetId);
        const [first] = await snapshotLicenseChanges({ request: { targetProfileId: targetId, users } });
        const [again] = await snapshotLicenseChanges({ request: { targetProfileId: targetId, users } });
        expect(again).toEqual(first);
        // Even after the change (the facts no longer match), until reconcile completes the log.
        await applyLicenseChanges({ logIds: [first.logId as Id], targetProfileId: targetId });
        const [afterApply] = await snapshotLicenseChanges({ request: { targetProfileId: targetId, users } });
        expect(afterApply).toMatchObject({ logId: first.logId, status: 'Snapshot', errors: [] });
        // One license-change log (and the attempt apply recorded).
        expect(org.Setup_Assistant_Log__c.filter((l) => l.Action__c === 'LICENSE_CHANGE')).toHaveLength(1);
    });

    it('applies twice without changing twice, and refuses a completed log', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const targetId = profileNamed(CONTRACTS_PROFILE).Id;
        const [snapshot] = await snapshotLicenseChanges({
            request: { targetProfileId: targetId, users: await itemsFor([dmitri], targetId) },
        });
        const logIds = [snapshot.logId as Id];
        const applied = await applyLicenseChanges({ logIds, targetProfileId: targetId });
        const seats = org.UserLicense.map((l) => l.UsedLicenses);
        const stamp = userNamed('Dmitri Varga').SystemModstamp;
        const assignments = org.PermissionSetAssignment.length;
        const again = await applyLicenseChanges({ logIds, targetProfileId: targetId });
        expect(again).toEqual(applied);
        expect(org.UserLicense.map((l) => l.UsedLicenses)).toEqual(seats);
        expect(userNamed('Dmitri Varga').SystemModstamp).toBe(stamp);
        expect(org.PermissionSetAssignment).toHaveLength(assignments);
        await reconcileLicenseChanges({ outcomes: again, targetProfileId: targetId });
        await expect(applyLicenseChanges({ logIds, targetProfileId: targetId })).rejects.toMatchObject({
            body: { message: expect.stringMatching(/^LOG_NOT_OPEN: /) },
        });
        expect(await applyLicenseChanges({ logIds: [], targetProfileId: targetId })).toEqual([]);
    });

    it('finishes a user whose restore failed, when apply runs again', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const targetId = profileNamed(CONTRACTS_PROFILE).Id;
        const snapshot = await snapshotLicenseChanges({
            request: { targetProfileId: targetId, users: await itemsFor([dmitri], targetId) },
        });
        const logIds = [snapshot[0].logId as Id];
        await applyLicenseChanges({ logIds, targetProfileId: targetId });
        // Someone removes the restored permission set before reconcile: the log stays Applied.
        org.PermissionSetAssignment = org.PermissionSetAssignment.filter((a) => a.AssigneeId !== dmitri.Id);
        const [pending] = await reconcileLicenseChanges({
            outcomes: [{ ...snapshot[0], errors: ['Boom'], restored: [], removed: [] }],
            targetProfileId: targetId,
        });
        // The client's error text is never stored nor returned (security review finding 5).
        expect(pending).toMatchObject({ status: 'Applied', restored: [], errors: [] });
        expect(org.Setup_Assistant_Log__c[0]).toMatchObject({ Status__c: 'Applied', Error__c: null });
        // Reconciles without an apply are no restore attempts: the log is never given up by them.
        for (let i = 0; i < 4; i++) {
            await reconcileLicenseChanges({
                outcomes: [{ ...snapshot[0], errors: ['Boom'], restored: [], removed: [] }],
                targetProfileId: targetId,
            });
        }
        expect(org.Setup_Assistant_Log__c[0]).toMatchObject({ Status__c: 'Applied', Error__c: null });
        expect(JSON.parse(org.Setup_Assistant_Log__c[0].After__c ?? '{}')).toMatchObject({ restoreAttempts: 1 });
        // apply recorded its own attempt.
        expect(
            org.Setup_Assistant_Log__c.filter(
                (l) => l.Action__c === 'LICENSE_CHANGE_APPLY' && l.Before__c?.includes(logIds[0]),
            ),
        ).toHaveLength(1);
        const applied = await applyLicenseChanges({ logIds, targetProfileId: targetId });
        const [done] = await reconcileLicenseChanges({ outcomes: applied, targetProfileId: targetId });
        expect(done.status).toBe('Completed');
        expect(permissionSetLabels(dmitri.Id)).toEqual(['Portal Case Access']);
    });
});

describe('license change failures the platform gives', () => {
    it('fails users once the target license has no seat left, leaving them unchanged', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const sofia = userNamed('Sofia Xu');
        const target = profileNamed(CONTRACTS_PROFILE);
        expect(licenseOf(CONTRACTS_PROFILE).TotalLicenses - licenseOf(CONTRACTS_PROFILE).UsedLicenses).toBe(1);
        const sofiaBefore = { ...sofia };
        const sofiaSets = permissionSetLabels(sofia.Id);

        const { applied, reconciled } = await change([dmitri, sofia], target.Id);

        expect(applied.map((r) => [r.userId, r.status, r.profileChanged, r.errors])).toEqual([
            [dmitri.Id, 'Applied', true, []],
            [sofia.Id, 'Snapshot', false, ['LICENSE_LIMIT_EXCEEDED: License Limit Exceeded']],
        ]);
        expect(reconciled.map((r) => [r.status, r.errors])).toEqual([
            ['Completed', []],
            ['Snapshot', ['LICENSE_LIMIT_EXCEEDED: License Limit Exceeded']],
        ]);
        expect(userNamed('Sofia Xu')).toEqual(sofiaBefore);
        expect(permissionSetLabels(sofia.Id)).toEqual(sofiaSets);
        expect(licenseOf(CONTRACTS_PROFILE).UsedLicenses).toBe(licenseOf(CONTRACTS_PROFILE).TotalLicenses);
        const log = org.Setup_Assistant_Log__c.find((l) => l.Target_User__c === sofia.Id);
        expect(log).toMatchObject({
            Status__c: 'Snapshot',
            Error__c: 'LICENSE_LIMIT_EXCEEDED: License Limit Exceeded',
        });
    });

    it('refuses a user whose account owner has no role before any change (Salesforce would fail it)', async () => {
        const ivan = userNamed('Ivan Larsen');
        const { snapshot } = await change([ivan], profileNamed(CONTRACTS_PROFILE).Id);
        expect(snapshot[0]).toMatchObject({ status: 'Refused', code: 'ACCOUNT_OWNER_WITHOUT_ROLE' });
        expect(snapshot[0].logId ?? null).toBeNull();
        expect(snapshot[0].errors.join(' ')).toContain('Riley Noble');
        expect(userNamed('Ivan Larsen').ProfileId).toBe(ivan.ProfileId);
    });

    it('refuses at apply when the owner lost the role after the snapshot, and nothing is changed', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const targetId = profileNamed(CONTRACTS_PROFILE).Id;
        const [snapshot] = await snapshotLicenseChanges({
            request: { targetProfileId: targetId, users: await itemsFor([dmitri], targetId) },
        });
        expect(snapshot.status).toBe('Snapshot');
        const account = org.Account.find((a) => a.Id === dmitri.AccountId) as (typeof org.Account)[number];
        (org.User.find((u) => u.Id === account.OwnerId) as User).UserRoleId = null;
        const [applied] = await applyLicenseChanges({ logIds: [snapshot.logId as Id], targetProfileId: targetId });
        expect(applied).toMatchObject({ code: 'ACCOUNT_OWNER_WITHOUT_ROLE', profileChanged: false });
        expect(userNamed('Dmitri Varga').ProfileId).toBe(dmitri.ProfileId);
    });

    it('keeps the lists of its own change when the user is moved elsewhere after it', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const targetId = profileNamed(CONTRACTS_PROFILE).Id;
        const [snapshot] = await snapshotLicenseChanges({
            request: { targetProfileId: targetId, users: await itemsFor([dmitri], targetId) },
        });
        const applied = await applyLicenseChanges({ logIds: [snapshot.logId as Id], targetProfileId: targetId });
        expect(applied[0].profileChanged).toBe(true);
        // Someone else moves him to a third profile before the reconcile.
        userNamed('Dmitri Varga').ProfileId = profileNamed('Customer Community Login User').Id;
        const [reconciled] = await reconcileLicenseChanges({ outcomes: applied, targetProfileId: targetId });
        expect(reconciled).toMatchObject({ status: 'Refused', code: 'FACTS_CHANGED' });
        // The assistant did change his profile: History keeps what that change removed and restored.
        const log = org.Setup_Assistant_Log__c.find((l) => l.Id === snapshot.logId);
        expect(log?.Status__c).toBe('Refused');
        expect(JSON.parse(log?.Removed__c ?? 'null')).toEqual(reconciled.removed);
        expect(JSON.parse(log?.Restored__c ?? 'null')).toEqual(reconciled.restored);
    });

    it('refuses to apply when the user changed profile since the snapshot', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const targetId = profileNamed(CONTRACTS_PROFILE).Id;
        const [snapshot] = await snapshotLicenseChanges({
            request: { targetProfileId: targetId, users: await itemsFor([dmitri], targetId) },
        });
        const movedTo = profileNamed('Customer Community Login User').Id;
        dmitri.ProfileId = movedTo;
        // Someone else also took his permission sets away in Setup: the assistant removed nothing.
        const held = org.PermissionSetAssignment.filter((a) => a.AssigneeId === dmitri.Id);
        expect(held.length).toBeGreaterThan(0);
        org.PermissionSetAssignment = org.PermissionSetAssignment.filter((a) => a.AssigneeId !== dmitri.Id);
        const applied = await applyLicenseChanges({ logIds: [snapshot.logId as Id], targetProfileId: targetId });
        const reason = `FACTS_CHANGED: ${FACTS_CHANGED}`;
        expect(applied[0]).toMatchObject({
            status: 'Refused',
            code: 'FACTS_CHANGED',
            profileChanged: false,
            errors: [reason],
        });
        expect(userNamed('Dmitri Varga').ProfileId).toBe(movedTo);

        // Closed Refused with that reason, nothing listed as restored: the log does not stay open.
        const [reconciled] = await reconcileLicenseChanges({ outcomes: applied, targetProfileId: targetId });
        expect(reconciled).toMatchObject({
            status: 'Refused',
            code: 'FACTS_CHANGED',
            errors: [reason],
            restored: [],
            removed: [],
        });
        const log = org.Setup_Assistant_Log__c.find((l) => l.Id === snapshot.logId);
        // History never says the assistant removed what someone else did.
        expect(log).toMatchObject({ Status__c: 'Refused', Error__c: reason, Restored__c: null, Removed__c: null });
        // The next change of the user is a change of its own, not the refused log continued.
        const [next] = await snapshotLicenseChanges({
            request: { targetProfileId: targetId, users: await itemsFor([dmitri], targetId) },
        });
        expect(next.code).not.toBe('UNFINISHED_CHANGE');
        expect(next.logId).not.toBe(snapshot.logId);
    });
});

describe('partner accounts', () => {
    it('enables accounts as partner accounts, then a Partner Community upgrade creates the partner role', async () => {
        const sofia = userNamed('Sofia Xu');
        const partnerProfile = profileNamed('Partner Community User');
        const account = org.Account.find((a) => a.Id === sofia.AccountId) as (typeof org.Account)[number];
        expect(account.IsPartner).toBe(false);

        // Run before the account is a partner account (the validator blocks it; a direct call does
        // not): the server refuses the user at apply, writes nothing, and closes the log Refused.
        const profileBefore = sofia.ProfileId;
        const { applied, reconciled } = await change([sofia], partnerProfile.Id);
        const reason = formatLabel(PARTNER_ACCOUNT_NOT_ENABLED, sofia.Name, account.Name);
        expect(applied[0]).toMatchObject({
            status: 'Refused',
            code: 'PARTNER_ACCOUNT_NOT_ENABLED',
            profileChanged: false,
            errors: [`PARTNER_ACCOUNT_NOT_ENABLED: ${reason}`],
        });
        expect(reconciled[0]).toMatchObject({ status: 'Refused', code: 'PARTNER_ACCOUNT_NOT_ENABLED' });
        expect(userNamed('Sofia Xu').ProfileId).toBe(profileBefore);
        expect(org.Setup_Assistant_Log__c.find((l) => l.Id === applied[0].logId)?.Status__c).toBe('Refused');

        // As the panel's "Enable as partner account": a new snapshot of the change, then the account.
        const [snapshot] = await snapshotLicenseChanges({
            request: { targetProfileId: partnerProfile.Id, users: await itemsFor([sofia], partnerProfile.Id) },
        });
        expect(snapshot).toMatchObject({ status: 'Snapshot' });
        expect(await enablePartnerAccounts({ accountIds: [account.Id] })).toEqual({});
        expect(account.IsPartner).toBe(true);
        // Every enabled account is logged, by id and name.
        const partnerLog = org.Setup_Assistant_Log__c.find((l) => l.Action__c === 'ENABLE_PARTNER_ACCOUNT');
        expect(partnerLog).toMatchObject({ Status__c: 'Completed', Target_User__c: sofia.Id });
        expect(JSON.parse(partnerLog?.After__c ?? '')).toEqual({
            accountId: account.Id,
            accountName: account.Name,
            isPartner: true,
        });
        const facts = await getUpgradeFacts({ userIds: [sofia.Id], targetProfileId: partnerProfile.Id });
        expect(facts.users[0].accountIsPartner).toBe(true);

        const retried = await applyLicenseChanges({
            logIds: [snapshot.logId as Id],
            targetProfileId: partnerProfile.Id,
        });
        const [done] = await reconcileLicenseChanges({ outcomes: retried, targetProfileId: partnerProfile.Id });
        expect(done).toMatchObject({ status: 'Completed', errors: [] });
        const user = userNamed('Sofia Xu');
        expect(user.UserType).toBe('PowerPartner');
        expect(org.UserRole.find((r) => r.Id === user.UserRoleId)).toMatchObject({
            Name: `Partner ${account.Name} User`,
            PortalType: 'Partner',
        });
    });

    it('answers no accounts with no errors and refuses more than 200', async () => {
        expect(await enablePartnerAccounts({ accountIds: [] })).toEqual({});
        await expect(
            enablePartnerAccounts({
                accountIds: Array.from({ length: 201 }, () => org.Account[0].Id),
            }),
        ).rejects.toMatchObject({ body: { message: formatLabel(BATCH_SIZE, 200) } });
    });
});

describe('searchUpgradeCandidates', () => {
    it('lists external users only, active or not, by name', async () => {
        const all = await searchUpgradeCandidates({});
        const external = org.User.filter((u) => u.ContactId !== null);
        expect(all).toHaveLength(external.length);
        expect(all.map((o) => o.name)).toEqual([...all.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
        expect(all.some((o) => !o.isActive)).toBe(true);
        expect(all.find((o) => o.name === 'Avery Admin')).toBeUndefined();
        expect(all.find((o) => o.id === userNamed('Dmitri Varga').Id)).toEqual({
            id: userNamed('Dmitri Varga').Id,
            name: 'Dmitri Varga',
            username: userNamed('Dmitri Varga').Username,
            isActive: true,
            profileName: 'Customer Community User',
            licenseName: 'Customer Community',
            accountName: org.Account.find((a) => a.Id === userNamed('Dmitri Varga').AccountId)?.Name,
        });
    });

    it('filters on the license name and on a term in the name, username or email', async () => {
        const community = await searchUpgradeCandidates({ licenseName: 'customer community', searchTerm: ' ' });
        expect(community.length).toBeGreaterThan(0);
        expect(community.every((o) => o.licenseName === 'Customer Community')).toBe(true);

        const obrien = await searchUpgradeCandidates({ searchTerm: " o'brien " });
        expect(obrien.map((o) => o.name)).toEqual(["Nils O'Brien", "Sven O'Brien", "Yara O'Brien"]);

        const byDomain = userNamed('Sofia Xu').Email.split('@')[1];
        const byEmail = await searchUpgradeCandidates({ searchTerm: byDomain });
        expect(byEmail.map((o) => o.name)).toContain('Sofia Xu');

        const both = await searchUpgradeCandidates({ licenseName: 'External Identity', searchTerm: 'isla' });
        expect(both.map((o) => o.name)).toEqual(['Isla Keller']);
        expect(await searchUpgradeCandidates({ licenseName: 'Salesforce' })).toEqual([]);
    });
});

/**
 * The same hostile requests as the Apex tests (LicenseUpgradeController_Tests), against the sample
 * org's copy of SetupAssistantPolicy: each is refused with its code, and nothing in the org changes.
 */
describe('hostile requests (SetupAssistantPolicy)', () => {
    const contracts = () => profileNamed(CONTRACTS_PROFILE).Id;
    const partner = () => profileNamed('Partner Community User').Id;
    const refusedWith = (code: string) => ({
        body: {
            message: expect.stringMatching(new RegExp(`^${code}: `)),
            exceptionType: 'ccsa.SetupAssistantPolicy.PolicyException',
        },
    });
    /** The whole org, to show that a refused request changed nothing. */
    const state = (): string => JSON.stringify(org);

    /** An open snapshot of Dmitri's change to the Contracts profile, taken by the running admin. */
    async function openLog(): Promise<Id> {
        const dmitri = userNamed('Dmitri Varga');
        const [result] = await snapshotLicenseChanges({
            request: { targetProfileId: contracts(), users: await itemsFor([dmitri], contracts()) },
        });
        return result.logId as Id;
    }

    function logById(logId: Id) {
        return org.Setup_Assistant_Log__c.find(
            (log) => log.Id === logId,
        ) as (typeof org.Setup_Assistant_Log__c)[number];
    }

    function addPrivilegedPermissionSet(overrides: Record<string, unknown> = {}): Id {
        const id = `0PS8d00000PRIV${String(org.PermissionSet.length).padStart(4, '0')}`;
        org.PermissionSet.push({
            ...org.PermissionSet.find((ps) => !ps.IsOwnedByProfile && !ps.LicenseId),
            Id: id,
            Name: 'Privileged',
            Label: 'Privileged',
            IsOwnedByProfile: false,
            ProfileId: null,
            LicenseId: null,
            PermissionsModifyAllData: false,
            PermissionsViewAllData: true,
            PermissionsManageUsers: true,
            ...overrides,
        } as (typeof org.PermissionSet)[number]);
        return id;
    }

    it('holds an apply to a role-based target to the role-based batch size, and gives it in the facts', async () => {
        setSampleSettings({ roleBasedInsertChunkSize: 1 });
        try {
            const users = [userNamed('Dmitri Varga'), userNamed('Isla Keller')];
            const targetId = profileNamed(CONTRACTS_PROFILE).Id;
            const facts = await getUpgradeFacts({ userIds: users.map((u) => u.Id), targetProfileId: targetId });
            expect(facts.roleBasedInsertChunkSize).toBe(1);
            const snapshot = await snapshotLicenseChanges({
                request: { targetProfileId: targetId, users: await itemsFor(users, targetId) },
            });
            const logIds = snapshot.map((r) => r.logId as Id);
            const before = users.map((u) => userNamed(u.Name).ProfileId);
            await expect(applyLicenseChanges({ logIds, targetProfileId: targetId })).rejects.toMatchObject(
                refusedWith('ROLE_BASED_BATCH_TOO_LARGE'),
            );
            expect(users.map((u) => userNamed(u.Name).ProfileId)).toEqual(before);
            expect(await applyLicenseChanges({ logIds: [logIds[0]], targetProfileId: targetId })).toHaveLength(1);
        } finally {
            resetSampleSettings();
        }
    });

    it('refuses a request that names the same user twice, and writes nothing', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const targetId = profileNamed(CONTRACTS_PROFILE).Id;
        const [item] = await itemsFor([dmitri], targetId);
        const before = state();
        await expect(
            snapshotLicenseChanges({ request: { targetProfileId: targetId, users: [item, { ...item }] } }),
        ).rejects.toMatchObject(refusedWith('USER_DUPLICATE'));
        expect(state()).toBe(before);
    });

    it('refuses an internal user as the user to change', async () => {
        const avery = userNamed('Avery Admin');
        const users = await itemsFor([userNamed('Dmitri Varga')], contracts(), { userId: avery.Id });
        const before = state();
        await expect(
            snapshotLicenseChanges({ request: { targetProfileId: contracts(), users } }),
        ).rejects.toMatchObject(refusedWith('USER_NOT_EXTERNAL'));
        expect(state()).toBe(before);
    });

    it('refuses an internal profile as the target', async () => {
        const users = await itemsFor([userNamed('Dmitri Varga')], contracts());
        const before = state();
        await expect(
            snapshotLicenseChanges({
                request: { targetProfileId: profileNamed('System Administrator').Id, users },
            }),
        ).rejects.toMatchObject(refusedWith('PROFILE_INTERNAL'));
        expect(state()).toBe(before);
    });

    it('refuses a reenable-as-partner conversion sent as a profile change', async () => {
        const yusuf = userNamed('Yusuf Mendes');
        expect(licenseOf(profileNamed('Partner Community User').Name).Name).toBe('Partner Community');
        const users = await itemsFor([yusuf], partner());
        const before = state();
        const [result] = await snapshotLicenseChanges({ request: { targetProfileId: partner(), users } });
        expect(result).toMatchObject({ status: 'Refused', code: 'PATH_NOT_PROFILE_CHANGE' });
        expect(result.errors[0]).toMatch(/reenable-as-partner/);
        expect(result.logId).toBeUndefined();
        expect(state()).toBe(before);
    });

    it("refuses another admin's log on apply, reconcile and cancel", async () => {
        const logId = await openLog();
        logById(logId).CreatedById = userNamed('Riley Noble').Id;
        const before = state();
        await expect(applyLicenseChanges({ logIds: [logId], targetProfileId: contracts() })).rejects.toMatchObject(
            refusedWith('LOG_NOT_OWNED'),
        );
        await expect(
            reconcileLicenseChanges({
                outcomes: [
                    {
                        userId: userNamed('Dmitri Varga').Id,
                        logId,
                        profileChanged: false,
                        errors: [],
                        restored: [],
                        removed: [],
                    },
                ],
                targetProfileId: contracts(),
            }),
        ).rejects.toMatchObject(refusedWith('LOG_NOT_OWNED'));
        await expect(cancelLicenseChange({ logId })).rejects.toMatchObject(refusedWith('LOG_NOT_OWNED'));
        expect(state()).toBe(before);
    });

    it('refuses a completed log', async () => {
        const { snapshot } = await change([userNamed('Dmitri Varga')], contracts());
        const logId = snapshot[0].logId as Id;
        expect(logById(logId).Status__c).toBe('Completed');
        const before = state();
        await expect(applyLicenseChanges({ logIds: [logId], targetProfileId: contracts() })).rejects.toMatchObject(
            refusedWith('LOG_NOT_OPEN'),
        );
        await expect(cancelLicenseChange({ logId })).rejects.toMatchObject(refusedWith('LOG_NOT_OPEN'));
        expect(state()).toBe(before);
    });

    it('cancels an open log without changing the user, then refuses the cancelled log', async () => {
        const dmitri = { ...userNamed('Dmitri Varga') };
        const logId = await openLog();
        const cancelled = await cancelLicenseChange({ logId });
        expect(cancelled).toMatchObject({ userId: dmitri.Id, logId, status: 'Cancelled' });
        expect(userNamed('Dmitri Varga')).toEqual(dmitri);
        const log = logById(logId);
        expect(log.Status__c).toBe('Cancelled');
        expect(JSON.parse(log.After__c ?? '')).toMatchObject({
            cancelledById: org.defaultRunningUserId,
            previousStatus: 'Snapshot',
            cancelledDate: expect.any(String),
        });
        const before = state();
        await expect(applyLicenseChanges({ logIds: [logId], targetProfileId: contracts() })).rejects.toMatchObject(
            refusedWith('LOG_NOT_OPEN'),
        );
        await expect(cancelLicenseChange({ logId })).rejects.toMatchObject(refusedWith('LOG_NOT_OPEN'));
        expect(state()).toBe(before);
    });

    it('refuses a snapshot whose stored target differs from the request', async () => {
        const logId = await openLog();
        const before = state();
        await expect(applyLicenseChanges({ logIds: [logId], targetProfileId: partner() })).rejects.toMatchObject(
            refusedWith('LOG_TARGET_MISMATCH'),
        );
        expect(state()).toBe(before);
    });

    it('refuses an id that is not a log', async () => {
        const before = state();
        const dmitri = userNamed('Dmitri Varga').Id;
        await expect(applyLicenseChanges({ logIds: [dmitri], targetProfileId: contracts() })).rejects.toMatchObject(
            refusedWith('LOG_NOT_FOUND'),
        );
        await expect(cancelLicenseChange({ logId: dmitri })).rejects.toMatchObject(refusedWith('LOG_NOT_FOUND'));
        expect(state()).toBe(before);
    });

    it('refuses an account unrelated to my open changes to Partner Community for partner enablement', async () => {
        const sofia = userNamed('Sofia Xu');
        const unrelated = org.Account.find((a) => a.Id !== sofia.AccountId && !a.IsPartner) as { Id: Id };
        const before = state();
        await expect(enablePartnerAccounts({ accountIds: [unrelated.Id] })).rejects.toMatchObject(
            refusedWith('ACCOUNT_NOT_IN_CHANGE'),
        );
        // The browser cannot name the change: without an open change of mine, Sofia's account is refused too.
        await expect(enablePartnerAccounts({ accountIds: [sofia.AccountId as Id] })).rejects.toMatchObject(
            refusedWith('ACCOUNT_NOT_IN_CHANGE'),
        );
        expect(state()).toBe(before);
    });

    it('refuses to restore a privileged permission set, and to snapshot a user who holds one', async () => {
        const privileged = addPrivilegedPermissionSet();
        const logId = await openLog();
        const log = logById(logId);
        log.Snapshot__c = JSON.stringify({ ...JSON.parse(log.Snapshot__c ?? '{}'), permissionSetIds: [privileged] });
        let before = state();
        await expect(applyLicenseChanges({ logIds: [logId], targetProfileId: contracts() })).rejects.toMatchObject(
            refusedWith('PERMISSION_SET_PRIVILEGED'),
        );
        expect(state()).toBe(before);

        const sofia = userNamed('Sofia Xu');
        org.PermissionSetAssignment.push({
            Id: '0Pa8d00000PRIV0001',
            AssigneeId: sofia.Id,
            PermissionSetId: privileged,
        });
        const users = await itemsFor([sofia], contracts());
        before = state();
        const [result] = await snapshotLicenseChanges({ request: { targetProfileId: contracts(), users } });
        expect(result).toMatchObject({ status: 'Refused', code: 'PERMISSION_SET_PRIVILEGED' });
        expect(state()).toBe(before);
    });

    it('refuses to restore a privileged permission set group', async () => {
        const groupId = '0PG8d00000PRIV0001';
        org.PermissionSetGroup = [
            ...(org.PermissionSetGroup ?? []),
            { Id: groupId, DeveloperName: 'Privileged_Group', MasterLabel: 'Privileged Group' },
        ];
        addPrivilegedPermissionSet({ Name: 'Privileged_Group_Aggregate', PermissionSetGroupId: groupId });
        const logId = await openLog();
        const log = logById(logId);
        log.Snapshot__c = JSON.stringify({ ...JSON.parse(log.Snapshot__c ?? '{}'), permissionSetGroupIds: [groupId] });
        const before = state();
        await expect(applyLicenseChanges({ logIds: [logId], targetProfileId: contracts() })).rejects.toMatchObject(
            refusedWith('PERMISSION_SET_PRIVILEGED'),
        );
        expect(state()).toBe(before);
    });

    it('refuses a new change while a change to another target is unfinished, until it is cancelled', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const openLogId = await openLog();
        const login = profileNamed('Customer Community Login User').Id;
        const users = await itemsFor([dmitri], login);
        const before = state();
        const [refused] = await snapshotLicenseChanges({ request: { targetProfileId: login, users } });
        expect(refused).toMatchObject({ status: 'Refused', code: 'UNFINISHED_CHANGE', logId: openLogId });
        expect(refused.errors[0]).toContain(CONTRACTS_PROFILE);
        expect(state()).toBe(before);

        await cancelLicenseChange({ logId: openLogId });
        const [next] = await snapshotLicenseChanges({ request: { targetProfileId: login, users } });
        expect(next).toMatchObject({ status: 'Snapshot' });
        expect(next.logId).not.toBe(openLogId);
    });
});

describe('issue 11 §3: seed 003 followed to the letter', () => {
    const contracts = (): Profile => profileNamed(CONTRACTS_PROFILE);

    /** Gives a user a license the table does not list, of the CSPLitePortal user type. */
    function onOtherLitePortalLicense(user: User, userType: User['UserType'] = 'CspLitePortal'): void {
        const base = licenseOf('Customer Community User');
        const license = {
            ...base,
            Id: '1008d0000000LITEAA',
            Name: 'Customer Portal Lite Future',
            LicenseDefinitionKey: 'PID_Lite_Future',
        };
        org.UserLicense.push(license);
        const profile = {
            ...profileNamed('Customer Community User'),
            Id: '00e8d0000000LITEAA',
            Name: 'Lite Future User',
            UserLicenseId: license.Id,
        };
        org.Profile.push(profile);
        user.ProfileId = profile.Id;
        user.UserType = userType;
    }

    it('upgrades another CSPLitePortal license by a profile change, with the user type', async () => {
        const dmitri = userNamed('Dmitri Varga');
        onOtherLitePortalLicense(dmitri);
        const facts = await getUpgradeFacts({ userIds: [dmitri.Id], targetProfileId: contracts().Id });
        expect(facts.users[0]).toMatchObject({ licenseName: 'Customer Portal Lite Future', userType: 'CspLitePortal' });
        const { snapshot, reconciled } = await change([dmitri], contracts().Id);
        expect(snapshot[0].status).toBe('Snapshot');
        expect(reconciled[0].status).toBe('Completed');
        expect(userNamed('Dmitri Varga').ProfileId).toBe(contracts().Id);
    });

    it('refuses another license whose user type is not CSPLitePortal', async () => {
        const dmitri = userNamed('Dmitri Varga');
        onOtherLitePortalLicense(dmitri, 'CustomerSuccess');
        const { snapshot } = await change([dmitri], contracts().Id);
        expect(snapshot[0]).toMatchObject({ status: 'Refused', code: 'PATH_NOT_PROFILE_CHANGE' });
    });

    /** A customer portal role of the user's account, above the default "User" one. */
    function executiveRole(user: User, portalType: 'CustomerPortal' | 'Partner' = 'CustomerPortal'): Id {
        const account = org.Account.find((a) => a.Id === user.AccountId) as (typeof org.Account)[number];
        const kind = portalType === 'Partner' ? 'Partner' : 'Customer';
        const role = {
            Id: `00E8d00000${portalType === 'Partner' ? 'P' : 'C'}EXECAAA`,
            Name: `${kind} ${account.Name} Executive`,
            DeveloperName: `${kind}_Executive`,
            ParentRoleId: null,
            PortalType: portalType,
            PortalAccountId: account.Id,
            PortalRole: 'Executive' as const,
        };
        org.UserRole.push(role);
        return role.Id;
    }

    it('gives the role the admin chose, a portal role of the account with the target portal type', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const roleId = executiveRole(dmitri);
        const facts = await getUpgradeFacts({ userIds: [dmitri.Id], targetProfileId: contracts().Id });
        expect(facts.users[0].accountRoles).toEqual([
            expect.objectContaining({ id: roleId, portalType: 'CustomerPortal' }),
        ]);
        const users = await itemsFor([dmitri], contracts().Id, { roleId });
        const snapshot = await snapshotLicenseChanges({ request: { targetProfileId: contracts().Id, users } });
        expect(snapshot[0].status).toBe('Snapshot');
        await applyLicenseChanges({ logIds: [snapshot[0].logId as string], targetProfileId: contracts().Id });
        expect(userNamed('Dmitri Varga').UserRoleId).toBe(roleId);
    });

    it('refuses a partner role for a customer target and a role of another account (ROLE_NOT_ALLOWED)', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const partnerRole = executiveRole(dmitri, 'Partner');
        const otherAccountRole = org.UserRole.find((r) => r.PortalAccountId && r.PortalAccountId !== dmitri.AccountId)
            ?.Id as Id;
        for (const roleId of [partnerRole, otherAccountRole]) {
            const users = await itemsFor([dmitri], contracts().Id, { roleId });
            const [result] = await snapshotLicenseChanges({ request: { targetProfileId: contracts().Id, users } });
            expect(result).toMatchObject({ status: 'Refused', code: 'ROLE_NOT_ALLOWED' });
        }
        expect(org.Setup_Assistant_Log__c.filter((log) => log.Target_User__c === dmitri.Id)).toEqual([]);
    });

    it('finishes the Contracts setup in the same run: both permission sets, their licenses, the Content user', async () => {
        const dmitri = userNamed('Dmitri Varga');
        dmitri.UserPermissionsSFContentUser = false;
        const users = await itemsFor([dmitri], contracts().Id);
        const snapshot = await snapshotLicenseChanges({
            request: { targetProfileId: contracts().Id, users, completeContractsSetup: true },
        });
        const logId = snapshot[0].logId as string;
        const applied = await applyLicenseChanges({ logIds: [logId], targetProfileId: contracts().Id });
        const reconciled = await reconcileLicenseChanges({ outcomes: applied, targetProfileId: contracts().Id });
        const user = userNamed('Dmitri Varga');
        expect(permissionSetLabels(user.Id)).toEqual(
            expect.arrayContaining([
                'Contract Management CC Plus Digital Experience User',
                'DocGen Run-time Community User',
            ]),
        );
        const licenses = org.PermissionSetLicenseAssign.filter((a) => a.AssigneeId === user.Id).map(
            (a) => org.PermissionSetLicense.find((l) => l.Id === a.PermissionSetLicenseId)?.DeveloperName,
        );
        expect(licenses).toEqual(expect.arrayContaining(['DocGenRuntimeCommunityUserPsl']));
        expect(user.UserPermissionsSFContentUser).toBe(true);
        const log = org.Setup_Assistant_Log__c.find((row) => row.Id === logId);
        const after = JSON.parse(log?.After__c ?? '{}') as {
            contractsSetup: { complete: boolean; apiEnabled: boolean };
        };
        expect(after.contractsSetup).toMatchObject({ complete: true, apiEnabled: contracts().PermissionsApiEnabled });
        expect(reconciled[0].status).toBe('Completed');

        // The user then passes the doctor's checks that the upgrade is responsible for.
        const doctor = await getDoctorFacts({ userId: user.Id });
        const result = examineUser(doctor.user, doctor.org);
        const status = (id: string): string | undefined => result.checks.find((check) => check.id === id)?.status;
        for (const id of [
            'ACTIVE',
            'LICENSE',
            'PROFILE_API_ENABLED',
            'CONTENT_USER',
            'DOCGEN_PERMISSION_SET_LICENSE',
            'DOCGEN_PERMISSION_SET',
            'CCPLUS_PERMISSION_SET_LICENSE',
            'CCPLUS_PERMISSION_SET',
        ]) {
            expect([id, status(id)]).toEqual([id, 'pass']);
        }
    });

    it('refuses the Contracts option for a target that is not Customer Community Plus', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const partner = org.Profile.find((p) => licenseOf(p.Name).Name === 'Partner Community') as Profile;
        const users = await itemsFor([dmitri], partner.Id);
        await expect(
            snapshotLicenseChanges({ request: { targetProfileId: partner.Id, users, completeContractsSetup: true } }),
        ).rejects.toMatchObject({ body: { message: expect.stringContaining('Customer Community Plus') } });
        expect(org.Setup_Assistant_Log__c.filter((log) => log.Target_User__c === dmitri.Id)).toEqual([]);
    });
});

/**
 * The validator's blockers that the server re-checks on its own (SetupAssistantPolicy
 * .checkLicenseChangeUsers), as LicenseUpgradeController_Tests does in Apex: an inactive user, a
 * Partner Community target whose account is not a partner account, and a user over the
 * person-account limit, sent directly with facts that agree with the org (so FACTS_CHANGED does not
 * hide them), or reached after the snapshot. Each is refused with its code and nothing is written.
 */
describe('server re-checks of the validator blockers (checkLicenseChangeUsers)', () => {
    const contracts = () => profileNamed(CONTRACTS_PROFILE).Id;
    const communityUser = (active: boolean): User =>
        org.User.find(
            (u) =>
                u.IsActive === active &&
                u.ContactId !== null &&
                licenseOf(org.Profile.find((p) => p.Id === u.ProfileId)?.Name as string).Name === 'Customer Community',
        ) as User;
    const attemptsOf = (logId: Id) =>
        org.Setup_Assistant_Log__c.filter(
            (l) =>
                l.Action__c === 'LICENSE_CHANGE_APPLY' && JSON.parse(l.Before__c ?? '{}').licenseChangeLogId === logId,
        );

    it('refuses an inactive user at the snapshot, whatever isActive the request claims, and writes nothing', async () => {
        const inactive = communityUser(false);
        expect(inactive).toBeDefined();
        const before = JSON.stringify(org);
        // The facts the org holds (isActive: false): the validator's INACTIVE_USER, skipped by a direct call.
        const [result] = await snapshotLicenseChanges({
            request: { targetProfileId: contracts(), users: await itemsFor([inactive], contracts()) },
        });
        expect(result).toMatchObject({
            userId: inactive.Id,
            status: 'Refused',
            code: 'USER_INACTIVE',
            errors: [`USER_INACTIVE: ${formatLabel(USER_INACTIVE, inactive.Name)}`],
        });
        expect(result.logId).toBeUndefined();
        // A request that claims the user is active is refused the same way, before the facts compare.
        const [claimed] = await snapshotLicenseChanges({
            request: {
                targetProfileId: contracts(),
                users: await itemsFor([inactive], contracts(), { isActive: true }),
            },
        });
        expect(claimed).toMatchObject({ status: 'Refused', code: 'USER_INACTIVE' });
        expect(JSON.stringify(org)).toBe(before);
    });

    it('refuses at apply a user deactivated after the snapshot: no profile change, attempt and log Refused', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const [snapshot] = await snapshotLicenseChanges({
            request: { targetProfileId: contracts(), users: await itemsFor([dmitri], contracts()) },
        });
        expect(snapshot.status).toBe('Snapshot');
        const profileBefore = dmitri.ProfileId;
        const seats = licenseOf(CONTRACTS_PROFILE).UsedLicenses;
        dmitri.IsActive = false;

        const applied = await applyLicenseChanges({ logIds: [snapshot.logId as Id], targetProfileId: contracts() });
        const reason = `USER_INACTIVE: ${formatLabel(USER_INACTIVE, dmitri.Name)}`;
        expect(applied).toEqual([
            expect.objectContaining({
                logId: snapshot.logId,
                status: 'Refused',
                code: 'USER_INACTIVE',
                profileChanged: false,
                errors: [reason],
            }),
        ]);
        expect(userNamed('Dmitri Varga').ProfileId).toBe(profileBefore);
        expect(licenseOf(CONTRACTS_PROFILE).UsedLicenses).toBe(seats);
        expect(attemptsOf(snapshot.logId as Id)).toEqual([
            expect.objectContaining({ Status__c: 'Refused', Error__c: reason }),
        ]);

        const reconciled = await reconcileLicenseChanges({ outcomes: applied, targetProfileId: contracts() });
        expect(reconciled).toEqual([
            expect.objectContaining({ status: 'Refused', code: 'USER_INACTIVE', errors: [reason] }),
        ]);
        const log = org.Setup_Assistant_Log__c.find((l) => l.Id === snapshot.logId);
        expect(log).toMatchObject({ Status__c: 'Refused', Error__c: reason });
        // Closed: a retry of the refused log is refused as a closed log, never applied.
        await expect(
            applyLicenseChanges({ logIds: [snapshot.logId as Id], targetProfileId: contracts() }),
        ).rejects.toMatchObject({ body: { message: expect.stringMatching(/^LOG_NOT_OPEN: /) } });
    });

    /** Dmitri's account as a person account of the sample org, and its owner. */
    function dmitriWithPersonAccount(): { dmitri: User; ownerId: Id; ownerName: string } {
        const dmitri = userNamed('Dmitri Varga');
        const account = org.Account.find((a) => a.Id === dmitri.AccountId);
        if (!account) {
            throw new Error('Dmitri Varga has an account');
        }
        account.IsPersonAccount = true;
        const owner = org.User.find((u) => u.Id === account.OwnerId);
        return { dmitri, ownerId: account.OwnerId, ownerName: owner?.Name ?? account.OwnerId };
    }

    afterEach(() => {
        // Not generated, so not reset by resetSampleOrg: the power users end with the test.
        delete org.PersonAccountOwnerPowerUser;
    });

    it("refuses a user whose person account's owner is over the limit (seed 003: 50,000), lets one at the limit through", async () => {
        const { dmitri, ownerId, ownerName } = dmitriWithPersonAccount();
        org.PersonAccountCounts = { [ownerId]: 50001 };
        const facts = await getUpgradeFacts({ userIds: [dmitri.Id], targetProfileId: contracts() });
        expect(facts.users[0]).toMatchObject({
            accountOwnerId: ownerId,
            accountOwnerName: ownerName,
            accountOwnerPersonAccounts: 50001,
            accountOwnerIsPowerUser: false,
        });
        // The validator blocks what the server refuses, with the same code.
        const verdict = validateUpgrade(facts.users, facts.target).users[0];
        expect(verdict.blockers).toContainEqual({
            code: 'PERSON_ACCOUNTS_OVER_LIMIT',
            values: [ownerName, '50001', '50000'],
        });
        const [refused] = await snapshotLicenseChanges({
            request: { targetProfileId: contracts(), users: await itemsFor([dmitri], contracts()) },
        });
        expect(refused).toMatchObject({
            status: 'Refused',
            code: 'PERSON_ACCOUNTS_OVER_LIMIT',
            errors: [
                `PERSON_ACCOUNTS_OVER_LIMIT: ${formatLabel(PERSON_ACCOUNTS_OVER_LIMIT, dmitri.Name, ownerName, '50,001', '50,000')}`,
            ],
        });
        expect(org.Setup_Assistant_Log__c).toEqual([]);

        org.PersonAccountCounts = { [ownerId]: 50000 };
        const { reconciled } = await change([dmitri], contracts());
        expect(reconciled[0]).toMatchObject({ status: 'Completed' });
    });

    it('does not refuse the same count on the external user itself', async () => {
        const { dmitri } = dmitriWithPersonAccount();
        org.PersonAccountCounts = { [dmitri.Id]: 60000 };
        const facts = await getUpgradeFacts({ userIds: [dmitri.Id], targetProfileId: contracts() });
        expect(facts.users[0].accountOwnerPersonAccounts).toBe(1);
        expect(validateUpgrade(facts.users, facts.target).users[0].blockers).toEqual([]);
        const { reconciled } = await change([dmitri], contracts());
        expect(reconciled[0]).toMatchObject({ status: 'Completed' });
    });

    it('lets a Person Account Owner Power User of customer accounts own more', async () => {
        const { dmitri, ownerId } = dmitriWithPersonAccount();
        org.PersonAccountCounts = { [ownerId]: 60000 };
        org.PersonAccountOwnerPowerUser = [{ Id: '0Pw000000000001', UserId: ownerId, PortalType: 'CustomerPortal' }];
        const facts = await getUpgradeFacts({ userIds: [dmitri.Id], targetProfileId: contracts() });
        expect(facts.users[0].accountOwnerIsPowerUser).toBe(true);
        expect(validateUpgrade(facts.users, facts.target).users[0].blockers).toEqual([]);
        const { reconciled } = await change([dmitri], contracts());
        expect(reconciled[0]).toMatchObject({ status: 'Completed' });
    });

    it("refuses at apply a user whose person account's owner went over the limit after the snapshot", async () => {
        const { dmitri, ownerId } = dmitriWithPersonAccount();
        const [snapshot] = await snapshotLicenseChanges({
            request: { targetProfileId: contracts(), users: await itemsFor([dmitri], contracts()) },
        });
        const profileBefore = dmitri.ProfileId;
        org.PersonAccountCounts = { [ownerId]: 60000 };
        const applied = await applyLicenseChanges({ logIds: [snapshot.logId as Id], targetProfileId: contracts() });
        expect(applied[0]).toMatchObject({
            status: 'Refused',
            code: 'PERSON_ACCOUNTS_OVER_LIMIT',
            profileChanged: false,
        });
        expect(userNamed('Dmitri Varga').ProfileId).toBe(profileBefore);
        await reconcileLicenseChanges({ outcomes: applied, targetProfileId: contracts() });
        expect(org.Setup_Assistant_Log__c.find((l) => l.Id === snapshot.logId)?.Status__c).toBe('Refused');
    });

    it('never refuses afterwards a user already changed: a retry restores, even if the user is inactive now', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const [snapshot] = await snapshotLicenseChanges({
            request: { targetProfileId: contracts(), users: await itemsFor([dmitri], contracts()) },
        });
        const applied = await applyLicenseChanges({ logIds: [snapshot.logId as Id], targetProfileId: contracts() });
        expect(applied[0]).toMatchObject({ profileChanged: true });
        dmitri.IsActive = false;
        const again = await applyLicenseChanges({ logIds: [snapshot.logId as Id], targetProfileId: contracts() });
        expect(again[0]).toMatchObject({ profileChanged: true });
        expect(again[0].status).not.toBe('Refused');
        const [reconciled] = await reconcileLicenseChanges({ outcomes: again, targetProfileId: contracts() });
        expect(reconciled.status).not.toBe('Refused');
    });
});

describe('refusals at apply close the log Refused with the reason apply gave', () => {
    const contracts = () => profileNamed(CONTRACTS_PROFILE).Id;
    const partner = () => profileNamed('Partner Community User').Id;
    const logById = (logId: Id) =>
        org.Setup_Assistant_Log__c.find((log) => log.Id === logId) as (typeof org.Setup_Assistant_Log__c)[number];
    const asAdmin = (alias: string | null) =>
        window.history.pushState({}, '', alias ? `/?latency=0&as=${alias}` : '/?latency=0');

    /**
     * An open log of the running admin's change of a Customer Community Plus user to Partner
     * Community, written by the package's log writer as LicenseChangeApply_Tests writes one (the
     * snapshot lists the user's permission sets): a path that is no profile change (seed 003).
     */
    function partnerLogOf(user: User): Id {
        const snapshot = {
            beforeProfileId: user.ProfileId,
            targetProfileId: partner(),
            permissionSetIds: org.PermissionSetAssignment.filter((a) => a.AssigneeId === user.Id).map(
                (a) => a.PermissionSetId,
            ),
            permissionSetGroupIds: [],
            permissionSetLicenseIds: [],
            expirationDates: {},
        };
        return insertLogRecord(org, {
            Id: newRecordId(org, 'Setup_Assistant_Log__c'),
            Name: `LOG-${String(org.Setup_Assistant_Log__c.length + 1).padStart(7, '0')}`,
            Action__c: 'LICENSE_CHANGE',
            Status__c: 'Snapshot',
            Target_User__c: user.Id,
            Snapshot__c: JSON.stringify(snapshot),
            Before__c: null,
            After__c: null,
            Restored__c: null,
            Removed__c: null,
            Error__c: null,
            CreatedDate: platformNow(),
            CreatedById: org.defaultRunningUserId,
        }).Id;
    }

    /** What the user holds, so that a refused change is shown to have written nothing. */
    const holdings = (user: User) =>
        JSON.stringify({
            user: org.User.find((u) => u.Id === user.Id),
            permissionSets: org.PermissionSetAssignment.filter((a) => a.AssigneeId === user.Id),
            licenses: org.PermissionSetLicenseAssign.filter((a) => a.AssigneeId === user.Id),
        });

    it('refuses a path that is no profile change, closes its log Refused and lets another admin change the user', async () => {
        const yusuf = userNamed('Yusuf Mendes');
        expect(licenseOf(profileNamed('Partner Community User').Name).Name).toBe('Partner Community');
        const logId = partnerLogOf(yusuf);
        const held = JSON.parse(logById(logId).Snapshot__c ?? '{}').permissionSetIds as Id[];
        expect(held.length).toBeGreaterThan(0);
        const before = holdings(yusuf);

        const applied = await applyLicenseChanges({ logIds: [logId], targetProfileId: partner() });
        expect(applied[0]).toMatchObject({ status: 'Refused', code: 'PATH_NOT_PROFILE_CHANGE', profileChanged: false });
        expect(applied[0].errors[0]).toMatch(/^PATH_NOT_PROFILE_CHANGE: /);
        expect(holdings(yusuf)).toBe(before);
        const attempt = org.Setup_Assistant_Log__c.find(
            (l) =>
                l.Action__c === 'LICENSE_CHANGE_APPLY' && JSON.parse(l.Before__c ?? '{}').licenseChangeLogId === logId,
        );
        expect(attempt?.Status__c).toBe('Refused');

        const [reconciled] = await reconcileLicenseChanges({ outcomes: applied, targetProfileId: partner() });
        expect(reconciled).toMatchObject({ status: 'Refused', code: 'PATH_NOT_PROFILE_CHANGE', restored: [] });
        expect(logById(logId)).toMatchObject({ Status__c: 'Refused', Restored__c: null });
        expect(logById(logId).Error__c).toMatch(/^PATH_NOT_PROFILE_CHANGE: /);
        expect(holdings(yusuf)).toBe(before);

        // Another admin's change of the user is refused for its own reason, no longer UNFINISHED_CHANGE
        // with the refused log named.
        asAdmin('rnoble');
        const [next] = await snapshotLicenseChanges({
            request: { targetProfileId: partner(), users: await itemsFor([yusuf], partner()) },
        });
        expect(next).toMatchObject({ status: 'Refused', code: 'PATH_NOT_PROFILE_CHANGE' });
        expect(next.logId).toBeUndefined();
        asAdmin(null);
    });

    it('records the reason apply gave, not a check apply makes after it (an inactive user on that path)', async () => {
        const yusuf = userNamed('Yusuf Mendes');
        const logId = partnerLogOf(yusuf);
        yusuf.IsActive = false;

        const applied = await applyLicenseChanges({ logIds: [logId], targetProfileId: partner() });
        expect(applied[0]).toMatchObject({ status: 'Refused', code: 'PATH_NOT_PROFILE_CHANGE' });
        const [reconciled] = await reconcileLicenseChanges({ outcomes: applied, targetProfileId: partner() });
        expect(reconciled).toMatchObject({ status: 'Refused', code: 'PATH_NOT_PROFILE_CHANGE' });
        expect(logById(logId).Status__c).toBe('Refused');
        expect(logById(logId).Error__c).toMatch(/^PATH_NOT_PROFILE_CHANGE: /);
        expect(logById(logId).Error__c).not.toMatch(/USER_INACTIVE|PARTNER_ACCOUNT_NOT_ENABLED/);
    });

    it('lists restored assignments only on a log that is not Refused', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const [snapshot] = await snapshotLicenseChanges({
            request: { targetProfileId: contracts(), users: await itemsFor([dmitri], contracts()) },
        });
        const logId = snapshot.logId as Id;
        // A reconcile before apply lists what the user holds; the log stays open (Snapshot).
        const outcome = { userId: dmitri.Id, logId, profileChanged: false, errors: [], restored: [], removed: [] };
        const [open] = await reconcileLicenseChanges({ outcomes: [outcome], targetProfileId: contracts() });
        expect(open.status).toBe('Snapshot');
        // Then the user is deactivated: apply refuses, and the closing reconcile clears the list.
        dmitri.IsActive = false;
        const applied = await applyLicenseChanges({ logIds: [logId], targetProfileId: contracts() });
        expect(applied[0]).toMatchObject({ status: 'Refused', code: 'USER_INACTIVE' });
        const [closed] = await reconcileLicenseChanges({ outcomes: applied, targetProfileId: contracts() });
        expect(closed).toMatchObject({ status: 'Refused', restored: [] });
        expect(logById(logId)).toMatchObject({ Status__c: 'Refused', Restored__c: null });
    });
});
