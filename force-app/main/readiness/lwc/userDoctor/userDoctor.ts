/**
 * The user doctor: for one user, every condition a working Salesforce Contracts portal user needs
 * (seed 000_552be9b3d93d1988.txt, "Create a customer community plus user ..."), each passed,
 * failed or unknown, with a remedy: a fix Apex DML can do, the license upgrade validator, or a
 * Setup link. Pure: facts in, checks out. Checks carry a stable code and the values their
 * message needs; the UI turns each code into a sentence from a Custom Label.
 */
import { canonicalLicenseName } from 'c/licenseConversion';
import {
    CONTRACTS_PERMISSION_SETS,
    SETUP_URLS,
    findPermissionSet,
    isCustomerCommunityPlus,
    memberStatusKind,
    profileUrl,
    recordUrl,
    seatsLeft,
    userUrl,
} from 'c/readinessRules';
import type { ContractsPermissionSetKey } from 'c/readinessRules';

// ---------------------------------------------------------------------------------------------
// Facts (filled by Apex)
// ---------------------------------------------------------------------------------------------

/** A site the user reaches, and how (`NetworkMemberGroup.ParentId` = the user's profile or one of their permission sets). */
export type ReachedSiteFact = Apex.UserDoctorService.ReachedSiteFact;

/** One user, as the doctor sees it: the DTO of `UserDoctorService` (types/apex/UserDoctorService.d.ts). */
export type DoctorUserFact = Apex.UserDoctorService.DoctorUserFact;

/** What the doctor needs from the org, read once for any number of users. */
export type DoctorOrgFacts = Apex.UserDoctorService.DoctorOrgFacts;

// ---------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------

export type CheckId =
    | 'ACTIVE'
    | 'LICENSE'
    | 'PROFILE_API_ENABLED'
    | 'CONTENT_USER'
    | 'DOCGEN_PERMISSION_SET_LICENSE'
    | 'DOCGEN_PERMISSION_SET'
    | 'CCPLUS_PERMISSION_SET_LICENSE'
    | 'CCPLUS_PERMISSION_SET'
    | 'SITE_MEMBER'
    | 'CONTACT'
    | 'ACCOUNT'
    | 'ACCOUNT_OWNER_ROLE';

/** The checks in the order of seed 000's user steps; the order to apply fixes in. */
export const CHECK_ORDER: readonly CheckId[] = [
    'ACTIVE',
    'LICENSE',
    'PROFILE_API_ENABLED',
    'CONTENT_USER',
    'DOCGEN_PERMISSION_SET_LICENSE',
    'DOCGEN_PERMISSION_SET',
    'CCPLUS_PERMISSION_SET_LICENSE',
    'CCPLUS_PERMISSION_SET',
    'SITE_MEMBER',
    'CONTACT',
    'ACCOUNT',
    'ACCOUNT_OWNER_ROLE',
];

export type CheckStatus = 'pass' | 'fail' | 'unknown';

export type CheckCode =
    | 'USER_ACTIVE'
    | 'USER_INACTIVE'
    | 'LICENSE_CCP'
    | 'LICENSE_NOT_CCP'
    | 'LICENSE_UNKNOWN'
    | 'PROFILE_API_ENABLED'
    | 'PROFILE_API_DISABLED'
    | 'PROFILE_API_UNKNOWN'
    | 'CONTENT_USER_ON'
    | 'CONTENT_USER_OFF'
    | 'PERMISSION_SET_LICENSE_ASSIGNED'
    | 'PERMISSION_SET_LICENSE_NOT_REQUIRED'
    | 'PERMISSION_SET_LICENSE_NOT_ASSIGNED'
    | 'PERMISSION_SET_LICENSE_NO_SEATS'
    | 'PERMISSION_SET_LICENSE_UNKNOWN'
    | 'PERMISSION_SET_ASSIGNED'
    | 'PERMISSION_SET_NOT_ASSIGNED'
    | 'PERMISSION_SET_NOT_IN_ORG'
    | 'SITE_MEMBER_LIVE'
    | 'SITE_MEMBER_NOT_LIVE'
    | 'SITE_NOT_MEMBER'
    | 'SITE_MEMBERSHIP_PENDING'
    | 'SITE_MEMBERSHIP_FAILED'
    | 'SITE_MEMBERSHIP_UNKNOWN'
    | 'CONTACT_PRESENT'
    | 'CONTACT_MISSING'
    | 'ACCOUNT_PRESENT'
    | 'ACCOUNT_MISSING'
    | 'ACCOUNT_UNKNOWN'
    | 'ACCOUNT_OWNER_HAS_ROLE'
    | 'ACCOUNT_OWNER_NO_ROLE'
    | 'ACCOUNT_OWNER_ROLE_UNKNOWN';

