import { LightningElement, api } from 'lwc';
import { CloseActionScreenEvent } from 'lightning/actions';
import CLOSE from '@salesforce/label/c.CCSA_Enable_Close';

/**
 * The "Enable Portal User" quick action on Contact: the enable-users flow for this one contact,
 * on one screen, checked at once. A contact that already has a user gets the row's verdict
 * instead (check the user, or upgrade its license) and nothing is written twice.
 */
export default class EnablePortalUserAction extends LightningElement {
    labels = { close: CLOSE };
    contactIds: string[] = [];
    private contactId?: string;

    /** Set by the record page; it can arrive after the component is connected. */
    @api
    get recordId(): string | undefined {
        return this.contactId;
    }
    set recordId(value: string | undefined) {
        this.contactId = value;
        this.contactIds = value ? [value] : [];
    }

    get hasContact(): boolean {
        return this.contactIds.length > 0;
    }

    handleClose(): void {
        this.dispatchEvent(new CloseActionScreenEvent());
    }
}
