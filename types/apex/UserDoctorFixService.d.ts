/**
 * DTOs of `UserDoctorFixService` (force-app/main/readiness/classes): the outcome of a login email.
 */
declare namespace Apex.UserDoctorFixService {
    /** One user's outcome of `UserDoctorController.sendLoginEmails`. */
    interface LoginEmailResult {
        userId: string;
        /** The user's name as the server read it; null when the user is not visible. */
        userName?: string | null;
        /** Sent, or refused (the message starts with the policy code) with the user's Setup page. */
        result: Apex.ReadinessFixService.FixResult;
    }
}
