/**
 * Sample org implementation of `UserDoctorController` (force-app/main/readiness/classes), over the
 * sample org's records: the search of `UserDoctorService.search`, the facts of
 * `UserDoctorService.getFacts`, and the fixes of `UserDoctorFixService` with their
 * `Setup_Assistant_Log__c` records. Where the platform refuses (no seat left, a permission set the
 * user's license does not allow, a permission set license missing), the refusal comes back as a
 * result with the user's Setup page, as the Apex returns it. Before any change, the sample policy
 * (`../policy`, as `SetupAssistantPolicy` in `UserDoctorFixService`) refuses an internal user (a
 * deactivated admin included), a permission set that is not allowed (privileged, a group, a
 * profile's, outside the allow-list) and a permission set license no allowed permission set needs:
 * the result's message starts with the policy code, and the refused attempt is logged, with ids
 * and names, never emails. The site fixes are `ReadinessController`'s.
 */
import USER_NOT_FOUND from '@salesforce/label/c.CCSA_Doctor_User_Not_Found';
import FIX_REFUSED from '@salesforce/label/c.CCSA_Doctor_Fix_Refused';
import DONE_ACTIVATE_USER from '@salesforce/label/c.CCSA_Doctor_Fix_Done_ACTIVATE_USER';
import DONE_ENABLE_CONTENT_USER from '@salesforce/label/c.CCSA_Doctor_Fix_Done_ENABLE_CONTENT_USER';
import DONE_ASSIGN_PSL from '@salesforce/label/c.CCSA_Doctor_Fix_Done_ASSIGN_PSL';
import DONE_ASSIGN_PERMISSION_SET from '@salesforce/label/c.CCSA_Doctor_Fix_Done_ASSIGN_PERMISSION_SET';
import DONE_SEND_LOGIN_EMAIL from '@salesforce/label/c.CCSA_Doctor_Fix_Done_SEND_LOGIN_EMAIL';
import LOGIN_EMAIL_TOO_MANY from '@salesforce/label/c.CCSA_Doctor_Login_Email_Too_Many';
import SEND_LOGIN_EMAIL from '@salesforce/label/c.CCSA_Doctor_Send_Login_Email';
import { formatLabel } from 'c/labelFormat';
import { escapeLike } from 'c/enablementRun';
import { apexMethod, ApexException } from '../apexMethod';
import { assertAdmin, requireCapability, requireFor } from '../guard';
import {
    assignedPermissionSets,
    licenseById,
    newRecordId,
    platformNow,
    profileById,
    roleById,
    touchUser,
    userById,
} from '../org';
import { likeMatcher } from '../platform';
import { checkAssignableLicenses, checkAssignablePermissionSets, checkExternalUsers, type Refusal } from '../policy';
import { currentSession, type Session } from '../session';
import { insertLogRecord } from '../logWriter';
import type { Id, SampleOrg, User } from '../types';
import { insertLicenseAssignment, insertPermissionSetAssignment } from '../platform';

type DoctorFacts = Apex.UserDoctorService.DoctorFacts;
type DoctorUserRow = Apex.UserDoctorService.DoctorUserRow;
type ReachedSiteFact = Apex.UserDoctorService.ReachedSiteFact;
type FixResult = Apex.ReadinessFixService.FixResult;

/** As `UserDoctorService.MAX_SEARCH_ROWS`. */
export const MAX_SEARCH_ROWS = 200;

/** As `UserDoctorService.CONTRACTS_PERMISSION_SET_LABELS` and `CONTRACTS_PERMISSION_SET_NAMES`. */
const CONTRACTS_LABELS = new Set([
    'DocGen Run-time Community User',
    'Contract Management CC Plus Digital Experience User',
]);
const CONTRACTS_NAMES = new Set(['DocGenRuntimeCommunityUser', 'ContractManagementCCPlusDigitalExperienceUser']);

/** As `UserDoctorFixService.userSetupUrl` (and `userUrl` of `c/readinessRules`). */
export function userSetupUrl(userId: Id): string {
    return `/lightning/setup/ManageUsers/page?address=${encodeURIComponent(`/${userId}?noredirect=1&isUserEntityOverride=1`)}`;
}

