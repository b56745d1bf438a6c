/**
 * Sample org implementation of `ReadinessController` (force-app/main/readiness/classes), over the
 * sample org's records: the facts `ReadinessService.getFacts` reads, the confirmations (kept in
 * memory for the page's life, as `Readiness_Confirmation__c` records would persist in an org),
 * and the fixes of `ReadinessFixService` with their `Setup_Assistant_Log__c` records. Where the
 * platform refuses (a site that does not exist, a profile already a member), the refusal comes
 * back as a result with the Setup page, as the Apex returns it. Before any change, the sample
 * policy (`../policy`, as `SetupAssistantPolicy.checkSiteFix`) refuses a site that is not one of
 * this org and a member that is neither a community profile nor an allowed permission set: the
 * result's message starts with the policy code, and the refused attempt is logged.
 */
import CONFIRM_INVALID_ROW from '@salesforce/label/c.CCSA_Readiness_Confirm_Invalid_Row';
import DONE_ACTIVATE_SITE from '@salesforce/label/c.CCSA_Readiness_Fix_Done_ACTIVATE_SITE';
import DONE_SHOW_ALL_SETTINGS from '@salesforce/label/c.CCSA_Readiness_Fix_Done_SHOW_ALL_SETTINGS';
import DONE_ADD_PROFILE_MEMBER from '@salesforce/label/c.CCSA_Readiness_Fix_Done_ADD_PROFILE_MEMBER';
import REFUSED_ADD_PROFILE_MEMBER from '@salesforce/label/c.CCSA_Readiness_Fix_Refused_ADD_PROFILE_MEMBER';
import SITE_NOT_FOUND from '@salesforce/label/c.CCSA_Readiness_Fix_Site_Not_Found';
import NO_DIGITAL_EXPERIENCES from '@salesforce/label/c.CCSA_Readiness_Fix_No_Digital_Experiences';
import SHARERS_INVALID from '@salesforce/label/c.CCSA_Readiness_Sharers_Invalid';
import SHARERS_DONE from '@salesforce/label/c.CCSA_Readiness_Sharers_Done';
import SHARERS_DONE_ONE from '@salesforce/label/c.CCSA_Readiness_Sharers_Done_One';
import SHARERS_REFUSED from '@salesforce/label/c.CCSA_Readiness_Sharers_Refused';
import { formatLabel } from 'c/labelFormat';
import { apexMethod, ApexException } from '../apexMethod';
import { assertAdmin, requireCapability } from '../guard';
import { licenseById, newRecordId, platformNow, profileById, roleById } from '../org';
import { insertLogRecord } from '../logWriter';
import { checkInternalSharerAssignment, checkSiteFix } from '../policy';
import { currentSession, type Session } from '../session';
import type { Id, Network, SampleOrg, SetupAssistantLog } from '../types';

type OrgFacts = Apex.ReadinessService.OrgFacts;
type ConfirmationFact = Apex.ReadinessService.ConfirmationFact;
type PermissionSetFact = Apex.ReadinessService.PermissionSetFact;
type FixResult = Apex.ReadinessFixService.FixResult;

/** As `ReadinessService.CCP_LICENSES`, lower case. */
const CCP_LICENSES = new Set([
    'customer community plus',
    'customer community plus login',
    'pid_customer_community_plus',
    'pid_customer_community_plus_login',
]);

/** As `ReadinessService.PERMISSION_SET_LABELS` and `PERMISSION_SET_NAMES`: exact matches, as SOQL `IN`. */
const PERMISSION_SET_LABELS = new Set([
    'DocGen Run-time Community User',
    'Contract Management CC Plus Digital Experience User',
    'CLM Runtime User',
    'CLM Digital Experience Partner',
]);
const PERMISSION_SET_NAMES = new Set([
    'DocGenRuntimeCommunityUser',
    'ContractManagementCCPlusDigitalExperienceUser',
    'CLMRuntimeUser',
    'CLMDigitalExperiencePartner',
    'Contracts_Community_Setup_Admin',
]);
const SHARERS = new Set([
    'clm runtime user',
    'clm digital experience partner',
    'clmruntimeuser',
    'clmdigitalexperiencepartner',
]);

