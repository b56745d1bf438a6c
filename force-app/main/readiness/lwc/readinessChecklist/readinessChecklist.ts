import { LightningElement, api } from 'lwc';
import getReadinessFacts from '@salesforce/apex/ReadinessController.getReadinessFacts';
import confirmReadinessStep from '@salesforce/apex/ReadinessController.confirmReadinessStep';
import clearReadinessConfirmation from '@salesforce/apex/ReadinessController.clearReadinessConfirmation';
import activateSite from '@salesforce/apex/ReadinessController.activateSite';
import showAllSettings from '@salesforce/apex/ReadinessController.showAllSettings';
import addSiteMember from '@salesforce/apex/ReadinessController.addSiteMember';
import searchInternalUsers from '@salesforce/apex/ReadinessController.searchInternalUsers';
import assignSharerPermissionSet from '@salesforce/apex/ReadinessController.assignSharerPermissionSet';
import {
    CONTRACT_SHARER_PERMISSION_SETS,
    evaluateReadiness,
    findPermissionSet,
    isCustomerCommunityPlus,
    summarizeReadiness,
} from 'c/readinessRules';
import type { OrgFacts, ReadinessFix, ReadinessRow, ReadinessSummary, RowId, SeatVerdict } from 'c/readinessRules';
import {
    fixLabel,
    reasonMessage,
    rowTitle,
    seatVerdictLabel,
    setupLinkLabel,
    siteStatusLabel,
    statusLabel,
} from 'c/readinessMessages';
import { countedLabel, formatLabel } from 'c/labelFormat';
import TITLE from '@salesforce/label/c.CCSA_Readiness_Title';
import INTRO from '@salesforce/label/c.CCSA_Readiness_Intro';
import PROGRESS from '@salesforce/label/c.CCSA_Readiness_Progress';
import PROGRESS_ONE from '@salesforce/label/c.CCSA_Readiness_Progress_One';
import READY from '@salesforce/label/c.CCSA_Readiness_Ready';
import NOT_READY from '@salesforce/label/c.CCSA_Readiness_Not_Ready';
import REFRESH from '@salesforce/label/c.CCSA_Readiness_Refresh';
import OPEN_SETUP from '@salesforce/label/c.CCSA_Readiness_Open_Setup';
import MARK_DONE from '@salesforce/label/c.CCSA_Readiness_Mark_Done';
import UNDO_CONFIRMATION from '@salesforce/label/c.CCSA_Readiness_Undo_Confirmation';
import LOAD_ERROR from '@salesforce/label/c.CCSA_Readiness_Load_Error';
import ACTION_ERROR from '@salesforce/label/c.CCSA_Readiness_Action_Error';
import SITE_CHOICE from '@salesforce/label/c.CCSA_Readiness_Site_Choice';
import SITE_ANY from '@salesforce/label/c.CCSA_Readiness_Site_Any';
import RECOMMENDED from '@salesforce/label/c.CCSA_Readiness_Recommended';
import LOADING from '@salesforce/label/c.CCSA_Loading';
import PROFILE_CHOICE from '@salesforce/label/c.CCSA_Readiness_Profile_Choice';
import PROFILE_BEST from '@salesforce/label/c.CCSA_Readiness_Profile_Best';
import SITE_OPTION from '@salesforce/label/c.CCSA_Readiness_Site_Option';
import CONFIRM_TITLE from '@salesforce/label/c.CCSA_Readiness_Activate_Confirm_Title';
import CONFIRM_BODY from '@salesforce/label/c.CCSA_Readiness_Activate_Confirm_Body';
import CONFIRM_WELCOME from '@salesforce/label/c.CCSA_Readiness_Activate_Confirm_Welcome';
import CONFIRM_NO_WELCOME from '@salesforce/label/c.CCSA_Readiness_Activate_Confirm_No_Welcome';
import CONFIRM_BUTTON from '@salesforce/label/c.CCSA_Readiness_Activate_Confirm_Button';
import CANCEL from '@salesforce/label/c.CCSA_Readiness_Cancel';
import SHARERS_PICKER from '@salesforce/label/c.CCSA_Readiness_Sharers_Picker';
import SHARERS_SEARCH from '@salesforce/label/c.CCSA_Readiness_Sharers_Search';
import SHARERS_USERS from '@salesforce/label/c.CCSA_Readiness_Sharers_Users';
import SHARERS_ASSIGN from '@salesforce/label/c.CCSA_Readiness_Sharers_Assign';
import SHARERS_NO_USERS from '@salesforce/label/c.CCSA_Readiness_Sharers_No_Users';

