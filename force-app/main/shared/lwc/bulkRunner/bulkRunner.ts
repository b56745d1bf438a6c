/**
 * Runs a selection through Apex in chunks of 200, one chunk after the other: the bulk size of
 * every Apex call in the package, and sequential as Salesforce advises for role-based users
 * (concurrent role changes contend for the same sharing locks).
 */

/** Rows per Apex call. */
export const CHUNK_SIZE = 200;

/**
 * Splits a list into consecutive chunks.
 * @param items the rows
 * @param size rows per chunk (at least 1)
 * @returns the chunks, in order; none for no rows
 */
export function chunk<T>(items: readonly T[], size: number = CHUNK_SIZE): T[][] {
    if (!Number.isInteger(size) || size < 1) {
        throw new RangeError(`Chunk size must be a positive integer, got ${size}`);
    }
    const chunks: T[][] = [];
    for (let start = 0; start < items.length; start += size) {
        chunks.push(items.slice(start, start + size));
    }
    return chunks;
}

/** Progress of a chunked run, for a progress bar. */
export interface Progress {
    done: number;
    total: number;
    /** 0 to 100. */
    percent: number;
}

/**
 * Calls `work` on each chunk in turn and reports progress after each. A chunk that throws
 * does not stop the others: its rows get the error from `onChunkError`.
 * @param items the rows
 * @param work the call for one chunk; returns one result per row
 * @param onChunkError turns a thrown error into one result per row of the failed chunk
 * @param onProgress told after each chunk
 * @param size rows per chunk
 * @returns all results, in row order
 */
export async function runInChunks<T, R>(
    items: readonly T[],
    work: (rows: T[]) => Promise<R[]>,
    onChunkError: (rows: T[], error: unknown) => R[],
    onProgress: (progress: Progress) => void = () => undefined,
    size: number = CHUNK_SIZE,
): Promise<R[]> {
    const results: R[] = [];
    let done = 0;
    for (const rows of chunk(items, size)) {
        try {
            // Sequential on purpose: one chunk at a time, as Salesforce advises for role-based users.
            // eslint-disable-next-line no-await-in-loop
            results.push(...(await work(rows)));
        } catch (error) {
            results.push(...onChunkError(rows, error));
        }
        done += rows.length;
        onProgress({ done, total: items.length, percent: Math.round((done / items.length) * 100) });
    }
    return results;
}
