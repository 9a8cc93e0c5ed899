import { token } from '@atlaskit/tokens';
import { useCallback, useState } from 'react';
import { useResolver } from '../../../api/use-resolver';
import { Loading } from '../../../components/Loading';
import { ResolverError } from '../../../components/ResolverError';
import { BulkMapping } from './BulkMapping';
import { Coverage } from './Coverage';

/** The "Clause mapping" tab: bulk mapping with review, progress and undo; coverage per clause. */
export default function MappingPanel({ canEdit }: { canEdit: boolean }) {
  const { data: catalogue, error } = useResolver('listClauses', {});
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  if (error) return <ResolverError error={error} />;
  if (!catalogue) return <Loading label="Loading the clauses" />;
  return (
    <div style={{ display: 'grid', gap: token('space.400', '32px'), paddingBlock: token('space.200', '16px') }}>
      <BulkMapping catalogue={catalogue} canEdit={canEdit} onChanged={changed} />
      <Coverage version={version} catalogue={catalogue} canEdit={canEdit} onChanged={changed} />
    </div>
  );
}
