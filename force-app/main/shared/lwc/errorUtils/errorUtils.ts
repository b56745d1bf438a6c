/**
 * One error path for the whole UI: every error shape the platform or the browser can hand
 * a component becomes a list of plain messages that the error panel shows.
 *
 * Shapes handled (see the Lightning Data Service and Apex error docs):
 * - Apex (`AuraHandledException` or any uncaught exception): `{ body: { message } }`
 * - Apex DML exceptions surfaced by Aura: `{ body: { pageErrors: [...], fieldErrors: {...} } }`
 * - UI API / LDS reads: `{ body: [{ message, errorCode }] }`
 * - UI API / LDS writes: `{ body: { message?, output: { errors: [...], fieldErrors: {...} } } }`
 * - JavaScript errors: `Error` and anything with a string `message`
 * - Network: a fetch failure, or a response with status 0 and no body
 * - Plain strings and arrays of any of the above
 */
import NETWORK_ERROR from '@salesforce/label/c.CCSA_Error_Network';
import UNKNOWN_ERROR from '@salesforce/label/c.CCSA_Error_Unknown';

interface MessageLike {
    message?: unknown;
}

type FieldErrorMap = Record<string, ReadonlyArray<MessageLike>>;

interface ErrorBody {
    message?: unknown;
    pageErrors?: ReadonlyArray<MessageLike>;
    fieldErrors?: FieldErrorMap;
    output?: { errors?: ReadonlyArray<MessageLike>; fieldErrors?: FieldErrorMap };
}

interface ErrorResponse {
    body?: ErrorBody | ReadonlyArray<MessageLike> | string | null;
    status?: number;
    statusText?: string;
    message?: unknown;
}

/** A fetch that never reached the server: browsers throw a TypeError with these messages. */
const NETWORK_FAILURE =
    /^(Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed|Disconnected or Canceled)$/i;

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null;
}

function textOf(item: MessageLike | null | undefined): string[] {
    return item && typeof item.message === 'string' && item.message.trim().length > 0 ? [item.message] : [];
}

function fieldMessages(fieldErrors: FieldErrorMap | undefined): string[] {
    if (!isObject(fieldErrors)) {
        return [];
    }
    return Object.values(fieldErrors).flatMap((errors) => (Array.isArray(errors) ? errors.flatMap(textOf) : []));
}

function bodyMessages(body: ErrorBody): string[] {
    const messages: string[] = [];
    if (Array.isArray(body.pageErrors)) {
        messages.push(...body.pageErrors.flatMap(textOf));
    }
    messages.push(...fieldMessages(body.fieldErrors));
    if (isObject(body.output)) {
        if (Array.isArray(body.output.errors)) {
            messages.push(...body.output.errors.flatMap(textOf));
        }
        messages.push(...fieldMessages(body.output.fieldErrors));
    }
    // The summary message of a DML write repeats its details; keep it only when alone.
    if (messages.length === 0 && typeof body.message === 'string') {
        messages.push(body.message);
    }
    return messages;
}

function messagesOf(error: unknown): string[] {
    if (error === null || error === undefined) {
        return [];
    }
    if (typeof error === 'string') {
        return [error];
    }
    if (Array.isArray(error)) {
        return error.flatMap(messagesOf);
    }
    if (!isObject(error)) {
        return [String(error)];
    }
    const response = error as ErrorResponse;
    const { body } = response;
    if (Array.isArray(body)) {
        return body.flatMap(messagesOf);
    }
    if (typeof body === 'string' && body.length > 0) {
        return [body];
    }
    if (isObject(body)) {
        const fromBody = bodyMessages(body as ErrorBody);
        if (fromBody.length > 0) {
            return fromBody;
        }
    }
    if (typeof response.message === 'string' && response.message.length > 0) {
        return NETWORK_FAILURE.test(response.message) ? [NETWORK_ERROR] : [response.message];
    }
    if (response.status === 0) {
        return [NETWORK_ERROR];
    }
    if (typeof response.statusText === 'string' && response.statusText.length > 0) {
        return [response.statusText];
    }
    return [UNKNOWN_ERROR];
}

/**
 * Reduces one error or a list of errors of any shape to distinct, non-empty messages.
 * @param errors an error, a list of errors, or nothing
 * @returns the messages in the order they were found, each once
 */
export function reduceErrors(errors: unknown): string[] {
    const seen = new Set<string>();
    return messagesOf(errors)
        .map((message) => message.trim())
        .filter((message) => {
            if (message.length === 0 || seen.has(message)) {
                return false;
            }
            seen.add(message);
            return true;
        });
}
