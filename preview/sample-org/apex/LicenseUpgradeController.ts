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
import RESTORE_GIVEN_UP from '@salesforce/label/c.CCSA_Upgrade_Restore_Given_Up';
import TARGET_INVALID from '@salesforce/label/c.CCSA_Upgrade_Target_Invalid';
import CONTRACTS_API_DISABLED from '@salesforce/label/c.CCSA_Upgrade_CONTRACTS_API_DISABLED';
import CONTRACTS_INCOMPLETE from '@salesforce/label/c.CCSA_Upgrade_Contracts_Incomplete';
import CONTRACTS_NOT_FOUND from '@salesforce/label/c.CCSA_Upgrade_Contracts_Not_Found';
import CONTRACTS_TARGET_INVALID from '@salesforce/label/c.CCSA_Upgrade_Contracts_Target_Invalid';
import USER_NOT_FOUND from '@salesforce/label/c.CCSA_Upgrade_User_Not_Found';
import { formatLabel } from 'c/labelFormat';
import { escapeLike } from 'c/enablementRun';
import { apexMethod, ApexException } from '../apexMethod';
import { assertAdmin, requireCapability } from '../guard';
import { licenseById, newRecordId, platformNow, profileById, roleById, touchUser, userById } from '../org';
import {
    CONTRACTS_PERMISSION_SETS,
    checkAssignableLicenses,
    checkAssignablePermissionSets,
    checkConversion,
    checkDistinctUsers,
    checkExternalUsers,
    checkLicenseChangeUsers,
    checkPortalRoles,
    checkLicenseChangeLog,
    checkPartnerAccounts,
    checkRoleBasedBatch,
    personAccountOwners,
    portalTypeFor,
    usersOfOpenPartnerChanges,
    checkRestorable,
    checkTargetProfiles,
    isEnableLicense,
    throwIfRefused,
    unfinishedChange,
} from '../policy';
import { keysetPage } from '../keyset';
import { sampleSettings } from './UserSetupController';
import { currentSession } from '../session';
import type { Session } from '../session';
import { insertLogRecord, type UnwrittenLog } from '../logWriter';
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
        const read = org.User.filter((u) => wanted.has(u.Id));
        // The owner of each user's person account, as the policy refuses it at the change (seed 003).
        const owners = personAccountOwners(org, read, licenseById(org, target.UserLicenseId));
        const users: UserFact[] = read.map((user) => {
            const profile = profileById(org, user.ProfileId);
            const owner = owners.get(user.Id);
            const account = org.Account.find((a) => a.Id === user.AccountId);
            const accountOwner = account ? userById(org, account.OwnerId) : undefined;
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
                accountRoleNames: portalRolesOf(org, user.AccountId).map((r) => r.Name),
                accountRoles: portalRolesOf(org, user.AccountId).map((r) => ({
                    id: r.Id,
                    name: r.Name,
                    portalType: r.PortalType,
                    portalRole: r.PortalRole,
                })),
                // The generated org has no person accounts; tests set `IsPersonAccount` and `PersonAccountCounts`.
                accountOwnerId: owner?.ownerId ?? null,
                // As `LicenseUpgradeSelector.selectUsers`: the owner of the contact's account and its role.
                accountOwnerName: owner?.ownerName ?? accountOwner?.Name ?? null,
                accountOwnerHasRole: accountOwner ? !!accountOwner.UserRoleId : null,
                accountOwnerPersonAccounts: owner?.personAccounts ?? null,
                accountOwnerIsPowerUser: owner?.isPowerUser ?? null,
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
                apiEnabled: target.PermissionsApiEnabled,
                contractsPermissionSets: contractsPermissionSets(org).map((ps) => ({
                    id: ps.Id,
                    name: ps.Name,
                    label: ps.Label,
                    permissionSetLicenseId: pslOf(org, ps),
                })),
            },
            users,
            personAccountCountIncomplete: false,
            roleBasedInsertChunkSize: sampleSettings().roleBasedInsertChunkSize,
        };
    });

const PORTAL_ROLE_RANK: Record<string, number> = { Executive: 0, Manager: 1, User: 2, Worker: 2 };

/** `selectPortalRoles`: the account's portal roles, highest to lowest (ORDER BY PortalRole). */
function portalRolesOf(org: SampleOrg, accountId: Id | null | undefined): UserRole[] {
    if (!accountId) {
        return [];
    }
    return org.UserRole.filter((r) => r.PortalAccountId === accountId).sort(
        (a, b) => (PORTAL_ROLE_RANK[a.PortalRole ?? 'User'] ?? 2) - (PORTAL_ROLE_RANK[b.PortalRole ?? 'User'] ?? 2),
    );
}

/** `selectContractsPermissionSets`: the two Contracts permission sets of seed 000, by name or label. */
function contractsPermissionSets(org: SampleOrg): PermissionSet[] {
    return org.PermissionSet.filter(
        (ps) =>
            !ps.IsOwnedByProfile &&
            !ps.PermissionSetGroupId &&
            (CONTRACTS_PERMISSION_SETS.includes(ps.Name) || CONTRACTS_PERMISSION_SETS.includes(ps.Label)),
    ).sort((a, b) => a.Label.localeCompare(b.Label));
}

/** The permission set license a permission set needs (`LicenseId` of a PermissionSetLicense), or null. */
function pslOf(org: SampleOrg, permissionSet: PermissionSet): Id | null {
    return org.PermissionSetLicense.some((l) => l.Id === permissionSet.LicenseId) ? permissionSet.LicenseId : null;
}

function isPartnerLicense(licenseName: string | null | undefined): boolean {
    return String(licenseName).toLowerCase().startsWith('partner community');
}

