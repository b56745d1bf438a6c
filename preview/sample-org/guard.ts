/**
 * The sample org's copy of `SetupAssistantAccess` and `SetupAssistantCapabilities`
 * (force-app/main/shared/classes): same custom permission, same permission set label, same
 * platform permissions per capability, same Custom Labels, same exception shape.
 */
import ACCESS_DENIED from '@salesforce/label/c.CCSA_Access_Denied';
import CAPABILITY_MISSING from '@salesforce/label/c.CCSA_Capability_Missing';
import CAPABILITY_READINESS from '@salesforce/label/c.CCSA_Capability_READINESS';
import CAPABILITY_READINESS_FIXES from '@salesforce/label/c.CCSA_Capability_READINESS_FIXES';
import CAPABILITY_ENABLE_USERS from '@salesforce/label/c.CCSA_Capability_ENABLE_USERS';
import CAPABILITY_LICENSE_UPGRADES from '@salesforce/label/c.CCSA_Capability_LICENSE_UPGRADES';
import CAPABILITY_USER_DOCTOR from '@salesforce/label/c.CCSA_Capability_USER_DOCTOR';
import CAPABILITY_USER_DOCTOR_FIXES from '@salesforce/label/c.CCSA_Capability_USER_DOCTOR_FIXES';
import CAPABILITY_HISTORY from '@salesforce/label/c.CCSA_Capability_HISTORY';
import PERMISSION_VIEW_SETUP from '@salesforce/label/c.CCSA_Permission_VIEW_SETUP';
import PERMISSION_VIEW_ROLES from '@salesforce/label/c.CCSA_Permission_VIEW_ROLES';
import PERMISSION_ASSIGNMENTS from '@salesforce/label/c.CCSA_Permission_ASSIGNMENTS';
import PERMISSION_SITES from '@salesforce/label/c.CCSA_Permission_SITES';
import PERMISSION_LOGIN_RESETS from '@salesforce/label/c.CCSA_Permission_LOGIN_RESETS';
import PERMISSION_READ_ACCOUNTS from '@salesforce/label/c.CCSA_Permission_READ_ACCOUNTS';
import { formatLabel } from 'c/labelFormat';
import { ApexException } from './apexMethod';
import { assignedPermissionSets, hasCustomPermission } from './org';
import type { Session } from './session';

export const CUSTOM_PERMISSION = 'Manage_Contracts_Community_Users';
export const ADMIN_PERMISSION_SET_LABEL = 'Contracts Community Setup Admin';

export function isAdmin(session: Session): boolean {
    return hasCustomPermission(session.org, session.user.Id, CUSTOM_PERMISSION);
}

/** Throws what `SetupAssistantAccess.assertAdmin()` throws: an AuraHandledException with the label text. */
export function assertAdmin(session: Session): void {
    if (!isAdmin(session)) {
        throw new ApexException(
            formatLabel(ACCESS_DENIED, ADMIN_PERMISSION_SET_LABEL, CUSTOM_PERMISSION),
            'System.AuraHandledException',
        );
    }
}

/** As the capability constants of `SetupAssistantCapabilities` (force-app/main/shared/classes). */
export type CapabilityName =
    | 'READINESS'
    | 'READINESS_FIXES'
    | 'ENABLE_USERS'
    | 'LICENSE_UPGRADES'
    | 'USER_DOCTOR'
    | 'USER_DOCTOR_FIXES'
    | 'HISTORY';

/** As the requirement constants of `SetupAssistantCapabilities`. */
export type Requirement = 'VIEW_SETUP' | 'VIEW_ROLES' | 'ASSIGNMENTS' | 'SITES' | 'LOGIN_RESETS' | 'READ_ACCOUNTS';

/**
 * READ_ACCOUNTS is an object permission (Read on Account and Contact), which Apex asks the describe
 * for, not a `PermissionSet` field: the sample org's records carry no object permissions, so every
 * user holds this stand-in unless `?without=READ_ACCOUNTS` takes it away.
 */
const READ_ACCOUNTS_HELD = 'ReadAccountsAndContacts';

/** As `SetupAssistantCapabilities.CAPABILITIES`: the order the shell shows them in. */
export const CAPABILITIES: readonly CapabilityName[] = [
    'READINESS',
    'READINESS_FIXES',
    'ENABLE_USERS',
    'LICENSE_UPGRADES',
    'USER_DOCTOR',
    'USER_DOCTOR_FIXES',
    'HISTORY',
];

/** As `SetupAssistantCapabilities.REQUIREMENT_FIELDS`: the PermissionSet fields, any one of which meets it. */
export const REQUIREMENT_FIELDS: Readonly<Record<Requirement, readonly string[]>> = {
    VIEW_SETUP: ['PermissionsViewSetup'],
    VIEW_ROLES: ['PermissionsViewRoles'],
    ASSIGNMENTS: ['PermissionsManageUsers', 'PermissionsAssignPermissionSets'],
    SITES: ['PermissionsManageNetworks', 'PermissionsModifyAllData'],
    LOGIN_RESETS: ['PermissionsResetPasswords', 'PermissionsManageUsers'],
    READ_ACCOUNTS: [READ_ACCOUNTS_HELD],
};

/** As `SetupAssistantCapabilities.CAPABILITY_REQUIREMENTS`. */
export const CAPABILITY_REQUIREMENTS: Readonly<Record<CapabilityName, readonly Requirement[]>> = {
    READINESS: ['VIEW_SETUP', 'VIEW_ROLES'],
    READINESS_FIXES: ['VIEW_SETUP', 'SITES'],
    ENABLE_USERS: ['VIEW_SETUP', 'VIEW_ROLES', 'ASSIGNMENTS', 'READ_ACCOUNTS'],
    LICENSE_UPGRADES: ['VIEW_SETUP', 'VIEW_ROLES', 'ASSIGNMENTS', 'READ_ACCOUNTS'],
    USER_DOCTOR: ['VIEW_SETUP', 'VIEW_ROLES', 'READ_ACCOUNTS'],
    USER_DOCTOR_FIXES: ['VIEW_SETUP', 'ASSIGNMENTS'],
    HISTORY: [],
};