/** The fixes Apex DML can do. Each names its ids in `values`. */
export type DoctorFix =
    /** `User.IsActive = true` (takes a seat of the user's license); values: [userId]. */
    | 'ACTIVATE_USER'
    /** `User.UserPermissionsSFContentUser = true`; values: [userId]. */
    | 'ENABLE_CONTENT_USER'
    /** insert `PermissionSetLicenseAssign`; values: [userId, permissionSetLicenseId]. */
    | 'ASSIGN_PSL'
    /** insert `PermissionSetAssignment`; values: [userId, permissionSetId]. */
    | 'ASSIGN_PERMISSION_SET'
    /** `Network.Status = 'Live'` (as in `c/readinessRules`); values: [siteId]. */
    | 'ACTIVATE_SITE'
    /** insert `NetworkMemberGroup` (as in `c/readinessRules`); values: [siteId, profileId]. */
    | 'ADD_PROFILE_MEMBER';

export type Remedy =
    | { kind: 'fix'; fix: DoctorFix; values: readonly string[] }
    /** The license is not Customer Community Plus: the license upgrade validator takes over. */
    | { kind: 'upgrade'; values: readonly string[] }
    | { kind: 'setup-link'; url: string };

export interface DoctorCheck {
    id: CheckId;
    status: CheckStatus;
    code: CheckCode;
    values?: readonly string[];
    /** What to do when the check did not pass (none for a pass, nor for an unknown nothing can settle). */
    remedy?: Remedy;
    /** Failed checks whose remedy must come first: this check's fix would fail before them. */
    blockedBy?: readonly CheckId[];
}

export interface DoctorResult {
    userId: string;
    checks: DoctorCheck[];
    counts: Record<CheckStatus, number>;
    /** Every check passed. */
    healthy: boolean;
    /** The fixes that can run now (not blocked), in check order. */
    fixes: Array<Extract<Remedy, { kind: 'fix' }>>;
}

const link = (url: string): Remedy => ({ kind: 'setup-link', url });
const fix = (code: DoctorFix, ...values: string[]): Remedy => ({ kind: 'fix', fix: code, values });

function check(id: CheckId, status: CheckStatus, code: CheckCode, values?: string[], remedy?: Remedy): DoctorCheck {
    const result: DoctorCheck = { id, status, code };
    if (values) result.values = values;
    if (remedy) result.remedy = remedy;
    return result;
}

/** Reactivation takes a seat and restores the login; the doctor proposes it, the admin decides. */
function activeCheck(user: DoctorUserFact): DoctorCheck {
    return user.isActive
        ? check('ACTIVE', 'pass', 'USER_ACTIVE', [user.name])
        : check('ACTIVE', 'fail', 'USER_INACTIVE', [user.name], fix('ACTIVATE_USER', user.id));
}

/**
 * Seed 000: "User License: Customer Community Plus". Any other license is a license change,
 * which seed 003's table and considerations govern: the upgrade validator's job.
 */
