import { LightningElement, api } from 'lwc';
import RUN_LOCKED_TEXT from '@salesforce/label/c.CCSA_Upgrade_Run_Locked';
import getUpgradeTargets from '@salesforce/apex/LicenseUpgradeController.getUpgradeTargets';
import searchUpgradeCandidates from '@salesforce/apex/LicenseUpgradeController.searchUpgradeCandidates';
import getUpgradeFacts from '@salesforce/apex/LicenseUpgradeController.getUpgradeFacts';
import { SelectionModel } from 'c/selectionModel';
import { fetchInChunks, mergeUpgradeFacts } from 'c/chunkedFacts';
import type { FetchProgress } from 'c/chunkedFacts';
import snapshotLicenseChanges from '@salesforce/apex/LicenseUpgradeController.snapshotLicenseChanges';
import applyLicenseChanges from '@salesforce/apex/LicenseUpgradeController.applyLicenseChanges';
import reconcileLicenseChanges from '@salesforce/apex/LicenseUpgradeController.reconcileLicenseChanges';
import enablePartnerAccounts from '@salesforce/apex/LicenseUpgradeController.enablePartnerAccounts';
import cancelLicenseChange from '@salesforce/apex/LicenseUpgradeController.cancelLicenseChange';
import { KNOWN_LICENSES, TARGET_LICENSES } from 'c/licenseConversion';
import { validateUpgrade } from 'c/upgradeValidator';
import type { Item, UpgradeChoices, ValidationResult } from 'c/upgradeValidator';
import {
    buildChangeRequest,
    cancellableLogIds,
    changeItem,
    isReady,
    isSeatShort,
    manualSteps,
    mergeResults,
    pendingLogIds,
    RUN_OUTCOME_ORDER,
    runOutcomes,
} from 'c/upgradePlan';
import {
    cancelledText,
    fitLabel,
    fitMoreText,
    itemMessage,
    pathLabel,
    planPageText,
    readyCountText,
    seatsLeftText,
    statusLabel,
    stepMessage,
    summaryText,
} from 'c/upgradeMessages';
import { CHUNK_SIZE as RUN_CHUNK_SIZE, runInChunks } from 'c/bulkRunner';
import { Memo, PAGE_SIZE, STATUS_ICONS, countOutcomes, plainText, viewRows } from 'c/planRows';
import type { RowStatus, SortDirection } from 'c/planRows';
import PLAN_STATUS_READY from '@salesforce/label/c.CCSA_Plan_Status_ready';
import PLAN_STATUS_PROBLEM from '@salesforce/label/c.CCSA_Plan_Status_problem';
import PLAN_STATUS_DONE from '@salesforce/label/c.CCSA_Plan_Status_done';
import PLAN_STATUS_FAILED from '@salesforce/label/c.CCSA_Plan_Status_failed';
import PLAN_STATUS_NOT_RUN from '@salesforce/label/c.CCSA_Plan_Status_notRun';
import PLAN_STATUS_UNFINISHED from '@salesforce/label/c.CCSA_Plan_Status_unfinished';
import UNFINISHED_IN_JOB from '@salesforce/label/c.CCSA_Plan_Status_Unfinished_In_Job';
import PLAN_STATUS_WARNING from '@salesforce/label/c.CCSA_Plan_Status_warning';
import PLAN_STATUS_CHECKING from '@salesforce/label/c.CCSA_Plan_Status_checking';
import PLAN_PROBLEMS_ONLY from '@salesforce/label/c.CCSA_Plan_Problems_Only';
import STEP_SNAPSHOT from '@salesforce/label/c.CCSA_Upgrade_Step_Snapshot';
import STEP_APPLY from '@salesforce/label/c.CCSA_Upgrade_Step_Apply';
import STEP_RECONCILE from '@salesforce/label/c.CCSA_Upgrade_Step_Reconcile';
import STEP_RETRY from '@salesforce/label/c.CCSA_Upgrade_Step_Retry';
import { reduceErrors } from 'c/errorUtils';
import { changeResultOf, changeRow, startJobFromRows, waitForJob } from 'c/jobRunner';
import { JOB_THRESHOLD, isStopping, pendingOf, summaryText as jobSummaryText } from 'c/jobState';
import {
    focusIfLost,
    jobStartedEvent,
    revealStart,
    runCompletedEvent,
    startedRun,
    stoppedRun,
    unloadGuard,
} from 'c/runState';
import STATUS_QUEUED from '@salesforce/label/c.CCSA_Upgrade_Status_Queued';
import STEP_JOB from '@salesforce/label/c.CCSA_Upgrade_Step_Job';
import JOB_STARTED from '@salesforce/label/c.CCSA_Upgrade_Job_Started';
import JOB_STOPPED from '@salesforce/label/c.CCSA_Upgrade_Job_Stopped';
import { formatLabel, pluralLabel } from 'c/labelFormat';
import JOB_STOPPING_NOTICE from '@salesforce/label/c.CCSA_Job_Stopping_Notice';
import { followSelection, idKey, idKeys, selectionSince } from 'c/selectionSince';
import type { SelectionSince } from 'c/selectionSince';
import type { VerdictLine, VerdictRow } from 'c/upgradeVerdict';
import TITLE from '@salesforce/label/c.CCSA_Upgrade_Title';
import INTRO from '@salesforce/label/c.CCSA_Upgrade_Intro';
import LICENSE_FILTER from '@salesforce/label/c.CCSA_Upgrade_License_Filter';
import ANY_LICENSE from '@salesforce/label/c.CCSA_Upgrade_Any_License';
import SEARCH from '@salesforce/label/c.CCSA_Upgrade_Search';
import SEARCH_PLACEHOLDER from '@salesforce/label/c.CCSA_Upgrade_Search_Placeholder';
import SEARCH_BUTTON from '@salesforce/label/c.CCSA_Upgrade_Search_Button';
import NO_USERS from '@salesforce/label/c.CCSA_Upgrade_No_Users';
import TARGET from '@salesforce/label/c.CCSA_Upgrade_Target';
import TARGET_LICENSE from '@salesforce/label/c.CCSA_Upgrade_Target_License';
import TARGET_OPTION from '@salesforce/label/c.CCSA_Upgrade_Target_Option';
import TARGET_PLACEHOLDER from '@salesforce/label/c.CCSA_Upgrade_Target_Placeholder';
import VALIDATING from '@salesforce/label/c.CCSA_Upgrade_Validating';
import VALIDATE from '@salesforce/label/c.CCSA_Upgrade_Validate';
import VERDICTS from '@salesforce/label/c.CCSA_Upgrade_Verdicts';
import RUN from '@salesforce/label/c.CCSA_Upgrade_Run';
import RETRY from '@salesforce/label/c.CCSA_Upgrade_Retry';
import RESULTS from '@salesforce/label/c.CCSA_Upgrade_Results';
import PROGRESS from '@salesforce/label/c.CCSA_Upgrade_Progress';
import ACKNOWLEDGE_ALL from '@salesforce/label/c.CCSA_Upgrade_Acknowledge_All';
import COLUMN_USER from '@salesforce/label/c.CCSA_Upgrade_Column_User';
import COLUMN_USERNAME from '@salesforce/label/c.CCSA_Upgrade_Column_Username';
import COLUMN_LICENSE from '@salesforce/label/c.CCSA_Upgrade_Column_License';
import COLUMN_PROFILE from '@salesforce/label/c.CCSA_Upgrade_Column_Profile';
import COLUMN_ACCOUNT from '@salesforce/label/c.CCSA_Upgrade_Column_Account';
import COLUMN_STATUS from '@salesforce/label/c.CCSA_Upgrade_Column_Status';
import COLUMN_ERRORS from '@salesforce/label/c.CCSA_Upgrade_Column_Errors';
import LOAD_ERROR from '@salesforce/label/c.CCSA_Upgrade_Load_Error';
import RUN_ERROR from '@salesforce/label/c.CCSA_Upgrade_Run_Error';
import PARTNER_ENABLED from '@salesforce/label/c.CCSA_Upgrade_Partner_Enabled';
import CANCEL from '@salesforce/label/c.CCSA_Upgrade_Cancel';
import CONTRACTS_OPTION from '@salesforce/label/c.CCSA_Upgrade_Contracts_Option';
import ROLE_DEFAULT from '@salesforce/label/c.CCSA_Upgrade_Role_Default';
import SORT_BY from '@salesforce/label/c.CCSA_Upgrade_Sort_By';
import SORT_PLAN_ORDER from '@salesforce/label/c.CCSA_Upgrade_Sort_Plan_Order';
import SORT_STATUS from '@salesforce/label/c.CCSA_Upgrade_Sort_Status';
import SORT_NAME from '@salesforce/label/c.CCSA_Upgrade_Sort_Name';
import SORT_LICENSE from '@salesforce/label/c.CCSA_Upgrade_Sort_License';
import SORT_ASCENDING from '@salesforce/label/c.CCSA_Upgrade_Sort_Ascending';
import SORT_DESCENDING from '@salesforce/label/c.CCSA_Upgrade_Sort_Descending';
import FIT_NAMES from '@salesforce/label/c.CCSA_Upgrade_Fit_Names';
import FIT_GO from '@salesforce/label/c.CCSA_Upgrade_Fit_Go';
import FIT_SHOW from '@salesforce/label/c.CCSA_Upgrade_Fit_Show';
import FIT_SHOW_ALL from '@salesforce/label/c.CCSA_Upgrade_Fit_Show_All';
import FIT_UNACKNOWLEDGED from '@salesforce/label/c.CCSA_Upgrade_Fit_Unacknowledged';
import STATUS_FITS from '@salesforce/label/c.CCSA_Upgrade_Status_Fits';
import STATUS_SEAT_SHORT from '@salesforce/label/c.CCSA_Upgrade_Status_Seat_Short';
import NOT_VALIDATED from '@salesforce/label/c.CCSA_Upgrade_Selection_Not_Validated';
import NOT_VALIDATED_ONE from '@salesforce/label/c.CCSA_Upgrade_Selection_Not_Validated_One';
import ORG_CHANGED from '@salesforce/label/c.CCSA_Upgrade_Org_Changed';
import EXPLAIN_LICENSE_LIMIT from '@salesforce/label/c.CCSA_History_Explain_LICENSE_LIMIT';
import EXPLAIN_LICENSE_LIMIT_UNKNOWN from '@salesforce/label/c.CCSA_History_Explain_LICENSE_LIMIT_UNKNOWN';

