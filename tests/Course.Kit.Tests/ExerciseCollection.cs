namespace Course.Kit.Tests;

/// <summary>
/// Exercise tests seed and draw from torch's one default generator: run them one at a time, or a draw in one test
/// could land between another test's manual_seed and its draws.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ExerciseCollection
{
    public const string Name = "Exercises share the default generator";
}
