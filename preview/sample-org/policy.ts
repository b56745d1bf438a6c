/**
 * The sample org's copy of `SetupAssistantPolicy` (force-app/main/policy/classes): the same checks,
 * the same refusal codes, the same Custom Labels, so that the preview and the e2e show exactly the
 * refusals a real org gives. Every sample controller calls it before it writes, whatever the
 * browser sent.
 */
import ACCOUNT_NOT_IN_CHANGE from '@salesforce/label/c.CCSA_Policy_Account_Not_In_Change';
import CONTACT_NOT_FOUND from '@salesforce/label/c.CCSA_Policy_Contact_Not_Found';
import LICENSE_NOT_ALLOWED from '@salesforce/label/c.CCSA_Policy_License_Not_Allowed';
import LOG_NOT_FOUND from '@salesforce/label/c.CCSA_Policy_Log_Not_Found';
import LOG_NOT_OPEN from '@salesforce/label/c.CCSA_Policy_Log_Not_Open';
import LOG_NOT_OWNED from '@salesforce/label/c.CCSA_Policy_Log_Not_Owned';
import JOB_NOT_OWNED from '@salesforce/label/c.CCSA_Policy_Job_Not_Owned';
import LOG_TARGET_MISMATCH from '@salesforce/label/c.CCSA_Policy_Log_Target_Mismatch';
import PARTNER_ACCOUNT_NOT_ENABLED from '@salesforce/label/c.CCSA_Policy_Partner_Account_Not_Enabled';
import PATH_NOT_PROFILE_CHANGE from '@salesforce/label/c.CCSA_Policy_Path_Not_Profile_Change';
import PERSON_ACCOUNTS_OVER_LIMIT from '@salesforce/label/c.CCSA_Policy_Person_Accounts_Over_Limit';
import ACCOUNT_OWNER_WITHOUT_ROLE from '@salesforce/label/c.CCSA_Policy_Account_Owner_Without_Role';
import PERMISSION_SET_GROUP from '@salesforce/label/c.CCSA_Policy_Permission_Set_Group';
import PERMISSION_SET_NOT_ALLOWED from '@salesforce/label/c.CCSA_Policy_Permission_Set_Not_Allowed';
import PERMISSION_SET_NOT_FOUND from '@salesforce/label/c.CCSA_Policy_Permission_Set_Not_Found';
import PERMISSION_SET_PRIVILEGED from '@salesforce/label/c.CCSA_Policy_Permission_Set_Privileged';
import PROFILE_INTERNAL from '@salesforce/label/c.CCSA_Policy_Profile_Internal';
import PROFILE_NOT_ENABLE_LICENSE from '@salesforce/label/c.CCSA_Policy_Profile_Not_Enable_License';
import PROFILE_NOT_FOUND from '@salesforce/label/c.CCSA_Policy_Profile_Not_Found';
import PROFILE_NOT_TARGET_LICENSE from '@salesforce/label/c.CCSA_Policy_Profile_Not_Target_License';
import ROLE_BASED_BATCH_TOO_LARGE from '@salesforce/label/c.CCSA_Policy_Role_Based_Batch_Too_Large';
import ROLE_NOT_ALLOWED from '@salesforce/label/c.CCSA_Policy_Role_Not_Allowed';
import SITE_MEMBER_NOT_ALLOWED from '@salesforce/label/c.CCSA_Policy_Site_Member_Not_Allowed';
import SITE_NOT_FOUND from '@salesforce/label/c.CCSA_Policy_Site_Not_Found';
import UNFINISHED_CHANGE from '@salesforce/label/c.CCSA_Policy_Unfinished_Change';
import USER_DUPLICATE from '@salesforce/label/c.CCSA_Policy_User_Duplicate';
import USER_INACTIVE from '@salesforce/label/c.CCSA_Policy_User_Inactive';
import USER_NOT_EXTERNAL from '@salesforce/label/c.CCSA_Policy_User_Not_External';
import USER_NOT_FOUND from '@salesforce/label/c.CCSA_Policy_User_Not_Found';
import USER_NOT_INTERNAL from '@salesforce/label/c.CCSA_Policy_User_Not_Internal';
import { countText, formatLabel } from 'c/labelFormat';
import { asTargetLicense, conversionPath } from 'c/licenseConversion';
// `SetupAssistantPolicy.PERSON_ACCOUNT_LIMIT`: "Users can own up to 50,000 person accounts" (seed 003),
// the limit of the owner of the person account of a user changed to a role-based license.
import { PERSON_ACCOUNT_LIMIT } from 'c/upgradeValidator';
import { ApexException } from './apexMethod';
import { KEY_PREFIX } from './data/random';
import { licenseById, profileById, roleById, userById } from './org';
import type { Session } from './session';
import type { Id, PermissionSet, Profile, SampleOrg, SetupAssistantLog, User, UserLicense, UserType } from './types';

