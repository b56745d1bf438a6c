/**
 * The sample org's user doctor is the preview's stand-in for `UserDoctorController`: the same
 * search, facts, fixes, refusals and log records as the Apex, over the sample org. Examined with
 * the real rules (`c/userDoctor`), its Contracts users are healthy, missing a permission set,
 * inactive, or on a profile without API Enabled.
 */
import ACCESS_DENIED from '@salesforce/label/c.CCSA_Access_Denied';
import USER_NOT_FOUND from '@salesforce/label/c.CCSA_Doctor_User_Not_Found';
import { formatLabel } from 'c/labelFormat';
import { examineUser } from 'c/userDoctor';
import type { CheckId, DoctorCheck, DoctorResult } from 'c/userDoctor';
import {
    MAX_SEARCH_ROWS,
    activateUser,
    assignPermissionSet,
    assignPermissionSetLicense,
    enableContentUser,
    getDoctorFacts,
    getUserOfContact,
    searchDoctorUsers,
    userSetupUrl,
} from '../sample-org/apex/UserDoctorController';
import { resetSampleOrg, sampleOrg as org } from '../sample-org/org';
import type { User } from '../sample-org/types';

function userNamed(name: string): User {
    const user = org.User.find((u) => u.Name === name);
    if (!user) throw new Error(`no user ${name}`);
    return user;
}

async function examine(userId: string): Promise<DoctorResult> {
    const facts = await getDoctorFacts({ userId });
    return examineUser(facts.user, facts.org);
}

function checkOf(result: DoctorResult, id: CheckId): DoctorCheck {
    return result.checks.find((check) => check.id === id) as DoctorCheck;
}

const logsOf = (action: string) => org.Setup_Assistant_Log__c.filter((log) => log.Action__c === action);

beforeEach(() => {
    resetSampleOrg();
    window.history.pushState({}, '', '/?latency=0');
});
afterEach(() => window.history.pushState({}, '', '/'));

describe('sample org user doctor search', () => {
    it('finds external users only, by name, username or email, by name', async () => {
        const bruno = userNamed('Bruno Vargas');
        const byName = await searchDoctorUsers({ searchTerm: 'bruno var' });
        expect(byName.map((row) => row.id)).toEqual([bruno.Id]);
        expect(byName[0]).toEqual(
            expect.objectContaining({
                name: 'Bruno Vargas',
                username: bruno.Username,
                isActive: true,
                licenseName: 'Customer Community Plus',
            }),
        );
        expect(byName[0].accountName).toBeTruthy();
        expect((await searchDoctorUsers({ searchTerm: bruno.Username })).map((row) => row.id)).toEqual([bruno.Id]);
        // As the Apex (SoqlLike.contains): % and _ are literal, not wildcards (admin walk).
        expect(await searchDoctorUsers({ searchTerm: '%' })).toEqual([]);
        expect(await searchDoctorUsers({ searchTerm: '_' })).toEqual([]);
        const all = await searchDoctorUsers({ searchTerm: null });
        expect(all.length).toBeGreaterThan(10);
        expect(all.length).toBeLessThanOrEqual(MAX_SEARCH_ROWS);
        const internal = new Set(org.User.filter((u) => u.ContactId === null).map((u) => u.Id));
        expect(all.some((row) => internal.has(row.id))).toBe(false);
        const names = all.map((row) => row.name);
        expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    });

    it('gives the user of a contact, or null', async () => {
        const bruno = userNamed('Bruno Vargas');
        expect(await getUserOfContact({ contactId: bruno.ContactId as string })).toBe(bruno.Id);
        const without = org.Contact.find((c) => !org.User.some((u) => u.ContactId === c.Id));
        expect(await getUserOfContact({ contactId: without!.Id })).toBeNull();
    });

    it('is for admins only', async () => {
        window.history.pushState({}, '', '/?latency=0&as=jprice');
        await expect(searchDoctorUsers({ searchTerm: '' })).rejects.toMatchObject({
            body: { message: expect.stringContaining(ACCESS_DENIED.slice(0, 10)) },
        });
    });
});

