/**
 * DTOs of `ReadinessFixService` (force-app/main/readiness/classes): the outcome of a fix.
 */
declare namespace Apex.ReadinessFixService {
    /** Done, or refused by the platform with what to do in Setup instead. */
    interface FixResult {
        ok: boolean;
        /** What was done, or the refusal and the instruction to do it by hand. */
        message: string;
        /** The Setup page where the step is done by hand. */
        setupUrl: string;
    }
}
