import { LightningElement, track, wire } from 'lwc';
import getAssistantContext from '@salesforce/apex/SetupAssistantController.getAssistantContext';
import { CurrentPageReference } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';
import { formatLabel, pluralLabel } from 'c/labelFormat';
import { TABS, TAB_CAPABILITIES, openingTab, readWorkspaceState, tabAfterKey } from 'c/workspaceState';
import type { WorkspaceTab } from 'c/workspaceState';
import type { ReadinessSummary } from 'c/readinessRules';
import APP_TITLE from '@salesforce/label/c.CCSA_App_Title';
import APP_TAGLINE from '@salesforce/label/c.CCSA_App_Tagline';
import LOADING from '@salesforce/label/c.CCSA_Loading';
import RUNNING_AS from '@salesforce/label/c.CCSA_Running_As';
import ROLE_PRESENT from '@salesforce/label/c.CCSA_Role_Present';
import ROLE_MISSING_TITLE from '@salesforce/label/c.CCSA_Role_Missing_Title';
import ROLE_MISSING_BODY from '@salesforce/label/c.CCSA_Role_Missing_Body';
import ROLE_MISSING_LINK from '@salesforce/label/c.CCSA_Role_Missing_Link';
import CONTEXT_ERROR from '@salesforce/label/c.CCSA_Context_Error';
import CAPABILITIES_TITLE from '@salesforce/label/c.CCSA_Capabilities_Title';
import CAPABILITIES_BODY from '@salesforce/label/c.CCSA_Capabilities_Body';
import CAPABILITY_ITEM from '@salesforce/label/c.CCSA_Capability_Item';
import TAB_READINESS from '@salesforce/label/c.CCSA_Tab_Readiness';
import TAB_ENABLE_USERS from '@salesforce/label/c.CCSA_Tab_Enable_Users';
import TAB_LICENSE_UPGRADES from '@salesforce/label/c.CCSA_Tab_License_Upgrades';
import TAB_USER_DOCTOR from '@salesforce/label/c.CCSA_Tab_User_Doctor';
import TAB_HISTORY from '@salesforce/label/c.CCSA_Tab_History';
import SUMMARY_ONE from '@salesforce/label/c.CCSA_Readiness_Summary_One';
import SUMMARY_MANY from '@salesforce/label/c.CCSA_Readiness_Summary_Many';
import SUMMARY_READY from '@salesforce/label/c.CCSA_Readiness_Summary_Ready';
import SUMMARY_TITLE from '@salesforce/label/c.CCSA_Readiness_Summary_Title';
import SHOW_STEPS from '@salesforce/label/c.CCSA_Readiness_Show_Steps';

type AssistantContext = Apex.AssistantContextService.AssistantContext;
type Capability = Apex.SetupAssistantCapabilities.Capability;

/** Whether a section's capability can be used, and what to show instead when it cannot. */
interface SectionState {
    available: boolean;
    message?: string | null;
}

/** One tab of the tab list, as the template shows it. */
interface TabView {
    value: WorkspaceTab;
    label: string;
    tabId: string;
    panelId: string;
    itemClass: string;
    selected: string;
    tabIndex: string;
}

/** One tab's panel: rendered once it has been open (or is), shown while it is open. */
interface PanelView {
    loaded: boolean;
    className: string;
}

/** Setup page where an admin gives a user a role (Setup > Users). */
const USERS_SETUP_PATH = '/lightning/setup/ManageUsers/home';
/** The panel whose runs start the jobs of each kind (it follows a job resumed in the jobs panel). */
const RESUMABLE_PANELS: Record<string, string> = {
    ENABLE_USERS: 'c-enable-users',
    LICENSE_CHANGE: 'c-license-upgrade',
};

/**
 * The Setup Assistant tab: the header with who runs the assistant, in which org, and how ready
 * the org is; then one tab per capability (Readiness, Enable users, License upgrades, User
 * doctor, History), opened from the page state (`c__tab`) and by the hand-overs between them.
 * It holds no rules of its own: the tab and the records come from `c/workspaceState`, the
 * readiness summary from the checklist itself.
 */