/** As `ReadinessService.REQUIRED_OBJECTS`: what a Contracts portal user's profile must read. */
const REQUIRED_OBJECTS = ['Contract'];

/** As `ReadinessService.MEMBER_ADDED`: the only `AssignmentStatus` that is a membership. */
const MEMBER_ADDED = 'Added';

/** As `ReadinessService.MAX_INTERNAL_USERS` and `ReadinessFixService.MAX_SHARERS`. */
export const MAX_INTERNAL_USERS = 50;
export const MAX_SHARERS = 200;

/** As `ReadinessFixService.PERMISSION_SETS_URL`. */
export const PERMISSION_SETS_URL = '/lightning/setup/PermSets/home';

/** As `ReadinessService.CONFIRMABLE_ROWS`. */
const CONFIRMABLE_ROWS = new Set(['STANDARD_EXTERNAL_PROFILES']);

/**
 * The standard Customer Community Plus profiles Salesforce ships: the sample org's permission
 * sets carry no `IsCustom`, so a profile is custom (a clone) unless it has one of these names.
 */
const STANDARD_PROFILES = new Set(['Customer Community Plus User', 'Customer Community Plus Login User']);

/** As `ReadinessFixService.ALL_SITES_URL` and `SETTINGS_URL`. */
export const ALL_SITES_URL = '/lightning/setup/SetupNetworks/home';
export const SETTINGS_URL = '/lightning/setup/NetworkSettings/home';

/** `Readiness_Confirmation__c` of the sample org, for the page's life. */
interface Confirmation {
    rowId: string;
    confirmedById: Id;
    confirmedAt: string;
}
const confirmations = new Map<string, Confirmation>();

/** Forgets every confirmation, as a fresh org (for tests). */
export function resetConfirmations(): void {
    confirmations.clear();
}

function isCcpLicense(org: SampleOrg, licenseId: Id): boolean {
    const license = licenseById(org, licenseId);
    return (
        !!license &&
        (CCP_LICENSES.has(license.Name.toLowerCase()) || CCP_LICENSES.has(license.LicenseDefinitionKey.toLowerCase()))
    );
}

function toConfirmationFact(org: SampleOrg, confirmation: Confirmation): ConfirmationFact {
    return {
        rowId: confirmation.rowId,
        confirmedByName: org.User.find((u) => u.Id === confirmation.confirmedById)?.Name ?? null,
        confirmedAt: confirmation.confirmedAt,
    };
}

function insertLog(
    org: SampleOrg,
    createdById: Id,
    fields: Pick<SetupAssistantLog, 'Action__c' | 'Status__c' | 'Before__c' | 'After__c' | 'Error__c'>,
): void {
    insertLogRecord(org, {
        Id: newRecordId(org, 'Setup_Assistant_Log__c'),
        Name: `LOG-${String(org.Setup_Assistant_Log__c.length + 1).padStart(7, '0')}`,
        Target_User__c: null,
        Snapshot__c: null,
        Restored__c: null,
        Removed__c: null,
        ...fields,
        CreatedDate: platformNow(),
        CreatedById: createdById,
    });
}

