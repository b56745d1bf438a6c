import { LightningElement, api } from 'lwc';
import { formatLabel } from 'c/labelFormat';
import ACKNOWLEDGE from '@salesforce/label/c.CCSA_Upgrade_Acknowledge';
import ACKNOWLEDGE_FOR from '@salesforce/label/c.CCSA_Upgrade_Acknowledge_For';
import BLOCKERS from '@salesforce/label/c.CCSA_Upgrade_Blockers';
import WARNINGS from '@salesforce/label/c.CCSA_Upgrade_Warnings';
import ACTIONS from '@salesforce/label/c.CCSA_Upgrade_Actions';
import NOTES from '@salesforce/label/c.CCSA_Upgrade_Notes';
import STEPS from '@salesforce/label/c.CCSA_Upgrade_Steps';
import ENABLE_PARTNER from '@salesforce/label/c.CCSA_Upgrade_Enable_Partner';
import ROLE_CHOICE from '@salesforce/label/c.CCSA_Upgrade_Role_Choice';

/** One line of a verdict, already worded. */
export interface VerdictLine {
    key: string;
    text: string;
    url?: string;
}

/** What the panel hands this component for one user. */
export interface VerdictRow {
    userId: string;
    name: string;
    userUrl: string;
    licenseName: string;
    pathLabel: string;
    canChange: boolean;
    requiresAcknowledgement: boolean;
    acknowledged: boolean;
    blockers: VerdictLine[];
    warnings: VerdictLine[];
    actions: VerdictLine[];
    notes: VerdictLine[];
    steps: VerdictLine[];
    /** The account to enable as a partner account, when that is what blocks the user. */
    partnerAccountId?: string;
    /**
     * Roles the admin may choose ("If the account does have roles and you don't specify one, we
     * associate the user with the lowest role", seed 003), the default first; empty for none.
     */
    roleOptions?: Array<{ label: string; value: string }>;
    /** The chosen role id, or '' for Salesforce's default. */
    chosenRoleId?: string;
}

/**
 * One user's verdict: the path, what blocks the change, what the user loses, what the
 * assistant will do, the manual steps for other paths, and the irreversibility acknowledgement.
 * A view only: it tells the panel through events.
 */
export default class UpgradeVerdict extends LightningElement {
    @api row?: VerdictRow;

    labels = {
        acknowledge: ACKNOWLEDGE,
        blockers: BLOCKERS,
        warnings: WARNINGS,
        actions: ACTIONS,
        notes: NOTES,
        steps: STEPS,
        enablePartner: ENABLE_PARTNER,
        roleChoice: ROLE_CHOICE,
    };

    get hasRoleOptions(): boolean {
        return (this.row?.roleOptions?.length ?? 0) > 0;
    }

    get hasBlockers(): boolean {
        return (this.row?.blockers.length ?? 0) > 0;
    }

    get hasWarnings(): boolean {
        return (this.row?.warnings.length ?? 0) > 0;
    }

    get hasActions(): boolean {
        return (this.row?.actions.length ?? 0) > 0;
    }

    get hasNotes(): boolean {
        return (this.row?.notes.length ?? 0) > 0;
    }

    get hasSteps(): boolean {
        return (this.row?.steps.length ?? 0) > 0;
    }

    get badgeClass(): string {
        return this.row?.canChange
            ? 'slds-badge slds-theme_success verdict-path'
            : 'slds-badge slds-theme_warning verdict-path';
    }

    /**
     * The acknowledgement, naming whose change it is: a list of 50 verdicts read 50 identical
     * checkboxes to a screen reader (admin walk).
     */
    get acknowledgeLabel(): string {
        return this.row?.name ? formatLabel(ACKNOWLEDGE_FOR, this.row.name) : ACKNOWLEDGE;
    }

    handleAcknowledge(event: CustomEvent<{ checked: boolean }>): void {
        this.dispatchEvent(
            new CustomEvent('acknowledge', { detail: { userId: this.row?.userId, checked: event.detail.checked } }),
        );
    }

    handleRoleChange(event: CustomEvent<{ value: string }>): void {
        this.dispatchEvent(
            new CustomEvent('rolechange', { detail: { userId: this.row?.userId, roleId: event.detail.value } }),
        );
    }

    handleEnablePartner(): void {
        this.dispatchEvent(new CustomEvent('enablepartner', { detail: { accountId: this.row?.partnerAccountId } }));
    }
}
