/**
 * The sample org's records, with Salesforce's own object and field API names so that code
 * written against them reads like the SOQL the Apex services will run. Only the fields the
 * assistant's capabilities need are modelled. Ids are 18-character, case-safe, with each
 * object's real key prefix.
 */

export type Id = string;

/** `User.UserType` / `Profile.UserType`: the user type a license belongs to. */
export type UserType = 'Standard' | 'PowerCustomerSuccess' | 'PowerPartner' | 'CspLitePortal' | 'CustomerSuccess';

export interface Organization {
    Id: Id;
    Name: string;
    OrganizationType: string;
    InstanceName: string;
    IsSandbox: boolean;
    NamespacePrefix: string | null;
    DefaultLocaleSidKey: string;
    TimeZoneSidKey: string;
    LanguageLocaleKey: string;
}

/** The org's CommunitiesSettings metadata (Setup > Digital Experiences > Settings). */
export interface CommunitiesSettings {
    enableNetworksEnabled: boolean;
    /** The Digital Experiences domain, set once when Digital Experiences is enabled. */
    networksDomain: string | null;
    /** "Allow using standard external profiles for self-registration, user creation, and login". */
    enableOotbProfExtUserOpsEnable: boolean;
}

export interface UserLicense {
    Id: Id;
    Name: string;
    MasterLabel: string;
    LicenseDefinitionKey: string;
    Status: 'Active' | 'Disabled';
    TotalLicenses: number;
    /** Active users whose profile has this license. */
    UsedLicenses: number;
}

export interface Profile {
    Id: Id;
    Name: string;
    UserLicenseId: Id;
    UserType: UserType;
    PermissionsApiEnabled: boolean;
    PermissionsModifyAllData: boolean;
    PermissionsViewAllData: boolean;
    PermissionsManageUsers: boolean;
}

export interface UserRole {
    Id: Id;
    Name: string;
    DeveloperName: string;
    ParentRoleId: Id | null;
    /** `None` for internal roles; portal roles belong to one account. */
    PortalType: 'None' | 'CustomerPortal' | 'Partner';
    PortalAccountId: Id | null;
    PortalRole: 'Executive' | 'Manager' | 'User' | null;
}

export interface Account {
    Id: Id;
    Name: string;
    OwnerId: Id;
    Type: string;
    Industry: string;
    BillingCity: string;
    BillingCountry: string;
    /** Enabled as a partner account (required before enabling partner users). */
    IsPartner: boolean;
    /** Has at least one role-based customer portal user (set by Salesforce). */
    IsCustomerPortal: boolean;
    /**
     * A person account: the field exists only where person accounts are enabled; the generated org
     * has none (absent: not one), tests set it.
     */
    IsPersonAccount?: boolean;
}

/**
 * `PersonAccountOwnerPowerUser` (API 57.0+): "Represents a user who can own more than 50,000
 * customer or partner portal accounts", for one portal type.
 */
export interface PersonAccountOwnerPowerUser {
    Id: Id;
    UserId: Id;
    PortalType: 'CustomerPortal' | 'Partner';
}

export interface Contact {
    Id: Id;
    FirstName: string;
    LastName: string;
    Email: string | null;
    AccountId: Id | null;
    OwnerId: Id;
    Title: string | null;
    Phone: string | null;
    MailingCountry: string | null;
}

export interface User {
    Id: Id;
    Username: string;
    FirstName: string;
    LastName: string;
    Name: string;
    Alias: string;
    CommunityNickname: string;
    Email: string;
    IsActive: boolean;
    ProfileId: Id;
    UserRoleId: Id | null;
    ContactId: Id | null;
    AccountId: Id | null;
    UserType: UserType;
    UserPermissionsSFContentUser: boolean;
    LocaleSidKey: string;
    TimeZoneSidKey: string;
    LanguageLocaleKey: string;
    EmailEncodingKey: string;
    CreatedDate: string;
    /** Last change to the record; the license change refuses users edited since validation. */
    SystemModstamp: string;
    LastLoginDate: string | null;
}

