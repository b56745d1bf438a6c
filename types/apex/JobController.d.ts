/**
 * Contract of `JobController` (force-app/main/jobs/classes).
 */
declare module '@salesforce/apex/JobController.createJob' {
    const createJob: ApexMethod<{ kind: string; targetProfileId?: string | null }, Apex.JobService.JobSummary>;
    export default createJob;
}

declare module '@salesforce/apex/JobController.addJobRows' {
    const addJobRows: ApexMethod<{ jobId: string; rows: Apex.JobService.RowInput[] }, Apex.JobService.AddRowsResult>;
    export default addJobRows;
}

declare module '@salesforce/apex/JobController.startJob' {
    const startJob: ApexMethod<{ jobId: string }, Apex.JobService.JobSummary>;
    export default startJob;
}

declare module '@salesforce/apex/JobController.getJobs' {
    const getJobs: ApexMethod<void, Apex.JobService.JobSummary[]>;
    export default getJobs;
}

declare module '@salesforce/apex/JobController.getJob' {
    const getJob: ApexMethod<
        { jobId: string; afterSequence?: number | null; pageSize?: number | null },
        Apex.JobService.JobDetail
    >;
    export default getJob;
}

declare module '@salesforce/apex/JobController.cancelJob' {
    const cancelJob: ApexMethod<{ jobId: string }, Apex.JobService.JobSummary>;
    export default cancelJob;
}

declare module '@salesforce/apex/JobController.resumeJob' {
    const resumeJob: ApexMethod<{ jobId: string }, Apex.JobService.JobSummary>;
    export default resumeJob;
}
