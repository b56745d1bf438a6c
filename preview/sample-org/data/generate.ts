/**
 * Generates the sample org that the local preview runs against: deterministic (seeded PRNG,
 * a fixed "now"), so every run, test and screenshot sees the same records.
 *
 * The org is built to exercise every capability in DESIGN.md, so each hard case of the seeds
 * exists at least once: account owners without a role (seed 000: new portal accounts need an
 * owner with a role), every license of the seed 003 conversion table, a Customer Community Plus
 * profile with and without API Enabled, permission sets whose permission set license is
 * nearly out of seats, users missing one of the two Contracts permission sets, View All /
 * Modify All permissions that a license upgrade removes, a Live and a Preview site, a profile
 * that is no site's member, contacts without email, with a malformed email or without account.
 */
import { COMPANY_KINDS, COMPANY_SUFFIXES, COMPANY_WORDS, FIRST_NAMES, INDUSTRIES, LAST_NAMES } from './names';
import { LOCATIONS, MALFORMED_EMAILS, TITLES } from './names';
import { createIdFactory, createRandom, KEY_PREFIX } from './random';
import { withSubject, type UnwrittenLog } from '../logWriter';
import type {
    Account,
    Contact,
    Id,
    Network,
    ObjectPermissions,
    PermissionSet,
    PermissionSetLicense,
    Profile,
    SampleOrg,
    User,
    UserLicense,
    UserRole,
    UserType,
} from '../types';

export const SAMPLE_ORG_SEED = 20250612;

/** The sample org's "now": dates are relative to it, never to the clock, to stay deterministic. */
export const SAMPLE_NOW = Date.UTC(2025, 5, 2, 9, 0, 0);

const DAY = 24 * 60 * 60 * 1000;

/**
 * User licenses. LicenseDefinitionKey values are from the Object Reference (UserLicense) unless
 * marked otherwise. Salesforce's `Name` for "Salesforce" is what Setup shows for the SFDC key.
 */
const LICENSES = {
    salesforce: { Name: 'Salesforce', key: 'SFDC', total: 10, userType: 'Standard' },
    cc: { Name: 'Customer Community', key: 'PID_Customer_Community', total: 50, userType: 'CspLitePortal' },
    ccLogin: {
        Name: 'Customer Community Login',
        key: 'PID_Customer_Community_Login',
        total: 100,
        userType: 'CspLitePortal',
    },
    // Not in the Object Reference list; seen in orgs' UserLicense rows (CumulusCI license checks).
    ccPlus: {
        Name: 'Customer Community Plus',
        key: 'PID_Customer_Community_Plus',
        total: 10,
        userType: 'PowerCustomerSuccess',
    },
    ccPlusLogin: {
        Name: 'Customer Community Plus Login',
        key: 'PID_Customer_Community_Plus_Login',
        // Seats for 6 more users: Customer Community Plus keeps exactly one (license upgrade cases).
        total: 10,
        userType: 'PowerCustomerSuccess',
    },
    partner: { Name: 'Partner Community', key: 'PID_Partner_Community', total: 10, userType: 'PowerPartner' },
    partnerLogin: {
        Name: 'Partner Community Login',
        key: 'PID_Partner_Community_Login',
        total: 5,
        userType: 'PowerPartner',
    },
    // UNCONFIRMED: External Identity is not in the Object Reference list; the key is a guess.
    externalIdentity: {
        Name: 'External Identity',
        key: 'PID_External_Identity',
        total: 100,
        userType: 'CspLitePortal',
    },
    goldPartner: { Name: 'Gold Partner', key: 'PID_STRATEGIC_PRM', total: 2, userType: 'PowerPartner' },
    portalManagerCustom: {
        Name: 'Customer Portal Manager Custom',
        key: 'PID_Customer_Portal_Standard',
        total: 5,
        userType: 'PowerCustomerSuccess',
    },
    // The Object Reference spells this key with spaces; kept verbatim (unconfirmed in a real org).
    overageHvcp: {
        Name: 'Overage High Volume Customer Portal',
        key: 'PID_Overage_High Volume Customer Portal',
        total: 10,
        userType: 'CspLitePortal',
    },
} satisfies Record<string, { Name: string; key: string; total: number; userType: UserType }>;

type LicenseKey = keyof typeof LICENSES;

interface ProfileSpec {
    Name: string;
    license: LicenseKey;
    api?: boolean;
    modifyAll?: boolean;
    viewAll?: boolean;
    manageUsers?: boolean;
    /** A custom profile (a clone), not one Salesforce ships. */
    custom?: boolean;
}

const PROFILES = {
    sysAdmin: {
        Name: 'System Administrator',
        license: 'salesforce',
        api: true,
        modifyAll: true,
        viewAll: true,
        manageUsers: true,
    },
    standardUser: { Name: 'Standard User', license: 'salesforce', api: true },
    ccUser: { Name: 'Customer Community User', license: 'cc' },
    ccLoginUser: { Name: 'Customer Community Login User', license: 'ccLogin' },
    ccPlusUser: { Name: 'Customer Community Plus User', license: 'ccPlus' },
    // Seed 000: clone the Plus profile and turn on API Enabled.
    ccPlusContracts: { Name: 'Customer Community Plus User - Contracts', license: 'ccPlus', api: true, custom: true },
    ccPlusLoginUser: { Name: 'Customer Community Plus Login User', license: 'ccPlusLogin' },
    partnerUser: { Name: 'Partner Community User', license: 'partner' },
    partnerLoginUser: { Name: 'Partner Community Login User', license: 'partnerLogin' },
    externalIdentityUser: { Name: 'External Identity User', license: 'externalIdentity' },
    goldPartnerUser: { Name: 'Gold Partner User', license: 'goldPartner' },
    portalManagerCustom: { Name: 'Customer Portal Manager Custom', license: 'portalManagerCustom' },
    hvcpUser: { Name: 'High Volume Customer Portal User', license: 'overageHvcp' },
} satisfies Record<string, ProfileSpec>;

type ProfileKey = keyof typeof PROFILES;

