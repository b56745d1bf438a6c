// lightning/navigation in the preview: the page reference is the preview page itself, its URL
// parameters the page state (so `?c__contactIds=...` hands contacts over as a list view button
// does in the org). Navigation itself only logs: there is no org to navigate in.
export class CurrentPageReference {
    constructor(dataCallback) {
        this.dataCallback = dataCallback;
    }

    connect() {
        const state = Object.fromEntries(new URLSearchParams(window.location.search));
        this.dataCallback({ type: 'standard__navItemPage', attributes: { apiName: 'Setup_Assistant' }, state });
    }

    update() {}

    disconnect() {}
}

export const NavigationMixin = (Base) =>
    class extends Base {
        [NavigationMixin.Navigate](pageReference) {
            console.info('Preview: navigation to', pageReference);
        }
    };
NavigationMixin.Navigate = Symbol('Navigate');
NavigationMixin.GenerateUrl = Symbol('GenerateUrl');
