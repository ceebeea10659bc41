namespace Course.Cli;

/// <summary>A mistake in how the command was called; printed as one line, exit code 64, no stack trace.</summary>
internal sealed class UsageException(string message) : Exception(message);
