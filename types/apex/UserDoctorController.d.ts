/**
 * Contract of `UserDoctorController` (force-app/main/readiness/classes). Checked against the
 * Apex source by scripts/__tests__/contract.test.ts. The site fixes are `ReadinessController`'s.
 */
declare module '@salesforce/apex/UserDoctorController.searchDoctorUsers' {
    const searchDoctorUsers: ApexMethod<{ searchTerm: string | null }, Apex.UserDoctorService.DoctorUserRow[]>;
    export default searchDoctorUsers;
}

declare module '@salesforce/apex/UserDoctorController.getDoctorFacts' {
    const getDoctorFacts: ApexMethod<{ userId: string }, Apex.UserDoctorService.DoctorFacts>;
    export default getDoctorFacts;
}

declare module '@salesforce/apex/UserDoctorController.getUserOfContact' {
    const getUserOfContact: ApexMethod<{ contactId: string }, string | null>;
    export default getUserOfContact;
}

declare module '@salesforce/apex/UserDoctorController.activateUser' {
    const activateUser: ApexMethod<{ userId: string }, Apex.ReadinessFixService.FixResult>;
    export default activateUser;
}

declare module '@salesforce/apex/UserDoctorController.enableContentUser' {
    const enableContentUser: ApexMethod<{ userId: string }, Apex.ReadinessFixService.FixResult>;
    export default enableContentUser;
}

declare module '@salesforce/apex/UserDoctorController.assignPermissionSetLicense' {
    const assignPermissionSetLicense: ApexMethod<{ userId: string; pslId: string }, Apex.ReadinessFixService.FixResult>;
    export default assignPermissionSetLicense;
}

declare module '@salesforce/apex/UserDoctorController.assignPermissionSet' {
    const assignPermissionSet: ApexMethod<
        { userId: string; permissionSetId: string },
        Apex.ReadinessFixService.FixResult
    >;
    export default assignPermissionSet;
}

declare module '@salesforce/apex/UserDoctorController.sendLoginEmail' {
    const sendLoginEmail: ApexMethod<{ userId: string }, Apex.ReadinessFixService.FixResult>;
    export default sendLoginEmail;
}

declare module '@salesforce/apex/UserDoctorController.sendLoginEmails' {
    const sendLoginEmails: ApexMethod<{ userIds: string[] }, Apex.UserDoctorFixService.LoginEmailResult[]>;
    export default sendLoginEmails;
}
