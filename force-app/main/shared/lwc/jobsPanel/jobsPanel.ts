import { LightningElement, api } from 'lwc';
import getJobs from '@salesforce/apex/JobController.getJobs';
import cancelJob from '@salesforce/apex/JobController.cancelJob';
import resumeJob from '@salesforce/apex/JobController.resumeJob';
import TITLE from '@salesforce/label/c.CCSA_Jobs_Title';
import DESCRIPTION from '@salesforce/label/c.CCSA_Jobs_Description';
import EMPTY from '@salesforce/label/c.CCSA_Jobs_Empty';
import REFRESH from '@salesforce/label/c.CCSA_Jobs_Refresh';
import CANCEL from '@salesforce/label/c.CCSA_Jobs_Cancel';
import RESUME from '@salesforce/label/c.CCSA_Jobs_Resume';
import DOWNLOAD from '@salesforce/label/c.CCSA_Jobs_Download';
import STARTED_BY from '@salesforce/label/c.CCSA_Jobs_Started_By';
import NOT_OWNER from '@salesforce/label/c.CCSA_Jobs_Not_Owner';
import LOADING from '@salesforce/label/c.CCSA_Jobs_Loading';
import TIME_ZONE from '@salesforce/label/c.CCSA_Jobs_Time_Zone';
import { formatLabel } from 'c/labelFormat';
import { csvDataUrl } from 'c/csvExport';
import {
    canCancel,
    canResume,
    formatJobTime,
    isActive,
    isMoving,
    kindLabel,
    progressOf,
    progressText,
    sortJobs,
    statusLabel,
    stepText,
    summaryText,
} from 'c/jobState';
import { fetchWholeJob, jobCsv, jobCsvFileName } from 'c/jobRunner';
import { focusIfLost } from 'c/runState';

type JobSummary = Apex.JobService.JobSummary;

/** What one job shows: everything derived from the server's summary (one source of truth). */
interface JobView {
    id: string;
    title: string;
    status: string;
    active: boolean;
    percent: number;
    progress: string;
    step: string;
    summary: string;
    startedBy: string;
    lastError: string | null;
    showCancel: boolean;
    showResume: boolean;
    notOwner: boolean;
    busy: boolean;
    csvHref: string | null;
    csvName: string;
}

/** How often the panel asks again while a job is queued or running. */
const DEFAULT_POLL_MS = 3000;

/**
 * A job's status, step and counts when its CSV was read: a CSV is kept across a refresh only for a
 * job that is not moving and reads the same (a running job's rows change within a chunk while its
 * counts do not).
 */
function csvKey(job: JobSummary): string {
    return [
        job.status,
        job.currentStep,
        job.currentChunk,
        job.processed,
        job.requested,
        job.created,
        job.alreadyEnabled,
        job.failed,
        job.skipped,
        job.finishedDate,
    ].join('|');
}

/**
 * "Jobs on the platform": running and recent jobs (runs of more than 200 rows, executed as a chain
 * of Queueables), each with its "n of N" progress bar, the chunk and step it is in, the summary of
 * its outcomes, Cancel (between chunks) and Resume (a failed or cancelled job: only the rows not
 * reached run) for the admin who started it, and the CSV of the whole job. The rules live in
 * `c/jobState`; reading a whole job and its CSV in `c/jobRunner`. Embeddable anywhere: it takes
 * no input, polls while a job is active or stopping (`isMoving`), and `refresh()` reloads it at once (after a panel started
 * a job with `c/jobRunner.startJobFromRows`).
 */
export default class JobsPanel extends LightningElement {
    labels = {
        title: TITLE,
        description: DESCRIPTION,
        empty: EMPTY,
        refresh: REFRESH,
        cancel: CANCEL,
        resume: RESUME,
        download: DOWNLOAD,
        notOwner: NOT_OWNER,
        loading: LOADING,
    };

    /**
     * Only the jobs of this kind (ENABLE_USERS or LICENSE_CHANGE), for a panel shown under the
     * flow that starts them; every job when empty.
     */
    @api kind?: string;

    /** Milliseconds between refreshes while a job is active; 0 turns polling off. */
    @api pollInterval = DEFAULT_POLL_MS;

