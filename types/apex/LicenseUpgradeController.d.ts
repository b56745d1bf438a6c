/**
 * Contract of `LicenseUpgradeController` (force-app/main/license-upgrade/classes).
 */
declare module '@salesforce/apex/LicenseUpgradeController.getUpgradeTargets' {
    const getUpgradeTargets: ApexMethod<void, Apex.LicenseUpgradeService.TargetOption[]>;
    export default getUpgradeTargets;
}

declare module '@salesforce/apex/LicenseUpgradeController.searchUpgradeCandidates' {
    const searchUpgradeCandidates: ApexMethod<
        /** The page after the user (`afterName`, `afterId`): keyset paging by `Name, Id`; none for the first page. */
        {
            licenseName?: string | null;
            searchTerm?: string | null;
            afterName?: string | null;
            afterId?: string | null;
        },
        Apex.LicenseUpgradeService.UserOption[]
    >;
    export default searchUpgradeCandidates;
}

declare module '@salesforce/apex/LicenseUpgradeController.getUpgradeFacts' {
    const getUpgradeFacts: ApexMethod<
        { userIds: string[]; targetProfileId: string },
        Apex.LicenseUpgradeService.UpgradeFacts
    >;
    export default getUpgradeFacts;
}

declare module '@salesforce/apex/LicenseUpgradeController.snapshotLicenseChanges' {
    const snapshotLicenseChanges: ApexMethod<
        { request: Apex.LicenseChangeService.ChangeRequest },
        Apex.LicenseChangeService.ChangeResult[]
    >;
    export default snapshotLicenseChanges;
}

declare module '@salesforce/apex/LicenseUpgradeController.applyLicenseChanges' {
    const applyLicenseChanges: ApexMethod<
        { logIds: string[]; targetProfileId: string },
        Apex.LicenseChangeService.ChangeResult[]
    >;
    export default applyLicenseChanges;
}

declare module '@salesforce/apex/LicenseUpgradeController.reconcileLicenseChanges' {
    const reconcileLicenseChanges: ApexMethod<
        { outcomes: Apex.LicenseChangeService.ChangeResult[]; targetProfileId: string },
        Apex.LicenseChangeService.ChangeResult[]
    >;
    export default reconcileLicenseChanges;
}

declare module '@salesforce/apex/LicenseUpgradeController.cancelLicenseChange' {
    const cancelLicenseChange: ApexMethod<{ logId: string }, Apex.LicenseChangeService.ChangeResult>;
    export default cancelLicenseChange;
}

declare module '@salesforce/apex/LicenseUpgradeController.enablePartnerAccounts' {
    const enablePartnerAccounts: ApexMethod<{ accountIds: string[] }, Record<string, string>>;
    export default enablePartnerAccounts;
}
