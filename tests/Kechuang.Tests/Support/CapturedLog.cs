using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Kechuang.Tests.Support;

/// <summary>
/// The lines the application's console logger writes, captured instead of read from a shared standard output: the
/// same formatter (chosen by <c>Logging:Format</c>, with its options) and the same scopes (the request's trace id).
/// Register with <see cref="AddTo"/> on a host of its own.
/// </summary>
public sealed class CapturedLog : ILoggerProvider, ISupportExternalScope
{
    private readonly ConsoleFormatter _formatter;
    private IExternalScopeProvider? _scopes;

    public CapturedLog(IEnumerable<ConsoleFormatter> formatters, IOptionsMonitor<ConsoleLoggerOptions> options)
    {
        var name = options.CurrentValue.FormatterName ?? ConsoleFormatterNames.Simple;
        _formatter = formatters.Single(f => f.Name == name);
    }

    public ConcurrentQueue<string> Lines { get; } = new();

    /// <summary>The captured lines read as JSON objects; fails when any line is not one.</summary>
    public IReadOnlyList<JsonElement> Objects => [.. Lines.Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<CapturedLog>();
        services.AddSingleton<ILoggerProvider>(sp => sp.GetRequiredService<CapturedLog>());
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    /// <summary>The trace id among a line's scopes (the request scope the host opens), or null.</summary>
    public static string? TraceIdOf(JsonElement line) =>
        line.TryGetProperty("Scopes", out var scopes) && scopes.ValueKind == JsonValueKind.Array
            ? scopes.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out _))
                .Select(s => s.GetProperty("TraceId").GetString()).FirstOrDefault()
            : null;

    private sealed class Logger(CapturedLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
            owner._scopes?.Push(state) ?? NullLogger.Instance.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var entry = new Microsoft.Extensions.Logging.Abstractions.LogEntry<TState>(logLevel, category, eventId, state, exception, formatter);
            using var writer = new StringWriter();
            owner._formatter.Write(in entry, owner._scopes, writer);
            foreach (var line in writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                owner.Lines.Enqueue(line.TrimEnd('\r'));
            }
        }
    }
}
