import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/labelFormat';
import RUN_PROGRESS from '@salesforce/label/c.CCSA_Run_Progress';

/**
 * The end of every bulk run in the assistant: the progress bar while chunks run (the step and
 * "n of N"), then the summary line ("4 created · 2 failed") and the results table with the
 * failures in the error panel, and the panel's own actions (retry, export) in the default slot.
 * One look for enabling users and changing licenses.
 */
export default class RunResults extends LightningElement {
    /** Whether chunks are being sent. */
    @api running = false;
    /** 0 to 100; used when `total` is not given. */
    @api progress = 0;
    @api progressLabel = '';
    /** The step the run is in ("Creating users"), shown with "n of N". */
    @api step = '';
    /** Rows finished so far, and rows in the run. */
    @api done = 0;
    @api total = 0;
    /** One line counting each outcome of the run. */
    @api summary = '';
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

    /** "Creating users: 50 of 120", or the panel's label alone when no step is known. */
    get progressText(): string {
        if (this.total > 0) {
            return formatLabel(RUN_PROGRESS, this.step || this.progressLabel, this.done, this.total);
        }
        return this.progressLabel;
    }

    get percent(): number {
        return this.total > 0 ? Math.round((this.done / this.total) * 100) : this.progress;
    }
}
