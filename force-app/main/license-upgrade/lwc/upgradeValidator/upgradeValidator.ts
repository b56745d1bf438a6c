/**
 * The license upgrade validator: for each selected user and one target profile, the seed 003
 * verdict (see `c/licenseConversion`) and every "Consideration When Upgrading a User's License"
 * that applies, as blockers, warnings, notes and the actions the assistant will take.
 * Pure: facts in, verdicts out. Items carry a stable code and the values their message needs;
 * the UI turns each code into a sentence from a Custom Label.
 */
import { canonicalLicenseName, conversionPath, requireTargetLicense } from 'c/licenseConversion';
import type { ConversionPath, TargetLicense } from 'c/licenseConversion';

/**
 * The facts come from Apex (`LicenseUpgradeController.getUpgradeFacts`) and are declared once,
 * in types/apex/LicenseUpgradeService.d.ts, where a test keeps them equal to the Apex DTOs.
 */
export type UserFact = Apex.LicenseUpgradeService.UserFact;
export type UpgradeTarget = Apex.LicenseUpgradeService.TargetFact;
export type PermissionSetFact = Apex.LicenseUpgradeService.PermissionSetFact;

export type ItemCode =
    | 'INACTIVE_USER'
    | 'INTERNAL_USER'
    | 'ALREADY_ON_TARGET'
    | 'PATH_REENABLE_AS_CUSTOMER'
    | 'PATH_REENABLE_AS_PARTNER'
    | 'PATH_MIGRATE'
    | 'PARTNER_ACCOUNT_NOT_ENABLED'
    | 'PERSON_ACCOUNTS_OVER_LIMIT'
    | 'NOT_ENOUGH_SEATS'
    | 'ROLE_IRREVERSIBLE'
    | 'ROLE_ASSIGN_LOWEST'
    | 'ROLE_CREATE'
    | 'ROLE_KEPT'
    | 'ACCOUNT_ROLE_OPTIMIZATION'
    | 'PERMISSION_SET_RESTORED'
    | 'PERMISSION_SET_LOST'
    | 'PERMISSION_SET_LICENSE_RESTORE'
    | 'SHARING_SETS_REMOVED'
    | 'MODIFY_ALL_LOST'
    | 'VIEW_ALL_LOST'
    | 'SITE_ACCESS_LOST'
    | 'SCALE_CUSTOMER_COMMUNITY_PLUS'
    | 'SELF_REGISTRATION_SLOWER'
    | 'PUBLIC_GROUP_ADDED'
    | 'CHANGE_PROFILE';

/** One line of a verdict: a stable code and the values its message shows. */
export interface Item {
    code: ItemCode;
    values?: readonly string[];
}

export interface UserVerdict {
    userId: string;
    path: ConversionPath;
    blockers: Item[];
    warnings: Item[];
    notes: Item[];
    actions: Item[];
    /** The change makes the user role-based, which cannot be undone: the admin must acknowledge it. */
    requiresAcknowledgement: boolean;
    /** Whether the assistant may run the change for this user (given the acknowledgement, if required). */
    canChange: boolean;
}

export interface ValidationResult {
    target: TargetLicense;
    users: UserVerdict[];
    /** Blockers that concern the whole selection (seats). */
    selectionBlockers: Item[];
    /** Seats of the target license the users who can change would take. */
    seatsNeeded: number;
}

/** "Users can own up to 50,000 person accounts" (seed 003). */
export const PERSON_ACCOUNT_LIMIT = 50000;

/** `User.UserType` of internal users: the table does not convert them. */
const INTERNAL_USER_TYPES = new Set(['standard']);

/** Licenses that require a role: Customer Community Plus and Partner Community (seed 003). */
function isRoleBased(license: string): boolean {
    const name = canonicalLicenseName(license).toLowerCase();
    return name.startsWith('customer community plus') || name.startsWith('partner community');
}

function isPartner(license: string): boolean {
    return canonicalLicenseName(license).toLowerCase().startsWith('partner community');
}

function isCustomerCommunity(license: string): boolean {
    const name = canonicalLicenseName(license).toLowerCase();
    return name === 'customer community' || name === 'customer community login';
}