export const getReadinessFacts: typeof import('@salesforce/apex/ReadinessController.getReadinessFacts').default =
    apexMethod<void, OrgFacts>(() => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'READINESS');
        const { org, user } = session;
        const enabled = org.CommunitiesSettings.enableNetworksEnabled;
        const permissionSets = org.PermissionSet.filter(
            (ps) => !ps.IsOwnedByProfile && (PERMISSION_SET_LABELS.has(ps.Label) || PERMISSION_SET_NAMES.has(ps.Name)),
        );
        const pslIds = new Set(permissionSets.map((ps) => ps.LicenseId).filter((id): id is Id => !!id));
        const activeUsers = new Set(org.User.filter((u) => u.IsActive).map((u) => u.Id));
        const sites = enabled ? readSites(org) : [];
        return {
            digitalExperiencesEnabled: enabled,
            // As DomainCreator.getExperienceCloudSitesHostname(): the domain set when Digital Experiences was enabled.
            experienceDomain: enabled ? org.CommunitiesSettings.networksDomain : null,
            profiles: org.Profile.filter((p) => isCcpLicense(org, p.UserLicenseId)).map((profile) => ({
                id: profile.Id,
                name: profile.Name,
                licenseName: licenseById(org, profile.UserLicenseId)?.Name ?? '',
                apiEnabled: profile.PermissionsApiEnabled,
                isCustom: !STANDARD_PROFILES.has(profile.Name),
                missingObjectAccess: missingObjectAccess(org, profile.Id),
            })),
            userLicenses: org.UserLicense.filter((l) => isCcpLicense(org, l.Id)).map((license) => ({
                name: license.Name,
                totalLicenses: license.TotalLicenses,
                usedLicenses: license.UsedLicenses,
            })),
            permissionSets: permissionSets.map((ps) => {
                const fact: PermissionSetFact = {
                    id: ps.Id,
                    name: ps.Name,
                    label: ps.Label,
                    namespacePrefix: ps.NamespacePrefix,
                    permissionSetLicenseId: org.PermissionSetLicense.some((psl) => psl.Id === ps.LicenseId)
                        ? ps.LicenseId
                        : null,
                };
                if (SHARERS.has(ps.Label.toLowerCase()) || SHARERS.has(ps.Name.toLowerCase())) {
                    fact.activeAssigneeCount = org.PermissionSetAssignment.filter(
                        (a) => a.PermissionSetId === ps.Id && activeUsers.has(a.AssigneeId),
                    ).length;
                }
                return fact;
            }),
            permissionSetLicenses: org.PermissionSetLicense.filter((psl) => pslIds.has(psl.Id)).map((psl) => ({
                id: psl.Id,
                developerName: psl.DeveloperName,
                label: psl.MasterLabel,
                totalLicenses: psl.TotalLicenses,
                usedLicenses: psl.UsedLicenses,
            })),
            sites,
            runningUser: {
                id: user.Id,
                name: user.Name,
                roleId: user.UserRoleId,
                roleName: roleById(org, user.UserRoleId)?.Name ?? null,
            },
            confirmations: [...confirmations.values()]
                .filter((c) => CONFIRMABLE_ROWS.has(c.rowId))
                .map((c) => toConfirmationFact(org, c)),
        };
    });

/** As the `ObjectPerms` subquery of `ReadinessSelector.selectProfileOwnedPermissionSets`. */
function missingObjectAccess(org: SampleOrg, profileId: Id): string[] {
    const owned = org.PermissionSet.find((ps) => ps.IsOwnedByProfile && ps.ProfileId === profileId);
    const readable = new Set(
        org.ObjectPermissions.filter((op) => op.ParentId === owned?.Id && op.PermissionsRead).map(
            (op) => op.SobjectType,
        ),
    );
    return REQUIRED_OBJECTS.filter((objectName) => !readable.has(objectName));
}

/**
 * As `ReadinessService.readSites`: every membership with its `AssignmentStatus`, only "Added" ones
 * in `memberParentIds`. Salesforce adds a member's users in the background; the sample org finishes
 * that work after the read that saw it pending, so the next read shows it Added.
 */
function readSites(org: SampleOrg): OrgFacts['sites'] {
    const sites = [...org.Network]
        .sort((a, b) => a.Name.localeCompare(b.Name))
        .map((site) => {
            const members = org.NetworkMemberGroup.filter((m) => m.NetworkId === site.Id).map((m) => ({
                parentId: m.ParentId,
                assignmentStatus: m.AssignmentStatus ?? MEMBER_ADDED,
            }));
            return {
                id: site.Id,
                name: site.Name,
                status: site.Status,
                showAllSettings: site.OptionsShowAllNetworkSettings,
                sendWelcomeEmail: site.OptionsSendWelcomeEmail ?? false,
                memberParentIds: members.filter((m) => m.assignmentStatus === MEMBER_ADDED).map((m) => m.parentId),
                members,
            };
        });
    finishPendingMembers(org);
    return sites;
}

/** The background add of site members completes (never a failed one). */
export function finishPendingMembers(org: SampleOrg): void {
    for (const member of org.NetworkMemberGroup) {
        if (member.AssignmentStatus === 'Add Calculated') {
            member.AssignmentStatus = MEMBER_ADDED;
        }
    }
}

