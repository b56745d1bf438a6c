/**
 * Sample org implementation of `LicenseUpgradeController` (force-app/main/license-upgrade/
 * classes), over the sample org's records: the reads of `LicenseUpgradeService`, the three
 * steps of `LicenseChangeService` (with `Setup_Assistant_Log__c` records) and
 * `PartnerAccountService`. Where Apex relies on the platform (DML on User and assignments),
 * the platform's behaviour is emulated: a license change removes every permission set and
 * permission set license assignment, moves the seat, gives a role-based user a portal role;
 * it fails without a seat or when the account owner has no role.
 */
import ACKNOWLEDGEMENT_REQUIRED from '@salesforce/label/c.CCSA_Upgrade_Acknowledgement_Required';
import BATCH_SIZE from '@salesforce/label/c.CCSA_Upgrade_Batch_Size';
import FACTS_CHANGED from '@salesforce/label/c.CCSA_Upgrade_Facts_Changed';
import PARTNER_UNAVAILABLE from '@salesforce/label/c.CCSA_Upgrade_Partner_Unavailable';
import PATH_NOT_PROFILE_CHANGE from '@salesforce/label/c.CCSA_Upgrade_Path_Not_Profile_Change';
import TARGET_INVALID from '@salesforce/label/c.CCSA_Upgrade_Target_Invalid';
import USER_NOT_FOUND from '@salesforce/label/c.CCSA_Upgrade_User_Not_Found';
import { formatLabel } from 'c/labelFormat';
import { apexMethod, ApexException } from '../apexMethod';
import { assertAdmin, requireCapability } from '../guard';
import { licenseById, newRecordId, platformNow, profileById, roleById, touchUser, userById } from '../org';
import { currentSession } from '../session';
import type {
    Id,
    PermissionSet,
    PermissionSetAssignment,
    PermissionSetLicenseAssign,
    Profile,
    SampleOrg,
    SetupAssistantLog,
    User,
    UserRole,
} from '../types';
import {
    LICENSE_LIMIT_EXCEEDED as LICENSE_SEATS_EXHAUSTED,
    errorText,
    insertLicenseAssignment,
    insertPermissionSetAssignment,
    isBlank,
    isRoleBased,
    licenseNameOfProfile,
    likeMatcher,
    portalRoleFor,
} from '../platform';

type TargetOption = Apex.LicenseUpgradeService.TargetOption;
type UpgradeFacts = Apex.LicenseUpgradeService.UpgradeFacts;
type UserFact = Apex.LicenseUpgradeService.UserFact;
type UserOption = Apex.LicenseUpgradeService.UserOption;
type ChangeRequest = Apex.LicenseChangeService.ChangeRequest;
type ChangeItem = Apex.LicenseChangeService.ChangeItem;
type ChangeResult = Apex.LicenseChangeService.ChangeResult;

/**
 * The exception type the component receives: the controller turns every failure, such as a
 * `LicenseUpgradeService.UpgradeException`, into an AuraHandledException with its message
 * (`SetupAssistantAccess.toAuraException`).
 */
const UPGRADE_EXCEPTION = 'System.AuraHandledException';

function batchSizeError(): ApexException {
    return new ApexException(formatLabel(BATCH_SIZE, MAX_USERS), UPGRADE_EXCEPTION);
}

/** As `LicenseUpgradeService.MAX_USERS`. */
const MAX_USERS = 200;

/** The six licenses users can be upgraded to (seed 003), as `LicenseUpgradeService.TARGET_LICENSES`. */
const TARGET_LICENSES = new Set([
    'customer community',
    'customer community login',
    'customer community plus',
    'customer community plus login',
    'partner community',
    'partner community login',
    'pid_customer_community',
    'pid_customer_community_login',
    'pid_customer_community_plus',
    'pid_customer_community_plus_login',
    'pid_partner_community',
    'pid_partner_community_login',
]);

