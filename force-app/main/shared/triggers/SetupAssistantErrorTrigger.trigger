/**
 * Turns each `Setup_Assistant_Error__e` (an unexpected exception, published immediately so that
 * it survives the rollback of the failed call) into a `Setup_Assistant_Log__c`. Platform event
 * triggers support only after insert; the logic is in `SetupAssistantErrorEventHandler`.
 */
trigger SetupAssistantErrorTrigger on Setup_Assistant_Error__e(after insert) {
    SetupAssistantErrorEventHandler.handle(Trigger.new);
}