function assertConfirmable(rowId: string): void {
    if (!rowId || !CONFIRMABLE_ROWS.has(rowId)) {
        throw new ApexException(formatLabel(CONFIRM_INVALID_ROW, rowId), 'System.AuraHandledException');
    }
}

export const confirmReadinessStep: typeof import('@salesforce/apex/ReadinessController.confirmReadinessStep').default =
    apexMethod<{ rowId: string }, ConfirmationFact>(({ rowId }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'READINESS');
        assertConfirmable(rowId);
        const confirmation: Confirmation = { rowId, confirmedById: session.user.Id, confirmedAt: platformNow() };
        confirmations.set(rowId, confirmation);
        insertLog(session.org, session.user.Id, {
            Action__c: 'CONFIRM_READINESS_STEP',
            Status__c: 'Completed',
            Before__c: null,
            After__c: rowId,
            Error__c: null,
        });
        return toConfirmationFact(session.org, confirmation);
    });

export const clearReadinessConfirmation: typeof import('@salesforce/apex/ReadinessController.clearReadinessConfirmation').default =
    apexMethod<{ rowId: string }, void>(({ rowId }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'READINESS');
        assertConfirmable(rowId);
        if (confirmations.delete(rowId)) {
            insertLog(session.org, session.user.Id, {
                Action__c: 'CLEAR_READINESS_CONFIRMATION',
                Status__c: 'Completed',
                Before__c: rowId,
                After__c: null,
                Error__c: null,
            });
        }
    });

/**
 * As `ReadinessFixService.refuseByPolicy` then `refuseMissingSite`: what the policy refuses, or
 * without Digital Experiences or the site, no change; the refused attempt is logged.
 */
function findSite(
    session: Session,
    action: string,
    networkId: Id,
    memberParentId: Id | null = null,
): Network | FixResult {
    const { org } = session;
    const createdById = session.user.Id;
    const enabled = org.CommunitiesSettings.enableNetworksEnabled;
    const refusal = enabled ? checkSiteFix(session, networkId, memberParentId) : undefined;
    if (refusal) {
        const message = `${refusal.code}: ${refusal.message}`;
        insertLog(org, createdById, {
            Action__c: action,
            // As `ReadinessFixLog.STATUS_REFUSED`: a policy refusal reads Refused, not Failed.
            Status__c: 'Refused',
            Before__c: JSON.stringify({
                networkId,
                code: refusal.code,
                ...(memberParentId ? { profileId: memberParentId } : {}),
            }),
            After__c: null,
            Error__c: message,
        });
        return { ok: false, message, setupUrl: ALL_SITES_URL };
    }
    const site = enabled ? org.Network.find((n) => n.Id === networkId) : undefined;
    if (site) {
        return site;
    }
    const message = enabled ? formatLabel(SITE_NOT_FOUND, networkId) : NO_DIGITAL_EXPERIENCES;
    insertLog(org, createdById, {
        Action__c: action,
        // Refused before any write, as `refuseMissingSite` logs it (Failed is for the platform).
        Status__c: 'Refused',
        Before__c: JSON.stringify({ networkId }),
        After__c: null,
        Error__c: message,
    });
    return { ok: false, message, setupUrl: enabled ? ALL_SITES_URL : SETTINGS_URL };
}

function siteBefore(site: Network): string {
    return JSON.stringify({
        networkId: site.Id,
        siteName: site.Name,
        Status: site.Status,
        OptionsShowAllNetworkSettings: site.OptionsShowAllNetworkSettings,
    });
}

function completed(org: SampleOrg, createdById: Id, action: string, before: string, message: string): FixResult {
    insertLog(org, createdById, {
        Action__c: action,
        Status__c: 'Completed',
        Before__c: before,
        After__c: JSON.stringify({ fix: action, ok: true }),
        Error__c: null,
    });
    return { ok: true, message, setupUrl: ALL_SITES_URL };
}

export const activateSite: typeof import('@salesforce/apex/ReadinessController.activateSite').default = apexMethod<
    { networkId: string },
    FixResult