export type PolicyCode =
    | 'PROFILE_NOT_FOUND'
    | 'PROFILE_INTERNAL'
    | 'PROFILE_NOT_ENABLE_LICENSE'
    | 'PROFILE_NOT_TARGET_LICENSE'
    | 'PERMISSION_SET_NOT_FOUND'
    | 'PERMISSION_SET_NOT_ALLOWED'
    | 'PERMISSION_SET_PRIVILEGED'
    | 'PERMISSION_SET_GROUP_NOT_ALLOWED'
    | 'PERMISSION_SET_LICENSE_NOT_ALLOWED'
    | 'USER_NOT_FOUND'
    | 'USER_NOT_EXTERNAL'
    | 'USER_NOT_INTERNAL'
    | 'USER_DUPLICATE'
    | 'CONTACT_NOT_FOUND'
    | 'SITE_NOT_FOUND'
    | 'SITE_MEMBER_NOT_ALLOWED'
    | 'ACCOUNT_NOT_IN_CHANGE'
    | 'PATH_NOT_PROFILE_CHANGE'
    | 'LOG_NOT_FOUND'
    | 'LOG_NOT_OWNED'
    | 'LOG_NOT_OPEN'
    | 'LOG_TARGET_MISMATCH'
    | 'UNFINISHED_CHANGE'
    | 'ROLE_BASED_BATCH_TOO_LARGE'
    | 'JOB_NOT_OWNED'
    | 'ROLE_NOT_ALLOWED'
    | 'USER_INACTIVE'
    | 'PARTNER_ACCOUNT_NOT_ENABLED'
    | 'PERSON_ACCOUNTS_OVER_LIMIT'
    | 'ACCOUNT_OWNER_WITHOUT_ROLE';

/** `SetupAssistantPolicy.Refusal`. */
export interface Refusal {
    subjectId: Id;
    code: PolicyCode;
    message: string;
}

/** The exception type the sample controllers report, as Apex names the policy's exception. */
export const POLICY_EXCEPTION_TYPE = 'ccsa.SetupAssistantPolicy.PolicyException';

/** `SetupAssistantPolicy.CONTRACTS_PERMISSION_SET_NAMES` and `_LABELS`. */
export const CONTRACTS_PERMISSION_SETS: readonly string[] = [
    'DocGenRuntimeCommunityUser',
    'ContractManagementCCPlusDigitalExperienceUser',
    'DocGen Run-time Community User',
    'Contract Management CC Plus Digital Experience User',
];

/** `SetupAssistantPolicy.INTERNAL_SHARER_PERMISSION_SETS`: by API name only, never by label. */
const INTERNAL_SHARER_PERMISSION_SETS: readonly string[] = ['CLMRuntimeUser'];
/** `SetupAssistantPolicy.INTERNAL_SHARER_NAMESPACE`: a standard permission set, no namespace. */
const INTERNAL_SHARER_NAMESPACE = null;

/** `SetupAssistantPolicy.PRIVILEGED_PERMISSIONS`: field, and the name Setup shows. */
export const PRIVILEGED_PERMISSIONS: ReadonlyArray<[keyof PermissionSet, string]> = [
    ['PermissionsModifyAllData', 'Modify All Data'],
    ['PermissionsViewAllData', 'View All Data'],
    ['PermissionsManageUsers', 'Manage Users'],
    ['PermissionsAssignPermissionSets', 'Assign Permission Sets'],
    ['PermissionsCustomizeApplication', 'Customize Application'],
    ['PermissionsAuthorApex', 'Author Apex'],
    ['PermissionsModifyMetadata', 'Modify Metadata Through Metadata API Functions'],
    ['PermissionsManageProfilesPermissionsets', 'Manage Profiles and Permission Sets'],
    ['PermissionsManageInternalUsers', 'Manage Internal Users'],
    ['PermissionsResetPasswords', 'Reset User Passwords and Unlock Users'],
    ['PermissionsManageRoles', 'Manage Roles'],
    ['PermissionsManageSharing', 'Manage Sharing'],
    ['PermissionsViewAllUsers', 'View All Users'],
    ['PermissionsDelegatedPortalUserAdmin', 'Delegated External User Administrator'],
    ['PermissionsPortalSuperUser', 'Portal Super User'],
];

const EXTERNAL_USER_TYPES: ReadonlySet<UserType> = new Set<UserType>([
    'PowerCustomerSuccess',
    'CustomerSuccess',
    'PowerPartner',
    'CspLitePortal',
]);

const ENABLE_LICENSES = new Set([
    'customer community plus',
    'customer community plus login',
    'pid_customer_community_plus',
    'pid_customer_community_plus_login',
]);

const OPEN_LOG_STATUSES = new Set(['Snapshot', 'Applied']);
const LICENSE_CHANGE_ACTION = 'LICENSE_CHANGE';
/** Key prefix of PermissionSetGroup records. */
const PERMISSION_SET_GROUP_PREFIX = '0PG';

