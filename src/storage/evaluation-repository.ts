/**
 * What phase evaluation keeps (TS 20000-5 5.6): the latest evaluation of each phase, the lessons-learned register
 * and the plan history (each revision with its reason). Three small versioned records per project; every save names
 * the version it was based on (CONFLICT when stale), is validated by the domain schema and checked against the
 * stored-value limit before it is written.
 */
import { z } from 'zod';
import { assertFitsValueLimit } from '../domain/assessment/record-size';
import { parseValid } from '../domain/errors';
import {
  type LessonRegister,
  type PhaseEvaluationRecord,
  type PlanHistory,
  type RevisionInput,
  lessonRegisterSchema,
  phaseEvaluationRecordSchema,
  planHistorySchema,
  recordRevision,
} from '../domain/evaluation';
import type { JsonValue, KeyValueStore } from './kv-store';
import { lessonsKey, phaseEvaluationKey, planHistoryKey } from './keys';
import { assertVersion, parseStored } from './stored-record';

export interface Versioned<T> {
  value: T;
  /** 0 before the first save. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

const envelope = <S extends z.ZodType>(schema: S) =>
  z.object({ version: z.number().int().positive(), updatedAt: z.iso.datetime({ offset: true }), updatedBy: z.string().min(1), value: schema });

/** One versioned value under one key. */
class VersionedValue<S extends z.ZodType> {
  private readonly stored;

  constructor(
    private readonly store: KeyValueStore,
    private readonly now: () => Date,
    private readonly schema: S,
    private readonly what: string,
    private readonly empty: () => z.output<S>,
  ) {
    this.stored = envelope(schema);
  }

  async get(key: string): Promise<Versioned<z.output<S>>> {
    const raw = await this.store.get(key);
    if (raw === undefined) return { value: this.empty(), version: 0, updatedAt: null, updatedBy: null };
    const r = parseStored(this.stored, raw, this.what) as { version: number; updatedAt: string; updatedBy: string; value: z.output<S> };
    return { value: r.value, version: r.version, updatedAt: r.updatedAt, updatedBy: r.updatedBy };
  }

  async save(key: string, value: unknown, expectedVersion: number, accountId: string): Promise<Versioned<z.output<S>>> {
    const valid: z.output<S> = parseValid(this.schema, value, `${this.what} is not valid.`, { maxIssues: 10 });
    const current = await this.get(key);
    assertVersion(this.what, current.version === 0 ? undefined : { version: current.version, updatedAt: current.updatedAt ?? '', updatedBy: current.updatedBy ?? '' }, expectedVersion);
    const record = { version: current.version + 1, updatedAt: this.now().toISOString(), updatedBy: accountId, value: valid };
    assertFitsValueLimit(record, this.what);
    await this.store.set(key, record as unknown as JsonValue);
    return { value: record.value, version: record.version, updatedAt: record.updatedAt, updatedBy: record.updatedBy };
  }
}

export class EvaluationRepository {
  private readonly evaluations;
  private readonly lessons;
  private readonly history;

  constructor(store: KeyValueStore, now: () => Date = () => new Date()) {
    this.evaluations = new VersionedValue(store, now, phaseEvaluationRecordSchema.nullable(), 'The phase evaluation', () => null);
    this.lessons = new VersionedValue(store, now, lessonRegisterSchema, 'The lessons-learned register', () => []);
    this.history = new VersionedValue(store, now, planHistorySchema, 'The plan history', () => []);
  }

  getEvaluation(projectId: string, phaseId: string): Promise<Versioned<PhaseEvaluationRecord | null>> {
    return this.evaluations.get(phaseEvaluationKey(projectId, phaseId));
  }

  /** Saves the phase's evaluation; an objective not fully met without cause and action is refused (VALIDATION_FAILED). */
  saveEvaluation(projectId: string, record: PhaseEvaluationRecord, expectedVersion: number, accountId: string): Promise<Versioned<PhaseEvaluationRecord | null>> {
    return this.evaluations.save(phaseEvaluationKey(projectId, record.phaseId), record, expectedVersion, accountId);
  }

  getLessons(projectId: string): Promise<Versioned<LessonRegister>> {
    return this.lessons.get(lessonsKey(projectId));
  }

  saveLessons(projectId: string, register: LessonRegister, expectedVersion: number, accountId: string): Promise<Versioned<LessonRegister>> {
    return this.lessons.save(lessonsKey(projectId), register, expectedVersion, accountId);
  }

  getPlanHistory(projectId: string): Promise<Versioned<PlanHistory>> {
    return this.history.get(planHistoryKey(projectId));
  }

  /** Appends a revision (refused without a reason) to the plan history. */
  async recordPlanRevision(projectId: string, input: RevisionInput, expectedVersion: number): Promise<Versioned<PlanHistory>> {
    const current = await this.getPlanHistory(projectId);
    return this.history.save(planHistoryKey(projectId), recordRevision(current.value, input), expectedVersion, input.by);
  }
}
