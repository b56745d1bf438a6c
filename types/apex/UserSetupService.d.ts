/**
 * DTOs of `UserSetupService` (force-app/main/user-setup/classes): the facts the enable-users
 * rules (`c/userEnablement`) read, and the customers typed inline.
 */
declare namespace Apex.UserSetupService {
    /** A contact as the rules see it. */
    interface ContactFact {
        id: string;
        firstName?: string | null;
        lastName: string;
        email?: string | null;
        accountId?: string | null;
        accountName?: string | null;
        /** `Account.Owner.UserRoleId != null`: "portal account owner must have a role". */
        accountOwnerHasRole: boolean;
        existingUserId?: string | null;
        /** `UserLicense.Name` of the existing user. */
        existingUserLicenseName?: string | null;
    }

    /** A profile of Customer Community Plus or Plus Login, with its license's seats left. */
    interface ProfileFact {
        id: string;
        name: string;
        licenseName: string;
        permissionsApiEnabled: boolean;
        licenseSeatsLeft: number;
    }

    /** A permission set the assistant offers. */
    interface PermissionSetFact {
        id: string;
        name: string;
        label: string;
        /** The permission set license it needs, assigned before it. */
        permissionSetLicenseId?: string | null;
        /** The user license it is tied to, if any. */
        userLicenseName?: string | null;
    }

    /** A permission set license and its seats left. */
    interface PermissionSetLicenseFact {
        id: string;
        label: string;
        seatsLeft: number;
    }

    /** The running admin's locale settings: the defaults of new users. */
    interface LocaleSettings {
        TimeZoneSidKey: string;
        LocaleSidKey: string;
        LanguageLocaleKey: string;
        EmailEncodingKey: string;
    }

    /** The facts of one selection. */
    interface EnablementFacts {
        contacts: ContactFact[];
        /** Usernames of this org matching the patterns sent. */
        takenUsernames: string[];
        /** Community nicknames of this org matching the patterns sent. */
        takenNicknames: string[];
        profiles: ProfileFact[];
        permissionSets: PermissionSetFact[];
        permissionSetLicenses: PermissionSetLicenseFact[];
        adminDefaults: LocaleSettings;
        adminHasRole: boolean;
    }

    /** A customer typed inline. */
    interface NewCustomer {
        accountName: string;
        firstName?: string | null;
        lastName: string;
        email?: string | null;
    }

    /** The account and contact created for a customer, or why not. */
    interface NewCustomerResult {
        accountId?: string | null;
        contactId?: string | null;
        error?: string | null;
    }
}
