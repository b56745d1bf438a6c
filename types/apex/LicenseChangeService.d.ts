/**
 * DTOs of `LicenseChangeService` (force-app/main/license-upgrade/classes): the plan of a
 * license change and the result of each of its three steps.
 */
declare namespace Apex.LicenseChangeService {
    /** The plan the admin validated and confirmed. */
    interface ChangeRequest {
        targetProfileId: string;
        users: ChangeItem[];
    }

    /** One user of the plan, with the facts the validator saw (checked again by Apex). */
    interface ChangeItem {
        userId: string;
        profileId: string;
        systemModstamp?: string | null;
        permissionSetCount: number;
        permissionSetLicenseCount: number;
        /** The validator's path; Apex refuses anything but `change-profile`. */
        path: string;
        acknowledgedIrreversible: boolean;
    }

    /** The outcome for one user at any step. */
    interface ChangeResult {
        userId: string;
        logId?: string | null;
        /** Snapshot, Applied, Completed or Refused. */
        status?: string | null;
        profileChanged: boolean;
        errors: string[];
        /** Permission set and permission set license ids held again after the change. */
        restored: string[];
        /** Permission set and permission set license ids the change removed for good (so far). */
        removed: string[];
    }
}
