import { LightningElement, api } from 'lwc';
import searchDoctorUsers from '@salesforce/apex/UserDoctorController.searchDoctorUsers';
import getDoctorFacts from '@salesforce/apex/UserDoctorController.getDoctorFacts';
import activateUser from '@salesforce/apex/UserDoctorController.activateUser';
import enableContentUser from '@salesforce/apex/UserDoctorController.enableContentUser';
import assignPermissionSetLicense from '@salesforce/apex/UserDoctorController.assignPermissionSetLicense';
import assignPermissionSet from '@salesforce/apex/UserDoctorController.assignPermissionSet';
import activateSite from '@salesforce/apex/ReadinessController.activateSite';
import addSiteMember from '@salesforce/apex/ReadinessController.addSiteMember';
import sendLoginEmail from '@salesforce/apex/UserDoctorController.sendLoginEmail';
import { examineUser } from 'c/userDoctor';
import type { CheckStatus, DoctorFix, DoctorResult } from 'c/userDoctor';
import { blockedMessage, checkMessage, checkStatusLabel, checkTitle, doctorFixLabel } from 'c/doctorMessages';
import { setupLinkLabel } from 'c/readinessMessages';
import { formatLabel } from 'c/labelFormat';
import { SelectionModel } from 'c/selectionModel';
import TITLE from '@salesforce/label/c.CCSA_Doctor_Title';
import INTRO from '@salesforce/label/c.CCSA_Doctor_Intro';
import SEARCH_LABEL from '@salesforce/label/c.CCSA_Doctor_Search_Label';
import SEARCH_PLACEHOLDER from '@salesforce/label/c.CCSA_Doctor_Search_Placeholder';
import COLUMN_NAME from '@salesforce/label/c.CCSA_Doctor_Column_Name';
import COLUMN_USERNAME from '@salesforce/label/c.CCSA_Doctor_Column_Username';
import COLUMN_LICENSE from '@salesforce/label/c.CCSA_Doctor_Column_License';
import COLUMN_ACCOUNT from '@salesforce/label/c.CCSA_Doctor_Column_Account';
import SUMMARY from '@salesforce/label/c.CCSA_Doctor_Summary';
import HEALTHY from '@salesforce/label/c.CCSA_Doctor_Healthy';
import UPGRADE from '@salesforce/label/c.CCSA_Doctor_Upgrade';
import OPEN_SETUP from '@salesforce/label/c.CCSA_Doctor_Open_Setup';
import REFRESH from '@salesforce/label/c.CCSA_Doctor_Refresh';
import LOAD_ERROR from '@salesforce/label/c.CCSA_Doctor_Load_Error';
import ACTION_ERROR from '@salesforce/label/c.CCSA_Doctor_Action_Error';
import LOADING from '@salesforce/label/c.CCSA_Loading';
import SEND_LOGIN_EMAIL from '@salesforce/label/c.CCSA_Doctor_Send_Login_Email';
import SEND_LOGIN_EMAIL_HELP from '@salesforce/label/c.CCSA_Doctor_Send_Login_Email_Help';
import SEND_LOGIN_EMAIL_CONFIRM_TITLE from '@salesforce/label/c.CCSA_Doctor_Send_Login_Email_Confirm_Title';
import SEND_LOGIN_EMAIL_CONFIRM_BODY from '@salesforce/label/c.CCSA_Doctor_Send_Login_Email_Confirm_Body';
import SEND_LOGIN_EMAIL_CONFIRM_BUTTON from '@salesforce/label/c.CCSA_Doctor_Send_Login_Email_Confirm_Button';
import CANCEL from '@salesforce/label/c.CCSA_Doctor_Cancel';

type FixResult = Apex.ReadinessFixService.FixResult;
type DoctorFacts = Apex.UserDoctorService.DoctorFacts;
type DoctorUserRow = Apex.UserDoctorService.DoctorUserRow;
type Capability = Apex.SetupAssistantCapabilities.Capability;

interface CheckView {
    id: string;
    title: string;
    statusText: string;
    text: string;
    iconName: string;
    iconVariant: string;
    itemClass: string;
    /** The Fix button's label, when a fix can run now. */
    fixLabel?: string;
    /** The Fix button is disabled: busy, or the admin lacks the permission the fix needs. */
    fixDisabled?: boolean;
    /** Why the fix cannot run for this admin (the capability's message), shown under the button. */
    fixUnavailable?: string;
    /** "Fix first: ..." when the fix waits for other checks. */
    blockedText?: string;
    /** The Setup page, when that is the remedy. */
    setupUrl?: string;
    /** The Setup link's accessible name: which page it opens. */
    setupLinkLabel?: string;
    /** The license upgrade takes over. */
    upgrade: boolean;
}

