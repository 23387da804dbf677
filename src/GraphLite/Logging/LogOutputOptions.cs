namespace GraphLite.Logging;

/// <summary>The console log format.</summary>
public enum LogFormat
{
    /// <summary>One line of text per entry.</summary>
    Simple,

    /// <summary>One JSON object per line, for log collectors.</summary>
    Json,
}

/// <summary>Console log settings, bound from <c>GraphLite:Logging</c>.</summary>
public sealed class LogOutputOptions
{
    public const string SectionName = "GraphLite:Logging";

    public LogFormat Format { get; set; } = LogFormat.Simple;
}