>(({ networkId }) => {
    const { org, user } = currentSession();
    assertAdmin({ org, user });
    requireCapability({ org, user }, 'READINESS_FIXES');
    const site = findSite({ org, user }, 'ACTIVATE_SITE', networkId);
    if (!('Id' in site)) {
        return site;
    }
    const before = siteBefore(site);
    site.Status = 'Live';
    return completed(org, user.Id, 'ACTIVATE_SITE', before, formatLabel(DONE_ACTIVATE_SITE, site.Name));
});

export const showAllSettings: typeof import('@salesforce/apex/ReadinessController.showAllSettings').default =
    apexMethod<{ networkId: string }, FixResult>(({ networkId }) => {
        const { org, user } = currentSession();
        assertAdmin({ org, user });
        requireCapability({ org, user }, 'READINESS_FIXES');
        const site = findSite({ org, user }, 'SHOW_ALL_SETTINGS', networkId);
        if (!('Id' in site)) {
            return site;
        }
        const before = siteBefore(site);
        site.OptionsShowAllNetworkSettings = true;
        return completed(org, user.Id, 'SHOW_ALL_SETTINGS', before, formatLabel(DONE_SHOW_ALL_SETTINGS, site.Name));
    });

export const addSiteMember: typeof import('@salesforce/apex/ReadinessController.addSiteMember').default = apexMethod<
    { networkId: string; profileId: string },
    FixResult
>(({ networkId, profileId }) => {
    const { org, user } = currentSession();
    assertAdmin({ org, user });
    requireCapability({ org, user }, 'READINESS_FIXES');
    const action = 'ADD_PROFILE_MEMBER';
    const site = findSite({ org, user }, action, networkId, profileId);
    if (!('Id' in site)) {
        return site;
    }
    const profile = profileById(org, profileId);
    const permissionSet = org.PermissionSet.find((ps) => ps.Id === profileId);
    const profileName = profile?.Name ?? permissionSet?.Label ?? profileId;
    const before = JSON.stringify({ networkId, siteName: site.Name, profileId, memberName: profileName });
    // The platform's refusals of a NetworkMemberGroup insert, as the sample org imitates them.
    const error =
        !profile && !permissionSet
            ? `invalid cross reference id: ${profileId}`
            : org.NetworkMemberGroup.some((m) => m.NetworkId === site.Id && m.ParentId === profileId)
              ? 'duplicate value found: ParentId duplicates value on record with id: ' + site.Id
              : null;
    if (error) {
        insertLog(org, user.Id, {
            Action__c: action,
            Status__c: 'Failed',
            Before__c: before,
            After__c: null,
            Error__c: error,
        });
        return {
            ok: false,
            message: formatLabel(REFUSED_ADD_PROFILE_MEMBER, site.Name, error, profileName),
            setupUrl: ALL_SITES_URL,
        };
    }
    // Asynchronous in Salesforce: the membership is "Add Calculated" until its users are added.
    org.NetworkMemberGroup.push({
        Id: newRecordId(org, 'NetworkMemberGroup'),
        NetworkId: site.Id,
        ParentId: profileId,
        AssignmentStatus: 'Add Calculated',
    });
    return completed(org, user.Id, action, before, formatLabel(DONE_ADD_PROFILE_MEMBER, site.Name, profileName));
});

type InternalUserRow = Apex.ReadinessService.InternalUserRow;

export const searchInternalUsers: typeof import('@salesforce/apex/ReadinessController.searchInternalUsers').default =
    apexMethod<{ searchTerm: string | null }, InternalUserRow[]>(({ searchTerm }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'READINESS');
        const { org } = session;
        const term = (searchTerm ?? '').trim().toLowerCase();
        return org.User.filter(
            (u) =>
                u.IsActive &&
                u.UserType === 'Standard' &&
                !u.ContactId &&
                (u.Name.toLowerCase().includes(term) || u.Username.toLowerCase().includes(term)),
        )
            .sort((a, b) => a.Name.localeCompare(b.Name))
            .slice(0, MAX_INTERNAL_USERS)
            .map((u) => ({
                id: u.Id,
                name: u.Name,
                username: u.Username,
                profileName: profileById(org, u.ProfileId)?.Name ?? null,
            }));
    });

