namespace Course.Kit.Exercises;

/// <summary>
/// Thrown by the <see cref="Check"/> methods when a student's result is wrong. The message says what differs, in
/// words a student can act on; an exercise case that throws it fails with that message.
/// </summary>
public sealed class CheckFailedException(string message) : Exception(message);
