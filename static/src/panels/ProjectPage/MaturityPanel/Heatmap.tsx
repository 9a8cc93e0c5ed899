/**
 * Units × 19 key elements. Each cell shows the level observed today (0 = none) and is coloured by how far it is
 * from its target; a tick marks "at target". Column headings are short names (KeyElement.shortName) so 19 columns
 * fit at 1,280 px; the full name shows in a tooltip on hover and focus, and in each cell's accessible name.
 * A grid with one tab stop: arrow keys move between cells, Home/End jump within a row, Enter or Space opens.
 * Colours are design tokens (bold backgrounds with their inverse text), readable in light and dark mode.
 */
import Tooltip from '@atlaskit/tooltip';
import { token } from '@atlaskit/tokens';
import { useRef, useState, type KeyboardEvent } from 'react';
import type { Heatmap as HeatmapData, HeatmapCell } from '@contract/assessment';
import { space } from '../../../components/kit/layout';
import { ROMAN, subtleText } from '../../../components/kit/text';
import { levelName } from './levels';

/** Background and text of a cell by its gap to target (0 = at target … 3), and of a cell not assessed. */
export const GAP_TONES: readonly { background: string; color: string; label: string }[] = [
  { background: token('color.background.success.bold', '#1F845A'), color: token('color.text.inverse', '#FFFFFF'), label: 'At target' },
  { background: token('color.background.warning.bold', '#F5CD47'), color: token('color.text.warning.inverse', '#172B4D'), label: '1 level to go' },
  { background: token('color.background.accent.orange.bolder', '#C25100'), color: token('color.text.inverse', '#FFFFFF'), label: '2 levels to go' },
  { background: token('color.background.danger.bold', '#C9372C'), color: token('color.text.inverse', '#FFFFFF'), label: '3 levels to go' },
];
const NOT_ASSESSED = { background: token('color.background.neutral', '#091E420F'), color: token('color.text.subtle', '#44546F'), label: 'Not assessed' };

const toneOf = (cell: HeatmapCell) => (cell.assessed ? (GAP_TONES[Math.min(cell.gap, 3)] ?? NOT_ASSESSED) : NOT_ASSESSED);

/** What a cell shows: the level today as a Roman numeral (0 for none), a tick when at target, a dot when not assessed. */
export function cellText(cell: HeatmapCell): string {
  if (!cell.assessed) return '·';
  const level = cell.current === 0 ? '0' : (ROMAN[cell.current] ?? '');
  return cell.gap === 0 && cell.target > 0 ? `${level} ✓` : level;
}

/** The cell in words: "Process links: today Level I, target Level II, 1 level to go". */
export function cellDescription(elementName: string, cell: HeatmapCell): string {
  if (!cell.assessed) return `${elementName}: not assessed`;
  const gap = cell.gap === 0 ? (cell.target > 0 ? 'at target' : 'no target set') : `${cell.gap} ${cell.gap === 1 ? 'level' : 'levels'} to go`;
  return `${elementName}: today ${levelName(cell.current)}, target ${levelName(cell.target)}, ${gap}`;
}

