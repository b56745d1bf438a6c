import { LightningElement, api } from 'lwc';

/**
 * The end of every bulk run in the assistant: the progress bar while chunks run, then the
 * results table with the failures in the error panel, and the panel's own actions (retry,
 * export) in the default slot. One look for enabling users and changing licenses.
 */
export default class RunResults extends LightningElement {
    /** Whether chunks are being sent. */
    @api running = false;
    /** 0 to 100. */
    @api progress = 0;
    @api progressLabel = '';
    @api resultsLabel = '';
    /** Messages of the rows that failed, shown in the error panel. */
    @api errors?: unknown;
    @api errorTitle = '';
    @api rows: unknown[] = [];
    @api columns: unknown[] = [];
    @api keyField = 'key';

    get hasRows(): boolean {
        return this.rows.length > 0;
    }
}
