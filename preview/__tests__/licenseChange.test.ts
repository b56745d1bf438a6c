/**
 * The sample org's license change is the preview's stand-in for `LicenseChangeService` and
 * `PartnerAccountService`: the same three steps, refusals and log records as the Apex, over
 * records that change the way the platform changes them (profile, role, seats, assignments).
 */
import ACKNOWLEDGEMENT_REQUIRED from '@salesforce/label/c.CCSA_Upgrade_Acknowledgement_Required';
import ACCESS_DENIED from '@salesforce/label/c.CCSA_Access_Denied';
import BATCH_SIZE from '@salesforce/label/c.CCSA_Upgrade_Batch_Size';
import FACTS_CHANGED from '@salesforce/label/c.CCSA_Upgrade_Facts_Changed';
import PATH_NOT_PROFILE_CHANGE from '@salesforce/label/c.CCSA_Upgrade_Path_Not_Profile_Change';
import TARGET_INVALID from '@salesforce/label/c.CCSA_Upgrade_Target_Invalid';
import USER_NOT_FOUND from '@salesforce/label/c.CCSA_Upgrade_User_Not_Found';
import { formatLabel } from 'c/labelFormat';
import {
    applyLicenseChanges,
    enablePartnerAccounts,
    getUpgradeFacts,
    getUpgradeTargets,
    reconcileLicenseChanges,
    searchUpgradeCandidates,
    snapshotLicenseChanges,
} from '../sample-org/apex/LicenseUpgradeController';
import { resetSampleOrg, sampleOrg as org } from '../sample-org/org';
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

