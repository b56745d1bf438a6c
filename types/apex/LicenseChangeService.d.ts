/**
 * DTOs of `LicenseChangeService` (force-app/main/license-upgrade/classes): the plan of a
 * license change and the result of each of its three steps.
 */
declare namespace Apex.LicenseChangeService {
    /** The plan the admin validated and confirmed. */
    interface ChangeRequest {
        targetProfileId: string;
        users: ChangeItem[];
        /**
         * Upgrading to Customer Community Plus also finishes the Contracts setup (seed 000): both
         * Contracts permission sets with their licenses, and "Salesforce CRM Content User".
         */
        completeContractsSetup?: boolean | null;
    }

    /**
     * One user of the plan, with the facts the validator saw (compared again by Apex). There is no
     * path: Apex computes it from its own seed 003 table and refuses anything but a profile change.
     */
    interface ChangeItem {
        userId: string;
        profileId: string;
        isActive: boolean;
        contactId?: string | null;
        /** Ids of the permission sets the user held (PermissionSetAssignment.PermissionSetId). */
        permissionSetIds: string[];
        permissionSetLicenseIds: string[];
        acknowledgedIrreversible: boolean;
        /**
         * The portal role the admin chose instead of Salesforce's default (the lowest): a portal
         * role of the user's account with the target's PortalType (checked by Apex, ROLE_NOT_ALLOWED).
         */
        roleId?: string | null;
    }

    /** The outcome for one user at any step. */
    interface ChangeResult {
        userId: string;
        logId?: string | null;
        /** Snapshot, Applied, Completed, Refused or Cancelled. */
        status?: string | null;
        /**
         * Why a user was refused: a `SetupAssistantPolicy` code (e.g. UNFINISHED_CHANGE, with
         * `logId` the unfinished log to finish or cancel) or FACTS_CHANGED, ACKNOWLEDGEMENT_REQUIRED.
         */
        code?: string | null;
        profileChanged: boolean;
        errors: string[];
        /** Permission set and permission set license ids held again after the change. */
        restored: string[];
        /** Permission set and permission set license ids the change removed for good (so far). */
        removed: string[];
    }
}
