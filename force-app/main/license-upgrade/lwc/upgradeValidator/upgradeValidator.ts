/**
 * The license upgrade validator: for each selected user and one target profile, the seed 003
 * verdict (see `c/licenseConversion`) and every "Consideration When Upgrading a User's License"
 * that applies, as blockers, warnings, notes and the actions the assistant will take.
 * Pure: facts in, verdicts out. Items carry a stable code and the values their message needs;
 * the UI turns each code into a sentence from a Custom Label.
 */
import { canonicalLicenseName, conversionPath, isLitePortalUpgrade, requireTargetLicense } from 'c/licenseConversion';
import type { ConversionPath, TargetLicense } from 'c/licenseConversion';

/**
 * The facts come from Apex (`LicenseUpgradeController.getUpgradeFacts`) and are declared once,
 * in types/apex/LicenseUpgradeService.d.ts, where a test keeps them equal to the Apex DTOs.
 */
export type UserFact = Apex.LicenseUpgradeService.UserFact;
export type UpgradeTarget = Apex.LicenseUpgradeService.TargetFact;
export type PermissionSetFact = Apex.LicenseUpgradeService.PermissionSetFact;
export type RoleFact = Apex.LicenseUpgradeService.RoleFact;

export type ItemCode =
    | 'INACTIVE_USER'
    | 'INTERNAL_USER'
    | 'ALREADY_ON_TARGET'
    | 'PATH_REENABLE_AS_CUSTOMER'
    | 'PATH_REENABLE_AS_PARTNER'
    | 'PATH_MIGRATE'
    | 'LOSS_OF_FUNCTIONALITY'
    | 'DATA_ACCESS_LOSS'
    | 'PARTNER_ACCOUNT_NOT_ENABLED'
    | 'PERSON_ACCOUNTS_OVER_LIMIT'
    | 'ACCOUNT_OWNER_WITHOUT_ROLE'
    | 'NOT_ENOUGH_SEATS'
    | 'ROLE_IRREVERSIBLE'
    | 'ROLE_ASSIGN_LOWEST'
    | 'ROLE_CREATE'
    | 'ROLE_KEPT'
    | 'ROLE_CHOSEN'
    | 'ACCOUNT_ROLE_OPTIMIZATION'
    | 'PERMISSION_SET_RESTORED'
    | 'PERMISSION_SET_LOST'
    | 'PERMISSION_SET_LICENSE_RESTORE'
    | 'SHARING_SETS_REMOVED'
    | 'MODIFY_ALL_LOST'
    | 'VIEW_ALL_LOST'
    | 'SITE_ACCESS_LOST'
    | 'NO_SITE_ACCESS'
    | 'SCALE_TARGET'
    | 'SCALE_TARGET_UNSTATED'
    | 'SELF_REGISTRATION_SLOWER'
    | 'PUBLIC_GROUP_ADDED'
    | 'CHANGE_PROFILE'
    | 'CONTRACTS_PERMISSION_SETS'
    | 'CONTRACTS_PERMISSION_SETS_MISSING'
    | 'CONTRACTS_CONTENT_USER'
    | 'CONTRACTS_API_DISABLED';

/** A portal role the admin may give the user instead of Salesforce's default (the lowest). */
export interface RoleOption {
    id: string;
    name: string;
}

/**
 * What the admin chose beyond the target: a role per user (where the seed lets the admin specify
 * one), and whether an upgrade to Customer Community Plus also finishes the Contracts setup.
 */
export interface UpgradeChoices {
    /** Role id by user id; a role that is not among the user's `roleOptions` is ignored. */
    roles?: ReadonlyMap<string, string>;
    /** Finish the Contracts setup (seed 000) in the same run; only for Customer Community Plus targets. */
    completeContractsSetup?: boolean;
}