function licenseCheck(user: DoctorUserFact): DoctorCheck {
    if (!user.licenseName) {
        return check('LICENSE', 'unknown', 'LICENSE_UNKNOWN', [user.profileName], link(profileUrl(user.profileId)));
    }
    const license = canonicalLicenseName(user.licenseName);
    return isCustomerCommunityPlus(license)
        ? check('LICENSE', 'pass', 'LICENSE_CCP', [license])
        : check('LICENSE', 'fail', 'LICENSE_NOT_CCP', [license], { kind: 'upgrade', values: [user.id] });
}

/** Seed 000: "In the Administrative Permissions section, select API Enabled." Profiles take no DML. */
function profileCheck(user: DoctorUserFact): DoctorCheck {
    const remedy = link(profileUrl(user.profileId));
    if (user.profileApiEnabled === null) {
        return check('PROFILE_API_ENABLED', 'unknown', 'PROFILE_API_UNKNOWN', [user.profileName], remedy);
    }
    return user.profileApiEnabled
        ? check('PROFILE_API_ENABLED', 'pass', 'PROFILE_API_ENABLED', [user.profileName])
        : check('PROFILE_API_ENABLED', 'fail', 'PROFILE_API_DISABLED', [user.profileName], remedy);
}

/** Seed 000: "Select Salesforce CRM Content User." */
function contentCheck(user: DoctorUserFact): DoctorCheck {
    return user.contentUser
        ? check('CONTENT_USER', 'pass', 'CONTENT_USER_ON')
        : check('CONTENT_USER', 'fail', 'CONTENT_USER_OFF', [user.name], fix('ENABLE_CONTENT_USER', user.id));
}

const PERMISSION_SET_CHECKS: ReadonlyArray<[ContractsPermissionSetKey, CheckId, CheckId]> = [
    ['DOCGEN_RUNTIME_COMMUNITY_USER', 'DOCGEN_PERMISSION_SET_LICENSE', 'DOCGEN_PERMISSION_SET'],
    ['CCPLUS_DIGITAL_EXPERIENCE_USER', 'CCPLUS_PERMISSION_SET_LICENSE', 'CCPLUS_PERMISSION_SET'],
];

/**
 * Seed 000: "assign DocGen Run-time Community User, and Contract Management CC Plus Digital
 * Experience User permission set". A permission set tied to a permission set license can only be
 * assigned once the user holds that license, which needs a free seat: the license check first.
 */
function permissionSetChecks(
    user: DoctorUserFact,
    org: DoctorOrgFacts,
    key: ContractsPermissionSetKey,
    licenseCheckId: CheckId,
    setCheckId: CheckId,
): DoctorCheck[] {
    const known = CONTRACTS_PERMISSION_SETS[key];
    const permissionSet = findPermissionSet(org.permissionSets, known);
    if (!permissionSet) {
        // Contracts is not provisioned (or the set was renamed): nothing to assign from here.
        return [
            check(licenseCheckId, 'unknown', 'PERMISSION_SET_LICENSE_UNKNOWN', [known.label]),
            check(setCheckId, 'fail', 'PERMISSION_SET_NOT_IN_ORG', [known.label], link(SETUP_URLS.permissionSets)),
        ];
    }
    let licenseResult: DoctorCheck;
    const pslId = permissionSet.permissionSetLicenseId;
    const psl = org.permissionSetLicenses.find((item) => item.id === pslId);
    const pslLabel = psl?.label ?? pslId ?? '';
    if (!pslId) {
        licenseResult = check(licenseCheckId, 'pass', 'PERMISSION_SET_LICENSE_NOT_REQUIRED', [permissionSet.label]);
    } else if (user.permissionSetLicenseIds.includes(pslId)) {
        licenseResult = check(licenseCheckId, 'pass', 'PERMISSION_SET_LICENSE_ASSIGNED', [pslLabel]);
    } else if (psl && seatsLeft(psl) === 0) {
        licenseResult = check(
            licenseCheckId,
            'fail',
            'PERMISSION_SET_LICENSE_NO_SEATS',
            [pslLabel, String(psl.totalLicenses), String(psl.usedLicenses)],
            link(SETUP_URLS.companyInformation),
        );
    } else {
        licenseResult = check(
            licenseCheckId,
            'fail',
            'PERMISSION_SET_LICENSE_NOT_ASSIGNED',
            [pslLabel],
            fix('ASSIGN_PSL', user.id, pslId),
        );
    }
    const assigned = user.permissionSets.some((item) => item.id === permissionSet.id);
    const setResult = assigned
        ? check(setCheckId, 'pass', 'PERMISSION_SET_ASSIGNED', [permissionSet.label])
        : check(
              setCheckId,
              'fail',
              'PERMISSION_SET_NOT_ASSIGNED',
              [permissionSet.label],
              fix('ASSIGN_PERMISSION_SET', user.id, permissionSet.id),
          );
    return [licenseResult, setResult];
}

