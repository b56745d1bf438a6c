/**
 * Contract of `SetupAssistantController` (force-app/main/shared/classes). Checked against the
 * Apex source by scripts/__tests__/contract.test.ts.
 */
declare module '@salesforce/apex/SetupAssistantController.getAssistantContext' {
    const getAssistantContext: ApexMethod<void, Apex.AssistantContextService.AssistantContext>;
    export default getAssistantContext;
}
