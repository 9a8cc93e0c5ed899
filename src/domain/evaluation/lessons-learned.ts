/**
 * The lessons-learned register (TS 20000-5 5.6, 5.7): what a phase taught, kept so that later phases build on it.
 * When the next phase is planned, the lessons of earlier phases it has not taken up yet are offered, those about
 * the same processes first. Taking a lesson up records the phase, so it is not offered to that phase again.
 */
import { z } from 'zod';
import { processIdSchema } from '../assessment/assessment-units';
import { type Phase } from '../planning/plan';

export const MAX_LESSONS = 200;

export const lessonSchema = z.object({
  id: z.string().min(1).max(60).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Lesson ids are lowercase slugs.'),
  /** The phase the lesson was learned in. */
  phaseId: z.string().min(1).max(80),
  /** What happened. */
  observation: z.string().trim().min(1, 'Say what happened.').max(2000),
  /** What to do differently (or again) next time. */
  recommendation: z.string().trim().min(1, 'Say what to do next time.').max(2000),
  /** Processes the lesson is about (empty: the SMS as a whole). */
  processes: z.array(processIdSchema).max(30),
  recordedAt: z.iso.datetime({ offset: true }),
  recordedBy: z.string().min(1).max(128),
  /** Phases that took the lesson up when they were planned. */
  appliedIn: z.array(z.string().min(1).max(80)).max(30),
});
export type Lesson = z.infer<typeof lessonSchema>;

export const lessonRegisterSchema = z
  .array(lessonSchema)
  .max(MAX_LESSONS)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((l, i) => {
      if (seen.has(l.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Lesson id ${l.id} is used twice.` });
      seen.add(l.id);
    });
  });
export type LessonRegister = z.infer<typeof lessonRegisterSchema>;

export interface OfferedLesson {
  lesson: Lesson;
  /** Processes the lesson shares with the phase being planned. */
  sharedProcesses: string[];
}

/**
 * Lessons to offer while `phase` is planned: learned in another phase, not yet taken up by this one; those that
 * share processes with it first (more shared first), then the SMS-wide ones, then the rest; newest first within.
 */
export function lessonsToOffer(register: readonly Lesson[], phase: Pick<Phase, 'id' | 'boundary'>): OfferedLesson[] {
  const inPhase = new Set<string>(phase.boundary.processes);
  const rank = (o: OfferedLesson): number => (o.sharedProcesses.length > 0 ? 0 : o.lesson.processes.length === 0 ? 1 : 2);
  return register
    .filter((l) => l.phaseId !== phase.id && !l.appliedIn.includes(phase.id))
    .map((lesson) => ({ lesson, sharedProcesses: lesson.processes.filter((p) => inPhase.has(p)) }))
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        b.sharedProcesses.length - a.sharedProcesses.length ||
        Date.parse(b.lesson.recordedAt) - Date.parse(a.lesson.recordedAt) ||
        a.lesson.id.localeCompare(b.lesson.id),
    );
}

/** The register with `lessonId` taken up by `phaseId` (unchanged if it already was; unknown ids are left alone). */
export function takeUpLesson(register: readonly Lesson[], lessonId: string, phaseId: string): Lesson[] {
  return register.map((l) => (l.id === lessonId && !l.appliedIn.includes(phaseId) ? { ...l, appliedIn: [...l.appliedIn, phaseId] } : l));
}