/** The key and subject of a refusal of a null id, as Apex's `Map<Id, Refusal>` holds a null key. */
export const NULL_ID = null as unknown as Id;

function refusal(subjectId: Id, code: PolicyCode, label: string, ...values: Array<string | null | undefined>): Refusal {
    return { subjectId, code, message: formatLabel(label, ...values.map((value) => value ?? 'null')) };
}

function prefixOf(id: Id): string {
    return String(id).slice(0, 3);
}

function unique(ids: ReadonlyArray<Id | null | undefined> | null | undefined): Id[] {
    return [...new Set((ids ?? []).filter((id): id is Id => typeof id === 'string' && id.length > 0))];
}

/** Throws the first refusal as Apex's PolicyException would reach the browser: "CODE: message". */
export function throwIfRefused(refusals: Map<Id, Refusal> | Refusal | null | undefined): void {
    const first = refusals instanceof Map ? [...refusals.values()][0] : refusals;
    if (first) {
        throw new ApexException(`${first.code}: ${first.message}`, POLICY_EXCEPTION_TYPE);
    }
}

// ------------------------------------------------------------------ batch size

/**
 * As `SetupAssistantPolicy.checkRoleBasedBatch`: a call that would insert more role-based users
 * (Customer Community Plus) than the setting allows is refused as a whole, before any write.
 * @param rows the rows of the call
 * @param chunkSize the setting (`SetupAssistantSettings.roleBasedInsertChunkSize`)
 * @returns the refusal, or null
 */
export function checkRoleBasedBatch(rows: number, chunkSize: number): Refusal | null {
    if (rows <= chunkSize) {
        return null;
    }
    return {
        subjectId: '',
        code: 'ROLE_BASED_BATCH_TOO_LARGE',
        message: formatLabel(ROLE_BASED_BATCH_TOO_LARGE, rows, chunkSize),
    };
}

// ------------------------------------------------------------------ profiles

function profileRefusal(
    org: SampleOrg,
    profileId: Id,
): { refusal?: Refusal; profile?: Profile; license?: UserLicense } {
    const profile = prefixOf(profileId) === KEY_PREFIX.Profile ? profileById(org, profileId) : undefined;
    if (!profile) {
        return { refusal: refusal(profileId, 'PROFILE_NOT_FOUND', PROFILE_NOT_FOUND, profileId) };
    }
    const license = licenseById(org, profile.UserLicenseId);
    if (profile.UserType === 'Standard' || !license) {
        return { refusal: refusal(profileId, 'PROFILE_INTERNAL', PROFILE_INTERNAL, profile.Name) };
    }
    return { profile, license };
}

export function isEnableLicense(license: UserLicense | undefined): boolean {
    return (
        !!license &&
        (ENABLE_LICENSES.has(license.Name.toLowerCase()) ||
            ENABLE_LICENSES.has(String(license.LicenseDefinitionKey).toLowerCase()))
    );
}

export function isTargetLicense(license: UserLicense | undefined): boolean {
    return !!license && (!!asTargetLicense(license.Name) || !!asTargetLicense(String(license.LicenseDefinitionKey)));
}

/** Profiles of a license the test accepts; refused with `code` otherwise, never internal. */
function checkProfiles(
    session: Session,
    profileIds: ReadonlyArray<Id | null | undefined>,
    allowed: (license: UserLicense | undefined) => boolean,
    code: PolicyCode,
    label: string,
): Map<Id, Refusal> {
    const refusals = new Map<Id, Refusal>();
    for (const profileId of unique(profileIds)) {
        const checked = profileRefusal(session.org, profileId);
        const found =
            checked.refusal ??
            (allowed(checked.license)
                ? undefined
                : refusal(profileId, code, label, checked.profile?.Name, checked.license?.Name));
        if (found) {
            refusals.set(profileId, found);
        }
    }
    return refusals;
}

/** `checkEnableProfiles`: Customer Community Plus or Plus Login profiles only. */
export function checkEnableProfiles(
    session: Session,
    profileIds: ReadonlyArray<Id | null | undefined>,
): Map<Id, Refusal> {
    return checkProfiles(
        session,
        profileIds,
        isEnableLicense,
        'PROFILE_NOT_ENABLE_LICENSE',
        PROFILE_NOT_ENABLE_LICENSE,
    );
}

/** `checkTargetProfiles`: profiles of the six community licenses of seed 003. */
export function checkTargetProfiles(
    session: Session,
    profileIds: ReadonlyArray<Id | null | undefined>,
): Map<Id, Refusal> {
    return checkProfiles(
        session,
        profileIds,
        isTargetLicense,
        'PROFILE_NOT_TARGET_LICENSE',
        PROFILE_NOT_TARGET_LICENSE,
    );
}

// ------------------------------------------------------------------ permission sets