type TargetOption = Apex.LicenseUpgradeService.TargetOption;
type UserOption = Apex.LicenseUpgradeService.UserOption;
type UpgradeFacts = Apex.LicenseUpgradeService.UpgradeFacts;
type UserFact = UpgradeFacts['users'][number];
type ChangeItem = Apex.LicenseChangeService.ChangeItem;
type ChangeResult = Apex.LicenseChangeService.ChangeResult;

interface ComboboxOption {
    label: string;
    value: string;
}

interface ResultRow {
    userId: string;
    name: string;
    userUrl: string;
    status: string;
    errors: string;
}

const userUrl = (userId: string): string => `/lightning/r/User/${userId}/view`;

const VERDICT_STATUS_LABELS: Readonly<Record<RowStatus, string>> = {
    ready: PLAN_STATUS_READY,
    warning: PLAN_STATUS_WARNING,
    problem: PLAN_STATUS_PROBLEM,
    checking: PLAN_STATUS_CHECKING,
    done: PLAN_STATUS_DONE,
    failed: PLAN_STATUS_FAILED,
    notRun: PLAN_STATUS_NOT_RUN,
    unfinished: PLAN_STATUS_UNFINISHED,
    queued: STATUS_QUEUED,
};

/** Above this many users a change runs as a job on the platform's queue (issue 10 §3). */
export const BROWSER_RUN_LIMIT = JOB_THRESHOLD;

/** How often the panel reads the job it started, until the job ends. */
const JOB_POLL_MS = 3000;

/**
 * What the verdicts can be sorted by ('' keeps the plan's order): fields every verdict view
 * carries as plain properties (`viewRows` reads them; 'status' puts what needs the admin first).
 * The target license is the same for every verdict of a validation, so it sorts nothing.
 */
export type VerdictSort = '' | 'status' | 'name' | 'licenseName';

const VERDICT_SORT_OPTIONS: ReadonlyArray<{ label: string; value: VerdictSort }> = [
    { label: SORT_PLAN_ORDER, value: '' },
    { label: SORT_STATUS, value: 'status' },
    { label: SORT_NAME, value: 'name' },
    { label: SORT_LICENSE, value: 'licenseName' },
];

/** A verdict as the list shows it: the row, with its status and icon. */
type VerdictView = VerdictRow & { key: string; status: RowStatus; statusText: string; statusIcon: string };

/** How many users that fit the line under the buttons names; the others are counted ("and 3 more"). */
export const FIT_NAMED = 3;

/** A user that fits, named under the buttons: a link to the verdict. */
interface FitName {
    userId: string;
    name: string;
    title: string;
    /** What goes before the name: a space before the first, ", " before the others. */
    separator: string;
}

function lines(prefix: string, items: readonly Item[]): VerdictLine[] {
    return items.map((item, index) => ({ key: `${prefix}-${index}`, text: itemMessage(item) }));
}

/**
 * "License upgrades" in the Setup Assistant: choose external users and a target profile, see
 * each user's seed 003 verdict, acknowledge irreversible changes, run the change in chunks of
 * 200 (snapshot, apply, reconcile), and retry what did not finish. The rules live in
 * `c/upgradeValidator` and `c/upgradePlan`; this component only orchestrates.
 */
/**
 * A run's error lines with the fix of the platform codes they carry: LICENSE_LIMIT_EXCEEDED gets
 * the same words as History's explanation. It names the target's license only while the profile
 * change itself failed: once the profile changed, the refusal is another license's (the Content
 * user's feature license, a permission set license: `LicenseChangeService.apply` updates them
 * apart), and the words name none.
 * @param errors the error lines, as text
 * @param licenseName the target's license, when known
 * @param profileChanged whether the user is on the target profile
 * @returns the lines, with the fixes after them
 */
export function withFixes(
    errors: readonly string[],
    licenseName: string | null | undefined,
    profileChanged = false,
): string[] {
    const seats = errors.some((line) => /\bLICENSE_LIMIT_EXCEEDED\b/.test(line));
    if (!seats) {
        return [...errors];
    }
    return [
        ...errors,
        licenseName && !profileChanged
            ? formatLabel(EXPLAIN_LICENSE_LIMIT, licenseName)
            : EXPLAIN_LICENSE_LIMIT_UNKNOWN,
    ];
}

/**
 * Users handed over by id (the doctor's "Upgrade the license", `c__userIds`) get their names in
 * the selection's list from the facts of a Validate, matched on their first 15 characters (a link
 * may carry 15); users picked in a search keep the row they were picked with.
 * @param selection the selection
 * @param users the users the facts describe
 * @returns the selection, described
 */
export function describeHandedOver(
    selection: SelectionModel<UserOption>,
    users: ReadonlyArray<Apex.LicenseUpgradeService.UserFact>,
): SelectionModel<UserOption> {
    const byKey = new Map(users.map((user) => [idKey(user.id), user]));
    return selection.describe(
        selection.ids.flatMap((id) => {
            const user = selection.recordOf(id) ? undefined : byKey.get(idKey(id));
            return user
                ? [
                      {
                          id,
                          name: user.name,
                          username: '',
                          isActive: user.isActive,
                          profileName: user.profileName,
                          licenseName: user.licenseName,
                          accountName: user.accountName ?? null,
                      },
                  ]
                : [];
        }),
    );
}