function isTargetLicense(org: SampleOrg, licenseId: Id): boolean {
    const license = licenseById(org, licenseId);
    return (
        !!license &&
        (TARGET_LICENSES.has(license.Name.toLowerCase()) ||
            TARGET_LICENSES.has(license.LicenseDefinitionKey.toLowerCase()))
    );
}

function seatsAvailable(org: SampleOrg, licenseId: Id): number {
    const license = licenseById(org, licenseId);
    return license ? license.TotalLicenses - license.UsedLicenses : 0;
}

function sitesOf(org: SampleOrg, parentId: Id): Id[] {
    return org.NetworkMemberGroup.filter((m) => m.ParentId === parentId).map((m) => m.NetworkId);
}

export const getUpgradeTargets: typeof import('@salesforce/apex/LicenseUpgradeController.getUpgradeTargets').default =
    apexMethod<void, TargetOption[]>(() => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'LICENSE_UPGRADES');
        const { org } = session;
        return org.Profile.filter((p) => isTargetLicense(org, p.UserLicenseId)).map((profile) => ({
            profileId: profile.Id,
            profileName: profile.Name,
            licenseName: licenseById(org, profile.UserLicenseId)?.Name ?? '',
            apiEnabled: profile.PermissionsApiEnabled,
            seatsAvailable: seatsAvailable(org, profile.UserLicenseId),
        }));
    });

export const getUpgradeFacts: typeof import('@salesforce/apex/LicenseUpgradeController.getUpgradeFacts').default =
    apexMethod<{ userIds: string[]; targetProfileId: string }, UpgradeFacts>(({ userIds, targetProfileId }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'LICENSE_UPGRADES');
        const { org } = session;
        if (!userIds || userIds.length === 0 || userIds.length > MAX_USERS) {
            throw batchSizeError();
        }
        const target = profileById(org, targetProfileId);
        if (!target || !isTargetLicense(org, target.UserLicenseId)) {
            throw new ApexException(TARGET_INVALID, UPGRADE_EXCEPTION);
        }
        const siteIds = new Set<Id>();
        const sites = (parentId: Id): Id[] => {
            const ids = sitesOf(org, parentId);
            ids.forEach((id) => siteIds.add(id));
            return ids;
        };
        const wanted = new Set(userIds);
        const users: UserFact[] = org.User.filter((u) => wanted.has(u.Id)).map((user) => {
            const profile = profileById(org, user.ProfileId);
            const account = org.Account.find((a) => a.Id === user.AccountId);
            const assignments = org.PermissionSetAssignment.filter((a) => a.AssigneeId === user.Id);
            return {
                id: user.Id,
                name: user.Name,
                isActive: user.IsActive,
                userType: user.UserType,
                licenseName: licenseById(org, profile?.UserLicenseId)?.Name ?? '',
                profileId: user.ProfileId,
                profileName: profile?.Name ?? '',
                profileModifyAllData: profile?.PermissionsModifyAllData ?? false,
                profileViewAllData: profile?.PermissionsViewAllData ?? false,
                roleId: user.UserRoleId,
                roleName: roleById(org, user.UserRoleId)?.Name ?? null,
                contactId: user.ContactId,
                accountId: user.AccountId,
                accountName: account?.Name ?? null,
                accountIsPartner: account?.IsPartner ?? false,
                accountRoleNames: org.UserRole.filter(
                    (r) => r.PortalAccountId === user.AccountId && user.AccountId,
                ).map((r) => r.Name),
                // The sample org has no person accounts.
                ownedPersonAccounts: 0,
                profileSiteIds: sites(user.ProfileId),
                systemModstamp: user.SystemModstamp,
                permissionSets: assignments.map((assignment) => {
                    const ps = org.PermissionSet.find((p) => p.Id === assignment.PermissionSetId);
                    return {
                        id: assignment.PermissionSetId,
                        label: ps?.Label ?? '',
                        // As the Apex: the user license it is tied to, or the permission set license.
                        licenseName: licenseById(org, ps?.LicenseId)?.Name ?? null,
                        permissionSetLicenseId: org.PermissionSetLicense.some((l) => l.Id === ps?.LicenseId)
                            ? (ps?.LicenseId ?? null)
                            : null,
                        modifyAllData: ps?.PermissionsModifyAllData ?? false,
                        viewAllData: ps?.PermissionsViewAllData ?? false,
                        siteIds: sites(assignment.PermissionSetId),
                    };
                }),
                permissionSetLicenses: org.PermissionSetLicenseAssign.filter((a) => a.AssigneeId === user.Id).map(
                    (a) => ({
                        id: a.PermissionSetLicenseId,
                        label:
                            org.PermissionSetLicense.find((l) => l.Id === a.PermissionSetLicenseId)?.MasterLabel ?? '',
                    }),
                ),
            };
        });
        const targetSites = sites(target.Id);
        return {
            target: {
                profileId: target.Id,
                profileName: target.Name,
                licenseName: licenseById(org, target.UserLicenseId)?.Name ?? '',
                seatsAvailable: seatsAvailable(org, target.UserLicenseId),
                siteIds: targetSites,
                siteNames: Object.fromEntries(
                    org.Network.filter((n) => siteIds.has(n.Id)).map((n) => [n.Id, n.Name] as [string, string]),
                ),
            },
            users,
            personAccountCountIncomplete: false,
        };
    });

