/**
 * The platform behaviour several sample Apex classes imitate: SOQL LIKE, license families and the
 * portal role Salesforce gives a new role-based user. One copy, so the sample org behaves alike
 * whichever sample controller runs.
 */
import { licenseById, newRecordId, profileById } from './org';
import type { Account, Id, SampleOrg, User, UserRole } from './types';

/** SOQL LIKE, case-insensitive: `%` any run, `_` one character, a backslash escapes the next one. */
export function likeMatcher(pattern: string): (value: string | null | undefined) => boolean {
    let source = '';
    for (let i = 0; i < pattern.length; i++) {
        const char = pattern.charAt(i);
        if (char === '\\' && i + 1 < pattern.length) {
            source += pattern.charAt(++i).replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        } else if (char === '%') {
            source += '[\\s\\S]*';
        } else if (char === '_') {
            source += '[\\s\\S]';
        } else {
            source += char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        }
    }
    const regex = new RegExp(`^${source}$`, 'i');
    return (value) => value !== null && value !== undefined && regex.test(value);
}

/**
 * The portal role a user gets when a profile change makes them role-based: the lowest role of
 * the account for that portal type, or a new "Customer <Account Name> User" / "Partner <Account
 * Name> User" role under the account owner's role, as seed 003 names them.
 */
export function portalRoleFor(org: SampleOrg, account: Account, owner: User, partner: boolean): UserRole {
    const portalType = partner ? 'Partner' : 'CustomerPortal';
    const existing = org.UserRole.filter((r) => r.PortalAccountId === account.Id && r.PortalType === portalType).sort(
        (a, b) => (PORTAL_ROLE_RANK[a.PortalRole ?? 'User'] ?? 0) - (PORTAL_ROLE_RANK[b.PortalRole ?? 'User'] ?? 0),
    );
    if (existing.length > 0) {
        return existing[0];
    }
    // "Partner <Account Name> User or Customer <Account Name> User" (seed 003).
    const name = `${partner ? 'Partner' : 'Customer'} ${account.Name} User`;
    const role: UserRole = {
        Id: newRecordId(org, 'UserRole'),
        Name: name,
        DeveloperName: name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, ''),
        ParentRoleId: owner.UserRoleId,
        PortalType: portalType,
        PortalAccountId: account.Id,
        PortalRole: 'User',
    };
    org.UserRole.push(role);
    return role;
}

/** As `LicenseUpgradeService.isRoleBased`: Customer Community Plus and Partner Community, named or Login. */
export function isRoleBased(licenseName: string | null | undefined): boolean {
    const name = String(licenseName).toLowerCase();
    return name.startsWith('customer community plus') || name.startsWith('partner community');
}

export function isBlank(value: string | null | undefined): boolean {
    return value === null || value === undefined || value.trim() === '';
}

/** `Profile.UserLicense.Name`. */
export function licenseNameOfProfile(org: SampleOrg, profileId: Id | null | undefined): string | undefined {
    return licenseById(org, profileById(org, profileId)?.UserLicenseId)?.Name;
}

const PORTAL_ROLE_RANK: Record<string, number> = { User: 0, Manager: 1, Executive: 2 };

/** One error of a `Database.SaveResult`, as Apex reads it. */
export interface DatabaseError {
    statusCode: string;
    message: string;
    fields: string[];
}

export function error(statusCode: string, message: string, fields: string[] = []): DatabaseError {
    return { statusCode, message, fields };
}

/** Formatted as the Apex services do: `error.getStatusCode() + ': ' + error.getMessage()`. */
export function errorText(failure: DatabaseError): string {
    return `${failure.statusCode}: ${failure.message}`;
}

/** The platform's refusal when a license has no seat left. */
export const LICENSE_LIMIT_EXCEEDED = error('LICENSE_LIMIT_EXCEEDED', 'License Limit Exceeded');

/** `insert new PermissionSetLicenseAssign(...)`: refused without a seat. */
export function insertLicenseAssignment(org: SampleOrg, userId: Id, licenseId: Id): DatabaseError | null {
    const psl = org.PermissionSetLicense.find((l) => l.Id === licenseId);
    if (!psl) {
        return error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['PermissionSetLicenseId']);
    }
    const duplicate = org.PermissionSetLicenseAssign.find(
        (a) => a.AssigneeId === userId && a.PermissionSetLicenseId === licenseId,
    );
    if (duplicate) {
        return error(
            'DUPLICATE_VALUE',
            `duplicate value found: <unknown> duplicates value on record with id: ${duplicate.Id}`,
        );
    }
    if (psl.UsedLicenses >= psl.TotalLicenses) {
        return LICENSE_LIMIT_EXCEEDED;
    }
    org.PermissionSetLicenseAssign.push({
        Id: newRecordId(org, 'PermissionSetLicenseAssign'),
        AssigneeId: userId,
        PermissionSetLicenseId: licenseId,
    });
    psl.UsedLicenses++;
    return null;
}

/**
 * `insert new PermissionSetAssignment(...)`: the platform refuses a permission set tied to another
 * user license, or to a permission set license the user does not hold.
 * UNCONFIRMED: the platform's exact wording of both messages (as the license change's sample).
 */
export function insertPermissionSetAssignment(org: SampleOrg, user: User, permissionSetId: Id): DatabaseError | null {
    const permissionSet = org.PermissionSet.find((ps) => ps.Id === permissionSetId);
    if (!permissionSet) {
        return error('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', ['PermissionSetId']);
    }
    const duplicate = org.PermissionSetAssignment.find(
        (a) => a.AssigneeId === user.Id && a.PermissionSetId === permissionSetId,
    );
    if (duplicate) {
        return error(
            'DUPLICATE_VALUE',
            `duplicate value found: <unknown> duplicates value on record with id: ${duplicate.Id}`,
        );
    }
    const userLicenseId = profileById(org, user.ProfileId)?.UserLicenseId;
    const userLicense = licenseById(org, permissionSet.LicenseId);
    if (userLicense && permissionSet.LicenseId !== userLicenseId) {
        return error(
            'FIELD_INTEGRITY_EXCEPTION',
            `Can't assign permission set ${permissionSet.Label} to user ${user.Name}. ` +
                `The user license doesn't match the permission set's license: ${userLicense.Name}.`,
        );
    }
    const psl = org.PermissionSetLicense.find((l) => l.Id === permissionSet.LicenseId);
    if (
        psl &&
        !org.PermissionSetLicenseAssign.some((a) => a.AssigneeId === user.Id && a.PermissionSetLicenseId === psl.Id)
    ) {
        return error(
            'FIELD_INTEGRITY_EXCEPTION',
            `Can't assign permission set ${permissionSet.Label} to user ${user.Name}. ` +
                `The user needs the permission set license ${psl.MasterLabel}.`,
        );
    }
    org.PermissionSetAssignment.push({
        Id: newRecordId(org, 'PermissionSetAssignment'),
        AssigneeId: user.Id,
        PermissionSetId: permissionSetId,
    });
    return null;
}