/**
 * Seed 000: the site is activated and the profile added to its members. A user who reaches no Live
 * site gets "invalid username or password" at login: the failure Setup explains worst.
 */
function siteCheck(user: DoctorUserFact, org: DoctorOrgFacts): DoctorCheck {
    if (!user.sites) {
        return check('SITE_MEMBER', 'unknown', 'SITE_MEMBERSHIP_UNKNOWN', [user.name], link(SETUP_URLS.allSites));
    }
    // Only an "Added" membership lets the user in (NetworkMemberGroup.AssignmentStatus); adding one
    // is asynchronous, so right after "Add to site" the membership is pending, not done.
    const added = user.sites.filter((site) => memberStatusKind(site.assignmentStatus) === 'added');
    const live = added.find((site) => site.status === 'Live');
    if (live) {
        return check('SITE_MEMBER', 'pass', 'SITE_MEMBER_LIVE', [live.name, live.viaName ?? '']);
    }
    const waiting = user.sites.find((site) => memberStatusKind(site.assignmentStatus) !== 'added');
    if (waiting && added.length === 0) {
        const failed = memberStatusKind(waiting.assignmentStatus) === 'failed';
        return check(
            'SITE_MEMBER',
            failed ? 'fail' : 'unknown',
            failed ? 'SITE_MEMBERSHIP_FAILED' : 'SITE_MEMBERSHIP_PENDING',
            [waiting.name, waiting.assignmentStatus ?? ''],
            link(SETUP_URLS.allSites),
        );
    }
    const [reached] = added;
    if (reached) {
        return check(
            'SITE_MEMBER',
            'fail',
            'SITE_MEMBER_NOT_LIVE',
            user.sites.map((site) => site.name),
            fix('ACTIVATE_SITE', reached.id),
        );
    }
    const site = org.portalSite;
    return site
        ? check(
              'SITE_MEMBER',
              'fail',
              'SITE_NOT_MEMBER',
              [user.profileName, site.name],
              fix('ADD_PROFILE_MEMBER', site.id, user.profileId),
          )
        : check('SITE_MEMBER', 'fail', 'SITE_NOT_MEMBER', [user.profileName, ''], link(SETUP_URLS.allSites));
}

