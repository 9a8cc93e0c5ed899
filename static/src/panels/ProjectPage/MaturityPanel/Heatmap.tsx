/**
 * Units × 19 key elements, each cell showing current → target level, coloured by the gap. A grid with one
 * tab stop: arrow keys move between cells, Home/End jump within a row, Enter or Space opens the unit.
 */
import { token } from '@atlaskit/tokens';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Heatmap as HeatmapData, HeatmapCell } from '@contract/assessment';
import { ROMAN, space, subtleText } from '../../../components/PanelKit';

const GAP_BACKGROUND = [
  token('color.background.success', '#DCFFF1'),
  token('color.background.accent.yellow.subtler', '#F8E6A0'),
  token('color.background.accent.orange.subtle', '#FEC195'),
  token('color.background.accent.red.subtle', '#FD9891'),
];

function cellStyle(cell: HeatmapCell | null, active: boolean, selected: boolean) {
  const background = cell === null ? 'transparent' : !cell.assessed ? token('color.background.neutral.subtle', 'transparent') : GAP_BACKGROUND[Math.min(cell.gap, 3)];
  return {
    width: '100%',
    minWidth: cell === null ? '300px' : '40px',
    maxWidth: cell === null ? '300px' : undefined,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    height: '32px',
    border: 'none',
    borderRadius: token('radius.small', '3px'),
    background,
    color: cell !== null && !cell.assessed ? token('color.text.subtlest', '#626F86') : token('color.text', '#172B4D'),
    font: 'inherit',
    fontSize: cell === null ? '13px' : '12px',
    textAlign: cell === null ? ('left' as const) : ('center' as const),
    padding: `0 ${space.xs}`,
    cursor: 'pointer',
    outline: active ? `2px solid ${token('color.border.focused', '#388BFF')}` : 'none',
    outlineOffset: '-2px',
    fontWeight: selected ? 700 : 400,
    whiteSpace: 'nowrap' as const,
  };
}

export function cellText(cell: HeatmapCell): string {
  if (!cell.assessed) return '·';
  return cell.current === cell.target ? ROMAN[cell.current] : `${ROMAN[cell.current]}→${ROMAN[cell.target]}`;
}

export function Heatmap({ data, selectedUnit, onOpen }: { data: HeatmapData; selectedUnit: string | null; onOpen: (unitId: string, elementId?: string) => void }) {
  const [pos, setPos] = useState<{ r: number; c: number }>({ r: 0, c: 0 });
  const [focusWithin, setFocusWithin] = useState(false);
  const refs = useRef(new Map<string, HTMLButtonElement>());
  const cols = data.elements.length + 1;
  const rows = data.rows.length;

  const move = (r: number, c: number) => {
    const next = { r: Math.max(0, Math.min(rows - 1, r)), c: Math.max(0, Math.min(cols - 1, c)) };
    setPos(next);
    refs.current.get(`${next.r}:${next.c}`)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(pos.r, pos.c + 1),
      ArrowLeft: () => move(pos.r, pos.c - 1),
      ArrowDown: () => move(pos.r + 1, pos.c),
      ArrowUp: () => move(pos.r - 1, pos.c),
      Home: () => move(pos.r, 0),
      End: () => move(pos.r, cols - 1),
    };
    const action = keys[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        role="grid"
        aria-label="Maturity heatmap: units by key elements, current level → target level"
        onKeyDown={onKeyDown}
        onFocus={() => setFocusWithin(true)}
        onBlur={() => setFocusWithin(false)}
        style={{ borderCollapse: 'separate', borderSpacing: '2px', tableLayout: 'fixed' }}
      >
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left', verticalAlign: 'bottom', ...subtleText, fontSize: '12px', width: '300px' }}>
              Unit (level)
            </th>
            {data.elements.map((e) => (
              <th key={e.id} scope="col" title={e.name} style={{ height: '150px', verticalAlign: 'bottom', width: '42px', padding: 0 }}>
                <span style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)', fontSize: '12px', fontWeight: 500, color: token('color.text.subtle', '#44546F'), whiteSpace: 'nowrap' }}>
                  {e.name}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, r) => (
            <tr key={row.unitId}>
              <th scope="row" style={{ padding: 0, fontWeight: 'normal' }}>
                <button
                  type="button"
                  ref={(el) => {
                    if (el) refs.current.set(`${r}:0`, el);
                  }}
                  tabIndex={pos.r === r && pos.c === 0 ? 0 : -1}
                  aria-label={`Open ${row.unitId} ${row.title}: level ${ROMAN[row.currentLevel]}, target ${ROMAN[row.targetLevel]}`}
                  aria-pressed={selectedUnit === row.unitId}
                  title={`${row.unitId} ${row.title}`}
                  style={cellStyle(null, focusWithin && pos.r === r && pos.c === 0, selectedUnit === row.unitId)}
                  onFocus={() => setPos({ r, c: 0 })}
                  onClick={() => onOpen(row.unitId)}
                >
                  {row.unitId === 'sms' ? 'SMS' : row.unitId} {row.title}{' '}
                  <span style={subtleText}>
                    ({ROMAN[row.currentLevel]}
                    {row.targetLevel !== row.currentLevel ? `→${ROMAN[row.targetLevel]}` : ''})
                  </span>
                </button>
              </th>
              {row.cells.map((cell, i) => {
                const c = i + 1;
                const name = data.elements[i]?.name ?? cell.elementId;
                return (
                  <td key={cell.elementId} style={{ padding: 0 }}>
                    <button
                      type="button"
                      ref={(el) => {
                        if (el) refs.current.set(`${r}:${c}`, el);
                      }}
                      tabIndex={pos.r === r && pos.c === c ? 0 : -1}
                      aria-label={`${row.title}, ${name}: ${cell.assessed ? `current ${ROMAN[cell.current]}, target ${ROMAN[cell.target]}` : 'not assessed'}`}
                      style={cellStyle(cell, focusWithin && pos.r === r && pos.c === c, false)}
                      onFocus={() => setPos({ r, c })}
                      onClick={() => onOpen(row.unitId, cell.elementId)}
                    >
                      {cellText(cell)}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div aria-label="Heatmap legend" style={{ display: 'flex', flexWrap: 'wrap', gap: space.m, marginBlockStart: space.s, fontSize: '12px', ...subtleText }}>
        <span>Cells: current → target (· = not assessed).</span>
        {['At target', '1 level to go', '2 levels to go', '3 levels to go'].map((label, gap) => (
          <span key={label} style={{ display: 'inline-flex', alignItems: 'center', gap: space.xs }}>
            <span aria-hidden style={{ width: '14px', height: '14px', borderRadius: '3px', background: GAP_BACKGROUND[gap], border: `1px solid ${token('color.border', '#091E4224')}` }} />
            {label}
          </span>
        ))}
      </div>
    </div>
  );
}
