import { token } from '@atlaskit/tokens';
import type { ListClausesResponse } from '@contract/mapping';
import { useCallback, useEffect, useState } from 'react';
import { listClauses } from '../../../api/list-clauses';
import { Loading } from '../../../components/Loading';
import { ResolverError, type ResolverErrorShape } from '../../../components/ResolverError';
import { BulkMapping } from './BulkMapping';
import { Coverage } from './Coverage';

/** The "Clause mapping" tab: bulk mapping with review, progress and undo; coverage per clause. */
export default function MappingPanel({ canEdit }: { canEdit: boolean }) {
  const [catalogue, setCatalogue] = useState<ListClausesResponse | undefined>();
  const [error, setError] = useState<ResolverErrorShape | undefined>();
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    let live = true;
    void listClauses().then((r) => {
      if (!live) return;
      if (r.ok) setCatalogue(r.data);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, []);

  if (error) return <ResolverError error={error} />;
  if (!catalogue) return <Loading label="Loading the clauses" />;
  return (
    <div style={{ display: 'grid', gap: token('space.400', '32px'), paddingBlock: token('space.200', '16px') }}>
      <BulkMapping catalogue={catalogue} canEdit={canEdit} onChanged={changed} />
      <Coverage version={version} catalogue={catalogue} canEdit={canEdit} onChanged={changed} />
    </div>
  );
}
