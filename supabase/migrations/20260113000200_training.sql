-- The training hub (issue 15): courses in versions, lessons, assessments graded in the database,
-- learning paths and each learner's progress.
--
-- Content comes from content/training/ through the training.sync job (a new version when a course's
-- text changes; a learner keeps the version they started). Who may open a course is the tier data:
-- private.can_open_course asks private.partner_has_entitlement for the course's feature, and the
-- policies of lessons and questions call it, so a locked course's content never leaves the database.
-- Correct answers and explanations live in private.training_answer_keys, which no API role reads:
-- public.submit_training_assessment grades an attempt and returns them only after it is submitted.

create type public.training_category as enum ('sales', 'marketing', 'product', 'technical');
create type public.training_question_kind as enum ('single', 'multi');

create table public.training_courses (
  id uuid primary key default gen_random_uuid(),
  slug text not null check (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  version integer not null check (version >= 1),
  is_current boolean not null default true,
  title text not null check (length(trim(title)) between 1 and 160),
  summary text not null default '',
  category public.training_category not null,
  level integer not null default 1 check (level between 1 and 3),
  minutes integer not null default 15 check (minutes between 1 and 600),
  feature_key text not null references public.tier_features (feature_key) on update cascade,
  pass_mark integer not null check (pass_mark between 1 and 100),
  max_attempts integer not null check (max_attempts between 1 and 20),
  position integer not null default 0,
  content_digest text not null,
  created_at timestamptz not null default now(),
  unique (slug, version)
);
create unique index training_courses_current_idx on public.training_courses (slug) where is_current;
create index training_courses_feature_idx on public.training_courses (feature_key);

create table public.training_lessons (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references public.training_courses (id) on delete cascade,
  position integer not null check (position >= 0),
  title text not null check (length(trim(title)) between 1 and 160),
  body_md text not null,
  video_url text check (video_url is null or video_url ~ '^https://(www\.youtube-nocookie\.com/embed/|player\.vimeo\.com/video/)[A-Za-z0-9_-]+'),
  files jsonb not null default '[]'::jsonb check (jsonb_typeof(files) = 'array'),
  unique (course_id, position)
);

create table public.training_questions (
  id uuid primary key default gen_random_uuid(),
  course_id uuid not null references public.training_courses (id) on delete cascade,
  position integer not null check (position >= 0),
  prompt text not null check (length(trim(prompt)) between 1 and 1000),
  kind public.training_question_kind not null,
  -- [{ "id": "a", "label": "…" }]: the choices only, never which are right.
  choices jsonb not null check (jsonb_typeof(choices) = 'array' and jsonb_array_length(choices) between 2 and 8),
  unique (course_id, position)
);

-- What is right and why: read only by the grading function.
create table private.training_answer_keys (
  question_id uuid primary key references public.training_questions (id) on delete cascade,
  correct text[] not null check (cardinality(correct) >= 1),
  explanation text not null
);
revoke all on private.training_answer_keys from public, anon, authenticated;

create table public.training_paths (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,79}$'),
  title text not null check (length(trim(title)) between 1 and 160),
  description text not null default '',
  featured boolean not null default false,
  position integer not null default 0
);

create table public.training_path_courses (
  id uuid primary key default gen_random_uuid(),
  path_id uuid not null references public.training_paths (id) on delete cascade,
  course_slug text not null,
  position integer not null check (position >= 0),
  unique (path_id, position),
  unique (path_id, course_slug)
);

-- One per learner and course: the version started stays the learner's.
create table public.training_enrollments (
  id uuid primary key default gen_random_uuid(),
  profile_id uuid not null references public.profiles (id) on delete cascade,
  partner_id uuid references public.partners (id) on delete cascade,
  course_slug text not null,
  course_id uuid not null references public.training_courses (id) on delete cascade,
  last_lesson_id uuid references public.training_lessons (id) on delete set null,
  started_at timestamptz not null default now(),
  last_active_at timestamptz not null default now(),
  passed_at timestamptz,
  completed_at timestamptz,
  unique (profile_id, course_slug)
);
create index training_enrollments_course_idx on public.training_enrollments (course_id);
create index training_enrollments_partner_idx on public.training_enrollments (partner_id);