/** The change items the UI sends: the facts the validator saw, the path, the acknowledgement. */
async function itemsFor(
    users: User[],
    targetProfileId: Id,
    overrides: Partial<ChangeItem> = {},
): Promise<ChangeItem[]> {
    const facts = await getUpgradeFacts({ userIds: users.map((u) => u.Id), targetProfileId });
    return facts.users.map((user) => ({
        userId: user.id,
        profileId: user.profileId,
        systemModstamp: user.systemModstamp ?? null,
        permissionSetCount: user.permissionSets.length,
        permissionSetLicenseCount: user.permissionSetLicenses.length,
        path: 'change-profile',
        acknowledgedIrreversible: true,
        ...overrides,
    }));
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
    const applied = await applyLicenseChanges({ logIds });
    const reconciled = await reconcileLicenseChanges({ outcomes: applied });
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
            Name: `${account.Name} Customer User`,
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
            permissionSetLicenseIds: [],
        });
        expect(JSON.parse(log?.Before__c ?? '')).toEqual({
            profileId: before.ProfileId,
            profileName: 'Customer Community User',
            licenseName: 'Customer Community',
            roleId: null,
            roleName: null,
            targetProfileId: target.Id,
            targetLicenseName: 'Customer Community Plus',
        });
        expect(JSON.parse(log?.After__c ?? '')).toEqual({
            profileId: target.Id,
            profileName: CONTRACTS_PROFILE,
            licenseName: 'Customer Community Plus',
            roleId: role?.Id,
            roleName: role?.Name,
        });
        // The facts read again show the change.
        const facts = await getUpgradeFacts({ userIds: [dmitri.Id], targetProfileId: target.Id });
        expect(facts.users[0]).toMatchObject({ profileName: CONTRACTS_PROFILE, roleName: role?.Name });
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
        dmitri.SystemModstamp = new Date(Date.parse(dmitri.SystemModstamp) + 1000).toISOString();
        const results = await snapshotLicenseChanges({ request: { targetProfileId: target(), users: items } });
        expect(results).toEqual([
            {
                userId: dmitri.Id,
                status: 'Refused',
                profileChanged: false,
                errors: [FACTS_CHANGED],
                restored: [],
                removed: [],
            },
        ]);
        expect(org.Setup_Assistant_Log__c).toHaveLength(0);
    });

    it('refuses stale profile and assignment counts, and a missing modstamp', async () => {
        const dmitri = userNamed('Dmitri Varga');
        for (const stale of [
            { profileId: profileNamed('Customer Community Login User').Id },
            { permissionSetCount: 0 },
            { permissionSetLicenseCount: 1 },
            { systemModstamp: null },
        ]) {
            const users = await itemsFor([dmitri], target(), stale);
            const [result] = await snapshotLicenseChanges({ request: { targetProfileId: target(), users } });
            expect(result.errors).toEqual([FACTS_CHANGED]);
        }
    });

    it('accepts the same instant written differently', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const offset = new Date(dmitri.SystemModstamp).toISOString().replace('.000Z', 'Z');
        const users = await itemsFor([dmitri], target(), { systemModstamp: offset });
        const [result] = await snapshotLicenseChanges({ request: { targetProfileId: target(), users } });
        expect(result.status).toBe('Snapshot');
    });

    it('refuses an irreversible change without acknowledgement', async () => {
        const users = await itemsFor([userNamed('Dmitri Varga')], target(), { acknowledgedIrreversible: false });
        const [result] = await snapshotLicenseChanges({ request: { targetProfileId: target(), users } });
        expect(result).toMatchObject({ status: 'Refused', errors: [ACKNOWLEDGEMENT_REQUIRED] });
        // Customer Community to Customer Community Login is reversible: no acknowledgement needed.
        const login = profileNamed('Customer Community Login User').Id;
        const reversible = await itemsFor([userNamed('Dmitri Varga')], login, { acknowledgedIrreversible: false });
        const [ok] = await snapshotLicenseChanges({ request: { targetProfileId: login, users: reversible } });
        expect(ok.status).toBe('Snapshot');
    });

    it('refuses any path but a profile change, before looking at the facts', async () => {
        const bruno = userNamed('Bruno Becker');
        expect(licenseOf(org.Profile.find((p) => p.Id === bruno.ProfileId)?.Name as string).Name).toBe('Gold Partner');
        const users = await itemsFor([bruno], target(), { path: 'reenable-as-customer', systemModstamp: null });
        const [result] = await snapshotLicenseChanges({ request: { targetProfileId: target(), users } });
        expect(result).toMatchObject({
            status: 'Refused',
            errors: [formatLabel(PATH_NOT_PROFILE_CHANGE, 'reenable-as-customer')],
        });
    });

    it('refuses a user that does not exist, and a target outside the six licenses', async () => {
        const users = await itemsFor([userNamed('Dmitri Varga')], target(), { userId: '0058d000000ZZZZAAA' });
        const [result] = await snapshotLicenseChanges({ request: { targetProfileId: target(), users } });
        expect(result).toMatchObject({ userId: '0058d000000ZZZZAAA', status: 'Refused', errors: [USER_NOT_FOUND] });
        await expect(
            snapshotLicenseChanges({
                request: { targetProfileId: profileNamed('Gold Partner User').Id, users },
            }),
        ).rejects.toMatchObject({ body: { message: TARGET_INVALID, exceptionType: 'System.AuraHandledException' } });
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
        await expect(applyLicenseChanges({ logIds: [] })).rejects.toMatchObject(denied);
        await expect(reconcileLicenseChanges({ outcomes: [] })).rejects.toMatchObject(denied);
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
        await applyLicenseChanges({ logIds: [first.logId as Id] });
        const [afterApply] = await snapshotLicenseChanges({ request: { targetProfileId: targetId, users } });
        expect(afterApply).toMatchObject({ logId: first.logId, status: 'Snapshot', errors: [] });
        expect(org.Setup_Assistant_Log__c).toHaveLength(1);
    });

    it('applies twice without changing twice', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const targetId = profileNamed(CONTRACTS_PROFILE).Id;
        const { applied } = await change([dmitri], targetId);
        const seats = org.UserLicense.map((l) => l.UsedLicenses);
        const stamp = userNamed('Dmitri Varga').SystemModstamp;
        const assignments = org.PermissionSetAssignment.length;
        const again = await applyLicenseChanges({ logIds: [applied[0].logId as Id] });
        expect(again).toEqual(applied);
        expect(org.UserLicense.map((l) => l.UsedLicenses)).toEqual(seats);
        expect(userNamed('Dmitri Varga').SystemModstamp).toBe(stamp);
        expect(org.PermissionSetAssignment).toHaveLength(assignments);
        expect(await applyLicenseChanges({ logIds: ['a008d000000ZZZZAAA'] })).toEqual([]);
    });

    it('finishes a user whose restore failed, when apply runs again', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const targetId = profileNamed(CONTRACTS_PROFILE).Id;
        const snapshot = await snapshotLicenseChanges({
            request: { targetProfileId: targetId, users: await itemsFor([dmitri], targetId) },
        });
        const logIds = [snapshot[0].logId as Id];
        await applyLicenseChanges({ logIds });
        // Someone removes the restored permission set before reconcile: the log stays Applied.
        org.PermissionSetAssignment = org.PermissionSetAssignment.filter((a) => a.AssigneeId !== dmitri.Id);
        const [pending] = await reconcileLicenseChanges({
            outcomes: [{ ...snapshot[0], errors: ['Boom'], restored: [], removed: [] }],
        });
        expect(pending).toMatchObject({ status: 'Applied', restored: [], errors: ['Boom'] });
        expect(org.Setup_Assistant_Log__c[0]).toMatchObject({ Status__c: 'Applied', Error__c: 'Boom' });
        const applied = await applyLicenseChanges({ logIds });
        const [done] = await reconcileLicenseChanges({ outcomes: applied });
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

    it('fails a user whose account owner has no role', async () => {
        const ivan = userNamed('Ivan Larsen');
        const { applied } = await change([ivan], profileNamed(CONTRACTS_PROFILE).Id);
        expect(applied[0]).toMatchObject({
            status: 'Snapshot',
            errors: ['UNKNOWN_EXCEPTION: portal account owner must have a role'],
        });
        expect(userNamed('Ivan Larsen').ProfileId).toBe(ivan.ProfileId);
    });

    it('refuses to apply when the user changed profile since the snapshot', async () => {
        const dmitri = userNamed('Dmitri Varga');
        const targetId = profileNamed(CONTRACTS_PROFILE).Id;
        const [snapshot] = await snapshotLicenseChanges({
            request: { targetProfileId: targetId, users: await itemsFor([dmitri], targetId) },
        });
        dmitri.ProfileId = profileNamed('Customer Community Login User').Id;
        const [applied] = await applyLicenseChanges({ logIds: [snapshot.logId as Id] });
        expect(applied).toMatchObject({ status: 'Snapshot', profileChanged: false, errors: [FACTS_CHANGED] });
    });
});