/** Icon and `lightning-icon` variant of each status. */
const ICONS: Readonly<Record<CheckStatus, { name: string; variant: string }>> = {
    pass: { name: 'utility:success', variant: 'success' },
    fail: { name: 'utility:error', variant: 'error' },
    unknown: { name: 'utility:help', variant: '' },
};

/** The Apex method of each fix, called with the ids the rules put in its values. */
const FIX_CALLS: Readonly<Record<DoctorFix, (values: readonly string[]) => Promise<FixResult>>> = {
    ACTIVATE_USER: (values) => activateUser({ userId: values[0] }),
    ENABLE_CONTENT_USER: (values) => enableContentUser({ userId: values[0] }),
    ASSIGN_PSL: (values) => assignPermissionSetLicense({ userId: values[0], pslId: values[1] }),
    ASSIGN_PERMISSION_SET: (values) => assignPermissionSet({ userId: values[0], permissionSetId: values[1] }),
    // The site fixes are the readiness checklist's (ReadinessController), not duplicated.
    ACTIVATE_SITE: (values) => activateSite({ networkId: values[0] }),
    ADD_PROFILE_MEMBER: (values) => addSiteMember({ networkId: values[0], profileId: values[1] }),
};

/**
 * The capability whose permissions each fix needs (the server refuses without them): the site
 * fixes are the readiness checklist's.
 */
const FIX_CAPABILITIES: Readonly<Record<DoctorFix, string>> = {
    ACTIVATE_USER: 'USER_DOCTOR_FIXES',
    ENABLE_CONTENT_USER: 'USER_DOCTOR_FIXES',
    ASSIGN_PSL: 'USER_DOCTOR_FIXES',
    ASSIGN_PERMISSION_SET: 'USER_DOCTOR_FIXES',
    ACTIVATE_SITE: 'READINESS_FIXES',
    ADD_PROFILE_MEMBER: 'READINESS_FIXES',
};
/** "Send login email" is a doctor fix on the server (UserDoctorController.sendLoginEmail). */
const LOGIN_EMAIL_CAPABILITY = 'USER_DOCTOR_FIXES';

/**
 * "User doctor": pick an external user (or receive one in `userId`), and see every condition a
 * working Salesforce Contracts portal user needs (`c/userDoctor`), each with its status, the
 * reason, and a Fix button, a Setup link or the hand-over to the license upgrade (event
 * `upgrade`, `detail.userId`). After each fix the facts are read again.
 */
export default class UserDoctorPanel extends LightningElement {
    labels = {
        title: TITLE,
        intro: INTRO,
        searchLabel: SEARCH_LABEL,
        searchPlaceholder: SEARCH_PLACEHOLDER,
        upgrade: UPGRADE,
        openSetup: OPEN_SETUP,
        refresh: REFRESH,
        loadError: LOAD_ERROR,
        actionError: ACTION_ERROR,
        loading: LOADING,
        sendLoginEmail: SEND_LOGIN_EMAIL,
        sendLoginEmailHelp: SEND_LOGIN_EMAIL_HELP,
        sendLoginEmailConfirmButton: SEND_LOGIN_EMAIL_CONFIRM_BUTTON,
        cancel: CANCEL,
    };

    /** The picker's columns: the user, their username, license and account. */
    userColumns = [
        { label: COLUMN_NAME, fieldName: 'name' },
        { label: COLUMN_USERNAME, fieldName: 'username' },
        { label: COLUMN_LICENSE, fieldName: 'licenseName' },
        { label: COLUMN_ACCOUNT, fieldName: 'accountName' },
    ];
    /** The user chosen in the picker (one at most): choosing one examines it. */
    selection: SelectionModel<DoctorUserRow> = SelectionModel.empty<DoctorUserRow>({ single: true });
    facts?: DoctorFacts;
    loading = false;
    busy = false;
    loadError?: unknown;
    actionError?: unknown;
    /** The last fix's answer: a success notice, or the refusal with its Setup link. */
    fixResult?: FixResult;
    /** A user handed over by the container (the quick action): no search then. */
    handedOver = false;
    /**
     * "Send login email" waits for the admin's confirmation: it resets the user's password (the
     * current one stops working) and Salesforce emails them.
     */
    confirmingLoginEmail = false;
    /**
     * The user a login email was sent to: not offered again for them until the user is read again
     * (picked again, "Check again", or the re-read after a fix: every read goes through `load`), so
     * a second click cannot reset the password a second time.
     */
    private loginEmailSentTo?: string;
    private examinedId?: string;
    /**
     * Where focus goes once a fix's outcome is on screen (WCAG 2.4.3): the first of `selectors`
     * found (within the check `checkId`, when given), else the check's title and new status. The
     * Fix button clicked is gone once the check passes.
     */
    private pendingFocus?: { checkId?: string; selectors: string[] };

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

