import { SectionMessageAction } from '@atlaskit/section-message';
import { StatusLine } from '../../../components/kit/status';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';

/**
 * The end of an Initiation section: the last status message and the last resolver error. Given `reload`, a
 * CONFLICT error offers to load the latest version.
 */
export function SectionFooter({ status, error, reload }: { status: string | null; error: ResolverErrorShape | undefined; reload?: () => void }) {
  return (
    <>
      <StatusLine text={status} />
      {error !== undefined && (
        <div role="alert">
          <ResolverError
            error={error}
            action={
              reload !== undefined && error.code === 'CONFLICT' ? (
                <SectionMessageAction onClick={reload}>Load the latest version (replaces your changes)</SectionMessageAction>
              ) : undefined
            }
          />
        </div>
      )}
    </>
  );
}