describe('partner accounts', () => {
    it('enables accounts as partner accounts, then a Partner Community upgrade creates the partner role', async () => {
        const sofia = userNamed('Sofia Xu');
        const partnerProfile = profileNamed('Partner Community User');
        const account = org.Account.find((a) => a.Id === sofia.AccountId) as (typeof org.Account)[number];
        expect(account.IsPartner).toBe(false);

        const { applied } = await change([sofia], partnerProfile.Id);
        expect(applied[0].errors).toEqual([
            'FIELD_INTEGRITY_EXCEPTION: The account of a partner user must be a partner account.',
        ]);

        expect(await enablePartnerAccounts({ accountIds: [account.Id] })).toEqual({});
        expect(account.IsPartner).toBe(true);
        const facts = await getUpgradeFacts({ userIds: [sofia.Id], targetProfileId: partnerProfile.Id });
        expect(facts.users[0].accountIsPartner).toBe(true);

        const retried = await applyLicenseChanges({ logIds: [applied[0].logId as Id] });
        const [done] = await reconcileLicenseChanges({ outcomes: retried });
        expect(done).toMatchObject({ status: 'Completed', errors: [] });
        const user = userNamed('Sofia Xu');
        expect(user.UserType).toBe('PowerPartner');
        expect(org.UserRole.find((r) => r.Id === user.UserRoleId)).toMatchObject({
            Name: `${account.Name} Partner User`,
            PortalType: 'Partner',
        });
    });

    it('answers no accounts with no errors and refuses more than 200', async () => {
        expect(await enablePartnerAccounts({ accountIds: [] })).toEqual({});
        await expect(
            enablePartnerAccounts({ accountIds: Array.from({ length: 201 }, () => org.Account[0].Id) }),
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