/** Permission sets tied to no license, or to the target license, survive the upgrade. */
function permissionSetAllowed(permissionSet: PermissionSetFact, target: TargetLicense): boolean {
    return !permissionSet.licenseName || canonicalLicenseName(permissionSet.licenseName) === target;
}

const PATH_BLOCKER: Partial<Record<ConversionPath, ItemCode>> = {
    none: 'ALREADY_ON_TARGET',
    'reenable-as-customer': 'PATH_REENABLE_AS_CUSTOMER',
    'reenable-as-partner': 'PATH_REENABLE_AS_PARTNER',
    migrate: 'PATH_MIGRATE',
};

function validateUser(user: UserFact, target: UpgradeTarget, targetLicense: TargetLicense): UserVerdict {
    const internal = INTERNAL_USER_TYPES.has(user.userType.toLowerCase());
    const path: ConversionPath = internal ? 'migrate' : conversionPath(user.licenseName, targetLicense);
    const verdict: UserVerdict = {
        userId: user.id,
        path,
        blockers: [],
        warnings: [],
        notes: [],
        actions: [],
        requiresAcknowledgement: false,
        canChange: false,
    };
    const { blockers, warnings, notes, actions } = verdict;

    if (!user.isActive) {
        blockers.push({ code: 'INACTIVE_USER', values: [user.name] });
    }
    if (internal) {
        blockers.push({ code: 'INTERNAL_USER', values: [user.name] });
    }
    const pathBlocker = PATH_BLOCKER[path];
    if (pathBlocker && !internal) {
        blockers.push({ code: pathBlocker, values: [canonicalLicenseName(user.licenseName), targetLicense] });
    }
    if (isPartner(targetLicense) && !user.accountIsPartner) {
        // "Before upgrading a user to the Partner Community license, enable the user's account as a partner account."
        blockers.push({ code: 'PARTNER_ACCOUNT_NOT_ENABLED', values: [user.accountName ?? ''] });
    }
    if ((user.ownedPersonAccounts ?? 0) > PERSON_ACCOUNT_LIMIT) {
        blockers.push({
            code: 'PERSON_ACCOUNTS_OVER_LIMIT',
            values: [String(user.ownedPersonAccounts), String(PERSON_ACCOUNT_LIMIT)],
        });
    }
    if (path !== 'change-profile' || internal) {
        return verdict;
    }

    actions.push({ code: 'CHANGE_PROFILE', values: [user.profileName, target.profileName] });

    if (isRoleBased(targetLicense)) {
        if (!isRoleBased(user.licenseName)) {
            verdict.requiresAcknowledgement = true;
            warnings.push({ code: 'ROLE_IRREVERSIBLE', values: [targetLicense] });
            notes.push({ code: 'ACCOUNT_ROLE_OPTIMIZATION' });
        }
        const roleNames = user.accountRoleNames ?? [];
        if (user.roleId) {
            notes.push({ code: 'ROLE_KEPT', values: [user.roleName ?? ''] });
        } else if (roleNames.length > 0) {
            // "If the account does have roles and you don't specify one, we associate the user with
            // the lowest role in the hierarchy" (seed 003); Apex lists them highest to lowest.
            actions.push({ code: 'ROLE_ASSIGN_LOWEST', values: [roleNames[roleNames.length - 1]] });
        } else {
            // "If the user belongs to an account that doesn't have roles, we create one for you."
            // Salesforce names portal roles after the account, e.g. "Acme Customer User".
            const kind = isPartner(targetLicense) ? 'Partner' : 'Customer';
            actions.push({ code: 'ROLE_CREATE', values: [`${user.accountName ?? ''} ${kind} User`.trim()] });
        }
        notes.push({
            code: 'PUBLIC_GROUP_ADDED',
            values: [isPartner(targetLicense) ? 'All Partner Users' : 'All Customer Portal Users'],
        });
    }

    // "A license upgrade automatically removes sharing sets, permission sets, and permission set
    // license assignments previously associated with the user."
    for (const permissionSet of user.permissionSets) {
        if (permissionSetAllowed(permissionSet, targetLicense)) {
            actions.push({ code: 'PERMISSION_SET_RESTORED', values: [permissionSet.label] });
        } else {
            warnings.push({
                code: 'PERMISSION_SET_LOST',
                values: [permissionSet.label, canonicalLicenseName(permissionSet.licenseName ?? '')],
            });
        }
    }
    // Which user licenses a permission set license goes with is not readable in Apex: the
    // assistant restores each one, Salesforce accepts or refuses it, and the log says which.
    for (const psl of user.permissionSetLicenses) {
        actions.push({ code: 'PERMISSION_SET_LICENSE_RESTORE', values: [psl.label] });
    }
    // Sharing sets give access to users of the licenses without roles; they are not readable in
    // Apex, so the admin is told to check the ones that apply to the current profile.
    if (!isRoleBased(user.licenseName)) {
        warnings.push({ code: 'SHARING_SETS_REMOVED', values: [user.profileName] });
    }

    // "The Modify All Records and View All Records permissions aren't available with Customer
    // Community Plus or Partner Community licenses."
    const grants = (key: 'modifyAllData' | 'viewAllData'): string[] =>
        user.permissionSets.filter((permissionSet) => permissionSet[key]).map((permissionSet) => permissionSet.label);
    const modifyAll = [...(user.profileModifyAllData ? [user.profileName] : []), ...grants('modifyAllData')];
    const viewAll = [...(user.profileViewAllData ? [user.profileName] : []), ...grants('viewAllData')];
    if (modifyAll.length > 0) {
        warnings.push({ code: 'MODIFY_ALL_LOST', values: [modifyAll.join(', ')] });
    }
    if (viewAll.length > 0) {
        warnings.push({ code: 'VIEW_ALL_LOST', values: [viewAll.join(', ')] });
    }

    // "Changes in profiles and permission sets can affect site membership."
    const reachableAfter = new Set(target.siteIds ?? []);
    for (const permissionSet of user.permissionSets) {
        if (permissionSetAllowed(permissionSet, targetLicense)) {
            permissionSet.siteIds?.forEach((siteId) => reachableAfter.add(siteId));
        }
    }
    const reachableNow = new Set(user.profileSiteIds ?? []);
    user.permissionSets.forEach((permissionSet) =>
        permissionSet.siteIds?.forEach((siteId) => reachableNow.add(siteId)),
    );
    const lostSites = [...reachableNow].filter((siteId) => !reachableAfter.has(siteId));
    if (lostSites.length > 0) {
        warnings.push({
            code: 'SITE_ACCESS_LOST',
            values: [lostSites.map((siteId) => target.siteNames?.[siteId] ?? siteId).join(', ')],
        });
    }

    if (isCustomerCommunity(user.licenseName) && !isCustomerCommunity(targetLicense)) {
        // "a Customer Community license can support 100 million users, whereas a Customer Community
        // Plus license can support 10 million"; self-registration is twice as fast on Customer Community.
        notes.push({ code: 'SCALE_CUSTOMER_COMMUNITY_PLUS' });
        notes.push({ code: 'SELF_REGISTRATION_SLOWER' });
    }

    verdict.canChange = blockers.length === 0;
    return verdict;
}

