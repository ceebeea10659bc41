using Course.Notebooks.Exercises;
using Course.Notebooks.Exercises.Grading;

namespace Course.Cli.Exercises;

/// <summary>Turns the exercise tools' expected failures (bad markup, missing folders) into one-line usage errors.</summary>
internal static class ExerciseCommandErrors
{
    public static T Guard<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is MarkupException or GradingException or DirectoryNotFoundException or ArgumentException or IOException)
        {
            throw new UsageException(e.Message);
        }
    }

    public static async Task<T> GuardAsync<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is MarkupException or GradingException or DirectoryNotFoundException or ArgumentException or IOException)
        {
            throw new UsageException(e.Message);
        }
    }
}
