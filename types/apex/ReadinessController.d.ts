/**
 * Contract of `ReadinessController` (force-app/main/readiness/classes). Checked against the
 * Apex source by scripts/__tests__/contract.test.ts.
 */
declare module '@salesforce/apex/ReadinessController.getReadinessFacts' {
    const getReadinessFacts: ApexMethod<void, Apex.ReadinessService.OrgFacts>;
    export default getReadinessFacts;
}

declare module '@salesforce/apex/ReadinessController.confirmReadinessStep' {
    const confirmReadinessStep: ApexMethod<{ rowId: string }, Apex.ReadinessService.ConfirmationFact>;
    export default confirmReadinessStep;
}

declare module '@salesforce/apex/ReadinessController.clearReadinessConfirmation' {
    const clearReadinessConfirmation: ApexMethod<{ rowId: string }, void>;
    export default clearReadinessConfirmation;
}

declare module '@salesforce/apex/ReadinessController.activateSite' {
    const activateSite: ApexMethod<{ networkId: string }, Apex.ReadinessFixService.FixResult>;
    export default activateSite;
}

declare module '@salesforce/apex/ReadinessController.showAllSettings' {
    const showAllSettings: ApexMethod<{ networkId: string }, Apex.ReadinessFixService.FixResult>;
    export default showAllSettings;
}

declare module '@salesforce/apex/ReadinessController.addSiteMember' {
    const addSiteMember: ApexMethod<{ networkId: string; profileId: string }, Apex.ReadinessFixService.FixResult>;
    export default addSiteMember;
}

declare module '@salesforce/apex/ReadinessController.searchInternalUsers' {
    const searchInternalUsers: ApexMethod<{ searchTerm: string | null }, Apex.ReadinessService.InternalUserRow[]>;
    export default searchInternalUsers;
}

declare module '@salesforce/apex/ReadinessController.assignSharerPermissionSet' {
    const assignSharerPermissionSet: ApexMethod<
        { userIds: string[]; permissionSetId: string },
        Apex.ReadinessFixService.FixResult
    >;
    export default assignSharerPermissionSet;
}