const cellBase = {
  width: '100%',
  height: '32px',
  border: 'none',
  borderRadius: token('radius.small', '3px'),
  font: 'inherit',
  fontSize: '12px',
  fontWeight: 600,
  padding: 0,
  cursor: 'pointer',
  outlineOffset: '-2px',
  whiteSpace: 'nowrap' as const,
};

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

  const outline = (active: boolean) => (active ? `2px solid ${token('color.border.focused', '#388BFF')}` : 'none');

  return (
    <div style={{ overflowX: 'auto' }}>
      <table
        role="grid"
        aria-label="Maturity heatmap: units by key elements, level today coloured by the distance to the target"
        onKeyDown={onKeyDown}
        onFocus={() => setFocusWithin(true)}
        onBlur={() => setFocusWithin(false)}
        style={{ borderCollapse: 'separate', borderSpacing: '1px', width: '100%', tableLayout: 'auto' }}
      >
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'start', verticalAlign: 'bottom', ...subtleText, fontSize: '12px', minWidth: '120px' }}>
              Unit
            </th>
            {data.elements.map((e) => (
              <th key={e.id} scope="col" style={{ verticalAlign: 'bottom', padding: `0 1px ${space.xs}`, minWidth: '38px' }}>
                <Tooltip content={e.name} position="top">
                  {(props) => (
                    <abbr
                      {...props}
                      title={undefined}
                      aria-label={e.name}
                      style={{ display: 'block', textDecoration: 'none', fontSize: '11px', lineHeight: '13px', fontWeight: 600, color: token('color.text.subtle', '#44546F'), hyphens: 'manual', textAlign: 'center', cursor: 'help' }}
                    >
                      {e.shortName}
                    </abbr>
                  )}
                </Tooltip>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row, r) => {
            const unitName = row.unitId === 'sms' ? row.title : `${row.unitId} ${row.title}`;
            return (
              <tr key={row.unitId}>
                <th scope="row" style={{ padding: 0, fontWeight: 'normal' }}>
                  <button
                    type="button"
                    ref={(el) => {
                      if (el) refs.current.set(`${r}:0`, el);
                    }}
                    tabIndex={pos.r === r && pos.c === 0 ? 0 : -1}
                    aria-label={`Open ${unitName}: level ${levelName(row.currentLevel)}, target ${levelName(row.targetLevel)}`}
                    aria-pressed={selectedUnit === row.unitId}
                    style={{
                      ...cellBase,
                      height: 'auto',
                      minHeight: '32px',
                      whiteSpace: 'normal',
                      textAlign: 'start',
                      fontSize: '13px',
                      fontWeight: selectedUnit === row.unitId ? 700 : 400,
                      background: selectedUnit === row.unitId ? token('color.background.selected', '#E9F2FF') : 'transparent',
                      color: token('color.text', '#172B4D'),
                      padding: `0 ${space.xs}`,
                      outline: outline(focusWithin && pos.r === r && pos.c === 0),
                    }}
                    onFocus={() => setPos({ r, c: 0 })}
                    onClick={() => onOpen(row.unitId)}
                  >
                    {unitName}
                  </button>
                </th>
                {row.cells.map((cell, i) => {
                  const c = i + 1;
                  const name = data.elements[i]?.name ?? cell.elementId;
                  const tone = toneOf(cell);
                  const text = `${row.title}, ${cellDescription(name, cell)}`;
                  return (
                    <td key={cell.elementId} style={{ padding: 0 }}>
                      <Tooltip content={text} position="top">
                        {(props) => (
                          <button
                            type="button"
                            {...props}
                            ref={(el) => {
                              props.ref(el);
                              if (el) refs.current.set(`${r}:${c}`, el);
                            }}
                            tabIndex={pos.r === r && pos.c === c ? 0 : -1}
                            aria-label={text}
                            style={{ ...cellBase, background: tone.background, color: tone.color, outline: outline(focusWithin && pos.r === r && pos.c === c) }}
                            onFocus={(e) => {
                              props.onFocus(e);
                              setPos({ r, c });
                            }}
                            onClick={(e) => {
                              props.onClick(e);
                              onOpen(row.unitId, cell.elementId);
                            }}
                          >
                            {cellText(cell)}
                          </button>
                        )}
                      </Tooltip>
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
      <div role="group" aria-label="Heatmap legend" style={{ display: 'flex', flexWrap: 'wrap', gap: space.m, marginBlockStart: space.s, fontSize: '12px', ...subtleText }}>
        <span>Each cell: the level today (0 = none; ✓ = at target). Colour: how far from the target.</span>
        {[...GAP_TONES, NOT_ASSESSED].map((t) => (
          <span key={t.label} style={{ display: 'inline-flex', alignItems: 'center', gap: space.xs }}>
            <span aria-hidden style={{ width: '14px', height: '14px', borderRadius: '3px', background: t.background }} />
            {t.label}
          </span>
        ))}
      </div>
    </div>
  );
}
