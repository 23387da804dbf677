using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GraphLite.Tests.Infrastructure;

/// <summary>Keeps every log entry that reaches it, for tests that check what GraphLite logs.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLogEntry> _entries = new();

    public IReadOnlyList<CapturedLogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            entries.Enqueue(new CapturedLogEntry(category, logLevel, eventId.Id, formatter(state, exception),
                values.ToDictionary(pair => pair.Key, pair => pair.Value), exception?.ToString()));
        }
    }
}

/// <summary>One log entry: its category, level, event id, formatted message, structured values and exception.</summary>
public sealed record CapturedLogEntry(
    string Category,
    LogLevel Level,
    int EventId,
    string Message,
    IReadOnlyDictionary<string, object?> Values,
    string? Exception);
