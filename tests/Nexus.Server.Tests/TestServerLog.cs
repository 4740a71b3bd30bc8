using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Nexus.Server.Tests;

/// <summary>A logger provider that keeps every formatted message (and the message of its exception, if any), to assert on what the server logs.</summary>
internal sealed class TestServerLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyList<string> Messages => [.. _messages];

    public ILogger CreateLogger(string categoryName) => new Collector(_messages);

    public void Dispose()
    {
    }

    private sealed class Collector(ConcurrentQueue<string> messages) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            messages.Enqueue(exception is null ? formatter(state, exception) : $"{formatter(state, exception)} | {exception.Message}");
    }
}
