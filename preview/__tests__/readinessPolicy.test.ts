/**
 * Hostile requests to the sample org's readiness and doctor fixes, as a script calling the
 * `@AuraEnabled` methods directly would send them: each is refused by the sample policy with the
 * code `SetupAssistantPolicy` gives (the same cases as ReadinessController_Tests and
 * UserDoctorController_Tests), the refused attempt is logged, and nothing else in the org changes.
 */
import {
    activateSite,
    addSiteMember,
    resetConfirmations,
    showAllSettings,
} from '../sample-org/apex/ReadinessController';
import {
    activateUser,
    assignPermissionSet,
    assignPermissionSetLicense,
    enableContentUser,
} from '../sample-org/apex/UserDoctorController';
import { newRecordId, resetSampleOrg, sampleOrg as org } from '../sample-org/org';
import { CONTRACTS_PERMISSION_SETS, type PolicyCode } from '../sample-org/policy';
import { currentSession } from '../sample-org/session';
import type { PermissionSet, User } from '../sample-org/types';

type FixResult = Apex.ReadinessFixService.FixResult;

/** The org without its log: what a refused request must leave as it was. */
function orgWithoutLog(): string {
    const { Setup_Assistant_Log__c: logs, ...rest } = org;
    void logs;
    return JSON.stringify(rest);
}

/** Adds a custom permission set, allow-listed by the admin, that grants the given permissions. */
function privilegedSet(name: string, permissions: Partial<PermissionSet>): PermissionSet {
    const permissionSet: PermissionSet = {
        Id: newRecordId(org, 'PermissionSet'),
        Name: name,
        Label: name.replace(/_/g, ' '),
        NamespacePrefix: null,
        IsOwnedByProfile: false,
        ProfileId: null,
        LicenseId: null,
        IsCustom: true,
        PermissionsModifyAllData: false,
        PermissionsViewAllData: false,
        ...permissions,
    };
    org.PermissionSet.push(permissionSet);
    org.Allowed_Permission_Set__mdt = [
        ...(org.Allowed_Permission_Set__mdt ?? []),
        { Permission_Set_Name__c: name, Active__c: true },
    ];
    return permissionSet;
}

function externalUser(): User {
    return org.User.find((u) => u.ContactId && u.UserType === 'PowerCustomerSuccess' && u.IsActive) as User;
}

/** An internal admin other than the one running the assistant, deactivated. */
function deactivatedAdmin(): User {
    const runningId = currentSession().user.Id;
    const sysAdmin = org.Profile.find((p) => p.Name === 'System Administrator');
    const admin = org.User.find((u) => u.UserType === 'Standard' && u.Id !== runningId && u.ProfileId === sysAdmin?.Id);
    const user = admin ?? (org.User.find((u) => u.UserType === 'Standard' && u.Id !== runningId) as User);
    user.IsActive = false;
    return user;
}

function contractsSetId(): string {
    return org.PermissionSet.find((ps) => ps.Name === 'ContractManagementCCPlusDigitalExperienceUser')!.Id;
}

function expectRefused(result: FixResult, code: PolicyCode): void {
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(new RegExp(`^${code}: `));
}

beforeEach(() => {
    resetSampleOrg();
    resetConfirmations();
    window.history.pushState({}, '', '/?latency=0');
});
afterEach(() => window.history.pushState({}, '', '/'));

describe('sample org site fixes refuse what the policy refuses', () => {
    it.each([
        ['an account id', () => org.Account[0].Id],
        ['a site id that does not exist', () => '0DB00000000zzzzAAA'],
    ])('refuses %s as the site, for every fix, changing nothing', async (_what, networkIdOf) => {
        const networkId = networkIdOf();
        const profileId = org.Profile.find((p) => p.Name === 'Customer Community Plus User')!.Id;
        const before = orgWithoutLog();
        const results = [
            await activateSite({ networkId }),
            await showAllSettings({ networkId }),
            await addSiteMember({ networkId, profileId }),
        ];
        for (const result of results) {
            expectRefused(result, 'SITE_NOT_FOUND');
        }
        expect(orgWithoutLog()).toBe(before);
        expect(org.Setup_Assistant_Log__c.map((log) => [log.Status__c, log.Error__c?.slice(0, 15)])).toEqual([
            ['Refused', 'SITE_NOT_FOUND:'],
            ['Refused', 'SITE_NOT_FOUND:'],
            ['Refused', 'SITE_NOT_FOUND:'],
        ]);
    });

    it('refuses an internal profile or a privileged permission set as a site member', async () => {
        const networkId = org.Network[0].Id;
        const sysAdmin = org.Profile.find((p) => p.Name === 'System Administrator')!;
        const manageUsers = privilegedSet('Portal_User_Admins', { PermissionsManageUsers: true });
        const before = orgWithoutLog();
        const adminProfile = await addSiteMember({ networkId, profileId: sysAdmin.Id });
        const privileged = await addSiteMember({ networkId, profileId: manageUsers.Id });
        expectRefused(adminProfile, 'SITE_MEMBER_NOT_ALLOWED');
        expect(adminProfile.message).toContain('System Administrator');
        expectRefused(privileged, 'SITE_MEMBER_NOT_ALLOWED');
        expect(privileged.message).toContain('Manage Users');
        expect(orgWithoutLog()).toBe(before);
        expect(org.Setup_Assistant_Log__c.filter((log) => log.Action__c === 'ADD_PROFILE_MEMBER')).toEqual([
            expect.objectContaining({ Status__c: 'Refused' }),
            expect.objectContaining({ Status__c: 'Refused' }),
        ]);
    });

    it('still adds an allowed Contracts permission set as a member', async () => {
        const networkId = org.Network.find(
            (site) => !org.NetworkMemberGroup.some((m) => m.NetworkId === site.Id && m.ParentId === contractsSetId()),
        )!.Id;
        const result = await addSiteMember({ networkId, profileId: contractsSetId() });
        expect(result.message).not.toMatch(/^[A-Z_]+: /);
        expect(result.ok).toBe(true);
        expect(org.NetworkMemberGroup).toContainEqual(
            expect.objectContaining({ NetworkId: networkId, ParentId: contractsSetId() }),
        );
    });
});

