// lightning/actions in the preview: a screen quick action closes itself with this event; the
// preview's modal (src/contactPage.mjs) listens for it, as the record page's action host does.
export class CloseActionScreenEvent extends CustomEvent {
    constructor() {
        super('close', { bubbles: true, composed: true });
    }
}
