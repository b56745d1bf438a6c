/**
 * The sample org is the preview's stand-in for Salesforce: it must implement the whole Apex
 * contract (types/apex) and hold data a real org could hold, with every hard case the
 * capabilities are built for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ACCESS_DENIED from '@salesforce/label/c.CCSA_Access_Denied';
import TARGET_INVALID from '@salesforce/label/c.CCSA_Upgrade_Target_Invalid';
import { formatLabel } from 'c/labelFormat';
import { generateSampleOrg, SAMPLE_ORG_SEED } from '../sample-org/data/generate';
import { caseSafeSuffix, KEY_PREFIX } from '../sample-org/data/random';
import { apexMethod, ApexException } from '../sample-org/apexMethod';
import { currentSession, resolveRunningUser } from '../sample-org/session';
import { hasCustomPermission } from '../sample-org/org';
import type { Id, SampleOrg, SObjectName } from '../sample-org/types';

const ROOT = join(__dirname, '..', '..');

/** `declare module '@salesforce/apex/<Class>.<method>'` in every types/apex/*.d.ts. */
function declaredApexMethods(): Array<{ className: string; method: string }> {
    const dir = join(ROOT, 'types', 'apex');
    return readdirSync(dir)
        .filter((file) => file.endsWith('.d.ts'))
        .flatMap((file) =>
            [
                ...readFileSync(join(dir, file), 'utf8').matchAll(/declare module '@salesforce\/apex\/(\w+)\.(\w+)'/g),
            ].map(([, className, method]) => ({ className, method })),
        );
}

const org = generateSampleOrg();
const tables = Object.keys(KEY_PREFIX).filter((name) => name !== 'Organization') as SObjectName[];
const rowsOf = (name: SObjectName): ReadonlyArray<{ Id: Id }> => org[name];
const idsOf = (name: SObjectName): Set<Id> => new Set(rowsOf(name).map((row) => row.Id));
const licenseKeyOfProfile = (profileId: Id): string | undefined => {
    const profile = org.Profile.find((p) => p.Id === profileId);
    return org.UserLicense.find((l) => l.Id === profile?.UserLicenseId)?.LicenseDefinitionKey;
};
const licenseName = (profileId: Id): string | undefined => {
    const profile = org.Profile.find((p) => p.Id === profileId);
    return org.UserLicense.find((l) => l.Id === profile?.UserLicenseId)?.Name;
};

describe('sample org Apex contract', () => {
    const methods = declaredApexMethods();

    it('finds the declared Apex methods', () => {
        expect(methods).toContainEqual({ className: 'SetupAssistantController', method: 'getAssistantContext' });
    });

    it.each(methods.map((m) => [`${m.className}.${m.method}`, m] as const))(
        'implements %s, callable and wireable',
        (_name, { className, method }) => {
            const sample = require(`../sample-org/apex/${className}`) as Record<string, unknown>;
            const implementation = sample[method] as ((...args: unknown[]) => unknown) & { adapter?: unknown };
            expect(typeof implementation).toBe('function');
            const Adapter = implementation.adapter as { prototype: Record<string, unknown> } | undefined;
            expect(Adapter).toBeDefined();
            for (const hook of ['connect', 'update', 'disconnect']) {
                expect(typeof Adapter?.prototype[hook]).toBe('function');
            }
        },
    );
});