describe('sample org doctor fixes refuse what the policy refuses', () => {
    it('refuses to reactivate, or change, an internal user such as a deactivated admin', async () => {
        const admin = deactivatedAdmin();
        const before = orgWithoutLog();
        expectRefused(await activateUser({ userId: admin.Id }), 'USER_NOT_EXTERNAL');
        expectRefused(await enableContentUser({ userId: admin.Id }), 'USER_NOT_EXTERNAL');
        expectRefused(
            await assignPermissionSet({ userId: admin.Id, permissionSetId: contractsSetId() }),
            'USER_NOT_EXTERNAL',
        );
        expect(admin.IsActive).toBe(false);
        expect(orgWithoutLog()).toBe(before);
        const logs = org.Setup_Assistant_Log__c;
        expect(logs).toHaveLength(3);
        for (const log of logs) {
            // A policy refusal reads Refused in History, as a refused enable does (not Failed).
            expect(log).toMatchObject({ Status__c: 'Refused', Target_User__c: admin.Id });
            expect(log.Error__c).toMatch(/^USER_NOT_EXTERNAL: /);
            expect(JSON.parse(log.Before__c ?? '{}')).toMatchObject({ userId: admin.Id, userName: admin.Name });
            expect(log.Before__c).not.toContain(admin.Email);
        }
    });

    it('refuses an id that is not a user', async () => {
        const accountId = org.Account[0].Id;
        const before = orgWithoutLog();
        expectRefused(await activateUser({ userId: accountId }), 'USER_NOT_FOUND');
        expect(orgWithoutLog()).toBe(before);
        expect(org.Setup_Assistant_Log__c).toEqual([expect.objectContaining({ Target_User__c: null })]);
    });

    it.each<[string, () => string, PolicyCode]>([
        [
            'a permission set granting Manage Users',
            () => privilegedSet('Portal_User_Admins', { PermissionsManageUsers: true }).Id,
            'PERMISSION_SET_PRIVILEGED',
        ],
        [
            'a permission set granting Modify All Data',
            () => privilegedSet('Data_Stewards', { PermissionsModifyAllData: true }).Id,
            'PERMISSION_SET_PRIVILEGED',
        ],
        ['a permission set group', () => '0PG000000000001AAA', 'PERMISSION_SET_GROUP_NOT_ALLOWED'],
        [
            "the System Administrator profile's permission set",
            () =>
                org.PermissionSet.find(
                    (ps) =>
                        ps.IsOwnedByProfile &&
                        ps.ProfileId === org.Profile.find((p) => p.Name === 'System Administrator')?.Id,
                )!.Id,
            'PERMISSION_SET_NOT_ALLOWED',
        ],
    ])('refuses %s for an external user, assigning nothing', async (_what, permissionSetIdOf, code) => {
        const user = externalUser();
        const permissionSetId = permissionSetIdOf();
        const before = orgWithoutLog();
        expectRefused(await assignPermissionSet({ userId: user.Id, permissionSetId }), code);
        expect(orgWithoutLog()).toBe(before);
        expect(org.Setup_Assistant_Log__c).toEqual([
            expect.objectContaining({
                Action__c: 'ASSIGN_PERMISSION_SET',
                Status__c: 'Refused',
                Target_User__c: user.Id,
            }),
        ]);
    });

    it('refuses a permission set license that no allowed permission set needs', async () => {
        const user = externalUser();
        const needed = new Set(
            org.PermissionSet.filter(
                (ps) => CONTRACTS_PERMISSION_SETS.includes(ps.Name) || CONTRACTS_PERMISSION_SETS.includes(ps.Label),
            ).map((ps) => ps.LicenseId),
        );
        const unneeded = org.PermissionSetLicense.find((psl) => !needed.has(psl.Id))?.Id ?? '0PL000000000zzzAAA';
        const before = orgWithoutLog();
        expectRefused(
            await assignPermissionSetLicense({ userId: user.Id, pslId: unneeded }),
            'PERMISSION_SET_LICENSE_NOT_ALLOWED',
        );
        expect(orgWithoutLog()).toBe(before);
        expect(org.Setup_Assistant_Log__c).toEqual([expect.objectContaining({ Status__c: 'Refused' })]);
    });
});