    /** The user to examine; set by a container, or by picking one from the search. */
    @api
    get userId(): string | undefined {
        return this.examinedId;
    }
    set userId(value: string | undefined) {
        this.handedOver = !!value;
        if (value && value !== this.examinedId) {
            this.examinedId = value;
            this.load();
        }
    }

    /**
     * Reads the facts of the examined user again; the checks follow. The one path of every read
     * (a user handed over or picked, "Check again", the re-read after a fix), so that each
     * recomputes what is offered the same way: "Send login email" is offered afresh.
     */
    async load(): Promise<void> {
        const userId = this.examinedId;
        if (!userId) {
            return;
        }
        this.resetLoginEmail();
        this.loading = true;
        try {
            this.facts = await getDoctorFacts({ userId });
            this.loadError = undefined;
        } catch (error) {
            this.facts = undefined;
            this.loadError = error;
        } finally {
            this.loading = false;
        }
    }

    get showSearch(): boolean {
        return !this.handedOver;
    }

    get showSpinner(): boolean {
        return this.loading || this.busy;
    }

    get result(): DoctorResult | undefined {
        return this.facts ? examineUser(this.facts.user, this.facts.org) : undefined;
    }

    get userName(): string {
        return this.facts?.user.name ?? '';
    }

    get summaryText(): string {
        const counts = this.result?.counts;
        return counts ? formatLabel(SUMMARY, counts.pass, counts.fail, counts.unknown) : '';
    }

    get healthyText(): string {
        return this.result?.healthy ? formatLabel(HEALTHY, this.userName) : '';
    }

    get checks(): CheckView[] {
        return (this.result?.checks ?? []).map((check) => {
            const remedy = check.remedy;
            const view: CheckView = {
                id: check.id,
                title: checkTitle(check.id),
                statusText: checkStatusLabel(check.status),
                text: checkMessage(check),
                iconName: ICONS[check.status].name,
                iconVariant: ICONS[check.status].variant,
                itemClass: `slds-item doctor-check check-${check.id} status-${check.status}`,
                upgrade: remedy?.kind === 'upgrade',
            };
            if (remedy?.kind === 'fix' && check.blockedBy) {
                view.blockedText = blockedMessage(check.blockedBy);
            } else if (remedy?.kind === 'fix') {
                view.fixLabel = doctorFixLabel(remedy.fix, check);
                view.fixUnavailable = this.unavailableReason(FIX_CAPABILITIES[remedy.fix]);
                view.fixDisabled = this.showSpinner || !!view.fixUnavailable;
            } else if (remedy?.kind === 'setup-link') {
                view.setupUrl = remedy.url;
                view.setupLinkLabel = setupLinkLabel(remedy.url);
            }
            return view;
        });
    }

    /**
     * The picker's search (`UserDoctorController.searchDoctorUsers`): external users by name,
     * username or email, one page of at most 200 (it takes no cursor: the picker is `single-page`).
     */
    searchUserRows = (term: string): Promise<DoctorUserRow[]> => searchDoctorUsers({ searchTerm: term || null });

    /**
     * The picker's new selection: the user chosen is examined; with the choice removed, the
     * diagnosis of the last one goes too.
     */
    async handleSelectionChange(event: CustomEvent<{ selection: SelectionModel<DoctorUserRow> }>): Promise<void> {
        this.selection = event.detail.selection;
        const [userId] = this.selection.ids;
        this.fixResult = undefined;
        this.actionError = undefined;
        // The user is read again (or another one): "Send login email" is offered afresh.
        this.resetLoginEmail();
        if (!userId) {
            this.examinedId = undefined;
            this.facts = undefined;
            this.loadError = undefined;
            return;
        }
        if (userId !== this.examinedId) {
            this.examinedId = userId;
            await this.load();
        }
    }

    handleRefresh(): void {
        this.fixResult = undefined;
        this.actionError = undefined;
        this.load();
    }

    /** Forgets a login email sent and closes its confirmation: the user is read again. */
    private resetLoginEmail(): void {
        this.loginEmailSentTo = undefined;
        this.confirmingLoginEmail = false;
    }

    override renderedCallback(): void {
        this.restoreFocus();
    }

    /** Moves focus where the last action asked, once the panel shows its outcome (not while busy). */
    private restoreFocus(): void {
        const pending = this.pendingFocus;
        if (!pending || this.showSpinner) return;
        this.pendingFocus = undefined;
        const scope = pending.checkId ? this.template?.querySelector(`li.check-${pending.checkId}`) : this.template;
        const selectors = pending.checkId ? [...pending.selectors, '.check-title'] : pending.selectors;
        const target = selectors
            .map((selector) => scope?.querySelector(selector) as (HTMLElement & { disabled?: boolean }) | null)
            .find((element) => element && !element.disabled);
        target?.focus();
    }