/**
 * As `ReadinessFixService.assignSharerPermissionSet`: the policy first (any refusal refuses the
 * whole request, nothing written), then the permission set license, then the set, each user logged.
 */
export const assignSharerPermissionSet: typeof import('@salesforce/apex/ReadinessController.assignSharerPermissionSet').default =
    apexMethod<{ userIds: string[]; permissionSetId: string }, FixResult>(({ userIds, permissionSetId }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'USER_DOCTOR_FIXES');
        const { org, user } = session;
        const action = 'ASSIGN_SHARER_PERMISSION_SET';
        const users = [...new Set((userIds ?? []).filter((id): id is string => !!id))];
        if (users.length === 0 || users.length > MAX_SHARERS || !permissionSetId) {
            return { ok: false, message: formatLabel(SHARERS_INVALID, MAX_SHARERS), setupUrl: PERMISSION_SETS_URL };
        }
        const refusals = checkInternalSharerAssignment(session, users, [permissionSetId]);
        if (refusals.size > 0) {
            const [first] = refusals.values();
            const message = `${first.code}: ${first.message}`;
            insertLog(org, user.Id, {
                Action__c: action,
                Status__c: 'Refused',
                Before__c: JSON.stringify({ userIds: users, permissionSetId, code: first.code }),
                After__c: null,
                Error__c: message,
            });
            return { ok: false, message, setupUrl: PERMISSION_SETS_URL };
        }
        const permissionSet = org.PermissionSet.find((ps) => ps.Id === permissionSetId);
        if (!permissionSet) {
            return { ok: false, message: formatLabel(SHARERS_INVALID, MAX_SHARERS), setupUrl: PERMISSION_SETS_URL };
        }
        const license = org.PermissionSetLicense.find((psl) => psl.Id === permissionSet.LicenseId);
        const failed: string[] = [];
        for (const userId of users) {
            const target = org.User.find((u) => u.Id === userId);
            let error: string | null = null;
            if (
                license &&
                !org.PermissionSetLicenseAssign.some(
                    (a) => a.AssigneeId === userId && a.PermissionSetLicenseId === license.Id,
                )
            ) {
                if (license.UsedLicenses >= license.TotalLicenses) {
                    error = 'License Limit Exceeded';
                } else {
                    org.PermissionSetLicenseAssign.push({
                        Id: newRecordId(org, 'PermissionSetLicenseAssign'),
                        AssigneeId: userId,
                        PermissionSetLicenseId: license.Id,
                    });
                    license.UsedLicenses++;
                }
            }
            if (
                !error &&
                !org.PermissionSetAssignment.some(
                    (a) => a.AssigneeId === userId && a.PermissionSetId === permissionSet.Id,
                )
            ) {
                org.PermissionSetAssignment.push({
                    Id: newRecordId(org, 'PermissionSetAssignment'),
                    AssigneeId: userId,
                    PermissionSetId: permissionSet.Id,
                    PermissionSetGroupId: null,
                    ExpirationDate: null,
                });
            }
            const name = target?.Name ?? userId;
            insertLog(org, user.Id, {
                Action__c: action,
                Status__c: error ? 'Failed' : 'Completed',
                Before__c: JSON.stringify({
                    userId,
                    userName: name,
                    subjectId: permissionSet.Id,
                    subjectName: permissionSet.Label,
                }),
                After__c: error ? null : JSON.stringify({ fix: action, ok: true }),
                Error__c: error,
            });
            if (error) {
                failed.push(`${name}: ${error}`);
            }
        }
        return failed.length === 0
            ? {
                  ok: true,
                  message: formatLabel(
                      users.length === 1 ? SHARERS_DONE_ONE : SHARERS_DONE,
                      permissionSet.Label,
                      users.length,
                  ),
                  setupUrl: PERMISSION_SETS_URL,
              }
            : {
                  ok: false,
                  message: formatLabel(SHARERS_REFUSED, permissionSet.Label, failed.join('; ')),
                  setupUrl: PERMISSION_SETS_URL,
              };
    });
