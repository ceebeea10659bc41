namespace Course.Notebooks.Exercises;

/// <summary>What a cell is for in an exercise notebook (the <c>role</c> in a cell's <c>course</c> metadata).</summary>
public enum CellRole
{
    /// <summary>The student edits this cell; its solution regions become stubs in the released notebook.</summary>
    Solution,
    /// <summary>The checks of one exercise: read-only for students, replaced by the source's copy when grading.</summary>
    Check,
    /// <summary>Instructions or setup the student must not edit: read-only, replaced by the source's copy when grading.</summary>
    Locked,
}
