import { lessonIds, lessons, type LessonId } from '../../state/lessons';
import { usePlayground } from '../../state';

/** The "Lesson" menu: one preset experiment per lesson of the course. */
export function LessonPicker() {
  const lesson = usePlayground((state) => state.lesson);
  return (
    <label className="lesson-picker">
      Lesson
      <select
        value={lesson ?? ''}
        onChange={(event) => {
          if (event.target.value) usePlayground.getState().applyLesson(event.target.value as LessonId);
        }}
      >
        <option value="">Choose a lesson…</option>
        {lessonIds.map((id) => (
          <option key={id} value={id}>
            {lessons[id].title}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The current lesson's explanation and what to try next. */
export function LessonCard() {
  const id = usePlayground((state) => state.lesson);
  if (!id) return null;
  const lesson = lessons[id];
  return (
    <aside className="lesson" aria-label="Lesson">
      <div className="lesson-head">
        <strong>{lesson.title}</strong>
        <button type="button" className="icon" aria-label="Close lesson" onClick={() => usePlayground.getState().closeLesson()}>
          ✕
        </button>
      </div>
      <p>{lesson.explanation}</p>
      <p>
        <em>Try next:</em> {lesson.tryNext}
      </p>
    </aside>
  );
}
