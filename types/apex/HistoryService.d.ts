/**
 * DTOs of `HistoryService` (force-app/main/history/classes): the History's filter, a page of log
 * records and the filter choices.
 */
declare namespace Apex.HistoryService {
    /** Every criterion is optional; dates are `YYYY-MM-DD` in the admin's time zone. */
    interface HistoryFilter {
        /** A user or contact: the rows about it (target user or `Subject_Id__c`), and about its contact or user. */
        targetUserId?: string | null;
        /** Part of the name or username of who a row is about (target user, or `Subject_Name__c`/`Subject_Username__c`). */
        userSearch?: string | null;
        action?: string | null;
        /** The outcome (`Status__c`), e.g. Failed. */
        status?: string | null;
        fromDate?: string | null;
        toDate?: string | null;
        /** At most 200. */
        pageSize?: number | null;
        /** At most 2,000 (SOQL OFFSET). */
        offset?: number | null;
    }

    interface HistoryPage {
        /** Newest first. */
        rows: HistoryRow[];
        /** Records that match the filter. */
        total: number;
        offset: number;
        pageSize: number;
        /** A next page exists and is within the offset limit. */
        hasMore: boolean;
        maxOffset: number;
        /** The log object's API name in the org, e.g. ccsa__Setup_Assistant_Log__c. */
        objectApiName: string;
        /**
         * Names of the users, contacts, profiles, permission sets, accounts and sites the page's
         * rows mention, by id; `license:<profile id>` is the profile's user license. Records the
         * admin cannot read are missing.
         */
        names?: Record<string, string> | null;
        /** The admin's time zone (`TimeZoneSidKey`), e.g. Europe/Paris: the History shows times in it. */
        timeZone?: string | null;
    }

    /** One `Setup_Assistant_Log__c` record. */
    interface HistoryRow {
        id: string;
        /** LOG-0000001 */
        name: string;
        action?: string | null;
        status?: string | null;
        targetUserId?: string | null;
        targetUserName?: string | null;
        /** CreatedBy.Name: the admin who made the change. */
        actingUserName?: string | null;
        /** ISO 8601. */
        createdDate?: string | null;
        /** JSON or text, as the action wrote it. */
        before?: string | null;
        after?: string | null;
        snapshot?: string | null;
        removed?: string | null;
        restored?: string | null;
        /** Errors, one per line. */
        error?: string | null;
    }

    /** A user of the History's user picker: a log names them as its target. */
    interface HistoryUserRow {
        id: string;
        name: string;
        username?: string | null;
        profileName?: string | null;
    }

    interface HistoryFilterOptions {
        actions: string[];
        statuses: string[];
    }
}
