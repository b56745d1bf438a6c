import { CHECK_ORDER, examineUser } from 'c/userDoctor';
import type { CheckId, DoctorCheck, DoctorOrgFacts, DoctorResult, DoctorUserFact } from 'c/userDoctor';

const USER = '005000000000001AAA';
const PROFILE = '00e000000000010AAA';
const DOCGEN_PS = '0PS000000000001AAA';
const CCPLUS_PS = '0PS000000000002AAA';
const DOCGEN_PSL = '0PL000000000001AAA';
const CCPLUS_PSL = '0PL000000000002AAA';
const SITE = '0DB000000000001AAA';

function org(overrides: Partial<DoctorOrgFacts> = {}): DoctorOrgFacts {
    return {
        permissionSets: [
            {
                id: DOCGEN_PS,
                name: 'DocGenRuntimeCommunityUser',
                label: 'DocGen Run-time Community User',
                permissionSetLicenseId: DOCGEN_PSL,
            },
            {
                id: CCPLUS_PS,
                name: 'ContractManagementCCPlusDigitalExperienceUser',
                label: 'Contract Management CC Plus Digital Experience User',
                permissionSetLicenseId: CCPLUS_PSL,
            },
        ],
        permissionSetLicenses: [
            {
                id: DOCGEN_PSL,
                developerName: 'DocGenRuntimeCommunityUserPsl',
                label: 'DocGen Runtime Community User',
                totalLicenses: 10,
                usedLicenses: 4,
            },
            {
                id: CCPLUS_PSL,
                developerName: 'ClmCcPlusDigitalExperiencePsl',
                label: 'CC Plus Digital Experience',
                totalLicenses: 8,
                usedLicenses: 8,
            },
        ],
        portalSite: { id: SITE, name: 'Contracts Portal' },
        ...overrides,
    };
}

/** A Contracts portal user with everything seed 000 asks for. */
function healthyUser(overrides: Partial<DoctorUserFact> = {}): DoctorUserFact {
    return {
        id: USER,
        name: 'Casey Customer',
        isActive: true,
        licenseName: 'Customer Community Plus',
        profileId: PROFILE,
        profileName: 'CC Plus - Contracts',
        profileApiEnabled: true,
        contentUser: true,
        permissionSets: [
            { id: DOCGEN_PS, name: 'DocGenRuntimeCommunityUser', label: 'DocGen Run-time Community User' },
            {
                id: CCPLUS_PS,
                name: 'ContractManagementCCPlusDigitalExperienceUser',
                label: 'Contract Management CC Plus Digital Experience User',
            },
        ],
        permissionSetLicenseIds: [DOCGEN_PSL, CCPLUS_PSL],
        sites: [
            {
                id: SITE,
                name: 'Contracts Portal',
                status: 'Live',
                via: 'profile',
                viaName: 'CC Plus - Contracts',
                assignmentStatus: 'Added',
            },
        ],
        contactId: '003000000000001AAA',
        accountId: '001000000000001AAA',
        accountName: 'Acme',
        accountOwnerId: '005000000000009AAA',
        accountOwnerName: 'Ada Admin',
        accountOwnerHasRole: true,
        accountOwnerRoleName: 'CEO',
        ...overrides,
    };
}

function checkOf(result: DoctorResult, id: CheckId): DoctorCheck {
    const found = result.checks.find((item) => item.id === id);
    if (!found) throw new Error(`no check ${id}`);
    return found;
}

const examine = (overrides: Partial<DoctorUserFact> = {}, orgOverrides: Partial<DoctorOrgFacts> = {}) =>
    examineUser(healthyUser(overrides), org(orgOverrides));