/* ---------------------------------------------------------------------------------------------
 * searchUpgradeCandidates: `LicenseUpgradeService.searchUsers` over `searchExternalUsers`.
 * ------------------------------------------------------------------------------------------- */

export const searchUpgradeCandidates: typeof import('@salesforce/apex/LicenseUpgradeController.searchUpgradeCandidates').default =
    apexMethod<
        { licenseName?: string | null; searchTerm?: string | null; afterName?: string | null; afterId?: Id | null },
        UserOption[]
    >(({ licenseName, searchTerm, afterName, afterId }) => {
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
            // `%`, `_` and `\` in the term are matched literally (`SoqlLike.contains`).
            const matches = likeMatcher(`%${escapeLike((searchTerm as string).trim())}%`);
            users = users.filter((u) => matches(u.Name) || matches(u.Username) || matches(u.Email));
        }
        // As the Apex: ORDER BY Name, Id LIMIT 200 after the cursor (keyset paging).
        return keysetPage(
            users,
            (u) => u.Name,
            (u) => u.Id,
            { afterName, afterId },
            MAX_USERS,
        ).map((user) => {
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
    });

/* ---------------------------------------------------------------------------------------------
 * The license change: `LicenseChangeService.snapshot`, `apply`, `reconcile`, `cancel`, each
 * checked by the sample org's copy of `SetupAssistantPolicy` (../policy) before it writes.
 * ------------------------------------------------------------------------------------------- */

const ACTION = 'LICENSE_CHANGE';
const STATUS_SNAPSHOT = 'Snapshot';
const STATUS_APPLIED = 'Applied';
const STATUS_COMPLETED = 'Completed';
const STATUS_REFUSED = 'Refused';
const STATUS_CANCELLED = 'Cancelled';
/** As `LicenseChangeService.MAX_RESTORE_ATTEMPTS`. */
const MAX_RESTORE_ATTEMPTS = 3;

/** `LicenseChangeService.Snapshot`, serialized in the log with its fields in this order. */
interface Snapshot {
    beforeProfileId: Id;
    targetProfileId: Id;
    permissionSetIds: Id[];
    permissionSetGroupIds: Id[];
    permissionSetLicenseIds: Id[];
    expirationDates: Record<Id, string>;
    roleId?: Id | null;
    completeContractsSetup?: boolean;
    contractsPermissionSetIds?: Id[];
    contractsPermissionSetLicenseIds?: Id[];
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

/** As `LicenseChangeService.restoreIds`: a group assignment by its group, the others by permission set. */
function restoreIds(assignments: readonly PermissionSetAssignment[]): Id[] {
    return [...new Set(assignments.map((a) => a.PermissionSetGroupId ?? a.PermissionSetId))];
}

/** `policy.requireTargetProfile`: the target of a license change, checked; throws when refused. */
function requireTargetProfile(session: Session, profileId: Id | null | undefined): Profile {
    throwIfRefused(checkTargetProfiles(session, [profileId ?? null]));
    if (!profileId) {
        // Apex: `checkTargetProfiles` skips a null id and the query finds nothing.
        throw new ApexException(TARGET_INVALID, UPGRADE_EXCEPTION);
    }
    return profileById(session.org, profileId) as Profile;
}

function sameSet(held: readonly Id[], seen: readonly Id[] | null | undefined): boolean {
    const left = new Set(held);
    const right = new Set((seen ?? []).filter((id) => !!id));
    return left.size === right.size && [...left].every((id) => right.has(id));
}

/** As `LicenseChangeService.conversionRefusal`: the path of the user as it is now to the target. */
function conversionRefusal(org: SampleOrg, user: User, target: Profile): Refusal | undefined {
    return (
        checkConversion(
            user.Id,
            licenseById(org, profileById(org, user.ProfileId)?.UserLicenseId),
            licenseById(org, target.UserLicenseId),
            user.UserType,
        ) ?? undefined
    );
}

/**
 * As `LicenseChangeService.applyRefusal`: why `apply` leaves the user of a log unchanged, or
 * undefined when the user is on the target already or may be changed now. `apply` and `reconcile`
 * both ask it, in this order, so that the log is closed with the reason `apply` refused with: a user
 * the server cannot read, a profile that is neither the snapshot's nor the target (FACTS_CHANGED),
 * the conversion path (decided again from the user as it is now, never from the log), then the
 * policy's checks of the users not yet changed.
 */
function applyRefusal(
    org: SampleOrg,
    userId: Id,
    user: User | undefined,
    snapshot: Snapshot,
    target: Profile,
    userRefusals: ReadonlyMap<Id, Refusal>,
): Refusal | undefined {
    if (!user) {
        return { subjectId: userId, code: 'USER_NOT_FOUND', message: USER_NOT_FOUND };
    }
    if (user.ProfileId === target.Id) {
        return undefined;
    }
    if (user.ProfileId !== snapshot.beforeProfileId) {
        return { subjectId: user.Id, code: 'FACTS_CHANGED', message: FACTS_CHANGED };
    }
    return conversionRefusal(org, user, target) ?? userRefusals.get(user.Id);
}

/** As `LicenseChangeService.refusalFor`, in the same order. */
function refusalFor(
    org: SampleOrg,
    item: ChangeItem,
    user: User | undefined,
    target: Profile,
    permissionSets: readonly PermissionSetAssignment[],
    licenses: readonly PermissionSetLicenseAssign[],
): Refusal | undefined {
    if (!user) {
        return { subjectId: item.userId, code: 'USER_NOT_FOUND', message: USER_NOT_FOUND };
    }
    const conversion = checkConversion(
        user.Id,
        licenseById(org, profileById(org, user.ProfileId)?.UserLicenseId),
        licenseById(org, target.UserLicenseId),
        user.UserType,
    );
    if (conversion) {
        return conversion;
    }
    const factsChanged =
        user.ProfileId !== item.profileId ||
        user.IsActive !== item.isActive ||
        (user.ContactId ?? null) !== (item.contactId ?? null) ||
        !sameSet(
            permissionSets.map((a) => a.PermissionSetId),
            item.permissionSetIds,
        ) ||
        !sameSet(
            licenses.map((a) => a.PermissionSetLicenseId),
            item.permissionSetLicenseIds,
        );
    if (factsChanged) {
        return { subjectId: user.Id, code: 'FACTS_CHANGED', message: FACTS_CHANGED };
    }
    const irreversible =
        isRoleBased(licenseNameOfProfile(org, target.Id)) && !isRoleBased(licenseNameOfProfile(org, user.ProfileId));
    if (irreversible && item.acknowledgedIrreversible !== true) {
        return { subjectId: user.Id, code: 'ACKNOWLEDGEMENT_REQUIRED', message: ACKNOWLEDGEMENT_REQUIRED };
    }
    return undefined;
}

/** A refusal of the license change's own (the policy's codes, and the two of `LicenseChangeService`). */
interface Refusal {
    subjectId: Id;
    code: string;
    message: string;
}

function refuse(result: ChangeResult, refusal: Refusal): void {
    result.status = STATUS_REFUSED;
    result.code = refusal.code;
    result.errors.push(`${refusal.code}: ${refusal.message}`);
}

/** Inserts a log as `SetupAssistantLogWriter.write` would: Id, auto number, audit fields. */
function insertLog(
    org: SampleOrg,
    createdById: Id,
    fields: Pick<SetupAssistantLog, 'Action__c' | 'Status__c' | 'Target_User__c'> &
        Partial<Pick<SetupAssistantLog, 'Snapshot__c' | 'Before__c' | 'After__c' | 'Error__c'>>,
): SetupAssistantLog {
    const log: UnwrittenLog = {
        Id: newRecordId(org, 'Setup_Assistant_Log__c'),
        Name: `LOG-${String(org.Setup_Assistant_Log__c.length + 1).padStart(7, '0')}`,
        Snapshot__c: null,
        Before__c: null,
        After__c: null,
        Restored__c: null,
        Removed__c: null,
        Error__c: null,
        ...fields,
        CreatedDate: platformNow(),
        CreatedById: createdById,
    };
    return insertLogRecord(org, log);
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
        permissionSetIds: [],
        permissionSetGroupIds: [],
        permissionSetLicenseIds: licenses.map((a) => a.PermissionSetLicenseId),
        expirationDates: {},
    };
    for (const assignment of permissionSets) {
        const restoreId = assignment.PermissionSetGroupId ?? assignment.PermissionSetId;
        if (!assignment.PermissionSetGroupId) {
            snapshot.permissionSetIds.push(restoreId);
        } else if (!snapshot.permissionSetGroupIds.includes(restoreId)) {
            snapshot.permissionSetGroupIds.push(restoreId);
        }
        if (assignment.ExpirationDate) {
            snapshot.expirationDates[restoreId] = assignment.ExpirationDate;
        }
    }
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
            targetProfileName: target.Name,
            targetLicenseName: licenseNameOfProfile(org, target.Id) ?? null,
        }),
    });
}

