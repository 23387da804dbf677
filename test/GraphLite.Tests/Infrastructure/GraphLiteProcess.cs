using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using GraphLite.Auth;
using GraphLite.Hosting;

namespace GraphLite.Tests.Infrastructure;

/// <summary>
/// GraphLite as a real process on Kestrel, listening on a free loopback port, with a temporary data folder of its
/// own unless the arguments name one. Disposing it kills the process and deletes that folder.
/// </summary>
public sealed class GraphLiteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly bool _ownsDataFolder;
    private readonly Lazy<OfflineTokenIssuer> _issuer;

    private GraphLiteProcess(Process process, ConcurrentQueue<string> output, Uri baseAddress, string dataFolder, bool ownsDataFolder)
    {
        _process = process;
        _output = output;
        _ownsDataFolder = ownsDataFolder;
        BaseAddress = baseAddress;
        DataFolderPath = dataFolder;
        _issuer = new(() => new OfflineTokenIssuer(SigningKeyStore.LoadOrCreate(new DataFolder(dataFolder))));
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The data folder the server uses, with its signing key.</summary>
    public string DataFolderPath { get; }

    /// <summary>The lines the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public static async Task<GraphLiteProcess> StartAsync(params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);

        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var ownsDataFolder = !arguments.Any(argument => argument.Contains(DataFolder.ConfigurationKey, StringComparison.OrdinalIgnoreCase));
        var dataFolder = ownsDataFolder ? TestDataFolders.CreateWithKey() : DataFolderArgument(arguments);

        var startInfo = GraphLiteCommand.CreateStartInfo(["--urls", baseAddress.ToString().TrimEnd('/'), .. arguments]);
        if (ownsDataFolder)
        {
            startInfo.ArgumentList.Add($"--{DataFolder.ConfigurationKey}={dataFolder}");
        }

        var output = new ConcurrentQueue<string>();
        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, line) => Collect(output, line.Data);
        process.ErrorDataReceived += (_, line) => Collect(output, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new GraphLiteProcess(process, output, baseAddress, dataFolder, ownsDataFolder);
        try
        {
            await server.WaitUntilListeningAsync(TimeSpan.FromSeconds(30));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>Creates a client for <c>/v1.0/</c> that sends a token with every permission.</summary>
    public HttpClient CreateGraphClient() => CreateGraphClient(CreateAccessToken([.. Permissions.FullAccess]));

    /// <summary>Creates a client for <c>/v1.0/</c> that sends <paramref name="accessToken"/>, or no token for null.</summary>
    public HttpClient CreateGraphClient(string? accessToken)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress, "v1.0/") };
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return client;
    }

    /// <summary>Creates an app token with exactly <paramref name="permissions"/>, signed with the server's key.</summary>
    public string CreateAccessToken(params string[] permissions) =>
        CreateAccessToken(new TokenRequest(permissions, TokenRequest.DefaultLifetime));

    public string CreateAccessToken(TokenRequest request) => _issuer.Value.Issue(request);

    /// <summary>Waits until a line of output matches, e.g. the log line of a request that has just been answered.</summary>
    public async Task<string?> WaitForOutputAsync(Func<string, bool> predicate, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(predicate);

        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var line = _output.FirstOrDefault(predicate);
            if (line is not null || DateTime.UtcNow > deadline)
            {
                return line;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (_ownsDataFolder)
        {
            TestDataFolders.Delete(DataFolderPath);
        }
    }

    private static GraphPermissions Permissions => new(GraphLite.Model.GraphModel.Instance, GraphLite.OData.ODataExtensions.RoutePrefix);

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"GraphLite exited with code {_process.ExitCode} before it listened:{Environment.NewLine}{string.Join(Environment.NewLine, Output)}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(BaseAddress, "health/live"));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(200);
            }
            catch (TaskCanceledException)
            {
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"GraphLite did not listen on {BaseAddress} within {timeout.TotalSeconds} s.");
    }

    private static void Collect(ConcurrentQueue<string> output, string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }

    private static string DataFolderArgument(string[] arguments)
    {
        var index = Array.FindIndex(arguments, argument => argument.Contains(DataFolder.ConfigurationKey, StringComparison.OrdinalIgnoreCase));
        var argument = arguments[index];
        return argument.Contains('=', StringComparison.Ordinal) ? argument.Split('=', 2)[1] : arguments[index + 1];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
