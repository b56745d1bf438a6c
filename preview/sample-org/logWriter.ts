/**
 * `SetupAssistantLogWriter` (force-app/main/shared/classes) for the sample org: the one place the
 * sample methods insert `Setup_Assistant_Log__c` rows, which says who each row is about as
 * `SetupAssistantLogWriter.fillSubjects` does, whatever the caller put in those fields:
 * `Subject_Id__c` is the target user, else the user (005) the top-level `userId` of Before__c or
 * After__c names, else the contact (003) of their `contactId`; a row without a target user also
 * gets that user's name and username, or that contact's name, as the org holds them now (never a
 * name the row stores: an enable's planned name is what the browser sent).
 */
import { toId18 } from './data/random';
import type { Id, SampleOrg, SetupAssistantLog } from './types';

/** `Subject_Name__c` is a Text(255). */
const SUBJECT_NAME_LENGTH = 255;

/** A log row as its writer builds it: the Subject fields are the log writer's own. */
export type UnwrittenLog = Omit<SetupAssistantLog, 'Subject_Id__c' | 'Subject_Name__c' | 'Subject_Username__c'> &
    Partial<Pick<SetupAssistantLog, 'Subject_Id__c' | 'Subject_Name__c' | 'Subject_Username__c'>>;

function jsonObject(text: string | null | undefined): Record<string, unknown> {
    const trimmed = (text ?? '').trim();
    if (!trimmed.startsWith('{')) return {};
    try {
        const value: unknown = JSON.parse(trimmed);
        return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    } catch {
        return {};
    }
}

/** As `SetupAssistantLogWriter.subjectOf`: the target user, else the user, else the contact named. */
export function subjectIdOf(log: Pick<SetupAssistantLog, 'Target_User__c' | 'Before__c' | 'After__c'>): Id | null {
    if (log.Target_User__c) return toId18(log.Target_User__c) ?? log.Target_User__c;
    const sides = [jsonObject(log.Before__c), jsonObject(log.After__c)];
    for (const [wanted, prefix] of [
        ['userid', '005'],
        ['contactid', '003'],
    ] as const) {
        for (const side of sides) {
            for (const [key, value] of Object.entries(side)) {
                const id = key.toLowerCase() === wanted ? toId18(value) : null;
                if (id?.startsWith(prefix)) return id;
            }
        }
    }
    return null;
}

/**
 * The row with the Subject fields the log writer gives it.
 * @param org the org whose users and contacts name the subject
 * @param log the row as its writer built it
 * @returns a new row
 */
export function withSubject(org: SampleOrg, log: UnwrittenLog): SetupAssistantLog {
    const subjectId = subjectIdOf(log);
    let name: string | null = null;
    let username: string | null = null;
    if (subjectId && !log.Target_User__c) {
        const user = subjectId.startsWith('005') ? org.User.find((u) => u.Id === subjectId) : undefined;
        const contact = subjectId.startsWith('003') ? org.Contact.find((c) => c.Id === subjectId) : undefined;
        if (user) {
            name = user.Name.slice(0, SUBJECT_NAME_LENGTH);
            username = user.Username;
        } else if (contact) {
            name = `${contact.FirstName ?? ''} ${contact.LastName}`.trim().slice(0, SUBJECT_NAME_LENGTH);
        }
    }
    return { ...log, Subject_Id__c: subjectId, Subject_Name__c: name, Subject_Username__c: username };
}

/**
 * `SetupAssistantLogWriter.write` of one row: inserted with its Subject fields.
 * @param org the sample org
 * @param log the row, with its Id, auto number and audit fields
 * @returns the row inserted
 */
export function insertLogRecord(org: SampleOrg, log: UnwrittenLog): SetupAssistantLog {
    const written = withSubject(org, log);
    org.Setup_Assistant_Log__c.push(written);
    return written;
}