/** One line of a verdict: a stable code and the values its message shows. */
export interface Item {
    readonly code: ItemCode;
    readonly values?: readonly string[];
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
    /**
     * The account's portal roles of the target's portal type the admin may choose from: "If the
     * account does have roles and you don't specify one, we associate the user with the lowest
     * role" (seed 003). Empty when the user keeps a role, or the account has none of that type.
     */
    roleOptions: RoleOption[];
    /** The chosen role, when it is one of `roleOptions`. */
    chosenRoleId?: string;
}

export interface ValidationResult {
    target: TargetLicense;
    users: UserVerdict[];
    /** Blockers that concern the whole selection (seats). */
    selectionBlockers: Item[];
    /** Seats of the target license the users who can change would take. */
    seatsNeeded: number;
    /** The target is Customer Community Plus (or Plus Login): the run can finish the Contracts setup. */
    contractsSetupAvailable: boolean;
    /** The run finishes the Contracts setup: available and chosen. */
    completeContractsSetup: boolean;
}

/**
 * "Users can own up to 50,000 person accounts. If more person accounts are needed, create a Person
 * Account Owner Power User" (seed 003, role-based licenses). The limit is the owner's: the internal
 * user who owns the person account of the user changed to a role-based license, not that user. The
 * user's own account is already owned, so it is in the count: more than 50,000 blocks, 50,000 passes.
 */
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

function isCustomerCommunityPlus(license: string): boolean {
    return canonicalLicenseName(license).toLowerCase().startsWith('customer community plus');
}

/**
 * `UserRole.PortalType` of the roles a user of the target license gets: Partner for Partner
 * Community, CustomerPortal for Customer Community Plus ("Partner <Account Name> User or Customer
 * <Account Name> User", seed 003).
 */
function portalTypeOf(target: TargetLicense): 'Partner' | 'CustomerPortal' {
    return isPartner(target) ? 'Partner' : 'CustomerPortal';
}

/** Salesforce's figures for the scale note: "a Customer Community license can support 100 million
 * users, whereas a Customer Community Plus license can support 10 million" (seed 003). The seed
 * gives no figure for Partner Community, so none is invented. */
const SCALE_FIGURES: Readonly<Partial<Record<string, string>>> = {
    'customer community plus': '10 million',
    'customer community plus login': '10 million',
    'customer community': '100 million',
    'customer community login': '100 million',
};

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

/**
 * What one validation knows before its first user: the target's facts, derived once, and each
 * source license's, derived once per license and user type (a selection of 10,000 users holds a
 * handful of licenses). The rules are the same functions; only their repeated answers are kept
 * (the validator bench: 10,000 users at most twice JSON.parse of their facts). Items whose values
 * do not depend on the user alone (a profile's, a permission set's, an account's) are made once and
 * shared by every verdict that shows them, frozen: no consumer changes an item (`values` is
 * readonly), and one that tried would throw rather than change another user's verdict.
 */
interface ValidationContext {
    readonly targetLicense: TargetLicense;
    readonly roleBased: boolean;
    readonly partner: boolean;
    readonly customerCommunityPlus: boolean;
    readonly portalType: 'Partner' | 'CustomerPortal';
    readonly targetSites: ReadonlySet<string>;
    readonly sources: Map<string, Map<string, SourceFacts>>;
    /** Items with no value of the user's: one each per validation. */
    readonly constant: {
        readonly roleIrreversible: Item;
        readonly accountRoleOptimization: Item;
        readonly publicGroupAdded: Item;
        readonly scale: Item;
        readonly selfRegistrationSlower: Item;
        readonly noSiteAccess: Item;
    };
    /** Shared items by what their values depend on. */
    readonly shared: Map<string, Map<string, Item>>;
    /** Whether a permission set of a license survives the upgrade, by its license name. */
    readonly allowedByLicense: Map<string, boolean>;
}

/** A source license (with the user's type) as the rules see it against the target. */
interface SourceFacts {
    readonly path: ConversionPath;
    readonly roleBased: boolean;
    readonly litePortalUpgrade: boolean;
    /** The path's blocker, the loss-of-functionality and the data-access warnings, when they apply. */
    readonly pathBlocker: Item | undefined;
    readonly lossOfFunctionality: Item;
    readonly dataAccessLoss: Item;
}