function isPartnerLicense(licenseName: string | null | undefined): boolean {
    return String(licenseName).toLowerCase().startsWith('partner community');
}

/* ---------------------------------------------------------------------------------------------
 * searchUpgradeCandidates: `LicenseUpgradeService.searchUsers` over `searchExternalUsers`.
 * ------------------------------------------------------------------------------------------- */

export const searchUpgradeCandidates: typeof import('@salesforce/apex/LicenseUpgradeController.searchUpgradeCandidates').default =
    apexMethod<{ licenseName?: string | null; searchTerm?: string | null }, UserOption[]>(
        ({ licenseName, searchTerm }) => {
            const session = currentSession();
            assertAdmin(session);
            requireCapability(session, 'LICENSE_UPGRADES');
            const { org } = session;
            let users = org.User.filter((u) => u.ContactId !== null);
            if (!isBlank(licenseName)) {
                const wanted = (licenseName as string).toLowerCase();
                users = users.filter((u) => licenseNameOfProfile(org, u.ProfileId)?.toLowerCase() === wanted);
            }
            if (!isBlank(searchTerm)) {
                const matches = likeMatcher(`%${(searchTerm as string).trim()}%`);
                users = users.filter((u) => matches(u.Name) || matches(u.Username) || matches(u.Email));
            }
            return users
                .sort((a, b) => a.Name.localeCompare(b.Name, 'en', { sensitivity: 'base' }))
                .slice(0, MAX_USERS)
                .map((user) => {
                    const profile = profileById(org, user.ProfileId);
                    const contact = org.Contact.find((c) => c.Id === user.ContactId);
                    const account = org.Account.find((a) => a.Id === contact?.AccountId);
                    const option: UserOption = {
                        id: user.Id,
                        name: user.Name,
                        username: user.Username,
                        isActive: user.IsActive,
                        profileName: profile?.Name ?? '',
                        licenseName: licenseById(org, profile?.UserLicenseId)?.Name ?? '',
                    };
                    // Apex leaves a null field out of the response.
                    if (account) {
                        option.accountName = account.Name;
                    }
                    return option;
                });
        },
    );

/* ---------------------------------------------------------------------------------------------
 * The license change: `LicenseChangeService.snapshot`, `apply`, `reconcile`.
 * ------------------------------------------------------------------------------------------- */

