/**
 * DTOs of `JobService` (force-app/main/jobs/classes): a large run on the platform's queue (a
 * chain of Queueables), its counts and its rows. Ids and Datetimes arrive as strings.
 */
declare namespace Apex.JobService {
    /** One planned row the browser adds: the contact or user, the name shown, the request as JSON. */
    interface RowInput {
        rowKey: string;
        label?: string | null;
        /** JSON of an `Apex.UserEnablementService.EnableRequest` or an `Apex.LicenseChangeService.ChangeItem`. */
        request: string;
    }

    /** What `addJobRows` did: rows added, rows whose key the job already held, rows in the job now. */
    interface AddRowsResult {
        added: number;
        duplicates: number;
        requested: number;
    }

    /**
     * A job. Status: Draft, Queued, Running, Completed, Cancelled, Failed. Counts are recomputed from
     * the rows: created + alreadyEnabled + failed + skipped = processed, and = requested when done.
     */
    interface JobSummary {
        id: string;
        name: string;
        /** ENABLE_USERS or LICENSE_CHANGE. */
        kind: string;
        status: string;
        requested: number;
        processed: number;
        created: number;
        alreadyEnabled: number;
        failed: number;
        skipped: number;
        /** ENABLE, RECORD, SNAPSHOT, APPLY or RECONCILE: the step queued or running. */
        currentStep?: string | null;
        currentChunk?: number | null;
        chunkSize?: number | null;
        startedDate?: string | null;
        finishedDate?: string | null;
        createdDate?: string | null;
        startedById?: string | null;
        startedByName?: string | null;
        targetProfileId?: string | null;
        lastError?: string | null;
        ownedByMe: boolean;
        /**
         * Cancelled while a step was in flight, which still finishes and records its chunk, within
         * `JobService.STOPPING_WAIT_MINUTES` of the Cancel (judged on the server's clock): the UI
         * reads the job on, and a Resume is refused until it has stopped.
         */
        stopping?: boolean | null;
        /** The admin's time zone (`TimeZoneSidKey`), e.g. Europe/Paris: the panel shows the times in it, as the History. */
        timeZone?: string | null;
    }

    /** One row of a job. Status: Pending, Done, Existing, Failed, Skipped, Refused. */
    interface JobRow {
        id: string;
        sequence: number;
        rowKey: string;
        label?: string | null;
        status: string;
        resultUserId?: string | null;
        /** The username of the row's user; missing without a user, or for one the admin cannot see. */
        username?: string | null;
        /** The email of the row's user; missing as `username`. */
        email?: string | null;
        logId?: string | null;
        logName?: string | null;
        error?: string | null;
        chunk?: number | null;
    }

    /** A job and a page of its rows. */
    interface JobDetail {
        job: JobSummary;
        rows: JobRow[];
    }
}
