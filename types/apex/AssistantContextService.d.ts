/**
 * DTOs of `AssistantContextService` (force-app/main/shared/classes), as the UI receives them.
 * Apex Id and String are strings; a field Apex leaves unset arrives as undefined.
 */
declare namespace Apex.AssistantContextService {
    interface AssistantContext {
        userId: string;
        userName: string;
        organizationId: string;
        organizationName: string;
        hasRole: boolean;
        roleName?: string | null;
        /** Each capability: available to this admin, or the Salesforce permissions it lacks. */
        capabilities: readonly Apex.SetupAssistantCapabilities.Capability[];
    }
}