const ACTION = 'LICENSE_CHANGE';
const STATUS_SNAPSHOT = 'Snapshot';
const STATUS_APPLIED = 'Applied';
const STATUS_COMPLETED = 'Completed';
const STATUS_REFUSED = 'Refused';

/** `LicenseChangeService.Snapshot`, serialized in the log with its fields in this order. */
interface Snapshot {
    beforeProfileId: Id;
    targetProfileId: Id;
    permissionSetIds: Id[];
    permissionSetLicenseIds: Id[];
}

/** `new ChangeResult(userId)`; logId and status stay absent until set (Apex omits nulls). */
function newResult(userId: Id): ChangeResult {
    return { userId, profileChanged: false, errors: [], restored: [], removed: [] };
}

/** `selectPermissionSetAssignments`: the user's assignments, without the profile's own permission set. */
function permissionSetAssignmentsOf(org: SampleOrg, userId: Id): PermissionSetAssignment[] {
    return org.PermissionSetAssignment.filter(
        (a) =>
            a.AssigneeId === userId && !org.PermissionSet.find((ps) => ps.Id === a.PermissionSetId)?.IsOwnedByProfile,
    );
}

function licenseAssignmentsOf(org: SampleOrg, userId: Id): PermissionSetLicenseAssign[] {
    return org.PermissionSetLicenseAssign.filter((a) => a.AssigneeId === userId);
}

/** Apex compares Datetimes: the same instant, whatever the string's form; null never matches. */
function sameInstant(a: string | null | undefined, b: string | null | undefined): boolean {
    if (!a || !b) {
        return false;
    }
    const left = Date.parse(a);
    return !Number.isNaN(left) && left === Date.parse(b);
}

/** As `LicenseChangeService.requireTarget`. */
function requireTarget(org: SampleOrg, profileId: Id | null | undefined): Profile {
    const target = profileById(org, profileId);
    if (!target || !isTargetLicense(org, target.UserLicenseId)) {
        throw new ApexException(TARGET_INVALID, UPGRADE_EXCEPTION);
    }
    return target;
}

/** As `LicenseChangeService.refusalFor`, in the same order. */
function refusalFor(
    org: SampleOrg,
    item: ChangeItem,
    user: User | undefined,
    target: Profile,
    permissionSetCount: number,
    licenseCount: number,
): string | null {
    if (!user) {
        return USER_NOT_FOUND;
    }
    // Apex compares strings ignoring case, and String.format writes a null as "null".
    if (String(item.path).toLowerCase() !== 'change-profile') {
        return formatLabel(PATH_NOT_PROFILE_CHANGE, String(item.path));
    }
    const factsChanged =
        user.ProfileId !== item.profileId ||
        !sameInstant(user.SystemModstamp, item.systemModstamp) ||
        permissionSetCount !== item.permissionSetCount ||
        licenseCount !== item.permissionSetLicenseCount;
    if (factsChanged) {
        return FACTS_CHANGED;
    }
    const irreversible =
        isRoleBased(licenseNameOfProfile(org, target.Id)) && !isRoleBased(licenseNameOfProfile(org, user.ProfileId));
    if (irreversible && item.acknowledgedIrreversible !== true) {
        return ACKNOWLEDGEMENT_REQUIRED;
    }
    return null;
}

/** Inserts a log as `Database.insert` would: Id, auto number, audit fields. */
function insertLog(
    org: SampleOrg,
    createdById: Id,
    fields: Pick<SetupAssistantLog, 'Action__c' | 'Status__c' | 'Target_User__c' | 'Snapshot__c' | 'Before__c'>,
): SetupAssistantLog {
    const log: SetupAssistantLog = {
        Id: newRecordId(org, 'Setup_Assistant_Log__c'),
        Name: `LOG-${String(org.Setup_Assistant_Log__c.length + 1).padStart(7, '0')}`,
        After__c: null,
        Restored__c: null,
        Removed__c: null,
        Error__c: null,
        ...fields,
        CreatedDate: platformNow(),
        CreatedById: createdById,
    };
    org.Setup_Assistant_Log__c.push(log);
    return log;
}

