import { ROMAN } from '../../../components/kit/text';

/** A maturity level in words for the Maturity views: "Level II", or "none" before Level I. */
export const levelName = (level: number): string => (level === 0 ? 'none' : `Level ${ROMAN[level] ?? String(level)}`);
