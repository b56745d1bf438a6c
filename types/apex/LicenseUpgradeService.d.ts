/**
 * DTOs of `LicenseUpgradeService` (force-app/main/license-upgrade/classes): the facts the
 * license upgrade validator (`c/upgradeValidator`) reads. Ids and Datetimes arrive as strings.
 */
declare namespace Apex.LicenseUpgradeService {
    /** A profile users can be upgraded to. */
    interface TargetOption {
        profileId: string;
        profileName: string;
        licenseName: string;
        apiEnabled: boolean;
        seatsAvailable: number;
    }

    /** An external user in the upgrade picker. */
    interface UserOption {
        id: string;
        name: string;
        username: string;
        isActive: boolean;
        profileName: string;
        licenseName: string;
        accountName?: string | null;
    }

    /** The facts of one validation. */
    interface UpgradeFacts {
        target: TargetFact;
        users: UserFact[];
        /** True when more person accounts exist than were read: counts are then lower bounds. */
        personAccountCountIncomplete: boolean;
        /** Most users one apply may change to a role-based target (the run chunks by it); absent from an older server. */
        roleBasedInsertChunkSize?: number;
    }

    /** The target profile, its license, the seats left and the sites it is a member of. */
    interface TargetFact {
        profileId: string;
        profileName: string;
        /** `UserLicense.Name` of the target profile. */
        licenseName: string;
        /** `TotalLicenses - UsedLicenses` of the target license. */
        seatsAvailable: number;
        /** Sites (`Network` ids) that list the target profile as a member. */
        siteIds: string[];
        /** Names of every site mentioned in the facts, by id. */
        siteNames?: Record<string, string> | null;
        /** `Profile.PermissionsApiEnabled` of the target (seed 000: the Contracts profile needs it). */
        apiEnabled?: boolean | null;
        /** The two Contracts permission sets of seed 000 found in the org, with their licenses. */
        contractsPermissionSets?: ContractsPermissionSetFact[] | null;
    }

    /** A Contracts permission set ("DocGen Run-time Community User", "Contract Management CC Plus Digital Experience User"). */
    interface ContractsPermissionSetFact {
        id: string;
        name: string;
        label: string;
        /** The permission set license it needs (`PermissionSet.LicenseId`), if any. */
        permissionSetLicenseId?: string | null;
    }

    /** A portal role of the user's account (`UserRole.PortalAccountId`). */
    interface RoleFact {
        id: string;
        name: string;
        /** `UserRole.PortalType`: CustomerPortal or Partner (None for internal roles). */
        portalType: string;
        /** `UserRole.PortalRole`: Executive, Manager, Worker. */
        portalRole?: string | null;
    }

    /** One user, as the validator sees it. */
    interface UserFact {
        id: string;
        name: string;
        isActive: boolean;
        /** `User.UserType`: Standard, PowerPartner, PowerCustomerSuccess, CspLitePortal, ... */
        userType: string;
        /** `UserLicense.Name` (a `LicenseDefinitionKey` is accepted too). */
        licenseName: string;
        profileId: string;
        profileName: string;
        profileModifyAllData?: boolean | null;
        profileViewAllData?: boolean | null;
        roleId?: string | null;
        roleName?: string | null;
        contactId?: string | null;
        accountId?: string | null;
        accountName?: string | null;
        /** `Account.IsPartner`. */
        accountIsPartner?: boolean | null;
        /** Portal roles of the account (`UserRole.PortalAccountId`). */
        accountRoleNames?: string[] | null;
        /** The same roles with their portal type, highest to lowest (Executive, Manager, Worker). */
        accountRoles?: RoleFact[] | null;
        /**
         * `Account.OwnerId` of the user's account when it is a person account and the target is
         * role-based (null otherwise): seed 003's limit of 50,000 person accounts is this owner's.
         */
        accountOwnerId?: string | null;
        /** The name of the owner of the user's account (`Account.Owner.Name`; null when the admin cannot read it). */
        accountOwnerName?: string | null;
        /**
         * Whether that owner has a role (`Account.Owner.UserRoleId`): a role-based license needs it
         * ("portal account owner must have a role"). Null when the account or its owner is not read.
         */
        accountOwnerHasRole?: boolean | null;
        /** Person accounts that owner owns, the user's own among them. */
        accountOwnerPersonAccounts?: number | null;
        /** That owner is a Person Account Owner Power User for the target's portal type (read only over the limit). */
        accountOwnerIsPowerUser?: boolean | null;
        permissionSets: PermissionSetFact[];
        permissionSetLicenses: PermissionSetLicenseFact[];
        /** Sites the user reaches today through the profile. */
        profileSiteIds?: string[] | null;
        /** Compared at change time: a user edited since validation is refused. */
        systemModstamp?: string | null;
    }

    /** A permission set assigned to the user (profile-owned ones excluded). */
    interface PermissionSetFact {
        id: string;
        label: string;
        /** The user license the permission set is tied to, if any: only its users can hold it. */
        licenseName?: string | null;
        /** The permission set license it is tied to, if any: restored before it. */
        permissionSetLicenseId?: string | null;
        modifyAllData?: boolean | null;
        viewAllData?: boolean | null;
        /** Sites that list this permission set as a member. */
        siteIds?: string[] | null;
    }

    /** A permission set license assigned to the user. */
    interface PermissionSetLicenseFact {
        id: string;
        label: string;
    }
}