function newSnapshotLog(
    org: SampleOrg,
    createdById: Id,
    user: User,
    target: Profile,
    permissionSets: PermissionSetAssignment[],
    licenses: PermissionSetLicenseAssign[],
): SetupAssistantLog {
    const snapshot: Snapshot = {
        beforeProfileId: user.ProfileId,
        targetProfileId: target.Id,
        permissionSetIds: permissionSets.map((a) => a.PermissionSetId),
        permissionSetLicenseIds: licenses.map((a) => a.PermissionSetLicenseId),
    };
    return insertLog(org, createdById, {
        Action__c: ACTION,
        Status__c: STATUS_SNAPSHOT,
        Target_User__c: user.Id,
        Snapshot__c: JSON.stringify(snapshot),
        Before__c: JSON.stringify({
            profileId: user.ProfileId,
            profileName: profileById(org, user.ProfileId)?.Name ?? null,
            licenseName: licenseNameOfProfile(org, user.ProfileId) ?? null,
            roleId: user.UserRoleId,
            roleName: roleById(org, user.UserRoleId)?.Name ?? null,
            targetProfileId: target.Id,
            targetLicenseName: licenseNameOfProfile(org, target.Id) ?? null,
        }),
    });
}

export const snapshotLicenseChanges: typeof import('@salesforce/apex/LicenseUpgradeController.snapshotLicenseChanges').default =
    apexMethod<{ request: ChangeRequest }, ChangeResult[]>(({ request }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'LICENSE_UPGRADES');
        const { org } = session;
        if (!request || !request.users || request.users.length === 0) {
            return [];
        }
        if (request.users.length > MAX_USERS) {
            throw batchSizeError();
        }
        const target = requireTarget(org, request.targetProfileId);
        const userIds = new Set(request.users.map((item) => item.userId));
        // `selectOpenLogs`: the last one read wins, as in the Apex map.
        const openLogs = new Map<Id, SetupAssistantLog>();
        for (const log of org.Setup_Assistant_Log__c) {
            if (
                log.Target_User__c &&
                userIds.has(log.Target_User__c) &&
                log.Action__c === ACTION &&
                (log.Status__c === STATUS_SNAPSHOT || log.Status__c === STATUS_APPLIED)
            ) {
                openLogs.set(log.Target_User__c, log);
            }
        }

        const results: ChangeResult[] = [];
        for (const item of request.users) {
            const result = newResult(item.userId);
            results.push(result);
            const open = openLogs.get(item.userId);
            if (open) {
                result.logId = open.Id;
                result.status = open.Status__c;
                continue;
            }
            const user = userById(org, item.userId);
            const permissionSets = user ? permissionSetAssignmentsOf(org, user.Id) : [];
            const licenses = user ? licenseAssignmentsOf(org, user.Id) : [];
            const refusal = refusalFor(org, item, user, target, permissionSets.length, licenses.length);
            if (refusal !== null) {
                result.status = STATUS_REFUSED;
                result.errors.push(refusal);
                continue;
            }
            const log = newSnapshotLog(org, session.user.Id, user as User, target, permissionSets, licenses);
            result.logId = log.Id;
            result.status = STATUS_SNAPSHOT;
        }
        return results;
    });

/* The platform's side of `Database.update(users)` and `Database.insert(assignments)`. ------- */

/** `License Limit Exceeded`: the platform's message when a license has no seat left. */
const LICENSE_LIMIT_EXCEEDED = errorText(LICENSE_SEATS_EXHAUSTED);
/** What the platform answers when a portal user's account owner has no role. */
const OWNER_WITHOUT_ROLE = 'UNKNOWN_EXCEPTION: portal account owner must have a role';

