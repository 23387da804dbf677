using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using GraphLite.Auth;
using GraphLite.Model;
using GraphLite.OData;

namespace GraphLite.Tests.Infrastructure;

/// <summary>
/// GraphLite as a real process on Kestrel, listening on a free loopback port, with a temporary data folder of its
/// own unless the arguments name one. Disposing it kills the process and deletes that folder.
/// </summary>
public sealed partial class GraphLiteProcess : IAsyncDisposable
{
    private const string DataFolderKey = GraphLite.Hosting.DataFolder.ConfigurationKey;

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Lazy<OfflineTokenIssuer> _issuer;
    private bool _ownsDataFolder;

    private GraphLiteProcess(Process process, Uri baseAddress, Uri? httpsBaseAddress, string dataFolder)
    {
        _process = process;
        BaseAddress = baseAddress;
        HttpsBaseAddress = httpsBaseAddress;
        DataFolder = dataFolder;
        _issuer = new(() => new OfflineTokenIssuer(SigningKeyStore.LoadOrCreate(new GraphLite.Hosting.DataFolder(dataFolder))));
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The lines the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    public static async Task<GraphLiteProcess> StartAsync(params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);

        var baseAddress = new Uri($"http://127.0.0.1:{FreePorts(1)[0]}/");
        var ownsDataFolder = DataFolderArgument(arguments) is null;
        var dataFolder = ownsDataFolder ? TestDataFolders.CreateWithKey() : DataFolderArgument(arguments)!;
        IEnumerable<string> allArguments = ownsDataFolder ? [.. arguments, $"--{DataFolderKey}={dataFolder}"] : arguments;
        try
        {
            var server = await LaunchAsync(baseAddress, httpsBaseAddress: null, allArguments, dataFolder);
            server._ownsDataFolder = ownsDataFolder;
            return server;
        }
        catch
        {
            if (ownsDataFolder)
            {
                TestDataFolders.Delete(dataFolder);
            }

            throw;
        }
    }

    /// <summary>Creates a client for <c>/v1.0/</c> that sends a token with every permission.</summary>
    public HttpClient CreateGraphClient() => CreateGraphClient(FullAccessToken());

    /// <summary>Creates a client for <c>/v1.0/</c> that sends <paramref name="accessToken"/>, or no token for null.</summary>
    public HttpClient CreateGraphClient(string? accessToken)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseAddress, "v1.0/") };
        Authorize(client, accessToken);
        return client;
    }

    /// <summary>Creates an app token with exactly <paramref name="permissions"/>, signed with the server's key.</summary>
    public string CreateAccessToken(params string[] permissions) =>
        CreateAccessToken(new TokenRequest(permissions, TokenRequest.DefaultLifetime));

    public string CreateAccessToken(TokenRequest request) => _issuer.Value.Issue(request);

    /// <summary>Waits until a line of output matches, e.g. the log line of a request that has just completed.</summary>
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
        if (_ownsDataFolder && DataFolder is not null)
        {
            TestDataFolders.Delete(DataFolder);
        }
    }

    private static async Task<GraphLiteProcess> LaunchAsync(Uri baseAddress, Uri? httpsBaseAddress, IEnumerable<string> arguments, string dataFolder)
    {
        var urls = httpsBaseAddress is null ? [baseAddress] : new[] { httpsBaseAddress, baseAddress };
        var startInfo = DotnetStartInfo();
        startInfo.ArgumentList.Add("--urls");
        startInfo.ArgumentList.Add(string.Join(';', urls.Select(url => url.ToString().TrimEnd('/'))));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The start-up wait reads Kestrel's "Now listening on" lines, whatever appsettings.json sets.
        startInfo.ArgumentList.Add("--Logging:LogLevel:Microsoft.Hosting.Lifetime");
        startInfo.ArgumentList.Add("Information");

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new GraphLiteProcess(process, baseAddress, httpsBaseAddress, dataFolder);
        process.OutputDataReceived += (_, line) => server.Record(line.Data);
        process.ErrorDataReceived += (_, line) => server.Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilListeningAsync([.. urls], TimeSpan.FromSeconds(30));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private string FullAccessToken() =>
        CreateAccessToken([.. new GraphPermissions(GraphModel.Instance, ODataExtensions.RoutePrefix).FullAccess]);

    private static void Authorize(HttpClient client, string? accessToken)
    {
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }
    }

    /// <summary>Returns the data folder that the arguments name, as <c>--GraphLite:DataFolder=x</c> or <c>--GraphLite:DataFolder x</c>.</summary>
    private static string? DataFolderArgument(string[] arguments)
    {
        for (var index = 0; index < arguments.Length; index++)
        {
            var argument = arguments[index].TrimStart('-', '/');
            if (argument.StartsWith($"{DataFolderKey}=", StringComparison.OrdinalIgnoreCase))
            {
                return argument[(DataFolderKey.Length + 1)..];
            }

            if (argument.Equals(DataFolderKey, StringComparison.OrdinalIgnoreCase) && index + 1 < arguments.Length)
            {
                return arguments[index + 1];
            }
        }

        return null;
    }

    private static ProcessStartInfo DotnetStartInfo()
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GraphLite.dll"));
        return startInfo;
    }

    /// <summary>
    /// Waits until this process reports that it listens on every URL. Probing the port instead could reach another
    /// process that took the port between <see cref="FreePorts"/> and this process's bind.
    /// </summary>
    private async Task WaitUntilListeningAsync(IReadOnlyList<Uri> urls, TimeSpan timeout)
    {
        var expected = urls.Select(url => $"Now listening on: {url.ToString().TrimEnd('/')}").ToList();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (expected.All(line => _output.Any(output => output.Contains(line, StringComparison.Ordinal))))
            {
                return;
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"GraphLite exited with code {_process.ExitCode} before it listened. Its output:\n{string.Join('\n', _output)}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException(
            $"GraphLite did not listen on {string.Join(", ", urls)} within {timeout.TotalSeconds} s. Its output:\n{string.Join('\n', _output)}");
    }

    /// <summary>Returns distinct free loopback ports; the listeners stay open until all are chosen.</summary>
    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return listeners.Select(listener => ((IPEndPoint)listener.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