/** `selectLogs`: the logs among the ids, whatever their action and status. */
function selectLogs(org: SampleOrg, logIds: ReadonlySet<Id>): SetupAssistantLog[] {
    return org.Setup_Assistant_Log__c.filter((log) => logIds.has(log.Id));
}

/** The server's own snapshot, from the log; undefined when the log holds none. */
function snapshotOf(log: SetupAssistantLog | undefined): Snapshot | undefined {
    if (!log?.Snapshot__c) {
        return undefined;
    }
    try {
        const parsed = JSON.parse(log.Snapshot__c) as Partial<Snapshot>;
        return {
            beforeProfileId: parsed.beforeProfileId as Id,
            targetProfileId: parsed.targetProfileId as Id,
            permissionSetIds: parsed.permissionSetIds ?? [],
            permissionSetGroupIds: parsed.permissionSetGroupIds ?? [],
            permissionSetLicenseIds: parsed.permissionSetLicenseIds ?? [],
            expirationDates: parsed.expirationDates ?? {},
            roleId: parsed.roleId ?? null,
            completeContractsSetup: parsed.completeContractsSetup === true,
            contractsPermissionSetIds: parsed.contractsPermissionSetIds ?? [],
            contractsPermissionSetLicenseIds: parsed.contractsPermissionSetLicenseIds ?? [],
        };
    } catch {
        return undefined;
    }
}

function jsonObject(text: string | null): Record<string, unknown> {
    try {
        const parsed: unknown = text ? JSON.parse(text) : {};
        return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
            ? (parsed as Record<string, unknown>)
            : {};
    } catch {
        return {};
    }
}

/** As `LicenseChangeService.requireOpenLogs`: every log passes `checkLicenseChangeLog`, or the call is refused. */
function requireOpenLogs(
    session: Session,
    logIds: readonly Id[],
    targetProfileId: Id | null | undefined,
): SetupAssistantLog[] {
    const logs = selectLogs(session.org, new Set(logIds.filter((id) => !!id)));
    for (const logId of logIds) {
        const log = logs.find((row) => row.Id === logId);
        throwIfRefused(checkLicenseChangeLog(session, logId, log, snapshotOf(log)?.targetProfileId, targetProfileId));
    }
    return logs;
}

function requireBatchSize(size: number): void {
    if (size > MAX_USERS) {
        throw batchSizeError();
    }
}