/** Internal role hierarchy: [name, parent]. */
const INTERNAL_ROLES: ReadonlyArray<[string, string | null]> = [
    ['CEO', null],
    ['VP Operations', 'CEO'],
    ['Contracts Manager', 'VP Operations'],
    ['VP Sales', 'CEO'],
    ['Sales Manager', 'VP Sales'],
    ['Sales Rep', 'Sales Manager'],
];

type PermissionSetKey =
    | 'ccsaAdmin'
    | 'docGen'
    | 'ccPlusExperience'
    | 'clmRuntime'
    | 'clmPartner'
    | 'portalCaseAccess'
    | 'legacyPortalData'
    | 'salesOps';

interface InternalSpec {
    first: string;
    last: string;
    alias: string;
    profile: ProfileKey;
    role: string | null;
    active: boolean;
    permissionSets: PermissionSetKey[];
}

/**
 * The people who run the org. The preview's `?as=<alias>` switch picks one of them: the
 * default admin, an admin without a role, an admin without the assistant's permission set.
 */
const INTERNAL_USERS: InternalSpec[] = [
    {
        first: 'Avery',
        last: 'Admin',
        alias: 'aadmin',
        profile: 'sysAdmin',
        role: 'CEO',
        active: true,
        permissionSets: ['ccsaAdmin', 'clmRuntime'],
    },
    {
        first: 'Riley',
        last: 'Noble',
        alias: 'rnoble',
        profile: 'sysAdmin',
        role: null,
        active: true,
        permissionSets: ['ccsaAdmin'],
    },
    {
        first: 'Jordan',
        last: 'Price',
        alias: 'jprice',
        profile: 'sysAdmin',
        role: 'VP Operations',
        active: true,
        permissionSets: [],
    },
    {
        first: 'Pat',
        last: 'Okoye',
        alias: 'pokoye',
        profile: 'standardUser',
        role: 'Contracts Manager',
        active: true,
        permissionSets: ['clmRuntime'],
    },
    {
        first: 'Taylor',
        last: 'Brooks',
        alias: 'tbrooks',
        profile: 'standardUser',
        role: 'Sales Rep',
        active: true,
        permissionSets: [],
    },
    {
        first: 'Morgan',
        last: 'Diaz',
        alias: 'mdiaz',
        profile: 'standardUser',
        role: 'Sales Manager',
        active: true,
        permissionSets: ['salesOps'],
    },
    {
        first: 'Casey',
        last: 'Owens',
        alias: 'cowens',
        profile: 'standardUser',
        role: null,
        active: true,
        permissionSets: [],
    },
    {
        first: 'Drew',
        last: 'Hollis',
        alias: 'dhollis',
        profile: 'standardUser',
        role: 'Sales Rep',
        active: false,
        permissionSets: [],
    },
];

/** Who owns the 60 accounts: most by owners with a role, some by owners without one. */
const ACCOUNT_OWNERS: ReadonlyArray<[alias: string, count: number]> = [
    ['tbrooks', 14],
    ['mdiaz', 12],
    ['pokoye', 10],
    ['cowens', 18],
    ['rnoble', 4],
    ['dhollis', 2],
];
const ROLE_OWNER_ALIASES = new Set(['tbrooks', 'mdiaz', 'pokoye']);
const ACCOUNT_COUNT = ACCOUNT_OWNERS.reduce((sum, [, count]) => sum + count, 0);
const CONTACTS_WITHOUT_ACCOUNT = 5;
const CONTACT_COUNT = 300;

/**
 * The sample org's sizes. `default` is the org every test, e2e scenario and screenshot relies on;
 * `large` (`SAMPLE_ORG=large npm start`, `?org=large`, and `npm run bench:ui`) has the same people
 * and settings with 2,000 contacts, 500 external users and seats to spare, to measure the
 * assistant at scale (issue 10 §5).
 */
export type SampleOrgSize = 'default' | 'large';

interface SizeSpec {
    /** Each account owner owns this many times their accounts (and partner accounts scale alike). */
    accountScale: number;
    contacts: number;
    /** Each external group has this many times its users. */
    externalScale: number;
    /** External users in all; the first group takes the difference. None: the scaled groups. */
    externalUsers: number | null;
    /** Seats left on every user license and permission set license; none: the generated totals. */
    seatsLeft: number | null;
}

export const SAMPLE_ORG_SIZES: Readonly<Record<SampleOrgSize, SizeSpec>> = {
    default: {
        accountScale: 1,
        contacts: CONTACT_COUNT,
        externalScale: 1,
        externalUsers: null,
        seatsLeft: null,
    },
    large: { accountScale: 5, contacts: 2000, externalScale: 9, externalUsers: 500, seatsLeft: 12000 },
};

/** The size a name stands for (`SAMPLE_ORG`, `?org=`); an unknown name is an error, not the default. */
export function sampleOrgSize(name: string | null | undefined): SampleOrgSize {
    const wanted = (name ?? '').trim().toLowerCase() || 'default';
    if (!Object.hasOwn(SAMPLE_ORG_SIZES, wanted)) {
        throw new Error(`Unknown sample org size "${name}": use ${Object.keys(SAMPLE_ORG_SIZES).join(' or ')}`);
    }
    return wanted as SampleOrgSize;
}

interface ExternalGroup {
    profile: ProfileKey;
    count: number;
    /** The last `inactive` users of the group are deactivated. */
    inactive: number;
    /** Permission sets by index in the group (earlier users are the active ones). */
    permissionSets?: ReadonlyArray<PermissionSetKey[]>;
    /** Permission set licenses assigned without their permission set (left over by an admin). */
    strayLicenses?: ReadonlyArray<PermissionSetKey[]>;
    contentUser?: (index: number) => boolean;
}