export interface PermissionSetLicense {
    Id: Id;
    DeveloperName: string;
    MasterLabel: string;
    PermissionSetLicenseKey: string;
    Status: 'Active' | 'Disabled';
    TotalLicenses: number;
    /** Assignments (PermissionSetLicenseAssign rows) to active users. */
    UsedLicenses: number;
    ExpirationDate: string | null;
}

export interface PermissionSet {
    Id: Id;
    Name: string;
    Label: string;
    NamespacePrefix: string | null;
    /** Every profile owns one permission set that holds its object and user permissions. */
    IsOwnedByProfile: boolean;
    ProfileId: Id | null;
    /** The UserLicense or PermissionSetLicense the permission set requires, if any. */
    LicenseId: Id | null;
    /**
     * Created by an admin or a package (true), or standard, shipped with a permission set
     * license (false); a profile's own permission set is custom when the profile is.
     */
    IsCustom: boolean;
    PermissionsModifyAllData: boolean;
    PermissionsViewAllData: boolean;
    /** The other administrative permissions the policy refuses (absent means false). */
    PermissionsManageUsers?: boolean;
    PermissionsAssignPermissionSets?: boolean;
    PermissionsCustomizeApplication?: boolean;
    PermissionsAuthorApex?: boolean;
    PermissionsModifyMetadata?: boolean;
    PermissionsManageProfilesPermissionsets?: boolean;
    PermissionsManageInternalUsers?: boolean;
    PermissionsResetPasswords?: boolean;
    PermissionsManageRoles?: boolean;
    PermissionsManageSharing?: boolean;
    PermissionsViewAllUsers?: boolean;
    PermissionsDelegatedPortalUserAdmin?: boolean;
    PermissionsPortalSuperUser?: boolean;
    /** Set on the aggregate permission set the platform keeps for each permission set group. */
    PermissionSetGroupId?: Id | null;
}

/** A permission set group; its permissions are those of its aggregate PermissionSet. */
export interface PermissionSetGroup {
    Id: Id;
    DeveloperName: string;
    MasterLabel: string;
}

/** `ccsa__Allowed_Permission_Set__mdt`: the admin's allow-list of assignable permission sets. */
export interface AllowedPermissionSet {
    Permission_Set_Name__c: string;
    Active__c: boolean;
}

export interface PermissionSetAssignment {
    Id: Id;
    AssigneeId: Id;
    PermissionSetId: Id;
    /** Set when the assignment is of a permission set group (PermissionSetId is its aggregate). */
    PermissionSetGroupId?: Id | null;
    /** `ExpirationDate` (a Datetime, ISO 8601), when the assignment expires. */
    ExpirationDate?: string | null;
}

export interface PermissionSetLicenseAssign {
    Id: Id;
    AssigneeId: Id;
    PermissionSetLicenseId: Id;
}

export interface CustomPermission {
    Id: Id;
    DeveloperName: string;
    MasterLabel: string;
    NamespacePrefix: string | null;
}

/** What a permission set grants besides object and user permissions (here: custom permissions). */
export interface SetupEntityAccess {
    Id: Id;
    ParentId: Id;
    SetupEntityId: Id;
    SetupEntityType: 'CustomPermission';
}

export interface ObjectPermissions {
    Id: Id;
    ParentId: Id;
    SobjectType: string;
    PermissionsRead: boolean;
    PermissionsCreate: boolean;
    PermissionsEdit: boolean;
    PermissionsDelete: boolean;
    PermissionsViewAllRecords: boolean;
    PermissionsModifyAllRecords: boolean;
}