/** The administrative permissions a permission set grants, by Setup name; undefined when none. */
export function privilegeOf(permissionSet: PermissionSet): string | undefined {
    const granted = PRIVILEGED_PERMISSIONS.filter(([field]) => permissionSet[field] === true).map(([, name]) => name);
    return granted.length > 0 ? granted.join(', ') : undefined;
}

/** `allowList()`: the two Contracts permission sets and the active custom metadata entries, lower case. */
export function allowList(org: SampleOrg): Set<string> {
    const allowed = new Set(CONTRACTS_PERMISSION_SETS.map((name) => name.toLowerCase()));
    for (const entry of org.Allowed_Permission_Set__mdt ?? []) {
        if (entry.Active__c && entry.Permission_Set_Name__c.trim() !== '') {
            allowed.add(entry.Permission_Set_Name__c.trim().toLowerCase());
        }
    }
    return allowed;
}

function isAllowListed(permissionSet: PermissionSet, allowed: ReadonlySet<string>): boolean {
    return allowed.has(permissionSet.Name.toLowerCase()) || allowed.has(permissionSet.Label.toLowerCase());
}

function permissionSetRefusal(
    org: SampleOrg,
    permissionSetId: Id,
): { refusal?: Refusal; permissionSet?: PermissionSet } {
    if (prefixOf(permissionSetId) === PERMISSION_SET_GROUP_PREFIX) {
        return {
            refusal: refusal(
                permissionSetId,
                'PERMISSION_SET_GROUP_NOT_ALLOWED',
                PERMISSION_SET_GROUP,
                permissionSetId,
            ),
        };
    }
    const permissionSet =
        prefixOf(permissionSetId) === KEY_PREFIX.PermissionSet
            ? org.PermissionSet.find((row) => row.Id === permissionSetId)
            : undefined;
    if (!permissionSet) {
        return {
            refusal: refusal(permissionSetId, 'PERMISSION_SET_NOT_FOUND', PERMISSION_SET_NOT_FOUND, permissionSetId),
        };
    }
    if (permissionSet.PermissionSetGroupId) {
        return {
            refusal: refusal(
                permissionSetId,
                'PERMISSION_SET_GROUP_NOT_ALLOWED',
                PERMISSION_SET_GROUP,
                permissionSet.Label,
            ),
        };
    }
    if (permissionSet.IsOwnedByProfile) {
        return {
            refusal: refusal(
                permissionSetId,
                'PERMISSION_SET_NOT_ALLOWED',
                PERMISSION_SET_NOT_ALLOWED,
                permissionSet.Label,
            ),
        };
    }
    const privilege = privilegeOf(permissionSet);
    if (privilege) {
        return {
            refusal: refusal(
                permissionSetId,
                'PERMISSION_SET_PRIVILEGED',
                PERMISSION_SET_PRIVILEGED,
                permissionSet.Label,
                privilege,
            ),
        };
    }
    return { permissionSet };
}

/** `checkAssignablePermissionSets`: allow-listed, not privileged, not a group, not a profile's. */
export function checkAssignablePermissionSets(
    session: Session,
    permissionSetIds: ReadonlyArray<Id | null | undefined>,
): Map<Id, Refusal> {
    const refusals = new Map<Id, Refusal>();
    if (permissionSetIds.some((id) => !id)) {
        // A null subject cannot be found: refused under the null key (as the Apex map's null key).
        refusals.set(NULL_ID, refusal(NULL_ID, 'PERMISSION_SET_NOT_FOUND', PERMISSION_SET_NOT_FOUND, 'null'));
    }
    const allowed = allowList(session.org);
    for (const permissionSetId of unique(permissionSetIds)) {
        const checked = permissionSetRefusal(session.org, permissionSetId);
        let found = checked.refusal;
        if (!found && checked.permissionSet && !isAllowListed(checked.permissionSet, allowed)) {
            found = refusal(
                permissionSetId,
                'PERMISSION_SET_NOT_ALLOWED',
                PERMISSION_SET_NOT_ALLOWED,
                checked.permissionSet.Label,
            );
        }
        if (found) {
            refusals.set(permissionSetId, found);
        }
    }
    return refusals;
}

/** `checkRestorable`: what a license change may give back from its own snapshot. */
export function checkRestorable(session: Session, ids: ReadonlyArray<Id | null | undefined>): Map<Id, Refusal> {
    const refusals = new Map<Id, Refusal>();
    for (const id of unique(ids)) {
        if (prefixOf(id) === PERMISSION_SET_GROUP_PREFIX) {
            const aggregate = session.org.PermissionSet.find((row) => row.PermissionSetGroupId === id);
            if (!aggregate) {
                refusals.set(id, refusal(id, 'PERMISSION_SET_NOT_FOUND', PERMISSION_SET_NOT_FOUND, id));
                continue;
            }
            const privilege = privilegeOf(aggregate);
            if (privilege) {
                refusals.set(
                    id,
                    refusal(id, 'PERMISSION_SET_PRIVILEGED', PERMISSION_SET_PRIVILEGED, aggregate.Label, privilege),
                );
            }
            continue;
        }
        const checked = permissionSetRefusal(session.org, id);
        if (checked.refusal) {
            refusals.set(id, checked.refusal);
        }
    }
    return refusals;
}