/** As `LicenseChangeService.requireContractsSetup`: Customer Community Plus only, policy-checked. */
function requireContractsSetup(session: Session, target: Profile): { permissionSetIds: Id[]; licenseIds: Id[] } {
    if (!isEnableLicense(licenseById(session.org, target.UserLicenseId))) {
        throw new ApexException(CONTRACTS_TARGET_INVALID, UPGRADE_EXCEPTION);
    }
    const permissionSets = contractsPermissionSets(session.org);
    const permissionSetIds = permissionSets.map((ps) => ps.Id);
    // Each permission set license once, as the Apex: both sets may need the same one.
    const licenseIds = [...new Set(permissionSets.map((ps) => pslOf(session.org, ps)).filter((id): id is Id => !!id))];
    throwIfRefused(checkAssignablePermissionSets(session, permissionSetIds));
    throwIfRefused(checkAssignableLicenses(session, licenseIds));
    return { permissionSetIds, licenseIds };
}

export const snapshotLicenseChanges: typeof import('@salesforce/apex/LicenseUpgradeController.snapshotLicenseChanges').default =
    apexMethod<{ request: ChangeRequest }, ChangeResult[]>(({ request }) => takeSnapshots(request, false));

/**
 * As `LicenseChangeService.snapshotForJob`: the snapshot of a job's chunk, which applies right
 * after it, so the partner account is checked here already (`requirePartnerAccount`). Not an
 * `@AuraEnabled` method: only the sample engine (`jobEngine.ts`) calls it.
 */
export const snapshotForJob = apexMethod<{ request: ChangeRequest }, ChangeResult[]>(({ request }) =>
    takeSnapshots(request, true),
);

/**
 * As `LicenseChangeService.reusedLogRefusal`: why APPLY would refuse a reused log now, or nothing:
 * a permission set or group to restore the policy refuses (one deleted since is not), the role, a
 * Contracts permission set or license.
 */
function reusedLogRefusal(
    held: Snapshot,
    restoreRefusals: Map<Id, Refusal>,
    roleRefusal: Refusal | undefined,
    contractsRefusals: Map<Id, Refusal>,
): Refusal | undefined {
    for (const restoreId of [...held.permissionSetIds, ...held.permissionSetGroupIds]) {
        const refusal = restoreRefusals.get(restoreId);
        if (refusal && refusal.code !== 'PERMISSION_SET_NOT_FOUND') {
            return refusal;
        }
    }
    if (roleRefusal) {
        return roleRefusal;
    }
    if (held.completeContractsSetup === true) {
        for (const id of [
            ...(held.contractsPermissionSetIds ?? []),
            ...(held.contractsPermissionSetLicenseIds ?? []),
        ]) {
            const refusal = contractsRefusals.get(id);
            if (refusal) {
                return refusal;
            }
        }
    }
    return undefined;
}

/** As `LicenseChangeService.takeSnapshots`. */
function takeSnapshots(request: ChangeRequest, requirePartnerAccount: boolean): ChangeResult[] {
    const session = currentSession();
    assertAdmin(session);
    requireCapability(session, 'LICENSE_UPGRADES');
    const { org } = session;
    if (!request || !request.users || request.users.length === 0) {
        return [];
    }
    requireBatchSize(request.users.length);
    const target = requireTargetProfile(session, request.targetProfileId);
    const userIds = request.users.map((item) => item.userId);
    throwIfRefused(checkDistinctUsers(userIds));
    throwIfRefused(checkExternalUsers(session, userIds));
    // `selectOpenLogs`, by CreatedDate: the last one read wins, as in the Apex map.
    const wanted = new Set(userIds);
    const openLogs = new Map<Id, SetupAssistantLog>();
    for (const log of org.Setup_Assistant_Log__c) {
        if (
            log.Target_User__c &&
            wanted.has(log.Target_User__c) &&
            log.Action__c === ACTION &&
            (log.Status__c === STATUS_SNAPSHOT || log.Status__c === STATUS_APPLIED)
        ) {
            openLogs.set(log.Target_User__c, log);
        }
    }
    // As `reusedSnapshots`: a job's chunk that gets this admin's open change of the same target
    // back checks what that log holds, as APPLY would for the whole call.
    const reused = new Map<Id, Snapshot>();
    if (requirePartnerAccount) {
        for (const [userId, log] of openLogs) {
            const held = snapshotOf(log);
            if (held && log.CreatedById === session.user.Id && held.targetProfileId === target.Id) {
                reused.set(userId, held);
            }
        }
    }
    const heldRestoreIds = [...reused.values()].flatMap((held) => [
        ...held.permissionSetIds,
        ...held.permissionSetGroupIds,
    ]);
    const restoreRefusals = checkRestorable(session, [
        ...userIds.flatMap((userId) => restoreIds(permissionSetAssignmentsOf(org, userId))),
        ...heldRestoreIds,
    ]);
    const roleByUser = new Map(
        request.users.filter((item) => item?.roleId).map((item) => [item.userId, item.roleId as Id]),
    );
    for (const [userId, held] of reused) {
        // A reused log's APPLY gives the role its snapshot holds, to a user not yet changed.
        roleByUser.delete(userId);
        if (held.roleId && userById(org, userId)?.ProfileId !== target.Id) {
            roleByUser.set(userId, held.roleId);
        }
    }
    const roleRefusals = checkPortalRoles(session, roleByUser, licenseById(org, target.UserLicenseId));
    const contractsHeld = [...reused.values()].filter((held) => held.completeContractsSetup === true);
    const reusedContractsRefusals = new Map<Id, Refusal>([
        ...checkAssignablePermissionSets(
            session,
            contractsHeld.flatMap((held) => held.contractsPermissionSetIds ?? []),
        ),
        ...checkAssignableLicenses(
            session,
            contractsHeld.flatMap((held) => held.contractsPermissionSetLicenseIds ?? []),
        ),
    ]);
    const contracts = request.completeContractsSetup === true ? requireContractsSetup(session, target) : null;
    // As `takeSnapshots`: the validator's blockers, re-checked on the users as they are now; the
    // partner account only from `apply` on (it is enabled after this snapshot), or for a job.
    const userRefusals = checkLicenseChangeUsers(
        session,
        userIds,
        licenseById(org, target.UserLicenseId),
        requirePartnerAccount,
    );

    const results: ChangeResult[] = [];
    for (const item of request.users) {
        const result = newResult(item.userId);
        results.push(result);
        const open = openLogs.get(item.userId);
        if (open) {
            const openTargetId = snapshotOf(open)?.targetProfileId;
            if (open.CreatedById === session.user.Id && openTargetId === target.Id) {
                result.logId = open.Id;
                result.status = open.Status__c;
                const held = reused.get(item.userId);
                const heldRefusal = held
                    ? reusedLogRefusal(held, restoreRefusals, roleRefusals.get(item.userId), reusedContractsRefusals)
                    : undefined;
                if (heldRefusal) {
                    // The log is left open, as it is, for the admin to continue or cancel.
                    refuse(result, heldRefusal);
                }
            } else {
                refuse(
                    result,
                    unfinishedChange(item.userId, profileById(org, openTargetId)?.Name ?? String(openTargetId)),
                );
                result.logId = open.Id;
            }
            continue;
        }
        const user = userById(org, item.userId);
        const permissionSets = user ? permissionSetAssignmentsOf(org, user.Id) : [];
        const licenses = user ? licenseAssignmentsOf(org, user.Id) : [];
        // An inactive user or one over the person-account limit is refused as such; the partner
        // account only where the path and the facts allow a change at all.
        let refusal: Refusal | undefined = userRefusals.get(item.userId);
        if (!refusal || refusal.code === 'PARTNER_ACCOUNT_NOT_ENABLED') {
            refusal = refusalFor(org, item, user, target, permissionSets, licenses) ?? refusal;
        }
        for (const restoreId of restoreIds(permissionSets)) {
            refusal = refusal ?? restoreRefusals.get(restoreId);
        }
        refusal = refusal ?? roleRefusals.get(item.userId);
        if (refusal) {
            refuse(result, refusal);
            continue;
        }
        const log = newSnapshotLog(org, session.user.Id, user as User, target, permissionSets, licenses);
        const snapshot = snapshotOf(log) as Snapshot;
        snapshot.roleId = item.roleId ?? null;
        if (contracts) {
            snapshot.completeContractsSetup = true;
            snapshot.contractsPermissionSetIds = contracts.permissionSetIds;
            snapshot.contractsPermissionSetLicenseIds = contracts.licenseIds;
        }
        log.Snapshot__c = JSON.stringify(snapshot);
        result.logId = log.Id;
        result.status = STATUS_SNAPSHOT;
    }
    return results;
}

