/**
 * DTOs of `UserEnablementService` (force-app/main/user-setup/classes): a user to create, in
 * Salesforce User field names, and what happened to it.
 */
declare namespace Apex.UserEnablementService {
    /** One row to enable, as `c/userEnablement` plans it. */
    interface EnableRequest {
        ContactId: string;
        ProfileId: string;
        Username: string;
        Email: string;
        Alias: string;
        CommunityNickname: string;
        FirstName?: string | null;
        LastName: string;
        TimeZoneSidKey: string;
        LocaleSidKey: string;
        LanguageLocaleKey: string;
        EmailEncodingKey: string;
        /** "Salesforce CRM Content User": set after the insert; a missing feature license makes the row Incomplete (CONTENT_LICENSE_UNAVAILABLE). */
        UserPermissionsSFContentUser: boolean;
        permissionSetIds: string[];
        permissionSetLicenseIds: string[];
    }

    /**
     * A problem the platform reported, with the code of the TypeScript validation; or, in a Refused
     * row, what `SetupAssistantPolicy` refused: its code (e.g. PERMISSION_SET_PRIVILEGED) and message.
     */
    interface Problem {
        code: string;
        message: string;
        field?: string | null;
    }

    /**
     * Created, Existing, Incomplete (assignments missing: retry), Failed, or Refused (the policy
     * refused the row: nothing was written, and a retry is refused again).
     */
    interface EnableResult {
        contactId: string;
        userId?: string | null;
        status: string;
        assignedPermissionSetIds: string[];
        problems: Problem[];
        /** The policy's codes when the row is Refused; empty otherwise. */
        refusalCodes?: string[];
    }
}
