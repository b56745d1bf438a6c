/**
 * DTOs of `UserDoctorService` (force-app/main/readiness/classes): the facts the user doctor
 * (`c/userDoctor`) examines. `c/userDoctor` exports these as its facts types, so Apex and the rules
 * share one contract. Ids arrive as strings.
 */
declare namespace Apex.UserDoctorService {
    /** What `getDoctorFacts` returns: the user's facts and the org's. */
    interface DoctorFacts {
        user: DoctorUserFact;
        org: DoctorOrgFacts;
    }

    /** One user, as the doctor sees it. */
    interface DoctorUserFact {
        /** `User.Id`. */
        id: string;
        /** `User.Name`. */
        name: string;
        /** `User.IsActive`. */
        isActive: boolean;
        /** `User.Profile.UserLicense.Name` (a `LicenseDefinitionKey` is accepted); null when unreadable. */
        licenseName: string | null;
        /** `User.ProfileId`. */
        profileId: string;
        /** `User.Profile.Name`. */
        profileName: string;
        /** `User.Profile.PermissionsApiEnabled`; null when unreadable. */
        profileApiEnabled: boolean | null;
        /** `User.UserPermissionsSFContentUser`: the "Salesforce CRM Content User" checkbox. */
        contentUser: boolean;
        /** Permission sets assigned (`PermissionSetAssignment.PermissionSetId`, without the profile's own). */
        permissionSets: readonly AssignedPermissionSetFact[];
        /** Permission set licenses assigned (`PermissionSetLicenseAssign.PermissionSetLicenseId`). */
        permissionSetLicenseIds: readonly string[];
        /** Sites the user is a member of; null when unknown (Apex could not read `NetworkMemberGroup`). */
        sites: readonly ReachedSiteFact[] | null;
        /** `User.ContactId`: set for every external user. */
        contactId?: string | null;
        /** `User.Contact.AccountId`. */
        accountId?: string | null;
        /** `Account.Name`. */
        accountName?: string | null;
        /** `Account.OwnerId`. */
        accountOwnerId?: string | null;
        /** `Account.Owner.Name`. */
        accountOwnerName?: string | null;
        /** `Account.Owner.UserRoleId != null`; null when unknown. */
        accountOwnerHasRole?: boolean | null;
        /** `Account.Owner.UserRole.Name`. */
        accountOwnerRoleName?: string | null;
    }

    /** A permission set assigned to the user. */
    interface AssignedPermissionSetFact {
        /** `PermissionSet.Id` (0PS...). */
        id: string;
        /** `PermissionSet.Name`. */
        name: string;
        /** `PermissionSet.Label`. */
        label: string;
    }

    /** A site the user reaches, and how (`NetworkMemberGroup.ParentId` = the user's profile or one of their permission sets). */
    interface ReachedSiteFact {
        /** `Network.Id`. */
        id: string;
        /** `Network.Name`. */
        name: string;
        /** `Network.Status`: Live, UnderConstruction ("Preview") or DownForMaintenance ("Offline"). */
        status: string;
        /** `profile` or `permission-set`: where the membership comes from. */
        via: string;
        /** The profile's or the permission set's name, to say which one. */
        viaName?: string | null;
        /** `NetworkMemberGroup.AssignmentStatus` of that membership: only "Added" lets the user in. */
        assignmentStatus?: string | null;
    }

    /** What the doctor needs from the org, read once for any number of users. */
    interface DoctorOrgFacts {
        /** The org's permission sets: at least the two Contracts ones (matched by label or API name). */
        permissionSets: readonly Apex.ReadinessService.PermissionSetFact[];
        /** The permission set licenses behind them, with their seats. */
        permissionSetLicenses: readonly Apex.ReadinessService.PermissionSetLicenseFact[];
        /**
         * The site portal users log in to, when there is one to propose (the only Live site with a
         * Contracts permission set among its members, else the only Live site): a user reaching no
         * site is then fixed by adding the user's profile as a member of it.
         */
        portalSite?: PortalSiteFact | null;
    }

    /** The site portal users log in to. */
    interface PortalSiteFact {
        id: string;
        name: string;
    }

    /** An external user found by `searchDoctorUsers`. */
    interface DoctorUserRow {
        id: string;
        name: string;
        username: string;
        email?: string | null;
        isActive: boolean;
        profileName?: string | null;
        licenseName?: string | null;
        accountName?: string | null;
    }
}