describe('sample org user doctor facts', () => {
    it('finds Bruno Vargas missing the CC Plus permission set and its license, fixable in order', async () => {
        const bruno = userNamed('Bruno Vargas');
        const result = await examine(bruno.Id);
        expect(checkOf(result, 'DOCGEN_PERMISSION_SET').status).toBe('pass');
        expect(checkOf(result, 'CCPLUS_PERMISSION_SET_LICENSE').code).toBe('PERMISSION_SET_LICENSE_NOT_ASSIGNED');
        const set = checkOf(result, 'CCPLUS_PERMISSION_SET');
        expect(set.code).toBe('PERMISSION_SET_NOT_ASSIGNED');
        expect(set.blockedBy).toEqual(['CCPLUS_PERMISSION_SET_LICENSE']);
        expect(checkOf(result, 'LICENSE').status).toBe('pass');
        expect(checkOf(result, 'SITE_MEMBER').code).toBe('SITE_MEMBER_LIVE');
        expect(checkOf(result, 'CONTACT').status).toBe('pass');
        expect(checkOf(result, 'ACCOUNT').status).toBe('pass');
    });

    it('finds Victor Eriksen with the CC Plus license left over but neither permission set', async () => {
        const result = await examine(userNamed('Victor Eriksen').Id);
        expect(checkOf(result, 'CCPLUS_PERMISSION_SET_LICENSE').status).toBe('pass');
        expect(checkOf(result, 'CCPLUS_PERMISSION_SET').blockedBy).toBeUndefined();
        expect(checkOf(result, 'DOCGEN_PERMISSION_SET_LICENSE').code).toBe('PERMISSION_SET_LICENSE_NOT_ASSIGNED');
        expect(result.fixes.map((fix) => fix.fix)).toEqual(
            expect.arrayContaining(['ASSIGN_PSL', 'ASSIGN_PERMISSION_SET']),
        );
    });

    it('finds an inactive user and a Plus Login profile without API Enabled', async () => {
        const inactive = org.User.find((u) => u.ContactId && !u.IsActive) as User;
        expect(checkOf(await examine(inactive.Id), 'ACTIVE').code).toBe('USER_INACTIVE');
        const apiOff = org.User.find(
            (u) => u.ContactId && org.Profile.find((p) => p.Id === u.ProfileId && !p.PermissionsApiEnabled),
        ) as User;
        expect(checkOf(await examine(apiOff.Id), 'PROFILE_API_ENABLED').code).toBe('PROFILE_API_DISABLED');
    });

    it('proposes the one Live site with a Contracts permission set among its members', async () => {
        const facts = await getDoctorFacts({ userId: userNamed('Bruno Vargas').Id });
        expect(facts.org.portalSite?.name).toBe('Customer Portal');
        expect(facts.org.permissionSets.map((ps) => ps.name).sort()).toEqual([
            'ContractManagementCCPlusDigitalExperienceUser',
            'DocGenRuntimeCommunityUser',
        ]);
        expect(facts.org.permissionSetLicenses).toHaveLength(2);
    });

    it('refuses a user that does not exist', async () => {
        const contactId = org.Contact[0].Id;
        await expect(getDoctorFacts({ userId: contactId })).rejects.toMatchObject({
            body: { message: formatLabel(USER_NOT_FOUND, contactId) },
        });
    });
});

