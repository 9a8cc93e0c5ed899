/**
 * Maturity panel (TS 20000-5 5.2.3, Table 1): heatmap of units × key elements (current vs target), a unit
 * editor with the elements to raise next, and snapshots with comparison and trend.
 */
import EmptyState from '@atlaskit/empty-state';
import { useCallback, useState } from 'react';
import { useResolver } from '../../../api/use-resolver';
import { Loading } from '../../../components/Loading';
import { Section, space } from '../../../components/kit/layout';
import { subtleText } from '../../../components/kit/text';
import { ResolverError } from '../../../components/ResolverError';
import { Heatmap } from './Heatmap';
import { Snapshots } from './Snapshots';
import { UnitEditor } from './UnitEditor';

export default function MaturityPanel({ canEdit }: { canEdit: boolean }) {
  const assessment = useResolver('getAssessment', {});
  const snapshotList = useResolver('listSnapshots', {});
  const [open, setOpen] = useState<{ unitId: string; elementId: string | null } | null>(null);
  const { data: view, setData: setView } = assessment;
  const { data: snapshots, setData: setSnapshots } = snapshotList;
  const error = assessment.error ?? snapshotList.error;
  const reloadAssessment = assessment.reload;
  const reloadSnapshots = snapshotList.reload;

  const load = useCallback(async () => {
    await Promise.all([reloadAssessment(), reloadSnapshots()]);
  }, [reloadAssessment, reloadSnapshots]);

  if (error !== undefined && view === undefined) return <ResolverError error={error} />;
  if (view === undefined || snapshots === undefined) return <Loading label="Loading the assessment" />;

  const unit = open === null ? undefined : view.units.find((u) => u.unitId === open.unitId);
  const unitTitle = (id: string) => {
    const u = view.units.find((x) => x.unitId === id);
    return u === undefined ? id : `${id === 'sms' ? 'SMS' : id} ${u.title}`;
  };

  return (
    <div>
      {view.assessedUnits === 0 && (
        <div style={{ marginBlockStart: space.m }}>
          <EmptyState
            header="Nothing assessed yet"
            headingLevel={3}
            description={
              canEdit
                ? 'Pick a process in the heatmap below (start with the ones in your first phase, such as incident management) and rate each key element as it is today and where you want it. Then take a baseline snapshot.'
                : 'No one has assessed a process yet. Editors can start from the heatmap below.'
            }
          />
        </div>
      )}
      <Section
        title="Heatmap"
        description={`${view.assessedUnits} of ${view.units.length} units assessed. Each cell is one key element of one unit; choose a unit or a cell to assess it. Arrow keys move between cells.`}
      >
        <Heatmap data={view.heatmap} selectedUnit={open?.unitId ?? null} onOpen={(unitId, elementId) => setOpen({ unitId, elementId: elementId ?? null })} />
      </Section>
      {unit !== undefined && open !== null && (
        <UnitEditor
          key={unit.unitId}
          view={view}
          unit={unit}
          focusElement={open.elementId}
          canEdit={canEdit}
          onSaved={setView}
          onReload={load}
          onClose={() => setOpen(null)}
        />
      )}
      {unit === undefined && view.assessedUnits > 0 && <p style={{ ...subtleText, marginBlockStart: space.s }}>Choose a unit in the heatmap to see its elements and what to raise next.</p>}
      <Snapshots data={snapshots} canEdit={canEdit} onChange={setSnapshots} unitTitle={unitTitle} />
    </div>
  );
}