    /** A Fix button: `data-check` is the check's id. */
    async handleFix(event: Event): Promise<void> {
        const checkId = (event.target as HTMLElement).dataset.check;
        const remedy = this.result?.checks.find((check) => check.id === checkId)?.remedy;
        if (!remedy || remedy.kind !== 'fix' || this.unavailableReason(FIX_CAPABILITIES[remedy.fix])) {
            return;
        }
        // Fixed, the button goes: focus goes to the check's title and new status (its button
        // again when the fix was refused).
        this.pendingFocus = { checkId, selectors: ['lightning-button.fix'] };
        await this.run(async () => {
            try {
                this.fixResult = await FIX_CALLS[remedy.fix](remedy.values);
            } finally {
                // What the fix changed, or what changed meanwhile: the checks show the org as it is.
                await this.load();
            }
        });
    }

    /**
     * "Send login email" is offered for an active external user: Setup's "Generate new password
     * and notify user". The server refuses anyone else (USER_NOT_EXTERNAL). Once sent, it is not
     * offered again for that user until the user is read again.
     */
    get canSendLoginEmail(): boolean {
        const user = this.facts?.user;
        return !!user && !!user.contactId && user.isActive === true && user.id !== this.loginEmailSentTo;
    }

    /** The confirmation of "Send login email" is on screen. */
    get showLoginEmailConfirm(): boolean {
        return this.confirmingLoginEmail && this.canSendLoginEmail;
    }

    get loginEmailConfirmTitle(): string {
        return formatLabel(SEND_LOGIN_EMAIL_CONFIRM_TITLE, this.userName);
    }

    get loginEmailConfirmBody(): string {
        return formatLabel(SEND_LOGIN_EMAIL_CONFIRM_BODY, this.userName);
    }

    /** Why this admin cannot send a login email, if they cannot. */
    get sendLoginEmailUnavailable(): string | undefined {
        return this.unavailableReason(LOGIN_EMAIL_CAPABILITY);
    }

    /** The reason under the header, when "Send login email" is offered but disabled for this admin. */
    get sendLoginEmailReason(): string | undefined {
        return this.canSendLoginEmail ? this.sendLoginEmailUnavailable : undefined;
    }

    get sendLoginEmailDisabled(): boolean {
        return this.showSpinner || !!this.sendLoginEmailUnavailable;
    }

    /** "Send login email": nothing is sent yet, the admin confirms first (focus goes to "Send"). */
    handleSendLoginEmail(): void {
        if (!this.canSendLoginEmail || this.sendLoginEmailUnavailable || this.showSpinner) {
            return;
        }
        const alreadyOpen = this.confirmingLoginEmail;
        this.confirmingLoginEmail = true;
        this.pendingFocus = { selectors: ['lightning-button.confirm-login-email'] };
        if (alreadyOpen) {
            // Nothing re-renders: focus moves now.
            this.restoreFocus();
        }
    }

    /** "Cancel" in the confirmation: nothing is sent, focus goes back to "Send login email". */
    handleCancelLoginEmail(): void {
        this.confirmingLoginEmail = false;
        this.pendingFocus = { selectors: ['lightning-button.send-login-email'] };
    }

    /**
     * Escape in the panel while "Send login email" waits for confirmation: the confirmation closes
     * as Cancel does (nothing sent, focus back on "Send login email"). Only then is Escape kept
     * from an enclosing modal (the quick action's), which the next Escape closes; a control that
     * handled Escape itself (an open list) has already prevented it.
     */
    handleKeydown(event: KeyboardEvent): void {
        if (event.key !== 'Escape' || event.defaultPrevented || !this.showLoginEmailConfirm) {
            return;
        }
        event.preventDefault();
        event.stopPropagation();
        this.handleCancelLoginEmail();
    }

    /**
     * "Send" in the confirmation: the password is reset and the email sent, once. Sent, the
     * action goes (focus to the user's name, the notice says it is sent); refused or failed, it
     * stays offered (focus back to it).
     */
    async handleConfirmLoginEmail(): Promise<void> {
        const userId = this.facts?.user.id;
        const confirmed = this.confirmingLoginEmail;
        this.confirmingLoginEmail = false;
        if (!confirmed || !userId || !this.canSendLoginEmail || this.sendLoginEmailUnavailable || this.showSpinner) {
            return;
        }
        this.pendingFocus = { selectors: ['lightning-button.send-login-email'] };
        await this.run(async () => {
            const result = await sendLoginEmail({ userId });
            this.fixResult = result;
            if (result?.ok) {
                this.loginEmailSentTo = userId;
                this.pendingFocus = { selectors: ['.examined-user'] };
            }
        });
    }

    /** "Upgrade the license": the license upgrade validator takes over this user. */
    handleUpgrade(): void {
        const userId = this.examinedId;
        this.dispatchEvent(new CustomEvent('upgrade', { detail: { userId } }));
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
