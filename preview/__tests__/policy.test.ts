/**
 * The sample org's policy refuses what SetupAssistantPolicy refuses, with the same codes: the same
 * hostile requests as SetupAssistantPolicy_Tests (force-app/test/policy/classes), against the
 * sample data. Each controller's tests show that nothing is written; this file proves the rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PERSON_ACCOUNT_LIMIT } from 'c/upgradeValidator';
import { generateSampleOrg } from '../sample-org/data/generate';
import { ApexException } from '../sample-org/apexMethod';
import {
    NULL_ID,
    checkAssignableLicenses,
    checkAssignablePermissionSets,
    checkContacts,
    checkConversion,
    checkEnableProfiles,
    checkExternalUsers,
    checkInternalSharerAssignment,
    checkLicenseChangeLog,
    checkLicenseChangeUsers,
    checkPartnerAccounts,
    checkRestorable,
    checkSiteFix,
    checkTargetProfiles,
    personAccountOwners,
    POLICY_EXCEPTION_TYPE,
    privilegeOf,
    PRIVILEGED_PERMISSIONS,
    throwIfRefused,
    unfinishedChange,
} from '../sample-org/policy';
import type { Session } from '../sample-org/session';
import type { Id, PermissionSet, SampleOrg, SetupAssistantLog, UserLicense } from '../sample-org/types';

function sessionOf(org: SampleOrg): Session {
    const user = org.User.find((row) => row.Id === org.defaultRunningUserId);
    if (!user) {
        throw new Error('the sample org has no default admin');
    }
    return { org, user };
}

function profileNamed(org: SampleOrg, name: string): Id {
    const profile = org.Profile.find((row) => row.Name === name);
    if (!profile) {
        throw new Error(`no profile ${name}`);
    }
    return profile.Id;
}

function permissionSetNamed(org: SampleOrg, name: string): PermissionSet {
    const permissionSet = org.PermissionSet.find((row) => row.Name === name);
    if (!permissionSet) {
        throw new Error(`no permission set ${name}`);
    }
    return permissionSet;
}

function addPermissionSet(org: SampleOrg, id: Id, name: string, extra: Partial<PermissionSet> = {}): PermissionSet {
    const permissionSet: PermissionSet = {
        Id: id,
        Name: name,
        Label: name.replace(/_/g, ' '),
        NamespacePrefix: null,
        IsOwnedByProfile: false,
        ProfileId: null,
        LicenseId: null,
        IsCustom: true,
        PermissionsModifyAllData: false,
        PermissionsViewAllData: false,
        ...extra,
    };
    org.PermissionSet.push(permissionSet);
    return permissionSet;
}

function license(name: string): UserLicense {
    return {
        Id: '100000000000XYZ',
        Name: name,
        MasterLabel: name,
        LicenseDefinitionKey: '',
        Status: 'Active',
        TotalLicenses: 1,
        UsedLicenses: 0,
    };
}

function log(createdById: Id, action: string, status: string): SetupAssistantLog {
    return {
        Id: 'a00000000000001',
        Name: 'LOG-0000001',
        Action__c: action,
        Status__c: status,
        Target_User__c: null,
        Snapshot__c: null,
        Before__c: null,
        After__c: null,
        Restored__c: null,
        Removed__c: null,
        Error__c: null,
        Subject_Id__c: null,
        Subject_Name__c: null,
        Subject_Username__c: null,
        CreatedDate: '2026-11-30T00:00:00.000Z',
        CreatedById: createdById,
    };
}

describe('sample org policy', () => {
    let org: SampleOrg;
    let session: Session;

    beforeEach(() => {
        org = generateSampleOrg();
        session = sessionOf(org);
    });

    const external = () =>
        org.User.find((user) => user.ContactId && user.UserType === 'PowerCustomerSuccess' && user.AccountId);

    it('refuses an internal profile on every profile path', () => {
        const admin = profileNamed(org, 'System Administrator');
        expect(checkEnableProfiles(session, [admin]).get(admin)?.code).toBe('PROFILE_INTERNAL');
        expect(checkTargetProfiles(session, [admin]).get(admin)?.code).toBe('PROFILE_INTERNAL');
    });

    it('allows only Customer Community Plus profiles for new users', () => {
        const plus = profileNamed(org, 'Customer Community Plus User');
        const plusLogin = profileNamed(org, 'Customer Community Plus Login User');
        const community = profileNamed(org, 'Customer Community User');
        const refusals = checkEnableProfiles(session, [plus, plusLogin, community]);
        expect(refusals.has(plus)).toBe(false);
        expect(refusals.has(plusLogin)).toBe(false);
        expect(refusals.get(community)?.code).toBe('PROFILE_NOT_ENABLE_LICENSE');
        expect(checkTargetProfiles(session, [community]).size).toBe(0);
    });

    it('refuses an id of another object as a profile', () => {
        const accountId = org.Account[0].Id;
        expect(checkEnableProfiles(session, [accountId]).get(accountId)?.code).toBe('PROFILE_NOT_FOUND');
        expect(checkEnableProfiles(session, [null, undefined, '']).size).toBe(0);
    });

    it('refuses a permission set that is not on the allow-list, and allows it once listed', () => {
        const plain = addPermissionSet(org, '0PS00000000PLN1', 'Policy_Plain');
        expect(checkAssignablePermissionSets(session, [plain.Id]).get(plain.Id)?.code).toBe(
            'PERMISSION_SET_NOT_ALLOWED',
        );
        org.Allowed_Permission_Set__mdt = [{ Permission_Set_Name__c: ' Policy_Plain ', Active__c: true }];
        expect(checkAssignablePermissionSets(session, [plain.Id]).size).toBe(0);
        org.Allowed_Permission_Set__mdt = [{ Permission_Set_Name__c: 'Policy_Plain', Active__c: false }];
        expect(checkAssignablePermissionSets(session, [plain.Id]).get(plain.Id)?.code).toBe(
            'PERMISSION_SET_NOT_ALLOWED',
        );
    });

    it('refuses a null permission set or license under the null key, and still judges the others', () => {
        const ids = ['DocGenRuntimeCommunityUser'].map((name) => permissionSetNamed(org, name).Id);
        const sets = checkAssignablePermissionSets(session, [...ids, null]);
        expect(sets.get(NULL_ID)?.code).toBe('PERMISSION_SET_NOT_FOUND');
        expect(sets.has(ids[0])).toBe(false);
        expect(checkAssignableLicenses(session, [undefined]).get(NULL_ID)?.code).toBe(
            'PERMISSION_SET_LICENSE_NOT_ALLOWED',
        );
    });

    it('allows the two Contracts permission sets', () => {
        const ids = ['DocGenRuntimeCommunityUser', 'ContractManagementCCPlusDigitalExperienceUser'].map(
            (name) => permissionSetNamed(org, name).Id,
        );
        expect(checkAssignablePermissionSets(session, ids).size).toBe(0);
    });

    it.each(PRIVILEGED_PERMISSIONS.map(([field, name]) => [field, name] as const))(
        'refuses a permission set granting %s even when allow-listed',
        (field, name) => {
            const privileged = addPermissionSet(org, '0PS00000000PRV1', 'Policy_Privileged', { [field]: true });
            org.Allowed_Permission_Set__mdt = [{ Permission_Set_Name__c: 'Policy_Privileged', Active__c: true }];
            const refusal = checkAssignablePermissionSets(session, [privileged.Id]).get(privileged.Id);
            expect(refusal?.code).toBe('PERMISSION_SET_PRIVILEGED');
            expect(refusal?.message).toContain(name);
            expect(checkRestorable(session, [privileged.Id]).get(privileged.Id)?.code).toBe(
                'PERMISSION_SET_PRIVILEGED',
            );
            expect(privilegeOf(privileged)).toBe(name);
        },
    );

    it('refuses a permission set group and its aggregate permission set', () => {
        const groupId = '0PG000000000001';
        const aggregate = addPermissionSet(org, '0PS00000000AGG1', 'Policy_Group_Aggregate', {
            PermissionSetGroupId: groupId,
        });
        expect(checkAssignablePermissionSets(session, [groupId]).get(groupId)?.code).toBe(
            'PERMISSION_SET_GROUP_NOT_ALLOWED',
        );
        expect(checkAssignablePermissionSets(session, [aggregate.Id]).get(aggregate.Id)?.code).toBe(
            'PERMISSION_SET_GROUP_NOT_ALLOWED',
        );
        expect(checkRestorable(session, [groupId]).size).toBe(0);
        aggregate.PermissionsManageUsers = true;
        expect(checkRestorable(session, [groupId]).get(groupId)?.code).toBe('PERMISSION_SET_PRIVILEGED');
        expect(checkRestorable(session, ['0PG000000000999']).get('0PG000000000999')?.code).toBe(
            'PERMISSION_SET_NOT_FOUND',
        );
    });

    it("refuses a profile's own permission set", () => {
        const owned = org.PermissionSet.find((row) => row.IsOwnedByProfile);
        expect(owned).toBeDefined();
        const id = (owned as PermissionSet).Id;
        expect(checkAssignablePermissionSets(session, [id]).get(id)?.code).toBe('PERMISSION_SET_NOT_ALLOWED');
        expect(checkRestorable(session, [id]).get(id)?.code).toBe('PERMISSION_SET_NOT_ALLOWED');
    });

    it('refuses a permission set license no allowed permission set needs', () => {
        const docGen = permissionSetNamed(org, 'DocGenRuntimeCommunityUser');
        const clm = permissionSetNamed(org, 'CLMRuntimeUser');
        const refusals = checkAssignableLicenses(session, [docGen.LicenseId, clm.LicenseId, '0PL000000000999']);
        expect(refusals.has(docGen.LicenseId as Id)).toBe(false);
        expect(refusals.get(clm.LicenseId as Id)?.code).toBe('PERMISSION_SET_LICENSE_NOT_ALLOWED');
        expect(refusals.get('0PL000000000999')?.code).toBe('PERMISSION_SET_LICENSE_NOT_ALLOWED');
    });

    it('refuses an internal user where external users are required', () => {
        const customer = external();
        const refusals = checkExternalUsers(session, [session.user.Id, customer?.Id, org.Account[0].Id]);
        expect(refusals.get(session.user.Id)?.code).toBe('USER_NOT_EXTERNAL');
        expect(refusals.has(customer?.Id as Id)).toBe(false);
        expect(refusals.get(org.Account[0].Id)?.code).toBe('USER_NOT_FOUND');
    });

    it('refuses an external user and another permission set on the internal sharer path', () => {
        const customer = external() as { Id: Id };
        const clm = permissionSetNamed(org, 'CLMRuntimeUser');
        const docGen = permissionSetNamed(org, 'DocGenRuntimeCommunityUser');
        const refusals = checkInternalSharerAssignment(session, [customer.Id, session.user.Id], [clm.Id, docGen.Id]);
        expect(refusals.get(customer.Id)?.code).toBe('USER_NOT_INTERNAL');
        expect(refusals.get(docGen.Id)?.code).toBe('PERMISSION_SET_NOT_ALLOWED');
        expect(refusals.has(session.user.Id)).toBe(false);
        expect(refusals.has(clm.Id)).toBe(false);
    });

    it('gives CLM Runtime User by API name without a namespace, never by label', () => {
        const spoof = addPermissionSet(org, '0PS00000000CLM1', 'Policy_Clm_Spoof', {
            Label: 'CLM Runtime User',
            PermissionsViewAllData: false,
        });
        const packaged = addPermissionSet(org, '0PS00000000CLM2', 'CLMRuntimeUser', {
            NamespacePrefix: 'other',
        });
        const refusals = checkInternalSharerAssignment(session, [session.user.Id], [spoof.Id, packaged.Id]);
        expect(refusals.get(spoof.Id)?.code).toBe('PERMISSION_SET_NOT_ALLOWED');
        expect(refusals.get(packaged.Id)?.code).toBe('PERMISSION_SET_NOT_ALLOWED');
    });

    it('refuses an account id as a contact or a site', () => {
        const accountId = org.Account[0].Id;
        expect(checkContacts(session, [accountId, org.Contact[0].Id]).get(accountId)?.code).toBe('CONTACT_NOT_FOUND');
        expect(checkContacts(session, [org.Contact[0].Id]).size).toBe(0);
        expect(checkSiteFix(session, accountId)?.code).toBe('SITE_NOT_FOUND');
        expect(checkSiteFix(session, org.Network[0].Id)).toBeUndefined();
    });

    it('refuses an internal profile or a privileged permission set as a site member', () => {
        const site = org.Network[0].Id;
        const admin = profileNamed(org, 'System Administrator');
        expect(checkSiteFix(session, site, admin)?.code).toBe('SITE_MEMBER_NOT_ALLOWED');
        expect(checkSiteFix(session, site, org.Account[0].Id)?.code).toBe('SITE_MEMBER_NOT_ALLOWED');
        const privileged = addPermissionSet(org, '0PS00000000PRV2', 'Policy_Site_Privileged', {
            PermissionsModifyAllData: true,
        });
        expect(checkSiteFix(session, site, privileged.Id)?.code).toBe('SITE_MEMBER_NOT_ALLOWED');
        expect(checkSiteFix(session, site, profileNamed(org, 'Customer Community Plus User'))).toBeUndefined();
    });

    it('refuses an account outside my open changes to Partner Community for partner enablement', () => {
        const customer = external() as { Id: Id; AccountId: Id };
        const unrelated = org.Account.find((account) => account.Id !== customer.AccountId) as { Id: Id };
        const openLog = (createdById: Id, status: string, target: string): void => {
            org.Setup_Assistant_Log__c.push({
                ...log(createdById, 'LICENSE_CHANGE', status),
                Target_User__c: customer.Id,
                Snapshot__c: JSON.stringify({ targetProfileId: profileNamed(org, target) }),
            });
        };
        // No change of mine names the user: refused, whatever the browser would say.
        expect(checkPartnerAccounts(session, [customer.AccountId]).get(customer.AccountId)?.code).toBe(
            'ACCOUNT_NOT_IN_CHANGE',
        );
        openLog('005OTHERADMIN0001', 'Snapshot', 'Partner Community User');
        openLog(session.user.Id, 'Snapshot', 'Customer Community Plus User');
        openLog(session.user.Id, 'Completed', 'Partner Community User');
        expect(checkPartnerAccounts(session, [customer.AccountId]).get(customer.AccountId)?.code).toBe(
            'ACCOUNT_NOT_IN_CHANGE',
        );
        openLog(session.user.Id, 'Applied', 'Partner Community User');
        const refusals = checkPartnerAccounts(session, [unrelated.Id, customer.AccountId]);
        expect(refusals.get(unrelated.Id)?.code).toBe('ACCOUNT_NOT_IN_CHANGE');
        expect(refusals.has(customer.AccountId)).toBe(false);
    });

    it('refuses every path that is not a profile change', () => {
        expect(checkConversion('005A', license('Customer Community Plus'), license('Partner Community'))?.code).toBe(
            'PATH_NOT_PROFILE_CHANGE',
        );
        expect(checkConversion('005A', license('Salesforce'), license('Customer Community Plus'))?.code).toBe(
            'PATH_NOT_PROFILE_CHANGE',
        );
        expect(checkConversion('005A', license('Customer Community'), license('Salesforce'))?.code).toBe(
            'PATH_NOT_PROFILE_CHANGE',
        );
        expect(
            checkConversion('005A', license('Customer Community'), license('Customer Community Plus')),
        ).toBeUndefined();
    });

    it('accepts other CSPLitePortal licenses only to the role-based targets, with the user type', () => {
        const other = license('Customer Portal Lite Future');
        expect(checkConversion('005A', other, license('Customer Community Plus'), 'CspLitePortal')).toBeUndefined();
        expect(checkConversion('005A', other, license('Partner Community Login'), 'CSPLitePortal')).toBeUndefined();
        expect(checkConversion('005A', other, license('Customer Community'), 'CspLitePortal')?.code).toBe(
            'PATH_NOT_PROFILE_CHANGE',
        );
        expect(checkConversion('005A', other, license('Customer Community Plus'), 'Standard')?.code).toBe(
            'PATH_NOT_PROFILE_CHANGE',
        );
        expect(checkConversion('005A', other, license('Customer Community Plus'))?.code).toBe(
            'PATH_NOT_PROFILE_CHANGE',
        );
        expect(
            checkConversion('005A', license('Partner Community'), license('Customer Community Plus'), 'CspLitePortal')
                ?.code,
        ).toBe('PATH_NOT_PROFILE_CHANGE');
    });

    it("accepts only this admin's open log to the same target", () => {
        const me = session.user.Id;
        const other = (external() as { Id: Id }).Id;
        expect(
            checkLicenseChangeLog(session, 'a01', log(me, 'LICENSE_CHANGE', 'Snapshot'), '00eT', '00eT'),
        ).toBeUndefined();
        expect(
            checkLicenseChangeLog(session, 'a01', log(other, 'LICENSE_CHANGE', 'Snapshot'), '00eT', '00eT')?.code,
        ).toBe('LOG_NOT_OWNED');
        expect(
            checkLicenseChangeLog(session, 'a01', log(me, 'LICENSE_CHANGE', 'Completed'), '00eT', '00eT')?.code,
        ).toBe('LOG_NOT_OPEN');
        expect(checkLicenseChangeLog(session, 'a01', log(me, 'LICENSE_CHANGE', 'Applied'), '00eT', '00eO')?.code).toBe(
            'LOG_TARGET_MISMATCH',
        );
        expect(checkLicenseChangeLog(session, 'a01', log(me, 'ENABLE_USER', 'Snapshot'), '00eT', '00eT')?.code).toBe(
            'LOG_NOT_FOUND',
        );
        expect(checkLicenseChangeLog(session, 'a01', undefined, '00eT', '00eT')?.code).toBe('LOG_NOT_FOUND');
    });

    it('refuses an inactive user, a non-partner account for a Partner Community target, and a user over the person-account limit', () => {
        const external = org.User.filter((u) => u.ContactId && u.AccountId);
        const active = external.find((u) => u.IsActive && !org.Account.find((a) => a.Id === u.AccountId)?.IsPartner);
        const inactive = external.find((u) => !u.IsActive);
        if (!active || !inactive) {
            throw new Error('the sample org has active and inactive external users');
        }
        const partner = license('Partner Community');
        const plus = license('Customer Community Plus');
        // Inactive first, whatever the target; an unknown user is left to checkExternalUsers.
        const inactiveRefusals = checkLicenseChangeUsers(session, [inactive.Id, '005000000000404', null], plus, true);
        expect([...inactiveRefusals.keys()]).toEqual([inactive.Id]);
        expect(inactiveRefusals.get(inactive.Id)?.code).toBe('USER_INACTIVE');
        // The partner account only for a Partner Community target, and only when asked.
        expect(checkLicenseChangeUsers(session, [active.Id], partner, true).get(active.Id)?.code).toBe(
            'PARTNER_ACCOUNT_NOT_ENABLED',
        );
        expect(checkLicenseChangeUsers(session, [active.Id], partner, false).size).toBe(0);
        expect(checkLicenseChangeUsers(session, [active.Id], license('Partner Community Login'), true).size).toBe(1);
        expect(checkLicenseChangeUsers(session, [active.Id], plus, true).size).toBe(0);
        const account = org.Account.find((a) => a.Id === active.AccountId);
        if (account) {
            account.IsPartner = true;
        }
        expect(checkLicenseChangeUsers(session, [active.Id], partner, true).size).toBe(0);
        // The owner of the user's person account over the limit, not at it (seed 003: "up to 50,000").
        if (account) {
            account.IsPersonAccount = true;
            org.PersonAccountCounts = { [account.OwnerId]: PERSON_ACCOUNT_LIMIT };
            expect(checkLicenseChangeUsers(session, [active.Id], plus, true).size).toBe(0);
            org.PersonAccountCounts = { [account.OwnerId]: PERSON_ACCOUNT_LIMIT + 1 };
            expect(checkLicenseChangeUsers(session, [active.Id], plus, false).get(active.Id)?.code).toBe(
                'PERSON_ACCOUNTS_OVER_LIMIT',
            );
        }
    });

    describe("the person-account limit is the owner's of the user's person account (seed 003)", () => {
        const plus = license('Customer Community Plus');
        const partner = license('Partner Community');
        /** An active external user whose account becomes a person account of the sample org. */
        function personAccountUser() {
            const user = org.User.find((u) => u.ContactId && u.AccountId && u.IsActive);
            const account = org.Account.find((a) => a.Id === user?.AccountId);
            if (!user || !account) {
                throw new Error('the sample org has an active external user with an account');
            }
            account.IsPersonAccount = true;
            const owner = org.User.find((u) => u.Id === account.OwnerId);
            return { user, account, ownerName: owner?.Name ?? account.OwnerId };
        }

        it("refuses a user whose person account's owner owns more than 50,000, naming owner, count and limit", () => {
            const { user, account, ownerName } = personAccountUser();
            org.PersonAccountCounts = { [account.OwnerId]: PERSON_ACCOUNT_LIMIT + 1 };
            const refusal = checkLicenseChangeUsers(session, [user.Id], plus, true).get(user.Id);
            expect(refusal?.code).toBe('PERSON_ACCOUNTS_OVER_LIMIT');
            expect(refusal?.message).toContain(ownerName);
            expect(refusal?.message).toContain('owns 50,001 person accounts; the limit is 50,000');
            expect(personAccountOwners(org, [user], plus).get(user.Id)).toEqual({
                ownerId: account.OwnerId,
                ownerName,
                personAccounts: PERSON_ACCOUNT_LIMIT + 1,
                isPowerUser: false,
            });
        });

        it('does not refuse the same count on the external user itself', () => {
            const { user } = personAccountUser();
            org.PersonAccountCounts = { [user.Id]: PERSON_ACCOUNT_LIMIT + 1 };
            expect(checkLicenseChangeUsers(session, [user.Id], plus, true).size).toBe(0);
        });

        it('does not count an account that is not a person account', () => {
            const { user, account } = personAccountUser();
            account.IsPersonAccount = false;
            org.PersonAccountCounts = { [account.OwnerId]: PERSON_ACCOUNT_LIMIT + 1 };
            expect(checkLicenseChangeUsers(session, [user.Id], plus, true).size).toBe(0);
            expect(personAccountOwners(org, [user], plus).size).toBe(0);
        });

        it("lets a Person Account Owner Power User of the target's portal type own more", () => {
            const { user, account } = personAccountUser();
            org.PersonAccountCounts = { [account.OwnerId]: PERSON_ACCOUNT_LIMIT + 1 };
            org.PersonAccountOwnerPowerUser = [
                { Id: '0Pw000000000001', UserId: account.OwnerId, PortalType: 'CustomerPortal' },
            ];
            expect(checkLicenseChangeUsers(session, [user.Id], plus, true).size).toBe(0);
            // A power user for customer portal accounts is not one for partner accounts.
            expect(checkLicenseChangeUsers(session, [user.Id], partner, false).get(user.Id)?.code).toBe(
                'PERSON_ACCOUNTS_OVER_LIMIT',
            );
        });

        it("does not hold a target without roles to the limit, and counts the org's person accounts without a count", () => {
            const { user, account } = personAccountUser();
            org.PersonAccountCounts = { [account.OwnerId]: PERSON_ACCOUNT_LIMIT + 1 };
            expect(checkLicenseChangeUsers(session, [user.Id], license('Customer Community'), true).size).toBe(0);
            delete org.PersonAccountCounts;
            expect(personAccountOwners(org, [user], plus).get(user.Id)).toMatchObject({
                personAccounts: 1,
                isPowerUser: null,
            });
        });
    });

    it('uses the person-account limit of the validator, as the Apex does (seed 003: 50,000)', () => {
        const apex = readFileSync(
            join(__dirname, '../../force-app/main/policy/classes/SetupAssistantPolicy.cls'),
            'utf8',
        );
        expect(PERSON_ACCOUNT_LIMIT).toBe(50000);
        expect(apex).toContain(`public static final Integer PERSON_ACCOUNT_LIMIT = ${PERSON_ACCOUNT_LIMIT};`);
    });

    it('throws the first refusal with its code, as the Apex PolicyException reaches the browser', () => {
        expect(() => throwIfRefused(unfinishedChange('005A', 'CCP Users'))).toThrow(/^UNFINISHED_CHANGE: .*CCP Users/);
        try {
            throwIfRefused(new Map([['005A', unfinishedChange('005A', 'X')]]));
        } catch (error) {
            expect(error).toBeInstanceOf(ApexException);
            expect((error as ApexException).exceptionType).toBe(POLICY_EXCEPTION_TYPE);
        }
        expect(() => throwIfRefused(new Map())).not.toThrow();
        expect(() => throwIfRefused(undefined)).not.toThrow();
    });
});
