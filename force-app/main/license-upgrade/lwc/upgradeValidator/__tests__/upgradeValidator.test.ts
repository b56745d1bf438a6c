import { validateUpgrade, PERSON_ACCOUNT_LIMIT } from 'c/upgradeValidator';
import type { Item, ItemCode, UpgradeTarget, UserFact, UserVerdict } from 'c/upgradeValidator';

const CCP_TARGET: UpgradeTarget = {
    profileId: '00e000000000010AAA',
    profileName: 'Customer Community Plus User - Contracts',
    licenseName: 'Customer Community Plus',
    seatsAvailable: 100,
    siteIds: ['0DB000000000001AAA'],
    siteNames: { '0DB000000000001AAA': 'Contracts Portal', '0DB000000000002AAA': 'Support Site' },
};

const PARTNER_TARGET: UpgradeTarget = {
    ...CCP_TARGET,
    profileId: '00e000000000020AAA',
    profileName: 'Partner Community User',
    licenseName: 'PID_Partner_Community',
};

function customerCommunityUser(overrides: Partial<UserFact> = {}): UserFact {
    return {
        id: '005000000000001AAA',
        name: 'Casey Customer',
        isActive: true,
        userType: 'CspLitePortal',
        licenseName: 'Customer Community',
        profileId: '00e000000000001AAA',
        profileName: 'Customer Community User',
        roleId: null,
        contactId: '003000000000001AAA',
        accountId: '001000000000001AAA',
        accountName: 'Acme',
        accountIsPartner: false,
        accountRoleNames: [],
        ownedPersonAccounts: 0,
        permissionSets: [],
        permissionSetLicenses: [],
        profileSiteIds: ['0DB000000000001AAA'],
        ...overrides,
    };
}

const codes = (items: readonly Item[]): ItemCode[] => items.map((item) => item.code);
const find = (items: readonly Item[], code: ItemCode): Item | undefined => items.find((item) => item.code === code);
const only = (users: UserFact[], target = CCP_TARGET): UserVerdict => validateUpgrade(users, target).users[0];