export default class LicenseUpgrade extends LightningElement {
    labels = {
        runLocked: RUN_LOCKED_TEXT,
        orgChanged: ORG_CHANGED,
        title: TITLE,
        intro: INTRO,
        licenseFilter: LICENSE_FILTER,
        search: SEARCH,
        searchPlaceholder: SEARCH_PLACEHOLDER,
        searchButton: SEARCH_BUTTON,
        noUsers: NO_USERS,
        target: TARGET,
        targetLicense: TARGET_LICENSE,
        targetPlaceholder: TARGET_PLACEHOLDER,
        validate: VALIDATE,
        verdicts: VERDICTS,
        run: RUN,
        retry: RETRY,
        cancel: CANCEL,
        results: RESULTS,
        progress: PROGRESS,
        acknowledgeAll: ACKNOWLEDGE_ALL,
        loadError: LOAD_ERROR,
        runError: RUN_ERROR,
        problemsOnly: PLAN_PROBLEMS_ONLY,
        contractsOption: CONTRACTS_OPTION,
        sortBy: SORT_BY,
        fitNames: FIT_NAMES,
        fitUnacknowledged: FIT_UNACKNOWLEDGED,
    };

    verdictSortOptions = VERDICT_SORT_OPTIONS.map((option) => ({ ...option }));

    licenseOptions: ComboboxOption[] = [
        { label: ANY_LICENSE, value: '' },
        ...KNOWN_LICENSES.map((name) => ({ label: name, value: name })),
    ];

    candidateColumns = [
        { label: COLUMN_USER, fieldName: 'name' },
        { label: COLUMN_USERNAME, fieldName: 'username' },
        { label: COLUMN_LICENSE, fieldName: 'licenseName' },
        { label: COLUMN_PROFILE, fieldName: 'profileName' },
        { label: COLUMN_ACCOUNT, fieldName: 'accountName' },
    ];

    resultColumns = [
        { label: COLUMN_USER, fieldName: 'userUrl', type: 'url', typeAttributes: { label: { fieldName: 'name' } } },
        { label: COLUMN_STATUS, fieldName: 'status' },
        { label: COLUMN_ERRORS, fieldName: 'errors', wrapText: true },
    ];

    targets: TargetOption[] = [];
    /** The latest `loadTargets` call: an earlier one that answers later does not land. */
    private targetsRequest = 0;
    licenseFilter = '';
    /** The users selected in the picker, across searches (the one source of the selection). */
    selection: SelectionModel<UserOption> = SelectionModel.empty<UserOption>();
    /** While Validate reads the facts 200 at a time: how far it got. */
    validateProgress?: FetchProgress;
    /** Handed-over users wait for the picker to render, then are listed. */
    private listOnRender = false;

    /** The selected user ids, in selection order: what Validate reads the facts of. */
    get selectedIds(): string[] {
        return this.selection.ids;
    }
    set selectedIds(ids: string[]) {
        const wanted = new Set(ids);
        const dropped = this.selection.ids.filter((id) => !wanted.has(id));
        this.selection = this.selection.remove(dropped).addIds(ids).selection;
    }

    /**
     * The picker's search (`LicenseUpgradeController.searchUpgradeCandidates`, by the license filter
     * and the term): a page of at most 200 users by name, after the last user of the page before
     * (keyset paging: its name and id).
     */
    searchUserRows = (term: string, after?: UserOption): Promise<UserOption[]> =>
        searchUpgradeCandidates({
            licenseName: this.licenseFilter || null,
            searchTerm: term || null,
            afterName: after?.name ?? null,
            afterId: after?.id ?? null,
        });
    targetLicense = '';
    targetProfileId = '';
    facts?: UpgradeFacts;
    /** The ids the last Validate read (first 15 characters), found or not: the verdicts follow the selection from them. */
    validatedKeys: ReadonlySet<string> = new Set();
    private sinceMemo = new Memo<SelectionSince>();
    /**
     * The verdicts of the users Validate read and the picker still selects (`revalidate`). A user
     * taken out of the selection leaves them, and comes back as it was when selected again.
     */
    validation?: ValidationResult;
    /**
     * Users whose irreversible change the admin acknowledged, also those taken out of the selection
     * since: selected again before the next Validate, a user's acknowledgement comes back with it.
     * Only the verdicts shown count (the ready count, the request).
     */
    acknowledged: Set<string> = new Set();
    /** Role chosen per user, where the seed lets the admin specify one; none means Salesforce's lowest. */
    roleChoices: Map<string, string> = new Map();
    /** Finish the Contracts setup in the same run (Customer Community Plus targets; on by default). */
    completeContractsSetup = true;
    results: ChangeResult[] = [];
    /** The target of the run the results belong to: Apex continues a log only for its own target. */
    runTargetProfileId = '';
    progress = 0;
    /** The step of the run (snapshot, apply, reconcile) and "n of N". */
    step = '';
    stepDone = 0;
    stepTotal = 0;
    /** A run happened since the last Validate: the old verdicts cannot run again. */
    ranSinceValidate = false;
    /**
     * A run elsewhere in the assistant (Enable users, or a job) created or changed users since the
     * last Validate (`orgChanged`, from the shell): the seats and facts validated may be gone, so Run
     * and "Change … that fit" wait for the next Validate, and the bar says why (admin walk: a run
     * in Enable users took the seat this plan still counted, and the change failed).
     */
    orgChangedSinceValidate = false;
    problemsOnly = false;
    /** Only the verdicts "Change … that fit" would run are listed ("Show only them"). */
    fitOnly = false;
    /** The verdict to bring into view and focus once rendered (a fit user's name was chosen). */
    private focusVerdictId = '';
    /** How the verdicts are listed: kept across runs and validations, as the admin chose it. */
    verdictSortBy: VerdictSort = '';
    verdictSortDirection: SortDirection = 'asc';
    page = 0;
    busy = false;
    running = false;
    loadError?: unknown;
    runErrors?: unknown;
    notice = '';
    /** The job the last change of more than 200 users started, while it runs (its verdicts are queued). */
    job?: { id: string; name: string; userIds: Set<string> };
    /** That job when it stopped before every user was changed: Resume (jobs panel) hands it back here. */
    stoppedJob?: { id: string; name: string; userIds: Set<string> };
    /** That job, resumed from the jobs panel while a run of this panel was busy: followed after it. */
    private resumeAfterRun?: string;
    /** Milliseconds between two reads of that job (tests shorten it). */
    @api jobPollInterval = JOB_POLL_MS;

    /** Counts the validations: a job's end lands only in the verdicts it ran from. */
    validations = 0;
    /** What the panel says about the job it started. */
    jobNotice = '';
    private connected = false;

    /**
     * Users handed over (the user doctor's "Upgrade the license", or `c__userIds`): listed and
     * selected, so that the admin only chooses the target.
     */
    @api
    get userIds(): string[] {
        return this.handedOverIds;
    }
    set userIds(ids: string[] | undefined) {
        this.handedOverIds = [...(ids ?? [])];
        if (this.wasConnected && this.handedOverIds.length > 0) {
            this.receiveHandedOver();
        }
    }
    private handedOverIds: string[] = [];
    private wasConnected = false;

    override connectedCallback(): void {
        this.wasConnected = true;
        this.connected = true;
        this.loadTargets();
        if (this.handedOverIds.length > 0) {
            this.receiveHandedOver();
        }
    }

    override disconnectedCallback(): void {
        // A browser run goes on while the page lives: its guard stays until `endRun` (review).
        // A job keeps running on the platform; this panel stops reading it (the jobs panel shows it).
        this.connected = false;
    }

    /** Selects the handed-over users, and lists the external users (as an empty search does). */
    private receiveHandedOver(): void {
        this.licenseFilter = '';
        this.selection = this.selection.addIds(this.handedOverIds).selection;
        this.clearValidation();
        this.listOnRender = true;
        // The doctor's "Upgrade the license" hid its button with its tab: the focus lands on what the
        // admin does next, the target (admin walk: it was left on the page's body), once the shell
        // finished rendering (the doctor's panel is hidden only then).
        this.focusAfterHandOver = true;
    }

    /** A hand-over arrived: the focus goes to the target after the render (see `receiveHandedOver`). */
    private focusAfterHandOver = false;

    override renderedCallback(): void {
        const picker = this.template?.querySelector('c-record-picker') as
            (HTMLElement & { runSearch: (term?: string) => Promise<void> }) | null;
        if (this.listOnRender && picker) {
            this.listOnRender = false;
            picker.runSearch('');
        }
        this.focusVerdict();
        if (this.focusAfterHandOver) {
            this.focusAfterHandOver = false;
            Promise.resolve().then(() =>
                focusIfLost(this.template, ['lightning-combobox.target', 'lightning-button.validate']),
            );
        }
        const landing = this.focusLanding;
        if (landing && !this.busy) {
            this.focusLanding = undefined;
            // Validate and Run disable their button while they work: the focus lands on what they produced.
            focusIfLost(this.template, landing);
        }
    }

