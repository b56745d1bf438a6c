/**
 * The sample org the preview runs against, generated once per page load from the committed
 * seed, with the lookups the sample Apex needs (the equivalent of SOQL by Id).
 */
import { generateSampleOrg } from './data/generate';
import type { Id, PermissionSet, Profile, SampleOrg, User, UserLicense, UserRole } from './types';

export const sampleOrg: SampleOrg = generateSampleOrg();

function byId<T extends { Id: Id }>(rows: ReadonlyArray<T>, id: Id | null | undefined): T | undefined {
    return id ? rows.find((row) => row.Id === id) : undefined;
}

export function userById(org: SampleOrg, id: Id | null | undefined): User | undefined {
    return byId(org.User, id);
}

export function roleById(org: SampleOrg, id: Id | null | undefined): UserRole | undefined {
    return byId(org.UserRole, id);
}

export function profileById(org: SampleOrg, id: Id | null | undefined): Profile | undefined {
    return byId(org.Profile, id);
}

export function licenseById(org: SampleOrg, id: Id | null | undefined): UserLicense | undefined {
    return byId(org.UserLicense, id);
}

/** The permission sets assigned to a user (not the one its profile owns). */
export function assignedPermissionSets(org: SampleOrg, userId: Id): PermissionSet[] {
    const ids = new Set(
        org.PermissionSetAssignment.filter((a) => a.AssigneeId === userId).map((a) => a.PermissionSetId),
    );
    return org.PermissionSet.filter((ps) => ids.has(ps.Id));
}

/**
 * Whether a user holds a custom permission through a permission set, as
 * `FeatureManagement.checkPermission` answers inside the package (unprefixed API name).
 */
export function hasCustomPermission(org: SampleOrg, userId: Id, developerName: string): boolean {
    const permission = org.CustomPermission.find((cp) => cp.DeveloperName === developerName);
    if (!permission) {
        return false;
    }
    const holders = new Set(
        org.SetupEntityAccess.filter((sea) => sea.SetupEntityId === permission.Id).map((sea) => sea.ParentId),
    );
    return assignedPermissionSets(org, userId).some((ps) => holders.has(ps.Id));
}
