/**
 * DTOs of `ReadinessService` (force-app/main/readiness/classes): the org facts the readiness
 * checklist (`c/readinessRules`) is computed from. `c/readinessRules` exports these as its facts
 * types, so Apex and the rules share one contract. Ids and Datetimes arrive as strings.
 */
declare namespace Apex.ReadinessService {
    /** Everything the checklist reads from the org, in one DTO. */
    interface OrgFacts {
        /**
         * Digital Experiences is on: the `Network` object exists (`Schema.getGlobalDescribe()
         * .containsKey('Network')`); Salesforce creates it when "Enable Digital Experiences" is saved.
         */
        digitalExperiencesEnabled: boolean;
        /** The Digital Experiences domain (e.g. `acme.my.site.com`), when Apex could read it. */
        experienceDomain?: string | null;
        /** The Customer Community Plus (Login) profiles; other profiles may be included and are ignored. */
        profiles: readonly ProfileFact[];
        /** The Customer Community Plus `UserLicense` rows (others may be included and are ignored). */
        userLicenses: readonly UserLicenseFact[];
        /** The Contracts permission sets, the contract sharers' ones, and any other; matched by label or API name. */
        permissionSets: readonly PermissionSetFact[];
        /** The permission set licenses behind {@link permissionSets}. */
        permissionSetLicenses: readonly PermissionSetLicenseFact[];
        /** Every site; empty when there is none or Digital Experiences is off. */
        sites: readonly SiteFact[];
        /** The admin running the assistant. */
        runningUser: RunningUserFact;
        /** Persisted confirmations of the rows that cannot be detected. */
        confirmations?: readonly ConfirmationFact[] | null;
    }

    /** A profile of the org. */
    interface ProfileFact {
        /** `Profile.Id` (00e...). */
        id: string;
        /** `Profile.Name`. */
        name: string;
        /** `Profile.UserLicense.Name`, e.g. "Customer Community Plus" (a `LicenseDefinitionKey` is accepted too). */
        licenseName: string;
        /** `Profile.PermissionsApiEnabled`: the "API Enabled" administrative permission. */
        apiEnabled: boolean;
        /**
         * Whether the profile is custom (a clone), from `PermissionSet.IsCustom` of the profile's own
         * permission set (`IsOwnedByProfile = true`). Standard profiles cannot be edited, which is why
         * seed 000 clones one before turning on API Enabled. Unknown (null/undefined): treated as editable.
         */
        isCustom?: boolean | null;
        /**
         * Objects of `ReadinessService.REQUIRED_OBJECTS` (Contract) the profile cannot read
         * (`ObjectPermissions.PermissionsRead` of its own permission set). A clone deployed from a
         * profile retrieved without its objects lacks them. Unknown: null/undefined.
         */
        missingObjectAccess?: readonly string[] | null;
    }

    /** A `UserLicense` row: Customer Community Plus seats live here. */
    interface UserLicenseFact {
        /** `UserLicense.Name` (or `LicenseDefinitionKey`, e.g. PID_Customer_Community_Plus). */
        name: string;
        /** `UserLicense.TotalLicenses`. */
        totalLicenses: number;
        /** `UserLicense.UsedLicenses`. */
        usedLicenses: number;
    }

    /** A permission set of the org (`PermissionSet` with `IsOwnedByProfile = false`). */
    interface PermissionSetFact {
        /** `PermissionSet.Id` (0PS...). */
        id: string;
        /** `PermissionSet.Name`: the API name. */
        name: string;
        /** `PermissionSet.Label`. */
        label: string;
        /** `PermissionSet.NamespacePrefix`, when it comes from a managed package. */
        namespacePrefix?: string | null;
        /**
         * `PermissionSet.LicenseId` when it is a permission set license (0PL...): users need that
         * license assigned before the permission set. Null when the set needs none or a user license.
         */
        permissionSetLicenseId?: string | null;
        /**
         * Active users holding the set (`PermissionSetAssignment` with `Assignee.IsActive = true`).
         * Read for the sets that let internal users share contract documents; may be left unset for others.
         */
        activeAssigneeCount?: number | null;
    }

    /** A `PermissionSetLicense` row: the seats behind a permission set. */
    interface PermissionSetLicenseFact {
        /** `PermissionSetLicense.Id` (0PL...). */
        id: string;
        /** `PermissionSetLicense.DeveloperName`. */
        developerName: string;
        /** `PermissionSetLicense.MasterLabel`. */
        label: string;
        /** `PermissionSetLicense.TotalLicenses`. */
        totalLicenses: number;
        /** `PermissionSetLicense.UsedLicenses`. */
        usedLicenses: number;
    }

    /** An Experience Cloud site (`Network`). */
    interface SiteFact {
        /** `Network.Id` (0DB...). */
        id: string;
        /** `Network.Name`. */
        name: string;
        /** `Network.Status`: Live, UnderConstruction ("Preview") or DownForMaintenance ("Offline"). */
        status: string;
        /** `Network.OptionsShowAllNetworkSettings`: "Show All Settings in Workspace" (Administration > Preferences). */
        showAllSettings: boolean;
        /** `Network.OptionsSendWelcomeEmail`: "Send welcome email" (activation sends it to members). */
        sendWelcomeEmail?: boolean | null;
        /**
         * `NetworkMemberGroup.ParentId` of the memberships whose `AssignmentStatus` is Added: the
         * member profiles (00e...) and permission sets (0PS...) whose users are members.
         */
        memberParentIds: readonly string[];
        /** Every membership with its `AssignmentStatus` (Added, Add Calculated / Waiting for Add, Failed Add). */
        members?: readonly SiteMemberFact[] | null;
    }

    /** A membership of a site (`NetworkMemberGroup`): adding one is asynchronous. */
    interface SiteMemberFact {
        parentId: string;
        /** `NetworkMemberGroup.AssignmentStatus`; only "Added" lets users in. */
        assignmentStatus?: string | null;
    }

    /** An active internal user the contract sharers' picker offers. */
    interface InternalUserRow {
        id: string;
        name: string;
        username: string;
        profileName?: string | null;
    }

    /** The admin running the assistant (`UserInfo.getUserId()`, `User.UserRoleId`, `UserRole.Name`). */
    interface RunningUserFact {
        id: string;
        name: string;
        roleId?: string | null;
        roleName?: string | null;
    }

    /** A persisted "I did this by hand" of a row Apex cannot detect (`Readiness_Confirmation__c`). */
    interface ConfirmationFact {
        /** The checklist row, e.g. STANDARD_EXTERNAL_PROFILES. */
        rowId: string;
        /** Who confirmed (`User.Name`), for the row's values. */
        confirmedByName?: string | null;
        /** When (ISO 8601 Datetime as Apex serializes it). */
        confirmedAt?: string | null;
    }
}