describe('apexMethod', () => {
    const flushTimers = async (): Promise<void> => {
        await jest.runAllTimersAsync();
    };

    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('returns a promise of a fresh JSON copy', async () => {
        const source = { nested: { value: 1 } };
        const method = apexMethod<void, typeof source>(() => source);
        const result = (method as unknown as () => Promise<typeof source>)();
        await flushTimers();
        const data = await result;
        expect(data).toEqual(source);
        expect(data).not.toBe(source);
    });

    it('rejects with the Apex error shape', async () => {
        const method = apexMethod<void, never>(() => {
            throw new ApexException('Nope');
        });
        const result = (method as unknown as () => Promise<never>)();
        const settled = expect(result).rejects.toMatchObject({
            status: 500,
            body: { message: 'Nope', exceptionType: 'System.AuraHandledException' },
        });
        await flushTimers();
        await settled;
    });

    it('provisions a wire with frozen data, only when every parameter is defined', async () => {
        const impl = jest.fn((params: { recordId?: string }) => ({ id: params.recordId }));
        const method = apexMethod(impl) as unknown as new (cb: (value: unknown) => void) => {
            connect(): void;
            update(config: Record<string, unknown>): void;
            disconnect(): void;
        };
        const received: Array<{ data?: { id: string }; error?: unknown }> = [];
        const adapter = new method((value) => received.push(value as { data?: { id: string } }));
        adapter.connect();
        adapter.update({ recordId: undefined });
        await flushTimers();
        expect(impl).not.toHaveBeenCalled();
        adapter.update({ recordId: '001' });
        await flushTimers();
        expect(received).toEqual([{ data: { id: '001' }, error: undefined }]);
        expect(Object.isFrozen(received[0].data)).toBe(true);
        adapter.update({ recordId: '002' });
        adapter.disconnect();
        await flushTimers();
        expect(received).toHaveLength(1);
    });
});

