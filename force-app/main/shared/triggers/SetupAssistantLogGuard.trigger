/**
 * Only the package's writers create, edit or delete Setup_Assistant_Log__c records (see HistoryWriteGuard).
 */
trigger SetupAssistantLogGuard on Setup_Assistant_Log__c(before insert, before update, before delete) {
    HistoryWriteGuard.refuseUnlessWriting(Trigger.isDelete ? Trigger.old : Trigger.new);
}