function frozen(code: ItemCode, values?: string[]): Item {
    return Object.freeze(values ? { code, values: Object.freeze(values) } : { code });
}

function validationContext(targetLicense: TargetLicense, target: UpgradeTarget): ValidationContext {
    const partner = isPartner(targetLicense);
    const figure = SCALE_FIGURES[targetLicense.toLowerCase()];
    return {
        targetLicense,
        roleBased: isRoleBased(targetLicense),
        partner,
        customerCommunityPlus: isCustomerCommunityPlus(targetLicense),
        portalType: portalTypeOf(targetLicense),
        targetSites: new Set(target.siteIds ?? []),
        sources: new Map(),
        constant: {
            roleIrreversible: frozen('ROLE_IRREVERSIBLE', [targetLicense]),
            accountRoleOptimization: frozen('ACCOUNT_ROLE_OPTIMIZATION'),
            publicGroupAdded: frozen('PUBLIC_GROUP_ADDED', [
                partner ? 'All Partner Users' : 'All Customer Portal Users',
            ]),
            // "Consider the scale of your org when upgrading your license": the target's own figure.
            scale: figure
                ? frozen('SCALE_TARGET', [targetLicense, figure])
                : frozen('SCALE_TARGET_UNSTATED', [targetLicense]),
            selfRegistrationSlower: frozen('SELF_REGISTRATION_SLOWER'),
            noSiteAccess: frozen('NO_SITE_ACCESS', [target.profileName]),
        },
        shared: new Map(),
        allowedByLicense: new Map(),
    };
}

/**
 * The shared item of a code for a key (the values' source: a profile, a permission set, an
 * account), made by `make` the first time.
 */
function sharedItem(context: ValidationContext, code: ItemCode, key: string, make: () => string[]): Item {
    let byKey = context.shared.get(code);
    if (byKey === undefined) {
        byKey = new Map();
        context.shared.set(code, byKey);
    }
    let item = byKey.get(key);
    if (item === undefined) {
        item = frozen(code, make());
        byKey.set(key, item);
    }
    return item;
}

function sourceFacts(context: ValidationContext, user: UserFact): SourceFacts {
    let byType = context.sources.get(user.licenseName);
    if (byType === undefined) {
        byType = new Map();
        context.sources.set(user.licenseName, byType);
    }
    let facts = byType.get(user.userType);
    if (facts === undefined) {
        const path = conversionPath(user.licenseName, context.targetLicense, user.userType);
        const canonical = canonicalLicenseName(user.licenseName);
        const pathBlocker = PATH_BLOCKER[path];
        facts = {
            path,
            roleBased: isRoleBased(user.licenseName),
            litePortalUpgrade: isLitePortalUpgrade(user.licenseName, context.targetLicense, user.userType),
            pathBlocker: pathBlocker ? frozen(pathBlocker, [canonical, context.targetLicense]) : undefined,
            lossOfFunctionality: frozen('LOSS_OF_FUNCTIONALITY', [canonical, context.targetLicense]),
            dataAccessLoss: frozen('DATA_ACCESS_LOSS', [canonical, context.targetLicense]),
        };
        byType.set(user.userType, facts);
    }
    return facts;
}

/** `permissionSetAllowed`, once per license name of a validation. */
function allowedInContext(context: ValidationContext, permissionSet: PermissionSetFact): boolean {
    const license = permissionSet.licenseName;
    if (!license) {
        return true;
    }
    let allowed = context.allowedByLicense.get(license);
    if (allowed === undefined) {
        allowed = permissionSetAllowed(permissionSet, context.targetLicense);
        context.allowedByLicense.set(license, allowed);
    }
    return allowed;
}