    jobs: JobSummary[] = [];
    loaded = false;
    loading = false;
    error: unknown = null;
    busyIds: string[] = [];
    csv: Record<string, string> = {};
    /** What each CSV was read from (`csvKey`): the job's status and counts then. */
    private csvOf: Record<string, string> = {};

    /** The job whose CSV link has the focus, if any. */
    private focusedCsvJob(): string | null {
        let active: Element | null = document.activeElement;
        while (active?.shadowRoot?.activeElement) {
            active = active.shadowRoot.activeElement;
        }
        if (!active || !this.template?.contains(active) || !active.matches('a.csv')) {
            return null;
        }
        return (active.closest('li.job') as HTMLElement | null)?.dataset.id ?? null;
    }
    private timer: ReturnType<typeof setTimeout> | null = null;
    private connected = false;

    override connectedCallback(): void {
        this.connected = true;
        this.load();
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.stopPolling();
    }

    /** Reloads the jobs now (for example right after a job was started). */
    @api
    async refresh(): Promise<void> {
        await this.load();
    }

    /** The jobs shown: all, or those of `kind`. */
    get shownJobs(): JobSummary[] {
        const jobs = this.jobs ?? [];
        return this.kind ? jobs.filter((job) => job.kind === this.kind) : jobs;
    }

    get hasJobs(): boolean {
        return this.shownJobs.length > 0;
    }

    /**
     * "Times in Europe/Paris": the admin's Salesforce time zone, in which the jobs' times are shown
     * (as the History says of its own); empty before the jobs are read.
     */
    get timeZoneText(): string {
        const timeZone = this.shownJobs.find((job) => job.timeZone)?.timeZone;
        return timeZone ? formatLabel(TIME_ZONE, timeZone) : '';
    }

    get isEmpty(): boolean {
        return this.loaded && !this.error && this.shownJobs.length === 0;
    }

    get views(): JobView[] {
        return sortJobs(this.shownJobs).map((job) => {
            const busy = this.busyIds.includes(job.id);
            const owned = job.ownedByMe !== false;
            return {
                id: job.id,
                title: `${kindLabel(job.kind)} · ${job.name}`,
                status: statusLabel(job.status),
                active: isActive(job.status),
                percent: progressOf(job).percent,
                progress: progressText(job),
                step: stepText(job),
                summary: summaryText(job, job.kind),
                startedBy: formatLabel(
                    STARTED_BY,
                    job.startedByName ?? '',
                    formatJobTime(job.startedDate ?? job.createdDate, job.timeZone),
                ),
                // Failed, or Cancelled when the step in flight then died (`JobChain` Finalizer).
                lastError: job.status === 'Failed' || job.status === 'Cancelled' ? (job.lastError ?? null) : null,
                showCancel: canCancel(job),
                showResume: canResume(job),
                notOwner: !owned && (isActive(job.status) || job.status === 'Failed' || job.status === 'Cancelled'),
                busy,
                csvHref: this.csv[job.id] ?? null,
                csvName: jobCsvFileName(job),
            };
        });
    }

    async handleRefresh(): Promise<void> {
        await this.load();
    }

    /** Cancel: the focus, lost with the button, goes to the job's Resume once offered, else its title. */
    async handleCancel(event: Event): Promise<void> {
        await this.act(event, (jobId) => cancelJob({ jobId }), ['lightning-button.resume', '.job-title']);
    }

    /**
     * Resumes a job, then says so (`jobresumed`, with the job's id and kind): the panel whose run
     * started the job reads it again and shows its rows' outcome when it ends.
     */
    async handleResume(event: Event): Promise<void> {
        // The focus goes to the job's title, never its Cancel: a second Enter would cancel the job
        // just resumed.
        const resumed = await this.act(event, (jobId) => resumeJob({ jobId }), ['.job-title']);
        if (resumed) {
            this.dispatchEvent(new CustomEvent('jobresumed', { detail: { jobId: resumed.id, kind: resumed.kind } }));
        }
    }

