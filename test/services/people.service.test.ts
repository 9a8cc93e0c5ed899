import type { UserOption } from '../../src/contract/people';
import type { CallOptions } from '../../src/jira/jira-client';
import { PeopleService, USER_SEARCH_MAX } from '../../src/services/people.service';

describe('PeopleService.search', () => {
  it("asks Jira's user search as the user, for at most USER_SEARCH_MAX people, and answers them unchanged", async () => {
    const pat: UserOption = { accountId: '557058:pat', displayName: 'Pat Project-Admin', avatarUrl: null };
    const asked: { query: string; max: number; opts: CallOptions | undefined }[] = [];
    const service = new PeopleService({
      jira: {
        searchUsers: async (query: string, max: number, opts?: CallOptions) => {
          asked.push({ query, max, opts });
          return [pat];
        },
      },
    });
    expect(await service.search('pa')).toEqual({ users: [pat] });
    expect(asked).toEqual([{ query: 'pa', max: USER_SEARCH_MAX, opts: { as: 'user' } }]);
  });
});