/* The platform's side of `Database.update(users)` and `Database.insert(assignments)`. ------- */

/** `License Limit Exceeded`: the platform's message when a license has no seat left. */
const LICENSE_LIMIT_EXCEEDED = errorText(LICENSE_SEATS_EXHAUSTED);
/** What the platform answers when a portal user's account owner has no role. */
const OWNER_WITHOUT_ROLE = 'UNKNOWN_EXCEPTION: portal account owner must have a role';

/**
 * `update new User(Id = user.Id, ProfileId = target.Id)` as the platform runs it.
 * @returns the error (`STATUS_CODE: message`), or null when the user was changed
 */
function updateUserProfile(org: SampleOrg, user: User, target: Profile, chosenRoleId?: Id | null): string | null {
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
        // A chosen role (UserRoleId on the update, checked by the policy) replaces the default.
        role = roleById(org, chosenRoleId) ?? portalRoleFor(org, account, owner, partner);
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
    apexMethod<{ logIds: string[]; targetProfileId: string }, ChangeResult[]>(({ logIds, targetProfileId }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'LICENSE_UPGRADES');
        const { org } = session;
        if (!logIds || logIds.length === 0) {
            return [];
        }
        requireBatchSize(logIds.length);
        const target = requireTargetProfile(session, targetProfileId);
        if (portalTypeFor(licenseById(org, target.UserLicenseId))) {
            // As the Apex: a role-based target is held to the role-based batch size.
            throwIfRefused(checkRoleBasedBatch(logIds.length, sampleSettings().roleBasedInsertChunkSize));
        }
        const logs = requireOpenLogs(session, logIds, targetProfileId);
        const snapshots = new Map(logs.map((log) => [log.Id, snapshotOf(log) as Snapshot]));
        throwIfRefused(
            checkExternalUsers(
                session,
                logs.map((log) => log.Target_User__c),
            ),
        );
        // Roles again for users not yet changed; the Contracts permission sets and licenses again.
        const roleByUser = new Map<Id, Id>();
        for (const log of logs) {
            const snapshot = snapshots.get(log.Id) as Snapshot;
            const user = userById(org, log.Target_User__c);
            if (snapshot.roleId && user && user.ProfileId !== target.Id) {
                roleByUser.set(user.Id, snapshot.roleId);
            }
        }
        throwIfRefused(checkPortalRoles(session, roleByUser, licenseById(org, target.UserLicenseId)));
        // As the Apex: users not yet changed are checked again (the state may have changed since the
        // snapshot); a refused one is skipped with the policy's reason, never written.
        const userRefusals = checkLicenseChangeUsers(
            session,
            logs
                .map((log) => userById(org, log.Target_User__c))
                .filter((user): user is User => !!user && user.ProfileId !== target.Id)
                .map((user) => user.Id),
            licenseById(org, target.UserLicenseId),
            true,
        );
        const contractsSnapshots = [...snapshots.values()].filter((s) => s.completeContractsSetup);
        throwIfRefused(
            checkAssignablePermissionSets(
                session,
                contractsSnapshots.flatMap((s) => s.contractsPermissionSetIds ?? []),
            ),
        );
        throwIfRefused(
            checkAssignableLicenses(
                session,
                contractsSnapshots.flatMap((s) => s.contractsPermissionSetLicenseIds ?? []),
            ),
        );
        const gone = new Set<Id>();
        const restoring = [...snapshots.values()].flatMap((s) => [...s.permissionSetIds, ...s.permissionSetGroupIds]);
        for (const refusal of checkRestorable(session, restoring).values()) {
            if (refusal.code !== 'PERMISSION_SET_NOT_FOUND') {
                throwIfRefused(refusal);
            }
            gone.add(refusal.subjectId);
        }

        const results: ChangeResult[] = [];
        const resultsByUser = new Map<Id, ChangeResult>();
        const toUpdate: User[] = [];
        for (const log of logs) {
            const userId = log.Target_User__c as Id;
            const result = newResult(userId);
            result.logId = log.Id;
            results.push(result);
            resultsByUser.set(userId, result);
            const snapshot = snapshots.get(log.Id) as Snapshot;
            const user = userById(org, userId);
            const refusal = applyRefusal(org, userId, user, snapshot, target, userRefusals);
            if (refusal) {
                // As the Apex: skipped with the reason, never written; reconcile closes the log Refused.
                refuse(result, refusal);
            } else if (user?.ProfileId === target.Id) {
                result.profileChanged = true;
            } else if (user) {
                toUpdate.push(user);
            }
        }
        // Database.update(users, false): partial success, in order (seats run out on the way).
        for (const user of toUpdate) {
            const result = resultsByUser.get(user.Id) as ChangeResult;
            const error = updateUserProfile(org, user, target, roleByUser.get(user.Id));
            if (error === null) {
                result.profileChanged = true;
            } else {
                result.errors.push(error);
            }
        }

        // Permission set licenses first: a permission set that needs one cannot be assigned before it.
        const licensesToRestore: Array<{ user: User; licenseId: Id }> = [];
        const permissionSetsToRestore: Array<{ user: User; permissionSetId?: Id; groupId?: Id; expires?: string }> = [];
        const contentUsers: User[] = [];
        for (const log of logs) {
            const userId = log.Target_User__c as Id;
            if (!resultsByUser.get(userId)?.profileChanged) {
                continue;
            }
            const user = userById(org, userId) as User;
            const snapshot = snapshots.get(log.Id) as Snapshot;
            const heldLicenses = new Set(licenseAssignmentsOf(org, userId).map((a) => a.PermissionSetLicenseId));
            const heldAssignments = permissionSetAssignmentsOf(org, userId);
            const heldPermissionSets = new Set(heldAssignments.map((a) => a.PermissionSetId));
            const heldGroups = new Set(heldAssignments.map((a) => a.PermissionSetGroupId).filter((id) => !!id));
            for (const licenseId of snapshot.permissionSetLicenseIds) {
                if (!heldLicenses.has(licenseId)) {
                    licensesToRestore.push({ user, licenseId });
                }
            }
            for (const permissionSetId of snapshot.permissionSetIds) {
                const permissionSet = gone.has(permissionSetId)
                    ? undefined
                    : org.PermissionSet.find((ps) => ps.Id === permissionSetId);
                if (permissionSetAllowed(org, permissionSet, target.Id) && !heldPermissionSets.has(permissionSetId)) {
                    permissionSetsToRestore.push({
                        user,
                        permissionSetId,
                        expires: snapshot.expirationDates[permissionSetId],
                    });
                }
            }
            // A group is restored as the group, never through its aggregate permission set.
            for (const groupId of snapshot.permissionSetGroupIds) {
                if (!gone.has(groupId) && !heldGroups.has(groupId)) {
                    permissionSetsToRestore.push({ user, groupId, expires: snapshot.expirationDates[groupId] });
                }
            }
            if (snapshot.completeContractsSetup) {
                for (const licenseId of snapshot.contractsPermissionSetLicenseIds ?? []) {
                    if (!heldLicenses.has(licenseId) && !snapshot.permissionSetLicenseIds.includes(licenseId)) {
                        licensesToRestore.push({ user, licenseId });
                    }
                }
                for (const permissionSetId of snapshot.contractsPermissionSetIds ?? []) {
                    if (
                        !heldPermissionSets.has(permissionSetId) &&
                        !snapshot.permissionSetIds.includes(permissionSetId)
                    ) {
                        permissionSetsToRestore.push({ user, permissionSetId });
                    }
                }
                if (!user.UserPermissionsSFContentUser) {
                    contentUsers.push(user);
                }
            }
        }
        for (const { user, licenseId } of licensesToRestore) {
            const error = insertLicenseAssignment(org, user.Id, licenseId);
            if (error !== null) {
                resultsByUser.get(user.Id)?.errors.push(errorText(error));
            }
        }
        for (const { user, permissionSetId, groupId, expires } of permissionSetsToRestore) {
            const aggregate = groupId ? org.PermissionSet.find((ps) => ps.PermissionSetGroupId === groupId) : undefined;
            const assignedId = permissionSetId ?? aggregate?.Id ?? String(groupId);
            const error = insertPermissionSetAssignment(org, user, assignedId);
            if (error !== null) {
                resultsByUser.get(user.Id)?.errors.push(errorText(error));
                continue;
            }
            const created = org.PermissionSetAssignment.find(
                (a) => a.AssigneeId === user.Id && a.PermissionSetId === assignedId,
            );
            if (created) {
                created.PermissionSetGroupId = groupId ?? null;
                created.ExpirationDate = expires ?? null;
            }
        }
        // "Salesforce CRM Content User" in a follow-up update, after the profile change.
        for (const user of contentUsers) {
            user.UserPermissionsSFContentUser = true;
            touchUser(user);
        }
        for (const result of results) {
            if (result.status !== STATUS_REFUSED) {
                result.status = result.profileChanged ? STATUS_APPLIED : STATUS_SNAPSHOT;
            }
        }
        // As `LicenseChangeService.recordAttempts`: apply records its own attempt and errors
        // (the Queueable of SetupAssistantLogWriter, here at once).
        for (const log of logs) {
            const result = resultsByUser.get(log.Target_User__c as Id) as ChangeResult;
            insertLog(org, session.user.Id, {
                Action__c: ATTEMPT_ACTION,
                Status__c:
                    result.status === STATUS_REFUSED
                        ? STATUS_REFUSED
                        : result.errors.length === 0
                          ? STATUS_COMPLETED
                          : 'Failed',
                Target_User__c: log.Target_User__c,
                Before__c: JSON.stringify({ licenseChangeLogId: log.Id }),
                After__c: JSON.stringify({ profileChanged: result.profileChanged }),
                Error__c: result.errors.length === 0 ? null : result.errors.join('\n'),
            });
        }
        return results;
    });