    /** Where the focus goes after a Validate or a run, if their disabled button lost it: the first found. */
    private focusLanding?: string[];

    /** Brings the verdict a fit user's name points at into view, and focuses it (once). */
    private focusVerdict(): void {
        const userId = this.focusVerdictId;
        if (!userId) {
            return;
        }
        const card = [...(this.template?.querySelectorAll<HTMLElement>('[data-verdict-id]') ?? [])].find(
            (element) => element.dataset.verdictId === userId,
        );
        if (card) {
            this.focusVerdictId = '';
            if (typeof card.scrollIntoView === 'function') {
                card.scrollIntoView({ block: 'start' });
            }
            card.focus();
        }
    }

    /**
     * The target profiles with their seats left: on connect, and again after each run. Only the
     * latest call lands; a refresh after a run that fails keeps the list it had (the run's own
     * outcome stays on the page, not a load error).
     * @param refresh whether it reads them again after a run
     */
    async loadTargets(refresh = false): Promise<void> {
        const request = ++this.targetsRequest;
        try {
            const targets = await getUpgradeTargets();
            if (request === this.targetsRequest) {
                this.targets = targets;
            }
        } catch (error) {
            if (!refresh && request === this.targetsRequest) {
                this.loadError = error;
            }
        }
    }

    /** The six target licenses that have at least one profile in the org. */
    get targetLicenseOptions(): ComboboxOption[] {
        const present = new Set(this.targets.map((target) => target.licenseName));
        return [
            { label: ANY_LICENSE, value: '' },
            ...TARGET_LICENSES.filter((name) => present.has(name)).map((name) => ({ label: name, value: name })),
        ];
    }

    get targetOptions(): ComboboxOption[] {
        return this.targets
            .filter((target) => !this.targetLicense || target.licenseName === this.targetLicense)
            .map((target) => ({
                label: formatLabel(
                    TARGET_OPTION,
                    target.profileName,
                    target.licenseName,
                    // Grouped as the seat line and Enable users write counts ("12,000").
                    target.seatsAvailable.toLocaleString(),
                ),
                value: target.profileId,
            }));
    }

    /** "Validating 400 of 2,300" while the facts arrive. */
    get validatingText(): string {
        const progress = this.validateProgress;
        return progress ? formatLabel(VALIDATING, progress.done.toLocaleString(), progress.total.toLocaleString()) : '';
    }

    get cannotValidate(): boolean {
        // Not while this panel follows a job: its users' outcomes land in these verdicts when it ends.
        return this.busy || !!this.job || this.selectedIds.length === 0 || !this.targetProfileId;
    }

    get verdictRows(): VerdictRow[] {
        if (!this.facts || !this.validation) {
            return [];
        }
        const facts = this.facts;
        const byId = new Map(facts.users.map((user) => [user.id, user]));
        return this.validation.users.map((verdict) => {
            const user = byId.get(verdict.userId)!;
            const steps = manualSteps(verdict.path, user, facts.target).map((step, index) => ({
                key: `step-${index}`,
                text: stepMessage(step),
                url: step.url,
            }));
            const partnerBlocked = verdict.blockers.some((item) => item.code === 'PARTNER_ACCOUNT_NOT_ENABLED');
            return {
                userId: user.id,
                name: user.name,
                userUrl: userUrl(user.id),
                licenseName: user.licenseName,
                pathLabel: pathLabel(verdict.path),
                canChange: verdict.canChange,
                requiresAcknowledgement: verdict.requiresAcknowledgement,
                acknowledged: this.acknowledged.has(user.id),
                blockers: lines('blocker', verdict.blockers),
                warnings: lines('warning', verdict.warnings),
                actions: lines('action', verdict.actions),
                notes: lines('note', verdict.notes),
                steps,
                partnerAccountId: partnerBlocked && user.accountId ? user.accountId : undefined,
                roleOptions:
                    verdict.roleOptions.length > 0
                        ? [
                              { label: ROLE_DEFAULT, value: '' },
                              ...verdict.roleOptions.map((role) => ({ label: role.name, value: role.id })),
                          ]
                        : [],
                chosenRoleId: verdict.chosenRoleId ?? '',
            };
        });
    }

    /** Users whose change this validation's runs completed: their verdict is Done and locked. */
    get changedIds(): Set<string> {
        return new Set(this.results.filter((result) => result.status === 'Completed').map((result) => result.userId));
    }

    /**
     * The verdicts as listed: each with its status (Done once changed, Failed when the run failed
     * it, Not run when a run left it out), filtered ("problems only") and paged by 50.
     */
    get verdictViews(): VerdictView[] {
        const results = new Map(this.results.map((result) => [result.userId, result]));
        const changed = this.changedIds;
        const fit = this.fitIds;
        const validation = this.validation;
        const byId = new Map((validation?.users ?? []).map((verdict) => [verdict.userId, verdict]));
        return this.verdictRows.map((row) => {
            const result = results.get(row.userId);
            const verdict = byId.get(row.userId);
            let status: RowStatus;
            if (this.job?.userIds.has(row.userId)) {
                status = 'queued';
            } else if (changed.has(row.userId)) {
                status = 'done';
            } else if (!result && this.stoppedJob?.userIds.has(row.userId)) {
                // Sent to a job that stopped before recording it: its APPLY may have changed the
                // user (a RECONCILE that died), so not "Not run"; a Resume completes it.
                status = 'unfinished';
            } else if (result && result.status !== 'Cancelled') {
                status = 'failed';
            } else if (
                this.ranSinceValidate &&
                (row.canChange || fit.has(row.userId) || (verdict && validation && isSeatShort(verdict, validation)))
            ) {
                // Ready, or left out of "the N that fit" for lack of seats: not run, until the next Validate.
                status = 'notRun';
            } else if (!verdict || !isReady(verdict, this.acknowledged)) {
                status = row.canChange || fit.has(row.userId) ? 'warning' : 'problem';
            } else {
                status = 'ready';
            }
            // Before a run, a verdict the seats alone hold back says so, and one that "Change … that
            // fit" would run says that instead of a generic status ("Blocked", "Ready, with a note").
            let seatText = '';
            if (status === 'warning' && fit.has(row.userId)) {
                seatText = STATUS_FITS;
            } else if (status === 'problem' && verdict && validation && isSeatShort(verdict, validation)) {
                seatText = STATUS_SEAT_SHORT;
            }
            const locked = status === 'done' || this.ranSinceValidate;
            return {
                ...row,
                // A changed user cannot be changed again from this verdict (it would be refused as stale).
                canChange: row.canChange && !locked,
                requiresAcknowledgement: row.requiresAcknowledgement && !locked,
                key: row.userId,
                status,
                statusText:
                    status === 'queued'
                        ? formatLabel(STATUS_QUEUED, this.job?.name)
                        : status === 'unfinished'
                          ? formatLabel(UNFINISHED_IN_JOB, this.stoppedJob?.name)
                          : seatText || VERDICT_STATUS_LABELS[status],
                statusIcon: STATUS_ICONS[status],
            };
        });
    }

    /** The verdicts listed before paging: all, or only those that fit ("Show only them"). */
    get listedVerdicts(): VerdictView[] {
        const views = this.verdictViews;
        if (!this.showingFitOnly) {
            return views;
        }
        const fit = this.fitIds;
        return views.filter((view) => fit.has(view.userId));
    }

    get verdictView(): ReturnType<typeof viewRows<VerdictView>> {
        return viewRows(this.listedVerdicts, {
            problemsOnly: this.problemsOnly,
            sortBy: this.verdictSortBy || undefined,
            sortDirection: this.verdictSortDirection,
            page: this.page,
        });
    }

    get pagedVerdicts(): VerdictView[] {
        return this.verdictView.rows;
    }

    get hasVerdictPages(): boolean {
        return this.verdictView.pageCount > 1;
    }

