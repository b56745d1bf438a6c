/**
 * Who "is logged in" to the sample org. The page URL picks the user, so that every state of
 * the assistant can be opened directly (and by the e2e tests): `?as=<user Id, alias or
 * username>`, for example `?as=rnoble` (an admin without a role) or `?as=jprice` (an admin
 * without the assistant's permission set). Without `?as=`, the org's default admin runs it.
 */
import { sampleOrg } from './org';
import { ApexException } from './apexMethod';
import type { SampleOrg, User } from './types';

/** Finds the running user for an `as` value; throws the way a failed login would surface. */
export function resolveRunningUser(org: SampleOrg, as: string | null | undefined): User {
    const wanted = (as ?? '').trim().toLowerCase();
    if (wanted === '') {
        return org.User.find((u) => u.Id === org.defaultRunningUserId) as User;
    }
    const user = org.User.find(
        (u) => u.Id.toLowerCase() === wanted || u.Alias.toLowerCase() === wanted || u.Username.toLowerCase() === wanted,
    );
    if (!user) {
        throw new ApexException(`Sample org: no user matches ?as=${as}. Use a user Id, alias or username.`);
    }
    if (!user.IsActive) {
        throw new ApexException(`Sample org: ${user.Name} is inactive and cannot log in.`);
    }
    return user;
}

/** The query string of the page, when there is a page (not in Jest's node environment). */
function pageSearch(): string {
    return typeof globalThis.location === 'object' ? globalThis.location.search : '';
}

export interface Session {
    org: SampleOrg;
    user: User;
}

/** The user a simulated Queueable runs as (see {@link runAs}); undefined outside one. */
let queuedAs: User | undefined;

/**
 * Runs `work` as `user`, as the platform runs a Queueable as the user who enqueued it: the simulated
 * job engine runs each chunk as the admin who started the job, whoever is viewing the page.
 */
export function runAs<T>(user: User, work: () => T): T {
    const previous = queuedAs;
    queuedAs = user;
    try {
        return work();
    } finally {
        queuedAs = previous;
    }
}

/** The running session, read from the page URL on every Apex call (like UserInfo in Apex). */
export function currentSession(search: string = pageSearch()): Session {
    if (queuedAs) {
        return { org: sampleOrg, user: queuedAs };
    }
    const as = new URLSearchParams(search).get('as');
    return { org: sampleOrg, user: resolveRunningUser(sampleOrg, as) };
}