export const searchDoctorUsers: typeof import('@salesforce/apex/UserDoctorController.searchDoctorUsers').default =
    apexMethod<{ searchTerm: string | null }, DoctorUserRow[]>(({ searchTerm }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'USER_DOCTOR');
        const { org } = session;
        // As `SoqlLike.contains` in `UserDoctorSelector`: the term's % and _ are literal (admin walk:
        // "%" listed every user here, while the Apex escapes it).
        const matches = likeMatcher(`%${escapeLike((searchTerm ?? '').trim())}%`);
        return org.User.filter(
            (u) => u.ContactId !== null && (matches(u.Name) || matches(u.Username) || matches(u.Email)),
        )
            .sort((a, b) => a.Name.localeCompare(b.Name))
            .slice(0, MAX_SEARCH_ROWS)
            .map((user) => {
                const profile = profileById(org, user.ProfileId);
                const contact = org.Contact.find((c) => c.Id === user.ContactId);
                return {
                    id: user.Id,
                    name: user.Name,
                    username: user.Username,
                    email: user.Email,
                    isActive: user.IsActive,
                    profileName: profile?.Name ?? null,
                    licenseName: licenseById(org, profile?.UserLicenseId)?.Name ?? null,
                    accountName: org.Account.find((a) => a.Id === contact?.AccountId)?.Name ?? null,
                };
            });
    });

/** As `UserDoctorService.readSites`: the sites the user reaches, and the one to propose. */
function readSites(org: SampleOrg, user: User, facts: DoctorFacts, contractsSetIds: Set<Id>): void {
    if (!org.CommunitiesSettings.enableNetworksEnabled) {
        return;
    }
    const assigned = new Map(assignedPermissionSets(org, user.Id).map((ps) => [ps.Id, ps.Label]));
    const sites = new Map(org.Network.map((site) => [site.Id, site]));
    const reached = new Map<Id, ReachedSiteFact>();
    const liveSites = org.Network.filter((site) => site.Status === 'Live').map((site) => site.Id);
    const liveContractsSites: Id[] = [];
    for (const member of org.NetworkMemberGroup) {
        const site = sites.get(member.NetworkId);
        if (!site) {
            continue;
        }
        // As the Apex: only an "Added" membership counts; the add is asynchronous.
        const assignmentStatus = member.AssignmentStatus ?? 'Added';
        const added = assignmentStatus === 'Added';
        if (added && contractsSetIds.has(member.ParentId) && site.Status === 'Live') {
            liveContractsSites.push(site.Id);
        }
        const viaProfile = member.ParentId === user.ProfileId;
        const known = reached.get(site.Id);
        const better = !known || (added && known.assignmentStatus !== 'Added');
        if ((viaProfile || assigned.has(member.ParentId)) && better) {
            reached.set(site.Id, {
                id: site.Id,
                name: site.Name,
                status: site.Status,
                via: viaProfile ? 'profile' : 'permission-set',
                viaName: viaProfile ? facts.user.profileName : (assigned.get(member.ParentId) ?? null),
                assignmentStatus,
            });
        }
    }
    facts.user.sites = [...reached.values()];
    const proposed =
        liveContractsSites.length === 1 ? liveContractsSites[0] : liveSites.length === 1 ? liveSites[0] : null;
    const site = proposed ? sites.get(proposed) : undefined;
    facts.org.portalSite = site ? { id: site.Id, name: site.Name } : null;
}

export const getDoctorFacts: typeof import('@salesforce/apex/UserDoctorController.getDoctorFacts').default = apexMethod<
    { userId: string },
    DoctorFacts