function validateUser(
    user: UserFact,
    target: UpgradeTarget,
    context: ValidationContext,
    choices: UpgradeChoices,
): UserVerdict {
    const internal = INTERNAL_USER_TYPES.has(user.userType.toLowerCase());
    const source = internal ? undefined : sourceFacts(context, user);
    const path: ConversionPath = source ? source.path : 'migrate';
    const verdict: UserVerdict = {
        userId: user.id,
        path,
        blockers: [],
        warnings: [],
        notes: [],
        actions: [],
        requiresAcknowledgement: false,
        canChange: false,
        roleOptions: [],
    };
    const { blockers, warnings, notes, actions } = verdict;

    if (!user.isActive) {
        blockers.push({ code: 'INACTIVE_USER', values: [user.name] });
    }
    if (internal) {
        blockers.push({ code: 'INTERNAL_USER', values: [user.name] });
    }
    if (source?.pathBlocker) {
        blockers.push(source.pathBlocker);
    }
    if (path === 'reenable-as-customer' && source) {
        // Every cross of the table that re-enables as a customer user says so: "Switching from a
        // partner portal license to a Customer Community license results in a loss in functionality."
        warnings.push(source.lossOfFunctionality);
    }
    if (context.partner && !user.accountIsPartner) {
        // "Before upgrading a user to the Partner Community license, enable the user's account as a partner account."
        // The account's Id when its name could not be read: never a message with a blank.
        blockers.push({ code: 'PARTNER_ACCOUNT_NOT_ENABLED', values: [user.accountName ?? user.accountId ?? ''] });
    }
    const ownerAccounts = user.accountOwnerPersonAccounts ?? 0;
    if (context.roleBased && ownerAccounts > PERSON_ACCOUNT_LIMIT && user.accountOwnerIsPowerUser !== true) {
        // The owner of the user's person account owns more than the limit and is no Person Account
        // Owner Power User for the target's portal type (`SetupAssistantPolicy.checkLicenseChangeUsers`).
        blockers.push({
            code: 'PERSON_ACCOUNTS_OVER_LIMIT',
            values: [
                user.accountOwnerName ?? user.accountOwnerId ?? '',
                String(ownerAccounts),
                String(PERSON_ACCOUNT_LIMIT),
            ],
        });
    }
    if (context.roleBased && !user.roleId && user.accountOwnerHasRole === false && !internal) {
        // A user changed to a role-based license gets a portal role under the account owner's, and
        // Salesforce refuses the change while the owner has none ("portal account owner must have
        // a role", as for a user enabled on the license: `UserEnablementService`). Unknown (null,
        // the owner not read) is not a blocker: the change itself would say so.
        blockers.push({
            code: 'ACCOUNT_OWNER_WITHOUT_ROLE',
            values: [user.accountOwnerName ?? user.accountOwnerId ?? '', user.accountName ?? user.accountId ?? ''],
        });
    }
    if (path !== 'change-profile' || internal) {
        return verdict;
    }

    actions.push(sharedItem(context, 'CHANGE_PROFILE', user.profileName, () => [user.profileName, target.profileName]));
    if (source?.litePortalUpgrade) {
        // "There are other customer licenses associated with the CSPLitePortal user type that
        // support license upgrades, but with some loss of data access" (seed 003).
        warnings.push(source.dataAccessLoss);
    }

    const sourceRoleBased = source ? source.roleBased : isRoleBased(user.licenseName);
    if (context.roleBased) {
        if (!sourceRoleBased) {
            verdict.requiresAcknowledgement = true;
            warnings.push(context.constant.roleIrreversible);
            notes.push(context.constant.accountRoleOptimization);
        }
        // Only roles of the target's portal type: a customer user never gets a partner role.
        const portalType = context.portalType;
        const roles = user.roleId ? [] : (user.accountRoles ?? []).filter((role) => role.portalType === portalType);
        if (user.roleId) {
            const kept = user.roleName ?? user.roleId;
            notes.push(sharedItem(context, 'ROLE_KEPT', kept, () => [kept]));
        } else if (roles.length > 0) {
            verdict.roleOptions = roles.map((role) => ({ id: role.id, name: role.name }));
            const chosen = roles.find((role) => role.id === choices.roles?.get(user.id));
            if (chosen) {
                verdict.chosenRoleId = chosen.id;
                actions.push({ code: 'ROLE_CHOSEN', values: [chosen.name] });
            } else {
                // "If the account does have roles and you don't specify one, we associate the user
                // with the lowest role in the hierarchy" (seed 003); Apex lists them highest to lowest.
                const lowest = roles[roles.length - 1].name;
                actions.push(sharedItem(context, 'ROLE_ASSIGN_LOWEST', lowest, () => [lowest]));
            }
        } else {
            // "If the user belongs to an account that doesn't have roles, we create one for you":
            // "Partner <Account Name> User or Customer <Account Name> User" (seed 003).
            const kind = portalType === 'Partner' ? 'Partner' : 'Customer';
            const accountName = user.accountName ?? '';
            actions.push(
                sharedItem(context, 'ROLE_CREATE', accountName, () => [
                    `${kind} ${accountName} User`.replace(/\s+/g, ' '),
                ]),
            );
        }
        notes.push(context.constant.publicGroupAdded);
    }

    // "A license upgrade automatically removes sharing sets, permission sets, and permission set
    // license assignments previously associated with the user."
    const permissionSets = user.permissionSets;
    let keptSites: string[] | undefined;
    for (let index = 0; index < permissionSets.length; index++) {
        const permissionSet = permissionSets[index];
        if (allowedInContext(context, permissionSet)) {
            const label = permissionSet.label;
            actions.push(sharedItem(context, 'PERMISSION_SET_RESTORED', label, () => [label]));
            if (permissionSet.siteIds && permissionSet.siteIds.length > 0) {
                (keptSites ??= []).push(...permissionSet.siteIds);
            }
        } else {
            const { label, licenseName } = permissionSet;
            warnings.push(
                sharedItem(context, 'PERMISSION_SET_LOST', `${label}\u0000${licenseName ?? ''}`, () => [
                    label,
                    canonicalLicenseName(licenseName ?? ''),
                ]),
            );
        }
    }
    // Which user licenses a permission set license goes with is not readable in Apex: the
    // assistant restores each one, Salesforce accepts or refuses it, and the log says which.
    for (const psl of user.permissionSetLicenses) {
        const label = psl.label;
        actions.push(sharedItem(context, 'PERMISSION_SET_LICENSE_RESTORE', label, () => [label]));
    }
    // "A license upgrade automatically removes sharing sets, permission sets, and permission set
    // license assignments previously associated with the user" (seed 003): whatever the source
    // license. Sharing sets are not readable in Apex, so the admin is told to check the ones that
    // include the current profile.
    warnings.push(sharedItem(context, 'SHARING_SETS_REMOVED', user.profileName, () => [user.profileName]));

    // "The Modify All Records and View All Records permissions aren't available with Customer
    // Community Plus or Partner Community licenses." One pass, arrays only when a grant is found.
    let modifyAll: string[] | undefined = user.profileModifyAllData ? [user.profileName] : undefined;
    let viewAll: string[] | undefined = user.profileViewAllData ? [user.profileName] : undefined;
    for (const permissionSet of user.permissionSets) {
        if (permissionSet.modifyAllData) {
            (modifyAll ??= []).push(permissionSet.label);
        }
        if (permissionSet.viewAllData) {
            (viewAll ??= []).push(permissionSet.label);
        }
    }
    if (modifyAll) {
        warnings.push({ code: 'MODIFY_ALL_LOST', values: [modifyAll.join(', ')] });
    }
    if (viewAll) {
        warnings.push({ code: 'VIEW_ALL_LOST', values: [viewAll.join(', ')] });
    }

    // "Changes in profiles and permission sets can affect site membership." A site is reachable
    // after the change through the target profile or a permission set the change keeps; one the
    // user reaches now (profile or any permission set) and not after is lost.
    // (keptSites: the sites of the permission sets the change keeps, gathered above.)
    const targetSites = context.targetSites;
    let lostSites: string[] | undefined;
    const lose = (siteIds: readonly string[] | null | undefined): void => {
        if (!siteIds) {
            return;
        }
        for (const siteId of siteIds) {
            if (!targetSites.has(siteId) && !keptSites?.includes(siteId) && !lostSites?.includes(siteId)) {
                (lostSites ??= []).push(siteId);
            }
        }
    };
    lose(user.profileSiteIds);
    for (let index = 0; index < permissionSets.length; index++) {
        lose(permissionSets[index].siteIds);
    }
    if (targetSites.size === 0 && keptSites === undefined) {
        // "Ensure that upgraded users have access to the intended Experience Cloud sites": with no
        // site at all, the user cannot log in anywhere after the change.
        warnings.push(context.constant.noSiteAccess);
    }
    if (lostSites) {
        const lost = lostSites;
        warnings.push(
            sharedItem(context, 'SITE_ACCESS_LOST', lost.join('\u0000'), () => [
                lost.map((siteId) => target.siteNames?.[siteId] ?? siteId).join(', '),
            ]),
        );
    }

    if (context.roleBased && !sourceRoleBased) {
        // "Consider the scale of your org when upgrading your license": the target's own figure.
        notes.push(context.constant.scale);
    }
    if (context.customerCommunityPlus && !sourceRoleBased) {
        // "Self-registration with a Customer Community license is twice as fast as self-registration
        // using a Customer Community Plus license."
        notes.push(context.constant.selfRegistrationSlower);
    }

    if (choices.completeContractsSetup && context.customerCommunityPlus) {
        contractsSetupItems(verdict, target);
    }

    verdict.canChange = blockers.length === 0;
    return verdict;
}

