using Course.Kit.Exercises;

namespace Course.Notebooks.Exercises.Grading;

/// <summary>The grade of one exercise for one student.</summary>
/// <param name="Exercise">The exercise id.</param>
/// <param name="Title">The exercise title.</param>
/// <param name="Points">Points earned.</param>
/// <param name="MaxPoints">Points available (the check cell's <c>course.points</c>).</param>
/// <param name="Status">How it was scored.</param>
/// <param name="Message">One line a student can act on; never a hidden case's details.</param>
/// <param name="Cases">Every case result counted (hidden ones in full: this record is for instructors).</param>
/// <param name="Notes">What the grader noticed about this exercise's cells (edited check cell restored, copies).</param>
public sealed record ExerciseGrade(string Exercise, string Title, double Points, double MaxPoints, GradeStatus Status,
    string Message, IReadOnlyList<CaseResult> Cases, IReadOnlyList<string> Notes);

/// <summary>The grade of one submission.</summary>
/// <param name="Student">The student: the submission's file name without extension, or its folder's name.</param>
/// <param name="Submission">The submission file, relative to the submissions folder.</param>
/// <param name="Assignment">The assignment it was graded against.</param>
/// <param name="Points">Total points earned.</param>
/// <param name="MaxPoints">Total points available.</param>
/// <param name="Exercises">One grade per exercise of the assignment, in notebook order.</param>
/// <param name="Notes">Remarks about the whole notebook (cells added, locked cells restored).</param>
/// <param name="Seconds">Wall time spent grading it, kernel start-up included (0 when it did not run).</param>
/// <param name="Fingerprint">SHA-256 of the submission and the sources: a re-run skips the submission while it matches.</param>
public sealed record StudentGrade(string Student, string Submission, string Assignment, double Points, double MaxPoints,
    IReadOnlyList<ExerciseGrade> Exercises, IReadOnlyList<string> Notes, double Seconds, string Fingerprint);
