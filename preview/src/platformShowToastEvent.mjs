// `lightning/platformShowToastEvent` for the preview: the same event the platform's container
// listens for (`lightning__showtoast`, bubbling and composed), shown by ./toasts.mjs.
export class ShowToastEvent extends CustomEvent {
    constructor(toast) {
        super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: toast });
    }
}