    /**
     * Reads every row of the job and downloads its CSV (byte-order mark, formulas neutralised): the
     * link that replaces the button is clicked once, and takes the focus (admin walk: the first
     * click only turned the button into a second link to click). The link stays, to download again.
     */
    async handleDownload(event: Event): Promise<void> {
        const jobId = (event.currentTarget as HTMLElement).dataset.id as string;
        this.busyIds = [...this.busyIds, jobId];
        let ready = false;
        // The job as it was when the reading started: a refresh meanwhile may find it changed.
        const before = this.jobs.find((candidate) => candidate.id === jobId);
        try {
            const { rows } = await fetchWholeJob(jobId);
            this.csv = { ...this.csv, [jobId]: csvDataUrl(jobCsv(rows)) };
            this.csvOf = { ...this.csvOf, [jobId]: before ? csvKey(before) : '' };
            this.error = null;
            ready = true;
        } catch (error) {
            this.error = error;
        } finally {
            this.busyIds = this.busyIds.filter((id) => id !== jobId);
        }
        if (ready) {
            // After the render these changes queued: the link is there then.
            await Promise.resolve();
            const link = this.template?.querySelector(`li.job[data-id="${jobId}"] a.csv`) as HTMLAnchorElement | null;
            if (link) {
                link.focus();
                link.click();
            }
        }
    }

    /**
     * Calls `call` for the job of the clicked button; the job as it is after, or null when it failed.
     * The button is disabled while the call runs (and gone after it), so the focus, lost, lands on
     * the first of `landing` found in the job's item (WCAG 2.4.3), else on Refresh.
     */
    private async act(
        event: Event,
        call: (jobId: string) => Promise<JobSummary>,
        landing: readonly string[],
    ): Promise<JobSummary | null> {
        const jobId = (event.currentTarget as HTMLElement).dataset.id as string;
        this.busyIds = [...this.busyIds, jobId];
        try {
            const updated = await call(jobId);
            this.jobs = this.jobs.map((job) => (job.id === updated.id ? updated : job));
            // Cancelled or resumed: its CSV was read before and goes.
            if (this.csv[updated.id] && this.csvOf[updated.id] !== csvKey(updated)) {
                this.csv = Object.fromEntries(Object.entries(this.csv).filter(([id]) => id !== updated.id));
            }
            this.error = null;
            this.schedule();
            return updated;
        } catch (error) {
            this.error = error;
            return null;
        } finally {
            this.busyIds = this.busyIds.filter((id) => id !== jobId);
            this.landFocus(jobId, landing);
        }
    }

    /** After the render the call's changes caused (queued before this microtask). */
    private landFocus(jobId: string, landing: readonly string[]): void {
        Promise.resolve().then(() => {
            const item = `li.job[data-id="${jobId}"]`;
            focusIfLost(this.template, [
                ...landing.map((selector) => `${item} ${selector}`),
                'lightning-button.refresh',
            ]);
        });
    }

    private async load(): Promise<void> {
        this.loading = true;
        try {
            const jobs = (await getJobs()) ?? [];
            this.jobs = jobs;
            this.error = null;
            // A job whose counts changed has a stale CSV; the others keep theirs (and the focus on
            // their link). A link that goes hands the focus to its job's Download button.
            const focused = this.focusedCsvJob();
            const kept: Record<string, string> = {};
            const keptOf: Record<string, string> = {};
            for (const job of jobs) {
                if (this.csv[job.id] && !isMoving(job) && this.csvOf[job.id] === csvKey(job)) {
                    kept[job.id] = this.csv[job.id];
                    keptOf[job.id] = this.csvOf[job.id];
                }
            }
            this.csv = kept;
            this.csvOf = keptOf;
            if (focused && !kept[focused]) {
                this.landFocus(focused, ['lightning-button.prepare-csv']);
            }
        } catch (error) {
            this.error = error;
        } finally {
            this.loading = false;
            this.loaded = true;
            this.schedule();
        }
    }

    private schedule(): void {
        this.stopPolling();
        if (!this.connected || !this.pollInterval || !this.shownJobs.some((job) => isMoving(job))) {
            return;
        }
        // Polling a running job: the platform's chain does not call the browser back.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setTimeout(() => {
            this.timer = null;
            this.load();
        }, this.pollInterval);
    }

    private stopPolling(): void {
        if (this.timer) {
            clearTimeout(this.timer);
            this.timer = null;
        }
    }
}