type FixResult = Apex.ReadinessFixService.FixResult;
type InternalUserRow = Apex.ReadinessService.InternalUserRow;
type Capability = Apex.SetupAssistantCapabilities.Capability;

/** An "Activate site" waiting for the admin's confirmation: activation can send welcome emails. */
interface PendingActivation {
    key: string;
    siteId: string;
    title: string;
    body: string;
    welcome: string;
}

interface FindingView {
    key: string;
    text: string;
    /** Set when the finding has a fix Apex can make. */
    fixLabel?: string;
    /** The Fix button is disabled: busy, or the admin lacks the permission the fix needs. */
    fixDisabled: boolean;
    /** Why the fix cannot run for this admin (the capability's message), shown under the button. */
    fixUnavailable?: string;
    /** This finding's "Activate site" waits for the admin's confirmation. */
    confirming: boolean;
    /**
     * The id of that confirmation's title, which names the confirmation (`aria-labelledby`): one
     * per finding, as ids in an iteration must be unique (LWC makes them unique per component).
     */
    confirmTitleId: string;
    /**
     * A license line of the seat row: the icon of its own verdict, named by `text` to a screen
     * reader (empty when `verdictNote` says it on screen: the icon is then decorative).
     */
    verdict?: { iconName: string; variant: string; text: string };
    /** The verdict in words under the line, for a verdict its icon alone would not explain. */
    verdictNote?: string;
}

interface RowView {
    id: RowId;
    title: string;
    statusText: string;
    iconName: string;
    iconVariant: string;
    itemClass: string;
    recommended: boolean;
    findings: FindingView[];
    setupUrl: string;
    /** The link's accessible name: which Setup page it opens. */
    setupLinkLabel: string;
    canConfirm: boolean;
    canUndo: boolean;
    notes: { key: string; text: string }[];
    /** The contract sharers' row offers the internal-user picker. */
    isSharers: boolean;
}

/** Icon and `lightning-icon` variant (its colour) of each tone of row. */
const ICONS: Record<string, { name: string; variant: string }> = {
    done: { name: 'utility:success', variant: 'success' },
    'needs-action': { name: 'utility:error', variant: 'error' },
    warning: { name: 'utility:warning', variant: 'warning' },
    confirm: { name: 'utility:help', variant: '' },
    neutral: { name: 'utility:info', variant: '' },
};

/**
 * The icon tone of each license's verdict on the seat row. A license the row does not count (not
 * the chosen profile's) is neutral: a green or amber icon would judge seats its users cannot take.
 */
const VERDICT_TONES: Record<SeatVerdict, string> = {
    pass: 'done',
    warn: 'warning',
    fail: 'needs-action',
    'not-counted': 'neutral',
};

/**
 * Verdicts worded on screen under the line, not only by the icon: "38 left" under a neutral icon
 * in a failing row would not say why those seats do not help.
 */
const VERDICTS_IN_WORDS: ReadonlySet<SeatVerdict> = new Set<SeatVerdict>(['not-counted']);

/** The seat verdict's icon and words of one finding, if it is a license line. */
function verdictView(verdict: SeatVerdict | undefined): Pick<FindingView, 'verdict' | 'verdictNote'> {
    if (!verdict) return {};
    const icon = ICONS[VERDICT_TONES[verdict]];
    const text = seatVerdictLabel(verdict);
    const inWords = VERDICTS_IN_WORDS.has(verdict);
    return {
        verdict: { iconName: icon.name, variant: icon.variant, text: inWords ? '' : text },
        verdictNote: inWords ? text : undefined,
    };
}

/** The Apex method of each fix, called with the ids the rules put in its values. */
const FIX_CALLS: Readonly<Record<ReadinessFix, (values: readonly string[]) => Promise<FixResult>>> = {
    ACTIVATE_SITE: (values) => activateSite({ networkId: values[0] }),
    SHOW_ALL_SETTINGS: (values) => showAllSettings({ networkId: values[0] }),
    ADD_PROFILE_MEMBER: (values) => addSiteMember({ networkId: values[0], profileId: values[1] }),
};