/** `checkInternalSharerAssignment`: only CLM Runtime User, only to active internal users. */
export function checkInternalSharerAssignment(
    session: Session,
    userIds: ReadonlyArray<Id | null | undefined>,
    permissionSetIds: ReadonlyArray<Id | null | undefined>,
): Map<Id, Refusal> {
    const refusals = new Map<Id, Refusal>();
    for (const permissionSetId of unique(permissionSetIds)) {
        const checked = permissionSetRefusal(session.org, permissionSetId);
        let found = checked.refusal;
        const permissionSet = checked.permissionSet;
        if (
            !found &&
            permissionSet &&
            (!INTERNAL_SHARER_PERMISSION_SETS.includes(permissionSet.Name) ||
                permissionSet.NamespacePrefix !== INTERNAL_SHARER_NAMESPACE)
        ) {
            found = refusal(
                permissionSetId,
                'PERMISSION_SET_NOT_ALLOWED',
                PERMISSION_SET_NOT_ALLOWED,
                permissionSet.Label,
            );
        }
        if (found) {
            refusals.set(permissionSetId, found);
        }
    }
    for (const userId of unique(userIds)) {
        const user = userById(session.org, userId);
        if (!user) {
            refusals.set(userId, refusal(userId, 'USER_NOT_FOUND', USER_NOT_FOUND, userId));
        } else if (user.UserType !== 'Standard' || user.ContactId || !user.IsActive) {
            refusals.set(userId, refusal(userId, 'USER_NOT_INTERNAL', USER_NOT_INTERNAL, user.Name));
        }
    }
    return refusals;
}

/** `checkAssignableLicenses`: only permission set licenses that an allowed permission set needs. */
export function checkAssignableLicenses(
    session: Session,
    licenseIds: ReadonlyArray<Id | null | undefined>,
): Map<Id, Refusal> {
    const allowed = allowList(session.org);
    const needed = new Set(
        session.org.PermissionSet.filter(
            (row) => !row.IsOwnedByProfile && row.LicenseId && isAllowListed(row, allowed),
        ).map((row) => row.LicenseId as Id),
    );
    const refusals = new Map<Id, Refusal>();
    if (licenseIds.some((id) => !id)) {
        refusals.set(NULL_ID, refusal(NULL_ID, 'PERMISSION_SET_LICENSE_NOT_ALLOWED', LICENSE_NOT_ALLOWED, 'null'));
    }
    for (const licenseId of unique(licenseIds)) {
        if (!needed.has(licenseId)) {
            refusals.set(
                licenseId,
                refusal(licenseId, 'PERMISSION_SET_LICENSE_NOT_ALLOWED', LICENSE_NOT_ALLOWED, licenseId),
            );
        }
    }
    return refusals;
}

// ------------------------------------------------------------------ users and contacts

/** `checkDistinctUsers`: a request names each user once (USER_DUPLICATE for the first named twice). */
export function checkDistinctUsers(userIds: ReadonlyArray<Id | null | undefined>): Refusal | undefined {
    const seen = new Set<Id>();
    for (const userId of userIds) {
        if (userId) {
            if (seen.has(userId)) {
                return refusal(userId, 'USER_DUPLICATE', USER_DUPLICATE, userId);
            }
            seen.add(userId);
        }
    }
    return undefined;
}

/** `checkExternalUsers`: a contact and an external user type. */
export function checkExternalUsers(session: Session, userIds: ReadonlyArray<Id | null | undefined>): Map<Id, Refusal> {
    const refusals = new Map<Id, Refusal>();
    for (const userId of unique(userIds)) {
        const user = prefixOf(userId) === KEY_PREFIX.User ? userById(session.org, userId) : undefined;
        if (!user) {
            refusals.set(userId, refusal(userId, 'USER_NOT_FOUND', USER_NOT_FOUND, userId));
        } else if (!user.ContactId || !EXTERNAL_USER_TYPES.has(user.UserType)) {
            refusals.set(userId, refusal(userId, 'USER_NOT_EXTERNAL', USER_NOT_EXTERNAL, user.Name));
        }
    }
    return refusals;
}