/**
 * `update new User(Id = user.Id, ProfileId = target.Id)` as the platform runs it.
 * @returns the error (`STATUS_CODE: message`), or null when the user was changed
 */
function updateUserProfile(org: SampleOrg, user: User, target: Profile): string | null {
    const fromLicense = licenseById(org, profileById(org, user.ProfileId)?.UserLicenseId);
    const toLicense = licenseById(org, target.UserLicenseId);
    const licenseChanges = fromLicense?.Id !== toLicense?.Id;
    if (licenseChanges && user.IsActive && toLicense && toLicense.UsedLicenses >= toLicense.TotalLicenses) {
        return LICENSE_LIMIT_EXCEEDED;
    }
    const account = org.Account.find((a) => a.Id === user.AccountId);
    const partner = isPartnerLicense(toLicense?.Name);
    if (partner && account && !account.IsPartner) {
        // UNCONFIRMED: the platform's exact message; the validator blocks this case beforehand.
        return 'FIELD_INTEGRITY_EXCEPTION: The account of a partner user must be a partner account.';
    }
    let role: UserRole | null = null;
    if (isRoleBased(toLicense?.Name) && !user.UserRoleId && account) {
        const owner = userById(org, account.OwnerId);
        if (!owner?.UserRoleId) {
            return OWNER_WITHOUT_ROLE;
        }
        role = portalRoleFor(org, account, owner, partner);
    }

    if (licenseChanges) {
        // "A license upgrade automatically removes sharing sets, permission sets, and permission
        // set license assignments previously associated with the user."
        org.PermissionSetAssignment = org.PermissionSetAssignment.filter(
            (a) =>
                a.AssigneeId !== user.Id ||
                !!org.PermissionSet.find((ps) => ps.Id === a.PermissionSetId)?.IsOwnedByProfile,
        );
        for (const removed of licenseAssignmentsOf(org, user.Id)) {
            const psl = org.PermissionSetLicense.find((l) => l.Id === removed.PermissionSetLicenseId);
            if (psl) {
                psl.UsedLicenses = Math.max(0, psl.UsedLicenses - 1);
            }
        }
        org.PermissionSetLicenseAssign = org.PermissionSetLicenseAssign.filter((a) => a.AssigneeId !== user.Id);
        if (user.IsActive && fromLicense && toLicense) {
            fromLicense.UsedLicenses = Math.max(0, fromLicense.UsedLicenses - 1);
            toLicense.UsedLicenses++;
        }
    }
    user.ProfileId = target.Id;
    user.UserType = target.UserType;
    if (role) {
        user.UserRoleId = role.Id;
        if (role.PortalType === 'CustomerPortal' && account) {
            account.IsCustomerPortal = true;
        }
    }
    touchUser(user);
    return null;
}

/** `selectLogs`: the license change logs among the ids, whatever their status. */
function selectLogs(org: SampleOrg, logIds: ReadonlySet<Id>): SetupAssistantLog[] {
    return org.Setup_Assistant_Log__c.filter((log) => logIds.has(log.Id) && log.Action__c === ACTION);
}

function snapshotOf(log: SetupAssistantLog): Snapshot {
    const parsed = JSON.parse(log.Snapshot__c ?? '{}') as Partial<Snapshot>;
    return {
        beforeProfileId: parsed.beforeProfileId as Id,
        targetProfileId: parsed.targetProfileId as Id,
        permissionSetIds: parsed.permissionSetIds ?? [],
        permissionSetLicenseIds: parsed.permissionSetLicenseIds ?? [],
    };
}

/**
 * As `LicenseChangeService.restorable`: a permission set tied to nothing, to a permission set
 * license (restored just before it), or to the new profile's user license.
 */
function permissionSetAllowed(org: SampleOrg, permissionSet: PermissionSet | undefined, targetProfileId: Id): boolean {
    if (!permissionSet) return false;
    const licenseId = permissionSet.LicenseId;
    return (
        licenseId === null ||
        org.PermissionSetLicense.some((license) => license.Id === licenseId) ||
        licenseId === profileById(org, targetProfileId)?.UserLicenseId
    );
}