/** As `LicenseChangeService.ATTEMPT_ACTION`. */
const ATTEMPT_ACTION = 'LICENSE_CHANGE_APPLY';

/** As `LicenseChangeService.Attempts`: restore attempts (applies that found the profile changed) and the last errors, by log. */
function attemptsOf(org: SampleOrg, adminId: Id): Map<Id, { restores: number; lastErrors: string[] }> {
    const byLog = new Map<Id, { restores: number; lastErrors: string[] }>();
    for (const attempt of org.Setup_Assistant_Log__c) {
        if (attempt.Action__c !== ATTEMPT_ACTION || attempt.CreatedById !== adminId) {
            continue;
        }
        const logId = jsonObject(attempt.Before__c).licenseChangeLogId;
        if (typeof logId !== 'string') {
            continue;
        }
        const previous = byLog.get(logId) ?? { restores: 0, lastErrors: [] };
        byLog.set(logId, {
            restores: previous.restores + (jsonObject(attempt.After__c).profileChanged === true ? 1 : 0),
            lastErrors: attempt.Error__c ? attempt.Error__c.split('\n') : [],
        });
    }
    return byLog;
}

/** As `LicenseChangeService.contractsState`: what the Contracts setup left in place, for the log. */
function contractsState(
    org: SampleOrg,
    user: User | undefined,
    snapshot: Snapshot,
    held: ReadonlySet<Id>,
): { state: Record<string, unknown>; complete: boolean; errors: string[] } {
    const permissionSetIds = snapshot.contractsPermissionSetIds ?? [];
    const licenseIds = snapshot.contractsPermissionSetLicenseIds ?? [];
    const missing = [...licenseIds, ...permissionSetIds].filter((id) => !held.has(id));
    const contentUser = user?.UserPermissionsSFContentUser === true;
    const target = profileById(org, snapshot.targetProfileId);
    const apiEnabled = target?.PermissionsApiEnabled === true;
    const errors: string[] = [];
    if (permissionSetIds.length < 2) {
        errors.push(CONTRACTS_NOT_FOUND);
    }
    if (missing.length > 0 || !contentUser) {
        errors.push(CONTRACTS_INCOMPLETE);
    }
    if (!apiEnabled) {
        errors.push(formatLabel(CONTRACTS_API_DISABLED, target?.Name ?? snapshot.targetProfileId));
    }
    const complete = missing.length === 0 && contentUser;
    return {
        state: {
            permissionSetIds,
            permissionSetLicenseIds: licenseIds,
            missing,
            contentUser,
            apiEnabled,
            complete,
        },
        complete,
        errors,
    };
}

