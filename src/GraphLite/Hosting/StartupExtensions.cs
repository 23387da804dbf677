using System.Reflection;
using GraphLite.Storage;
using Microsoft.Extensions.Options;

namespace GraphLite.Hosting;

/// <summary>
/// Starts the server so that a start-up failure the operator can fix (an invalid setting, an unreachable database,
/// a malformed seed file) ends the process with one line on standard error and exit code 1, not a stack trace.
/// </summary>
/// <remarks>
/// When another program runs the entry point, such as WebApplicationFactory in the tests, the failure propagates
/// to it as the exception instead, because that host reports a normal return as "the server has not been started".
/// </remarks>
public static class StartupExtensions
{
    public const int StartupFailedExitCode = 1;

    public static async Task<int> RunGraphLiteAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        try
        {
            // The host would run both steps too, but it logs their failures with a stack trace before it rethrows.
            app.Services.GetService<IStartupValidator>()?.Validate();
            await app.Services.GetRequiredService<StorageInitializer>().InitializeAsync();
            await app.StartAsync();
        }
        catch (Exception exception) when (IsOwnProcess() && Describe(exception) is { } line)
        {
            await Console.Error.WriteLineAsync(line);
            return StartupFailedExitCode;
        }

        await app.WaitForShutdownAsync();
        return 0;
    }

    private static bool IsOwnProcess() => Assembly.GetEntryAssembly() == typeof(StartupExtensions).Assembly;

    /// <summary>Returns the one-line message of a failure the operator can fix, or null for any other failure.</summary>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);

        var message = exception switch
        {
            StartupException startup => startup.Message,
            OptionsValidationException validation => string.Join(" ", validation.Failures),
            AggregateException aggregate when aggregate.InnerExceptions.All(inner => Describe(inner) is not null) =>
                string.Join(" ", aggregate.InnerExceptions.Select(Describe)),
            _ => null,
        };
        return message is null ? null : string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
