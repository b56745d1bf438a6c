/**
 * DTOs of `UserSetupService` (force-app/main/user-setup/classes): the facts the enable-users
 * rules (`c/userEnablement`) read, and the customers typed inline.
 */
declare namespace Apex.UserSetupService {
    /** A contact as the rules see it. */
    interface ContactFact {
        id: string;
        /** `Contact.Name` as SOQL reads and orders it: the search's paging cursor. */
        name?: string | null;
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
        /**
         * Role-based users (Customer Community Plus) per `enableUsers` call: the setting
         * `Setup_Assistant_Setting__mdt.Role_Based_Insert_Chunk_Size__c`, default 50.
         */
        roleBasedInsertChunkSize: number;
    }

    /** An existing contact whose email a typed customer has. */
    interface ContactMatch {
        id: string;
        name: string;
        email?: string | null;
        accountId?: string | null;
        accountName?: string | null;
    }

    /** An existing account whose name a typed customer has. */
    interface AccountMatch {
        id: string;
        name: string;
        ownerHasRole: boolean;
    }

    /** The org's records the typed customers match. */
    interface CustomerMatches {
        contacts: ContactMatch[];
        accounts: AccountMatch[];
    }

    /** A customer typed inline. */
    interface NewCustomer {
        accountName: string;
        firstName?: string | null;
        lastName: string;
        email?: string | null;
        /** An existing account to create the contact under ("use the existing one"). */
        accountId?: string | null;
        /** The admin chose "create new" for a match: saved with allowSave. */
        allowDuplicates?: boolean | null;
    }

    /** The account and contact created for a customer, or why not. */
    interface NewCustomerResult {
        accountId?: string | null;
        contactId?: string | null;
        error?: string | null;
        /** The platform's status code, e.g. DUPLICATES_DETECTED. */
        errorCode?: string | null;
        /** The existing record a duplicate rule matched. */
        duplicateRecordId?: string | null;
    }
}