export const reconcileLicenseChanges: typeof import('@salesforce/apex/LicenseUpgradeController.reconcileLicenseChanges').default =
    apexMethod<{ outcomes: ChangeResult[]; targetProfileId: string }, ChangeResult[]>(
        ({ outcomes, targetProfileId }) => {
            const session = currentSession();
            assertAdmin(session);
            requireCapability(session, 'LICENSE_UPGRADES');
            const { org } = session;
            // Only the log ids: the outcomes' error texts are ignored (security review finding 5).
            const logIds = new Set<Id>();
            for (const outcome of outcomes ?? []) {
                if (outcome?.logId) {
                    logIds.add(outcome.logId);
                }
            }
            if (logIds.size === 0) {
                return [];
            }
            requireBatchSize(logIds.size);
            const logs = requireOpenLogs(session, [...logIds], targetProfileId);
            const attemptsByLog = attemptsOf(org, session.user.Id);
            // As the Apex: a user still not changed whom the policy now refuses closes the log Refused.
            const targetProfile = profileById(org, targetProfileId);
            const userRefusals = targetProfile
                ? checkLicenseChangeUsers(
                      session,
                      logs
                          .map((log) => userById(org, log.Target_User__c))
                          .filter((user): user is User => !!user && user.ProfileId !== targetProfileId)
                          .map((user) => user.Id),
                      licenseById(org, targetProfile.UserLicenseId),
                      true,
                  )
                : new Map<Id, Refusal>();
            const results: ChangeResult[] = [];
            for (const log of logs) {
                const userId = log.Target_User__c as Id;
                const snapshot = snapshotOf(log) as Snapshot;
                const user = userById(org, userId);
                const result = newResult(userId);
                result.logId = log.Id;
                result.errors.push(...(attemptsByLog.get(log.Id)?.lastErrors ?? []));
                result.profileChanged = !!user && user.ProfileId === snapshot.targetProfileId;
                const heldAssignments = permissionSetAssignmentsOf(org, userId);
                const held = new Set<Id>([
                    ...licenseAssignmentsOf(org, userId).map((a) => a.PermissionSetLicenseId),
                    ...heldAssignments.map((a) => a.PermissionSetId),
                    ...heldAssignments.map((a) => a.PermissionSetGroupId ?? '').filter((id) => id !== ''),
                ]);
                let pending = false;
                const record = (id: Id, restorable: boolean): void => {
                    if (held.has(id)) {
                        result.restored.push(id);
                    } else {
                        result.removed.push(id);
                        pending = pending || restorable;
                    }
                };
                snapshot.permissionSetLicenseIds.forEach((id) => record(id, true));
                snapshot.permissionSetGroupIds.forEach((id) => record(id, true));
                for (const permissionSetId of snapshot.permissionSetIds) {
                    const permissionSet = org.PermissionSet.find((ps) => ps.Id === permissionSetId);
                    record(permissionSetId, permissionSetAllowed(org, permissionSet, snapshot.targetProfileId));
                }
                const contracts = snapshot.completeContractsSetup ? contractsState(org, user, snapshot, held) : null;
                if (contracts && !contracts.complete && result.profileChanged) {
                    pending = true;
                }
                const attempts = attemptsByLog.get(log.Id)?.restores ?? 0;
                const givenUp = pending && attempts >= MAX_RESTORE_ATTEMPTS;
                // As the Apex: the refusal `apply` skips the user with, asked the same way.
                const target = profileById(org, snapshot.targetProfileId);
                const refusal = target ? applyRefusal(org, userId, user, snapshot, target, userRefusals) : undefined;
                // As the Apex: no apply of this log found the profile changed, the assistant wrote
                // nothing to the user; after one did, the lists say what that change did.
                const wroteNothing = attempts === 0;
                if (refusal) {
                    // What `apply` skipped: closed; when nothing was written to the user, nothing
                    // restored or removed (what the user no longer holds, someone else took away).
                    result.status = STATUS_REFUSED;
                    result.code = refusal.code;
                    if (wroteNothing) {
                        result.restored = [];
                        result.removed = [];
                    }
                    const reason = `${refusal.code}: ${refusal.message}`;
                    if (!result.errors.includes(reason)) {
                        result.errors.push(reason);
                    }
                } else {
                    result.status = !result.profileChanged
                        ? STATUS_SNAPSHOT
                        : pending && !givenUp
                          ? STATUS_APPLIED
                          : STATUS_COMPLETED;
                }
                if (givenUp) {
                    result.errors.push(formatLabel(RESTORE_GIVEN_UP, String(MAX_RESTORE_ATTEMPTS)));
                }
                if (contracts && result.profileChanged) {
                    result.errors.push(...contracts.errors);
                }
                // SetupAssistantLogWriter.updateLogs
                log.Status__c = result.status;
                log.After__c = JSON.stringify({
                    profileId: user?.ProfileId ?? null,
                    profileName: profileById(org, user?.ProfileId)?.Name ?? null,
                    licenseName: licenseNameOfProfile(org, user?.ProfileId) ?? null,
                    roleId: user?.UserRoleId ?? null,
                    roleName: roleById(org, user?.UserRoleId)?.Name ?? null,
                    restoreAttempts: attempts,
                    contractsSetup: contracts?.state ?? null,
                });
                // A Refused log the assistant never wrote for restored and removed nothing: no
                // lists (and none left from an earlier reconcile).
                log.Restored__c = refusal && wroteNothing ? null : JSON.stringify(result.restored);
                log.Removed__c = refusal && wroteNothing ? null : JSON.stringify(result.removed);
                log.Error__c = result.errors.length === 0 ? null : result.errors.join('\n');
                results.push(result);
            }
            return results;
        },
    );