/** The capability whose permissions each fix needs (the server refuses without them). */
const FIX_CAPABILITIES: Readonly<Record<ReadinessFix, string>> = {
    ACTIVATE_SITE: 'READINESS_FIXES',
    SHOW_ALL_SETTINGS: 'READINESS_FIXES',
    ADD_PROFILE_MEMBER: 'READINESS_FIXES',
};
/** "Assign CLM Runtime User" assigns a permission set: the doctor fixes' capability. */
const SHARER_ASSIGN_CAPABILITY = 'USER_DOCTOR_FIXES';

/**
 * The last rows evaluated for each answer of `getReadinessFacts` (a new object per answer) with
 * the site and profile they were evaluated for. Not a field: a field written while the template
 * reads it would be a change during render.
 */
const EVALUATED = new WeakMap<OrgFacts, { choice: string; rows: ReadinessRow[] }>();

/**
 * "Org readiness" at the top of the Setup Assistant: one row per step of seed 000 with its live
 * status, the reason, a Fix where Apex DML can do it, "Open in Setup" everywhere, and "Mark as
 * done" for the step Apex cannot read. The rows come from `c/readinessRules`; this component
 * reads the facts, runs the actions and measures again after each one.
 */
export default class ReadinessChecklist extends LightningElement {
    labels = {
        title: TITLE,
        intro: INTRO,
        refresh: REFRESH,
        openSetup: OPEN_SETUP,
        markDone: MARK_DONE,
        undoConfirmation: UNDO_CONFIRMATION,
        loadError: LOAD_ERROR,
        actionError: ACTION_ERROR,
        siteChoice: SITE_CHOICE,
        recommended: RECOMMENDED,
        loading: LOADING,
        profileChoice: PROFILE_CHOICE,
        confirmButton: CONFIRM_BUTTON,
        cancel: CANCEL,
        sharersPicker: SHARERS_PICKER,
        sharersSearch: SHARERS_SEARCH,
        sharersUsers: SHARERS_USERS,
        sharersNoUsers: SHARERS_NO_USERS,
    };

    facts?: OrgFacts;
    loading = false;
    busy = false;
    loadError?: unknown;
    actionError?: unknown;
    /** The last fix's answer: a success notice, or the refusal with its Setup link. */
    fixResult?: FixResult;
    siteId = '';
    profileId = '';
    /** The activation the admin must confirm first, if any. */
    pendingActivation?: PendingActivation;
    sharerTerm = '';
    sharerCandidates?: InternalUserRow[];
    sharerSelection: string[] = [];
    /**
     * Where focus goes once an action's outcome is on screen (WCAG 2.4.3): the first of
     * `selectors` found in the row, else the row's title and status. The button the admin
     * clicked may be gone (Mark as done becomes Undo confirmation, a fix disappears once done).
     */
    private pendingFocus?: { rowId: string; selectors: string[] };

    /**
     * The admin's capabilities (the shell's `AssistantContext.capabilities`): a fix whose
     * capability is not available is disabled, with the reason. None given: every fix is offered
     * (the server still checks).
     */
    @api capabilities?: readonly Capability[];

    /** The reason a capability cannot be used by this admin, or undefined when it can (or is not known). */
    private unavailableReason(name: string): string | undefined {
        const capability = (this.capabilities ?? []).find((item) => item.name === name);
        return capability && !capability.available ? capability.message || capability.label : undefined;
    }

    override connectedCallback(): void {
        this.load();
    }

    /**
     * Measures the org again (the shell calls it when a run or a fix elsewhere changed users or
     * seats, and when the admin comes back to this tab): the rows, the seat counts and the summary
     * follow. What the last fix said stays.
     */
    @api
    refresh(): Promise<void> {
        return this.load();
    }

    /** Reads the facts again; the rows follow. */
    async load(): Promise<void> {
        this.loading = true;
        try {
            this.facts = await getReadinessFacts();
            this.loadError = undefined;
        } catch (error) {
            this.loadError = error;
        } finally {
            this.loading = false;
        }
    }