create table public.training_lesson_progress (
  id uuid primary key default gen_random_uuid(),
  enrollment_id uuid not null references public.training_enrollments (id) on delete cascade,
  profile_id uuid not null references public.profiles (id) on delete cascade,
  lesson_id uuid not null references public.training_lessons (id) on delete cascade,
  completed_at timestamptz not null default now(),
  unique (enrollment_id, lesson_id)
);
create index training_lesson_progress_profile_idx on public.training_lesson_progress (profile_id);

create table public.training_attempts (
  id uuid primary key default gen_random_uuid(),
  enrollment_id uuid not null references public.training_enrollments (id) on delete cascade,
  profile_id uuid not null references public.profiles (id) on delete cascade,
  course_id uuid not null references public.training_courses (id) on delete cascade,
  attempt_no integer not null check (attempt_no >= 1),
  answers jsonb not null,
  score integer not null check (score between 0 and 100),
  passed boolean not null,
  -- Per question: whether it was right, the right choices and the explanation (shown after submission).
  result jsonb not null,
  submitted_at timestamptz not null default now(),
  unique (enrollment_id, attempt_no)
);
create index training_attempts_profile_idx on public.training_attempts (profile_id);

-- Whether the signed-in user may open a course's content: staff always, a partner when its tier holds
-- the course's feature.
create function private.can_open_course(course uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce((
    select private.partner_has_entitlement(c.feature_key) from public.training_courses c where c.id = course
  ), false)
$$;
revoke all on function private.can_open_course(uuid) from public;
grant execute on function private.can_open_course(uuid) to authenticated;

grant select on public.training_courses, public.training_lessons, public.training_questions, public.training_paths,
  public.training_path_courses, public.training_enrollments, public.training_lesson_progress, public.training_attempts
  to authenticated;

do $$
declare
  t text;
begin
  foreach t in array array['training_courses', 'training_lessons', 'training_questions', 'training_paths',
    'training_path_courses', 'training_enrollments', 'training_lesson_progress', 'training_attempts'] loop
    execute format('alter table public.%I enable row level security', t);
    execute format(
      'create policy "active users only" on public.%I as restrictive for all to authenticated '
      'using ((select private.is_active_user())) with check ((select private.is_active_user()))', t);
  end loop;
end
$$;

-- The catalogue (titles, categories, which tier opens them) is visible to every member, locked or not.
create policy "members read courses" on public.training_courses for select to authenticated
  using ((select private.current_app_role()) is not null);
create policy "members read paths" on public.training_paths for select to authenticated
  using ((select private.current_app_role()) is not null);
create policy "members read path courses" on public.training_path_courses for select to authenticated
  using ((select private.current_app_role()) is not null);
-- A course's content only where the tier holds its feature.
create policy "entitled members read lessons" on public.training_lessons for select to authenticated
  using (private.can_open_course(course_id));
create policy "entitled members read questions" on public.training_questions for select to authenticated
  using (private.can_open_course(course_id));
-- Progress: the learner's own; the VP and partnership managers follow everyone's.
create policy "learners read own enrollments" on public.training_enrollments for select to authenticated
  using (profile_id = (select auth.uid()) or (select private.has_role('vp', 'partnership_manager')));
create policy "learners read own lesson progress" on public.training_lesson_progress for select to authenticated
  using (profile_id = (select auth.uid()) or (select private.has_role('vp', 'partnership_manager')));
create policy "learners read own attempts" on public.training_attempts for select to authenticated
  using (profile_id = (select auth.uid()) or (select private.has_role('vp', 'partnership_manager')));

create trigger training_enrollments_audit after insert or update or delete on public.training_enrollments
  for each row execute function private.audit_row();
create trigger training_attempts_audit after insert or update or delete on public.training_attempts
  for each row execute function private.audit_row();
create trigger training_courses_audit after insert or update or delete on public.training_courses
  for each row execute function private.audit_row();

-- Starts (or returns) the caller's enrollment in the current version of a course it may open.
create function public.start_training_course(p_slug text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_course uuid;
  v_id uuid;
begin
  if (select auth.uid()) is null or not private.is_active_user() then
    raise exception 'Sign in to start a course' using errcode = '42501';
  end if;
  select e.id into v_id from public.training_enrollments e
    where e.profile_id = (select auth.uid()) and e.course_slug = p_slug;
  select c.id into v_course from public.training_courses c where c.slug = p_slug and c.is_current;
  if v_course is null and v_id is null then
    raise exception 'That course does not exist' using errcode = 'P0002';
  end if;
  if not private.can_open_course(coalesce((select e.course_id from public.training_enrollments e where e.id = v_id), v_course)) then
    raise exception 'Your tier does not include this course yet' using errcode = '42501';
  end if;
  if v_id is not null then
    return v_id;
  end if;
  insert into public.training_enrollments (profile_id, partner_id, course_slug, course_id)
    values ((select auth.uid()), private.current_partner_id(), p_slug, v_course)
    on conflict (profile_id, course_slug) do nothing
    returning id into v_id;
  if v_id is null then
    select e.id into v_id from public.training_enrollments e
      where e.profile_id = (select auth.uid()) and e.course_slug = p_slug;
  end if;
  return v_id;
end
$$;

-- Marks a lesson of the caller's enrolled version done and remembers it as where to resume.
create function public.complete_training_lesson(p_lesson uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_course uuid;
  v_enrollment uuid;
  v_done integer;
  v_total integer;
begin
  select l.course_id into v_course from public.training_lessons l where l.id = p_lesson;
  if v_course is null then
    raise exception 'That lesson does not exist' using errcode = 'P0002';
  end if;
  if not private.can_open_course(v_course) then
    raise exception 'Your tier does not include this course yet' using errcode = '42501';
  end if;
  select e.id into v_enrollment from public.training_enrollments e
    where e.profile_id = (select auth.uid()) and e.course_id = v_course;
  if v_enrollment is null then
    raise exception 'Start the course first' using errcode = 'P0001';
  end if;
  insert into public.training_lesson_progress (enrollment_id, profile_id, lesson_id)
    values (v_enrollment, (select auth.uid()), p_lesson)
    on conflict (enrollment_id, lesson_id) do nothing;
  update public.training_enrollments set last_lesson_id = p_lesson, last_active_at = now() where id = v_enrollment;
  select count(*)::integer into v_done from public.training_lesson_progress where enrollment_id = v_enrollment;
  select count(*)::integer into v_total from public.training_lessons where course_id = v_course;
  return jsonb_build_object('enrollmentId', v_enrollment, 'done', v_done, 'total', v_total);
end
$$;

-- Grades one attempt: p_answers is { "<question id>": ["<choice id>", …] }. A question is right when the
-- chosen set equals the right set; the score is the share of right questions, rounded down. Refused
-- when the lessons are not all done, the attempts are used up, or the course has been passed already.
create function public.submit_training_assessment(p_enrollment uuid, p_answers jsonb) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  v_enrollment public.training_enrollments%rowtype;
  v_course public.training_courses%rowtype;
  v_used integer;
  v_lessons_left integer;
  v_total integer := 0;
  v_right integer := 0;
  v_score integer;
  v_passed boolean;
  v_result jsonb := '[]'::jsonb;
  v_chosen text[];
  v_ok boolean;
  q record;
begin
  select * into v_enrollment from public.training_enrollments e
    where e.id = p_enrollment and e.profile_id = (select auth.uid())
    for update;
  if v_enrollment.id is null then
    raise exception 'That enrollment does not exist' using errcode = 'P0002';
  end if;
  if not private.can_open_course(v_enrollment.course_id) then
    raise exception 'Your tier does not include this course yet' using errcode = '42501';
  end if;
  if jsonb_typeof(p_answers) is distinct from 'object' then
    raise exception 'Answer every question' using errcode = 'P0001', detail = 'answers';
  end if;
  select * into v_course from public.training_courses where id = v_enrollment.course_id;
  if v_enrollment.passed_at is not null then
    raise exception 'You have already passed this assessment' using errcode = 'P0001', detail = 'answers';
  end if;
  select count(*)::integer into v_lessons_left from public.training_lessons l
    where l.course_id = v_course.id
      and not exists (select 1 from public.training_lesson_progress p where p.enrollment_id = p_enrollment and p.lesson_id = l.id);
  if v_lessons_left > 0 then
    raise exception 'Finish every lesson before the assessment' using errcode = 'P0001', detail = 'answers';
  end if;
  select count(*)::integer into v_used from public.training_attempts where enrollment_id = p_enrollment;
  if v_used >= v_course.max_attempts then
    raise exception 'No attempts left: you have used all % of them', v_course.max_attempts using errcode = 'P0001', detail = 'answers';
  end if;
  for q in
    select tq.id, tq.kind, tq.choices, k.correct, k.explanation
    from public.training_questions tq join private.training_answer_keys k on k.question_id = tq.id
    where tq.course_id = v_course.id order by tq.position
  loop
    v_total := v_total + 1;
    if (case when jsonb_typeof(p_answers -> q.id::text) = 'array' then jsonb_array_length(p_answers -> q.id::text) else 0 end) = 0 then
      raise exception 'Answer every question' using errcode = 'P0001', detail = 'answers';
    end if;
    select coalesce(array_agg(distinct a order by a), '{}') into v_chosen
      from jsonb_array_elements_text(p_answers -> q.id::text) as a;
    if exists (select 1 from unnest(v_chosen) c where not exists (
      select 1 from jsonb_array_elements(q.choices) ch where ch ->> 'id' = c)) then
      raise exception 'An answer names a choice the question does not have' using errcode = 'P0001', detail = 'answers';
    end if;
    if q.kind = 'single' and cardinality(v_chosen) <> 1 then
      raise exception 'Choose one answer for each single-choice question' using errcode = 'P0001', detail = 'answers';
    end if;
    v_ok := v_chosen = (select array_agg(distinct c order by c) from unnest(q.correct) c);
    if v_ok then
      v_right := v_right + 1;
    end if;
    v_result := v_result || jsonb_build_array(jsonb_build_object(
      'questionId', q.id, 'chosen', to_jsonb(v_chosen), 'correct', to_jsonb(q.correct), 'right', v_ok,
      'explanation', q.explanation));
  end loop;
  if (select count(*) from jsonb_object_keys(p_answers)) <> v_total then
    raise exception 'Answer the questions of this assessment only' using errcode = 'P0001', detail = 'answers';
  end if;
  v_score := case when v_total = 0 then 0 else floor(v_right * 100.0 / v_total)::integer end;
  v_passed := v_total > 0 and v_score >= v_course.pass_mark;
  insert into public.training_attempts (enrollment_id, profile_id, course_id, attempt_no, answers, score, passed, result)
    values (p_enrollment, (select auth.uid()), v_course.id, v_used + 1, p_answers, v_score, v_passed, v_result);
  update public.training_enrollments
    set last_active_at = now(),
      passed_at = case when v_passed then now() else passed_at end,
      completed_at = case when v_passed then now() else completed_at end
    where id = p_enrollment;
  return jsonb_build_object(
    'score', v_score, 'passed', v_passed, 'passMark', v_course.pass_mark, 'attemptNo', v_used + 1,
    'attemptsLeft', v_course.max_attempts - v_used - 1, 'questions', v_result);
end
$$;

revoke all on function public.start_training_course(text) from public;
revoke all on function public.complete_training_lesson(uuid) from public;
revoke all on function public.submit_training_assessment(uuid, jsonb) from public;
grant execute on function public.start_training_course(text) to authenticated;
grant execute on function public.complete_training_lesson(uuid) to authenticated;
grant execute on function public.submit_training_assessment(uuid, jsonb) to authenticated;
