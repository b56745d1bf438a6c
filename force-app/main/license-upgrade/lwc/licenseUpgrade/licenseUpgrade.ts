import { LightningElement, api } from 'lwc';
import getUpgradeTargets from '@salesforce/apex/LicenseUpgradeController.getUpgradeTargets';
import searchUpgradeCandidates from '@salesforce/apex/LicenseUpgradeController.searchUpgradeCandidates';
import getUpgradeFacts from '@salesforce/apex/LicenseUpgradeController.getUpgradeFacts';
import snapshotLicenseChanges from '@salesforce/apex/LicenseUpgradeController.snapshotLicenseChanges';
import applyLicenseChanges from '@salesforce/apex/LicenseUpgradeController.applyLicenseChanges';
import reconcileLicenseChanges from '@salesforce/apex/LicenseUpgradeController.reconcileLicenseChanges';
import enablePartnerAccounts from '@salesforce/apex/LicenseUpgradeController.enablePartnerAccounts';
import cancelLicenseChange from '@salesforce/apex/LicenseUpgradeController.cancelLicenseChange';
import { KNOWN_LICENSES, TARGET_LICENSES } from 'c/licenseConversion';
import { validateUpgrade } from 'c/upgradeValidator';
import type { Item, ValidationResult } from 'c/upgradeValidator';
import {
    buildChangeRequest,
    cancellableLogIds,
    isReady,
    manualSteps,
    mergeResults,
    pendingLogIds,
} from 'c/upgradePlan';
import { itemMessage, pathLabel, statusLabel, stepMessage } from 'c/upgradeMessages';
import { runInChunks } from 'c/bulkRunner';
import { reduceErrors } from 'c/errorUtils';
import { formatLabel } from 'c/labelFormat';
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
import SELECTED from '@salesforce/label/c.CCSA_Upgrade_Selected';
import VALIDATE from '@salesforce/label/c.CCSA_Upgrade_Validate';
import VERDICTS from '@salesforce/label/c.CCSA_Upgrade_Verdicts';
import READY_COUNT from '@salesforce/label/c.CCSA_Upgrade_Ready_Count';
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
import CANCELLED from '@salesforce/label/c.CCSA_Upgrade_Cancelled';

type TargetOption = Apex.LicenseUpgradeService.TargetOption;
type UserOption = Apex.LicenseUpgradeService.UserOption;
type UpgradeFacts = Apex.LicenseUpgradeService.UpgradeFacts;
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

function lines(prefix: string, items: readonly Item[]): VerdictLine[] {
    return items.map((item, index) => ({ key: `${prefix}-${index}`, text: itemMessage(item) }));
}

/**
 * "License upgrades" in the Setup Assistant: choose external users and a target profile, see
 * each user's seed 003 verdict, acknowledge irreversible changes, run the change in chunks of
 * 200 (snapshot, apply, reconcile), and retry what did not finish. The rules live in
 * `c/upgradeValidator` and `c/upgradePlan`; this component only orchestrates.
 */
