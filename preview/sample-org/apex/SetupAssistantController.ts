/**
 * Sample org implementation of `SetupAssistantController` (force-app/main/shared/classes):
 * each export replaces `@salesforce/apex/SetupAssistantController.<method>` in the preview.
 */
import { apexMethod } from '../apexMethod';
import { assertAdmin } from '../guard';
import { roleById } from '../org';
import { currentSession } from '../session';

type AssistantContext = Apex.AssistantContextService.AssistantContext;

/** As `AssistantContextService.getContext()`: roleName stays unset (absent) without a role. */
export const getAssistantContext: typeof import('@salesforce/apex/SetupAssistantController.getAssistantContext').default =
    apexMethod<void, AssistantContext>(() => {
        const session = currentSession();
        assertAdmin(session);
        const { org, user } = session;
        const context: AssistantContext = {
            userId: user.Id,
            userName: user.Name,
            organizationId: org.Organization.Id,
            organizationName: org.Organization.Name,
            hasRole: user.UserRoleId !== null,
        };
        const role = roleById(org, user.UserRoleId);
        if (role) {
            context.roleName = role.Name;
        }
        return context;
    });
