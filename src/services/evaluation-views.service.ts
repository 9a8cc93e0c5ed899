/**
 * The Evaluation view's calls, each answering what the view shows: one phase's evaluation with the lessons-learned
 * register and the people named (PhaseEvaluationService does the reads and writes, as the user).
 */
import type { LessonsResponse, PhaseEvaluationResponse, RecordEvaluationActionResponse } from '../contract/evaluation';
import type { Logger } from '../platform/logger';
import type { PlanRepository } from '../storage/plan-repository';
import { toEvaluationResponse } from './phase-evaluation-view';
import type { PhaseEvaluationService } from './phase-evaluation.service';
import type { NameLookup } from './user-names.service';

type Project = { id: string; key: string };
type LessonRegisterRead = Awaited<ReturnType<PhaseEvaluationService['lessons']>>;

export interface EvaluationViewsServiceDeps {
  phaseEvaluation: PhaseEvaluationService;
  plans: PlanRepository;
  names: NameLookup;
  log: Logger;
}

export class EvaluationViewsService {
  constructor(private readonly deps: EvaluationViewsServiceDeps) {}

  /** The phases of the saved plan and the evaluation of one (the first when none is named). */
  async view(project: Project, phaseId: string | undefined): Promise<PhaseEvaluationResponse> {
    const plan = await this.deps.plans.get(project.id);
    const phases = plan?.plan.phases.map((p) => ({ id: p.id, name: p.name })) ?? [];
    const chosen = phaseId ?? phases[0]?.id;
    const result = chosen === undefined ? null : await this.deps.phaseEvaluation.view(project, chosen);
    return toEvaluationResponse(this.deps, project, result, phases);
  }

  async saveVerdicts(project: Project, accountId: string, input: Parameters<PhaseEvaluationService['saveVerdicts']>[2]): Promise<PhaseEvaluationResponse> {
    const result = await this.deps.phaseEvaluation.saveVerdicts(project, accountId, input);
    this.deps.log('info', 'phase evaluation saved', { projectId: project.id, phaseId: input.phaseId });
    return toEvaluationResponse(this.deps, project, result, result.phases);
  }

  async recordAction(project: Project, accountId: string, input: Parameters<PhaseEvaluationService['recordAction']>[2]): Promise<RecordEvaluationActionResponse> {
    const { action, ...result } = await this.deps.phaseEvaluation.recordAction(project, accountId, input);
    this.deps.log('info', 'evaluation action recorded', { projectId: project.id, phaseId: input.phaseId, key: action.key, created: action.created });
    return { ...(await toEvaluationResponse(this.deps, project, result, result.phases)), action };
  }

  async lessons(projectId: string): Promise<LessonsResponse> {
    return this.lessonsView(await this.deps.phaseEvaluation.lessons(projectId));
  }

  async recordLesson(projectId: string, accountId: string, input: Parameters<PhaseEvaluationService['recordLesson']>[2]): Promise<LessonsResponse> {
    return this.lessonsView(await this.deps.phaseEvaluation.recordLesson(projectId, accountId, input));
  }

  async takeUpLesson(projectId: string, accountId: string, input: Parameters<PhaseEvaluationService['takeUpLesson']>[2]): Promise<LessonsResponse> {
    return this.lessonsView(await this.deps.phaseEvaluation.takeUpLesson(projectId, accountId, input));
  }

  private async lessonsView({ register, version }: LessonRegisterRead): Promise<LessonsResponse> {
    return { lessons: register, version, people: await this.deps.names(register.map((l) => l.recordedBy)) };
  }
}