export const applyLicenseChanges: typeof import('@salesforce/apex/LicenseUpgradeController.applyLicenseChanges').default =
    apexMethod<{ logIds: string[] }, ChangeResult[]>(({ logIds }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'LICENSE_UPGRADES');
        const { org } = session;
        const logs = selectLogs(org, new Set(logIds ?? []));
        const results: ChangeResult[] = [];
        const resultsByUser = new Map<Id, ChangeResult>();
        const toUpdate: Array<{ user: User; target: Profile }> = [];
        for (const log of logs) {
            const userId = log.Target_User__c as Id;
            const result = newResult(userId);
            result.logId = log.Id;
            results.push(result);
            resultsByUser.set(userId, result);
            const snapshot = snapshotOf(log);
            const user = userById(org, userId);
            const target = profileById(org, snapshot.targetProfileId);
            if (!user || !target) {
                result.errors.push(USER_NOT_FOUND);
            } else if (user.ProfileId === snapshot.targetProfileId) {
                result.profileChanged = true;
            } else if (user.ProfileId !== snapshot.beforeProfileId) {
                result.errors.push(FACTS_CHANGED);
            } else {
                toUpdate.push({ user, target });
            }
        }
        // Database.update(users, false): partial success, in order (seats run out on the way).
        for (const { user, target } of toUpdate) {
            const result = resultsByUser.get(user.Id) as ChangeResult;
            const error = updateUserProfile(org, user, target);
            if (error === null) {
                result.profileChanged = true;
            } else {
                result.errors.push(error);
            }
        }

        // Permission set licenses first: a permission set that needs one cannot be assigned before it.
        const licensesToRestore: Array<{ user: User; licenseId: Id }> = [];
        const permissionSetsToRestore: Array<{ user: User; permissionSetId: Id }> = [];
        for (const log of logs) {
            const userId = log.Target_User__c as Id;
            const result = resultsByUser.get(userId) as ChangeResult;
            if (!result.profileChanged) {
                continue;
            }
            const user = userById(org, userId) as User;
            const snapshot = snapshotOf(log);
            const heldLicenses = new Set(licenseAssignmentsOf(org, userId).map((a) => a.PermissionSetLicenseId));
            const heldPermissionSets = new Set(permissionSetAssignmentsOf(org, userId).map((a) => a.PermissionSetId));
            for (const licenseId of snapshot.permissionSetLicenseIds) {
                if (!heldLicenses.has(licenseId)) {
                    licensesToRestore.push({ user, licenseId });
                }
            }
            for (const permissionSetId of snapshot.permissionSetIds) {
                const permissionSet = org.PermissionSet.find((ps) => ps.Id === permissionSetId);
                if (
                    permissionSetAllowed(org, permissionSet, snapshot.targetProfileId) &&
                    !heldPermissionSets.has(permissionSetId)
                ) {
                    permissionSetsToRestore.push({ user, permissionSetId });
                }
            }
        }
        for (const { user, licenseId } of licensesToRestore) {
            const error = insertLicenseAssignment(org, user.Id, licenseId);
            if (error !== null) {
                resultsByUser.get(user.Id)?.errors.push(errorText(error));
            }
        }
        for (const { user, permissionSetId } of permissionSetsToRestore) {
            const error = insertPermissionSetAssignment(org, user, permissionSetId);
            if (error !== null) {
                resultsByUser.get(user.Id)?.errors.push(errorText(error));
            }
        }
        for (const result of results) {
            result.status = result.profileChanged ? STATUS_APPLIED : STATUS_SNAPSHOT;
        }
        return results;
    });

