import type { PageRecord, SpaceRecord } from '../emulator/records';
import { bullets, doc, heading, p, panel } from './adf';
import { SEED_BASE_DATE } from './jira-seed';
import { SANDBOX_USERS } from './users';

export const SMS_SPACE_ID = '131073';
export const SMS_HOME_PAGE_ID = '65537';

const author = SANDBOX_USERS[0]?.accountId as string;

export function buildConfluenceSeed(): { spaces: SpaceRecord[]; pages: PageRecord[] } {
  const createdAt = new Date(SEED_BASE_DATE.getTime() - 400 * 86_400_000).toISOString();
  const space: SpaceRecord = {
    id: SMS_SPACE_ID,
    key: 'SMS',
    name: 'Service Management System',
    description: 'Documents and reports of the service management system.',
    homepageId: SMS_HOME_PAGE_ID,
    authorId: author,
    createdAt,
  };
  const home: PageRecord = {
    id: SMS_HOME_PAGE_ID,
    spaceId: SMS_SPACE_ID,
    parentId: null,
    title: 'Service Management System Home',
    status: 'current',
    representation: 'atlas_doc_format',
    value: JSON.stringify(
      doc(
        heading(1, 'Service Management System'),
        p('This space holds the policies, plans and reports of our service management system.'),
        panel('info', p('Reports published by SMS Navigator appear as child pages of this page.')),
        bullets(['Service management policy and plan', 'Process procedures', 'Audit and management review reports']),
      ),
    ),
    authorId: author,
    createdAt,
    position: 0,
    version: { number: 1, message: '', minorEdit: false, authorId: author, createdAt },
  };
  return { spaces: [space], pages: [home] };
}