>(({ userId }) => {
    const session = currentSession();
    assertAdmin(session);
    requireCapability(session, 'USER_DOCTOR');
    const { org } = session;
    const user = userById(org, userId);
    if (!user) {
        throw new ApexException(formatLabel(USER_NOT_FOUND, userId), 'System.AuraHandledException');
    }
    const profile = profileById(org, user.ProfileId);
    const contact = org.Contact.find((c) => c.Id === user.ContactId);
    const account = org.Account.find((a) => a.Id === contact?.AccountId);
    const owner = userById(org, account?.OwnerId);
    const permissionSets = org.PermissionSet.filter(
        (ps) => !ps.IsOwnedByProfile && (CONTRACTS_LABELS.has(ps.Label) || CONTRACTS_NAMES.has(ps.Name)),
    );
    const isPsl = (id: Id | null) => !!id && org.PermissionSetLicense.some((psl) => psl.Id === id);
    const pslIds = new Set(permissionSets.map((ps) => ps.LicenseId).filter((id): id is Id => isPsl(id)));
    const facts: DoctorFacts = {
        user: {
            id: user.Id,
            name: user.Name,
            isActive: user.IsActive,
            licenseName: licenseById(org, profile?.UserLicenseId)?.Name ?? null,
            profileId: user.ProfileId,
            profileName: profile?.Name ?? '',
            profileApiEnabled: profile ? profile.PermissionsApiEnabled : null,
            contentUser: user.UserPermissionsSFContentUser,
            permissionSets: assignedPermissionSets(org, user.Id)
                .filter((ps) => !ps.IsOwnedByProfile)
                .map((ps) => ({ id: ps.Id, name: ps.Name, label: ps.Label })),
            permissionSetLicenseIds: org.PermissionSetLicenseAssign.filter((a) => a.AssigneeId === user.Id).map(
                (a) => a.PermissionSetLicenseId,
            ),
            sites: [],
            contactId: user.ContactId,
            accountId: contact?.AccountId ?? null,
            accountName: account?.Name ?? null,
            accountOwnerId: account?.OwnerId ?? null,
            accountOwnerName: owner?.Name ?? null,
            accountOwnerHasRole: account && owner ? owner.UserRoleId !== null : null,
            accountOwnerRoleName: roleById(org, owner?.UserRoleId)?.Name ?? null,
        },
        org: {
            permissionSets: permissionSets.map((ps) => ({
                id: ps.Id,
                name: ps.Name,
                label: ps.Label,
                namespacePrefix: ps.NamespacePrefix,
                permissionSetLicenseId: isPsl(ps.LicenseId) ? ps.LicenseId : null,
            })),
            permissionSetLicenses: org.PermissionSetLicense.filter((psl) => pslIds.has(psl.Id)).map((psl) => ({
                id: psl.Id,
                developerName: psl.DeveloperName,
                label: psl.MasterLabel,
                totalLicenses: psl.TotalLicenses,
                usedLicenses: psl.UsedLicenses,
            })),
            portalSite: null,
        },
    };
    readSites(org, user, facts, new Set(permissionSets.map((ps) => ps.Id)));
    return facts;
});

export const getUserOfContact: typeof import('@salesforce/apex/UserDoctorController.getUserOfContact').default =
    apexMethod<{ contactId: string }, string | null>(({ contactId }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'USER_DOCTOR');
        return session.org.User.find((u) => u.ContactId === contactId)?.Id ?? null;
    });

/** As `UserDoctorFixService.firstRefusal`: the target user first (external only), then what is given. */
function firstRefusal(session: Session, userId: Id, subjectRefusals?: Map<Id, Refusal>): Refusal | undefined {
    if (!userId) {
        return checkExternalUsers(session, ['null']).get('null');
    }
    return (
        [...checkExternalUsers(session, [userId]).values()][0] ??
        (subjectRefusals ? [...subjectRefusals.values()][0] : undefined)
    );
}

/** As `UserDoctorFixService.finish`: the log record (written by the Queueable in Apex) and the answer. */
function finish(
    org: SampleOrg,
    createdById: Id,
    action: string,
    userId: Id,
    subjectId: Id,
    error: string | null,
    done: string,
    subjectName: string | null = null,
    refusal?: Refusal,
): FixResult {
    const user = userById(org, userId);
    if (refusal) {
        error = `${refusal.code}: ${refusal.message}`;
    }
    insertLogRecord(org, {
        Id: newRecordId(org, 'Setup_Assistant_Log__c'),
        Name: `LOG-${String(org.Setup_Assistant_Log__c.length + 1).padStart(7, '0')}`,
        Action__c: action,
        // As `UserDoctorFixService.logStatus`: a policy refusal reads Refused, as the enable's and the license change's do.
        Status__c: error === null ? 'Completed' : refusal ? 'Refused' : 'Failed',
        // Only a user the server read: a forged id in the lookup would make the log fail in Apex.
        Target_User__c: user ? userId : null,
        Snapshot__c: null,
        Before__c: JSON.stringify({ userId, userName: user?.Name ?? null, subjectId, subjectName }),
        After__c: error === null ? JSON.stringify({ fix: action, ok: true }) : null,
        Restored__c: null,
        Removed__c: null,
        Error__c: error,
        CreatedDate: platformNow(),
        CreatedById: createdById,
    });
    if (error === null) {
        return { ok: true, message: done, setupUrl: userSetupUrl(userId) };
    }
    return { ok: false, message: refusal ? error : formatLabel(FIX_REFUSED, error), setupUrl: userSetupUrl(userId) };
}

