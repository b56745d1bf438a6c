/**
 * DTOs of `SetupAssistantCapabilities` (force-app/main/shared/classes): for each capability of
 * the assistant, whether the running admin holds the Salesforce permissions its user-mode queries
 * and DML need, and which are missing.
 */
declare namespace Apex.SetupAssistantCapabilities {
    /**
     * `READINESS`, `READINESS_FIXES`, `ENABLE_USERS`, `LICENSE_UPGRADES`, `USER_DOCTOR`,
     * `USER_DOCTOR_FIXES` or `HISTORY`.
     */
    interface Capability {
        name: string;
        /** The capability as the admin sees it (a Custom Label). */
        label: string;
        available: boolean;
        /** `VIEW_SETUP`, `VIEW_ROLES`, `ASSIGNMENTS`, `SITES` or `READ_ACCOUNTS`, for each requirement not met. */
        missingRequirements: readonly string[];
        /** The permissions to add, as Setup names them (Custom Labels), one per requirement not met. */
        missingPermissions: readonly string[];
        /** The refusal `requireCapability` throws; unset when available. */
        message?: string | null;
    }
}