describe('sample org generator', () => {
    it('is deterministic', () => {
        expect(generateSampleOrg()).toEqual(org);
        expect(org.seed).toBe(SAMPLE_ORG_SEED);
        expect(generateSampleOrg(7)).not.toEqual(org);
    });

    it('has about 300 contacts on about 60 accounts', () => {
        expect(org.Contact).toHaveLength(300);
        expect(org.Account).toHaveLength(60);
    });

    it('gives every record a unique, case-safe 18-character Id with its object key prefix', () => {
        const seen = new Set<Id>();
        const check = (name: keyof typeof KEY_PREFIX, id: Id): void => {
            expect(id).toMatch(/^[0-9A-Za-z]{18}$/);
            expect(id.slice(0, 3)).toBe(KEY_PREFIX[name]);
            expect(id.slice(15)).toBe(caseSafeSuffix(id.slice(0, 15)));
            expect(seen.has(id)).toBe(false);
            seen.add(id);
        };
        check('Organization', org.Organization.Id);
        for (const name of tables) {
            for (const row of rowsOf(name)) {
                check(name, row.Id);
            }
        }
    });

    it('resolves every reference', () => {
        const users = idsOf('User');
        const expectIn = (ids: Set<Id>, id: Id | null, what: string): void => {
            if (id !== null && !ids.has(id)) {
                throw new Error(`${what} ${id} does not resolve`);
            }
        };
        for (const profile of org.Profile)
            expectIn(idsOf('UserLicense'), profile.UserLicenseId, 'Profile.UserLicenseId');
        for (const role of org.UserRole) {
            expectIn(idsOf('UserRole'), role.ParentRoleId, 'UserRole.ParentRoleId');
            expectIn(idsOf('Account'), role.PortalAccountId, 'UserRole.PortalAccountId');
        }
        for (const user of org.User) {
            expectIn(idsOf('Profile'), user.ProfileId, 'User.ProfileId');
            expectIn(idsOf('UserRole'), user.UserRoleId, 'User.UserRoleId');
            expectIn(idsOf('Contact'), user.ContactId, 'User.ContactId');
            expectIn(idsOf('Account'), user.AccountId, 'User.AccountId');
        }
        for (const account of org.Account) expectIn(users, account.OwnerId, 'Account.OwnerId');
        for (const contact of org.Contact) {
            expectIn(idsOf('Account'), contact.AccountId, 'Contact.AccountId');
            expectIn(users, contact.OwnerId, 'Contact.OwnerId');
        }
        const licenses = new Set([...idsOf('UserLicense'), ...idsOf('PermissionSetLicense')]);
        for (const ps of org.PermissionSet) {
            expectIn(licenses, ps.LicenseId, 'PermissionSet.LicenseId');
            expectIn(idsOf('Profile'), ps.ProfileId, 'PermissionSet.ProfileId');
        }
        for (const psa of org.PermissionSetAssignment) {
            expectIn(users, psa.AssigneeId, 'PermissionSetAssignment.AssigneeId');
            expectIn(idsOf('PermissionSet'), psa.PermissionSetId, 'PermissionSetAssignment.PermissionSetId');
        }
        for (const psla of org.PermissionSetLicenseAssign) {
            expectIn(users, psla.AssigneeId, 'PermissionSetLicenseAssign.AssigneeId');
            expectIn(idsOf('PermissionSetLicense'), psla.PermissionSetLicenseId, 'PermissionSetLicenseAssign.PSL');
        }
        for (const sea of org.SetupEntityAccess) {
            expectIn(idsOf('PermissionSet'), sea.ParentId, 'SetupEntityAccess.ParentId');
            expectIn(idsOf('CustomPermission'), sea.SetupEntityId, 'SetupEntityAccess.SetupEntityId');
        }
        for (const op of org.ObjectPermissions) expectIn(idsOf('PermissionSet'), op.ParentId, 'ObjectPermissions');
        const members = new Set([...idsOf('Profile'), ...idsOf('PermissionSet')]);
        for (const nmg of org.NetworkMemberGroup) {
            expectIn(idsOf('Network'), nmg.NetworkId, 'NetworkMemberGroup.NetworkId');
            expectIn(members, nmg.ParentId, 'NetworkMemberGroup.ParentId');
        }
        expectIn(users, org.defaultRunningUserId, 'defaultRunningUserId');
    });

    it('keeps usernames and nicknames unique, and external users consistent with their contact', () => {
        expect(new Set(org.User.map((u) => u.Username)).size).toBe(org.User.length);
        expect(new Set(org.User.map((u) => u.CommunityNickname)).size).toBe(org.User.length);
        for (const user of org.User.filter((u) => u.ContactId !== null)) {
            const contact = org.Contact.find((c) => c.Id === user.ContactId);
            expect(contact?.AccountId).toBe(user.AccountId);
            expect(contact?.Email).toBe(user.Email);
            expect(user.UserType).not.toBe('Standard');
        }
        const contactsWithUsers = org.User.map((u) => u.ContactId).filter((id) => id !== null);
        expect(new Set(contactsWithUsers).size).toBe(contactsWithUsers.length);
    });

    it('obeys the role rules of role-based licenses (seed 003)', () => {
        for (const user of org.User.filter(
            (u) => u.UserType === 'PowerCustomerSuccess' || u.UserType === 'PowerPartner',
        )) {
            const role = org.UserRole.find((r) => r.Id === user.UserRoleId);
            expect(role?.PortalAccountId).toBe(user.AccountId);
            expect(role?.PortalType).toBe(user.UserType === 'PowerPartner' ? 'Partner' : 'CustomerPortal');
            const account = org.Account.find((a) => a.Id === user.AccountId);
            const owner = org.User.find((u) => u.Id === account?.OwnerId);
            expect(owner?.UserRoleId).not.toBeNull();
            if (user.UserType === 'PowerPartner') {
                expect(account?.IsPartner).toBe(true);
            }
        }
        for (const user of org.User.filter((u) => u.UserType === 'CspLitePortal')) {
            expect(user.UserRoleId).toBeNull();
        }
    });

    it('counts seats from the records and never over-assigns', () => {
        for (const license of org.UserLicense) {
            const used = org.User.filter(
                (u) => u.IsActive && org.Profile.find((p) => p.Id === u.ProfileId)?.UserLicenseId === license.Id,
            ).length;
            expect(license.UsedLicenses).toBe(used);
            expect(license.UsedLicenses).toBeLessThanOrEqual(license.TotalLicenses);
        }
        for (const psl of org.PermissionSetLicense) {
            const used = org.PermissionSetLicenseAssign.filter((a) => a.PermissionSetLicenseId === psl.Id).length;
            expect(psl.UsedLicenses).toBe(used);
            expect(psl.UsedLicenses).toBeLessThanOrEqual(psl.TotalLicenses);
        }
    });

    it('assigns a permission set only with the license it requires', () => {
        const pslIds = idsOf('PermissionSetLicense');
        for (const psa of org.PermissionSetAssignment) {
            const ps = org.PermissionSet.find((p) => p.Id === psa.PermissionSetId);
            expect(ps?.IsOwnedByProfile).toBe(false);
            if (ps?.LicenseId && pslIds.has(ps.LicenseId)) {
                expect(org.PermissionSetLicenseAssign).toContainEqual(
                    expect.objectContaining({ AssigneeId: psa.AssigneeId, PermissionSetLicenseId: ps.LicenseId }),
                );
            } else if (ps?.LicenseId) {
                const user = org.User.find((u) => u.Id === psa.AssigneeId);
                expect(org.Profile.find((p) => p.Id === user?.ProfileId)?.UserLicenseId).toBe(ps.LicenseId);
            }
        }
    });

    it('has every license of the brief, with the documented LicenseDefinitionKey values', () => {
        const keys = Object.fromEntries(org.UserLicense.map((l) => [l.Name, l.LicenseDefinitionKey]));
        expect(keys).toMatchObject({
            Salesforce: 'SFDC',
            'Customer Community': 'PID_Customer_Community',
            'Customer Community Login': 'PID_Customer_Community_Login',
            'Customer Community Plus': 'PID_Customer_Community_Plus',
            'Customer Community Plus Login': 'PID_Customer_Community_Plus_Login',
            'Partner Community': 'PID_Partner_Community',
            'Partner Community Login': 'PID_Partner_Community_Login',
            'Gold Partner': 'PID_STRATEGIC_PRM',
            'Customer Portal Manager Custom': 'PID_Customer_Portal_Standard',
        });
        expect(Object.keys(keys)).toEqual(
            expect.arrayContaining(['External Identity', 'Overage High Volume Customer Portal']),
        );
        // At least one profile of each license, and at least one user of each external license.
        for (const license of org.UserLicense) {
            const profiles = org.Profile.filter((p) => p.UserLicenseId === license.Id);
            expect(profiles.length).toBeGreaterThan(0);
            expect(org.User.some((u) => profiles.some((p) => p.Id === u.ProfileId))).toBe(true);
        }
    });

    it('holds the variety the capabilities need', () => {
        const user = (predicate: (u: SampleOrg['User'][number]) => boolean): boolean => org.User.some(predicate);
        const profileNamed = (name: string) => org.Profile.find((p) => p.Name === name);
        // Readiness: the Contracts clone with API Enabled, a Plus Login profile without it.
        expect(profileNamed('Customer Community Plus User - Contracts')?.PermissionsApiEnabled).toBe(true);
        expect(profileNamed('Customer Community Plus Login User')?.PermissionsApiEnabled).toBe(false);
        expect(profileNamed('Customer Community Plus User')?.PermissionsApiEnabled).toBe(false);
        expect(profileNamed('System Administrator')?.PermissionsModifyAllData).toBe(true);
        expect(org.CommunitiesSettings.enableNetworksEnabled).toBe(true);
        // Account owners with and without a role.
        const ownerHasRole = org.Account.map((a) => org.User.find((u) => u.Id === a.OwnerId)?.UserRoleId !== null);
        expect(ownerHasRole).toContain(true);
        expect(ownerHasRole).toContain(false);
        // Admins with and without a role, and one without the assistant's permission set.
        const admins = org.User.filter((u) => u.IsActive && licenseKeyOfProfile(u.ProfileId) === 'SFDC');
        expect(
            admins.some((u) => hasCustomPermission(org, u.Id, 'Manage_Contracts_Community_Users') && u.UserRoleId),
        ).toBe(true);
        expect(
            admins.some((u) => hasCustomPermission(org, u.Id, 'Manage_Contracts_Community_Users') && !u.UserRoleId),
        ).toBe(true);
        expect(admins.some((u) => !hasCustomPermission(org, u.Id, 'Manage_Contracts_Community_Users'))).toBe(true);
        // Inactive users, internal and external.
        expect(user((u) => !u.IsActive && u.UserType === 'Standard')).toBe(true);
        expect(user((u) => !u.IsActive && u.UserType !== 'Standard')).toBe(true);
        // Contacts: without email, with a malformed email, without account.
        const valid = /^[^\s@,]+@[^\s@,]+\.[^\s@,.]+$/;
        expect(org.Contact.filter((c) => c.Email === null).length).toBeGreaterThanOrEqual(3);
        expect(org.Contact.filter((c) => c.Email !== null && !valid.test(c.Email)).length).toBeGreaterThanOrEqual(3);
        expect(org.Contact.filter((c) => c.Email !== null && /\.\./.test(c.Email)).length).toBeGreaterThanOrEqual(1);
        expect(org.Contact.filter((c) => c.AccountId === null).length).toBeGreaterThanOrEqual(3);
        // Sites: a Live one and one in Preview; "Show All Settings" on and off; a profile no site has.
        expect(org.Network.some((n) => n.Status === 'Live')).toBe(true);
        expect(org.Network.some((n) => n.Status === 'UnderConstruction')).toBe(true);
        expect(org.Network.map((n) => n.OptionsShowAllNetworkSettings)).toEqual(expect.arrayContaining([true, false]));
        const memberIds = new Set(org.NetworkMemberGroup.map((m) => m.ParentId));
        expect(org.Profile.some((p) => p.UserType !== 'Standard' && !memberIds.has(p.Id))).toBe(true);
        expect(org.NetworkMemberGroup.some((m) => m.ParentId.startsWith('0PS'))).toBe(true);
        // The two Contracts permission sets, each with a permission set license, and users missing one.
        const docGen = org.PermissionSet.find((p) => p.Label === 'DocGen Run-time Community User');
        const experience = org.PermissionSet.find(
            (p) => p.Label === 'Contract Management CC Plus Digital Experience User',
        );
        expect(docGen?.LicenseId?.startsWith('0PL')).toBe(true);
        expect(experience?.LicenseId?.startsWith('0PL')).toBe(true);
        const holders = (ps: typeof docGen) =>
            new Set(org.PermissionSetAssignment.filter((a) => a.PermissionSetId === ps?.Id).map((a) => a.AssigneeId));
        const plusUsers = org.User.filter((u) => licenseName(u.ProfileId) === 'Customer Community Plus');
        expect(plusUsers.some((u) => holders(docGen).has(u.Id) && holders(experience).has(u.Id))).toBe(true);
        expect(plusUsers.some((u) => holders(docGen).has(u.Id) && !holders(experience).has(u.Id))).toBe(true);
        expect(plusUsers.some((u) => !u.UserPermissionsSFContentUser)).toBe(true);
        for (const label of ['Contracts Community Setup Admin', 'CLM Runtime User']) {
            expect(org.PermissionSet.some((p) => p.Label === label)).toBe(true);
        }
        // A license upgrade would remove View All / Modify All (seed 003).
        const externalLicenses = new Set(
            org.UserLicense.filter((l) => l.LicenseDefinitionKey !== 'SFDC').map((l) => l.Id),
        );
        const externalGrants = org.ObjectPermissions.filter((o) => {
            const parent = org.PermissionSet.find((p) => p.Id === o.ParentId);
            return parent?.LicenseId !== null && externalLicenses.has(parent?.LicenseId as Id);
        });
        expect(externalGrants.some((o) => o.PermissionsViewAllRecords)).toBe(true);
        expect(externalGrants.some((o) => o.PermissionsModifyAllRecords)).toBe(true);
        expect(org.Account.some((a) => a.IsPartner)).toBe(true);
    });
});

