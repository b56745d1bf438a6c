/**
 * Contract of `UserSetupController` (force-app/main/user-setup/classes).
 */
declare module '@salesforce/apex/UserSetupController.searchContacts' {
    const searchContacts: ApexMethod<
        /** The page after the contact (`afterName`, `afterId`): keyset paging by `Name, Id`; none for the first page. */
        { searchTerm?: string | null; afterName?: string | null; afterId?: string | null },
        Apex.UserSetupService.ContactFact[]
    >;
    export default searchContacts;
}

declare module '@salesforce/apex/UserSetupController.getEnablementFacts' {
    const getEnablementFacts: ApexMethod<
        { contactIds: string[]; usernamePatterns: string[]; nicknamePatterns: string[] },
        Apex.UserSetupService.EnablementFacts
    >;
    export default getEnablementFacts;
}

declare module '@salesforce/apex/UserSetupController.findExistingCustomers' {
    const findExistingCustomers: ApexMethod<
        { customers: Apex.UserSetupService.NewCustomer[] },
        Apex.UserSetupService.CustomerMatches
    >;
    export default findExistingCustomers;
}

declare module '@salesforce/apex/UserSetupController.createAccountsAndContacts' {
    const createAccountsAndContacts: ApexMethod<
        { customers: Apex.UserSetupService.NewCustomer[] },
        Apex.UserSetupService.NewCustomerResult[]
    >;
    export default createAccountsAndContacts;
}

declare module '@salesforce/apex/UserSetupController.enableUsers' {
    const enableUsers: ApexMethod<
        { requests: Apex.UserEnablementService.EnableRequest[] },
        Apex.UserEnablementService.EnableResult[]
    >;
    export default enableUsers;
}
