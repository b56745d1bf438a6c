/**
 * Only the package's writers create, edit or delete Readiness_Confirmation__c records (see HistoryWriteGuard).
 */
trigger ReadinessConfirmationGuard on Readiness_Confirmation__c(before insert, before update, before delete) {
    HistoryWriteGuard.refuseUnlessWriting(Trigger.isDelete ? Trigger.old : Trigger.new);
}