/** `Database.update` of a user that does not exist. */
const NO_SUCH_USER = 'invalid cross reference id';

export const activateUser: typeof import('@salesforce/apex/UserDoctorController.activateUser').default = apexMethod<
    { userId: string },
    FixResult
>(({ userId }) => {
    const session = currentSession();
    assertAdmin(session);
    requireCapability(session, 'USER_DOCTOR_FIXES');
    const { org } = session;
    const user = userById(org, userId);
    const refusal = firstRefusal(session, userId);
    if (refusal) {
        return finish(org, session.user.Id, 'ACTIVATE_USER', userId, userId, null, '', user?.Name, refusal);
    }
    let error: string | null = null;
    if (!user) {
        error = NO_SUCH_USER;
    } else if (!user.IsActive) {
        // Reactivation takes a seat of the user's license and of each permission set license it holds.
        const license = licenseById(org, profileById(org, user.ProfileId)?.UserLicenseId);
        if (license && license.UsedLicenses >= license.TotalLicenses) {
            error = 'License Limit Exceeded';
        } else {
            user.IsActive = true;
            touchUser(user);
            if (license) {
                license.UsedLicenses++;
            }
            for (const assignment of org.PermissionSetLicenseAssign.filter((a) => a.AssigneeId === user.Id)) {
                const psl = org.PermissionSetLicense.find((l) => l.Id === assignment.PermissionSetLicenseId);
                if (psl) {
                    psl.UsedLicenses++;
                }
            }
        }
    }
    const name = user?.Name ?? userId;
    return finish(
        org,
        session.user.Id,
        'ACTIVATE_USER',
        userId,
        userId,
        error,
        formatLabel(DONE_ACTIVATE_USER, name),
        user?.Name,
    );
});

export const enableContentUser: typeof import('@salesforce/apex/UserDoctorController.enableContentUser').default =
    apexMethod<{ userId: string }, FixResult>(({ userId }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'USER_DOCTOR_FIXES');
        const { org } = session;
        const user = userById(org, userId);
        const refusal = firstRefusal(session, userId);
        if (refusal) {
            return finish(org, session.user.Id, 'ENABLE_CONTENT_USER', userId, userId, null, '', user?.Name, refusal);
        }
        if (user) {
            user.UserPermissionsSFContentUser = true;
            touchUser(user);
        }
        return finish(
            org,
            session.user.Id,
            'ENABLE_CONTENT_USER',
            userId,
            userId,
            user ? null : NO_SUCH_USER,
            formatLabel(DONE_ENABLE_CONTENT_USER, user?.Name ?? userId),
            user?.Name,
        );
    });

export const assignPermissionSetLicense: typeof import('@salesforce/apex/UserDoctorController.assignPermissionSetLicense').default =
    apexMethod<{ userId: string; pslId: string }, FixResult>(({ userId, pslId }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'USER_DOCTOR_FIXES');
        const { org } = session;
        const name = org.PermissionSetLicense.find((l) => l.Id === pslId)?.MasterLabel ?? null;
        const label = name ?? pslId;
        const refused = firstRefusal(session, userId, checkAssignableLicenses(session, [pslId]));
        if (refused) {
            return finish(org, session.user.Id, 'ASSIGN_PSL', userId, pslId, null, '', name, refused);
        }
        const refusal = userById(org, userId) ? insertLicenseAssignment(org, userId, pslId) : null;
        const error = userById(org, userId) ? (refusal?.message ?? null) : NO_SUCH_USER;
        return finish(
            org,
            session.user.Id,
            'ASSIGN_PSL',
            userId,
            pslId,
            error,
            formatLabel(DONE_ASSIGN_PSL, label),
            name,
        );
    });

