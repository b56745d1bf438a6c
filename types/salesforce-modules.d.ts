/** Custom Labels: each import is the label's text in the running user's language. */
declare module '@salesforce/label/c.*' {
    const label: string;
    export default label;
}

/** Schema imports (objects and fields) resolve to descriptors the UI API understands. */
declare module '@salesforce/schema/*' {
    const reference: { objectApiName: string; fieldApiName?: string };
    export default reference;
}

/** Toasts for record pages and app pages. */
declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventDetail {
        title?: string;
        message: string;
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
        messageData?: unknown[];
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventDetail> {
        constructor(detail: ShowToastEventDetail);
    }
}

/** Navigation: the page reference of the tab or record page the component runs in. */
declare module 'lightning/navigation' {
    import type { WireAdapterConstructor } from 'lwc';
    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        /** URL parameters of the page; custom ones are namespaced, e.g. `c__contactIds`. */
        state?: Record<string, string | undefined>;
    }
    export const CurrentPageReference: WireAdapterConstructor<Record<string, never>, PageReference>;
    const Navigate: unique symbol;
    const GenerateUrl: unique symbol;
    /** What NavigationMixin adds to a component. */
    export interface Navigable {
        [Navigate](pageReference: PageReference, replace?: boolean): void;
        [GenerateUrl](pageReference: PageReference): Promise<string>;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Constructor<T = object> = new (...args: any[]) => T;
    /** Navigation from a component: `this[NavigationMixin.Navigate](pageReference)`. */
    export const NavigationMixin: {
        <T extends Constructor>(base: T): T & Constructor<Navigable>;
        readonly Navigate: typeof Navigate;
        readonly GenerateUrl: typeof GenerateUrl;
    };
}

/** Screen quick actions close themselves with this event. */
declare module 'lightning/actions' {
    export class CloseActionScreenEvent extends CustomEvent<null> {
        constructor();
    }
}
