/**
 * How an `@salesforce/apex/<Class>.<method>` import behaves in an LWC: a function that
 * returns a promise, and also a wire adapter (for `cacheable=true` methods).
 */
import type { WireAdapterConstructor } from 'lwc';

declare global {
    /** The value a wired Apex method provisions: `data` or `error`, never both. */
    interface ApexWireResult<Result> {
        data?: Result;
        error?: unknown;
    }

    /** An imported Apex method: callable imperatively and usable with `@wire`. */
    type ApexMethod<Params extends Record<string, unknown> | void, Result> = ((params?: Params) => Promise<Result>) &
        WireAdapterConstructor<Params extends void ? Record<string, never> : Params, ApexWireResult<Result>>;
}

export {};
