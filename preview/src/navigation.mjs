// lightning/navigation in the preview: the page reference is the preview page itself, its URL
// parameters the page state (so `?c__contactIds=...` hands contacts over as a list view button
// does in the org). Navigation to the Setup Assistant tab reloads the preview with the new page
// state (`c__tab`, `c__userIds`, ...), keeping the preview's own parameters (`as`, `latency`);
// any other navigation only logs: there is no org to navigate in.
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
            const apiName = String(pageReference?.attributes?.apiName ?? '');
            if (pageReference?.type === 'standard__navItemPage' && apiName.endsWith('Setup_Assistant')) {
                const current = new URLSearchParams(window.location.search);
                const next = new URLSearchParams();
                for (const kept of ['as', 'latency', 'without']) {
                    if (current.has(kept)) next.set(kept, current.get(kept));
                }
                for (const [name, value] of Object.entries(pageReference.state ?? {})) {
                    if (value !== undefined && value !== null) next.set(name, String(value));
                }
                window.location.assign(`./?${next.toString()}`);
                return;
            }
            console.info('Preview: navigation to', pageReference);
        }
    };
NavigationMixin.Navigate = Symbol('Navigate');
NavigationMixin.GenerateUrl = Symbol('GenerateUrl');