export const reconcileLicenseChanges: typeof import('@salesforce/apex/LicenseUpgradeController.reconcileLicenseChanges').default =
    apexMethod<{ outcomes: ChangeResult[] }, ChangeResult[]>(({ outcomes }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'LICENSE_UPGRADES');
        const { org } = session;
        const errorsByLog = new Map<Id, string[]>();
        for (const outcome of outcomes ?? []) {
            if (outcome.logId) {
                errorsByLog.set(outcome.logId, outcome.errors ?? []);
            }
        }
        const logs = selectLogs(org, new Set(errorsByLog.keys()));
        const results: ChangeResult[] = [];
        for (const log of logs) {
            const userId = log.Target_User__c as Id;
            const snapshot = snapshotOf(log);
            const user = userById(org, userId);
            const result = newResult(userId);
            result.logId = log.Id;
            result.errors.push(...(errorsByLog.get(log.Id) ?? []));
            result.profileChanged = !!user && user.ProfileId === snapshot.targetProfileId;
            const heldLicenses = new Set(licenseAssignmentsOf(org, userId).map((a) => a.PermissionSetLicenseId));
            const heldPermissionSets = new Set(permissionSetAssignmentsOf(org, userId).map((a) => a.PermissionSetId));
            let pending = !result.profileChanged;
            for (const licenseId of snapshot.permissionSetLicenseIds) {
                if (heldLicenses.has(licenseId)) {
                    result.restored.push(licenseId);
                } else {
                    result.removed.push(licenseId);
                    pending = true;
                }
            }
            for (const permissionSetId of snapshot.permissionSetIds) {
                const permissionSet = org.PermissionSet.find((ps) => ps.Id === permissionSetId);
                if (heldPermissionSets.has(permissionSetId)) {
                    result.restored.push(permissionSetId);
                } else {
                    result.removed.push(permissionSetId);
                    pending = pending || permissionSetAllowed(org, permissionSet, snapshot.targetProfileId);
                }
            }
            result.status = !result.profileChanged ? STATUS_SNAPSHOT : pending ? STATUS_APPLIED : STATUS_COMPLETED;
            log.Status__c = result.status;
            log.After__c = JSON.stringify({
                profileId: user?.ProfileId ?? null,
                profileName: profileById(org, user?.ProfileId)?.Name ?? null,
                licenseName: licenseNameOfProfile(org, user?.ProfileId) ?? null,
                roleId: user?.UserRoleId ?? null,
                roleName: roleById(org, user?.UserRoleId)?.Name ?? null,
            });
            log.Restored__c = JSON.stringify(result.restored);
            log.Removed__c = JSON.stringify(result.removed);
            log.Error__c = result.errors.length === 0 ? null : result.errors.join('\n');
            results.push(result);
        }
        return results;
    });

/* ---------------------------------------------------------------------------------------------
 * enablePartnerAccounts: `PartnerAccountService.enable`.
 * ------------------------------------------------------------------------------------------- */

export const enablePartnerAccounts: typeof import('@salesforce/apex/LicenseUpgradeController.enablePartnerAccounts').default =
    apexMethod<{ accountIds: string[] }, Record<string, string>>(({ accountIds }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'LICENSE_UPGRADES');
        const { org } = session;
        const errors: Record<string, string> = {};
        if (!accountIds || accountIds.length === 0) {
            return errors;
        }
        if (accountIds.length > MAX_USERS) {
            throw batchSizeError();
        }
        // `Account.IsPartner` exists where Digital Experiences has partner users.
        const partnersPossible =
            org.CommunitiesSettings.enableNetworksEnabled &&
            org.UserLicense.some((l) => isPartnerLicense(l.Name) && l.Status === 'Active');
        if (!partnersPossible) {
            throw new ApexException(PARTNER_UNAVAILABLE, UPGRADE_EXCEPTION);
        }
        const wanted = new Set(accountIds);
        for (const account of org.Account.filter((a) => wanted.has(a.Id))) {
            account.IsPartner = true;
        }
        return errors;
    });