    get verdictPageText(): string {
        const view = this.verdictView;
        return planPageText(view.page + 1, view.pageCount, view.matching);
    }

    get isFirstVerdictPage(): boolean {
        return this.verdictView.page === 0;
    }

    get isLastVerdictPage(): boolean {
        return this.verdictView.page >= this.verdictView.pageCount - 1;
    }

    handleProblemsOnly(event: CustomEvent<{ checked: boolean }>): void {
        this.problemsOnly = event.detail.checked;
        this.page = 0;
    }

    get verdictSortIcon(): string {
        return this.verdictSortDirection === 'desc' ? 'utility:arrowdown' : 'utility:arrowup';
    }

    get verdictSortDirectionLabel(): string {
        return this.verdictSortDirection === 'desc' ? SORT_DESCENDING : SORT_ASCENDING;
    }

    /** The plan's order has no direction. */
    get verdictSortIsPlanOrder(): boolean {
        return !this.verdictSortBy;
    }

    /** Another sort field: the list starts again at its first page. */
    handleVerdictSort(event: CustomEvent<{ value: string }>): void {
        const value = event.detail.value;
        this.verdictSortBy = VERDICT_SORT_OPTIONS.some((option) => option.value === value)
            ? (value as VerdictSort)
            : '';
        this.page = 0;
    }

    handleVerdictSortDirection(): void {
        this.verdictSortDirection = this.verdictSortDirection === 'asc' ? 'desc' : 'asc';
        this.page = 0;
    }

    handlePreviousPage(): void {
        this.page = Math.max(0, this.verdictView.page - 1);
        this.revealVerdictsStart();
    }

    handleNextPage(): void {
        this.page = Math.min(this.verdictView.pageCount - 1, this.verdictView.page + 1);
        this.revealVerdictsStart();
    }

    /** The pager is under the verdicts, whose first one does not move with the page: the new page from its first verdict. */
    revealVerdictsStart(): void {
        revealStart(this.template?.querySelector('[data-verdict-id]'));
    }

    /** Seats left on the target's license (its own count: Plus and Plus Login apart), less this run's. */
    get seatText(): string {
        const target = this.facts?.target;
        if (!target) {
            return '';
        }
        const left = Math.max(0, target.seatsAvailable - this.changedIds.size);
        return seatsLeftText(target.licenseName, left);
    }

    /**
     * "Change the N that fit": when only the seats block the selection, the first users (in
     * order) whose verdict has no blocker of its own, a profile change, acknowledged where
     * needed, as many as the target's seats left.
     */
    get fitVerdicts(): ValidationResult['users'] {
        const validation = this.validation;
        const facts = this.facts;
        if (!validation || !facts || this.ranSinceValidate) {
            return [];
        }
        const blockers = validation.selectionBlockers;
        if (
            !blockers.some((item) => item.code === 'NOT_ENOUGH_SEATS') ||
            blockers.some((item) => item.code !== 'NOT_ENOUGH_SEATS')
        ) {
            return [];
        }
        const candidates = validation.users.filter(
            (verdict) =>
                verdict.blockers.length === 0 &&
                verdict.path === 'change-profile' &&
                (!verdict.requiresAcknowledgement || this.acknowledged.has(verdict.userId)),
        );
        return candidates.slice(0, Math.max(0, facts.target.seatsAvailable));
    }

    get fitIds(): Set<string> {
        return new Set(this.fitVerdicts.map((verdict) => verdict.userId));
    }

    get canFit(): boolean {
        return (
            !this.busy && !this.orgChangedSinceValidate && this.unvalidatedCount === 0 && this.fitVerdicts.length > 0
        );
    }

    /**
     * Called by the shell when a run in another panel created or changed users: a validation not
     * yet run is out of date (see `orgChangedSinceValidate`).
     */
    @api
    orgChanged(): void {
        if (this.validation) {
            this.orgChangedSinceValidate = true;
        }
    }

    /** Why Run waits after a run elsewhere; empty otherwise. */
    get orgChangedText(): string {
        return this.orgChangedSinceValidate && !this.busy ? ORG_CHANGED : '';
    }

    get fitLabel(): string {
        const fit = this.fitVerdicts;
        return fitLabel(fit.length, fit.length === 1 ? this.userName(fit[0].userId) : undefined);
    }

    private userName(userId: string): string {
        return this.facts?.users.find((user) => user.id === userId)?.name ?? userId;
    }

    /**
     * The first users "Change … that fit" changes, named under the buttons: each a link that shows
     * the verdict (on whichever page of the list it is), so that nobody is changed unseen.
     */
    get fitNames(): FitName[] {
        const names = new Map((this.facts?.users ?? []).map((user) => [user.id, user.name]));
        return this.fitVerdicts.slice(0, FIT_NAMED).map((verdict, index) => {
            const name = names.get(verdict.userId) ?? verdict.userId;
            return {
                userId: verdict.userId,
                name,
                title: formatLabel(FIT_GO, name),
                separator: index > 0 ? ', ' : ' ',
            };
        });
    }

    get hasFitNames(): boolean {
        return this.canFit;
    }

    /** "and 3 more" when more users fit than are named. */
    get fitMore(): string {
        return fitMoreText(this.fitVerdicts.length - FIT_NAMED);
    }

    /** The list shows only the users that fit: chosen, and some fit (a run ends it). */
    get showingFitOnly(): boolean {
        return this.fitOnly && this.fitVerdicts.length > 0;
    }

    /** "Show only them" / "Show every user": offered when more users fit than are named. */
    get canShowFitOnly(): boolean {
        return this.showingFitOnly || this.fitVerdicts.length > FIT_NAMED;
    }

    get fitOnlyLabel(): string {
        return this.showingFitOnly ? FIT_SHOW_ALL : FIT_SHOW;
    }

    /**
     * Users whose change would fit but waits for their acknowledgement of an irreversible role
     * change: "Change … that fit" leaves them out, so the line says why it names others.
     */
    get fitSkipsUnacknowledged(): boolean {
        const validation = this.validation;
        if (!validation || this.fitVerdicts.length === 0) {
            return false;
        }
        return validation.users.some(
            (verdict) =>
                isSeatShort(verdict, validation) &&
                verdict.requiresAcknowledgement &&
                !this.acknowledged.has(verdict.userId),
        );
    }

    /** A fit user's name: the list turns to the page of that verdict and focuses it. */
    handleShowFitUser(event: Event): void {
        const userId = (event.currentTarget as HTMLElement).dataset.userId ?? '';
        const options = {
            problemsOnly: this.problemsOnly,
            sortBy: this.verdictSortBy || undefined,
            sortDirection: this.verdictSortDirection,
        };
        let index = viewRows(this.listedVerdicts, { ...options, pageSize: Number.MAX_SAFE_INTEGER }).rows.findIndex(
            (row) => row.userId === userId,
        );
        if (index < 0) {
            // Hidden by a filter: every verdict again.
            this.problemsOnly = false;
            this.fitOnly = false;
            index = viewRows(this.listedVerdicts, {
                ...options,
                problemsOnly: false,
                pageSize: Number.MAX_SAFE_INTEGER,
            }).rows.findIndex((row) => row.userId === userId);
        }
        this.page = Math.max(0, Math.floor(index / PAGE_SIZE));
        this.focusVerdictId = userId;
        // On the page shown already nothing re-renders: focus now; else once the page is drawn.
        this.focusVerdict();
    }

    handleFitOnly(): void {
        this.fitOnly = !this.showingFitOnly;
        this.page = 0;
    }

    /**
     * "1 changed · 5 not changed: not enough seats": every user of the validated selection once,
     * by what the runs since Validate did to it, or why none changed it (users queued in a job
     * that has not ended are counted when it ends).
     */
    get summary(): string {
        if (this.results.length === 0) {
            return '';
        }
        const outcomes = runOutcomes(this.validation, this.results, this.job?.userIds, this.stoppedJob?.userIds);
        return summaryText(countOutcomes(outcomes.values(), RUN_OUTCOME_ORDER));
    }

    get showRunLocked(): boolean {
        return this.ranSinceValidate && !this.busy;
    }

