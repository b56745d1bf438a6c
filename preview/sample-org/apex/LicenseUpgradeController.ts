/**
 * Sample org implementation of `LicenseUpgradeController` (force-app/main/license-upgrade/
 * classes): the reads of `LicenseUpgradeService`, over the sample org's records. The writes
 * (snapshot, apply, reconcile, enable partner accounts) are not implemented yet.
 */
import BATCH_SIZE from '@salesforce/label/c.CCSA_Upgrade_Batch_Size';
import TARGET_INVALID from '@salesforce/label/c.CCSA_Upgrade_Target_Invalid';
import { formatLabel } from 'c/labelFormat';
import { apexMethod, ApexException } from '../apexMethod';
import { assertAdmin } from '../guard';
import { licenseById, profileById, roleById } from '../org';
import { currentSession } from '../session';
import type { Id, SampleOrg } from '../types';

type TargetOption = Apex.LicenseUpgradeService.TargetOption;
type UpgradeFacts = Apex.LicenseUpgradeService.UpgradeFacts;
type UserFact = Apex.LicenseUpgradeService.UserFact;

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
        const { org } = session;
        if (!userIds || userIds.length === 0 || userIds.length > MAX_USERS) {
            throw new ApexException(formatLabel(BATCH_SIZE, MAX_USERS), 'LicenseUpgradeService.UpgradeException');
        }
        const target = profileById(org, targetProfileId);
        if (!target || !isTargetLicense(org, target.UserLicenseId)) {
            throw new ApexException(TARGET_INVALID, 'LicenseUpgradeService.UpgradeException');
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
                        // `PermissionSet.License.Name`: a user license or a permission set license.
                        licenseName:
                            licenseById(org, ps?.LicenseId)?.Name ??
                            org.PermissionSetLicense.find((l) => l.Id === ps?.LicenseId)?.MasterLabel ??
                            null,
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