describe('sample org user doctor fixes', () => {
    it('assigns the license, then the permission set, and the user is healthy on those checks', async () => {
        const bruno = userNamed('Bruno Vargas');
        const before = await examine(bruno.Id);
        const [userId, pslId] = (
            checkOf(before, 'CCPLUS_PERMISSION_SET_LICENSE').remedy as unknown as { values: string[] }
        ).values;
        const psl = await assignPermissionSetLicense({ userId, pslId });
        expect(psl.ok).toBe(true);
        expect(psl.setupUrl).toBe(userSetupUrl(bruno.Id));
        const middle = await examine(bruno.Id);
        const [, permissionSetId] = (checkOf(middle, 'CCPLUS_PERMISSION_SET').remedy as unknown as { values: string[] })
            .values;
        const set = await assignPermissionSet({ userId, permissionSetId });
        expect(set).toEqual(
            expect.objectContaining({
                ok: true,
                message: 'The permission set Contract Management CC Plus Digital Experience User is assigned.',
            }),
        );
        const after = await examine(bruno.Id);
        expect(checkOf(after, 'CCPLUS_PERMISSION_SET').status).toBe('pass');
        expect(logsOf('ASSIGN_PSL')).toEqual([
            expect.objectContaining({ Status__c: 'Completed', Target_User__c: bruno.Id }),
        ]);
        expect(logsOf('ASSIGN_PERMISSION_SET')).toHaveLength(1);
    });

    it('returns the platform refusal of a permission set before its license', async () => {
        const bruno = userNamed('Bruno Vargas');
        const facts = await getDoctorFacts({ userId: bruno.Id });
        const ccPlus = facts.org.permissionSets.find((ps) => ps.name.startsWith('ContractManagement'))!;
        const refused = await assignPermissionSet({ userId: bruno.Id, permissionSetId: ccPlus.id });
        expect(refused.ok).toBe(false);
        expect(refused.message).toContain('permission set license');
        expect(refused.setupUrl).toBe(userSetupUrl(bruno.Id));
        expect(logsOf('ASSIGN_PERMISSION_SET')).toEqual([expect.objectContaining({ Status__c: 'Failed' })]);
        const twice = await assignPermissionSetLicense({ userId: bruno.Id, pslId: 'nope' });
        expect(twice.ok).toBe(false);
    });

    it('reactivates an inactive user, taking a seat, and turns on Content User', async () => {
        const inactive = org.User.find((u) => u.ContactId && !u.IsActive) as User;
        const license = org.UserLicense.find(
            (l) => l.Id === org.Profile.find((p) => p.Id === inactive.ProfileId)?.UserLicenseId,
        )!;
        const used = license.UsedLicenses;
        const result = await activateUser({ userId: inactive.Id });
        expect(result).toEqual(expect.objectContaining({ ok: true, message: `${inactive.Name} is active again.` }));
        expect(inactive.IsActive).toBe(true);
        expect(license.UsedLicenses).toBe(used + 1);
        inactive.UserPermissionsSFContentUser = false;
        expect((await enableContentUser({ userId: inactive.Id })).ok).toBe(true);
        expect(inactive.UserPermissionsSFContentUser).toBe(true);
        expect(logsOf('ACTIVATE_USER')).toHaveLength(1);
        expect(logsOf('ENABLE_CONTENT_USER')).toHaveLength(1);
    });

    it('refuses a reactivation without a seat, and a user that does not exist', async () => {
        const inactive = org.User.find((u) => u.ContactId && !u.IsActive) as User;
        const license = org.UserLicense.find(
            (l) => l.Id === org.Profile.find((p) => p.Id === inactive.ProfileId)?.UserLicenseId,
        )!;
        license.UsedLicenses = license.TotalLicenses;
        const refused = await activateUser({ userId: inactive.Id });
        expect(refused.ok).toBe(false);
        expect(refused.message).toContain('License Limit Exceeded');
        expect(inactive.IsActive).toBe(false);
        const missing = org.Contact[0].Id;
        expect((await enableContentUser({ userId: missing })).ok).toBe(false);
        expect((await activateUser({ userId: missing })).ok).toBe(false);
        expect((await assignPermissionSet({ userId: missing, permissionSetId: 'x' })).ok).toBe(false);
        expect((await assignPermissionSetLicense({ userId: missing, pslId: 'x' })).ok).toBe(false);
    });
});
