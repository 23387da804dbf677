using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;

namespace GraphLite.Tests.Infrastructure;

/// <summary>GraphLite as a real process serving HTTPS beside HTTP, and the one-shot commands of its executable.</summary>
public sealed partial class GraphLiteProcess
{
    /// <summary>The HTTPS server root, e.g. <c>https://127.0.0.1:41235/</c>, or null when the server speaks only HTTP.</summary>
    public Uri? HttpsBaseAddress { get; }

    /// <summary>The <c>GraphLite:DataFolder</c> of the server: the one its arguments name, else a temporary one.</summary>
    public string? DataFolder { get; }

    /// <summary>The certificate authority that <see cref="ExportAuthorityAsync"/> wrote; clients made after it trust it.</summary>
    public X509Certificate2? TrustedAuthority { get; private set; }

    /// <summary>
    /// Starts GraphLite on a free HTTPS port and a free HTTP port, keeping its certificates in <paramref name="dataFolder"/>.
    /// </summary>
    public static async Task<GraphLiteProcess> StartWithHttpsAsync(string dataFolder, params string[] arguments)
    {
        var ports = FreePorts(2);
        return await LaunchAsync(
            new Uri($"http://127.0.0.1:{ports[0]}/"),
            new Uri($"https://127.0.0.1:{ports[1]}/"),
            [.. arguments, "--GraphLite:DataFolder", dataFolder],
            dataFolder);
    }

    /// <summary>Runs <c>GraphLite cert export</c> on this server's data folder and trusts the written authority.</summary>
    public async Task<X509Certificate2> ExportAuthorityAsync(string path)
    {
        var dataFolder = DataFolder ?? throw new InvalidOperationException("The server was not started with a data folder.");
        var result = await RunCommandAsync("cert", "export", path, "--GraphLite:DataFolder", dataFolder);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"cert export failed with exit code {result.ExitCode}: {result.StandardError}");
        }

        TrustedAuthority = X509CertificateLoader.LoadCertificateFromFile(path);
        return TrustedAuthority;
    }

    /// <summary>
    /// Creates a client whose relative URLs resolve under <c>/v1.0/</c> of <paramref name="root"/>, with a token that
    /// has every permission. Over HTTPS it accepts only a server certificate that chains to
    /// <see cref="TrustedAuthority"/> and names the host.
    /// </summary>
    public HttpClient CreateClient(Uri root)
    {
        ArgumentNullException.ThrowIfNull(root);

        var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        if (TrustedAuthority is not null)
        {
            handler.SslOptions.CertificateChainPolicy = TlsProbe.TrustOnly(TrustedAuthority);
        }

        var client = new HttpClient(handler) { BaseAddress = new Uri(root, "v1.0/") };
        Authorize(client, FullAccessToken());
        return client;
    }

    /// <summary>Runs the GraphLite executable with a command such as <c>cert export</c> and waits up to a minute.</summary>
    public static async Task<CommandResult> RunCommandAsync(params string[] arguments)
    {
        var startInfo = DotnetStartInfo();
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException("dotnet did not start.");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"GraphLite {string.Join(' ', arguments)} did not exit within a minute.");
        }

        return new CommandResult(process.ExitCode, await standardOutput, await standardError);
    }
}

/// <summary>The exit code and output of one GraphLite command.</summary>
public sealed record CommandResult(int ExitCode, string StandardOutput, string StandardError);
