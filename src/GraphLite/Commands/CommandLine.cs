namespace GraphLite.Commands;

/// <summary>
/// Runs a one-shot command such as <c>dotnet run --project src/GraphLite -- token</c> instead of the server.
/// </summary>
/// <remarks>
/// A command is the first argument when it does not start with "-". Each command is one
/// <see cref="IGraphLiteCommand"/> listed in <see cref="s_commands"/>; it gets the remaining arguments and the
/// same configuration as the server (appsettings, environment, command line).
/// </remarks>
public static class CommandLine
{
    private static readonly IGraphLiteCommand[] s_commands = [new GraphLite.Https.CertificateCommand(), new Auth.TokenCommand()];

    /// <summary>Runs the command named in <paramref name="args"/>, or returns null when the server should start.</summary>
    public static async Task<int?> TryRunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);

        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }

        var command = s_commands.FirstOrDefault(candidate => candidate.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            await Console.Error.WriteLineAsync(
                $"Unknown command '{args[0]}'. Commands: {string.Join(", ", s_commands.Select(candidate => candidate.Name))}; without one, GraphLite starts the server.");
            return 2;
        }

        // The command line provider reads a positional path such as /tmp/ca.pem as an option that takes the next
        // argument as its value, so only the options after the positional arguments reach the configuration.
        var options = args[1..].SkipWhile(argument => !argument.StartsWith('-')).ToArray();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(options)
            .Build();
        return await command.RunAsync(args[1..], configuration);
    }
}

/// <summary>A one-shot command of the GraphLite executable.</summary>
public interface IGraphLiteCommand
{
    /// <summary>The first argument that selects it, e.g. <c>token</c>.</summary>
    string Name { get; }

    /// <summary>Runs the command and returns the process exit code.</summary>
    Task<int> RunAsync(string[] arguments, IConfiguration configuration);
}