/**
 * `checkLicenseChangeUsers`: what the validator blocks, refused by the server before a license change
 * writes: an inactive user (USER_INACTIVE), a Partner Community target for a user whose account is
 * not a partner account (PARTNER_ACCOUNT_NOT_ENABLED, only when `requirePartnerAccount`: the browser's
 * snapshot comes before "Enable as partner account", which needs it), for a role-based target a user
 * whose person account's owner owns more than PERSON_ACCOUNT_LIMIT person accounts and is no Person
 * Account Owner Power User for the target's portal type (PERSON_ACCOUNTS_OVER_LIMIT,
 * `personAccountOwners`), and for a role-based target a user without a role whose account's owner
 * has none (ACCOUNT_OWNER_WITHOUT_ROLE: the change would give the user a portal role under the
 * owner's, "portal account owner must have a role"). One refusal per user, in that order; users
 * that cannot be found are left to `checkExternalUsers`.
 * @param session the running admin's session
 * @param userIds the users of the change
 * @param target the target profile's license
 * @param requirePartnerAccount whether the partner account is checked
 * @returns refusals by user
 */
export function checkLicenseChangeUsers(
    session: Session,
    userIds: ReadonlyArray<Id | null | undefined>,
    target: UserLicense | undefined,
    requirePartnerAccount: boolean,
): Map<Id, Refusal> {
    const { org } = session;
    const refusals = new Map<Id, Refusal>();
    const partnerTarget = requirePartnerAccount && portalTypeFor(target) === 'Partner';
    const users = unique(userIds)
        .map((userId) => userById(org, userId))
        .filter((user): user is User => user !== undefined);
    const owners = personAccountOwners(org, users, target);
    const roleBasedTarget = portalTypeFor(target) !== null;
    for (const user of users) {
        const userId = user.Id;
        const account = org.Account.find((row) => row.Id === user.AccountId);
        const owner = owners.get(userId);
        if (!user.IsActive) {
            refusals.set(userId, refusal(userId, 'USER_INACTIVE', USER_INACTIVE, user.Name));
        } else if (partnerTarget && !account?.IsPartner) {
            refusals.set(
                userId,
                refusal(
                    userId,
                    'PARTNER_ACCOUNT_NOT_ENABLED',
                    PARTNER_ACCOUNT_NOT_ENABLED,
                    user.Name,
                    account?.Name ?? user.AccountId,
                ),
            );
        } else if (owner && isOverPersonAccountLimit(owner)) {
            // Apex `Integer.format()`: the count in the running user's locale ("50,001").
            refusals.set(
                userId,
                refusal(
                    userId,
                    'PERSON_ACCOUNTS_OVER_LIMIT',
                    PERSON_ACCOUNTS_OVER_LIMIT,
                    user.Name,
                    owner.ownerName ?? owner.ownerId,
                    countText(owner.personAccounts),
                    countText(PERSON_ACCOUNT_LIMIT),
                ),
            );
        } else if (roleBasedTarget && !user.UserRoleId && account) {
            const accountOwner = userById(org, account.OwnerId);
            if (accountOwner && !accountOwner.UserRoleId) {
                refusals.set(
                    userId,
                    refusal(
                        userId,
                        'ACCOUNT_OWNER_WITHOUT_ROLE',
                        ACCOUNT_OWNER_WITHOUT_ROLE,
                        user.Name,
                        accountOwner.Name,
                        account.Name ?? account.Id,
                    ),
                );
            }
        }
    }
    return refusals;
}

/** `SetupAssistantPolicy.PersonAccountOwner`: the owner of a user's person account. */
export interface PersonAccountOwner {
    ownerId: Id;
    /** `Account.Owner.Name`; null when the owner cannot be read. */
    ownerName: string | null;
    /** Person accounts the owner owns, the user's own among them. */
    personAccounts: number;
    /** A Person Account Owner Power User for the target's portal type; looked up only over the limit (else null). */
    isPowerUser: boolean | null;
}

/** `PersonAccountOwner.isOverLimit`: more than PERSON_ACCOUNT_LIMIT and no power user. */
export function isOverPersonAccountLimit(owner: PersonAccountOwner): boolean {
    return owner.personAccounts > PERSON_ACCOUNT_LIMIT && owner.isPowerUser !== true;
}

/**
 * `personAccountOwners`: for a role-based target (`portalTypeFor` not null), the owner of each user's
 * account when it is a person account (`Account.IsPersonAccount`), the person accounts that owner owns
 * (`PersonAccountCounts`, which stands in for the aggregate; without it, the org's person accounts
 * of that owner are counted), and for an owner over the limit whether it is a Person Account Owner
 * Power User of the target's portal type. Users whose account is not a person account are absent.
 * @param org the sample org
 * @param users the users, as read
 * @param target the target profile's license
 * @returns the owner by user id
 */
export function personAccountOwners(
    org: SampleOrg,
    users: ReadonlyArray<User>,
    target: UserLicense | undefined,
): Map<Id, PersonAccountOwner> {
    const owners = new Map<Id, PersonAccountOwner>();
    const portalType = portalTypeFor(target);
    if (!portalType) {
        return owners;
    }
    for (const user of users) {
        const account = org.Account.find((row) => row.Id === user.AccountId);
        if (!account?.IsPersonAccount) {
            continue;
        }
        const personAccounts =
            org.PersonAccountCounts?.[account.OwnerId] ??
            org.Account.filter((row) => row.IsPersonAccount && row.OwnerId === account.OwnerId).length;
        const overLimit = personAccounts > PERSON_ACCOUNT_LIMIT;
        owners.set(user.Id, {
            ownerId: account.OwnerId,
            ownerName: userById(org, account.OwnerId)?.Name ?? null,
            personAccounts,
            isPowerUser: overLimit
                ? (org.PersonAccountOwnerPowerUser ?? []).some(
                      (power) => power.UserId === account.OwnerId && power.PortalType === portalType,
                  )
                : null,
        });
    }
    return owners;
}