describe('sample org session and guard', () => {
    it('runs as the default admin, or as the user named by ?as=', () => {
        expect(currentSession('').user.Id).toBe(org.defaultRunningUserId);
        expect(currentSession('?as=rnoble').user.Name).toBe('Riley Noble');
        const jordan = org.User.find((u) => u.Alias === 'jprice');
        expect(currentSession(`?as=${jordan?.Id}`).user.Alias).toBe('jprice');
        expect(() => resolveRunningUser(org, 'nobody')).toThrow(/no user matches/);
        expect(() => resolveRunningUser(org, 'dhollis')).toThrow(/inactive/);
    });

    it('answers getAssistantContext like the Apex controller', async () => {
        const { getAssistantContext } = require('../sample-org/apex/SetupAssistantController');
        const context = await getAssistantContext();
        expect(context).toEqual({
            userId: org.defaultRunningUserId,
            userName: 'Avery Admin',
            organizationId: org.Organization.Id,
            organizationName: 'Northwind Contracts',
            hasRole: true,
            roleName: 'CEO',
            capabilities: expect.arrayContaining([expect.objectContaining({ name: 'READINESS', available: true })]),
        });
    });

    it('denies users without the admin permission set with the guard message', async () => {
        const { getAssistantContext } = require('../sample-org/apex/SetupAssistantController');
        // The preview reads the running user from the page URL, as a browser would.
        window.history.pushState({}, '', '/?as=jprice&latency=0');
        try {
            await expect(getAssistantContext()).rejects.toEqual(
                expect.objectContaining({
                    status: 500,
                    body: expect.objectContaining({
                        message: formatLabel(
                            ACCESS_DENIED,
                            'Contracts Community Setup Admin',
                            'Manage_Contracts_Community_Users',
                        ),
                    }),
                }),
            );
        } finally {
            window.history.pushState({}, '', '/');
        }
    });
});