export default class SetupAssistant extends LightningElement {
    labels = {
        title: APP_TITLE,
        tagline: APP_TAGLINE,
        loading: LOADING,
        roleMissingTitle: ROLE_MISSING_TITLE,
        roleMissingBody: ROLE_MISSING_BODY,
        roleMissingLink: ROLE_MISSING_LINK,
        contextError: CONTEXT_ERROR,
        capabilitiesTitle: CAPABILITIES_TITLE,
        capabilitiesBody: CAPABILITIES_BODY,
        tabReadiness: TAB_READINESS,
        tabEnableUsers: TAB_ENABLE_USERS,
        tabLicenseUpgrades: TAB_LICENSE_UPGRADES,
        tabUserDoctor: TAB_USER_DOCTOR,
        tabHistory: TAB_HISTORY,
        summaryReady: SUMMARY_READY,
        summaryTitle: SUMMARY_TITLE,
        showSteps: SHOW_STEPS,
    };

    usersSetupUrl = USERS_SETUP_PATH;
    context?: AssistantContext;
    error?: unknown;

    @wire(getAssistantContext)
    wiredContext({ data, error }: ApexWireResult<AssistantContext>): void {
        this.context = data;
        this.error = error;
    }

    /** Contacts handed over by the list view button or a link (`c__contactIds`): Enable users. */
    handedOverContactIds: string[] = [];
    /** What `c__contactIds` held that is no contact id: Enable users names it. */
    ignoredContactIds: string[] = [];
    /** The user the User doctor examines when handed over (`c__userIds` with one user). */
    doctorUserId?: string;
    /** Users handed over to License upgrades (`c__userIds`, or the doctor's "Upgrade the license"). */
    upgradeUserIds: string[] = [];
    /** The tab the page state asks for. */
    private askedTab: WorkspaceTab | null = null;
    /** The tab on screen once the admin or a hand-over chose one. */
    private chosenTab: WorkspaceTab | null = null;

    /** The checklist's own summary (its `summary` event): the header and the collapsed tab show it. */
    @track readinessSummary?: ReadinessSummary;
    /** Every required step was already done when the checklist first measured: it shows only the summary. */
    collapsed = false;
    /**
     * The tabs whose panels have been open, rendered since and kept (hidden) when another tab
     * opens, their state with them. Readiness always is: its checklist measures the org for the
     * header's summary whatever tab is open.
     */
    private loadedTabs: WorkspaceTab[] = ['readiness'];

    @wire(CurrentPageReference)
    wiredPageReference(pageReference?: PageReference): void {
        const state = readWorkspaceState(pageReference?.state);
        const before = this.context ? this.activeTab : null;
        if (before) {
            this.keepLoaded(before);
        }
        this.handedOverContactIds = state.contactIds;
        this.ignoredContactIds = state.ignoredContactIds;
        this.askedTab = state.tab;
        this.chosenTab = null;
        if (state.tab === 'licenseUpgrades') {
            this.upgradeUserIds = state.userIds;
        } else if (state.userIds.length > 0) {
            this.doctorUserId = state.userIds[0];
        }
        // A link back to Readiness from another tab measures again, as a click on its tab does.
        if (before && before !== 'readiness' && this.activeTab === 'readiness') {
            this.refreshAll('c-readiness-checklist');
        }
    }

    /** The open tab: chosen by the admin or a hand-over, else asked by the page, else Readiness. */
    get activeTab(): WorkspaceTab {
        const available = (tab: WorkspaceTab): boolean =>
            this.capabilityByName.get(TAB_CAPABILITIES[tab])?.available ?? true;
        return this.chosenTab ?? openingTab(this.askedTab, available);
    }

    /** The tab list: the open tab is selected and is the list's one tab stop. */
    get tabs(): TabView[] {
        const active = this.activeTab;
        const labels: Record<WorkspaceTab, string> = {
            readiness: this.labels.tabReadiness,
            enableUsers: this.labels.tabEnableUsers,
            licenseUpgrades: this.labels.tabLicenseUpgrades,
            userDoctor: this.labels.tabUserDoctor,
            history: this.labels.tabHistory,
        };
        return TABS.map((value) => {
            const selected = value === active;
            return {
                value,
                label: labels[value],
                tabId: `tab-${value}`,
                panelId: `panel-${value}`,
                // slds-has-focus: SLDS's hook for the focused tab's outline (what lightning-tab-bar sets).
                itemClass: `slds-tabs_default__item${selected ? ' slds-is-active' : ''}${
                    value === this.focusedTab ? ' slds-has-focus' : ''
                }`,
                selected: String(selected),
                tabIndex: selected ? '0' : '-1',
            };
        });
    }