    get showSpinner(): boolean {
        return this.loading || this.busy;
    }

    get hasFacts(): boolean {
        return !!this.facts;
    }

    /**
     * The rows for the facts and the chosen site and profile: evaluated once per answer and choice,
     * though a render reads them through several getters (rows, summary, progress, ready text).
     */
    get readinessRows(): ReadinessRow[] {
        const facts = this.facts;
        if (!facts) {
            return [];
        }
        const choice = `${this.siteId}|${this.profileId}`;
        const cached = EVALUATED.get(facts);
        if (cached?.choice === choice) {
            return cached.rows;
        }
        const rows = evaluateReadiness(facts, { siteId: this.siteId || null, profileId: this.profileId || null });
        EVALUATED.set(facts, { choice, rows });
        return rows;
    }

    get summary(): ReadinessSummary {
        return summarizeReadiness(this.readinessRows);
    }

    private reportedSummary = '';

    /** Reports the summary (`summary` event) whenever it changes: the assistant's header shows it. */
    override renderedCallback(): void {
        this.restoreFocus();
        if (!this.facts) return;
        const summary = this.summary;
        const key = `${summary.counts.done}/${summary.total}/${summary.ready}`;
        if (key !== this.reportedSummary) {
            this.reportedSummary = key;
            this.dispatchEvent(new CustomEvent('summary', { detail: summary }));
        }
    }

    /** Moves focus where the last action asked, once the checklist shows its outcome (not while busy). */
    private restoreFocus(): void {
        const pending = this.pendingFocus;
        if (!pending || this.showSpinner) return;
        this.pendingFocus = undefined;
        const row = this.template?.querySelector(`li.row-${pending.rowId}`);
        const target = [...pending.selectors, '.row-title']
            .map((selector) => row?.querySelector(selector) as (HTMLElement & { disabled?: boolean }) | null)
            .find((element) => element && !element.disabled);
        target?.focus();
    }

    /** Asks for focus after the action: the row's `selectors` in order, else its title and status. */
    private focusAfter(rowId: string, ...selectors: string[]): void {
        this.pendingFocus = { rowId, selectors };
    }

    get percentDone(): number {
        return this.summary.percentDone;
    }

    get progressText(): string {
        const summary = this.summary;
        const label = countedLabel(summary.total, PROGRESS_ONE, PROGRESS);
        return formatLabel(label, summary.counts.done, summary.total, summary.percentDone);
    }

    get readyText(): string {
        return this.summary.ready ? READY : NOT_READY;
    }

    get readyClass(): string {
        return `slds-text-body_regular ready-state ${this.summary.ready ? 'slds-text-color_success' : 'slds-text-color_error'}`;
    }

    get siteOptions(): { label: string; value: string }[] {
        return [
            { label: SITE_ANY, value: '' },
            ...(this.facts?.sites ?? []).map((site) => ({
                label: formatLabel(SITE_OPTION, site.name, siteStatusLabel(site.status)),
                value: site.id,
            })),
        ];
    }

    /** The Customer Community Plus profiles: the site and seats rows measure the one chosen. */
    get profileOptions(): { label: string; value: string }[] {
        return [
            { label: PROFILE_BEST, value: '' },
            ...(this.facts?.profiles ?? [])
                .filter((profile) => isCustomerCommunityPlus(profile.licenseName))
                .map((profile) => ({ label: profile.name, value: profile.id })),
        ];
    }

    get hasProfiles(): boolean {
        return this.profileOptions.length > 1;
    }

    /** "CLM Runtime User" of the org: the only set the sharer picker assigns (the server refuses any other). */
    private get sharerPermissionSet(): Apex.ReadinessService.PermissionSetFact | undefined {
        const [runtimeUser] = CONTRACT_SHARER_PERMISSION_SETS;
        return this.facts ? findPermissionSet(this.facts.permissionSets, runtimeUser) : undefined;
    }

    get hasSharerPermissionSet(): boolean {
        return !!this.sharerPermissionSet;
    }

    get sharerAssignLabel(): string {
        return formatLabel(SHARERS_ASSIGN, this.sharerPermissionSet?.label ?? '');
    }