    /**
     * The selection's blockers as validated. After a run the seat count it measured is stale (the
     * seat line counts what the run took): that blocker goes until the next Validate, which Run
     * waits for anyway.
     */
    get selectionBlockers(): VerdictLine[] {
        if (!this.validation) {
            return [];
        }
        const blockers = this.ranSinceValidate
            ? this.validation.selectionBlockers.filter((item) => item.code !== 'NOT_ENOUGH_SEATS')
            : this.validation.selectionBlockers;
        return lines('selection', blockers);
    }

    /** Users the Run button changes: ready, and no run since Validate. */
    get readyCount(): number {
        if (this.ranSinceValidate) {
            return 0;
        }
        return this.validation?.users.filter((verdict) => isReady(verdict, this.acknowledged)).length ?? 0;
    }

    /** The ready count, and when the seats fit only some, how many "Change … that fit" would change. */
    get readyText(): string {
        return readyCountText(this.readyCount, this.validation?.users.length ?? 0, this.fitVerdicts.length);
    }

    /**
     * Verdicts whose irreversible change the admin may acknowledge: those that allow the change,
     * and those only the seats hold back (acknowledged, "Change … that fit" may take them).
     */
    get acknowledgeable(): ValidationResult['users'] {
        const validation = this.validation;
        if (!validation) {
            return [];
        }
        return validation.users.filter(
            (verdict) => verdict.requiresAcknowledgement && (verdict.canChange || isSeatShort(verdict, validation)),
        );
    }

    get needsAcknowledgement(): boolean {
        return this.acknowledgeable.length > 0;
    }

    /**
     * "Acknowledge all" shows what is true: ticked only while every verdict that asks for an
     * acknowledgement has one (unticking one user's, or a new validation, unticks it).
     */
    get allAcknowledged(): boolean {
        const eligible = this.acknowledgeable;
        return eligible.length > 0 && eligible.every((verdict) => this.acknowledged.has(verdict.userId));
    }

    get cannotRun(): boolean {
        return this.busy || this.orgChangedSinceValidate || this.readyCount === 0 || this.unvalidatedCount > 0;
    }

    /** The selection against what the last Validate read: once per change of either. */
    get selectionSinceValidate(): SelectionSince {
        return this.sinceMemo.get([this.validatedKeys, this.selection], () =>
            selectionSince(this.validatedKeys, this.selection.ids),
        );
    }

    /**
     * Users selected since Validate: no verdict yet (their facts were never read), so Run and
     * "Change … that fit" wait for the next Validate, which judges them with the others.
     */
    get unvalidatedCount(): number {
        return this.validation ? this.selectionSinceValidate.added.length : 0;
    }

    /** "2 users selected since Validate have no verdict yet: Validate again …" */
    get unvalidatedText(): string {
        const count = this.unvalidatedCount;
        return count > 0 ? pluralLabel(count, NOT_VALIDATED_ONE, NOT_VALIDATED) : '';
    }

    get resultRows(): ResultRow[] {
        const names = new Map((this.facts?.users ?? []).map((user) => [user.id, user.name]));
        return this.results.map((result) => ({
            userId: result.userId,
            name: names.get(result.userId) ?? result.userId,
            userUrl: userUrl(result.userId),
            status: statusLabel(result.status),
            // The platform's words may carry HTML (a raw <br>): shown as text, each code with its fix.
            errors: withFixes(
                (result.errors ?? []).map(plainText),
                this.facts?.target?.licenseName,
                result.profileChanged === true,
            ).join('\n'),
        }));
    }

    get canRetry(): boolean {
        return !this.busy && pendingLogIds(this.results).length > 0;
    }

    /** Changes left half done, or an unfinished change that refused a user (UNFINISHED_CHANGE). */
    get canCancel(): boolean {
        return !this.busy && cancellableLogIds(this.results).length > 0;
    }

    /** Another license filter: the shown results follow it (the selection stays). */
    handleLicenseFilter(event: CustomEvent<{ value: string }>): void {
        this.licenseFilter = event.detail.value;
        const picker = this.template?.querySelector('c-record-picker') as
            (HTMLElement & { refresh: () => Promise<void> }) | null;
        picker?.refresh();
    }

    /**
     * The picker's results fold to one line while the verdicts below are shown, and again after
     * each Validate (c/recordPicker: its facts are a new object; a role chosen on a verdict
     * validates again on the same facts and leaves the results as the admin left them).
     */
    get foldPickerResults(): unknown {
        return this.validation ? this.facts : undefined;
    }

    /**
     * The picker's new selection, kept whole across searches. The verdicts follow it, as the plan
     * of Enable users does: a user taken out leaves them, and its acknowledgement with it (selected
     * again, it is acknowledged again), the others keep their verdict and acknowledgement, and a user added waits for the next
     * Validate (`unvalidatedText`). During a run the picker is disabled and the run works on what it
     * sent; the verdicts catch up when it ends (`endRun`).
     */
    handleSelectionChange(event: CustomEvent<{ selection: SelectionModel<UserOption> }>): void {
        const before = this.selectionSinceValidate.removed;
        this.selection = event.detail.selection;
        const after = this.selectionSinceValidate.removed;
        const moved = before.size !== after.size || [...after].some((key) => !before.has(key));
        if (moved && !this.busy) {
            this.revalidate();
        }
    }

    handleTargetLicense(event: CustomEvent<{ value: string }>): void {
        this.targetLicense = event.detail.value;
        const stillOffered = this.targetOptions.some((option) => option.value === this.targetProfileId);
        if (!stillOffered) {
            this.targetProfileId = '';
            this.clearValidation();
        }
    }

    handleTarget(event: CustomEvent<{ value: string }>): void {
        this.targetProfileId = event.detail.value;
        this.clearValidation();
    }

    clearValidation(): void {
        // A job followed since the last validation lands in none of what comes next.
        this.validations += 1;
        this.fitOnly = false;
        this.facts = undefined;
        this.validatedKeys = new Set();
        this.validation = undefined;
        this.acknowledged = new Set();
        this.roleChoices = new Map();
        this.notice = '';
        this.orgChangedSinceValidate = false;
    }

    async handleValidate(): Promise<void> {
        if (this.busy || this.job) {
            // Its button is disabled then; a call all the same changes nothing.
            return;
        }
        this.validations += 1;
        this.busy = true;
        this.loadError = undefined;
        this.results = [];
        this.notice = '';
        // A new validation: a job that stopped before it is the jobs panel's to resume alone.
        this.stoppedJob = undefined;
        try {
            this.ranSinceValidate = false;
            this.orgChangedSinceValidate = false;
            this.fitOnly = false;
            this.page = 0;
            // Any size: the facts 200 users a call (the server's cap), merged into one validation.
            const targetProfileId = this.targetProfileId;
            const userIds = this.selectedIds;
            const chunks = await fetchInChunks(
                userIds,
                (ids) => getUpgradeFacts({ userIds: ids, targetProfileId }),
                (progress) => (this.validateProgress = progress),
            );
            const facts = mergeUpgradeFacts(chunks);
            this.roleChoices = new Map();
            this.validatedKeys = idKeys(userIds);
            this.validation = validateUpgrade(this.followedUsers(facts), facts.target, this.choices);
            this.facts = facts;
            this.acknowledged = new Set();
            this.selection = describeHandedOver(this.selection, facts.users);
        } catch (error) {
            this.loadError = error;
            this.facts = undefined;
            this.validation = undefined;
        } finally {
            this.busy = false;
            this.validateProgress = undefined;
            this.focusLanding = ['h2.verdicts-heading', 'lightning-button.validate'];
        }
    }

    /** What the admin chose beyond the target, for the validator. */
    get choices(): UpgradeChoices {
        return { roles: this.roleChoices, completeContractsSetup: this.completeContractsSetup };
    }