/**
 * Seed 000's user steps that the upgrade to Customer Community Plus can finish in the same run:
 * API Enabled on the profile (Setup only: Profile does not support DML), both Contracts permission
 * sets with their permission set licenses, and "Salesforce CRM Content User".
 */
function contractsSetupItems(verdict: UserVerdict, target: UpgradeTarget): void {
    if (target.apiEnabled === false) {
        verdict.warnings.push({ code: 'CONTRACTS_API_DISABLED', values: [target.profileName] });
    }
    const permissionSets = target.contractsPermissionSets ?? [];
    if (permissionSets.length > 0) {
        verdict.actions.push({
            code: 'CONTRACTS_PERMISSION_SETS',
            values: [permissionSets.map((permissionSet) => permissionSet.label).join(', ')],
        });
    }
    if (permissionSets.length < 2) {
        verdict.warnings.push({ code: 'CONTRACTS_PERMISSION_SETS_MISSING' });
    }
    verdict.actions.push({ code: 'CONTRACTS_CONTENT_USER' });
}

/**
 * Validates a selection of users against one target profile.
 * @param users the facts of each selected user
 * @param target the target profile, its license and the org's counts
 * @param choices the role chosen per user and the Contracts option, if any
 * @returns a verdict per user, in the order given, and the selection's own blockers
 * @throws Error when the target profile's license is not one users can be upgraded to
 */
export function validateUpgrade(
    users: readonly UserFact[],
    target: UpgradeTarget,
    choices: UpgradeChoices = {},
): ValidationResult {
    const license = requireTargetLicense(target.licenseName);
    const context = validationContext(license, target);
    const verdicts = users.map((user) => validateUser(user, target, context, choices));
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
    const contractsSetupAvailable = isCustomerCommunityPlus(license);
    return {
        target: license,
        users: verdicts,
        selectionBlockers,
        seatsNeeded: changing.length,
        contractsSetupAvailable,
        completeContractsSetup: contractsSetupAvailable && choices.completeContractsSetup === true,
    };
}