/** `checkContacts`: contacts that exist. */
export function checkContacts(session: Session, contactIds: ReadonlyArray<Id | null | undefined>): Map<Id, Refusal> {
    const refusals = new Map<Id, Refusal>();
    for (const contactId of unique(contactIds)) {
        const found =
            prefixOf(contactId) === KEY_PREFIX.Contact &&
            session.org.Contact.some((contact) => contact.Id === contactId);
        if (!found) {
            refusals.set(contactId, refusal(contactId, 'CONTACT_NOT_FOUND', CONTACT_NOT_FOUND, contactId));
        }
    }
    return refusals;
}

// ------------------------------------------------------------------ sites

/** `checkSiteFix`: a site of this org; as members, only community profiles and allowed permission sets. */
export function checkSiteFix(
    session: Session,
    networkId: Id | null | undefined,
    memberParentId?: Id | null,
): Refusal | undefined {
    if (!networkId || !session.org.Network.some((network) => network.Id === networkId)) {
        return refusal(networkId ?? '', 'SITE_NOT_FOUND', SITE_NOT_FOUND, networkId);
    }
    if (!memberParentId) {
        return undefined;
    }
    let found: Refusal | undefined;
    if (prefixOf(memberParentId) === KEY_PREFIX.Profile) {
        found = checkTargetProfiles(session, [memberParentId]).get(memberParentId);
    } else if (prefixOf(memberParentId) === KEY_PREFIX.PermissionSet) {
        found = checkAssignablePermissionSets(session, [memberParentId]).get(memberParentId);
    } else {
        found = { subjectId: memberParentId, code: 'SITE_MEMBER_NOT_ALLOWED', message: '' };
    }
    if (!found) {
        return undefined;
    }
    const base = formatLabel(SITE_MEMBER_NOT_ALLOWED, memberParentId);
    return {
        subjectId: memberParentId,
        code: 'SITE_MEMBER_NOT_ALLOWED',
        message: found.message ? `${base} ${found.message}` : base,
    };
}

// ------------------------------------------------------------------ partner accounts

/**
 * `checkPartnerAccounts`: only accounts of external users in this admin's open license changes to
 * a Partner Community license (`usersOfOpenPartnerChanges`); the browser names no users.
 */
export function checkPartnerAccounts(
    session: Session,
    accountIds: ReadonlyArray<Id | null | undefined>,
): Map<Id, Refusal> {
    return checkPartnerAccountsOfUsers(session, accountIds, [...usersOfOpenPartnerChanges(session, accountIds)]);
}

/** `usersOfOpenPartnerChanges`: users of this admin's open license-change logs to Partner Community. */
export function usersOfOpenPartnerChanges(session: Session, accountIds: ReadonlyArray<Id | null | undefined>): Set<Id> {
    const { org } = session;
    const accounts = new Set(unique(accountIds));
    const userIds = new Set<Id>();
    for (const log of org.Setup_Assistant_Log__c) {
        if (
            log.CreatedById !== session.user.Id ||
            log.Action__c !== LICENSE_CHANGE_ACTION ||
            !OPEN_LOG_STATUSES.has(log.Status__c) ||
            !log.Target_User__c
        ) {
            continue;
        }
        const user = userById(org, log.Target_User__c);
        if (!user?.AccountId || !accounts.has(user.AccountId)) {
            continue;
        }
        let targetProfileId: Id | undefined;
        try {
            targetProfileId = (JSON.parse(log.Snapshot__c ?? 'null') as { targetProfileId?: Id } | null)
                ?.targetProfileId;
        } catch {
            targetProfileId = undefined;
        }
        const target = targetProfileId ? profileById(org, targetProfileId) : undefined;
        if (target && portalTypeFor(licenseById(org, target.UserLicenseId)) === 'Partner') {
            userIds.add(user.Id);
        }
    }
    return userIds;
}

function checkPartnerAccountsOfUsers(
    session: Session,
    accountIds: ReadonlyArray<Id | null | undefined>,
    userIds: ReadonlyArray<Id | null | undefined>,
): Map<Id, Refusal> {
    const accountsOfChange = new Set<Id>();
    for (const userId of unique(userIds)) {
        const user = userById(session.org, userId);
        if (user && user.ContactId && EXTERNAL_USER_TYPES.has(user.UserType) && user.AccountId) {
            accountsOfChange.add(user.AccountId);
        }
    }
    const refusals = new Map<Id, Refusal>();
    for (const accountId of unique(accountIds)) {
        if (!accountsOfChange.has(accountId)) {
            refusals.set(accountId, refusal(accountId, 'ACCOUNT_NOT_IN_CHANGE', ACCOUNT_NOT_IN_CHANGE, accountId));
        }
    }
    return refusals;
}