/**
 * Validates a selection of users against one target profile.
 * @param users the facts of each selected user
 * @param target the target profile, its license and the org's counts
 * @returns a verdict per user, in the order given, and the selection's own blockers
 * @throws Error when the target profile's license is not one users can be upgraded to
 */
export function validateUpgrade(users: readonly UserFact[], target: UpgradeTarget): ValidationResult {
    const license = requireTargetLicense(target.licenseName);
    const verdicts = users.map((user) => validateUser(user, target, license));
    const selectionBlockers: Item[] = [];

    // Seats are counted for the whole selection: each user that changes takes one seat of the
    // target license ("License upgrades are subject to ... the maximum number of licenses").
    // Permission set licenses need no such count: the upgrade removes each assignment (freeing its
    // seat) before the assistant restores it, so a restore never needs a seat the user did not hold.
    const changing = verdicts.filter((verdict) => verdict.canChange);
    if (changing.length > target.seatsAvailable) {
        selectionBlockers.push({
            code: 'NOT_ENOUGH_SEATS',
            values: [license, String(changing.length), String(Math.max(0, target.seatsAvailable))],
        });
        changing.forEach((verdict) => (verdict.canChange = false));
    }
    return { target: license, users: verdicts, selectionBlockers, seatsNeeded: changing.length };
}
