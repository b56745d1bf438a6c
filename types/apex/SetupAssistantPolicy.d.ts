/**
 * DTOs of `SetupAssistantPolicy` (force-app/main/policy/classes): the server-side policy every
 * write passes. The sample org's copy is preview/sample-org/policy.ts.
 */
declare namespace Apex.SetupAssistantPolicy {
    /** A refused request: the record refused, the code (a policy constant) and the reason for the admin. */
    interface Refusal {
        subjectId: string;
        code: string;
        message: string;
    }
}
