import { validateUpgrade, PERSON_ACCOUNT_LIMIT } from 'c/upgradeValidator';
import type { Item, ItemCode, RoleFact, UpgradeTarget, UserFact, UserVerdict } from 'c/upgradeValidator';

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
        permissionSets: [],
        permissionSetLicenses: [],
        profileSiteIds: ['0DB000000000001AAA'],
        ...overrides,
    };
}

const ACME_ROLES: RoleFact[] = [
    {
        id: '00E000000000011AAA',
        name: 'Customer Acme Executive',
        portalType: 'CustomerPortal',
        portalRole: 'Executive',
    },
    { id: '00E000000000012AAA', name: 'Customer Acme User', portalType: 'CustomerPortal', portalRole: 'Worker' },
    { id: '00E000000000021AAA', name: 'Partner Acme Executive', portalType: 'Partner', portalRole: 'Executive' },
    { id: '00E000000000022AAA', name: 'Partner Acme User', portalType: 'Partner', portalRole: 'Worker' },
];

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
        // "Partner <Account Name> User or Customer <Account Name> User" (seed 003).
        expect(find(verdict.actions, 'ROLE_CREATE')?.values).toEqual(['Customer Acme User']);
        expect(codes(verdict.notes)).toEqual(
            expect.arrayContaining([
                'ACCOUNT_ROLE_OPTIMIZATION',
                'PUBLIC_GROUP_ADDED',
                'SCALE_TARGET',
                'SELF_REGISTRATION_SLOWER',
            ]),
        );
        expect(find(verdict.notes, 'SCALE_TARGET')?.values).toEqual(['Customer Community Plus', '10 million']);
        expect(find(verdict.notes, 'PUBLIC_GROUP_ADDED')?.values).toEqual(['All Customer Portal Users']);
    });

    it('uses the lowest existing account role when the account has roles, and keeps a role the user has', () => {
        const withAccountRoles = only([customerCommunityUser({ accountRoles: ACME_ROLES })]);
        expect(find(withAccountRoles.actions, 'ROLE_ASSIGN_LOWEST')?.values).toEqual(['Customer Acme User']);
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
        expect(find(plusLogin.notes, 'ROLE_KEPT')?.values).toEqual(['Acme Customer User']);
        expect(codes(plusLogin.notes)).not.toContain('SCALE_TARGET');
        expect(plusLogin.roleOptions).toEqual([]);
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

    it('blocks inactive users and internal users', () => {
        const inactive = only([customerCommunityUser({ isActive: false })]);
        expect(codes(inactive.blockers)).toEqual(['INACTIVE_USER']);
        expect(inactive.canChange).toBe(false);

        const internal = only([customerCommunityUser({ userType: 'Standard', licenseName: 'Salesforce' })]);
        expect(internal.path).toBe('migrate');
        expect(codes(internal.blockers)).toEqual(['INTERNAL_USER']);
        expect(internal.actions).toEqual([]);
    });

    describe("the person-account limit of the owner of the user's person account (seed 003)", () => {
        const ownedBy = (count: number, overrides: Partial<UserFact> = {}): UserFact =>
            customerCommunityUser({
                accountOwnerId: '005000000000099AAA',
                accountOwnerName: 'Owen Owner',
                accountOwnerPersonAccounts: count,
                accountOwnerIsPowerUser: count > PERSON_ACCOUNT_LIMIT ? false : null,
                ...overrides,
            });

        it("blocks a user whose person account's owner owns more than 50,000, naming the owner", () => {
            const over = only([ownedBy(PERSON_ACCOUNT_LIMIT + 1)]);
            expect(find(over.blockers, 'PERSON_ACCOUNTS_OVER_LIMIT')?.values).toEqual(['Owen Owner', '50001', '50000']);
            expect(over.canChange).toBe(false);
            const partner = only([ownedBy(60000, { accountIsPartner: true })], PARTNER_TARGET);
            expect(codes(partner.blockers)).toContain('PERSON_ACCOUNTS_OVER_LIMIT');
        });

        it("lets an owner of exactly 50,000 through: the user's account is already among them", () => {
            expect(only([ownedBy(PERSON_ACCOUNT_LIMIT)]).canChange).toBe(true);
        });

        it('does not block on the same count held by the external user, nor on a business account', () => {
            // The old fact (person accounts the external user owns) is no longer read.
            const userOwnsThem = { ...customerCommunityUser(), ownedPersonAccounts: 60000 } as UserFact;
            expect(find(only([userOwnsThem]).blockers, 'PERSON_ACCOUNTS_OVER_LIMIT')).toBeUndefined();
            // No owner fact: the account is not a person account.
            expect(only([customerCommunityUser()]).canChange).toBe(true);
        });

        it('lets a Person Account Owner Power User own more', () => {
            const power = only([ownedBy(PERSON_ACCOUNT_LIMIT + 1, { accountOwnerIsPowerUser: true })]);
            expect(find(power.blockers, 'PERSON_ACCOUNTS_OVER_LIMIT')).toBeUndefined();
            expect(power.canChange).toBe(true);
        });

        it('names the owner by id when its name cannot be read', () => {
            const unnamed = only([ownedBy(PERSON_ACCOUNT_LIMIT + 1, { accountOwnerName: null })]);
            expect(find(unnamed.blockers, 'PERSON_ACCOUNTS_OVER_LIMIT')?.values?.[0]).toBe('005000000000099AAA');
        });

        it('does not hold a target without roles to the limit', () => {
            const community = only([ownedBy(PERSON_ACCOUNT_LIMIT + 1, { licenseName: 'Customer Community Login' })], {
                ...CCP_TARGET,
                licenseName: 'Customer Community',
            });
            expect(find(community.blockers, 'PERSON_ACCOUNTS_OVER_LIMIT')).toBeUndefined();
        });
    });

    it('blocks paths that are not a profile change, naming the path', () => {
        const partnerPortal = only([customerCommunityUser({ licenseName: 'Gold Partner', userType: 'PowerPartner' })]);
        expect(find(partnerPortal.warnings, 'LOSS_OF_FUNCTIONALITY')?.values).toEqual([
            'Gold Partner',
            'Customer Community Plus',
        ]);
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

        const unknown = only([customerCommunityUser({ licenseName: 'Chatter External', userType: 'CspChatter' })]);
        expect(codes(unknown.blockers)).toEqual(['PATH_MIGRATE']);
        expect(codes(unknown.warnings)).not.toContain('LOSS_OF_FUNCTIONALITY');

        const same = only([customerCommunityUser({ licenseName: 'Customer Community Plus' })]);
        expect(same.path).toBe('none');
        expect(codes(same.blockers)).toEqual(['ALREADY_ON_TARGET']);
    });

    it("blocks a role-based target while the owner of the user's account has no role, and says whom to give one", () => {
        const blocked = only([customerCommunityUser({ accountOwnerHasRole: false, accountOwnerName: 'Riley Noble' })]);
        expect(blocked.canChange).toBe(false);
        expect(find(blocked.blockers, 'ACCOUNT_OWNER_WITHOUT_ROLE')?.values).toEqual(['Riley Noble', 'Acme']);
        // Neither name readable: the ids, never a message with a blank.
        const unnamed = only([
            customerCommunityUser({
                accountOwnerHasRole: false,
                accountOwnerName: null,
                accountOwnerId: '005000000000009AAA',
                accountName: null,
            }),
        ]);
        expect(find(unnamed.blockers, 'ACCOUNT_OWNER_WITHOUT_ROLE')?.values).toEqual([
            '005000000000009AAA',
            '001000000000001AAA',
        ]);
        expect(codes(only([customerCommunityUser({ accountOwnerHasRole: false })], PARTNER_TARGET).blockers)).toContain(
            'ACCOUNT_OWNER_WITHOUT_ROLE',
        );
        // The owner has a role, or it was not read (the change itself would say): no blocker.
        for (const accountOwnerHasRole of [true, null, undefined]) {
            expect(codes(only([customerCommunityUser({ accountOwnerHasRole })]).blockers)).not.toContain(
                'ACCOUNT_OWNER_WITHOUT_ROLE',
            );
        }
        // A user who keeps a role gets no new one; a target without roles needs none.
        const keepsRole = customerCommunityUser({
            licenseName: 'Customer Community Plus Login',
            roleId: '00E000000000001AAA',
            accountOwnerHasRole: false,
        });
        expect(codes(only([keepsRole]).blockers)).not.toContain('ACCOUNT_OWNER_WITHOUT_ROLE');
        const toCommunity: UpgradeTarget = { ...CCP_TARGET, licenseName: 'Customer Community Login' };
        expect(
            codes(only([customerCommunityUser({ accountOwnerHasRole: false })], toCommunity).blockers),
        ).not.toContain('ACCOUNT_OWNER_WITHOUT_ROLE');
    });

    it('requires a partner account for Partner Community targets', () => {
        const notPartner = only([customerCommunityUser()], PARTNER_TARGET);
        expect(find(notPartner.blockers, 'PARTNER_ACCOUNT_NOT_ENABLED')?.values).toEqual(['Acme']);
        // A name the admin cannot read: the account's Id, never a message with a blank.
        const unnamed = only([customerCommunityUser({ accountName: null })], PARTNER_TARGET);
        expect(find(unnamed.blockers, 'PARTNER_ACCOUNT_NOT_ENABLED')?.values).toEqual(['001000000000001AAA']);
        const unnamedRole = only([
            customerCommunityUser({
                licenseName: 'Customer Community Plus Login',
                roleId: '00E000000000001AAA',
                roleName: null,
            }),
        ]);
        expect(find(unnamedRole.notes, 'ROLE_KEPT')?.values).toEqual(['00E000000000001AAA']);
        expect(notPartner.canChange).toBe(false);

        const partner = only([customerCommunityUser({ accountIsPartner: true })], PARTNER_TARGET);
        expect(partner.canChange).toBe(true);
        expect(find(partner.actions, 'ROLE_CREATE')?.values).toEqual(['Partner Acme User']);
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

    describe('other CSPLitePortal licenses (seed 003: "with some loss of data access")', () => {
        const other = (overrides: Partial<UserFact> = {}): UserFact =>
            customerCommunityUser({ licenseName: 'Customer Portal Lite Future', ...overrides });

        it('lets a CspLitePortal user of an unlisted license change profile, warning of the loss', () => {
            const verdict = only([other()]);
            expect(verdict.path).toBe('change-profile');
            expect(codes(verdict.blockers)).toEqual([]);
            expect(verdict.canChange).toBe(true);
            expect(find(verdict.warnings, 'DATA_ACCESS_LOSS')?.values).toEqual([
                'Customer Portal Lite Future',
                'Customer Community Plus',
            ]);
            expect(only([other({ accountIsPartner: true })], PARTNER_TARGET).path).toBe('change-profile');
        });

        it('keeps other user types, and the Customer Community target, migrate-only', () => {
            const standardType = only([other({ userType: 'PowerCustomerSuccess' })]);
            expect(standardType.path).toBe('migrate');
            expect(codes(standardType.blockers)).toEqual(['PATH_MIGRATE']);
            expect(codes(standardType.warnings)).not.toContain('DATA_ACCESS_LOSS');
            const toCommunity = only([other()], { ...CCP_TARGET, licenseName: 'Customer Community' });
            expect(toCommunity.path).toBe('migrate');
        });

        it('does not warn of a data access loss for the licenses the seed lists', () => {
            const listed = only([customerCommunityUser({ licenseName: 'High Volume Customer Portal' })]);
            expect(listed.path).toBe('change-profile');
            expect(codes(listed.warnings)).not.toContain('DATA_ACCESS_LOSS');
        });
    });

    describe('roles', () => {
        it('forecasts only roles of the target portal type: never a partner role for a customer target', () => {
            const customerOnlyPartnerRoles = only([customerCommunityUser({ accountRoles: ACME_ROLES.slice(2) })]);
            expect(find(customerOnlyPartnerRoles.actions, 'ROLE_ASSIGN_LOWEST')).toBeUndefined();
            expect(find(customerOnlyPartnerRoles.actions, 'ROLE_CREATE')?.values).toEqual(['Customer Acme User']);
            expect(customerOnlyPartnerRoles.roleOptions).toEqual([]);

            const partner = only(
                [customerCommunityUser({ accountIsPartner: true, accountRoles: ACME_ROLES })],
                PARTNER_TARGET,
            );
            expect(find(partner.actions, 'ROLE_ASSIGN_LOWEST')?.values).toEqual(['Partner Acme User']);
            expect(partner.roleOptions.map((role) => role.name)).toEqual([
                'Partner Acme Executive',
                'Partner Acme User',
            ]);
        });

        it('lets the admin choose one of those roles instead of the lowest', () => {
            const roles = new Map([['005000000000001AAA', '00E000000000011AAA']]);
            const chosen = validateUpgrade([customerCommunityUser({ accountRoles: ACME_ROLES })], CCP_TARGET, { roles })
                .users[0];
            expect(chosen.chosenRoleId).toBe('00E000000000011AAA');
            expect(find(chosen.actions, 'ROLE_CHOSEN')?.values).toEqual(['Customer Acme Executive']);
            expect(find(chosen.actions, 'ROLE_ASSIGN_LOWEST')).toBeUndefined();
        });

        it('ignores a chosen role of the wrong portal type, and any choice for a user who keeps a role', () => {
            const partnerRole = new Map([['005000000000001AAA', '00E000000000021AAA']]);
            const wrongType = validateUpgrade([customerCommunityUser({ accountRoles: ACME_ROLES })], CCP_TARGET, {
                roles: partnerRole,
            }).users[0];
            expect(wrongType.chosenRoleId).toBeUndefined();
            expect(find(wrongType.actions, 'ROLE_ASSIGN_LOWEST')?.values).toEqual(['Customer Acme User']);

            const keeps = validateUpgrade(
                [
                    customerCommunityUser({
                        licenseName: 'Customer Portal Manager Custom',
                        userType: 'PowerCustomerSuccess',
                        roleId: '00E000000000012AAA',
                        roleName: 'Customer Acme User',
                        accountRoles: ACME_ROLES,
                    }),
                ],
                CCP_TARGET,
                { roles: new Map([['005000000000001AAA', '00E000000000011AAA']]) },
            ).users[0];
            expect(keeps.roleOptions).toEqual([]);
            expect(keeps.chosenRoleId).toBeUndefined();
            expect(find(keeps.notes, 'ROLE_KEPT')?.values).toEqual(['Customer Acme User']);
        });
    });

    describe('warnings', () => {
        it('warns of the sharing sets removed whatever the source license', () => {
            const fromPortalManager = only([
                customerCommunityUser({
                    licenseName: 'Customer Portal Manager Standard',
                    userType: 'PowerCustomerSuccess',
                    roleId: '00E000000000012AAA',
                    roleName: 'Customer Acme User',
                }),
            ]);
            expect(find(fromPortalManager.warnings, 'SHARING_SETS_REMOVED')?.values).toEqual([
                'Customer Community User',
            ]);
            expect(codes(only([customerCommunityUser()]).warnings)).toContain('SHARING_SETS_REMOVED');
            // A path that is not a profile change gets the manual steps, not the considerations.
            const reenable = only([
                customerCommunityUser({ licenseName: 'Partner Community', userType: 'PowerPartner' }),
            ]);
            expect(codes(reenable.warnings)).not.toContain('SHARING_SETS_REMOVED');
        });

        it("names the target's own scale figure, and none that the seed does not give", () => {
            const plus = only([customerCommunityUser()]);
            expect(find(plus.notes, 'SCALE_TARGET')?.values).toEqual(['Customer Community Plus', '10 million']);
            const partner = only([customerCommunityUser({ accountIsPartner: true })], PARTNER_TARGET);
            expect(find(partner.notes, 'SCALE_TARGET')).toBeUndefined();
            expect(find(partner.notes, 'SCALE_TARGET_UNSTATED')?.values).toEqual(['Partner Community']);
            // Self-registration speed is a Customer Community Plus note only.
            expect(codes(partner.notes)).not.toContain('SELF_REGISTRATION_SLOWER');
        });

        it('says a loss in functionality for partner-to-customer verdicts, and not for a profile change', () => {
            const partnerToCustomer = only([
                customerCommunityUser({ licenseName: 'Partner Community', userType: 'PowerPartner' }),
            ]);
            expect(partnerToCustomer.path).toBe('reenable-as-customer');
            expect(find(partnerToCustomer.warnings, 'LOSS_OF_FUNCTIONALITY')?.values).toEqual([
                'Partner Community',
                'Customer Community Plus',
            ]);
            expect(codes(only([customerCommunityUser()]).warnings)).not.toContain('LOSS_OF_FUNCTIONALITY');
        });

        it('warns when the target profile reaches no site at all, not only when sites are lost', () => {
            const noSite = only([customerCommunityUser({ profileSiteIds: [] })], { ...CCP_TARGET, siteIds: [] });
            expect(find(noSite.warnings, 'NO_SITE_ACCESS')?.values).toEqual([CCP_TARGET.profileName]);
            expect(find(noSite.warnings, 'SITE_ACCESS_LOST')).toBeUndefined();
            const keptBySet = only(
                [customerCommunityUser({ permissionSets: [{ id: '0PS7', label: 'Site Access', siteIds: ['0DB9'] }] })],
                { ...CCP_TARGET, siteIds: [] },
            );
            expect(find(keptBySet.warnings, 'NO_SITE_ACCESS')).toBeUndefined();
            expect(find(only([customerCommunityUser()]).warnings, 'NO_SITE_ACCESS')).toBeUndefined();
        });
    });

    describe('finishing the Contracts setup (Customer Community Plus targets)', () => {
        const CONTRACTS_TARGET: UpgradeTarget = {
            ...CCP_TARGET,
            apiEnabled: true,
            contractsPermissionSets: [
                {
                    id: '0PSD',
                    name: 'DocGenRuntimeCommunityUser',
                    label: 'DocGen Run-time Community User',
                    permissionSetLicenseId: '0PLD',
                },
                {
                    id: '0PSC',
                    name: 'ContractManagementCCPlusDigitalExperienceUser',
                    label: 'Contract Management CC Plus Digital Experience User',
                    permissionSetLicenseId: '0PLC',
                },
            ],
        };

        it('adds both permission sets and the Content user when the option is on', () => {
            const result = validateUpgrade([customerCommunityUser()], CONTRACTS_TARGET, {
                completeContractsSetup: true,
            });
            expect(result.contractsSetupAvailable).toBe(true);
            expect(result.completeContractsSetup).toBe(true);
            const verdict = result.users[0];
            expect(find(verdict.actions, 'CONTRACTS_PERMISSION_SETS')?.values).toEqual([
                'DocGen Run-time Community User, Contract Management CC Plus Digital Experience User',
            ]);
            expect(codes(verdict.actions)).toContain('CONTRACTS_CONTENT_USER');
            expect(codes(verdict.warnings)).not.toContain('CONTRACTS_API_DISABLED');
            expect(codes(verdict.warnings)).not.toContain('CONTRACTS_PERMISSION_SETS_MISSING');
        });

        it('warns of a profile without API Enabled and of missing permission sets', () => {
            const verdict = validateUpgrade(
                [customerCommunityUser()],
                { ...CONTRACTS_TARGET, apiEnabled: false, contractsPermissionSets: [] },
                { completeContractsSetup: true },
            ).users[0];
            expect(find(verdict.warnings, 'CONTRACTS_API_DISABLED')?.values).toEqual([CCP_TARGET.profileName]);
            expect(codes(verdict.warnings)).toContain('CONTRACTS_PERMISSION_SETS_MISSING');
            expect(codes(verdict.actions)).not.toContain('CONTRACTS_PERMISSION_SETS');
        });

        it('does nothing when the option is off or the target is not Customer Community Plus', () => {
            const off = validateUpgrade([customerCommunityUser()], CONTRACTS_TARGET);
            expect(off.completeContractsSetup).toBe(false);
            expect(codes(off.users[0].actions)).not.toContain('CONTRACTS_CONTENT_USER');
            const partner = validateUpgrade([customerCommunityUser({ accountIsPartner: true })], PARTNER_TARGET, {
                completeContractsSetup: true,
            });
            expect(partner.contractsSetupAvailable).toBe(false);
            expect(partner.completeContractsSetup).toBe(false);
            expect(codes(partner.users[0].actions)).not.toContain('CONTRACTS_CONTENT_USER');
        });
    });

    it('returns one verdict per user in the order given, and nothing for an empty selection', () => {
        const users = ['A', 'B', 'C'].map((letter) => customerCommunityUser({ id: letter }));
        expect(validateUpgrade(users, CCP_TARGET).users.map((verdict) => verdict.userId)).toEqual(['A', 'B', 'C']);
        const empty = validateUpgrade([], CCP_TARGET);
        expect(empty.users).toEqual([]);
        expect(empty.seatsNeeded).toBe(0);
    });

    it("shares the items two users have in common, frozen, and keeps what is each user's own", () => {
        // The bench's 10,000 users: an item whose values are a profile's, a permission set's or the
        // target's is made once. Frozen, so that no consumer can change another user's verdict.
        const [first, second] = validateUpgrade(
            [
                customerCommunityUser({ id: 'A', name: 'Ann', isActive: false }),
                customerCommunityUser({ id: 'B', name: 'Bob', isActive: false }),
            ],
            CCP_TARGET,
        ).users;
        const shared = find(first.actions, 'CHANGE_PROFILE');
        expect(shared).toBeDefined();
        expect(find(second.actions, 'CHANGE_PROFILE')).toBe(shared);
        expect(find(second.warnings, 'ROLE_IRREVERSIBLE')).toBe(find(first.warnings, 'ROLE_IRREVERSIBLE'));
        expect(Object.isFrozen(shared)).toBe(true);
        expect(Object.isFrozen(shared?.values)).toBe(true);
        expect(() => (shared?.values as string[]).push('x')).toThrow(TypeError);
        // A user's own values are never shared: each inactive user is named.
        expect(find(first.blockers, 'INACTIVE_USER')?.values).toEqual(['Ann']);
        expect(find(second.blockers, 'INACTIVE_USER')?.values).toEqual(['Bob']);
        // Verdicts themselves are each user's: the seat count may change one without the other.
        expect(first.blockers).not.toBe(second.blockers);
    });
});