export const cancelLicenseChange: typeof import('@salesforce/apex/LicenseUpgradeController.cancelLicenseChange').default =
    apexMethod<{ logId: string }, ChangeResult>(({ logId }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'LICENSE_UPGRADES');
        const log = session.org.Setup_Assistant_Log__c.find((row) => row.Id === logId);
        const storedTarget = snapshotOf(log)?.targetProfileId;
        // The target is the log's own: a cancel names no target, only the log.
        throwIfRefused(checkLicenseChangeLog(session, logId, log, storedTarget, storedTarget));
        const open = log as SetupAssistantLog;
        const after = jsonObject(open.After__c);
        open.After__c = JSON.stringify({
            ...after,
            cancelledById: session.user.Id,
            cancelledByName: session.user.Name,
            cancelledDate: platformNow(),
            previousStatus: open.Status__c,
        });
        open.Status__c = STATUS_CANCELLED;
        const result = newResult(open.Target_User__c as Id);
        result.logId = open.Id;
        result.status = STATUS_CANCELLED;
        return result;
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
        throwIfRefused(checkPartnerAccounts(session, accountIds));
        const userIds = [...usersOfOpenPartnerChanges(session, accountIds)];
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
            const userId = userIds.find((id) => userById(org, id)?.AccountId === account.Id) ?? null;
            insertLog(org, session.user.Id, {
                Action__c: 'ENABLE_PARTNER_ACCOUNT',
                Status__c: 'Completed',
                Target_User__c: userId,
                Before__c: JSON.stringify({ accountId: account.Id, accountName: account.Name }),
                After__c: JSON.stringify({ accountId: account.Id, accountName: account.Name, isPartner: true }),
            });
        }
        return errors;
    });