// ------------------------------------------------------------------ license change

/**
 * `checkConversion`: the path from the seed 003 table; refused unless it is a profile change. The
 * user type decides the path of a license the table does not list (CSPLitePortal, seed 003).
 */
export function checkConversion(
    userId: Id,
    source: UserLicense | undefined,
    target: UserLicense | undefined,
    userType?: string | null,
): Refusal | undefined {
    let path: string | null = null;
    if (target && isTargetLicense(target)) {
        const targetName = asTargetLicense(target.Name) ? target.Name : target.LicenseDefinitionKey;
        path = conversionPath(source?.Name ?? '', targetName, userType);
    }
    if (path === 'change-profile') {
        return undefined;
    }
    return refusal(userId, 'PATH_NOT_PROFILE_CHANGE', PATH_NOT_PROFILE_CHANGE, source?.Name, target?.Name, path);
}

/** `portalTypeFor`: Partner for Partner Community, CustomerPortal for Customer Community Plus, else null. */
export function portalTypeFor(license: UserLicense | undefined): 'Partner' | 'CustomerPortal' | null {
    const name = (
        asTargetLicense(license?.Name ?? '') ?? asTargetLicense(String(license?.LicenseDefinitionKey))
    )?.toLowerCase();
    if (name?.startsWith('partner community')) {
        return 'Partner';
    }
    return name?.startsWith('customer community plus') ? 'CustomerPortal' : null;
}

/**
 * `checkPortalRoles`: the role an admin chose ("If the account does have roles and you don't
 * specify one, we associate the user with the lowest role", seed 003) is allowed only for a user
 * without a role, a role-based target, and a portal role of the user's own account of the target's
 * portal type.
 */
export function checkPortalRoles(
    session: Session,
    roleByUser: ReadonlyMap<Id, Id | null | undefined>,
    target: UserLicense | undefined,
): Map<Id, Refusal> {
    const refusals = new Map<Id, Refusal>();
    const portalType = portalTypeFor(target);
    for (const [userId, roleId] of roleByUser) {
        if (!userId || !roleId) {
            continue;
        }
        const user = userById(session.org, userId);
        const role = roleById(session.org, roleId);
        const allowed =
            portalType !== null &&
            !!user &&
            !!role &&
            !user.UserRoleId &&
            !!user.AccountId &&
            role.PortalAccountId === user.AccountId &&
            role.PortalType === portalType;
        if (!allowed) {
            refusals.set(
                userId,
                refusal(
                    userId,
                    'ROLE_NOT_ALLOWED',
                    ROLE_NOT_ALLOWED,
                    role?.Name ?? roleId,
                    user?.Name ?? userId,
                    portalType,
                ),
            );
        }
    }
    return refusals;
}

/** `checkLicenseChangeLog`: this admin's open license-change log, to the requested target. */
export function checkLicenseChangeLog(
    session: Session,
    logId: Id,
    log: SetupAssistantLog | undefined,
    storedTargetProfileId: Id | null | undefined,
    requestedTargetProfileId: Id | null | undefined,
): Refusal | undefined {
    if (!log || log.Action__c !== LICENSE_CHANGE_ACTION) {
        return refusal(logId, 'LOG_NOT_FOUND', LOG_NOT_FOUND, logId);
    }
    if (log.CreatedById !== session.user.Id) {
        return refusal(logId, 'LOG_NOT_OWNED', LOG_NOT_OWNED, log.Name);
    }
    if (!OPEN_LOG_STATUSES.has(log.Status__c)) {
        return refusal(logId, 'LOG_NOT_OPEN', LOG_NOT_OPEN, log.Name, log.Status__c);
    }
    if (!storedTargetProfileId || storedTargetProfileId !== requestedTargetProfileId) {
        return refusal(logId, 'LOG_TARGET_MISMATCH', LOG_TARGET_MISMATCH, log.Name);
    }
    return undefined;
}

/** `unfinishedChange`: a user with an open change to another target. */
export function unfinishedChange(userId: Id, openTargetProfileName: string | undefined): Refusal {
    return refusal(userId, 'UNFINISHED_CHANGE', UNFINISHED_CHANGE, openTargetProfileName);
}

/** `checkJobOwner`: a job is started, cancelled and resumed only by the admin who created it. */
export function checkJobOwner(session: Session, jobId: Id, jobName: string, startedById: Id): Refusal | undefined {
    return startedById === session.user.Id ? undefined : refusal(jobId, 'JOB_NOT_OWNED', JOB_NOT_OWNED, jobName);
}