    /** Per tab, whether its panel is rendered and whether it shows. */
    get panels(): Record<WorkspaceTab, PanelView> {
        const active = this.activeTab;
        const panels = {} as Record<WorkspaceTab, PanelView>;
        for (const tab of TABS) {
            const open = tab === active;
            panels[tab] = {
                loaded: open || this.loadedTabs.includes(tab),
                className: `slds-tabs_default__content ${open ? 'slds-show' : 'slds-hide'}`,
            };
        }
        return panels;
    }

    /** The admin clicked a tab. */
    handleTabClick(event: Event): void {
        event.preventDefault();
        const value = (event.currentTarget as HTMLElement).dataset.tab as WorkspaceTab | undefined;
        if (value && TABS.includes(value)) {
            this.openTab(value);
        }
    }

    /** The tab that has the keyboard focus, outlined. */
    private focusedTab: WorkspaceTab | null = null;

    handleTabFocus(event: Event): void {
        this.focusedTab = ((event.currentTarget as HTMLElement).dataset.tab as WorkspaceTab | undefined) ?? null;
    }

    handleTabBlur(): void {
        this.focusedTab = null;
    }

    /**
     * Arrow keys, Home and End in the tab list open a tab and move the focus to it; with Alt, Ctrl
     * or Meta they are the browser's (Alt+Left is Back).
     */
    handleTabKeydown(event: KeyboardEvent): void {
        if (event.altKey || event.ctrlKey || event.metaKey) {
            return;
        }
        const next = tabAfterKey(this.activeTab, event.key, document.dir === 'rtl');
        if (!next) {
            return;
        }
        event.preventDefault();
        this.openTab(next);
        (this.template?.querySelector(`a[data-tab="${next}"]`) as HTMLElement | null)?.focus();
    }

    /**
     * Opens a tab; the one that was open stays rendered. Back on Readiness from another tab: what
     * was done there (a user enabled, a license changed, a doctor's fix) may have changed seats and
     * steps, so the checklist measures again.
     */
    private openTab(value: WorkspaceTab): void {
        const current = this.activeTab;
        if (value === current) {
            return;
        }
        if (value === 'readiness') {
            this.refreshAll('c-readiness-checklist');
        }
        this.keepLoaded(current);
        this.chosenTab = value;
    }

    private keepLoaded(tab: WorkspaceTab): void {
        if (!this.loadedTabs.includes(tab)) {
            this.loadedTabs = [...this.loadedTabs, tab];
        }
    }

    /** The checklist measured the org: its first summary decides whether it opens collapsed. */
    handleReadinessSummary(event: CustomEvent<ReadinessSummary>): void {
        if (!this.readinessSummary) {
            this.collapsed = event.detail.ready;
        }
        this.readinessSummary = event.detail;
    }

    handleShowSteps(): void {
        this.collapsed = false;
    }

    /** "7 of 8 steps done", or nothing before the checklist measured. */
    get readinessSummaryText(): string {
        const summary = this.readinessSummary;
        return summary ? pluralLabel(summary.total, SUMMARY_ONE, SUMMARY_MANY, summary.counts.done) : '';
    }

    get readinessSummaryClass(): string {
        const tone = this.readinessSummary?.ready ? 'slds-theme_success' : 'slds-theme_warning';
        return `slds-badge readiness-summary ${tone}`;
    }

    get checklistClass(): string {
        return this.collapsed ? 'slds-hide' : '';
    }

    get isLoading(): boolean {
        return !this.context && !this.error;
    }

    get runningAs(): string {
        return this.context ? formatLabel(RUNNING_AS, this.context.userName, this.context.organizationName) : '';
    }

    get roleText(): string {
        return this.context?.roleName ? formatLabel(ROLE_PRESENT, this.context.roleName) : '';
    }