const EXTERNAL_GROUPS: ExternalGroup[] = [
    { profile: 'ccUser', count: 14, inactive: 2, permissionSets: [['portalCaseAccess'], ['portalCaseAccess']] },
    { profile: 'ccLoginUser', count: 6, inactive: 1 },
    {
        profile: 'ccPlusContracts',
        count: 6,
        inactive: 0,
        // Fully set up, then one missing a permission set, then one with neither (but a stray license).
        permissionSets: [
            ['docGen', 'ccPlusExperience'],
            ['docGen', 'ccPlusExperience'],
            ['docGen', 'ccPlusExperience'],
            ['docGen', 'ccPlusExperience'],
            ['docGen'],
            [],
        ],
        strayLicenses: [[], [], [], [], [], ['ccPlusExperience']],
        contentUser: (index) => index !== 3,
    },
    { profile: 'ccPlusUser', count: 4, inactive: 1, permissionSets: [['portalCaseAccess']] },
    {
        profile: 'ccPlusLoginUser',
        count: 4,
        inactive: 0,
        permissionSets: [
            ['docGen', 'ccPlusExperience'],
            ['docGen', 'ccPlusExperience'],
        ],
        contentUser: (index) => index < 2,
    },
    { profile: 'partnerUser', count: 5, inactive: 1, permissionSets: [['clmPartner']] },
    { profile: 'partnerLoginUser', count: 3, inactive: 0 },
    { profile: 'externalIdentityUser', count: 6, inactive: 1 },
    { profile: 'goldPartnerUser', count: 2, inactive: 0 },
    { profile: 'portalManagerCustom', count: 3, inactive: 0, permissionSets: [['legacyPortalData']] },
    { profile: 'hvcpUser', count: 3, inactive: 1 },
];

interface PermissionSetSpec {
    Name: string;
    Label: string;
    NamespacePrefix?: string;
    /** Standard permission sets ship with their permission set license; the others are custom. */
    standard?: boolean;
    /** A permission set license, by DeveloperName, or a user license. */
    psl?: string;
    userLicense?: LicenseKey;
}

const PERMISSION_SETS: Record<PermissionSetKey, PermissionSetSpec> = {
    ccsaAdmin: {
        Name: 'Contracts_Community_Setup_Admin',
        Label: 'Contracts Community Setup Admin',
        NamespacePrefix: 'ccsa',
    },
    // Seed 000: the two permission sets every Contracts Customer Community Plus user needs.
    docGen: {
        Name: 'DocGenRuntimeCommunityUser',
        Label: 'DocGen Run-time Community User',
        standard: true,
        psl: 'DocGenRuntimeCommunityUserPsl',
    },
    ccPlusExperience: {
        Name: 'ContractManagementCCPlusDigitalExperienceUser',
        Label: 'Contract Management CC Plus Digital Experience User',
        standard: true,
        psl: 'ClmCcPlusDigitalExperiencePsl',
    },
    clmRuntime: { Name: 'CLMRuntimeUser', Label: 'CLM Runtime User', standard: true, psl: 'ClmRuntimeUserPsl' },
    clmPartner: {
        Name: 'CLMDigitalExperiencePartner',
        Label: 'CLM Digital Experience Partner',
        standard: true,
        psl: 'ClmDigitalExperiencePartnerPsl',
    },
    portalCaseAccess: { Name: 'Portal_Case_Access', Label: 'Portal Case Access' },
    legacyPortalData: {
        Name: 'Legacy_Portal_Data_Access',
        Label: 'Legacy Portal Data Access',
        userLicense: 'portalManagerCustom',
    },
    salesOps: { Name: 'Sales_Operations', Label: 'Sales Operations', userLicense: 'salesforce' },
};

/**
 * Permission set licenses behind the Contracts permission sets. The names are the sample
 * org's own (Salesforce's exact PSL names vary by edition and are not in the seeds).
 */
const PERMISSION_SET_LICENSES: ReadonlyArray<{ DeveloperName: string; MasterLabel: string; total: number }> = [
    // Seats for 6 more Contracts users (the enable-users flow); CLM Runtime User is nearly out.
    { DeveloperName: 'DocGenRuntimeCommunityUserPsl', MasterLabel: 'DocGen Runtime Community User', total: 13 },
    {
        DeveloperName: 'ClmCcPlusDigitalExperiencePsl',
        MasterLabel: 'Contract Management CC Plus Digital Experience',
        total: 13,
    },
    { DeveloperName: 'ClmRuntimeUserPsl', MasterLabel: 'CLM Runtime User', total: 3 },
    { DeveloperName: 'ClmDigitalExperiencePartnerPsl', MasterLabel: 'CLM Digital Experience Partner', total: 5 },
];

interface NetworkSpec {
    Name: string;
    Status: Network['Status'];
    UrlPathPrefix: string;
    showAll: boolean;
    selfRegistration: boolean;
    profiles: ProfileKey[];
    permissionSets: PermissionSetKey[];
}

/** Note: no site lists the Plus Login profile or the portal manager profile as a member. */
const NETWORKS: NetworkSpec[] = [
    {
        Name: 'Customer Portal',
        Status: 'Live',
        UrlPathPrefix: 'customers',
        showAll: true,
        selfRegistration: false,
        profiles: ['sysAdmin', 'ccUser', 'ccLoginUser', 'ccPlusUser', 'ccPlusContracts'],
        permissionSets: ['ccPlusExperience'],
    },
    {
        Name: 'Contracts Portal',
        Status: 'UnderConstruction',
        UrlPathPrefix: 'contracts',
        showAll: false,
        selfRegistration: false,
        profiles: ['sysAdmin', 'ccPlusContracts'],
        permissionSets: [],
    },
    {
        Name: 'Partner Central',
        Status: 'Live',
        UrlPathPrefix: 'partners',
        showAll: false,
        selfRegistration: false,
        profiles: ['sysAdmin', 'partnerUser', 'partnerLoginUser', 'goldPartnerUser'],
        permissionSets: [],
    },
    {
        Name: 'Member Login',
        Status: 'Live',
        UrlPathPrefix: 'login',
        showAll: false,
        selfRegistration: true,
        profiles: ['externalIdentityUser', 'hvcpUser'],
        permissionSets: [],
    },
];

/** A name as an email local part, username or nickname piece: "O'Brien" → "obrien", "Da Silva" → "dasilva". */
function slug(text: string): string {
    return text
        .normalize('NFD')
        .replace(/[^A-Za-z0-9]/g, '')
        .toLowerCase();
}

