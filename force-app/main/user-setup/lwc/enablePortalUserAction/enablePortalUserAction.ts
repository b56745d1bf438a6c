import { LightningElement, api } from 'lwc';
import { CloseActionScreenEvent } from 'lightning/actions';
import { NavigationMixin } from 'lightning/navigation';
import LOG_OBJECT from '@salesforce/schema/Setup_Assistant_Log__c';
import { assistantTabName, workspaceLinkState } from 'c/workspaceState';
import getUserOfContact from '@salesforce/apex/UserDoctorController.getUserOfContact';
import CLOSE from '@salesforce/label/c.CCSA_Enable_Close';
import LOADING from '@salesforce/label/c.CCSA_Loading';

/**
 * The "Enable Portal User" quick action on Contact: the enable-users flow for this one contact,
 * on one screen, checked at once. A contact that already has a user gets the user doctor for that
 * user instead (every check, with its fix), and nothing is written twice. The doctor's "Upgrade
 * the license" opens the Setup Assistant's License upgrades tab with that user selected.
 */
export default class EnablePortalUserAction extends NavigationMixin(LightningElement) {
    labels = { close: CLOSE, loading: LOADING };
    contactIds: string[] = [];
    /** The contact's user, when it has one. */
    existingUserId?: string;
    /** Whether the contact's user has been looked up. */
    lookedUp = false;
    private contactId?: string;

    /** Set by the record page; it can arrive after the component is connected. */
    @api
    get recordId(): string | undefined {
        return this.contactId;
    }
    set recordId(value: string | undefined) {
        if (value === this.contactId) {
            return;
        }
        this.contactId = value;
        this.contactIds = [];
        this.existingUserId = undefined;
        this.lookedUp = false;
        if (value) {
            this.lookUpUser(value);
        }
    }

    /** The enable flow, unless the contact already has a user. */
    private async lookUpUser(contactId: string): Promise<void> {
        let userId: string | null = null;
        try {
            userId = await getUserOfContact({ contactId });
        } catch {
            // The enable flow finds the existing user itself and writes nothing twice.
            userId = null;
        }
        if (contactId !== this.contactId) {
            return;
        }
        this.existingUserId = userId ?? undefined;
        this.contactIds = userId ? [] : [contactId];
        this.lookedUp = true;
    }

    get checking(): boolean {
        return !!this.contactId && !this.lookedUp;
    }

    get hasUser(): boolean {
        return !!this.existingUserId;
    }

    get hasContact(): boolean {
        return this.contactIds.length > 0;
    }

    /** The doctor hands the user over: the assistant's License upgrades tab, with the user selected. */
    handleUpgrade(event: CustomEvent<{ userId?: string }>): void {
        const userId = event.detail?.userId ?? this.existingUserId;
        const objectApiName = (LOG_OBJECT as { objectApiName?: string }).objectApiName ?? '';
        this.dispatchEvent(new CloseActionScreenEvent());
        this[NavigationMixin.Navigate]({
            type: 'standard__navItemPage',
            attributes: { apiName: assistantTabName(objectApiName) },
            state: workspaceLinkState('licenseUpgrades', { userIds: userId ? [userId] : [] }),
        });
    }

    handleClose(): void {
        this.dispatchEvent(new CloseActionScreenEvent());
    }
}