    /** The user doctor hands a user on another license over: License upgrades opens with that user selected. */
    handleDoctorUpgrade(event: CustomEvent<{ userId?: string }>): void {
        const userId = event.detail?.userId;
        this.upgradeUserIds = userId ? [userId] : [];
        this.openTab('licenseUpgrades');
    }

    /**
     * A panel started a job (a run of more than 200 rows on the platform's queue): the jobs
     * panels under Enable users and License upgrades show it at once, then poll while it runs.
     */
    handleJobStarted(): void {
        this.refreshAll('c-jobs-panel');
    }

    /** A job resumed in a jobs panel: the panel whose run started it follows it to its end. */
    handleJobResumed(event: CustomEvent<{ jobId: string; kind: string }>): void {
        const selector = RESUMABLE_PANELS[event.detail?.kind ?? ''];
        const panel = selector
            ? (this.template?.querySelector(selector) as
                  (HTMLElement & { followResumedJob?: (jobId: string) => boolean }) | null)
            : null;
        if (panel && typeof panel.followResumedJob === 'function') {
            panel.followResumedJob(event.detail.jobId);
        }
    }

    /**
     * A run (in the browser, or a job that finished) wrote users and History rows: History, when
     * it is loaded, reads its page again; the jobs panels show the job's outcome; the readiness
     * checklist counts the seats again; the other run panel's plan waits for its next Check or
     * Validate.
     */
    handleRunCompleted(event?: Event): void {
        this.refreshAll('c-history-panel');
        this.refreshAll('c-jobs-panel');
        // Seats and the header's summary count the users just created or changed.
        this.refreshAll('c-readiness-checklist');
        // The other run panel's plan was checked before these users changed: it waits for a new
        // Check or Validate (admin walk: a seat taken in Enable users, still counted in License upgrades).
        const source = event?.currentTarget ?? null;
        for (const selector of ['c-enable-users', 'c-license-upgrade']) {
            const panel = this.template?.querySelector(selector) as
                (HTMLElement & { orgChanged?: () => void }) | null | undefined;
            if (panel && panel !== source && typeof panel.orgChanged === 'function') {
                panel.orgChanged();
            }
        }
    }

    private refreshAll(selector: string): void {
        const panels = this.template?.querySelectorAll(selector) ?? [];
        panels.forEach((panel) => {
            const refresh = (panel as HTMLElement & { refresh?: () => unknown }).refresh;
            if (typeof refresh === 'function') {
                refresh.call(panel);
            }
        });
    }

    /** The capabilities this admin cannot use, each with the Salesforce permissions it lacks. */
    get unavailableCapabilities(): Array<{ name: string; text: string }> {
        return (this.context?.capabilities ?? [])
            .filter((capability) => !capability.available)
            .map((capability) => ({
                name: capability.name,
                text: formatLabel(CAPABILITY_ITEM, capability.label, capability.missingPermissions.join('; ')),
            }));
    }

    get showCapabilityNotice(): boolean {
        return this.unavailableCapabilities.length > 0;
    }

    /**
     * Per capability, whether its section can load: a section the admin cannot use shows the
     * reason (the message Apex would throw) instead of a panel whose first call would fail.
     * A capability the context does not mention is treated as available; Apex still checks it.
     */
    get sections(): Record<string, SectionState> {
        const byName = this.capabilityByName;
        const state = (name: string): SectionState => {
            const capability = byName.get(name);
            return { available: capability?.available ?? true, message: capability?.message };
        };
        return {
            readiness: state('READINESS'),
            enableUsers: state('ENABLE_USERS'),
            userDoctor: state('USER_DOCTOR'),
            licenseUpgrades: state('LICENSE_UPGRADES'),
            history: state('HISTORY'),
        };
    }

    private get capabilityByName(): Map<string, Capability> {
        return new Map<string, Capability>(
            (this.context?.capabilities ?? []).map((capability) => [capability.name, capability]),
        );
    }

    /** Salesforce requires a role on the owner of any account whose contacts become portal users. */
    get showRoleWarning(): boolean {
        return this.context?.hasRole === false;
    }
}