describe('validateUpgrade', () => {
    it('lets a plain Customer Community user change profile, with the irreversible role acknowledgement', () => {
        const verdict = only([customerCommunityUser()]);
        expect(verdict.path).toBe('change-profile');
        expect(verdict.blockers).toEqual([]);
        expect(verdict.canChange).toBe(true);
        expect(verdict.requiresAcknowledgement).toBe(true);
        expect(codes(verdict.warnings)).toEqual(['ROLE_IRREVERSIBLE', 'SHARING_SETS_REMOVED']);
        expect(find(verdict.warnings, 'SHARING_SETS_REMOVED')?.values).toEqual(['Customer Community User']);
        expect(find(verdict.actions, 'CHANGE_PROFILE')?.values).toEqual([
            'Customer Community User',
            'Customer Community Plus User - Contracts',
        ]);
        expect(find(verdict.actions, 'ROLE_CREATE')?.values).toEqual(['Acme Customer User']);
        expect(codes(verdict.notes)).toEqual(
            expect.arrayContaining([
                'ACCOUNT_ROLE_OPTIMIZATION',
                'PUBLIC_GROUP_ADDED',
                'SCALE_CUSTOMER_COMMUNITY_PLUS',
                'SELF_REGISTRATION_SLOWER',
            ]),
        );
        expect(find(verdict.notes, 'PUBLIC_GROUP_ADDED')?.values).toEqual(['All Customer Portal Users']);
    });

    it('uses the lowest existing account role when the account has roles, and keeps a role the user has', () => {
        const withAccountRoles = only([
            customerCommunityUser({ accountRoleNames: ['Acme Customer Executive', 'Acme Customer User'] }),
        ]);
        expect(find(withAccountRoles.actions, 'ROLE_ASSIGN_LOWEST')?.values).toEqual(['Acme Customer User']);
        expect(find(withAccountRoles.actions, 'ROLE_CREATE')).toBeUndefined();

        const plusLogin = only([
            customerCommunityUser({
                licenseName: 'Customer Community Plus Login',
                roleId: '00E000000000001AAA',
                roleName: 'Acme Customer User',
            }),
        ]);
        expect(plusLogin.requiresAcknowledgement).toBe(false);
        expect(codes(plusLogin.warnings)).not.toContain('ROLE_IRREVERSIBLE');
        expect(codes(plusLogin.warnings)).not.toContain('SHARING_SETS_REMOVED');
        expect(find(plusLogin.notes, 'ROLE_KEPT')?.values).toEqual(['Acme Customer User']);
        expect(codes(plusLogin.notes)).not.toContain('SCALE_CUSTOMER_COMMUNITY_PLUS');
    });

    it('lists permission sets and PSLs the upgrade removes, and which come back', () => {
        const verdict = only([
            customerCommunityUser({
                permissionSets: [
                    { id: '0PS1', label: 'Contract Viewer' },
                    { id: '0PS2', label: 'Community Only Access', licenseName: 'Customer Community' },
                    { id: '0PS3', label: 'Plus Extras', licenseName: 'PID_Customer_Community_Plus' },
                    { id: '0PS4', label: 'DocGen Run-time Community User', permissionSetLicenseId: '0PL1' },
                ],
                permissionSetLicenses: [
                    { id: '0PL1', label: 'DocGen Runtime' },
                    { id: '0PL2', label: 'Old Portal Add-on' },
                ],
            }),
        ]);
        expect(
            verdict.actions.filter((item) => item.code === 'PERMISSION_SET_RESTORED').map((item) => item.values),
        ).toEqual([['Contract Viewer'], ['Plus Extras'], ['DocGen Run-time Community User']]);
        expect(find(verdict.warnings, 'PERMISSION_SET_LOST')?.values).toEqual([
            'Community Only Access',
            'Customer Community',
        ]);
        expect(
            verdict.actions.filter((item) => item.code === 'PERMISSION_SET_LICENSE_RESTORE').map((item) => item.values),
        ).toEqual([['DocGen Runtime'], ['Old Portal Add-on']]);
        expect(verdict.canChange).toBe(true);
    });

    it('warns of Modify All and View All the new license cannot keep', () => {
        const verdict = only([
            customerCommunityUser({
                profileViewAllData: true,
                permissionSets: [{ id: '0PS9', label: 'Power Reader', modifyAllData: true, viewAllData: true }],
            }),
        ]);
        expect(find(verdict.warnings, 'MODIFY_ALL_LOST')?.values).toEqual(['Power Reader']);
        expect(find(verdict.warnings, 'VIEW_ALL_LOST')?.values).toEqual(['Customer Community User, Power Reader']);
    });

    it('names the sites the user reaches today that the target profile does not', () => {
        const verdict = only([
            customerCommunityUser({
                profileSiteIds: ['0DB000000000001AAA', '0DB000000000002AAA'],
                permissionSets: [
                    {
                        id: '0PS4',
                        label: 'Lost Site Access',
                        licenseName: 'Customer Community',
                        siteIds: ['0DB000000000003AAA'],
                    },
                    { id: '0PS5', label: 'Kept Site Access', siteIds: ['0DB000000000004AAA'] },
                ],
            }),
        ]);
        // Site 1 is granted by the target profile, site 4 by a permission set that is restored.
        expect(find(verdict.warnings, 'SITE_ACCESS_LOST')?.values).toEqual(['Support Site, 0DB000000000003AAA']);

        const noLoss = only([customerCommunityUser()]);
        expect(find(noLoss.warnings, 'SITE_ACCESS_LOST')).toBeUndefined();
    });

    it('blocks inactive users, internal users, and users over the person account limit', () => {
        const inactive = only([customerCommunityUser({ isActive: false })]);
        expect(codes(inactive.blockers)).toEqual(['INACTIVE_USER']);
        expect(inactive.canChange).toBe(false);

        const internal = only([customerCommunityUser({ userType: 'Standard', licenseName: 'Salesforce' })]);
        expect(internal.path).toBe('migrate');
        expect(codes(internal.blockers)).toEqual(['INTERNAL_USER']);
        expect(internal.actions).toEqual([]);

        const owner = only([customerCommunityUser({ ownedPersonAccounts: PERSON_ACCOUNT_LIMIT + 1 })]);
        expect(find(owner.blockers, 'PERSON_ACCOUNTS_OVER_LIMIT')?.values).toEqual(['50001', '50000']);
        expect(owner.canChange).toBe(false);
        expect(only([customerCommunityUser({ ownedPersonAccounts: PERSON_ACCOUNT_LIMIT })]).canChange).toBe(true);
    });

    it('blocks paths that are not a profile change, naming the path', () => {
        const partnerPortal = only([customerCommunityUser({ licenseName: 'Gold Partner', userType: 'PowerPartner' })]);
        expect(partnerPortal.path).toBe('reenable-as-customer');
        expect(find(partnerPortal.blockers, 'PATH_REENABLE_AS_CUSTOMER')?.values).toEqual([
            'Gold Partner',
            'Customer Community Plus',
        ]);
        expect(partnerPortal.actions).toEqual([]);

        const plusToPartner = only(
            [customerCommunityUser({ licenseName: 'Customer Community Plus', accountIsPartner: true })],
            PARTNER_TARGET,
        );
        expect(codes(plusToPartner.blockers)).toEqual(['PATH_REENABLE_AS_PARTNER']);

        const unknown = only([customerCommunityUser({ licenseName: 'Chatter External' })]);
        expect(codes(unknown.blockers)).toEqual(['PATH_MIGRATE']);

        const same = only([customerCommunityUser({ licenseName: 'Customer Community Plus' })]);
        expect(same.path).toBe('none');
        expect(codes(same.blockers)).toEqual(['ALREADY_ON_TARGET']);
    });

    it('requires a partner account for Partner Community targets', () => {
        const notPartner = only([customerCommunityUser()], PARTNER_TARGET);
        expect(find(notPartner.blockers, 'PARTNER_ACCOUNT_NOT_ENABLED')?.values).toEqual(['Acme']);
        expect(notPartner.canChange).toBe(false);

        const partner = only([customerCommunityUser({ accountIsPartner: true })], PARTNER_TARGET);
        expect(partner.canChange).toBe(true);
        expect(find(partner.actions, 'ROLE_CREATE')?.values).toEqual(['Acme Partner User']);
        expect(find(partner.notes, 'PUBLIC_GROUP_ADDED')?.values).toEqual(['All Partner Users']);
    });

    it('counts seats for the whole selection, not per user', () => {
        const users = [1, 2, 3].map((n) => customerCommunityUser({ id: `00500000000000${n}AAA` }));
        const blockedUser = customerCommunityUser({ id: '005000000000009AAA', isActive: false });
        const enough = validateUpgrade([...users, blockedUser], { ...CCP_TARGET, seatsAvailable: 3 });
        expect(enough.seatsNeeded).toBe(3);
        expect(enough.selectionBlockers).toEqual([]);
        expect(enough.users.map((verdict) => verdict.canChange)).toEqual([true, true, true, false]);

        const short = validateUpgrade([...users, blockedUser], { ...CCP_TARGET, seatsAvailable: 2 });
        expect(short.selectionBlockers).toEqual([
            { code: 'NOT_ENOUGH_SEATS', values: ['Customer Community Plus', '3', '2'] },
        ]);
        expect(short.users.every((verdict) => !verdict.canChange)).toBe(true);

        const none = validateUpgrade(users, { ...CCP_TARGET, seatsAvailable: -5 });
        expect(none.selectionBlockers[0].values).toEqual(['Customer Community Plus', '3', '0']);
    });

    it('refuses a target profile whose license is not an upgrade target', () => {
        expect(() => validateUpgrade([customerCommunityUser()], { ...CCP_TARGET, licenseName: 'Salesforce' })).toThrow(
            /Allowed targets/,
        );
    });

    it('returns one verdict per user in the order given, and nothing for an empty selection', () => {
        const users = ['A', 'B', 'C'].map((letter) => customerCommunityUser({ id: letter }));
        expect(validateUpgrade(users, CCP_TARGET).users.map((verdict) => verdict.userId)).toEqual(['A', 'B', 'C']);
        const empty = validateUpgrade([], CCP_TARGET);
        expect(empty.users).toEqual([]);
        expect(empty.seatsNeeded).toBe(0);
    });
});