/** A portal user is a contact's user; the contact must belong to an account. */
function contactChecks(user: DoctorUserFact): DoctorCheck[] {
    if (!user.contactId) {
        // An internal user, or a contact deleted under the user: nothing the doctor can repair.
        return [
            check('CONTACT', 'fail', 'CONTACT_MISSING', [user.name], link(userUrl(user.id))),
            check('ACCOUNT', 'unknown', 'ACCOUNT_UNKNOWN', [user.name]),
            check('ACCOUNT_OWNER_ROLE', 'unknown', 'ACCOUNT_OWNER_ROLE_UNKNOWN', []),
        ];
    }
    const contact = check('CONTACT', 'pass', 'CONTACT_PRESENT', [user.name]);
    if (!user.accountId) {
        return [
            contact,
            check('ACCOUNT', 'fail', 'ACCOUNT_MISSING', [user.name], link(recordUrl('Contact', user.contactId))),
            check('ACCOUNT_OWNER_ROLE', 'unknown', 'ACCOUNT_OWNER_ROLE_UNKNOWN', []),
        ];
    }
    const accountName = user.accountName ?? '';
    const account = check('ACCOUNT', 'pass', 'ACCOUNT_PRESENT', [accountName]);
    const owner = user.accountOwnerName ?? '';
    // "Portal account owner must have a role": Salesforce refuses portal users on an account whose
    // owner has none, and role-based external licenses (Customer Community Plus) hang their role
    // under the owner's role.
    let ownerCheck: DoctorCheck;
    if (user.accountOwnerHasRole === true) {
        ownerCheck = check('ACCOUNT_OWNER_ROLE', 'pass', 'ACCOUNT_OWNER_HAS_ROLE', [
            owner,
            user.accountOwnerRoleName ?? '',
        ]);
    } else if (user.accountOwnerHasRole === false) {
        ownerCheck = check(
            'ACCOUNT_OWNER_ROLE',
            'fail',
            'ACCOUNT_OWNER_NO_ROLE',
            [owner, accountName],
            link(user.accountOwnerId ? userUrl(user.accountOwnerId) : recordUrl('Account', user.accountId)),
        );
    } else {
        ownerCheck = check('ACCOUNT_OWNER_ROLE', 'unknown', 'ACCOUNT_OWNER_ROLE_UNKNOWN', [accountName]);
    }
    return [contact, account, ownerCheck];
}

/**
 * Salesforce assigns neither permission sets nor permission set licenses to inactive users, and a
 * set tied to a license the user's license does not allow is refused: those fixes wait.
 */
function markBlocked(checks: DoctorCheck[]): void {
    const failed = new Set(checks.filter((item) => item.status === 'fail').map((item) => item.id));
    const prerequisites: Partial<Record<CheckId, CheckId[]>> = {
        DOCGEN_PERMISSION_SET_LICENSE: ['ACTIVE', 'LICENSE'],
        DOCGEN_PERMISSION_SET: ['ACTIVE', 'LICENSE', 'DOCGEN_PERMISSION_SET_LICENSE'],
        CCPLUS_PERMISSION_SET_LICENSE: ['ACTIVE', 'LICENSE'],
        CCPLUS_PERMISSION_SET: ['ACTIVE', 'LICENSE', 'CCPLUS_PERMISSION_SET_LICENSE'],
    };
    for (const item of checks) {
        if (item.remedy?.kind !== 'fix') continue;
        const blockers = (prerequisites[item.id] ?? []).filter((id) => failed.has(id));
        if (blockers.length > 0) item.blockedBy = blockers;
    }
}

/**
 * Examines one user.
 * @param user the user's facts
 * @param org the org's Contracts permission sets, their licenses and the portal site
 * @returns every check, in {@link CHECK_ORDER}, and the fixes that can run now
 */
export function examineUser(user: DoctorUserFact, org: DoctorOrgFacts): DoctorResult {
    const checks: DoctorCheck[] = [
        activeCheck(user),
        licenseCheck(user),
        profileCheck(user),
        contentCheck(user),
        ...PERMISSION_SET_CHECKS.flatMap(([key, licenseId, setId]) =>
            permissionSetChecks(user, org, key, licenseId, setId),
        ),
        siteCheck(user, org),
        ...contactChecks(user),
    ];
    markBlocked(checks);
    const counts: Record<CheckStatus, number> = { pass: 0, fail: 0, unknown: 0 };
    checks.forEach((item) => counts[item.status]++);
    const fixes = checks
        .filter((item) => !item.blockedBy)
        .map((item) => item.remedy)
        .filter((remedy): remedy is Extract<Remedy, { kind: 'fix' }> => remedy?.kind === 'fix');
    return { userId: user.id, checks, counts, healthy: counts.pass === checks.length, fixes };
}