export default class LicenseUpgrade extends LightningElement {
    labels = {
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
    };

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
    licenseFilter = '';
    searchTerm = '';
    candidates: UserOption[] = [];
    searched = false;
    selectedIds: string[] = [];
    targetLicense = '';
    targetProfileId = '';
    facts?: UpgradeFacts;
    validation?: ValidationResult;
    acknowledged: Set<string> = new Set();
    results: ChangeResult[] = [];
    /** The target of the run the results belong to: Apex continues a log only for its own target. */
    runTargetProfileId = '';
    progress = 0;
    busy = false;
    running = false;
    loadError?: unknown;
    runErrors?: unknown;
    notice = '';

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
        this.loadTargets();
        if (this.handedOverIds.length > 0) {
            this.receiveHandedOver();
        }
    }

    /** Lists the external users (as an empty search does) with the handed-over ones selected. */
    private async receiveHandedOver(): Promise<void> {
        const ids = this.handedOverIds;
        this.licenseFilter = '';
        this.searchTerm = '';
        this.selectedIds = [...ids];
        await this.handleSearch();
        // The selection the search kept: a handed-over id that is no external user is dropped.
        this.selectedIds = this.selectedIds.filter((id) => ids.includes(id));
    }

    async loadTargets(): Promise<void> {
        try {
            this.targets = await getUpgradeTargets();
        } catch (error) {
            this.loadError = error;
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
                label: formatLabel(TARGET_OPTION, target.profileName, target.licenseName, target.seatsAvailable),
                value: target.profileId,
            }));
    }

    get selectedText(): string {
        return formatLabel(SELECTED, this.selectedIds.length);
    }

    get noCandidates(): boolean {
        return this.searched && this.candidates.length === 0;
    }

    get hasCandidates(): boolean {
        return this.candidates.length > 0;
    }

    get cannotValidate(): boolean {
        return this.busy || this.selectedIds.length === 0 || !this.targetProfileId;
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
            };
        });
    }

    get selectionBlockers(): VerdictLine[] {
        return this.validation ? lines('selection', this.validation.selectionBlockers) : [];
    }

    get readyCount(): number {
        return this.validation?.users.filter((verdict) => isReady(verdict, this.acknowledged)).length ?? 0;
    }

    get readyText(): string {
        return formatLabel(READY_COUNT, this.readyCount, this.validation?.users.length ?? 0);
    }

    get needsAcknowledgement(): boolean {
        return this.validation?.users.some((verdict) => verdict.canChange && verdict.requiresAcknowledgement) ?? false;
    }

    get cannotRun(): boolean {
        return this.busy || this.readyCount === 0;
    }

    get resultRows(): ResultRow[] {
        const names = new Map((this.facts?.users ?? []).map((user) => [user.id, user.name]));
        return this.results.map((result) => ({
            userId: result.userId,
            name: names.get(result.userId) ?? result.userId,
            userUrl: userUrl(result.userId),
            status: statusLabel(result.status),
            errors: (result.errors ?? []).join('\n'),
        }));
    }

    get canRetry(): boolean {
        return !this.busy && pendingLogIds(this.results).length > 0;
    }

    /** Changes left half done, or an unfinished change that refused a user (UNFINISHED_CHANGE). */
    get canCancel(): boolean {
        return !this.busy && cancellableLogIds(this.results).length > 0;
    }

    handleLicenseFilter(event: CustomEvent<{ value: string }>): void {
        this.licenseFilter = event.detail.value;
    }

    handleSearchTerm(event: CustomEvent<{ value: string }>): void {
        this.searchTerm = event.detail.value;
    }

    async handleSearch(): Promise<void> {
        this.busy = true;
        this.loadError = undefined;
        try {
            this.candidates = await searchUpgradeCandidates({
                licenseName: this.licenseFilter || null,
                searchTerm: this.searchTerm || null,
            });
            this.searched = true;
            const found = new Set(this.candidates.map((candidate) => candidate.id));
            this.selectedIds = this.selectedIds.filter((id) => found.has(id));
        } catch (error) {
            this.loadError = error;
        } finally {
            this.busy = false;
        }
    }

    handleRowSelection(event: CustomEvent<{ selectedRows: UserOption[] }>): void {
        this.selectedIds = event.detail.selectedRows.map((row) => row.id);
        this.clearValidation();
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
        this.facts = undefined;
        this.validation = undefined;
        this.acknowledged = new Set();
        this.notice = '';
    }

    async handleValidate(): Promise<void> {
        this.busy = true;
        this.loadError = undefined;
        this.results = [];
        this.notice = '';
        try {
            const facts = await getUpgradeFacts({ userIds: this.selectedIds, targetProfileId: this.targetProfileId });
            this.validation = validateUpgrade(facts.users, facts.target);
            this.facts = facts;
            this.acknowledged = new Set();
        } catch (error) {
            this.loadError = error;
            this.facts = undefined;
            this.validation = undefined;
        } finally {
            this.busy = false;
        }
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

    handleAcknowledgeAll(event: CustomEvent<{ checked: boolean }>): void {
        const eligible = (this.validation?.users ?? []).filter(
            (verdict) => verdict.canChange && verdict.requiresAcknowledgement,
        );
        this.acknowledged = event.detail.checked ? new Set(eligible.map((verdict) => verdict.userId)) : new Set();
    }

    async handleEnablePartner(event: CustomEvent<{ accountId: string }>): Promise<void> {
        this.busy = true;
        try {
            const errors = await enablePartnerAccounts({
                accountIds: [event.detail.accountId],
                userIds: (this.facts?.users ?? []).map((user) => user.id),
            });
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

    /** Steps 2 and 3 for the logs of one chunk. */
    async finish(logIds: string[]): Promise<ChangeResult[]> {
        if (logIds.length === 0) {
            return [];
        }
        const targetProfileId = this.runTargetProfileId;
        const applied = await applyLicenseChanges({ logIds, targetProfileId });
        return reconcileLicenseChanges({ outcomes: applied, targetProfileId });
    }

    async handleRun(): Promise<void> {
        if (!this.facts || !this.validation) {
            return;
        }
        const request = buildChangeRequest(this.facts, this.validation, this.acknowledged);
        this.runTargetProfileId = request.targetProfileId;
        this.startRun();
        this.results = await runInChunks<ChangeItem, ChangeResult>(
            request.users,
            async (items) => {
                const snapshots = await snapshotLicenseChanges({
                    request: { targetProfileId: request.targetProfileId, users: items },
                });
                return mergeResults(snapshots, await this.finish(pendingLogIds(snapshots)));
            },
            (items, error) => this.failed(items, error),
            (progress) => (this.progress = progress.percent),
        );
        this.endRun();
    }

    async handleRetry(): Promise<void> {
        const pending = this.results.filter((result) => pendingLogIds([result]).length > 0);
        this.startRun();
        const retried = await runInChunks<ChangeResult, ChangeResult>(
            pending,
            (items) => this.finish(pendingLogIds(items)),
            (items, error) => this.failed(items, error),
            (progress) => (this.progress = progress.percent),
        );
        this.results = mergeResults(this.results, retried);
        this.endRun();
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
        this.notice = cancelled.length > 0 ? formatLabel(CANCELLED, cancelled.length) : '';
        if (failures.length > 0) {
            this.runErrors = failures;
        }
    }

    startRun(): void {
        this.busy = true;
        this.running = true;
        this.progress = 0;
        this.runErrors = undefined;
    }

    endRun(): void {
        this.busy = false;
        this.running = false;
        const failures = this.results.flatMap((result) => result.errors ?? []);
        this.runErrors = failures.length > 0 ? failures : undefined;
    }
}