function developerName(text: string): string {
    return text.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

function isoDaysAgo(days: number, minutes = 0): string {
    return new Date(SAMPLE_NOW - days * DAY - minutes * 60 * 1000).toISOString();
}

/** A profile and the permission set it owns, as the main loop builds them. */
function lateProfile(
    spec: ProfileSpec,
    licenseIds: Record<LicenseKey, Id>,
    newId: (object: keyof typeof KEY_PREFIX) => Id,
): { profile: Profile; owned: PermissionSet } {
    const profile: Profile = {
        Id: newId('Profile'),
        Name: spec.Name,
        UserLicenseId: licenseIds[spec.license],
        UserType: LICENSES[spec.license].userType,
        PermissionsApiEnabled: spec.api ?? false,
        PermissionsModifyAllData: spec.modifyAll ?? false,
        PermissionsViewAllData: spec.viewAll ?? false,
        PermissionsManageUsers: spec.manageUsers ?? false,
    };
    const owned: PermissionSet = {
        Id: newId('PermissionSet'),
        Name: `X${profile.Id}`,
        Label: profile.Name,
        NamespacePrefix: null,
        IsOwnedByProfile: true,
        ProfileId: profile.Id,
        LicenseId: profile.UserLicenseId,
        IsCustom: spec.custom ?? false,
        PermissionsModifyAllData: profile.PermissionsModifyAllData,
        PermissionsViewAllData: profile.PermissionsViewAllData,
    };
    return { profile, owned };
}

/**
 * Builds the sample org.
 * @param seed PRNG seed; the default is the committed sample org
 */
export function generateSampleOrg(seed: number = SAMPLE_ORG_SEED, sizeName: SampleOrgSize = 'default'): SampleOrg {
    const size = SAMPLE_ORG_SIZES[sizeName];
    const accountOwners = ACCOUNT_OWNERS.map(([alias, count]): [string, number] => [alias, count * size.accountScale]);
    const accountCount = ACCOUNT_COUNT * size.accountScale;
    const groupCounts = EXTERNAL_GROUPS.map((group) => group.count * size.externalScale);
    if (size.externalUsers !== null) {
        groupCounts[0] += size.externalUsers - groupCounts.reduce((sum, count) => sum + count, 0);
    }
    const random = createRandom(seed);
    const nextId = createIdFactory();
    const newId = (object: keyof typeof KEY_PREFIX): Id => nextId(KEY_PREFIX[object]);

    const org: SampleOrg = {
        seed,
        defaultRunningUserId: '',
        Organization: {
            Id: newId('Organization'),
            Name: 'Northwind Contracts',
            OrganizationType: 'Enterprise Edition',
            InstanceName: 'NA224',
            IsSandbox: false,
            NamespacePrefix: null,
            DefaultLocaleSidKey: 'en_US',
            TimeZoneSidKey: 'America/Los_Angeles',
            LanguageLocaleKey: 'en_US',
        },
        // Digital Experiences is on, but standard external profiles are not allowed yet (seed 000 step 1).
        CommunitiesSettings: {
            enableNetworksEnabled: true,
            networksDomain: 'northwind-contracts.my.site.com',
            enableOotbProfExtUserOpsEnable: false,
        },
        UserLicense: [],
        Profile: [],
        UserRole: [],
        User: [],
        Account: [],
        Contact: [],
        PermissionSetLicense: [],
        PermissionSet: [],
        PermissionSetAssignment: [],
        PermissionSetLicenseAssign: [],
        CustomPermission: [],
        SetupEntityAccess: [],
        ObjectPermissions: [],
        Network: [],
        NetworkMemberGroup: [],
        Setup_Assistant_Log__c: [],
    };

    // Licenses and profiles.
    const licenseIds = {} as Record<LicenseKey, Id>;
    for (const [key, spec] of Object.entries(LICENSES) as [LicenseKey, (typeof LICENSES)[LicenseKey]][]) {
        const license: UserLicense = {
            Id: newId('UserLicense'),
            Name: spec.Name,
            MasterLabel: spec.Name,
            LicenseDefinitionKey: spec.key,
            Status: 'Active',
            TotalLicenses: spec.total,
            UsedLicenses: 0,
        };
        licenseIds[key] = license.Id;
        org.UserLicense.push(license);
    }
    const profiles = {} as Record<ProfileKey, Profile>;
    const profileOwnedSets = {} as Record<ProfileKey, PermissionSet>;
    for (const [key, spec] of Object.entries(PROFILES) as [ProfileKey, ProfileSpec][]) {
        const profile: Profile = {
            Id: newId('Profile'),
            Name: spec.Name,
            UserLicenseId: licenseIds[spec.license],
            UserType: LICENSES[spec.license].userType,
            PermissionsApiEnabled: spec.api ?? false,
            PermissionsModifyAllData: spec.modifyAll ?? false,
            PermissionsViewAllData: spec.viewAll ?? false,
            PermissionsManageUsers: spec.manageUsers ?? false,
        };
        profiles[key] = profile;
        org.Profile.push(profile);
        const owned: PermissionSet = {
            Id: newId('PermissionSet'),
            Name: `X${profile.Id}`,
            Label: profile.Name,
            NamespacePrefix: null,
            IsOwnedByProfile: true,
            ProfileId: profile.Id,
            LicenseId: profile.UserLicenseId,
            IsCustom: spec.custom ?? false,
            PermissionsModifyAllData: profile.PermissionsModifyAllData,
            PermissionsViewAllData: profile.PermissionsViewAllData,
        };
        profileOwnedSets[key] = owned;
        org.PermissionSet.push(owned);
    }
    const licenseOfProfile = (profileId: Id): LicenseKey => {
        const key = (Object.keys(PROFILES) as ProfileKey[]).find((k) => profiles[k].Id === profileId);
        return PROFILES[key as ProfileKey].license;
    };

    // Permission set licenses, permission sets, the assistant's custom permission.
    const pslIds = new Map<string, Id>();
    for (const spec of PERMISSION_SET_LICENSES) {
        const psl: PermissionSetLicense = {
            Id: newId('PermissionSetLicense'),
            DeveloperName: spec.DeveloperName,
            MasterLabel: spec.MasterLabel,
            PermissionSetLicenseKey: spec.DeveloperName,
            Status: 'Active',
            TotalLicenses: spec.total,
            UsedLicenses: 0,
            ExpirationDate: '2026-05-31',
        };
        pslIds.set(spec.DeveloperName, psl.Id);
        org.PermissionSetLicense.push(psl);
    }
    const permissionSets = {} as Record<PermissionSetKey, PermissionSet>;
    for (const [key, spec] of Object.entries(PERMISSION_SETS) as [PermissionSetKey, PermissionSetSpec][]) {
        const permissionSet: PermissionSet = {
            Id: newId('PermissionSet'),
            Name: spec.Name,
            Label: spec.Label,
            NamespacePrefix: spec.NamespacePrefix ?? null,
            IsOwnedByProfile: false,
            ProfileId: null,
            LicenseId: spec.psl ? (pslIds.get(spec.psl) as Id) : spec.userLicense ? licenseIds[spec.userLicense] : null,
            IsCustom: !spec.standard,
            PermissionsModifyAllData: false,
            PermissionsViewAllData: false,
        };
        permissionSets[key] = permissionSet;
        org.PermissionSet.push(permissionSet);
    }
    const customPermission = {
        Id: newId('CustomPermission'),
        DeveloperName: 'Manage_Contracts_Community_Users',
        MasterLabel: 'Manage Contracts Community Users',
        NamespacePrefix: 'ccsa',
    };
    org.CustomPermission.push(customPermission);
    org.SetupEntityAccess.push({
        Id: newId('SetupEntityAccess'),
        ParentId: permissionSets.ccsaAdmin.Id,
        SetupEntityId: customPermission.Id,
        SetupEntityType: 'CustomPermission',
    });

    // Object permissions that matter to license upgrades (seed 003: View All / Modify All are lost).
    const objectPermission = (parent: PermissionSet, sobject: string, access: string): void => {
        const row: ObjectPermissions = {
            Id: newId('ObjectPermissions'),
            ParentId: parent.Id,
            SobjectType: sobject,
            PermissionsRead: access.includes('R'),
            PermissionsCreate: access.includes('C'),
            PermissionsEdit: access.includes('E'),
            PermissionsDelete: access.includes('D'),
            PermissionsViewAllRecords: access.includes('V'),
            PermissionsModifyAllRecords: access.includes('M'),
        };
        org.ObjectPermissions.push(row);
    };
    for (const sobject of ['Account', 'Contact', 'Contract']) {
        objectPermission(profileOwnedSets.sysAdmin, sobject, 'RCEDVM');
    }
    objectPermission(profileOwnedSets.ccUser, 'Account', 'R');
    objectPermission(profileOwnedSets.ccUser, 'Contact', 'R');
    objectPermission(profileOwnedSets.ccPlusContracts, 'Account', 'R');
    objectPermission(profileOwnedSets.ccPlusContracts, 'Contact', 'RE');
    objectPermission(profileOwnedSets.ccPlusContracts, 'Contract', 'R');
    objectPermission(profileOwnedSets.portalManagerCustom, 'Account', 'RV');
    objectPermission(profileOwnedSets.portalManagerCustom, 'Contract', 'RV');
    objectPermission(permissionSets.legacyPortalData, 'Contract', 'REVM');

    // Internal roles and users.
    const roleIds = new Map<string, Id>();
    for (const [name, parent] of INTERNAL_ROLES) {
        const role: UserRole = {
            Id: newId('UserRole'),
            Name: name,
            DeveloperName: developerName(name),
            ParentRoleId: parent ? (roleIds.get(parent) as Id) : null,
            PortalType: 'None',
            PortalAccountId: null,
            PortalRole: null,
        };
        roleIds.set(name, role.Id);
        org.UserRole.push(role);
    }
    const nicknames = new Set<string>();
    const uniqueNickname = (base: string): string => {
        let nickname = base;
        for (let n = 1; nicknames.has(nickname); n++) {
            nickname = `${base}${n}`;
        }
        nicknames.add(nickname);
        return nickname;
    };
    const assignments: Array<{ user: User; permissionSets: PermissionSetKey[]; strayLicenses: PermissionSetKey[] }> =
        [];
    const usersByAlias = new Map<string, User>();
    for (const spec of INTERNAL_USERS) {
        const profile = profiles[spec.profile];
        const email = `${slug(spec.first)}.${slug(spec.last)}@northwind-contracts.example`;
        const user: User = {
            Id: newId('User'),
            Username: email,
            FirstName: spec.first,
            LastName: spec.last,
            Name: `${spec.first} ${spec.last}`,
            Alias: spec.alias,
            CommunityNickname: uniqueNickname(`${slug(spec.first)}.${slug(spec.last)}`),
            Email: email,
            IsActive: spec.active,
            ProfileId: profile.Id,
            UserRoleId: spec.role ? (roleIds.get(spec.role) as Id) : null,
            ContactId: null,
            AccountId: null,
            UserType: 'Standard',
            UserPermissionsSFContentUser: spec.profile === 'sysAdmin' || spec.permissionSets.includes('clmRuntime'),
            LocaleSidKey: 'en_US',
            TimeZoneSidKey: 'America/Los_Angeles',
            LanguageLocaleKey: 'en_US',
            EmailEncodingKey: 'UTF-8',
            CreatedDate: isoDaysAgo(random.int(400, 1500)),
            SystemModstamp: isoDaysAgo(random.int(1, 90), random.int(0, 600)),
            LastLoginDate: spec.active ? isoDaysAgo(random.int(0, 3), random.int(0, 600)) : isoDaysAgo(240),
        };
        usersByAlias.set(spec.alias, user);
        org.User.push(user);
        assignments.push({ user, permissionSets: spec.permissionSets, strayLicenses: [] });
    }
    org.defaultRunningUserId = (usersByAlias.get('aadmin') as User).Id;

    // Accounts: unique names, owners shuffled so that owners with and without a role interleave.
    const owners = random.shuffle(
        accountOwners.flatMap(([alias, count]) => Array.from({ length: count }, () => alias)),
    );
    const accountNames = new Set<string>();
    const accountDomains = new Map<Id, string>();
    const accountLocations = new Map<Id, (typeof LOCATIONS)[number]>();
    const ownerAliasOf = new Map<Id, string>();
    for (let i = 0; i < accountCount; i++) {
        let stem: string;
        do {
            stem = `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_KINDS)}`;
        } while (accountNames.has(stem));
        accountNames.add(stem);
        const location = random.pick(LOCATIONS);
        const account: Account = {
            Id: newId('Account'),
            Name: `${stem} ${random.pick(COMPANY_SUFFIXES)}`,
            OwnerId: (usersByAlias.get(owners[i]) as User).Id,
            Type: random.pick(['Customer - Direct', 'Customer - Channel', 'Prospect']),
            Industry: random.pick(INDUSTRIES),
            BillingCity: location.city,
            BillingCountry: location.country,
            IsPartner: false,
            IsCustomerPortal: false,
        };
        accountDomains.set(account.Id, `${stem.toLowerCase().replace(/\s+/g, '-')}.example`);
        accountLocations.set(account.Id, location);
        ownerAliasOf.set(account.Id, owners[i]);
        org.Account.push(account);
    }

    // Contacts: at least two per account, the rest spread at random, a few without an account.
    const perAccount = org.Account.map(() => 2);
    for (let extra = size.contacts - CONTACTS_WITHOUT_ACCOUNT - 2 * accountCount; extra > 0; extra--) {
        perAccount[random.int(0, accountCount - 1)]++;
    }
    const emails = new Set<string>();
    const uniqueEmail = (local: string, domain: string): string => {
        let email = `${local}@${domain}`;
        for (let n = 2; emails.has(email); n++) {
            email = `${local}${n}@${domain}`;
        }
        emails.add(email);
        return email;
    };
    const contactsOf = new Map<Id, Contact[]>();
    const newContact = (account: Account | null): Contact => {
        const first = random.pick(FIRST_NAMES);
        const last = random.pick(LAST_NAMES);
        const domain = account ? (accountDomains.get(account.Id) as string) : 'mail.example';
        const contact: Contact = {
            Id: newId('Contact'),
            FirstName: first,
            LastName: last,
            Email: uniqueEmail(`${slug(first)}.${slug(last)}`, domain),
            AccountId: account?.Id ?? null,
            OwnerId: account ? account.OwnerId : (usersByAlias.get('cowens') as User).Id,
            Title: random.chance(0.85) ? random.pick(TITLES) : null,
            Phone: random.chance(0.7) ? `+1 555 01${String(random.int(0, 99)).padStart(2, '0')}` : null,
            MailingCountry: account ? (accountLocations.get(account.Id)?.country ?? null) : null,
        };
        org.Contact.push(contact);
        return contact;
    };
    org.Account.forEach((account, index) => {
        contactsOf.set(
            account.Id,
            Array.from({ length: perAccount[index] }, () => newContact(account)),
        );
    });
    for (let i = 0; i < CONTACTS_WITHOUT_ACCOUNT; i++) {
        newContact(null);
    }

    // External users, each on a contact of a suitable account.
    const takenContacts = new Set<Id>();
    const roleOwnedAccounts = org.Account.filter((a) => ROLE_OWNER_ALIASES.has(ownerAliasOf.get(a.Id) as string));
    // Partner users need a partner account (seed 003), whose owner has a role.
    const partnerAccounts = random.shuffle(roleOwnedAccounts).slice(0, 6 * size.accountScale);
    for (const account of partnerAccounts) {
        account.IsPartner = true;
    }
    const customerRoleAccounts = roleOwnedAccounts.filter((a) => !a.IsPartner);
    const portalRoleOf = new Map<string, Id>();
    const portalRole = (account: Account, type: 'CustomerPortal' | 'Partner'): Id => {
        const key = `${account.Id}/${type}`;
        const existing = portalRoleOf.get(key);
        if (existing) {
            return existing;
        }
        const ownerRoleId = org.User.find((u) => u.Id === account.OwnerId)?.UserRoleId ?? null;
        // "Partner <Account Name> User or Customer <Account Name> User" (seed 003).
        const name = `${type === 'Partner' ? 'Partner' : 'Customer'} ${account.Name} User`;
        const role: UserRole = {
            Id: newId('UserRole'),
            Name: name,
            DeveloperName: developerName(name),
            ParentRoleId: ownerRoleId,
            PortalType: type,
            PortalAccountId: account.Id,
            PortalRole: 'User',
        };
        portalRoleOf.set(key, role.Id);
        org.UserRole.push(role);
        return role.Id;
    };
    const freeContact = (candidates: ReadonlyArray<Account>): { account: Account; contact: Contact } => {
        for (let attempt = 0; attempt < 1000; attempt++) {
            const account = random.pick(candidates);
            const contact = (contactsOf.get(account.Id) as Contact[]).find((c) => !takenContacts.has(c.Id));
            if (contact) {
                takenContacts.add(contact.Id);
                return { account, contact };
            }
        }
        throw new Error('Sample org generator: no free contact left for an external user');
    };
    for (const [groupIndex, group] of EXTERNAL_GROUPS.entries()) {
        const count = groupCounts[groupIndex];
        const inactive = group.inactive * size.externalScale;
        const profile = profiles[group.profile];
        const userType = profile.UserType;
        const candidates =
            userType === 'PowerPartner'
                ? partnerAccounts
                : userType === 'PowerCustomerSuccess'
                  ? customerRoleAccounts
                  : org.Account;
        for (let index = 0; index < count; index++) {
            const { account, contact } = freeContact(candidates);
            const location = accountLocations.get(account.Id) as (typeof LOCATIONS)[number];
            const active = index < count - inactive;
            let roleId: Id | null = null;
            if (userType === 'PowerPartner') {
                roleId = portalRole(account, 'Partner');
            } else if (userType === 'PowerCustomerSuccess') {
                roleId = portalRole(account, 'CustomerPortal');
                account.IsCustomerPortal = true;
            }
            const user: User = {
                Id: newId('User'),
                Username: contact.Email as string,
                FirstName: contact.FirstName,
                LastName: contact.LastName,
                Name: `${contact.FirstName} ${contact.LastName}`,
                Alias: `${slug(contact.FirstName).charAt(0)}${slug(contact.LastName).slice(0, 4)}`,
                CommunityNickname: uniqueNickname(`${slug(contact.FirstName)}.${slug(contact.LastName)}`),
                Email: contact.Email as string,
                IsActive: active,
                ProfileId: profile.Id,
                UserRoleId: roleId,
                ContactId: contact.Id,
                AccountId: account.Id,
                UserType: userType,
                UserPermissionsSFContentUser: group.contentUser ? group.contentUser(index) : false,
                LocaleSidKey: location.locale,
                TimeZoneSidKey: location.timeZone,
                LanguageLocaleKey: location.language,
                EmailEncodingKey: 'UTF-8',
                CreatedDate: isoDaysAgo(random.int(30, 900)),
                SystemModstamp: isoDaysAgo(random.int(1, 30), random.int(0, 600)),
                LastLoginDate: active && random.chance(0.8) ? isoDaysAgo(random.int(0, 60), random.int(0, 600)) : null,
            };
            org.User.push(user);
            assignments.push({
                user,
                permissionSets: group.permissionSets?.[index] ?? [],
                strayLicenses: group.strayLicenses?.[index] ?? [],
            });
        }
    }

    // Contact data problems, only on contacts without a user (a user's contact had a valid email).
    const spare = random.shuffle(org.Contact.filter((c) => !takenContacts.has(c.Id) && c.AccountId !== null));
    spare.slice(0, 8).forEach((contact) => {
        contact.Email = null;
    });
    spare.slice(8, 8 + MALFORMED_EMAILS.length).forEach((contact, i) => {
        const [local, domain] = (contact.Email as string).split('@');
        contact.Email = MALFORMED_EMAILS[i](local, domain);
    });
    // Two contacts of one account share a team mailbox: usernames derived from email collide.
    const [first, second] = spare.slice(20, 22);
    second.AccountId = first.AccountId;
    second.OwnerId = first.OwnerId;
    second.MailingCountry = first.MailingCountry;
    first.Email = `contracts@${(first.Email as string).split('@')[1]}`;
    second.Email = first.Email;
    // A namesake of an enabled user: the derived nickname must not collide with the user's.
    const enabled = org.User.find((u) => u.ContactId !== null && u.IsActive) as User;
    const namesake = spare[22];
    namesake.FirstName = enabled.FirstName;
    namesake.LastName = enabled.LastName;
    namesake.Email = uniqueEmail(`${slug(enabled.FirstName)}.${slug(enabled.LastName)}`, 'mail.example');

    // Permission set and permission set license assignments.
    const pslFor = (key: PermissionSetKey): Id | null => {
        const psl = PERMISSION_SETS[key].psl;
        return psl ? (pslIds.get(psl) as Id) : null;
    };
    for (const { user, permissionSets: keys, strayLicenses } of assignments) {
        const licenses = new Set<Id>();
        for (const key of keys) {
            org.PermissionSetAssignment.push({
                Id: newId('PermissionSetAssignment'),
                AssigneeId: user.Id,
                PermissionSetId: permissionSets[key].Id,
            });
            const psl = pslFor(key);
            if (psl) {
                licenses.add(psl);
            }
        }
        for (const key of strayLicenses) {
            licenses.add(pslFor(key) as Id);
        }
        for (const psl of licenses) {
            org.PermissionSetLicenseAssign.push({
                Id: newId('PermissionSetLicenseAssign'),
                AssigneeId: user.Id,
                PermissionSetLicenseId: psl,
            });
        }
    }

    // Sites and their members.
    for (const spec of NETWORKS) {
        const network: Network = {
            Id: newId('Network'),
            Name: spec.Name,
            Status: spec.Status,
            UrlPathPrefix: spec.UrlPathPrefix,
            OptionsShowAllNetworkSettings: spec.showAll,
            OptionsSelfRegistrationEnabled: spec.selfRegistration,
        };
        org.Network.push(network);
        const parents = [
            ...spec.profiles.map((k) => profiles[k].Id),
            ...spec.permissionSets.map((k) => permissionSets[k].Id),
        ];
        for (const parentId of parents) {
            org.NetworkMemberGroup.push({ Id: newId('NetworkMemberGroup'), NetworkId: network.Id, ParentId: parentId });
        }
    }

    // Seed 000's clone of the Plus Login profile with API Enabled, the profile the enable-users
    // flow can fill (Plus has one seat left). Added last, so that every other Id stays the same.
    const loginContracts = lateProfile(
        { Name: 'Customer Community Plus Login User - Contracts', license: 'ccPlusLogin', api: true, custom: true },
        licenseIds,
        newId,
    );
    org.Profile.push(loginContracts.profile);
    org.PermissionSet.push(loginContracts.owned);
    objectPermission(loginContracts.owned, 'Account', 'R');
    objectPermission(loginContracts.owned, 'Contact', 'RE');
    objectPermission(loginContracts.owned, 'Contract', 'R');
    for (const network of org.Network.filter(
        (n) => n.UrlPathPrefix === 'customers' || n.UrlPathPrefix === 'contracts',
    )) {
        org.NetworkMemberGroup.push({
            Id: newId('NetworkMemberGroup'),
            NetworkId: network.Id,
            ParentId: loginContracts.profile.Id,
        });
    }

    // Seat counts follow from the records, as Salesforce computes them.
    for (const license of org.UserLicense) {
        license.UsedLicenses = org.User.filter(
            (u) => u.IsActive && licenseIds[licenseOfProfile(u.ProfileId)] === license.Id,
        ).length;
    }
    for (const psl of org.PermissionSetLicense) {
        psl.UsedLicenses = org.PermissionSetLicenseAssign.filter((a) => a.PermissionSetLicenseId === psl.Id).length;
    }
    if (size.seatsLeft !== null) {
        for (const license of [...org.UserLicense, ...org.PermissionSetLicense]) {
            license.TotalLicenses = license.UsedLicenses + size.seatsLeft;
        }
    }
    return org;
}

/**
 * Log rows of changes "made before the page opened", so that the History panel of the preview
 * has something to show: enablements (one failed), a license change with what it removed and
 * restored, readiness fixes (one refused by the platform) and a confirmation. Deterministic
 * (fixed dates before {@link SAMPLE_NOW}, users picked by name, no PRNG draw), and not part of
 * {@link generateSampleOrg}: that org is the freshly installed package the tests count logs in.
 * The preview page (preview/src/main.mjs) adds them; LICENSE_CHANGE rows are closed (Completed)
 * so that no license change finds an open snapshot. An org that already holds History (the page's
 * org restored after a reload, `jobEngine.restoreSaved`, with the seeded rows among it) gets
 * nothing: seeding again would list the same changes twice under new numbers.
 * @returns the rows added
 */
export function seedHistoricalLogs(org: SampleOrg): SampleOrg['Setup_Assistant_Log__c'] {
    if (org.Setup_Assistant_Log__c.length > 0) {
        return [];
    }
    const nextId = createIdFactory();
    const taken = new Set(org.Setup_Assistant_Log__c.map((log) => log.Id));
    const newLogId = (): Id => {
        let id: Id;
        do {
            id = nextId(KEY_PREFIX.Setup_Assistant_Log__c);
        } while (taken.has(id));
        taken.add(id);
        return id;
    };
    // By code unit, not localeCompare: the first localeCompare of a page loads ICU's collation data
    // (milliseconds of a first visit), and the generated names sort the same either way.
    const byName = (a: User, b: User) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0);
    const admin = org.User.find((u) => u.Id === org.defaultRunningUserId) as User;
    const customers = org.User.filter((u) => u.UserType === 'PowerCustomerSuccess' && u.IsActive).sort(byName);
    const [enabled, upgraded] = [customers[0], customers[1] ?? customers[0]];
    const permissionSetIds = org.PermissionSet.filter(
        (ps) =>
            ps.Label === 'DocGen Run-time Community User' ||
            ps.Label === 'Contract Management CC Plus Digital Experience User',
    ).map((ps) => ps.Id);
    const site = org.Network[0];
    const customerCommunityProfileId = org.Profile.find((p) => p.UserType === 'CspLitePortal')?.Id ?? null;
    const at = (daysAgo: number, hour: number): string =>
        new Date(SAMPLE_NOW - daysAgo * DAY + (hour - 9) * 60 * 60 * 1000).toISOString();

    type Log = SampleOrg['Setup_Assistant_Log__c'][number];
    const rows: Array<Omit<UnwrittenLog, 'Id' | 'Name' | 'CreatedById'>> = [
        {
            Action__c: 'CONFIRM_READINESS_STEP',
            Status__c: 'Completed',
            Target_User__c: null,
            Snapshot__c: null,
            Before__c: null,
            After__c: 'STANDARD_EXTERNAL_PROFILES',
            Restored__c: null,
            Removed__c: null,
            Error__c: null,
            CreatedDate: at(21, 10),
        },
        {
            Action__c: 'ACTIVATE_SITE',
            Status__c: 'Failed',
            Target_User__c: null,
            Snapshot__c: null,
            Before__c: JSON.stringify({ networkId: site?.Id ?? null, Status: 'UnderConstruction' }),
            After__c: null,
            Restored__c: null,
            Removed__c: null,
            Error__c:
                'FIELD_INTEGRITY_EXCEPTION: A site needs a published Experience Builder page before it can go Live.',
            CreatedDate: at(20, 11),
        },
        {
            Action__c: 'ENABLE_USER',
            Status__c: 'Created',
            Target_User__c: enabled?.Id ?? null,
            Snapshot__c: null,
            Before__c: JSON.stringify({ contactId: enabled?.ContactId ?? null }),
            After__c: JSON.stringify({
                ContactId: enabled?.ContactId ?? null,
                ProfileId: enabled?.ProfileId ?? null,
                Username: enabled?.Username ?? null,
                CommunityNickname: enabled?.CommunityNickname ?? null,
                Alias: enabled?.Alias ?? null,
                PermissionSetIds: permissionSetIds,
            }),
            Restored__c: JSON.stringify(permissionSetIds),
            Removed__c: null,
            Error__c: null,
            CreatedDate: at(14, 15),
        },
        {
            Action__c: 'ENABLE_USER',
            Status__c: 'Failed',
            Target_User__c: null,
            Snapshot__c: null,
            Before__c: JSON.stringify({ contactId: org.Contact[0]?.Id ?? null }),
            After__c: null,
            Restored__c: JSON.stringify([]),
            Removed__c: null,
            Error__c:
                'DUPLICATE_COMM_NICKNAME: The nickname is already in use; pick another one.\nNo user was created.',
            CreatedDate: at(14, 15),
        },
        {
            Action__c: 'LICENSE_CHANGE',
            Status__c: 'Completed',
            Target_User__c: upgraded?.Id ?? null,
            Snapshot__c: JSON.stringify({
                beforeProfileId: customerCommunityProfileId,
                targetProfileId: upgraded?.ProfileId ?? null,
                permissionSetIds,
                permissionSetLicenseIds: [],
            }),
            Before__c: JSON.stringify({
                profileId: customerCommunityProfileId,
                licenseName: 'Customer Community',
                permissionSetIds,
            }),
            After__c: JSON.stringify({
                profileId: upgraded?.ProfileId ?? null,
                licenseName: 'Customer Community Plus',
                permissionSetIds: permissionSetIds.slice(0, 1),
            }),
            Restored__c: JSON.stringify(permissionSetIds.slice(0, 1)),
            Removed__c: JSON.stringify(permissionSetIds.slice(1)),
            Error__c: null,
            CreatedDate: at(7, 13),
        },
        {
            Action__c: 'SHOW_ALL_SETTINGS',
            Status__c: 'Completed',
            Target_User__c: null,
            Snapshot__c: null,
            Before__c: JSON.stringify({ networkId: site?.Id ?? null, OptionsShowAllNetworkSettings: false }),
            After__c: JSON.stringify({ fix: 'SHOW_ALL_SETTINGS', ok: true }),
            Restored__c: null,
            Removed__c: null,
            Error__c: null,
            CreatedDate: at(2, 9),
        },
    ];
    // Created before anything the page does: first in the table, numbered from 1.
    // As `SetupAssistantLogWriter` wrote them: with who each is about.
    const added: Log[] = rows.map((row, index) =>
        withSubject(org, {
            Id: newLogId(),
            Name: `LOG-${String(index + 1).padStart(7, '0')}`,
            CreatedById: admin.Id,
            ...row,
        }),
    );
    org.Setup_Assistant_Log__c.unshift(...added);
    return added;
}
