/**
 * `UserEnablementService.withoutEmails`, shared by the sample controllers and the sample's report
 * of unexpected errors (`apexMethod.reportUnexpected`, as `SetupAssistantErrorEventHandler`).
 */

/** Every email address in a message, as `UserEnablementService.EMAIL_PATTERN` finds them. */
const EMAIL_IN_TEXT = /[^\s<>()",;:]*@[^\s<>()",;:]*/g;

/** As `UserEnablementService.withoutEmails`: the history stores no email address. */
export function withoutEmails(message: string | null | undefined): string | null {
    return message === null || message === undefined ? null : message.replace(EMAIL_IN_TEXT, '[email]');
}