export const assignPermissionSet: typeof import('@salesforce/apex/UserDoctorController.assignPermissionSet').default =
    apexMethod<{ userId: string; permissionSetId: string }, FixResult>(({ userId, permissionSetId }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'USER_DOCTOR_FIXES');
        const { org } = session;
        const user = userById(org, userId);
        const name = org.PermissionSet.find((ps) => ps.Id === permissionSetId)?.Label ?? null;
        const label = name ?? permissionSetId;
        const refused = firstRefusal(session, userId, checkAssignablePermissionSets(session, [permissionSetId]));
        if (refused) {
            return finish(
                org,
                session.user.Id,
                'ASSIGN_PERMISSION_SET',
                userId,
                permissionSetId,
                null,
                '',
                name,
                refused,
            );
        }
        const error = user
            ? (insertPermissionSetAssignment(org, user, permissionSetId)?.message ?? null)
            : NO_SUCH_USER;
        return finish(
            org,
            session.user.Id,
            'ASSIGN_PERMISSION_SET',
            userId,
            permissionSetId,
            error,
            formatLabel(DONE_ASSIGN_PERMISSION_SET, label),
            name,
        );
    });

/** As `UserDoctorFixService.MAX_LOGIN_EMAILS`. */
export const MAX_LOGIN_EMAILS = 200;

type LoginEmailResult = Apex.UserDoctorFixService.LoginEmailResult;

/**
 * As `UserDoctorFixService.sendLoginEmails`: external users only (checkExternalUsers, per user), a
 * new password and its email for each (`System.resetPassword(userId, true)`; the sample org only
 * records it in `sentLoginEmails`), every outcome logged without an email address.
 */
function sendLoginEmailsTo(session: Session, userIds: readonly string[]): LoginEmailResult[] {
    const ordered = [...new Set(userIds.filter((id): id is string => !!id))];
    if (ordered.length > MAX_LOGIN_EMAILS) {
        throw new ApexException(formatLabel(LOGIN_EMAIL_TOO_MANY, MAX_LOGIN_EMAILS), 'System.AuraHandledException');
    }
    const { org } = session;
    const refusals = ordered.length > 0 ? checkExternalUsers(session, ordered) : new Map<Id, Refusal>();
    return ordered.map((userId) => {
        const user = userById(org, userId);
        const refusal = refusals.get(userId);
        let error: string | null = null;
        if (!refusal && user && !user.IsActive) {
            // Salesforce does not reset an inactive user's password.
            error = 'INVALID_USER: the user is inactive';
        }
        if (!refusal && !error) {
            sentLoginEmails.push(userId);
        }
        const result = finish(
            org,
            session.user.Id,
            'SEND_LOGIN_EMAIL',
            userId,
            userId,
            error,
            formatLabel(DONE_SEND_LOGIN_EMAIL, user?.Name ?? userId),
            user?.Name ?? null,
            refusal,
        );
        return { userId, userName: user?.Name ?? null, result };
    });
}

/** The users the sample org "emailed" a new password, in order (for tests and the preview). */
export const sentLoginEmails: Id[] = [];

export const sendLoginEmail: typeof import('@salesforce/apex/UserDoctorController.sendLoginEmail').default = apexMethod<
    { userId: string },
    FixResult
>(({ userId }) => {
    const session = currentSession();
    assertAdmin(session);
    requireCapability(session, 'USER_DOCTOR_FIXES');
    requireFor(session, 'LOGIN_RESETS', SEND_LOGIN_EMAIL);
    return sendLoginEmailsTo(session, [userId])[0].result;
});

export const sendLoginEmails: typeof import('@salesforce/apex/UserDoctorController.sendLoginEmails').default =
    apexMethod<{ userIds: string[] }, LoginEmailResult[]>(({ userIds }) => {
        const session = currentSession();
        assertAdmin(session);
        requireCapability(session, 'USER_DOCTOR_FIXES');
        requireFor(session, 'LOGIN_RESETS', SEND_LOGIN_EMAIL);
        return sendLoginEmailsTo(session, userIds ?? []);
    });
