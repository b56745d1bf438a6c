/**
 * Contract of `HistoryController` (force-app/main/history/classes). Checked against the Apex
 * source by scripts/__tests__/contract.test.ts.
 */
declare module '@salesforce/apex/HistoryController.getHistory' {
    const getHistory: ApexMethod<
        { filter?: Apex.HistoryService.HistoryFilter | null },
        Apex.HistoryService.HistoryPage
    >;
    export default getHistory;
}

declare module '@salesforce/apex/HistoryController.searchHistoryUsers' {
    const searchHistoryUsers: ApexMethod<{ searchTerm?: string | null }, Apex.HistoryService.HistoryUserRow[]>;
    export default searchHistoryUsers;
}

declare module '@salesforce/apex/HistoryController.getHistoryFilterOptions' {
    const getHistoryFilterOptions: ApexMethod<void, Apex.HistoryService.HistoryFilterOptions>;
    export default getHistoryFilterOptions;
}
