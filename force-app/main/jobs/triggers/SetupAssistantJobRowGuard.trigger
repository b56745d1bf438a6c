/**
 * Only the package's writers create, edit or delete Setup_Assistant_Job_Row__c records (see HistoryWriteGuard).
 */
trigger SetupAssistantJobRowGuard on Setup_Assistant_Job_Row__c(before insert, before update, before delete) {
    HistoryWriteGuard.refuseUnlessWriting(Trigger.isDelete ? Trigger.old : Trigger.new);
}