describe('sample LicenseUpgradeController reads', () => {
    const controller = require('../sample-org/apex/LicenseUpgradeController');

    beforeEach(() => window.history.pushState({}, '', '/?latency=0'));
    afterEach(() => window.history.pushState({}, '', '/'));

    it('offers the profiles of the six target licenses with their seats', async () => {
        const targets: Apex.LicenseUpgradeService.TargetOption[] = await controller.getUpgradeTargets();
        expect(new Set(targets.map((t) => t.licenseName))).toEqual(
            new Set([
                'Customer Community',
                'Customer Community Login',
                'Customer Community Plus',
                'Customer Community Plus Login',
                'Partner Community',
                'Partner Community Login',
            ]),
        );
        const contracts = targets.find((t) => t.profileName === 'Customer Community Plus User - Contracts');
        expect(contracts).toMatchObject({ apiEnabled: true, seatsAvailable: 1 });
    });

    it('reads the facts of users for a target profile', async () => {
        const target = org.Profile.find((p) => p.Name === 'Customer Community Plus User - Contracts') as { Id: Id };
        const ccUsers = org.User.filter((u) => licenseName(u.ProfileId) === 'Customer Community');
        const facts: Apex.LicenseUpgradeService.UpgradeFacts = await controller.getUpgradeFacts({
            userIds: ccUsers.map((u) => u.Id),
            targetProfileId: target.Id,
        });
        expect(facts.users).toHaveLength(ccUsers.length);
        expect(facts.target.siteIds.length).toBeGreaterThan(0);
        expect(facts.users.some((u) => u.permissionSets.some((ps) => ps.label === 'Portal Case Access'))).toBe(true);
        expect(facts.users.every((u) => u.userType === 'CspLitePortal' && u.accountId)).toBe(true);
    });

    it('refuses a target outside the six licenses', async () => {
        const admin = org.Profile.find((p) => p.Name === 'System Administrator') as { Id: Id };
        await expect(
            controller.getUpgradeFacts({ userIds: [org.defaultRunningUserId], targetProfileId: admin.Id }),
        ).rejects.toMatchObject({ status: 500, body: { message: TARGET_INVALID } });
    });
});