export interface Network {
    Id: Id;
    Name: string;
    /** Setup shows `UnderConstruction` as "Preview". */
    Status: 'Live' | 'UnderConstruction' | 'Inactive';
    UrlPathPrefix: string;
    /** "Show All Settings in Workspace" (seed 000 asks for it). */
    OptionsShowAllNetworkSettings: boolean;
    OptionsSelfRegistrationEnabled: boolean;
    /** "Send welcome email" (Administration > Emails); absent means off. */
    OptionsSendWelcomeEmail?: boolean;
}

/** A profile or permission set whose users are members of a site. */
export interface NetworkMemberGroup {
    Id: Id;
    NetworkId: Id;
    ParentId: Id;
    /**
     * Adding a member is asynchronous: "Add Calculated" while Salesforce adds its users, "Added"
     * when they are members, "Failed Add" when it failed. Absent means Added.
     */
    AssignmentStatus?: string;
}

/** `ccsa__Setup_Assistant_Log__c`: what the assistant did, one record per user and action. */
export interface SetupAssistantLog {
    Id: Id;
    /** Auto number, `LOG-{0000000}`. */
    Name: string;
    Action__c: string;
    Status__c: string;
    Target_User__c: Id | null;
    /** JSON written by the action that created the log (a license change: its snapshot). */
    Snapshot__c: string | null;
    Before__c: string | null;
    After__c: string | null;
    Restored__c: string | null;
    Removed__c: string | null;
    Error__c: string | null;
    /**
     * Who the row is about (`SetupAssistantLogWriter.fillSubjects`, sample `logWriter.ts`): the
     * target user, else the user or contact Before/After names; 18 characters.
     */
    Subject_Id__c: Id | null;
    /** The name of who a row without a target user is about, as the log writer read it. */
    Subject_Name__c: string | null;
    /** The username of the user a row without a target user is about, as the log writer read it. */
    Subject_Username__c: string | null;
    CreatedDate: string;
    CreatedById: Id;
}

export interface SampleOrg {
    /** The PRNG seed the org was generated from. */
    seed: number;
    /** The user who "is logged in" when the preview opens without `?as=`. */
    defaultRunningUserId: Id;
    Organization: Organization;
    CommunitiesSettings: CommunitiesSettings;
    UserLicense: UserLicense[];
    Profile: Profile[];
    UserRole: UserRole[];
    User: User[];
    Account: Account[];
    Contact: Contact[];
    PermissionSetLicense: PermissionSetLicense[];
    PermissionSet: PermissionSet[];
    PermissionSetAssignment: PermissionSetAssignment[];
    PermissionSetLicenseAssign: PermissionSetLicenseAssign[];
    CustomPermission: CustomPermission[];
    SetupEntityAccess: SetupEntityAccess[];
    ObjectPermissions: ObjectPermissions[];
    Network: Network[];
    NetworkMemberGroup: NetworkMemberGroup[];
    /** Permission set groups (none in the generated org; tests add them). */
    PermissionSetGroup?: PermissionSetGroup[];
    /** The allow-list custom metadata records (none in the generated org). */
    Allowed_Permission_Set__mdt?: AllowedPermissionSet[];
    /**
     * Person accounts owned, by owner (user) id, as `LicenseUpgradeSelector.selectPersonAccountCounts`
     * counts them for `SetupAssistantPolicy.personAccountOwners` (the owners of the users' person
     * accounts): the generated org has no person accounts; tests add counts.
     */
    PersonAccountCounts?: Record<Id, number>;
    /** Person Account Owner Power Users (none in the generated org; tests add them). */
    PersonAccountOwnerPowerUser?: PersonAccountOwnerPowerUser[];
    /** The package's log records: none when the org is generated, written by the sample Apex. */
    Setup_Assistant_Log__c: SetupAssistantLog[];
}

/** The record tables of the org (every key of SampleOrg that holds rows). */
export type SObjectName = {
    [K in keyof SampleOrg]-?: SampleOrg[K] extends ReadonlyArray<{ Id: Id }> ? K : never;
}[keyof SampleOrg];