    get sharerOptions(): { label: string; value: string }[] {
        return (this.sharerCandidates ?? []).map((user) => ({
            label: user.profileName ? `${user.name} (${user.profileName})` : user.name,
            value: user.id,
        }));
    }

    get hasSharerCandidates(): boolean {
        return (this.sharerCandidates?.length ?? 0) > 0;
    }

    get noSharerCandidates(): boolean {
        return this.sharerCandidates !== undefined && this.sharerCandidates.length === 0;
    }

    get sharerAssignDisabled(): boolean {
        return (
            this.showSpinner ||
            this.sharerSelection.length === 0 ||
            !this.sharerPermissionSet ||
            !!this.sharerAssignUnavailable
        );
    }

    /** Why this admin cannot assign the sharers' permission set, if they cannot. */
    get sharerAssignUnavailable(): string | undefined {
        return this.unavailableReason(SHARER_ASSIGN_CAPABILITY);
    }

    get hasSites(): boolean {
        return (this.facts?.sites.length ?? 0) > 0;
    }

    get rows(): RowView[] {
        return this.readinessRows.map((row) => {
            const tone = row.status === 'needs-action' && row.severity === 'warning' ? 'warning' : row.status;
            return {
                id: row.id,
                title: rowTitle(row.id),
                statusText: statusLabel(row.status),
                iconName: ICONS[tone].name,
                iconVariant: ICONS[tone].variant,
                itemClass: `slds-item readiness-row row-${row.id} status-${row.status}`,
                recommended: row.severity === 'warning',
                findings: row.findings.map((finding, index) => {
                    const action = finding.action;
                    const unavailable =
                        action.kind === 'fix' ? this.unavailableReason(FIX_CAPABILITIES[action.fix]) : undefined;
                    return {
                        key: `${row.id}-${index}`,
                        text: reasonMessage(finding),
                        fixLabel: action.kind === 'fix' ? fixLabel(action.fix, finding) : undefined,
                        fixDisabled: this.showSpinner || !!unavailable,
                        fixUnavailable: unavailable,
                        confirming: this.pendingActivation?.key === `${row.id}-${index}`,
                        confirmTitleId: `activation-confirm-title-${row.id}-${index}`,
                        ...verdictView(finding.verdict),
                    };
                }),
                setupUrl: row.setupUrl,
                setupLinkLabel: setupLinkLabel(row.setupUrl),
                canConfirm: row.status === 'confirm',
                canUndo: row.confirmed,
                notes: (row.notes ?? []).map((note, index) => ({
                    key: `${row.id}-note-${index}`,
                    text: reasonMessage(note),
                })),
                isSharers: row.id === 'CONTRACT_SHARERS',
            };
        });
    }

    handleRefresh(): void {
        this.fixResult = undefined;
        this.actionError = undefined;
        this.load();
    }

    handleSiteChange(event: CustomEvent<{ value: string }>): void {
        this.siteId = event.detail.value;
    }

    handleProfileChange(event: CustomEvent<{ value: string }>): void {
        this.profileId = event.detail.value;
    }

    /** A Fix button: `data-key` is `<rowId>-<finding index>`. */
    async handleFix(event: Event): Promise<void> {
        const key = (event.target as HTMLElement).dataset.key ?? '';
        const separator = key.lastIndexOf('-');
        const row = this.readinessRows.find((item) => item.id === key.slice(0, separator));
        const action = row?.findings[Number(key.slice(separator + 1))]?.action;
        if (!action || action.kind !== 'fix' || this.unavailableReason(FIX_CAPABILITIES[action.fix])) {
            return;
        }
        if (action.fix === 'ACTIVATE_SITE') {
            // Activation can send welcome emails to every member: the admin confirms first.
            const site = this.facts?.sites.find((item) => item.id === action.values[0]);
            const name = site?.name ?? action.values[0];
            this.pendingActivation = {
                key,
                siteId: action.values[0],
                title: formatLabel(CONFIRM_TITLE, name),
                body: formatLabel(CONFIRM_BODY, name),
                welcome: formatLabel(site?.sendWelcomeEmail === false ? CONFIRM_NO_WELCOME : CONFIRM_WELCOME, name),
            };
            return;
        }
        // Done, the fix disappears: focus goes to the row's title and new status.
        this.focusAfter(this.rowIdOf(key), `lightning-button.fix[data-key="${key}"]`);
        await this.runFix(action.fix, action.values);
    }

