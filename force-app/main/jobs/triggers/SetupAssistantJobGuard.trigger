/**
 * Only the package's writers create, edit or delete Setup_Assistant_Job__c records (see HistoryWriteGuard).
 */
trigger SetupAssistantJobGuard on Setup_Assistant_Job__c(before insert, before update, before delete) {
    HistoryWriteGuard.refuseUnlessWriting(Trigger.isDelete ? Trigger.old : Trigger.new);
}