    /**
     * The verdicts again with the admin's choices and selection: the plan follows what the screen
     * shows (the seats a selection needs, and so which users fit, are counted again).
     */
    revalidate(): void {
        if (this.facts) {
            this.validation = validateUpgrade(this.followedUsers(this.facts), this.facts.target, this.choices);
            // An acknowledgement confirms a verdict the admin saw: a user who leaves the verdicts
            // leaves it behind, and one selected again is acknowledged again (review: an
            // acknowledgement came back for a verdict recomputed while the user was not shown).
            const listed = new Set(this.validation.users.map((verdict) => verdict.userId));
            if ([...this.acknowledged].some((userId) => !listed.has(userId))) {
                this.acknowledged = new Set([...this.acknowledged].filter((userId) => listed.has(userId)));
            }
        }
    }

    /**
     * The users Validate read that the picker still selects. A user a run or the job reached stays
     * (queued, Done or Failed), whatever the selection: its outcome is not taken off the screen.
     */
    private followedUsers(facts: UpgradeFacts): readonly UserFact[] {
        const reached = new Set(this.results.map((result) => result.userId));
        const queued = this.job?.userIds;
        return followSelection(
            facts.users,
            (user) => user.id,
            this.selectionSinceValidate.removed,
            (user) => reached.has(user.id) || !!queued?.has(user.id),
        );
    }

    handleRoleChange(event: CustomEvent<{ userId: string; roleId: string }>): void {
        const roleChoices = new Map(this.roleChoices);
        if (event.detail.roleId) {
            roleChoices.set(event.detail.userId, event.detail.roleId);
        } else {
            roleChoices.delete(event.detail.userId);
        }
        this.roleChoices = roleChoices;
        this.revalidate();
    }

    handleContractsSetup(event: CustomEvent<{ checked: boolean }>): void {
        this.completeContractsSetup = event.detail.checked;
        this.revalidate();
    }

    handleAcknowledge(event: CustomEvent<{ userId: string; checked: boolean }>): void {
        const acknowledged = new Set(this.acknowledged);
        if (event.detail.checked) {
            acknowledged.add(event.detail.userId);
        } else {
            acknowledged.delete(event.detail.userId);
        }
        this.acknowledged = acknowledged;
    }

    /**
     * Acknowledges every verdict shown (an acknowledgement of a user taken out of the selection is
     * kept for its return); unticked, no acknowledgement is left, shown or not.
     */
    handleAcknowledgeAll(event: CustomEvent<{ checked: boolean }>): void {
        const eligible = this.acknowledgeable;
        this.acknowledged = event.detail.checked
            ? new Set([...this.acknowledged, ...eligible.map((verdict) => verdict.userId)])
            : new Set();
    }

    /**
     * "Enable as partner account": Apex enables only the accounts of users in this admin's open
     * change to a Partner Community profile, so the account's users are snapshotted first (an open
     * snapshot comes back as it is; nothing is changed yet). A snapshot refused (an irreversible
     * change not acknowledged, facts changed) is shown, and the account is left as it is.
     */
    async handleEnablePartner(event: CustomEvent<{ accountId: string }>): Promise<void> {
        this.busy = true;
        try {
            const accountId = event.detail.accountId;
            const facts = this.facts;
            const verdicts = new Map((this.validation?.users ?? []).map((verdict) => [verdict.userId, verdict]));
            const items = (facts?.users ?? [])
                // The account's users the verdicts still hold: not those taken out of the selection.
                .filter((user) => user.accountId === accountId && verdicts.has(user.id))
                .map((user) =>
                    changeItem(user, this.acknowledged.has(user.id), verdicts.get(user.id)?.chosenRoleId ?? null),
                );
            if (facts && items.length > 0) {
                const snapshots = await snapshotLicenseChanges({
                    request: { targetProfileId: facts.target.profileId, users: items, completeContractsSetup: false },
                });
                const refused = snapshots.filter((result) => !result.logId || result.status === 'Refused');
                if (refused.length === snapshots.length) {
                    this.loadError = refused.flatMap((result) => result.errors);
                    return;
                }
            }
            const errors = await enablePartnerAccounts({ accountIds: [accountId] });
            const messages = Object.values(errors);
            if (messages.length > 0) {
                this.loadError = messages;
            } else {
                this.notice = PARTNER_ENABLED;
            }
        } catch (error) {
            this.loadError = error;
        } finally {
            this.busy = false;
            // A selection change while it worked was left for now (`handleSelectionChange`): caught up.
            this.revalidate();
        }
    }

    /** Failure of a whole chunk: every user in it gets the error, nothing is hidden. */
    failed(items: { userId: string }[], error: unknown): ChangeResult[] {
        const errors = reduceErrors(error);
        return items.map((item) => ({
            userId: item.userId,
            status: 'Failed',
            profileChanged: false,
            errors,
            restored: [],
            removed: [],
        }));
    }

    /**
     * Users per chunk of a run: a role-based target (Customer Community Plus, Partner Community)
     * creates portal roles, so Apex holds each apply to the role-based insert chunk size of the
     * facts (ROLE_BASED_BATCH_TOO_LARGE beyond it); other targets run 200 a call.
     */
    get runChunkSize(): number {
        const license = (this.facts?.target.licenseName ?? '').toLowerCase();
        const roleBased = license.startsWith('customer community plus') || license.startsWith('partner community');
        const setting = this.facts?.roleBasedInsertChunkSize;
        return roleBased && setting && setting > 0 ? Math.min(setting, RUN_CHUNK_SIZE) : RUN_CHUNK_SIZE;
    }

    /** Steps 2 and 3 for the logs of one chunk. */
    async finish(logIds: string[]): Promise<ChangeResult[]> {
        if (logIds.length === 0) {
            return [];
        }
        const targetProfileId = this.runTargetProfileId;
        this.step = STEP_APPLY;
        const applied = await applyLicenseChanges({ logIds, targetProfileId });
        this.step = STEP_RECONCILE;
        const reconciled = await reconcileLicenseChanges({ outcomes: applied, targetProfileId });
        // Apex stores only the errors apply recorded itself (written a moment later): the screen
        // shows this apply's errors too, without repeating one.
        const appliedErrors = new Map(applied.map((result) => [result.logId, result.errors]));
        return reconciled.map((result) => ({
            ...result,
            errors: [...new Set([...(appliedErrors.get(result.logId) ?? []), ...result.errors])],
        }));
    }

    handleRun(): Promise<void> {
        if (!this.facts || !this.validation || this.cannotRun) {
            return Promise.resolve();
        }
        return this.runChange(this.validation);
    }

    /** "Change the N that fit": the first N users the seats allow; the others stay, not run. */
    handleRunFit(): Promise<void> {
        const fit = this.fitIds;
        if (!this.validation || !this.canFit) {
            return Promise.resolve();
        }
        const users = this.validation.users.map((verdict) => ({ ...verdict, canChange: fit.has(verdict.userId) }));
        return this.runChange({ ...this.validation, users });
    }

    /**
     * Snapshot, apply, reconcile, chunk by chunk, with the step and "n of N". Above 200 users
     * this is the seam for the server-side job engine (issue 10 §3).
     */
    async runChange(validation: ValidationResult): Promise<void> {
        if (!this.facts) {
            return;
        }
        const request = buildChangeRequest(this.facts, validation, this.acknowledged);
        this.runTargetProfileId = request.targetProfileId;
        if (request.users.length > BROWSER_RUN_LIMIT) {
            await this.startJob(request);
            return;
        }
        this.startRun();
        this.stepTotal = request.users.length;
        const previous = this.results;
        const results = await runInChunks<ChangeItem, ChangeResult>(
            request.users,
            async (items) => {
                this.step = STEP_SNAPSHOT;
                const snapshots = await snapshotLicenseChanges({
                    request: {
                        targetProfileId: request.targetProfileId,
                        users: items,
                        completeContractsSetup: request.completeContractsSetup,
                    },
                });
                return mergeResults(snapshots, await this.finish(pendingLogIds(snapshots)));
            },
            (items, error) => this.failed(items, error),
            (progress) => {
                this.progress = progress.percent;
                this.stepDone = progress.done;
            },
            this.runChunkSize,
        );
        // Earlier results of this validation stay (a user changed before is still Done).
        const fresh = new Set(results.map((result) => result.userId));
        this.results = [...previous.filter((result) => !fresh.has(result.userId)), ...results];
        this.endRun();
        // The admin's Run, just finished (not a job ending minutes later while they read the page).
        this.focusLanding = ['lightning-button.retry', 'h2.verdicts-heading'];
    }