const CAPABILITY_LABELS: Readonly<Record<CapabilityName, string>> = {
    READINESS: CAPABILITY_READINESS,
    READINESS_FIXES: CAPABILITY_READINESS_FIXES,
    ENABLE_USERS: CAPABILITY_ENABLE_USERS,
    LICENSE_UPGRADES: CAPABILITY_LICENSE_UPGRADES,
    USER_DOCTOR: CAPABILITY_USER_DOCTOR,
    USER_DOCTOR_FIXES: CAPABILITY_USER_DOCTOR_FIXES,
    HISTORY: CAPABILITY_HISTORY,
};

const REQUIREMENT_LABELS: Readonly<Record<Requirement, string>> = {
    VIEW_SETUP: PERMISSION_VIEW_SETUP,
    VIEW_ROLES: PERMISSION_VIEW_ROLES,
    ASSIGNMENTS: PERMISSION_ASSIGNMENTS,
    SITES: PERMISSION_SITES,
    LOGIN_RESETS: PERMISSION_LOGIN_RESETS,
    READ_ACCOUNTS: PERMISSION_READ_ACCOUNTS,
};

/** The query string of the page, when there is a page (not in Jest's node environment). */
function pageSearch(): string {
    return typeof globalThis.location === 'object' ? globalThis.location.search : '';
}

/**
 * The requirements the preview pretends the running user does not meet: `?without=VIEW_ROLES`
 * (comma-separated) shows the assistant of an admin without "View Roles and Role Hierarchy".
 */
export function simulatedMissing(search: string = pageSearch()): Set<Requirement> {
    const names = (new URLSearchParams(search).get('without') ?? '').split(',').map((name) => name.trim());
    return new Set(names.filter((name): name is Requirement => Object.hasOwn(REQUIREMENT_FIELDS, name)));
}

/**
 * The permission fields the running user holds, as `SetupAssistantCapabilities` reads them: true
 * on the profile or on any assigned permission set. The sample org's records carry only the few
 * permission fields its rules read; a profile with Modify All Data stands for the System
 * Administrator profile of a real org, which holds the others as well.
 */
export function heldPermissions(session: Session, search: string = pageSearch()): Set<string> {
    const { org, user } = session;
    const records: object[] = [
        ...org.Profile.filter((p) => p.Id === user.ProfileId),
        ...org.PermissionSet.filter((ps) => ps.IsOwnedByProfile && ps.ProfileId === user.ProfileId),
        ...assignedPermissionSets(org, user.Id),
    ];
    const held = new Set<string>([READ_ACCOUNTS_HELD]);
    for (const record of records) {
        for (const [field, value] of Object.entries(record)) {
            if (field.startsWith('Permissions') && value === true) {
                held.add(field);
            }
        }
    }
    if (held.has('PermissionsModifyAllData')) {
        Object.values(REQUIREMENT_FIELDS).forEach((fields) => fields.forEach((field) => held.add(field)));
    }
    for (const requirement of simulatedMissing(search)) {
        REQUIREMENT_FIELDS[requirement].forEach((field) => held.delete(field));
    }
    return held;
}

/** As `SetupAssistantCapabilities.capability(name)`. */
export function capability(
    session: Session,
    name: CapabilityName,
    search: string = pageSearch(),
): Apex.SetupAssistantCapabilities.Capability {
    const held = heldPermissions(session, search);
    const missingRequirements = CAPABILITY_REQUIREMENTS[name].filter(
        (requirement) => !REQUIREMENT_FIELDS[requirement].some((field) => held.has(field)),
    );
    const missingPermissions = missingRequirements.map((requirement) => REQUIREMENT_LABELS[requirement]);
    const result: Apex.SetupAssistantCapabilities.Capability = {
        name,
        label: CAPABILITY_LABELS[name],
        available: missingRequirements.length === 0,
        missingRequirements,
        missingPermissions,
    };
    if (!result.available) {
        result.message = formatLabel(CAPABILITY_MISSING, result.label, missingPermissions.join('; '));
    }
    return result;
}

/** As `SetupAssistantAccess.capabilities()`. */
export function capabilities(
    session: Session,
    search: string = pageSearch(),
): Apex.SetupAssistantCapabilities.Capability[] {
    return CAPABILITIES.map((name) => capability(session, name, search));
}

/** Throws what `SetupAssistantAccess.requireCapability(name)` throws: an AuraHandledException naming the permissions. */
export function requireCapability(session: Session, name: CapabilityName, search: string = pageSearch()): void {
    const checked = capability(session, name, search);
    if (!checked.available) {
        throw new ApexException(checked.message as string, 'System.AuraHandledException');
    }
}

/**
 * Throws what `SetupAssistantCapabilities.requireFor(requirement, actionLabel)` throws: an
 * AuraHandledException naming the one permission an action needs beyond its capability.
 */
export function requireFor(
    session: Session,
    requirement: Requirement,
    actionLabel: string,
    search: string = pageSearch(),
): void {
    const held = heldPermissions(session, search);
    if (!REQUIREMENT_FIELDS[requirement].some((field) => held.has(field))) {
        throw new ApexException(
            formatLabel(CAPABILITY_MISSING, actionLabel, REQUIREMENT_LABELS[requirement]),
            'System.AuraHandledException',
        );
    }
}