    /** "Activate" in the confirmation: the activation runs. */
    async handleConfirmActivation(): Promise<void> {
        const pending = this.pendingActivation;
        this.pendingActivation = undefined;
        if (pending) {
            this.focusAfter(this.rowIdOf(pending.key), `lightning-button.fix[data-key="${pending.key}"]`);
            await this.runFix('ACTIVATE_SITE', [pending.siteId]);
        }
    }

    handleCancelActivation(): void {
        const pending = this.pendingActivation;
        this.pendingActivation = undefined;
        if (pending) {
            // Back to the Activate button the confirmation opened from.
            this.focusAfter(this.rowIdOf(pending.key), `lightning-button.fix[data-key="${pending.key}"]`);
        }
    }

    /**
     * Escape in the checklist while an activation waits for confirmation: the confirmation closes
     * as Cancel does (focus back on the Activate button that opened it). Only then is Escape kept
     * from an enclosing modal; a control that handled Escape itself has already prevented it.
     */
    handleKeydown(event: KeyboardEvent): void {
        if (event.key !== 'Escape' || event.defaultPrevented || !this.pendingActivation) {
            return;
        }
        event.preventDefault();
        event.stopPropagation();
        this.handleCancelActivation();
    }

    /** The row id of a finding key `<rowId>-<finding index>`. */
    private rowIdOf(key: string): string {
        return key.slice(0, key.lastIndexOf('-'));
    }

    handleSharerTerm(event: CustomEvent<{ value: string }>): void {
        this.sharerTerm = event.detail.value ?? '';
    }

    async handleSharerSearch(): Promise<void> {
        await this.run(async () => {
            this.sharerCandidates = await searchInternalUsers({ searchTerm: this.sharerTerm || null });
            this.sharerSelection = [];
        });
    }

    handleSharerSelection(event: CustomEvent<{ value: string[] }>): void {
        this.sharerSelection = [...(event.detail.value ?? [])];
    }

    /** Gives the chosen internal users CLM Runtime User (the server checks users and set, license first). */
    async handleSharerAssign(): Promise<void> {
        const permissionSet = this.sharerPermissionSet;
        if (!permissionSet || this.sharerSelection.length === 0 || this.sharerAssignUnavailable) {
            return;
        }
        // Assigned, the list and its button go: focus goes to the row's title and new status.
        this.focusAfter('CONTRACT_SHARERS', 'lightning-button.sharer-assign');
        await this.run(async () => {
            this.fixResult = await assignSharerPermissionSet({
                userIds: [...this.sharerSelection],
                permissionSetId: permissionSet.id,
            });
            if (this.fixResult.ok) {
                this.sharerSelection = [];
                this.sharerCandidates = undefined;
                await this.load();
            }
        });
    }

    private async runFix(fix: ReadinessFix, values: readonly string[]): Promise<void> {
        await this.run(async () => {
            this.fixResult = await FIX_CALLS[fix](values);
            if (this.fixResult.ok) {
                await this.load();
            }
        });
    }

    async handleConfirm(event: Event): Promise<void> {
        const rowId = (event.target as HTMLElement).dataset.row ?? '';
        // Confirmed, "Mark as done" becomes "Undo confirmation": focus follows it.
        this.focusAfter(rowId, 'lightning-button.undo', 'lightning-button.confirm');
        await this.run(async () => {
            await confirmReadinessStep({ rowId });
            await this.load();
        });
    }

    async handleUndo(event: Event): Promise<void> {
        const rowId = (event.target as HTMLElement).dataset.row ?? '';
        // Withdrawn, "Undo confirmation" becomes "Mark as done" again: focus follows it.
        this.focusAfter(rowId, 'lightning-button.confirm', 'lightning-button.undo');
        await this.run(async () => {
            await clearReadinessConfirmation({ rowId });
            await this.load();
        });
    }

    private async run(action: () => Promise<void>): Promise<void> {
        this.busy = true;
        this.actionError = undefined;
        this.fixResult = undefined;
        try {
            await action();
        } catch (error) {
            this.actionError = error;
        } finally {
            this.busy = false;
        }
    }
}
