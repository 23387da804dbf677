using GraphLite.Commands;
using GraphLite.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphLite.Https;

/// <summary>
/// <c>cert export &lt;path&gt;</c>: writes the certificate authority that signs GraphLite's localhost certificate, as
/// PEM without its key, so that clients can trust it. Creates the certificates first when the data folder has none.
/// </summary>
public sealed class CertificateCommand : IGraphLiteCommand
{
    private const string Usage =
        "Usage: cert export <path> [--GraphLite:DataFolder <folder>]\n"
        + "Writes the certificate authority that signs GraphLite's localhost HTTPS certificate to <path> as PEM, "
        + "without its private key. Trust that file in clients, e.g. NODE_EXTRA_CA_CERTS=<path> or curl --cacert <path>.";

    public string Name => "cert";

    public async Task<int> RunAsync(string[] arguments, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(configuration);

        // Configuration options such as --GraphLite:DataFolder follow the positional arguments.
        var positional = arguments.TakeWhile(argument => !argument.StartsWith('-')).ToArray();
        if (positional is not ["export", var target])
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        var path = Path.GetFullPath(target);
        try
        {
            var store = new LocalCertificateStore(DataFolder.FromConfiguration(configuration), TimeProvider.System, NullLogger<LocalCertificateStore>.Instance);
            var authority = store.GetOrCreate().Authority;
            await File.WriteAllTextAsync(path, authority.ExportCertificatePem() + "\n");
            await Console.Out.WriteLineAsync($"Wrote the certificate authority {authority.Subject} (valid until {authority.NotAfter.ToUniversalTime():u}) to {path}.");
            return 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            await Console.Error.WriteLineAsync($"Exporting the certificate authority to {path} failed: {exception.Message}");
            return 1;
        }
    }
}