describe('examineUser', () => {
    it('passes every check, in order, for a working Contracts portal user', () => {
        const result = examine();
        expect(result.userId).toBe(USER);
        expect(result.checks.map((item) => item.id)).toEqual(CHECK_ORDER);
        expect(result.checks.every((item) => item.status === 'pass' && !item.remedy)).toBe(true);
        expect(result.counts).toEqual({ pass: 12, fail: 0, unknown: 0 });
        expect(result.healthy).toBe(true);
        expect(result.fixes).toEqual([]);
        expect(checkOf(result, 'SITE_MEMBER').values).toEqual(['Contracts Portal', 'CC Plus - Contracts']);
        expect(checkOf(result, 'ACCOUNT_OWNER_ROLE').values).toEqual(['Ada Admin', 'CEO']);
        expect(checkOf(result, 'DOCGEN_PERMISSION_SET_LICENSE').code).toBe('PERMISSION_SET_LICENSE_ASSIGNED');
    });

    describe('active', () => {
        it('reactivates an inactive user, and holds the assignment fixes until then', () => {
            const result = examine({ isActive: false, permissionSets: [], permissionSetLicenseIds: [DOCGEN_PSL] });
            expect(checkOf(result, 'ACTIVE')).toEqual({
                id: 'ACTIVE',
                status: 'fail',
                code: 'USER_INACTIVE',
                values: ['Casey Customer'],
                remedy: { kind: 'fix', fix: 'ACTIVATE_USER', values: [USER] },
            });
            expect(checkOf(result, 'DOCGEN_PERMISSION_SET').blockedBy).toEqual(['ACTIVE']);
            expect(result.fixes).toEqual([{ kind: 'fix', fix: 'ACTIVATE_USER', values: [USER] }]);
            expect(result.healthy).toBe(false);
        });
    });

    describe('license', () => {
        it('accepts Customer Community Plus Login by definition key', () => {
            const check = checkOf(examine({ licenseName: 'PID_Customer_Community_Plus_Login' }), 'LICENSE');
            expect(check).toEqual({
                id: 'LICENSE',
                status: 'pass',
                code: 'LICENSE_CCP',
                values: ['Customer Community Plus Login'],
            });
        });

        it('hands another license over to the upgrade validator and holds the assignments', () => {
            const result = examine({ licenseName: 'Customer Community', permissionSets: [] });
            expect(checkOf(result, 'LICENSE')).toEqual({
                id: 'LICENSE',
                status: 'fail',
                code: 'LICENSE_NOT_CCP',
                values: ['Customer Community'],
                remedy: { kind: 'upgrade', values: [USER] },
            });
            expect(checkOf(result, 'DOCGEN_PERMISSION_SET').blockedBy).toEqual(['LICENSE']);
            expect(result.fixes).toEqual([]);
        });

        it('is unknown when the license could not be read', () => {
            const check = checkOf(examine({ licenseName: null }), 'LICENSE');
            expect(check.status).toBe('unknown');
            expect(check.code).toBe('LICENSE_UNKNOWN');
            expect(check.remedy).toEqual({
                kind: 'setup-link',
                url: '/lightning/setup/EnhancedProfiles/page?address=%2F00e000000000010AAA',
            });
        });
    });

    describe('profile API Enabled', () => {
        it('links to the profile when API Enabled is off', () => {
            const check = checkOf(examine({ profileApiEnabled: false }), 'PROFILE_API_ENABLED');
            expect(check.status).toBe('fail');
            expect(check.code).toBe('PROFILE_API_DISABLED');
            expect(check.values).toEqual(['CC Plus - Contracts']);
            expect(check.remedy).toEqual({
                kind: 'setup-link',
                url: '/lightning/setup/EnhancedProfiles/page?address=%2F00e000000000010AAA',
            });
        });

        it('is unknown when it could not be read', () => {
            const check = checkOf(examine({ profileApiEnabled: null }), 'PROFILE_API_ENABLED');
            expect(check.status).toBe('unknown');
            expect(check.code).toBe('PROFILE_API_UNKNOWN');
        });
    });

    describe('Salesforce CRM Content User', () => {
        it('turns the checkbox on', () => {
            const result = examine({ contentUser: false });
            expect(checkOf(result, 'CONTENT_USER')).toEqual({
                id: 'CONTENT_USER',
                status: 'fail',
                code: 'CONTENT_USER_OFF',
                values: ['Casey Customer'],
                remedy: { kind: 'fix', fix: 'ENABLE_CONTENT_USER', values: [USER] },
            });
            expect(result.fixes).toEqual([{ kind: 'fix', fix: 'ENABLE_CONTENT_USER', values: [USER] }]);
        });
    });

    describe('Contracts permission sets and their licenses', () => {
        it('assigns the license first, then the set', () => {
            const result = examine({ permissionSets: [], permissionSetLicenseIds: [] }, {});
            expect(checkOf(result, 'DOCGEN_PERMISSION_SET_LICENSE')).toEqual({
                id: 'DOCGEN_PERMISSION_SET_LICENSE',
                status: 'fail',
                code: 'PERMISSION_SET_LICENSE_NOT_ASSIGNED',
                values: ['DocGen Runtime Community User'],
                remedy: { kind: 'fix', fix: 'ASSIGN_PSL', values: [USER, DOCGEN_PSL] },
            });
            expect(checkOf(result, 'DOCGEN_PERMISSION_SET')).toEqual({
                id: 'DOCGEN_PERMISSION_SET',
                status: 'fail',
                code: 'PERMISSION_SET_NOT_ASSIGNED',
                values: ['DocGen Run-time Community User'],
                remedy: { kind: 'fix', fix: 'ASSIGN_PERMISSION_SET', values: [USER, DOCGEN_PS] },
                blockedBy: ['DOCGEN_PERMISSION_SET_LICENSE'],
            });
            // The CC Plus license has no seat left: a link to Company Information, not a fix.
            expect(checkOf(result, 'CCPLUS_PERMISSION_SET_LICENSE')).toEqual({
                id: 'CCPLUS_PERMISSION_SET_LICENSE',
                status: 'fail',
                code: 'PERMISSION_SET_LICENSE_NO_SEATS',
                values: ['CC Plus Digital Experience', '8', '8'],
                remedy: { kind: 'setup-link', url: '/lightning/setup/CompanyProfileInfo/home' },
            });
            expect(result.fixes).toEqual([{ kind: 'fix', fix: 'ASSIGN_PSL', values: [USER, DOCGEN_PSL] }]);
        });

        it('assigns a set the user lacks when the license is already held', () => {
            const result = examine({ permissionSets: [] });
            expect(result.fixes).toEqual([
                { kind: 'fix', fix: 'ASSIGN_PERMISSION_SET', values: [USER, DOCGEN_PS] },
                { kind: 'fix', fix: 'ASSIGN_PERMISSION_SET', values: [USER, CCPLUS_PS] },
            ]);
        });

        it('passes the license check of a set that needs no license, and names an unread license by id', () => {
            const facts = org();
            const permissionSets = [
                { ...facts.permissionSets[0], permissionSetLicenseId: null },
                facts.permissionSets[1],
            ];
            const result = examineUser(healthyUser({ permissionSetLicenseIds: [] }), {
                ...facts,
                permissionSets,
                permissionSetLicenses: [],
            });
            expect(checkOf(result, 'DOCGEN_PERMISSION_SET_LICENSE')).toEqual({
                id: 'DOCGEN_PERMISSION_SET_LICENSE',
                status: 'pass',
                code: 'PERMISSION_SET_LICENSE_NOT_REQUIRED',
                values: ['DocGen Run-time Community User'],
            });
            expect(checkOf(result, 'CCPLUS_PERMISSION_SET_LICENSE').values).toEqual([CCPLUS_PSL]);
            expect(checkOf(result, 'CCPLUS_PERMISSION_SET_LICENSE').remedy).toEqual({
                kind: 'fix',
                fix: 'ASSIGN_PSL',
                values: [USER, CCPLUS_PSL],
            });
        });

        it('sends the admin to Permission Sets when a Contracts set is not in the org', () => {
            const result = examine({}, { permissionSets: [] });
            expect(checkOf(result, 'CCPLUS_PERMISSION_SET_LICENSE')).toEqual({
                id: 'CCPLUS_PERMISSION_SET_LICENSE',
                status: 'unknown',
                code: 'PERMISSION_SET_LICENSE_UNKNOWN',
                values: ['Contract Management CC Plus Digital Experience User'],
            });
            expect(checkOf(result, 'CCPLUS_PERMISSION_SET')).toEqual({
                id: 'CCPLUS_PERMISSION_SET',
                status: 'fail',
                code: 'PERMISSION_SET_NOT_IN_ORG',
                values: ['Contract Management CC Plus Digital Experience User'],
                remedy: { kind: 'setup-link', url: '/lightning/setup/PermSets/home' },
            });
            expect(result.counts).toEqual({ pass: 8, fail: 2, unknown: 2 });
        });
    });

    describe('site membership', () => {
        it('passes through a permission set membership', () => {
            const check = checkOf(
                examine({
                    sites: [
                        {
                            id: '0DB2',
                            name: 'Old',
                            status: 'DownForMaintenance',
                            via: 'profile',
                            assignmentStatus: 'Added',
                        },
                        {
                            id: SITE,
                            name: 'Contracts Portal',
                            status: 'Live',
                            via: 'permission-set',
                            assignmentStatus: 'Added',
                        },
                    ],
                }),
                'SITE_MEMBER',
            );
            expect(check).toEqual({
                id: 'SITE_MEMBER',
                status: 'pass',
                code: 'SITE_MEMBER_LIVE',
                values: ['Contracts Portal', ''],
            });
        });

        it('activates a site the user reaches that is not Live', () => {
            const check = checkOf(
                examine({
                    sites: [
                        {
                            id: '0DB2',
                            name: 'Preview',
                            status: 'UnderConstruction',
                            via: 'profile',
                            assignmentStatus: 'Added',
                        },
                        {
                            id: '0DB3',
                            name: 'Old',
                            status: 'DownForMaintenance',
                            via: 'permission-set',
                            assignmentStatus: 'Added',
                        },
                    ],
                }),
                'SITE_MEMBER',
            );
            expect(check).toEqual({
                id: 'SITE_MEMBER',
                status: 'fail',
                code: 'SITE_MEMBER_NOT_LIVE',
                values: ['Preview', 'Old'],
                remedy: { kind: 'fix', fix: 'ACTIVATE_SITE', values: ['0DB2'] },
            });
        });

        it("adds the user's profile to the portal site when the user reaches none", () => {
            const check = checkOf(examine({ sites: [] }), 'SITE_MEMBER');
            expect(check).toEqual({
                id: 'SITE_MEMBER',
                status: 'fail',
                code: 'SITE_NOT_MEMBER',
                values: ['CC Plus - Contracts', 'Contracts Portal'],
                remedy: { kind: 'fix', fix: 'ADD_PROFILE_MEMBER', values: [SITE, PROFILE] },
            });
        });

        it('links to All Sites when there is no portal site to propose', () => {
            const check = checkOf(examine({ sites: [] }, { portalSite: null }), 'SITE_MEMBER');
            expect(check.code).toBe('SITE_NOT_MEMBER');
            expect(check.remedy).toEqual({ kind: 'setup-link', url: '/lightning/setup/SetupNetworks/home' });
        });

        it('is unknown when membership could not be read', () => {
            const check = checkOf(examine({ sites: null }), 'SITE_MEMBER');
            expect(check.status).toBe('unknown');
            expect(check.code).toBe('SITE_MEMBERSHIP_UNKNOWN');
            expect(check.remedy).toEqual({ kind: 'setup-link', url: '/lightning/setup/SetupNetworks/home' });
        });
    });

    describe('contact, account and account owner', () => {
        it('fails without a contact (an internal user) and cannot tell the rest', () => {
            const result = examine({ contactId: null });
            expect(checkOf(result, 'CONTACT')).toEqual({
                id: 'CONTACT',
                status: 'fail',
                code: 'CONTACT_MISSING',
                values: ['Casey Customer'],
                remedy: {
                    kind: 'setup-link',
                    url: '/lightning/setup/ManageUsers/page?address=%2F005000000000001AAA%3Fnoredirect%3D1%26isUserEntityOverride%3D1',
                },
            });
            expect(checkOf(result, 'ACCOUNT').status).toBe('unknown');
            expect(checkOf(result, 'ACCOUNT').code).toBe('ACCOUNT_UNKNOWN');
            expect(checkOf(result, 'ACCOUNT_OWNER_ROLE').status).toBe('unknown');
        });

        it('links to the contact when it has no account', () => {
            const result = examine({ accountId: null });
            expect(checkOf(result, 'CONTACT').status).toBe('pass');
            expect(checkOf(result, 'ACCOUNT')).toEqual({
                id: 'ACCOUNT',
                status: 'fail',
                code: 'ACCOUNT_MISSING',
                values: ['Casey Customer'],
                remedy: { kind: 'setup-link', url: '/lightning/r/Contact/003000000000001AAA/view' },
            });
            expect(checkOf(result, 'ACCOUNT_OWNER_ROLE').code).toBe('ACCOUNT_OWNER_ROLE_UNKNOWN');
        });

        it("links to the account owner's user record when the owner has no role", () => {
            const check = checkOf(examine({ accountOwnerHasRole: false }), 'ACCOUNT_OWNER_ROLE');
            expect(check).toEqual({
                id: 'ACCOUNT_OWNER_ROLE',
                status: 'fail',
                code: 'ACCOUNT_OWNER_NO_ROLE',
                values: ['Ada Admin', 'Acme'],
                remedy: {
                    kind: 'setup-link',
                    url: '/lightning/setup/ManageUsers/page?address=%2F005000000000009AAA%3Fnoredirect%3D1%26isUserEntityOverride%3D1',
                },
            });
            const noOwnerId = checkOf(
                examine({ accountOwnerHasRole: false, accountOwnerId: null, accountOwnerName: null }),
                'ACCOUNT_OWNER_ROLE',
            );
            expect(noOwnerId.values).toEqual(['', 'Acme']);
            expect(noOwnerId.remedy).toEqual({
                kind: 'setup-link',
                url: '/lightning/r/Account/001000000000001AAA/view',
            });
        });

        it('is unknown when the owner role could not be read', () => {
            const check = checkOf(
                examine({ accountOwnerHasRole: null, accountName: null, accountOwnerRoleName: null }),
                'ACCOUNT_OWNER_ROLE',
            );
            expect(check).toEqual({
                id: 'ACCOUNT_OWNER_ROLE',
                status: 'unknown',
                code: 'ACCOUNT_OWNER_ROLE_UNKNOWN',
                values: [''],
            });
            expect(checkOf(examine({ accountOwnerRoleName: null }), 'ACCOUNT_OWNER_ROLE').values).toEqual([
                'Ada Admin',
                '',
            ]);
        });
    });
});

describe('examineUser: asynchronous site membership (issue 9 §1.5)', () => {
    it('does not pass a membership Salesforce is still adding, and names it pending', () => {
        const pending = examineUser(
            healthyUser({
                sites: [
                    {
                        id: SITE,
                        name: 'Contracts Portal',
                        status: 'Live',
                        via: 'profile',
                        assignmentStatus: 'Add Calculated',
                    },
                ],
            }),
            org(),
        ).checks.find((item) => item.id === 'SITE_MEMBER');
        expect(pending?.status).toBe('unknown');
        expect(pending?.code).toBe('SITE_MEMBERSHIP_PENDING');
    });

    it('fails a membership Salesforce could not add', () => {
        const failed = examineUser(
            healthyUser({
                sites: [
                    {
                        id: SITE,
                        name: 'Contracts Portal',
                        status: 'Live',
                        via: 'profile',
                        assignmentStatus: 'Failed Add',
                    },
                ],
            }),
            org(),
        ).checks.find((item) => item.id === 'SITE_MEMBER');
        expect(failed?.status).toBe('fail');
        expect(failed?.code).toBe('SITE_MEMBERSHIP_FAILED');
    });
});