    /**
     * More than {@link BROWSER_RUN_LIMIT} users: a job on the platform's queue (createJob with the
     * target, the users 200 a call with "n of N", startJob). Each row carries the validated item
     * and the Contracts option; the chain keeps snapshot, apply and reconcile per chunk. The
     * verdicts show "Queued in job …"; while this panel stays open it reads the job until it ends.
     */
    async startJob(request: Apex.LicenseChangeService.ChangeRequest): Promise<void> {
        this.startRun();
        this.step = STEP_JOB;
        this.stepTotal = request.users.length;
        const names = new Map((this.facts?.users ?? []).map((user) => [user.id, user.name]));
        try {
            const job = await startJobFromRows(
                'LICENSE_CHANGE',
                request.users.map((item) =>
                    changeRow(
                        { ...item, completeContractsSetup: request.completeContractsSetup ?? null },
                        names.get(item.userId) ?? null,
                    ),
                ),
                {
                    targetProfileId: request.targetProfileId,
                    onProgress: (progress) => {
                        this.progress = progress.percent;
                        this.stepDone = progress.added;
                    },
                },
            );
            this.job = { id: job.id, name: job.name, userIds: new Set(request.users.map((item) => item.userId)) };
            this.jobNotice = formatLabel(JOB_STARTED, job.name, request.users.length.toLocaleString());
            Object.assign(this, stoppedRun());
            // The job runs on the platform now: the page may go.
            this.unload.release();
            this.ranSinceValidate = true;
            // The Run button is disabled now: the focus lands on the verdicts, which say "Queued in job".
            this.focusLanding = ['h2.verdicts-heading'];
            this.dispatchEvent(jobStartedEvent('LICENSE_CHANGE', job.id));
            this.followJob(job.id);
        } catch (error) {
            this.endRun();
            this.runErrors = reduceErrors(error);
        }
    }

    /** Reads the job until it ends, then the verdicts take their outcome and the run ends (History refreshes). */
    async followJob(jobId: string): Promise<void> {
        const validation = this.validations;
        let jobError: unknown;
        try {
            const finished = await waitForJob(jobId, {
                intervalMs: this.jobPollInterval,
                // Cancelled, the chunk in flight still running: the notice no longer says it runs.
                onProgress: (job) => {
                    if (isStopping(job)) {
                        this.jobNotice = formatLabel(JOB_STOPPING_NOTICE, job.name);
                    }
                },
                stopped: () => !this.connected || this.job?.id !== jobId,
            });
            if (!finished) {
                return;
            }
            if (validation !== this.validations) {
                // Validated again since the job started: its outcomes are the jobs panel's and
                // History's, never results of verdicts this validation has not run.
                this.job = undefined;
                this.jobNotice = '';
                this.endRun();
                return;
            }
            const results = finished.rows
                .map(changeResultOf)
                .filter((result): result is ChangeResult => result !== null);
            const fresh = new Set(results.map((result) => result.userId));
            this.results = [...this.results.filter((result) => !fresh.has(result.userId)), ...results];
            // Stopped with users to resume (a Cancel during the last chunk leaves none).
            const stopped = finished.job.status !== 'Completed' && pendingOf(finished.job) > 0;
            // As Enable users: a job that stopped says so, with its counts, and where to resume it.
            this.jobNotice = stopped
                ? formatLabel(JOB_STOPPED, finished.job.name, jobSummaryText(finished.job, finished.job.kind))
                : '';
            this.stoppedJob = stopped ? this.job : undefined;
        } catch (error) {
            jobError = error;
        }
        this.job = undefined;
        this.endRun();
        if (jobError) {
            this.runErrors = reduceErrors(jobError);
        }
    }

    /**
     * The jobs panel resumed a job (through the shell). When it is the job this panel's last run
     * handed its users to, and it stopped midway, the panel reads it again: the verdicts of the
     * users not changed yet are queued, and every user takes the outcome when the job ends, as
     * after a run (History and the lists refresh). Any other job is the jobs panel's alone.
     * @param jobId the job resumed
     * @returns whether this panel follows it
     */
    @api
    followResumedJob(jobId: string): boolean {
        const stopped = this.stoppedJob;
        if (!stopped || stopped.id !== jobId || this.job) {
            return false;
        }
        if (this.busy) {
            // A run is busy (a Retry): the job is followed when it ends (`endRun`).
            this.resumeAfterRun = jobId;
            return true;
        }
        const changed = this.changedIds;
        const waiting = [...stopped.userIds].filter((userId) => !changed.has(userId));
        this.stoppedJob = undefined;
        // Only the users not changed yet wait in the job; the others keep their Done verdict.
        this.job = { ...stopped, userIds: new Set(waiting) };
        this.jobNotice = formatLabel(JOB_STARTED, stopped.name, waiting.length.toLocaleString());
        this.runErrors = undefined;
        // A user of the job taken out of the selection since is queued again: its verdict shows it.
        this.revalidate();
        this.followJob(jobId);
        return true;
    }

    async handleRetry(): Promise<void> {
        const pending = this.results.filter((result) => pendingLogIds([result]).length > 0);
        this.startRun();
        this.step = STEP_RETRY;
        this.stepTotal = pending.length;
        const retried = await runInChunks<ChangeResult, ChangeResult>(
            pending,
            (items) => this.finish(pendingLogIds(items)),
            (items, error) => this.failed(items, error),
            (progress) => {
                this.progress = progress.percent;
                this.stepDone = progress.done;
            },
            this.runChunkSize,
        );
        this.results = mergeResults(this.results, retried);
        this.endRun();
        this.focusLanding = ['lightning-button.retry', 'h2.verdicts-heading'];
    }

    /**
     * Closes each unfinished change without changing its user; a log that cannot be cancelled
     * (another admin's, already closed) keeps its row, and the refusal is shown.
     */
    async handleCancel(): Promise<void> {
        const logIds = cancellableLogIds(this.results);
        this.startRun();
        // Each cancel is its own small transaction; none depends on another.
        const settled = await Promise.allSettled(logIds.map((logId) => cancelLicenseChange({ logId })));
        const cancelled: ChangeResult[] = [];
        const failures: string[] = [];
        for (const outcome of settled) {
            if (outcome.status === 'fulfilled') {
                cancelled.push(outcome.value);
            } else {
                failures.push(...reduceErrors(outcome.reason));
            }
        }
        this.progress = 100;
        this.results = mergeResults(this.results, cancelled);
        this.endRun();
        this.notice = cancelled.length > 0 ? cancelledText(cancelled.length) : '';
        if (failures.length > 0) {
            this.runErrors = failures;
        }
    }

    /** A run starts: actions wait, the progress restarts, the last run's errors go (`c/runState`). */
    startRun(): void {
        Object.assign(this, startedRun());
        this.unload.hold();
    }

    /** Asks before the page is left while this panel's run sends chunks (`c/runState.unloadGuard`). */
    private unload = unloadGuard();

    /**
     * After a run the verdicts are stale: changed users are Done, Run stays disabled until the
     * next Validate (a second click would be refused as "changed since you validated"), and the
     * lists refresh (`runcompleted`, the picker's `refresh()` when it has one, and the target
     * profiles with their seats left).
     */
    endRun(): void {
        Object.assign(this, stoppedRun());
        this.unload.release();
        this.ranSinceValidate = true;
        // Selection changes during the run wait until now (a user the run reached stays).
        this.revalidate();
        const failures = this.results.flatMap((result) => (result.errors ?? []).map(plainText));
        this.runErrors = failures.length > 0 ? failures : undefined;
        this.dispatchEvent(runCompletedEvent('licenseChange', [...this.changedIds]));
        // The target profiles' seats left changed with the run: their list reads them again.
        this.loadTargets(true);
        const resumed = this.resumeAfterRun;
        this.resumeAfterRun = undefined;
        if (resumed) {
            this.followResumedJob(resumed);
        }
        const picker = this.template?.querySelector('c-record-picker') as
            (HTMLElement & { refresh?: () => unknown }) | null;
        if (picker && typeof picker.refresh === 'function') {
            picker.refresh();
        }
    }
}
